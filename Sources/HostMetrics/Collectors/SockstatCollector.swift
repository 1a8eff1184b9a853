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

    /// A protocol's state as its family depends on it.
    struct State: Equatable, Sendable {
        var protocolName: String
        var state: String
    }

    private let files: (ipv4: KeptFile, ipv6: KeptFile)
    /// `node_sockstat_<protocol>_<state>` and its HELP, made once.
    private let stateFamilies = NameTable<State, (name: String, help: String)>()

    init(configuration: NodeCollector.Configuration, logger: Logger) {
        files = (KeptFile(configuration.paths.procfs("net/sockstat")), KeptFile(configuration.paths.procfs("net/sockstat6")))
    }

    func read() throws(HostMetricsError) -> Reading {
        var reading = Reading()
        do {
            reading.ipv4 = try Sockstat(parsing: files.ipv4.read(), path: files.ipv4.path)
        } catch .fileMissing {}
        do {
            reading.ipv6 = try Sockstat(parsing: files.ipv6.read(), path: files.ipv6.path)
        } catch .fileMissing {}
        return reading
    }

    func collect(_ reading: Reading, into families: inout [CollectedFamily]) {
        if let used = reading.ipv4?.socketsUsed {
            families.append(CollectedFamily(
                name: "node_sockstat_sockets_used", help: "Number of IPv4 sockets in use.", type: .gauge, value: Double(used)
            ))
        }
        stateFamilies.withLookup { lookup in
            for stats in [reading.ipv4, reading.ipv6].compactMap({ $0 }) {
                for proto in stats.protocols {
                    // `inuse` is always published, as procfs reads a missing one as 0.
                    let states: [(String, Double?)] = [
                        ("inuse", Double(proto.inUse ?? 0)), ("orphan", proto.orphan.map { Double($0) }), ("tw", proto.timeWait.map { Double($0) }),
                        ("alloc", proto.alloc.map { Double($0) }), ("mem", proto.memPages.map { Double($0) }),
                        ("memory", proto.memoryBytes.map { Double($0) }), ("mem_bytes", proto.memBytes),
                    ]
                    for case let (state, value?) in states {
                        let family = lookup.next(State(protocolName: proto.name, state: state)) { key in
                            ("node_sockstat_" + key.protocolName + "_" + key.state, "Number of " + key.protocolName + " sockets in state " + key.state + ".")
                        }
                        families.append(CollectedFamily(name: family.name, help: family.help, type: .gauge, value: value))
                    }
                }
            }
        }
    }
}
