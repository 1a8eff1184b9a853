import NIOCore
import Synchronization

/// The open connections of one server, for graceful shutdown: once closing, each connection
/// finishes the response it owes and closes, and new connections are closed at once.
final class ConnectionTracker: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var isClosing = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Tracks `channel` until it closes; false when the server is shutting down, in which case
    /// the caller closes it.
    func track(_ channel: any Channel) -> Bool {
        let id = ObjectIdentifier(channel)
        let isTracked = state.withLock { state in
            guard !state.isClosing else { return false }
            state.channels[id] = channel
            return true
        }
        if isTracked {
            channel.closeFuture.whenComplete { _ in self.untrack(id) }
        }
        return isTracked
    }

    /// Asks every connection to close once idle, after the response it owes (swift-nio's
    /// quiescing); idempotent.
    func quiesce() {
        for channel in startClosing() {
            channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
    }

    /// Closes every connection now, responses in flight or not.
    func closeAll() {
        startClosing()
        for channel in state.withLock({ Array($0.channels.values) }) {
            channel.close(promise: nil)
        }
    }

    /// Returns once every tracked connection has closed.
    func waitUntilAllClosed() async {
        await withCheckedContinuation { continuation in
            let isDone = state.withLock { state in
                if state.channels.isEmpty { return true }
                state.waiters.append(continuation)
                return false
            }
            if isDone {
                continuation.resume()
            }
        }
    }

    /// Marks the tracker closing; the open channels if it was not already, else none.
    @discardableResult
    private func startClosing() -> [any Channel] {
        state.withLock { state in
            guard !state.isClosing else { return [] }
            state.isClosing = true
            return Array(state.channels.values)
        }
    }

    private func untrack(_ id: ObjectIdentifier) {
        let waiters = state.withLock { state in
            state.channels.removeValue(forKey: id)
            guard state.channels.isEmpty else { return [CheckedContinuation<Void, Never>]() }
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters {
            waiter.resume()
        }
    }
}
