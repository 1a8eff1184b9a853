/// Alertmanager's two alert states: a notification either raises an alert or clears it.
public enum AlertStatus: String, Sendable, Hashable {
    case firing
    case resolved
}
