import NIOCore
import Synchronization

/// Where a server is in its one run, for those awaiting its address.
final class ListeningState: Sendable {
    private enum Phase {
        case notStarted
        case binding
        case listening(SocketAddress)
        case stopped
    }

    private struct State {
        var phase = Phase.notStarted
        var waiters: [UInt64: CheckedContinuation<SocketAddress, any Error>] = [:]
        var nextWaiterID: UInt64 = 0
    }

    private let state = Mutex(State())

    /// Claims the one run a server has.
    func startBinding() throws(MetricsServerError) {
        let isFirstRun = state.withLock { state in
            guard case .notStarted = state.phase else { return false }
            state.phase = .binding
            return true
        }
        guard isFirstRun else { throw .alreadyRunning }
    }

    /// The socket is bound: hands `address` to everyone waiting.
    func listening(at address: SocketAddress) {
        resumeWaiters(with: .success(address)) { $0 = .listening(address) }
    }

    /// The run is over (or never bound): waiters get ``MetricsServerError/notListening``.
    func stopped() {
        resumeWaiters(with: .failure(MetricsServerError.notListening)) { $0 = .stopped }
    }

    /// The bound address, once there is one.
    func address() async throws -> SocketAddress {
        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let outcome: Result<SocketAddress, any Error>? = state.withLock { state in
                    switch state.phase {
                    case .listening(let address):
                        return .success(address)
                    case .stopped:
                        return .failure(MetricsServerError.notListening)
                    case .notStarted, .binding:
                        guard !Task.isCancelled else { return .failure(CancellationError()) }
                        state.waiters[id] = continuation
                        return nil
                    }
                }
                if let outcome {
                    continuation.resume(with: outcome)
                }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume(throwing: CancellationError())
        }
    }

    private func resumeWaiters(with outcome: Result<SocketAddress, any Error>, changing change: (inout Phase) -> Void) {
        let waiters = state.withLock { state in
            change(&state.phase)
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters {
            waiter.resume(with: outcome)
        }
    }
}
