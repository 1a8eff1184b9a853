import Synchronization

/// The bounded queue between `send` and one handler's worker: enqueueing never waits, a full
/// queue drops its oldest notification, and the single consumer suspends while it is empty.
final class NotificationQueue: Sendable {
    /// What happened to an enqueued notification.
    enum Admission {
        case queued
        /// Queued, at the cost of the oldest notification, returned so it can be counted.
        case queuedDroppingOldest(AlertNotification)
        /// Refused: the queue was finished by shutdown.
        case refused
    }

    private struct State {
        var buffer: BoundedBuffer<AlertNotification>
        var consumer: CheckedContinuation<AlertNotification?, Never>?
        var isFinished = false
    }

    private let state: Mutex<State>

    init(capacity: Int) {
        state = Mutex(State(buffer: BoundedBuffer(capacity: capacity)))
    }

    func enqueue(_ notification: AlertNotification) -> Admission {
        let (consumer, admission) = state.withLock { state -> (CheckedContinuation<AlertNotification?, Never>?, Admission) in
            guard !state.isFinished else { return (nil, .refused) }
            if let consumer = state.consumer {
                state.consumer = nil
                return (consumer, .queued)
            }
            let evicted = state.buffer.append(notification)
            return (nil, evicted.map { .queuedDroppingOldest($0) } ?? .queued)
        }
        consumer?.resume(returning: notification)
        return admission
    }

    /// The next notification; `nil` once finished and drained, or when the consumer is cancelled.
    func next() async -> AlertNotification? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> AlertNotification?? in
                    if let notification = state.buffer.popFirst() { return .some(notification) }
                    if state.isFinished || Task.isCancelled { return .some(nil) }
                    state.consumer = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            state.withLock { state in
                defer { state.consumer = nil }
                return state.consumer
            }?.resume(returning: nil)
        }
    }

    /// Refuses further notifications; the consumer still receives what is queued.
    func finish() {
        state.withLock { state in
            state.isFinished = true
            defer { state.consumer = nil }
            return state.consumer
        }?.resume(returning: nil)
    }

    /// Empties the queue, for counting what shutdown abandons.
    func removeAll() -> [AlertNotification] {
        state.withLock { $0.buffer.removeAll() }
    }
}
