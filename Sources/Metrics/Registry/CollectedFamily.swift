/// One family as a collector reports it at scrape time. Its name is exposed verbatim in the
/// 0.0.4 text format (`node_cpu_seconds_total`), and OpenMetrics names are derived from it.
public struct CollectedFamily: Sendable {
    /// The family name as the 0.0.4 text format shows it, `_total` included for counters.
    public var name: String
    /// The HELP text; families merged from several collectors should agree on it.
    public var help: String
    /// What every series of the family holds.
    public var type: MetricType
    /// OpenMetrics' unit: written only when it is the name's suffix, and never on info families.
    public var unit: String?
    /// The series, in any order: they are sorted by label values when written.
    public var metrics: [CollectedMetric]

    /// A family to hand back from `PrometheusCollector.collect(into:)`.
    public init(name: String, help: String, type: MetricType, unit: String? = nil, metrics: [CollectedMetric]) {
        self.name = name
        self.help = help
        self.type = type
        self.unit = unit
        self.metrics = metrics
    }
}
