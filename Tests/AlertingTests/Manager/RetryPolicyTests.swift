@testable import Alerting
import ObservabilityTestSupport
import Testing

@Suite struct RetryPolicyTests {
    private let policy = RetryPolicy(
        maximumAttempts: 5, initialBackoff: .milliseconds(100), multiplier: 2, maximumBackoff: .seconds(1),
        attemptTimeout: .seconds(1), deadline: .seconds(60))

    private func decide(_ error: any Error, attempt: Int = 1, remaining: Duration = .seconds(60)) -> RetryPolicy.Decision {
        var generator = SplitMix64(seed: 7)
        return policy.decision(after: error, attempt: attempt, remaining: remaining, using: &generator)
    }

    private func retries(_ decision: RetryPolicy.Decision) -> Bool {
        if case .retry = decision { return true }
        return false
    }

    @Test func backoffIsFullJitterUnderAnExponentialCeilingWithACap() {
        var generator = SplitMix64(seed: 42)
        let ceilings: [Duration] = [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1), .seconds(1)]
        for (index, ceiling) in ceilings.enumerated() {
            let samples = (0..<200).map { _ in policy.backoff(beforeRetry: index + 1, using: &generator) }
            #expect(samples.allSatisfy { $0 >= .zero && $0 <= ceiling })
            let spread = (samples.max() ?? .zero) - (samples.min() ?? .zero)
            #expect(spread > ceiling * 0.8, "full jitter spreads over the whole range")
        }
    }

    @Test func retriesTransportErrorsTimeoutsAnd408And429And5xx() {
        #expect(retries(decide(AlertingError.transport(endpoint: "http://127.0.0.1:1", reason: "connection refused"))))
        #expect(retries(decide(AlertingError.timedOut(after: .seconds(1)))))
        for code in [408, 429, 500, 502, 503, 599] {
            #expect(retries(decide(AlertingError.unexpectedStatus(code, endpoint: "e", retryAfter: nil))), "\(code)")
        }
    }

    @Test func doesNotRetryOther4xxNorInvalidAlerts() {
        for code in [400, 401, 403, 404, 413, 422] {
            #expect(decide(AlertingError.unexpectedStatus(code, endpoint: "e", retryAfter: nil)) == .giveUp(reason: "not retryable"))
        }
        #expect(decide(AlertingError.invalidLabelName("bad-name")) == .giveUp(reason: "not retryable"))
        #expect(decide(AlertingError.invalidAnnotationName("runbook-url")) == .giveUp(reason: "not retryable"))
        #expect(decide(CancellationError()) == .giveUp(reason: "cancelled"))
    }

    @Test func retriesErrorsOfCustomHandlers() {
        struct Unreachable: Error {}
        #expect(retries(decide(Unreachable())))
    }

    @Test func retryAfterReplacesTheBackoff() {
        let error = AlertingError.unexpectedStatus(429, endpoint: "e", retryAfter: .seconds(7))
        #expect(decide(error) == .retry(after: .seconds(7)))
        #expect(decide(error, remaining: .seconds(5)) == .giveUp(reason: "deadline exceeded"))
    }

    @Test func stopsAfterTheLastAttemptAndBeforeTheDeadline() {
        let error = AlertingError.unexpectedStatus(503, endpoint: "e", retryAfter: nil)
        #expect(retries(decide(error, attempt: 4)))
        #expect(decide(error, attempt: 5) == .giveUp(reason: "attempts exhausted"))
        #expect(decide(error, remaining: .zero) == .giveUp(reason: "deadline exceeded"))
    }

    @Test func refusesValuesThatWouldLoopOrNeverDeliver() {
        let invalid = [
            RetryPolicy(maximumAttempts: 0),
            RetryPolicy(multiplier: 0.5),
            RetryPolicy(multiplier: .infinity),
            RetryPolicy(initialBackoff: .seconds(2), maximumBackoff: .seconds(1)),
            RetryPolicy(attemptTimeout: .zero),
            RetryPolicy(deadline: .seconds(-1)),
            // "Never", which would overflow the clock in Task.sleep and stop the process.
            RetryPolicy(attemptTimeout: .seconds(Int64.max)),
            RetryPolicy(maximumBackoff: .seconds(Int64.max)),
            RetryPolicy(deadline: .seconds(Int64.max)),
        ]
        for policy in invalid {
            #expect(throws: AlertingError.self) { try policy.validate() }
        }
        #expect(throws: Never.self) { try RetryPolicy().validate() }
    }
}
