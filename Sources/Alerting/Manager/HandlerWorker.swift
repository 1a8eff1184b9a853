import CoreMetrics
import Logging

/// One route's queue and the loop that delivers from it, one notification at a time, with the
/// retry policy; every outcome is counted.
final class HandlerWorker: Sendable {
    let route: Route
    private let queue: NotificationQueue
    private let metrics: HandlerMetrics
    private let policy: RetryPolicy
    private let logger: Logger
    /// Told of each notification given up on or dropped, so that it does not count as sent.
    private let undelivered: @Sendable (AlertNotification) -> Void

    init(
        route: Route, queueCapacity: Int, policy: RetryPolicy, metricsFactory: any MetricsFactory, logger: Logger,
        undelivered: @escaping @Sendable (AlertNotification) -> Void
    ) {
        self.route = route
        self.undelivered = undelivered
        self.queue = NotificationQueue(capacity: queueCapacity)
        self.metrics = HandlerMetrics(handler: route.handler.name, factory: metricsFactory)
        self.policy = policy
        var logger = logger
        logger[metadataKey: "handler"] = "\(route.handler.name)"
        self.logger = logger
    }

    /// Queues without waiting; a notification pushed out or refused is counted as dropped.
    func enqueue(_ notification: AlertNotification) {
        switch queue.enqueue(notification) {
        case .queued:
            break
        case .queuedDroppingOldest(let oldest):
            drop(oldest, reason: .overflow)
        case .refused:
            drop(notification, reason: .shutdown)
        }
    }

    /// Stops taking notifications; `run` returns once the queue is drained.
    func finish() {
        queue.finish()
    }

    /// Delivers until finished and drained, or until cancelled, when what is left is dropped.
    func run() async {
        while let notification = await queue.next() {
            await deliver(notification)
        }
        for notification in queue.removeAll() {
            drop(notification, reason: .shutdown)
        }
    }

    private func deliver(_ notification: AlertNotification) async {
        let handler = route.handler
        let level = notification.alert.level
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + policy.deadline
        var generator = SystemRandomNumberGenerator()
        var attempt = 1
        while true {
            do {
                try await withTimeout(min(policy.attemptTimeout, deadline - clock.now)) {
                    try await handler.handle(notification)
                }
                metrics.recordSent(level, latency: clock.now - start)
                return
            } catch {
                guard !Task.isCancelled else { return drop(notification, reason: .shutdown) }
                let remaining = deadline - clock.now
                switch policy.decision(after: error, attempt: attempt, remaining: remaining, using: &generator) {
                case .retry(let delay):
                    metrics.recordRetried(level)
                    logger.debug("alert notification failed, retrying", metadata: context(notification, attempt, error))
                    attempt += 1
                    guard (try? await Task.sleep(for: delay)) != nil else { return drop(notification, reason: .shutdown) }
                case .giveUp(let reason):
                    undelivered(notification)
                    metrics.recordFailed(level)
                    var metadata = context(notification, attempt, error)
                    metadata["reason"] = "\(reason)"
                    logger.warning("alert notification failed", metadata: metadata)
                    return
                }
            }
        }
    }

    private func drop(_ notification: AlertNotification, reason: HandlerMetrics.DropReason) {
        undelivered(notification)
        metrics.recordDropped(notification.alert.level, reason: reason)
        logger.debug(
            "alert notification dropped",
            metadata: ["fingerprint": "\(notification.alert.fingerprint)", "reason": "\(reason.name)"]
        )
    }

    private func context(_ notification: AlertNotification, _ attempt: Int, _ error: any Error) -> Logger.Metadata {
        ["fingerprint": "\(notification.alert.fingerprint)", "attempt": "\(attempt)", "error": "\(error)"]
    }
}
