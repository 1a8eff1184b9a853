/// A quantile a summary estimates and the rank error it may have (client_golang's objectives:
/// 0.99 with error 0.001 is between the 98.9th and 99.1st percentile).
public struct SummaryQuantile: Sendable, Hashable {
    /// The quantile, within (0, 1).
    public let quantile: Double
    /// The rank error allowed, within [0, 1): smaller is more exact and keeps more data.
    public let error: Double

    /// `quantile` estimated within `error` of its rank; checked when the summary is made.
    public init(_ quantile: Double, error: Double) {
        self.quantile = quantile
        self.error = error
    }

    /// The median, 90th and 99th percentiles with client_golang's customary errors.
    public static let standard: [SummaryQuantile] = [
        SummaryQuantile(0.5, error: 0.05),
        SummaryQuantile(0.9, error: 0.01),
        SummaryQuantile(0.99, error: 0.001),
    ]

    static func validated(_ quantiles: [SummaryQuantile], metric: String) throws(PrometheusMetricsError) -> [SummaryQuantile] {
        for quantile in quantiles {
            guard quantile.quantile > 0 && quantile.quantile < 1 else {
                throw .invalidQuantiles(metric: metric, reason: "quantile \(quantile.quantile) is outside (0, 1)")
            }
            guard quantile.error >= 0 && quantile.error < 1 else {
                throw .invalidQuantiles(metric: metric, reason: "error \(quantile.error) is outside [0, 1)")
            }
        }
        var unique: [SummaryQuantile] = []
        for quantile in quantiles.sorted(by: { $0.quantile < $1.quantile }) where unique.last?.quantile != quantile.quantile {
            unique.append(quantile)
        }
        return unique
    }
}
