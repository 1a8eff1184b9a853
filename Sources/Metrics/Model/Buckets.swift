/// Histogram bucket layouts. Upper bounds only: `+Inf` is always implicit.
public enum Buckets {
    /// Prometheus' default buckets, in seconds: suited to request latencies.
    public static let `default`: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    /// `count` bounds `start`, `start + width`, … (client_golang's `LinearBuckets`).
    public static func linear(start: Double, width: Double, count: Int) -> [Double] {
        (0..<max(0, count)).map { start + Double($0) * width }
    }

    /// `count` bounds `start`, `start * factor`, … (client_golang's `ExponentialBuckets`).
    public static func exponential(start: Double, factor: Double, count: Int) -> [Double] {
        var bound = start
        return (0..<max(0, count)).map { _ in
            defer { bound *= factor }
            return bound
        }
    }

    /// Sorted, without duplicates and without `+Inf`; an error names the first non-finite bound.
    static func normalized(_ bounds: [Double], metric: String) throws(PrometheusMetricsError) -> [Double] {
        let explicit = bounds.filter { $0 != .infinity }
        if let bad = explicit.first(where: { !$0.isFinite }) {
            throw .invalidBuckets(metric: metric, reason: "bound \(bad) is not finite; +Inf is implicit and other bounds must be numbers")
        }
        var result: [Double] = []
        for bound in explicit.sorted() where result.last != bound {
            result.append(bound)
        }
        return result
    }
}
