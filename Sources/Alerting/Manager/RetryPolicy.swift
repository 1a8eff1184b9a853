/// How hard the manager tries to deliver one notification: exponential backoff with full jitter,
/// capped, within a number of attempts and an overall deadline, each attempt under a timeout.
///
/// Only failures another attempt may fix are retried (``AlertingError/isRetryable``); a
/// `Retry-After` from the receiver replaces the computed backoff.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included.
    public var maximumAttempts: Int
    /// The backoff ceiling before the first retry; each retry multiplies it by `multiplier`.
    public var initialBackoff: Duration
    /// Growth of the backoff ceiling per retry.
    public var multiplier: Double
    /// The backoff ceiling never grows past this.
    public var maximumBackoff: Duration
    /// How long one attempt may take before it counts as timed out (and retryable).
    public var attemptTimeout: Duration
    /// How long after its first attempt a notification is given up.
    public var deadline: Duration

    /// The defaults follow Alertmanager's notifier: start at 500 ms, cap at a minute.
    public init(
        maximumAttempts: Int = 10,
        initialBackoff: Duration = .milliseconds(500),
        multiplier: Double = 2,
        maximumBackoff: Duration = .seconds(60),
        attemptTimeout: Duration = .seconds(10),
        deadline: Duration = .seconds(300)
    ) {
        self.maximumAttempts = maximumAttempts
        self.initialBackoff = initialBackoff
        self.multiplier = multiplier
        self.maximumBackoff = maximumBackoff
        self.attemptTimeout = attemptTimeout
        self.deadline = deadline
    }

    /// What to do after a failed attempt.
    enum Decision: Hashable {
        case retry(after: Duration)
        case giveUp(reason: String)
    }

    /// Decides on the failure of attempt number `attempt` (from 1), with `remaining` left before
    /// the deadline.
    func decision(
        after error: any Error,
        attempt: Int,
        remaining: Duration,
        using generator: inout some RandomNumberGenerator
    ) -> Decision {
        let retryAfter: Duration?
        switch error {
        case let error as AlertingError:
            guard error.isRetryable else { return .giveUp(reason: "not retryable") }
            if case .unexpectedStatus(_, _, let after) = error { retryAfter = after } else { retryAfter = nil }
        case is CancellationError:
            return .giveUp(reason: "cancelled")
        default:
            retryAfter = nil
        }
        guard attempt < maximumAttempts else { return .giveUp(reason: "attempts exhausted") }
        let delay = retryAfter ?? backoff(beforeRetry: attempt, using: &generator)
        guard delay < remaining else { return .giveUp(reason: "deadline exceeded") }
        return .retry(after: delay)
    }

    /// Full jitter: uniform between zero and `min(maximumBackoff, initialBackoff × multiplier^(retry−1))`.
    func backoff(beforeRetry retry: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        var ceiling = initialBackoff.inSeconds
        let cap = maximumBackoff.inSeconds
        for _ in 1..<max(retry, 1) where ceiling < cap {
            ceiling *= multiplier
        }
        return .seconds(Double.random(in: 0...min(ceiling, cap), using: &generator))
    }

    /// Throws ``AlertingError/invalidConfiguration(setting:value:expected:)`` for a value that
    /// would make delivery loop or never happen.
    func validate() throws {
        guard maximumAttempts >= 1 else {
            throw AlertingError.invalidConfiguration(
                setting: "RetryPolicy.maximumAttempts", value: "\(maximumAttempts)", expected: "at least 1")
        }
        guard multiplier >= 1, multiplier.isFinite else {
            throw AlertingError.invalidConfiguration(
                setting: "RetryPolicy.multiplier", value: "\(multiplier)", expected: "a finite number of at least 1")
        }
        guard initialBackoff >= .zero, maximumBackoff >= initialBackoff, maximumBackoff <= .longestSchedulable else {
            throw AlertingError.invalidConfiguration(
                setting: "RetryPolicy.maximumBackoff", value: "\(maximumBackoff)",
                expected: "at least initialBackoff (\(initialBackoff)), which must not be negative, and at most 100 years")
        }
        try attemptTimeout.requireSchedulable("RetryPolicy.attemptTimeout")
        try deadline.requireSchedulable("RetryPolicy.deadline")
    }
}
