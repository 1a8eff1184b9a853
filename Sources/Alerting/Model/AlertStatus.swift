/// Alertmanager's two alert states: a notification either raises an alert or clears it.
public enum AlertStatus: String, Sendable, Hashable {
    /// The condition holds.
    case firing
    /// The condition has ended.
    case resolved
}
