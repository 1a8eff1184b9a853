/// Which alerts reach a handler: those at or above a level whose labels pass every matcher.
///
/// Each route gets its own queue and worker, so give each route its own handler.
public struct Route: Sendable {
    /// Where matching alerts go.
    public var handler: any AlertHandler
    /// The least urgent level this route takes.
    public var minimumLevel: AlertLevel
    /// All must match, as in an Alertmanager route.
    public var matchers: [LabelMatcher]

    /// Routes alerts at or above `minimumLevel` whose labels pass all `matchers` to `handler`.
    public init(_ handler: any AlertHandler, minimumLevel: AlertLevel = .info, matchers: [LabelMatcher] = []) {
        self.handler = handler
        self.minimumLevel = minimumLevel
        self.matchers = matchers
    }

    /// Whether this route takes the alert.
    public func accepts(_ alert: Alert) -> Bool {
        alert.level >= minimumLevel && matchers.allSatisfy { $0.matches(alert.labels) }
    }
}
