import Synchronization

extension Atomic where Value == UInt64 {
    /// Adds to a `Double` kept as its bit pattern, retrying until no other thread interferes.
    @inlinable
    func addFloatingPoint(_ amount: Double) {
        var current = load(ordering: .relaxed)
        while true {
            let next = (Double(bitPattern: current) + amount).bitPattern
            let (exchanged, seen) = compareExchange(expected: current, desired: next, ordering: .relaxed)
            if exchanged { return }
            current = seen
        }
    }

    /// Adds to a `Double` kept as its bit pattern with one compare-and-swap; false when another
    /// thread changed it first, which is how handles notice contention.
    @inlinable
    func tryAddFloatingPoint(_ amount: Double) -> Bool {
        let current = load(ordering: .relaxed)
        let next = (Double(bitPattern: current) + amount).bitPattern
        return compareExchange(expected: current, desired: next, ordering: .relaxed).exchanged
    }

    /// Adds a whole number with one compare-and-swap; false when another thread changed it
    /// first, which is how handles notice contention.
    @inlinable
    func tryAdd(_ amount: UInt64) -> Bool {
        let current = load(ordering: .relaxed)
        return compareExchange(expected: current, desired: current &+ amount, ordering: .relaxed).exchanged
    }

    /// The `Double` kept as this word's bit pattern.
    @inlinable
    var floatingPointValue: Double {
        Double(bitPattern: load(ordering: .relaxed))
    }
}
