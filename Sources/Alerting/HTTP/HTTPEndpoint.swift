import Foundation

/// How to reach an HTTP receiver: where it is, what to send with every request, and how long one
/// request may take. Shared by the webhook and Alertmanager handlers.
public struct HTTPEndpoint: Sendable {
    /// The receiver; its path, query and user info never appear in errors or logs (they may hold
    /// a token, as a Slack webhook's path does).
    public var url: URL
    /// Sent with every request, before the handler's own headers (content type, authorization,
    /// idempotency key, signature), which win; values are never logged.
    public var headers: [String: String]
    /// Basic or Bearer credentials.
    public var authorization: HTTPAuthorization?
    /// How long one request may take.
    public var timeout: Duration

    /// An endpoint with a 10-second timeout.
    public init(url: URL, headers: [String: String] = [:], authorization: HTTPAuthorization? = nil, timeout: Duration = .seconds(10)) {
        self.url = url
        self.headers = headers
        self.authorization = authorization
        self.timeout = timeout
    }
}
