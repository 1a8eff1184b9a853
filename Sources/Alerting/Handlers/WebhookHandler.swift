import Foundation

/// Posts each notification as JSON to a URL: Alertmanager's webhook body by default, or a
/// Slack or PagerDuty one. Every attempt of a notification carries the same idempotency key and,
/// when configured, the same HMAC-SHA256 signature.
public struct WebhookHandler: AlertHandler {
    /// Where and how to post.
    public struct Configuration: Sendable {
        /// The receiver.
        public var endpoint: HTTPEndpoint
        /// The header carrying the notification's idempotency key.
        public var idempotencyKeyHeader: String
        /// Signs the body when set.
        public var signature: WebhookSignature?
        /// The body's shape.
        public var payload: WebhookPayload

        /// Posts Alertmanager-shaped bodies to `endpoint`, unsigned.
        public init(
            endpoint: HTTPEndpoint,
            idempotencyKeyHeader: String = "Idempotency-Key",
            signature: WebhookSignature? = nil,
            payload: WebhookPayload = .alertmanager()
        ) {
            self.endpoint = endpoint
            self.idempotencyKeyHeader = idempotencyKeyHeader
            self.signature = signature
            self.payload = payload
        }
    }

    /// The `handler` dimension of this handler's metrics.
    public let name: String
    private let idempotencyKeyHeader: String
    private let signature: WebhookSignature?
    private let payload: WebhookPayload
    private let transport: HTTPTransport

    /// Throws ``AlertingError/invalidConfiguration(setting:value:expected:)`` for a timeout that
    /// is not positive or longer than a century.
    public init(name: String = "webhook", configuration: Configuration) throws {
        self.name = name
        self.idempotencyKeyHeader = configuration.idempotencyKeyHeader
        self.signature = configuration.signature
        self.payload = configuration.payload
        self.transport = try HTTPTransport(configuration.endpoint)
    }

    /// Posts the notification once, with its idempotency key and, if set, its signature.
    public func handle(_ notification: AlertNotification) async throws {
        let body = try payload.encode(notification.alert)
        var headers = [idempotencyKeyHeader: notification.idempotencyKey]
        if let signature { headers[signature.header] = signature.value(for: body) }
        try await transport.post(body, headers: headers)
    }
}
