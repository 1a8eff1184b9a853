import Logging

/// How urgent an alert is; routes and handlers compare levels, so the order matters.
public enum AlertLevel: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// Worth knowing, needs no action (a deploy, a failover that worked).
    case info
    /// Needs attention soon, before it becomes an error.
    case warning
    /// Something is failing for some users.
    case error
    /// Wake someone up.
    case critical

    /// The `severity` label value Alertmanager routes and PagerDuty's Events v2 expect.
    public var name: String {
        switch self {
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        case .critical: "critical"
        }
    }

    /// The swift-log level of the same name, so alert logs filter like any other log.
    public var logLevel: Logger.Level {
        switch self {
        case .info: .info
        case .warning: .warning
        case .error: .error
        case .critical: .critical
        }
    }

    /// Less urgent first: info < warning < error < critical.
    public static func < (lhs: AlertLevel, rhs: AlertLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
