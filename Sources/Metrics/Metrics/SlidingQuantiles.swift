/// Quantiles over a sliding time window, as client_golang computes them: every observation
/// goes into several streams started at staggered times; the oldest answers queries and is
/// reset each `maxAge / ageBuckets`, so answers cover between `maxAge * (1 - 1/ageBuckets)`
/// and `maxAge` of the most recent observations. Observations wait in a buffer and reach the
/// streams in the order they were made.
struct SlidingQuantiles {
    private let quantiles: [SummaryQuantile]
    private var streams: [TargetedQuantileStream]
    private var oldest = 0
    private let rotationInterval: Double
    private var nextRotation: Double
    private var buffer: [Double] = []
    private static let bufferCapacity = 500

    /// `maxAge` must be positive and `ageBuckets` at least 1 (the registry checks both).
    init(quantiles: [SummaryQuantile], maxAge: Double, ageBuckets: Int, now: Double) {
        self.quantiles = quantiles
        streams = Array(repeating: TargetedQuantileStream(targets: quantiles), count: ageBuckets)
        rotationInterval = maxAge / Double(ageBuckets)
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
        for index in streams.indices {
            for value in buffer { streams[index].insert(value) }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Resets the oldest stream once per interval that has ended, at most once per stream: a
    /// clock that jumped far ahead empties the window in one pass.
    private mutating func rotate(now: Double) {
        guard now >= nextRotation else { return }
        flush()
        let ended = ((now - nextRotation) / rotationInterval).rounded(.down) + 1
        for _ in 0..<(ended < Double(streams.count) ? Int(ended) : streams.count) {
            streams[oldest].reset()
            oldest = (oldest + 1) % streams.count
        }
        nextRotation += ended * rotationInterval
    }
}
