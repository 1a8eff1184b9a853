import Foundation

/// Posts each notification as JSON to a URL: Alertmanager's webhook body by default, or a
/// Slack or PagerDuty one. Every attempt of a notification carries the same idempotency key and,
/// when configured, the same HMAC-SHA256 signature.
public struct WebhookHandler: AlertHandler {
    /// Where and how to post.
    public struct Configuration: Sendable {
        /// The receiver; its path and query never appear in errors or logs (they may hold a token).
        public var url: URL
        /// Sent with every request, after which ours (content type, authorization, key,
        /// signature) are set; values are never logged.
        public var headers: [String: String]
        /// Basic or Bearer credentials.
        public var authorization: HTTPAuthorization?
        /// How long one request may take.
        public var timeout: Duration
        /// The header carrying the notification's idempotency key.
        public var idempotencyKeyHeader: String
        /// Signs the body when set.
        public var signature: WebhookSignature?
        /// The body's shape.
        public var payload: WebhookPayload

        /// Posts Alertmanager-shaped bodies to `url`, unsigned, with a 10-second timeout.
        public init(
            url: URL,
            headers: [String: String] = [:],
            authorization: HTTPAuthorization? = nil,
            timeout: Duration = .seconds(10),
            idempotencyKeyHeader: String = "Idempotency-Key",
            signature: WebhookSignature? = nil,
            payload: WebhookPayload = .alertmanager()
        ) {
            self.url = url
            self.headers = headers
            self.authorization = authorization
            self.timeout = timeout
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
    /// is not positive.
    public init(name: String = "webhook", configuration: Configuration) throws {
        try configuration.timeout.requirePositive("WebhookHandler.Configuration.timeout")
        self.name = name
        self.idempotencyKeyHeader = configuration.idempotencyKeyHeader
        self.signature = configuration.signature
        self.payload = configuration.payload
        self.transport = HTTPTransport(
            url: configuration.url, headers: configuration.headers,
            authorization: configuration.authorization, timeout: configuration.timeout)
    }

    /// Posts the notification once, with its idempotency key and, if set, its signature.
    public func handle(_ notification: AlertNotification) async throws {
        let body = try payload.encode(notification.alert)
        var headers = [idempotencyKeyHeader: notification.idempotencyKey]
        if let signature { headers[signature.header] = signature.value(for: body) }
        try await transport.post(body, headers: headers)
    }
}
