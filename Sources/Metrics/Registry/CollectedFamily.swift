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

/// One series of a collected family.
public struct CollectedMetric: Sendable {
    /// Label names and values; any order (they are exposed sorted by name).
    public var labels: [(String, String)]
    public var value: Value

    /// What a series holds, by the family's type.
    public enum Value: Sendable {
        /// The value of a counter, gauge, untyped or info series.
        case sample(Double)
        /// A histogram: cumulative counts by upper bound (without `+Inf`, which is `count`).
        case histogram(buckets: [(upperBound: Double, cumulativeCount: UInt64)], sum: Double, count: UInt64)
        /// A summary: estimates by quantile.
        case summary(quantiles: [(quantile: Double, value: Double)], sum: Double, count: UInt64)
    }

    /// A counter, gauge, untyped or info series.
    public init(labels: [(String, String)] = [], value: Double) {
        self.labels = labels
        self.value = .sample(value)
    }

    /// A series of any type.
    public init(labels: [(String, String)] = [], value: Value) {
        self.labels = labels
        self.value = value
    }
}
