/// One series of a collected family.
public struct CollectedMetric: Sendable {
    /// Label names and values; any order (they are exposed sorted by name).
    public var labels: [(String, String)]
    /// The series' value, of the kind its family's type calls for.
    public var value: Value

    /// What a series holds, by the family's type.
    public enum Value: Sendable {
        /// The value of a counter, gauge, untyped or info series.
        case sample(Double)
        /// A histogram: cumulative counts by upper bound (without `+Inf`, which is `count`), in
        /// any order.
        case histogram(buckets: [(upperBound: Double, cumulativeCount: UInt64)], sum: Double, count: UInt64)
        /// A summary: estimates by quantile, in any order.
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
