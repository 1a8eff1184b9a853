import Foundation

/// One alert as Alertmanager sees it: its labels are its identity, its annotations the details.
///
/// The title becomes the `alertname` label and the level the `severity` label unless the labels
/// already carry them, so routing, grouping and fingerprints work the way they do for alerts
/// that come from Prometheus.
public struct Alert: Sendable, Hashable {
    /// How urgent the alert is.
    public var level: AlertLevel
    /// A short headline; by default also the `alertname` label.
    public var title: String
    /// The human explanation, sent as the `description` annotation.
    public var message: String
    /// The identity of the alert; empty values are dropped, as Alertmanager drops them.
    public var labels: [String: String]
    /// Details that do not change the alert's identity (runbook links, current values).
    public var annotations: [String: String]
    /// When the condition began.
    public var startsAt: Date
    /// When the condition ended; `nil` while firing.
    public var endsAt: Date?
    /// Whether this notification raises or clears the alert.
    public var status: AlertStatus
    /// A link back to what raised the alert (a dashboard, a rule), shown by receivers.
    public var generatorURL: String

    /// Creates a firing alert.
    public init(
        level: AlertLevel,
        title: String,
        message: String = "",
        labels: [String: String] = [:],
        annotations: [String: String] = [:],
        startsAt: Date = Date(),
        generatorURL: String = ""
    ) {
        var identity = labels.filter { !$0.value.isEmpty }
        if identity["alertname"] == nil, !title.isEmpty { identity["alertname"] = title }
        if identity["severity"] == nil { identity["severity"] = level.name }
        self.level = level
        self.title = title
        self.message = message
        self.labels = identity
        self.annotations = annotations
        self.startsAt = startsAt
        self.endsAt = nil
        self.status = .firing
        self.generatorURL = generatorURL
    }

    /// The identity Alertmanager computes for these labels.
    public var fingerprint: Fingerprint {
        Fingerprint(labels: labels)
    }

    /// The same alert, cleared at `date`: send it to resolve what was fired.
    public func resolved(at date: Date = Date()) -> Alert {
        var copy = self
        copy.status = .resolved
        copy.endsAt = max(date, startsAt)
        return copy
    }

    /// The alert with an end at `date` if it was cleared by setting `status` (so it has none),
    /// as `resolved(at:)` would have given it: no receiver gets a resolve without an end.
    func endedIfResolved(at date: Date = Date()) -> Alert {
        status == .resolved && endsAt == nil ? resolved(at: date) : self
    }
}
