import Synchronization

/// A value that goes up and down: queue depth, temperature, in-flight requests.
public final class Gauge: Sendable {
    @usableFromInline let bits = Atomic<UInt64>(Double(0).bitPattern)

    init() {}

    /// Sets the value: a single atomic store.
    @inlinable
    public func set(_ value: Double) {
        bits.store(value.bitPattern, ordering: .relaxed)
    }

    /// Sets a whole-number value (so that `set(42)` needs no annotation).
    public func set(_ value: Int) {
        set(Double(value))
    }

    /// Adds an amount (negative to subtract).
    public func add(_ amount: Double) {
        bits.addFloatingPoint(amount)
    }

    /// Adds an amount, one by default.
    public func inc(by amount: Double = 1) {
        add(amount)
    }

    /// Subtracts an amount, one by default.
    public func dec(by amount: Double = 1) {
        add(-amount)
    }

    /// Sets the value to the current Unix time in seconds: for "last success" timestamps.
    public func setToCurrentTime() {
        set(WallClock.now())
    }

    /// The current value.
    public var value: Double {
        bits.floatingPointValue
    }
}
