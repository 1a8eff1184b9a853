/// One delivery of an alert to a handler: every retry of it carries the same idempotency key,
/// so a receiver that saw an earlier attempt succeed can recognise the repeat.
public struct AlertNotification: Sendable, Hashable {
    /// The alert being delivered.
    public var alert: Alert
    /// Stable across the retries of this notification, unique between notifications.
    public var idempotencyKey: String

    /// Wraps an alert for delivery; the manager makes one per `send` that passes deduplication.
    public init(alert: Alert, idempotencyKey: String) {
        self.alert = alert
        self.idempotencyKey = idempotencyKey
    }
}
