import Foundation

/// The body shape a webhook handler posts.
public enum WebhookPayload: Sendable {
    /// Alertmanager's webhook body (version "4"), for receivers built for Alertmanager.
    case alertmanager(receiver: String = "webhook", externalURL: String = "")
    /// A Slack incoming-webhook message; `channel` and `username` override the webhook's own.
    case slack(channel: String? = nil, username: String? = nil)
    /// A PagerDuty Events API v2 event for the integration with this routing key; `source`
    /// defaults to the `instance` label, then to this host's name.
    case pagerDuty(routingKey: Secret, source: String? = nil)

    func encode(_ alert: Alert) throws -> Data {
        switch self {
        case .alertmanager(let receiver, let externalURL):
            try PayloadFormat.encode(AlertmanagerWebhookMessage(alert: alert, receiver: receiver, externalURL: externalURL))
        case .slack(let channel, let username):
            try PayloadFormat.encode(SlackMessage(alert: alert, channel: channel, username: username))
        case .pagerDuty(let routingKey, let source):
            try PayloadFormat.encode(PagerDutyEvent(alert: alert, routingKey: routingKey, source: source))
        }
    }
}
