import Synchronization

/// A continuation that several parties race to resume: the first outcome wins, later ones are
/// ignored, and tasks tracked here are cancelled when it is settled. The continuation may be
/// installed after the outcome is known (cancellation can come first).
final class OnceContinuation<Success: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Success, any Error>?
        var outcome: Result<Success, any Error>?
        var tasks: [Task<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Installs the continuation; returns false (having resumed it) if already settled.
    func begin(_ continuation: CheckedContinuation<Success, any Error>) -> Bool {
        let outcome = state.withLock { state -> Result<Success, any Error>? in
            if state.outcome == nil { state.continuation = continuation }
            return state.outcome
        }
        guard let outcome else { return true }
        continuation.resume(with: outcome)
        return false
    }

    /// Keeps tasks to cancel on settling; cancels them at once if already settled.
    func track(_ tasks: [Task<Void, Never>]) {
        let isSettled = state.withLock { state -> Bool in
            if state.outcome == nil { state.tasks = tasks }
            return state.outcome != nil
        }
        if isSettled { tasks.forEach { $0.cancel() } }
    }

    /// Resumes with `outcome` unless settled before.
    func settle(_ outcome: Result<Success, any Error>) {
        let (continuation, tasks) = state.withLock { state -> (CheckedContinuation<Success, any Error>?, [Task<Void, Never>]) in
            guard state.outcome == nil else { return (nil, []) }
            state.outcome = outcome
            defer {
                state.continuation = nil
                state.tasks = []
            }
            return (state.continuation, state.tasks)
        }
        tasks.forEach { $0.cancel() }
        continuation?.resume(with: outcome)
    }
}
