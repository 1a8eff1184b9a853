import Synchronization

/// Observations counted into buckets: latencies, sizes. Exposes cumulative `_bucket` counts,
/// `_sum` and `_count`.
///
/// An observation is one atomic add on its bucket and one compare-and-swap on the sum; the
/// count is the total of the buckets, so `_count` always equals the `+Inf` bucket. When two
/// threads are seen contending, observations move to per-CPU shards and stop sharing cache
/// lines. A NaN observation counts in `+Inf` and `_count` only.
public final class Histogram: DurationObserver {
    @usableFromInline let layout: HistogramLayout
    @usableFromInline let counts: AtomicWords
    @usableFromInline let shards: ContentionStripes
    private let bucketExemplars = LazyLocked<[Exemplar?]>()
    let rejections: RejectionReporter
    let created = WallClock.now()

    init(layout: HistogramLayout, rejections: RejectionReporter) {
        self.layout = layout
        self.rejections = rejections
        counts = AtomicWords(count: layout.wordsPerShard)
        shards = ContentionStripes(wordsPerStripe: layout.wordsPerShard)
    }

    deinit {
        counts.deallocate()
        shards.deallocate()
    }

    /// Records one observation.
    @inlinable
    public func observe(_ value: Double) {
        let bucket = layout.bucketIndex(of: value)
        if let words = shards.words {
            shards.word(bucket, in: words).pointee.wrappingAdd(1, ordering: .relaxed)
            if !value.isNaN { shards.word(layout.sumIndex, in: words).pointee.addFloatingPoint(value) }
            return
        }
        counts[bucket].wrappingAdd(1, ordering: .relaxed)
        if !value.isNaN && !counts[layout.sumIndex].tryAddFloatingPoint(value) {
            shards.word(layout.sumIndex, in: shards.install()).pointee.addFloatingPoint(value)
        }
    }

    /// Records one observation and keeps an exemplar (OpenMetrics: labels such as a trace or
    /// request ID, at most 128 characters in all) for the bucket it falls in. A NaN observation
    /// gets none: OpenMetrics wants an exemplar's value inside its bucket.
    public func observe(_ value: Double, exemplar labels: [String: String]) {
        observe(value)
        guard !value.isNaN, let exemplar = Exemplar(labels: labels, value: value) else {
            rejections.report(.invalidExemplar)
            return
        }
        let bucket = layout.bucketIndex(of: value)
        let bucketCount = layout.upperBounds.count + 1
        bucketExemplars.withLock(creating: { Array(repeating: nil, count: bucketCount) }) { $0[bucket] = exemplar }
    }

    /// Records a duration in seconds; a negative duration is rejected.
    public func observe(_ duration: Duration) {
        if let seconds = rejections.seconds(of: duration) { observe(seconds) }
    }

    /// Observations in one bucket (not cumulative); the last bucket is `+Inf`.
    @inline(__always)
    func count(inBucket bucket: Int) -> UInt64 {
        counts[bucket].load(ordering: .relaxed) &+ shards.total(of: bucket)
    }

    /// The sum of all observations.
    var sum: Double {
        counts[layout.sumIndex].floatingPointValue + shards.floatingTotal(of: layout.sumIndex)
    }

    /// Exemplars by bucket; empty unless one was recorded.
    var exemplars: [Exemplar?] {
        bucketExemplars.value ?? []
    }
}
