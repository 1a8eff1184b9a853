/// The body Alertmanager's webhook receiver sends (version "4"), so receivers written for
/// Alertmanager take our notifications unchanged.
///
/// Each notification carries one alert, which is what Alertmanager sends for a route with
/// `group_by: ['...']`: the group is the alert, so the group and common labels are its labels.
struct AlertmanagerWebhookMessage: Codable, Hashable {
    /// One entry of `alerts`.
    struct WebhookAlert: Codable, Hashable {
        var status: String
        var labels: [String: String]
        var annotations: [String: String]
        var startsAt: String
        var endsAt: String
        var generatorURL: String
        var fingerprint: String
    }

    var receiver: String
    var status: String
    var alerts: [WebhookAlert]
    var groupLabels: [String: String]
    var commonLabels: [String: String]
    var commonAnnotations: [String: String]
    var externalURL: String
    var version: String
    var groupKey: String
    var truncatedAlerts: Int

    init(alert: Alert, receiver: String, externalURL: String) {
        let annotations = PayloadFormat.annotations(of: alert)
        self.receiver = receiver
        self.status = alert.status.rawValue
        self.alerts = [
            WebhookAlert(
                status: alert.status.rawValue,
                labels: alert.labels,
                annotations: annotations,
                startsAt: PayloadFormat.timestamp(alert.startsAt),
                endsAt: alert.endsAt.map(PayloadFormat.timestamp) ?? PayloadFormat.zeroTime,
                generatorURL: alert.generatorURL,
                fingerprint: alert.fingerprint.description
            )
        ]
        self.groupLabels = alert.labels
        self.commonLabels = alert.labels
        self.commonAnnotations = annotations
        self.externalURL = externalURL
        self.version = "4"
        self.groupKey = "{}:" + Self.labelSetString(alert.labels)
        self.truncatedAlerts = 0
    }

    /// Prometheus' `LabelSet.String()`: `{a="x", b="y"}`, names sorted, values quoted.
    private static func labelSetString(_ labels: [String: String]) -> String {
        let pairs = labels.keys.sorted().map { name in
            var quoted = ""
            for character in labels[name] ?? "" {
                switch character {
                case "\\": quoted += "\\\\"
                case "\"": quoted += "\\\""
                case "\n": quoted += "\\n"
                default: quoted.append(character)
                }
            }
            return name + "=\"" + quoted + "\""
        }
        return "{" + pairs.joined(separator: ", ") + "}"
    }
}
