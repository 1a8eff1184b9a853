import Foundation

/// A PagerDuty Events API v2 event: `trigger` for a firing alert, `resolve` for a resolved one,
/// both keyed by the fingerprint so PagerDuty pairs them into one incident.
struct PagerDutyEvent: Encodable, Hashable {
    struct Payload: Encodable, Hashable {
        var summary: String
        var source: String
        var severity: String
        var timestamp: String
        var customDetails: [String: String]

        enum CodingKeys: String, CodingKey {
            case summary, source, severity, timestamp
            case customDetails = "custom_details"
        }
    }

    /// PagerDuty refuses a longer `summary`.
    static let summaryLimit = 1024

    var routingKey: String
    var eventAction: String
    var dedupKey: String
    var payload: Payload?
    var clientURL: String?

    enum CodingKeys: String, CodingKey {
        case routingKey = "routing_key"
        case eventAction = "event_action"
        case dedupKey = "dedup_key"
        case payload
        case clientURL = "client_url"
    }

    /// `source` defaults to the `instance` label, then to this host's name.
    init(alert: Alert, routingKey: Secret, source: String?) {
        self.routingKey = routingKey.value
        self.dedupKey = alert.fingerprint.description
        self.clientURL = alert.generatorURL.isEmpty ? nil : alert.generatorURL
        guard alert.status == .firing else {
            self.eventAction = "resolve"
            self.payload = nil
            return
        }
        self.eventAction = "trigger"
        let summary = alert.message.isEmpty ? alert.title : alert.title + ": " + alert.message
        self.payload = Payload(
            summary: String(summary.prefix(Self.summaryLimit)),
            source: source ?? alert.labels["instance"] ?? ProcessInfo.processInfo.hostName,
            severity: alert.level.name,
            timestamp: PayloadFormat.timestamp(alert.startsAt),
            customDetails: alert.labels.merging(PayloadFormat.annotations(of: alert)) { label, _ in label }
        )
    }
}
