import CoreMetrics

// The handles themselves serve as swift-metrics handlers: a `Counter(label:dimensions:)` made
// per request costs a lookup, not an allocation.

extension Counter: CounterHandler, FloatingPointCounterHandler {
    /// swift-metrics' increment; a negative amount is rejected and counted.
    public func increment(by amount: Int64) {
        inc(by: Int(truncatingIfNeeded: amount))
    }

    /// swift-metrics' increment; a negative or NaN amount is rejected and counted.
    public func increment(by amount: Double) {
        inc(by: amount)
    }
}

extension Gauge: MeterHandler, RecorderHandler {
    /// swift-metrics' meter and non-aggregating recorder set.
    public func set(_ value: Int64) {
        set(Double(value))
    }

    /// swift-metrics' meter increment.
    public func increment(by amount: Double) {
        add(amount)
    }

    /// swift-metrics' meter decrement.
    public func decrement(by amount: Double) {
        add(-amount)
    }

    /// swift-metrics' non-aggregating recorder: the last value recorded is the value.
    public func record(_ value: Int64) {
        set(Double(value))
    }

    /// swift-metrics' non-aggregating recorder: the last value recorded is the value.
    public func record(_ value: Double) {
        set(value)
    }
}

extension Histogram: RecorderHandler, TimerHandler {
    /// swift-metrics' aggregating recorder.
    public func record(_ value: Int64) {
        observe(Double(value))
    }

    /// swift-metrics' aggregating recorder.
    public func record(_ value: Double) {
        observe(value)
    }

    /// swift-metrics' timer, recorded in seconds; a negative duration is recorded as 0 and
    /// counted.
    public func recordNanoseconds(_ duration: Int64) {
        if duration < 0 {
            rejections.report(.negativeDuration)
            observe(0)
        } else {
            observe(Double(duration) / 1e9)
        }
    }
}

/// What the factory hands out for a metric it cannot record as asked (a type or label-name
/// conflict under one name): updates go nowhere, and the conflict was counted when it was made.
final class DiscardingHandler: CounterHandler, FloatingPointCounterHandler, MeterHandler, RecorderHandler, TimerHandler, Sendable {
    static let shared = DiscardingHandler()

    func increment(by amount: Int64) {}
    func increment(by amount: Double) {}
    func reset() {}
    func set(_ value: Int64) {}
    func set(_ value: Double) {}
    func decrement(by amount: Double) {}
    func record(_ value: Int64) {}
    func record(_ value: Double) {}
    func recordNanoseconds(_ duration: Int64) {}
}
