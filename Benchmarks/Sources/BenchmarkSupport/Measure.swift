import AllocationCounter

/// What one benchmarked operation costs: the median over several timed rounds.
public struct Measurement: Sendable {
    /// Wall-clock nanoseconds per operation.
    public var nanosecondsPerOperation: Double
    /// Heap allocations per operation, counted by the interposed allocator.
    public var allocationsPerOperation: Double
}

/// Runs `body(iterations)` once to warm up, then `rounds` times under the clock and the
/// allocation counter, and reports the median round. `body` must perform `iterations` operations.
public func measure(
    iterations: Int,
    rounds: Int = 7,
    _ body: (Int) -> Void
) -> Measurement {
    body(max(1, iterations / 10))
    var samples: [Measurement] = []
    samples.reserveCapacity(rounds)
    let clock = ContinuousClock()
    for _ in 0..<rounds {
        let allocationsBefore = allocation_counter_total()
        let start = clock.now
        body(iterations)
        let elapsed = clock.now - start
        let allocations = allocation_counter_total() - allocationsBefore
        let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
        samples.append(Measurement(
            nanosecondsPerOperation: nanoseconds / Double(iterations),
            allocationsPerOperation: Double(allocations) / Double(iterations)
        ))
    }
    samples.sort { $0.nanosecondsPerOperation < $1.nanosecondsPerOperation }
    return samples[samples.count / 2]
}

/// Formats a number with a fixed count of decimals, so the printed lines line up across runs.
public func formatted(_ value: Double, decimals: Int = 2) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    if let dot = text.firstIndex(of: ".") {
        let fraction = text.distance(from: dot, to: text.endIndex) - 1
        if fraction < decimals { text += String(repeating: "0", count: decimals - fraction) }
    } else if decimals > 0 {
        text += "." + String(repeating: "0", count: decimals)
    }
    return text
}
