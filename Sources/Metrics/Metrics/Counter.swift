import Synchronization

/// A value that only goes up: requests served, bytes sent, errors seen.
///
/// Whole-number increments take an integer fast path: one compare-and-swap, and once two
/// threads are seen contending, one uncontended add on the calling CPU's own cache line.
/// Fractional amounts are summed separately. Negative and NaN amounts are counted as rejected
/// and skipped, never recorded.
public final class Counter: Sendable {
    @usableFromInline let whole = Atomic<UInt64>(0)
    private let fraction = Atomic<UInt64>(Double(0).bitPattern)
    @usableFromInline let stripes = ContentionStripes(wordsPerStripe: 1)
    private let latestExemplar = LazyLocked<Exemplar?>()
    private let rejections: RejectionReporter
    let created = WallClock.now()

    init(rejections: RejectionReporter) {
        self.rejections = rejections
    }

    deinit {
        stripes.deallocate()
    }

    /// Adds one.
    @inlinable
    public func inc() {
        add(1)
    }

    /// Adds a whole number; a negative amount is rejected.
    @inlinable
    public func inc(by amount: Int) {
        guard amount >= 0 else {
            rejectNegativeIncrement()
            return
        }
        add(UInt64(amount))
    }

    @usableFromInline
    func rejectNegativeIncrement() {
        rejections.report(.negativeIncrement)
    }

    /// Adds an amount; a negative or NaN amount is rejected.
    public func inc(by amount: Double) {
        guard amount >= 0 else {
            rejections.report(amount.isNaN ? .notANumber : .negativeIncrement)
            return
        }
        if amount < 0x1p53 && amount == amount.rounded(.towardZero) {
            add(UInt64(amount))
        } else {
            fraction.addFloatingPoint(amount)
        }
    }

    /// Adds an amount and keeps an exemplar (OpenMetrics: labels such as a trace or request ID,
    /// at most 128 characters in all) pointing at this increment.
    public func inc(by amount: Double = 1, exemplar labels: [String: String]) {
        inc(by: amount)
        guard amount >= 0 else { return }
        guard let exemplar = Exemplar(labels: labels, value: amount) else {
            rejections.report(.invalidExemplar)
            return
        }
        latestExemplar.withLock(creating: { nil }) { $0 = exemplar }
    }

    /// The current total.
    public var value: Double {
        let (whole, fraction) = parts
        return Double(whole) + fraction
    }

    /// The whole and fractional parts of the total, so a scrape can spell a whole total without
    /// going through `Double`.
    var parts: (whole: UInt64, fraction: Double) {
        (whole.load(ordering: .relaxed) &+ stripes.total(of: 0), fraction.floatingPointValue)
    }

    /// Sets the total back to zero, as a restart would (swift-metrics' `reset()`).
    public func reset() {
        whole.store(0, ordering: .relaxed)
        fraction.store(Double(0).bitPattern, ordering: .relaxed)
        stripes.reset(0)
        latestExemplar.withLockIfCreated { $0 = nil }
    }

    var exemplar: Exemplar? {
        latestExemplar.value ?? nil
    }

    @inlinable
    func add(_ amount: UInt64) {
        if let words = stripes.words {
            stripes.word(0, in: words).pointee.wrappingAdd(amount, ordering: .relaxed)
        } else if !whole.tryAdd(amount) {
            stripes.word(0, in: stripes.install()).pointee.wrappingAdd(amount, ordering: .relaxed)
        }
    }
}
