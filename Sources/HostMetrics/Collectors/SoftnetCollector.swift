import Logging
import PrometheusMetrics

/// node_exporter's `softnet` collector: per CPU, the packets the network softirq processed and
/// dropped and how often it ran out of budget, from `/proc/net/softnet_stat`.
struct SoftnetCollector: Collector {
    static let name = "softnet"

    /// The three families: name, HELP and the counter.
    private static let counters: [(name: String, help: String, value: @Sendable (SoftnetStat) -> UInt32)] = [
        ("node_softnet_processed_total", "Number of processed packets", { $0.processed }),
        ("node_softnet_dropped_total", "Number of dropped packets", { $0.dropped }),
        ("node_softnet_times_squeezed_total", "Number of times processing packets ran out of quota", { $0.timeSqueezed }),
    ]

    private let file: KeptFile

    init(configuration: NodeCollector.Configuration, logger: Logger) {
        file = KeptFile(configuration.paths.procfs("net/softnet_stat"))
    }

    func read() throws(HostMetricsError) -> [SoftnetStat] {
        try SoftnetStat.parse(file.read(), path: file.path)
    }

    func collect(_ cpus: [SoftnetStat], into families: inout [CollectedFamily]) {
        let labels = cpus.map { [("cpu", String($0.index))] }
        for counter in Self.counters {
            families.append(CollectedFamily(
                name: counter.name, help: counter.help, type: .counter,
                metrics: zip(cpus, labels).map { CollectedMetric(labels: $1, value: Double(counter.value($0))) }
            ))
        }
    }
}
