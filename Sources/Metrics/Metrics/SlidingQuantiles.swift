/// Quantiles over a sliding time window, as client_golang computes them: every observation
/// goes into several streams started at staggered times; the oldest answers queries and is
/// reset each `maxAge / ageBuckets`, so answers cover between `maxAge * (1 - 1/ageBuckets)`
/// and `maxAge` of the most recent observations. Observations are buffered and merged sorted.
struct SlidingQuantiles {
    private let quantiles: [SummaryQuantile]
    private var streams: [TargetedQuantileStream]
    private var oldest = 0
    private let rotationInterval: Double
    private var nextRotation: Double
    private var buffer: [Double] = []
    private static let bufferCapacity = 500

    init(quantiles: [SummaryQuantile], maxAge: Double, ageBuckets: Int, now: Double) {
        self.quantiles = quantiles
        let buckets = max(1, ageBuckets)
        streams = Array(repeating: TargetedQuantileStream(targets: quantiles), count: buckets)
        rotationInterval = maxAge / Double(buckets)
        nextRotation = now + rotationInterval
    }

    mutating func observe(_ value: Double, now: Double) {
        rotate(now: now)
        buffer.append(value)
        if buffer.count >= Self.bufferCapacity { flush() }
    }

    /// The current estimate of each quantile (NaN while the window holds no observation).
    mutating func estimates(now: Double) -> [(quantile: Double, value: Double)] {
        rotate(now: now)
        flush()
        return quantiles.map { ($0.quantile, streams[oldest].query($0.quantile)) }
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.sort()
        for index in streams.indices {
            streams[index].insert(sorted: buffer)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func rotate(now: Double) {
        guard now >= nextRotation else { return }
        flush()
        while now >= nextRotation {
            streams[oldest] = TargetedQuantileStream(targets: quantiles)
            oldest = (oldest + 1) % streams.count
            nextRotation += rotationInterval
        }
    }
}
