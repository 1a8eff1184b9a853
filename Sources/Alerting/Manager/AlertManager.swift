import CoreMetrics
import Logging

/// Takes alerts from code and rules and gets them to their handlers without ever making the
/// caller wait: `send` deduplicates by fingerprint and queues one notification per matching
/// route; each route's worker delivers it with timeouts and retries, and counts the outcome.
///
/// Counters (`alerts_sent_total`, `alerts_failed_total`, `alerts_retried_total`,
/// `alerts_dropped_total` with `handler` and `level` dimensions, plus `reason` for drops) and the
/// `alerts_delivery_latency_seconds` timer go to the swift-metrics factory given, by default the
/// one the application bootstrapped. Call ``shutdown(deadline:)`` before exiting so that queued
/// notifications are delivered.
public actor AlertManager {
    /// Queueing, deduplication and retries, shared by all routes.
    public struct Configuration: Sendable, Hashable {
        /// Notifications each route's queue holds before the oldest is dropped.
        public var queueCapacity: Int
        /// An identical firing alert (same fingerprint) is sent again only after this, and a
        /// resolve only once; Alertmanager's `repeat_interval` defaults to the same 4 hours.
        /// Zero sends every one.
        public var repeatInterval: Duration
        /// Timeouts, backoff and deadline of each delivery.
        public var retry: RetryPolicy

        /// Creates a configuration; the defaults suit a service raising a handful of alerts.
        public init(queueCapacity: Int = 1024, repeatInterval: Duration = .seconds(4 * 3600), retry: RetryPolicy = RetryPolicy()) {
            self.queueCapacity = queueCapacity
            self.repeatInterval = repeatInterval
            self.retry = retry
        }
    }

    private let workers: [HandlerWorker]
    private let workerTasks: [Task<Void, Never>]
    private let handlerTasks: [Task<Void, Never>]
    /// Shared with the workers, which forget what they could not deliver.
    private let deduplicator: SharedDeduplicator
    private var idempotencyKeys = IdempotencyKeys()
    private var isShutDown = false

    /// Starts one worker per route, and each handler's background work.
    ///
    /// Throws ``AlertingError`` for a configuration value out of range or two handlers with the
    /// same name.
    public init(
        routes: [Route],
        configuration: Configuration = Configuration(),
        metricsFactory: any MetricsFactory = MetricsSystem.factory,
        logger: Logger = Logger(label: "Alerting")
    ) throws {
        guard configuration.queueCapacity >= 1 else {
            throw AlertingError.invalidConfiguration(
                setting: "AlertManager.Configuration.queueCapacity", value: "\(configuration.queueCapacity)", expected: "at least 1")
        }
        guard configuration.repeatInterval >= .zero else {
            throw AlertingError.invalidConfiguration(
                setting: "AlertManager.Configuration.repeatInterval", value: "\(configuration.repeatInterval)", expected: "zero or more")
        }
        try configuration.retry.validate()
        var names = Set<String>()
        for route in routes where !names.insert(route.handler.name).inserted {
            throw AlertingError.duplicateHandlerName(route.handler.name)
        }
        let deduplicator = SharedDeduplicator(Deduplicator(repeatInterval: configuration.repeatInterval, now: .now))
        let workers = routes.map {
            HandlerWorker(
                route: $0, queueCapacity: configuration.queueCapacity, policy: configuration.retry,
                metricsFactory: metricsFactory, logger: logger, undelivered: { deduplicator.forget($0) })
        }
        self.workers = workers
        self.workerTasks = workers.map { worker in Task { await worker.run() } }
        self.handlerTasks = routes.map { route in Task { await route.handler.run() } }
        self.deduplicator = deduplicator
    }

    /// Queues the alert for every route that takes it and returns at once; an identical firing
    /// alert already sent within the repeat interval, or a resolve already sent, is skipped. A
    /// notification a handler failed to deliver (gave up on or dropped) does not count as sent:
    /// the next identical alert goes to every route that takes it again.
    public func send(_ alert: Alert) {
        let alert = alert.endedIfResolved()
        let key = idempotencyKeys.next()
        guard deduplicator.admit(alert.fingerprint, status: alert.status, at: .now, key: key) else { return }
        let notification = AlertNotification(alert: alert, idempotencyKey: key)
        for worker in workers where worker.route.accepts(alert) {
            worker.enqueue(notification)
        }
    }

    /// Stops taking alerts and delivers what is queued until `deadline`; what is still queued or
    /// in flight then is dropped and counted. Handlers' background work is stopped last. Only the
    /// first call waits; later ones return at once.
    public func shutdown(deadline: ContinuousClock.Instant) async {
        guard !isShutDown else { return }
        isShutDown = true
        workers.forEach { $0.finish() }
        let tasks = workerTasks
        let drained: Void? = try? await withTimeout(min(deadline - .now, .longestSchedulable)) {
            for task in tasks { await task.value }
        }
        if drained == nil {
            tasks.forEach { $0.cancel() }
            for task in tasks { await task.value }
        }
        handlerTasks.forEach { $0.cancel() }
        for task in handlerTasks { await task.value }
    }

    /// A manager released without ``shutdown(deadline:)`` stops its workers and its handlers'
    /// background work (an Alertmanager handler would otherwise re-send forever); what is still
    /// queued is dropped and counted.
    deinit {
        workerTasks.forEach { $0.cancel() }
        handlerTasks.forEach { $0.cancel() }
    }
}
