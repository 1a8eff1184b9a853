import Logging
import PrometheusMetrics

/// node_exporter's `netdev` collector: the 16 receive and transmit counters per interface of
/// `/proc/net/dev`, under node_exporter's names. node_exporter reads them over netlink unless
/// `--no-collector.netdev.netlink`, which adds `receive_nohandler`; in that default mode this
/// collector adds it from each interface's sysfs statistics, the same kernel counter.
struct NetDevCollector: Collector {
    static let name = "netdev"

    struct Interface {
        var stats: NetDevStats
        /// `rx_nohandler`, read in netlink mode only.
        var receiveNoHandler: UInt64?
    }

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
    private let file: KeptFile
    private let devices: DeviceSelector
    private let readsReceiveNoHandler: Bool

    init(configuration: NodeCollector.Configuration, logger: Logger) throws(HostMetricsError) {
        paths = configuration.paths
        file = KeptFile(paths.procfs("net/dev"))
        devices = try configuration.netdevDevices.compiled(option: "--collector.netdev")
        readsReceiveNoHandler = configuration.netdevNetlink
    }

    func read() throws(HostMetricsError) -> [Interface] {
        var interfaces: [Interface] = []
        for stats in try NetDevStats.parse(file.read(), path: file.path) where !devices.ignores(stats.interface) {
            let noHandler = readsReceiveNoHandler ? try NetDevStats.readReceiveNoHandler(interface: stats.interface, paths) : nil
            interfaces.append(Interface(stats: stats, receiveNoHandler: noHandler))
        }
        return interfaces
    }

    func collect(_ interfaces: [Interface], into families: inout [CollectedFamily]) {
        let labels = interfaces.map { [("device", $0.stats.interface)] }
        for (index, counter) in Self.counters.enumerated() {
            families.append(CollectedFamily(
                name: Self.families[index].name,
                help: Self.families[index].help,
                type: .counter,
                metrics: zip(interfaces, labels).map { CollectedMetric(labels: $1, value: Double(counter.value($0.stats))) }
            ))
        }
        guard readsReceiveNoHandler else { return }
        families.append(CollectedFamily(
            name: "node_network_receive_nohandler_total",
            help: "Network device statistic receive_nohandler.",
            type: .counter,
            metrics: zip(interfaces, labels).compactMap { interface, labels in
                interface.receiveNoHandler.map { CollectedMetric(labels: labels, value: Double($0)) }
            }
        ))
    }
}
