@testable import Alerting
import Testing

@Suite struct TimeoutTests {
    @Test func returnsTheResultOfAnOperationThatFinishesInTime() async throws {
        #expect(try await withTimeout(.seconds(10)) { 42 } == 42)
    }

    @Test func passesOnTheOperationsError() async {
        struct Refused: Error, Equatable {}
        await #expect(throws: Refused()) { try await withTimeout(.seconds(10)) { throw Refused() } }
    }

    @Test func doesNotWaitForAnOperationThatIgnoresCancellation() async {
        let gate = Gate()
        await #expect(throws: AlertingError.timedOut(after: .milliseconds(20))) {
            try await withTimeout(.milliseconds(20)) { await gate.wait() }
        }
        gate.open()
    }

    @Test func endsTheWaitWhenTheCallerIsCancelled() async {
        let gate = Gate()
        let waiting = Task { try await withTimeout(.seconds(3600)) { await gate.wait() } }
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        gate.open()
    }
}
