import Logging
import PrometheusMetrics

/// node_exporter's `netstat` collector: the protocol counters of `/proc/net/netstat`,
/// `/proc/net/snmp` and `/proc/net/snmp6` that `--collector.netstat.fields` selects, untyped, as
/// `node_netstat_<Protocol>_<Counter>`.
struct NetStatCollector: Collector {
    static let name = "netstat"

    private let paths: HostPaths
    private let fields: NamePattern

    init(configuration: NodeCollector.Configuration, logger: Logger) throws(HostMetricsError) {
        paths = configuration.paths
        fields = try NamePattern(configuration.netstatFields, option: "--collector.netstat.fields")
    }

    /// The protocols of the three files; a protocol that a later file also has is taken from
    /// the later one, as node_exporter merges them.
    func read() throws(HostMetricsError) -> [NetStat.ProtocolCounters] {
        var protocols = try NetStat.readNetstat(paths).protocols
        var sources = [try NetStat.readSNMP(paths)]
        do {
            sources.append(try NetStat.readSNMP6(paths))
        } catch .fileMissing {
            // A kernel without IPv6 has no snmp6.
        }
        for source in sources {
            for proto in source.protocols {
                protocols.removeAll { $0.name == proto.name }
                protocols.append(proto)
            }
        }
        return protocols
    }

    func collect(_ protocols: [NetStat.ProtocolCounters], into families: inout [CollectedFamily]) {
        for proto in protocols {
            for counter in proto.counters {
                let key = proto.name + "_" + counter.name
                guard fields.matches(key) else { continue }
                families.append(CollectedFamily(
                    name: "node_netstat_" + key,
                    help: "Statistic " + proto.name + counter.name + ".",
                    type: .untyped,
                    value: counter.value
                ))
            }
        }
    }
}
