/// One family as a collector reports it at scrape time. Its name is exposed verbatim in the
/// 0.0.4 text format (`node_cpu_seconds_total`), and OpenMetrics names are derived from it.
public struct CollectedFamily: Sendable {
    public var name: String
    public var help: String
    public var type: MetricType
    public var unit: String?
    public var metrics: [CollectedMetric]

    public init(name: String, help: String, type: MetricType, unit: String? = nil, metrics: [CollectedMetric]) {
        self.name = name
        self.help = help
        self.type = type
        self.unit = unit
        self.metrics = metrics
    }
}
