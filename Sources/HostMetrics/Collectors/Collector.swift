import Logging
import PrometheusMetrics

/// One of node_exporter's collectors, in two steps: `read` asks the ProcFS and Syscalls layers for
/// what one scrape needs, and `collect` maps those parsed structs onto node_exporter's families
/// without touching a file.
protocol Collector: Sendable {
    /// What one scrape reads.
    associatedtype Reading

    /// node_exporter's name for the collector: the `collector` label of the scrape series and the
    /// `--collector.<name>` flag.
    static var name: String { get }

    /// Prepares the collector from the exporter's configuration: compiles its patterns, reads
    /// what never changes. Throws for a configuration node_exporter would refuse at start.
    init(configuration: NodeCollector.Configuration, logger: Logger) throws(HostMetricsError)

    /// Reads the host. A thrown error fails this collector's part of the scrape, not the scrape.
    func read() throws(HostMetricsError) -> Reading

    /// Appends the families of `reading`.
    func collect(_ reading: Reading, into families: inout [CollectedFamily])

    /// Whether `error` only means that the host lacks what the collector reports (a kernel
    /// without PSI): the collector still reports failure, but it is logged at debug level, like
    /// node_exporter's `ErrNoData`.
    static func isNoData(_ error: HostMetricsError) -> Bool
}

extension Collector {
    static func isNoData(_ error: HostMetricsError) -> Bool { false }
}

extension CollectedFamily {
    /// A family of one series without labels.
    init(name: String, help: String, type: MetricType, value: Double) {
        self.init(name: name, help: help, type: type, metrics: [CollectedMetric(value: value)])
    }
}
