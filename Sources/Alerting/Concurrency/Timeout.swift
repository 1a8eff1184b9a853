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
    let race = OnceContinuation<Success>()
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
