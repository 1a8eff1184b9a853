extension CollectedMetric.Value {
    /// Whether this value can be written as it is in a family of `type`: a kind of value that
    /// is the family's type; histogram bounds (other than `+Inf`, which is `count`) finite and
    /// strictly increasing with cumulative counts up to `count`; summary quantiles within
    /// [0, 1] and strictly increasing.
    func isReady(for type: MetricType) -> Bool {
        switch self {
        case .sample:
            return type != .histogram && type != .summary
        case .histogram(let buckets, _, let count):
            guard type == .histogram else { return false }
            var previous: (upperBound: Double, cumulativeCount: UInt64)?
            for bucket in buckets where bucket.upperBound != .infinity {
                guard bucket.upperBound.isFinite, bucket.cumulativeCount <= count else { return false }
                if let previous, previous.upperBound >= bucket.upperBound || previous.cumulativeCount > bucket.cumulativeCount {
                    return false
                }
                previous = bucket
            }
            return true
        case .summary(let quantiles, _, _):
            return type == .summary
                && quantiles.allSatisfy { (0...1).contains($0.quantile) }
                && zip(quantiles, quantiles.dropFirst()).allSatisfy { $0.quantile < $1.quantile }
        }
    }

    /// This value with its buckets or quantiles sorted, if that makes it ready for `type`:
    /// collectors may hand them over in any order, as client_golang's const histograms and
    /// summaries take them from a map.
    func sorted(for type: MetricType) -> CollectedMetric.Value? {
        let sorted: CollectedMetric.Value
        switch self {
        case .sample:
            return nil
        case .histogram(let buckets, let sum, let count):
            guard !buckets.contains(where: { $0.upperBound.isNaN }) else { return nil }
            sorted = .histogram(buckets: buckets.sorted { $0.upperBound < $1.upperBound }, sum: sum, count: count)
        case .summary(let quantiles, let sum, let count):
            guard !quantiles.contains(where: { $0.quantile.isNaN }) else { return nil }
            sorted = .summary(quantiles: quantiles.sorted { $0.quantile < $1.quantile }, sum: sum, count: count)
        }
        return sorted.isReady(for: type) ? sorted : nil
    }
}
