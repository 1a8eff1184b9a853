import Foundation
import Logging
import Synchronization

/// Sends alerts to a Prometheus Alertmanager through `POST /api/v2/alerts`, the way Prometheus
/// does: a firing alert is sent with `endsAt` four re-send intervals ahead and re-sent every
/// interval while it fires, so Alertmanager resolves it by itself if this process dies; a
/// resolved alert is sent with its `endsAt` (the time it was resolved) and re-sent for a while,
/// so a resolve that Alertmanager missed, or lost in a restart, still arrives. A firing alert
/// stays active, and is re-sent, until its resolve is sent, or until more alerts than
/// ``Configuration/maximumTrackedAlerts`` are tracked (then Alertmanager resolves the oldest
/// by itself, once its last `endsAt` has passed).
public final class AlertmanagerHandler: AlertHandler {
    /// Where Alertmanager is and how often to re-send.
    public struct Configuration: Sendable {
        /// Alertmanager's base URL, such as `http://127.0.0.1:9093` (`/api/v2/alerts` is
        /// appended), with the credentials of a proxy in front of it, if any.
        public var endpoint: HTTPEndpoint
        /// How often active alerts are re-sent; Prometheus re-sends about every minute.
        public var resendInterval: Duration
        /// How long resolved alerts keep being re-sent; Prometheus keeps them 15 minutes.
        public var resolvedRetention: Duration
        /// How many alerts are re-sent at most, so that alerts fired and never resolved (one per
        /// event, say) cannot grow the table without bound. Past it, resolved alerts are
        /// forgotten first, then the firing alert that started first, with a warning.
        public var maximumTrackedAlerts: Int

        /// Re-sends every minute, with `endsAt` four minutes ahead, as Prometheus does.
        public init(
            endpoint: HTTPEndpoint,
            resendInterval: Duration = .seconds(60),
            resolvedRetention: Duration = .seconds(900),
            maximumTrackedAlerts: Int = 10_000
        ) {
            self.endpoint = endpoint
            self.resendInterval = resendInterval
            self.resolvedRetention = resolvedRetention
            self.maximumTrackedAlerts = maximumTrackedAlerts
        }
    }

    /// The `handler` dimension of this handler's metrics.
    public let name: String
    private let resendInterval: Duration
    private let resolvedRetention: Duration
    private let maximumTrackedAlerts: Int
    private let transport: HTTPTransport
    private let logger: Logger
    /// The last state sent of every alert still being re-sent, by fingerprint.
    private let alerts = Mutex<[Fingerprint: Alert]>([:])

    /// Throws ``AlertingError/invalidConfiguration(setting:value:expected:)`` for a duration
    /// that is not positive or longer than a century, or a maximum below 1.
    public init(name: String = "alertmanager", configuration: Configuration, logger: Logger = Logger(label: "Alerting")) throws {
        try configuration.resendInterval.requireSchedulable("AlertmanagerHandler.Configuration.resendInterval")
        try configuration.resolvedRetention.requireSchedulable("AlertmanagerHandler.Configuration.resolvedRetention")
        guard configuration.maximumTrackedAlerts >= 1 else {
            throw AlertingError.invalidConfiguration(
                setting: "AlertmanagerHandler.Configuration.maximumTrackedAlerts",
                value: "\(configuration.maximumTrackedAlerts)", expected: "at least 1")
        }
        self.name = name
        self.resendInterval = configuration.resendInterval
        self.resolvedRetention = configuration.resolvedRetention
        self.maximumTrackedAlerts = configuration.maximumTrackedAlerts
        self.transport = try HTTPTransport(configuration.endpoint, path: "api/v2/alerts")
        var logger = logger
        logger[metadataKey: "handler"] = "\(name)"
        self.logger = logger
    }

    /// Records the alert for re-sending, then posts it; an alert Alertmanager would reject
    /// (a bad label name) is refused before it is recorded.
    public func handle(_ notification: AlertNotification) async throws {
        let now = Date()
        // A resolve without an end would be posted, and re-sent for ever, as firing with an end
        // ahead.
        let alert = notification.alert.endedIfResolved(at: now)
        let body = try PayloadFormat.encode([try postable(alert, now: now)])
        let forgotten = alerts.withLock { alerts -> Alert? in
            alerts[alert.fingerprint] = alert
            guard alerts.count > maximumTrackedAlerts else { return nil }
            return Self.leastWorthResending(in: alerts).flatMap { alerts.removeValue(forKey: $0) }
        }
        if let forgotten {
            logger.warning(
                "too many alerts to re-send; stopped re-sending one (if firing, Alertmanager resolves it once its endsAt passes)",
                metadata: [
                    "alertname": "\(forgotten.title)", "status": "\(forgotten.status)", "maximum": "\(maximumTrackedAlerts)",
                ])
        }
        try await transport.post(body)
    }

    /// A resolved alert if any (the one that ended first), else the firing alert that started
    /// first.
    private static func leastWorthResending(in alerts: [Fingerprint: Alert]) -> Fingerprint? {
        alerts.min { Self.eviction(order: $0.value) < Self.eviction(order: $1.value) }?.key
    }

    private static func eviction(order alert: Alert) -> (Int, Date) {
        alert.status == .resolved ? (0, alert.endsAt ?? alert.startsAt) : (1, alert.startsAt)
    }

    /// Re-sends every interval until cancelled; a failed re-send is logged and the next one is
    /// its retry.
    public func run() async {
        while (try? await Task.sleep(for: resendInterval)) != nil {
            let now = Date()
            let retention = resolvedRetention.inSeconds
            let current = alerts.withLock { alerts -> [Alert] in
                alerts = alerts.filter { $0.value.endsAt.map { now.timeIntervalSince($0) < retention } ?? true }
                return Array(alerts.values)
            }
            guard !current.isEmpty else { continue }
            do {
                try await transport.post(try PayloadFormat.encode(current.map { try postable($0, now: now) }))
                // An alert handled while the re-send was on its way (resolved, say) may have
                // reached Alertmanager before it; send its new state again to have the last word.
                var changed = changedSince(current)
                while !changed.isEmpty {
                    let now = Date()
                    try await transport.post(try PayloadFormat.encode(changed.map { try postable($0, now: now) }))
                    changed = changedSince(changed)
                }
            } catch is CancellationError {
                return
            } catch {
                logger.warning(
                    "re-sending alerts to Alertmanager failed",
                    metadata: ["alerts": "\(current.count)", "error": "\(error)"])
            }
        }
    }

    /// The current state of those of `sent` handled again since (those forgotten aside).
    private func changedSince(_ sent: [Alert]) -> [Alert] {
        alerts.withLock { alerts in
            sent.compactMap { old in
                alerts[old.fingerprint].flatMap { new in
                    new.status != old.status || new.startsAt != old.startsAt || new.endsAt != old.endsAt ? new : nil
                }
            }
        }
    }

    /// A firing alert ends four intervals from now unless re-sent; a resolved one when it did.
    private func postable(_ alert: Alert, now: Date) throws -> PostableAlert {
        try PostableAlert(alert: alert, endsAt: alert.endsAt ?? now.addingTimeInterval(4 * resendInterval.inSeconds))
    }
}
