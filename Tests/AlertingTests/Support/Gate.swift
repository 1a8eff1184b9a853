import Synchronization

/// Holds whoever waits until the test opens it; waiting ignores cancellation on purpose, to play
/// a receiver or handler that does not cooperate.
final class Gate: Sendable {
    private let state = Mutex<(isOpen: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { continuation in
            let isOpen = state.withLock { state in
                if !state.isOpen { state.waiters.append(continuation) }
                return state.isOpen
            }
            if isOpen { continuation.resume() }
        }
    }

    func open() {
        state.withLock { state in
            state.isOpen = true
            defer { state.waiters = [] }
            return state.waiters
        }.forEach { $0.resume() }
    }
}
