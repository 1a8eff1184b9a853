/// How a summary family estimates quantiles.
public struct SummaryConfiguration: Sendable, Hashable {
    /// The quantiles to estimate; empty for count and sum only.
    public var quantiles: [SummaryQuantile]
    /// How far back quantiles look.
    public var maxAge: Duration
    /// How many staggered streams cover `maxAge`: more is smoother and costlier.
    public var ageBuckets: Int

    public init(quantiles: [SummaryQuantile] = [], maxAge: Duration = .seconds(600), ageBuckets: Int = 5) {
        self.quantiles = quantiles
        self.maxAge = maxAge
        self.ageBuckets = ageBuckets
    }
}
