/// The buckets a histogram family shares: their upper bounds and their `le` spellings in both
/// formats, rendered once.
@usableFromInline
final class HistogramLayout: Sendable {
    @usableFromInline let upperBounds: [Double]
    let textBounds: [[UInt8]]
    let openMetricsBounds: [[UInt8]]

    /// Words of one shard of counts: a count per bucket (the last is `+Inf`), then the sum.
    var wordsPerShard: Int { upperBounds.count + 2 }
    @inlinable
    var sumIndex: Int { upperBounds.count + 1 }

    init(upperBounds: [Double]) {
        self.upperBounds = upperBounds
        textBounds = (upperBounds + [.infinity]).map { GoFloat.spelled($0, in: .prometheusText) }
        openMetricsBounds = (upperBounds + [.infinity]).map { GoFloat.spelled($0, in: .openMetrics) }
    }

    /// The bucket an observation falls in: the first whose bound is at least the value, or the
    /// `+Inf` bucket (NaN lands there too).
    @inlinable
    func bucketIndex(of value: Double) -> Int {
        var low = 0
        var high = upperBounds.count
        while low < high {
            let middle = (low + high) >> 1
            if value <= upperBounds[middle] {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return value.isNaN ? upperBounds.count : low
    }

    func bounds(in format: ExpositionFormat) -> [[UInt8]] {
        format == .prometheusText ? textBounds : openMetricsBounds
    }
}
