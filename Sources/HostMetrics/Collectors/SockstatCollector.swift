import Logging
import PrometheusMetrics

/// node_exporter's `sockstat` collector: sockets per protocol and state from `/proc/net/sockstat`
/// and `/proc/net/sockstat6`, either of which a kernel without that IP version lacks.
struct SockstatCollector: Collector {
    static let name = "sockstat"

    struct Reading {
        var ipv4: Sockstat?
        var ipv6: Sockstat?
    }

    private let paths: HostPaths

    init(configuration: NodeCollector.Configuration, logger: Logger) {
        paths = configuration.paths
    }

    func read() throws(HostMetricsError) -> Reading {
        var reading = Reading()
        do {
            reading.ipv4 = try Sockstat.read(paths)
        } catch .fileMissing {}
        do {
            reading.ipv6 = try Sockstat.read6(paths)
        } catch .fileMissing {}
        return reading
    }

    func collect(_ reading: Reading, into families: inout [CollectedFamily]) {
        if let used = reading.ipv4?.socketsUsed {
            families.append(CollectedFamily(
                name: "node_sockstat_sockets_used", help: "Number of IPv4 sockets in use.", type: .gauge, value: Double(used)
            ))
        }
        for stats in [reading.ipv4, reading.ipv6].compactMap({ $0 }) {
            for proto in stats.protocols {
                // `inuse` is always published, as procfs reads a missing one as 0.
                let states: [(String, UInt64?)] = [
                    ("inuse", proto.inUse ?? 0), ("orphan", proto.orphan), ("tw", proto.timeWait), ("alloc", proto.alloc),
                    ("mem", proto.memPages), ("memory", proto.memoryBytes),
                ]
                for case let (state, value?) in states {
                    families.append(Self.family(proto.name, state, Double(value)))
                }
                if let memBytes = proto.memBytes {
                    families.append(Self.family(proto.name, "mem_bytes", memBytes))
                }
            }
        }
    }

    /// `node_sockstat_<protocol>_<state>`.
    private static func family(_ protocolName: String, _ state: String, _ value: Double) -> CollectedFamily {
        CollectedFamily(
            name: "node_sockstat_" + protocolName + "_" + state,
            help: "Number of " + protocolName + " sockets in state " + state + ".",
            type: .gauge,
            value: value
        )
    }
}
