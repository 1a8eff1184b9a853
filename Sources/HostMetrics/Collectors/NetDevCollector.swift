import Logging
import PrometheusMetrics

/// node_exporter's `netdev` collector, reading `/proc/net/dev` (node_exporter's
/// `--no-collector.netdev.netlink`): the 16 receive and transmit counters per interface, under
/// node_exporter's names.
struct NetDevCollector: Collector {
    static let name = "netdev"

    /// Each counter's name after `node_network_` and before `_total`, and its value.
    private static let counters: [(key: String, value: @Sendable (NetDevStats) -> UInt64)] = [
        ("receive_bytes", { $0.receiveBytes }),
        ("receive_packets", { $0.receivePackets }),
        ("receive_errs", { $0.receiveErrors }),
        ("receive_drop", { $0.receiveDropped }),
        ("receive_fifo", { $0.receiveFIFO }),
        ("receive_frame", { $0.receiveFrame }),
        ("receive_compressed", { $0.receiveCompressed }),
        ("receive_multicast", { $0.receiveMulticast }),
        ("transmit_bytes", { $0.transmitBytes }),
        ("transmit_packets", { $0.transmitPackets }),
        ("transmit_errs", { $0.transmitErrors }),
        ("transmit_drop", { $0.transmitDropped }),
        ("transmit_fifo", { $0.transmitFIFO }),
        ("transmit_colls", { $0.transmitCollisions }),
        ("transmit_carrier", { $0.transmitCarrier }),
        ("transmit_compressed", { $0.transmitCompressed }),
    ]

    /// The families' names and HELP texts, built once.
    private static let families: [(name: String, help: String)] = counters.map { counter in
        ("node_network_" + counter.key + "_total", "Network device statistic " + counter.key + ".")
    }

    private let paths: HostPaths
    private let devices: DeviceSelector

    init(configuration: NodeCollector.Configuration, logger: Logger) throws(HostMetricsError) {
        paths = configuration.paths
        devices = try configuration.netdevDevices.compiled(option: "--collector.netdev")
    }

    func read() throws(HostMetricsError) -> [NetDevStats] {
        try NetDevStats.read(paths).filter { !devices.ignores($0.interface) }
    }

    func collect(_ interfaces: [NetDevStats], into families: inout [CollectedFamily]) {
        for (index, counter) in Self.counters.enumerated() {
            families.append(CollectedFamily(
                name: Self.families[index].name,
                help: Self.families[index].help,
                type: .counter,
                metrics: interfaces.map { CollectedMetric(labels: [("device", $0.interface)], value: Double(counter.value($0))) }
            ))
        }
    }
}
