/// A Slack incoming-webhook message: a one-line `text` for notifications and an attachment
/// coloured by level with the message and the labels as fields.
struct SlackMessage: Encodable, Hashable {
    struct Attachment: Encodable, Hashable {
        var color: String
        var title: String
        var text: String
        var fields: [Field]
        var footer: String
    }

    struct Field: Encodable, Hashable {
        var title: String
        var value: String
        var short: Bool
    }

    var text: String
    var channel: String?
    var username: String?
    var attachments: [Attachment]

    init(alert: Alert, channel: String?, username: String?) {
        let state = alert.status == .firing ? "FIRING" : "RESOLVED"
        self.text = "[\(state):\(alert.level.name)] \(alert.title)"
        self.channel = channel
        self.username = username
        self.attachments = [
            Attachment(
                color: Self.color(of: alert),
                title: alert.title,
                text: alert.message,
                fields: alert.labels.keys.sorted().map { Field(title: $0, value: alert.labels[$0] ?? "", short: true) },
                footer: "fingerprint \(alert.fingerprint)"
            )
        ]
    }

    private static func color(of alert: Alert) -> String {
        guard alert.status == .firing else { return "good" }
        switch alert.level {
        case .info: return "#439FE0"
        case .warning: return "warning"
        case .error, .critical: return "danger"
        }
    }
}
