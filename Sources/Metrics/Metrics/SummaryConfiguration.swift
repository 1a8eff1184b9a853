/// How a summary family estimates quantiles.
public struct SummaryConfiguration: Sendable, Hashable {
    /// The quantiles to estimate; empty for count and sum only.
    public var quantiles: [SummaryQuantile]
    /// How far back quantiles look.
    public var maxAge: Duration
    /// How many staggered streams cover `maxAge`: more is smoother and costlier.
    public var ageBuckets: Int

    /// client_golang's defaults: no quantiles, or quantiles over the last ten minutes in five
    /// staggered streams.
    public init(quantiles: [SummaryQuantile] = [], maxAge: Duration = .seconds(600), ageBuckets: Int = 5) {
        self.quantiles = quantiles
        self.maxAge = maxAge
        self.ageBuckets = ageBuckets
    }
}

extension SummaryConfiguration {
    /// This configuration with its quantiles sorted and de-duplicated, or an error naming what
    /// cannot work: a window that never ends or has no stream to answer from.
    func validated(metric: String) throws(PrometheusMetricsError) -> SummaryConfiguration {
        guard maxAge > .zero else {
            throw .invalidQuantiles(metric: metric, reason: "maxAge \(maxAge) must be positive")
        }
        guard ageBuckets >= 1 else {
            throw .invalidQuantiles(metric: metric, reason: "ageBuckets \(ageBuckets) must be at least 1")
        }
        var validated = self
        validated.quantiles = try SummaryQuantile.validated(quantiles, metric: metric)
        return validated
    }
}
