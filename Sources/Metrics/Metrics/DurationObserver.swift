/// What histograms and summaries share: observations in seconds, and timing a closure.
public protocol DurationObserver: AnyObject, Sendable {
    /// Records one observation.
    func observe(_ value: Double)
    /// Records a duration in seconds; a negative duration is rejected and counted.
    func observe(_ duration: Duration)
}

extension DurationObserver {
    /// Runs `body` and records how long it took, in seconds, whether it returns or throws.
    public func time<Result>(_ body: () throws -> Result) rethrows -> Result {
        let start = ContinuousClock.now
        defer { observe(ContinuousClock.now - start) }
        return try body()
    }

    /// Runs `body` and records how long it took, in seconds, whether it returns or throws.
    public func time<Result>(isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> Result) async rethrows -> Result {
        let start = ContinuousClock.now
        defer { observe(ContinuousClock.now - start) }
        return try await body()
    }
}
