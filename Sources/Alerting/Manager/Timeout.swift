import Synchronization

/// Runs `operation` in a task of its own and returns its outcome, or throws
/// ``AlertingError/timedOut(after:)`` once `timeout` has passed.
///
/// Unlike a task group, this does not wait for an operation that ignores cancellation: the
/// operation is cancelled and left behind, so a hanging handler holds up no one. Cancelling the
/// caller ends the wait at once with `CancellationError`.
func withTimeout<Success: Sendable>(
    _ timeout: Duration,
    operation: @escaping @Sendable () async throws -> Success
) async throws -> Success {
    let race = TimeoutRace<Success>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            guard race.begin(continuation) else { return }
            race.track([
                Task {
                    do {
                        race.settle(.success(try await operation()))
                    } catch {
                        race.settle(.failure(error))
                    }
                },
                Task {
                    guard (try? await Task.sleep(for: timeout)) != nil else { return }
                    race.settle(.failure(AlertingError.timedOut(after: timeout)))
                },
            ])
        }
    } onCancel: {
        race.settle(.failure(CancellationError()))
    }
}

/// The shared state of one `withTimeout` call: whichever of the operation, the timer and the
/// caller's cancellation settles first resumes the caller and cancels the rest.
private final class TimeoutRace<Success: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Success, any Error>?
        var outcome: Result<Success, any Error>?
        var tasks: [Task<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Installs the continuation; returns false (having resumed it) if the race is already over.
    func begin(_ continuation: CheckedContinuation<Success, any Error>) -> Bool {
        let outcome = state.withLock { state -> Result<Success, any Error>? in
            if state.outcome == nil { state.continuation = continuation }
            return state.outcome
        }
        guard let outcome else { return true }
        continuation.resume(with: outcome)
        return false
    }

    /// Keeps the racing tasks so the winner can cancel them; cancels them if the race is over.
    func track(_ tasks: [Task<Void, Never>]) {
        let isOver = state.withLock { state -> Bool in
            if state.outcome == nil { state.tasks = tasks }
            return state.outcome != nil
        }
        if isOver { tasks.forEach { $0.cancel() } }
    }

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
