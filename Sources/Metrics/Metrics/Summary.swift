import Synchronization

/// Observations summarised as `_count` and `_sum`, and optionally as quantiles over a sliding
/// window (client_golang's summary). Prefer a histogram when series from several instances
/// must be aggregated: quantiles cannot be.
public final class Summary: DurationObserver {
    private let count = Atomic<UInt64>(0)
    private let sum = Atomic<UInt64>(Double(0).bitPattern)
    private let window: Locked<SlidingQuantiles>?
    private let rejections: RejectionReporter
    /// The window's time origin. The window turns on a clock that never steps: on the wall
    /// clock, a clock set back would hold stale observations for as long, and one set forward
    /// would empty it.
    private let start = ContinuousClock.now
    let created = WallClock.now()

    init(configuration: SummaryConfiguration, rejections: RejectionReporter) {
        self.rejections = rejections
        window = configuration.quantiles.isEmpty ? nil : Locked(SlidingQuantiles(
            quantiles: configuration.quantiles,
            maxAge: configuration.maxAge.seconds,
            ageBuckets: configuration.ageBuckets,
            now: 0
        ))
    }

    /// Records one observation. A NaN observation counts but does not poison the sum.
    public func observe(_ value: Double) {
        count.wrappingAdd(1, ordering: .relaxed)
        guard !value.isNaN else { return }
        sum.addFloatingPoint(value)
        if let window {
            let now = secondsSinceStart
            window.withLock { $0.observe(value, now: now) }
        }
    }

    /// Records a duration in seconds; a negative duration is rejected.
    public func observe(_ duration: Duration) {
        if let seconds = rejections.seconds(of: duration) { observe(seconds) }
    }

    var snapshot: (count: UInt64, sum: Double, quantiles: [(quantile: Double, value: Double)]) {
        let now = secondsSinceStart
        let quantiles = window?.withLock { $0.estimates(now: now) } ?? []
        return (count.load(ordering: .relaxed), sum.floatingPointValue, quantiles)
    }

    private var secondsSinceStart: Double {
        (ContinuousClock.now - start).seconds
    }
}
