import Logging

/// Writes each notification to a swift-log `Logger`: a firing alert at its own level (info,
/// warning, error, critical), a resolved one at `notice`, so a resolve never looks like an
/// outage in log-based alerting. The alert's details go in one `alert` metadata dictionary.
public struct LogAlertHandler: AlertHandler {
    /// The `handler` dimension of this handler's metrics.
    public let name: String
    private let logger: Logger

    /// Logs to `logger`.
    public init(name: String = "log", logger: Logger) {
        self.name = name
        self.logger = logger
    }

    /// Logs the notification; never fails.
    public func handle(_ notification: AlertNotification) async throws {
        let alert = notification.alert
        var details: Logger.Metadata = [
            "status": "\(alert.status.rawValue)",
            "level": "\(alert.level.name)",
            "fingerprint": "\(alert.fingerprint)",
            "labels": .dictionary(alert.labels.mapValues { .string($0) }),
        ]
        if !alert.message.isEmpty { details["message"] = "\(alert.message)" }
        if !alert.annotations.isEmpty { details["annotations"] = .dictionary(alert.annotations.mapValues { .string($0) }) }
        logger.log(
            level: alert.status == .firing ? alert.level.logLevel : .notice,
            "\(alert.title)",
            metadata: ["alert": .dictionary(details)])
    }
}
