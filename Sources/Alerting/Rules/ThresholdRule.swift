/// An alerting rule evaluated in-process: when the source's value meets the comparison for at
/// least `for`, the rule fires an alert named `name`; when it stops, the alert is resolved.
public struct ThresholdRule: Sendable {
    /// The `alertname` (and title) of the alert.
    public var name: String
    /// Where the value comes from.
    public var source: any RuleValueSource
    /// The condition on the value.
    public var comparison: ThresholdComparison
    /// How long the condition must hold before the alert fires (Prometheus' `for`).
    public var forDuration: Duration
    /// The level of the alert.
    public var level: AlertLevel
    /// The alert's message.
    public var message: String
    /// The alert's labels, besides `alertname` and `severity`.
    public var labels: [String: String]
    /// The alert's annotations; the current value is added as `value`.
    public var annotations: [String: String]

    /// Fires `name` at `level` once `source` has met `comparison` for `for`.
    public init(
        name: String,
        source: any RuleValueSource,
        comparison: ThresholdComparison,
        for forDuration: Duration = .zero,
        level: AlertLevel,
        message: String = "",
        labels: [String: String] = [:],
        annotations: [String: String] = [:]
    ) {
        self.name = name
        self.source = source
        self.comparison = comparison
        self.forDuration = forDuration
        self.level = level
        self.message = message
        self.labels = labels
        self.annotations = annotations
    }
}
