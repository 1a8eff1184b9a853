import Alerting
import HTTPTypes
import Synchronization

/// The share of responses that were 5xx since the previous evaluation: the value of the
/// service's in-process `HighServerErrorRatio` rule. No value (so the rule resolves) while no
/// request arrived in the window.
final class ServerErrorRatio: RuleValueSource {
    private let responses = Atomic<Int>(0)
    private let serverErrors = Atomic<Int>(0)
    private let previous = Mutex<(responses: Int, serverErrors: Int)>((0, 0))

    /// Counts one response.
    func record(_ status: HTTPResponse.Status) {
        responses.add(1, ordering: .relaxed)
        if status.kind == .serverError {
            serverErrors.add(1, ordering: .relaxed)
        }
    }

    /// 5xx responses over all responses since the last call.
    func currentValue() async throws -> Double? {
        let current = (responses: responses.load(ordering: .relaxed), serverErrors: serverErrors.load(ordering: .relaxed))
        let last = previous.withLock { previous in
            defer { previous = current }
            return previous
        }
        let answered = current.responses - last.responses
        guard answered > 0 else { return nil }
        // A response counted between the two loads can tip one window over 1.
        return min(1, Double(current.serverErrors - last.serverErrors) / Double(answered))
    }
}
