import Logging
import PrometheusMetrics

/// node_exporter's `netstat` collector: the protocol counters of `/proc/net/netstat`,
/// `/proc/net/snmp` and `/proc/net/snmp6` that `--collector.netstat.fields` selects, untyped, as
/// `node_netstat_<Protocol>_<Counter>`.
struct NetStatCollector: Collector {
    static let name = "netstat"

    /// A protocol's counters as their families depend on them.
    struct Counters: Equatable, Sendable {
        var protocolName: String
        var names: [String]
    }

    private let files: (netstat: KeptFile, snmp: KeptFile, snmp6: KeptFile)
    private let fields: NamePattern
    /// The lines of names of netstat and snmp, and the names of snmp6.
    private let names = (netstat: NameTable<FileBytes, NetStat.Header>(), snmp: NameTable<FileBytes, NetStat.Header>(), snmp6: NameStrings())
    /// Each protocol's counters' family names and HELP texts, nil for the counters the fields
    /// leave out.
    private let protocolFamilies = NameTable<Counters, [(name: String, help: String)?]>()

    init(configuration: NodeCollector.Configuration, logger: Logger) throws(HostMetricsError) {
        let paths = configuration.paths
        files = (KeptFile(paths.procfs("net/netstat")), KeptFile(paths.procfs("net/snmp")), KeptFile(paths.procfs("net/snmp6")))
        fields = try NamePattern(configuration.netstatFields, option: "--collector.netstat.fields")
    }

    /// The protocols of the three files; a protocol that a later file also has is taken from
    /// the later one, as node_exporter merges them.
    func read() throws(HostMetricsError) -> [NetStat.ProtocolCounters] {
        var protocols = try NetStat(parsingPairs: files.netstat.read(), path: files.netstat.path, headers: names.netstat).protocols
        var sources = [try NetStat(parsingPairs: files.snmp.read(), path: files.snmp.path, headers: names.snmp)]
        do {
            sources.append(try NetStat(parsingSNMP6: files.snmp6.read(), path: files.snmp6.path, names: names.snmp6))
        } catch .fileMissing {
            // A kernel without IPv6 has no snmp6.
        }
        for source in sources {
            for proto in source.protocols {
                if let index = protocols.firstIndex(where: { $0.name == proto.name }) {
                    protocols[index] = proto
                } else {
                    protocols.append(proto)
                }
            }
        }
        return protocols
    }

    func collect(_ protocols: [NetStat.ProtocolCounters], into families: inout [CollectedFamily]) {
        let fields = fields
        protocolFamilies.withLookup { lookup in
            for proto in protocols {
                let selected = lookup.next(Counters(protocolName: proto.name, names: proto.names)) { counters in
                    counters.names.map { counter in
                        let key = counters.protocolName + "_" + counter
                        return fields.matches(key) ? ("node_netstat_" + key, "Statistic " + counters.protocolName + counter + ".") : nil
                    }
                }
                for (family, value) in zip(selected, proto.values) {
                    guard let family else { continue }
                    families.append(CollectedFamily(name: family.name, help: family.help, type: .untyped, value: value))
                }
            }
        }
    }
}
