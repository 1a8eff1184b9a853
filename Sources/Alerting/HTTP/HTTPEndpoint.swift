import Foundation

/// How to reach an HTTP receiver: where it is, what to send with every request, and how long one
/// request may take. Shared by the webhook and Alertmanager handlers.
///
/// Prints, dumps and reflects as its origin, its header names and its authorization scheme
/// only, so a configuration, handler or route that is logged shows no credential.
public struct HTTPEndpoint: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
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

    /// `scheme://host:port` of the URL, the only part of it errors and logs may show.
    var origin: String {
        let scheme = url.scheme ?? "http"
        let host = url.host ?? "?"
        return url.port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
    }

    /// The origin, the header names, the authorization scheme and the timeout.
    public var description: String {
        let names = headers.keys.sorted().joined(separator: ", ")
        return "HTTPEndpoint(\(origin), headers: [\(names)], authorization: \(authorization.map { "\($0)" } ?? "none"), timeout: \(timeout))"
    }

    /// The same as `description`.
    public var debugDescription: String { description }

    /// What `description` shows, so `dump` and debuggers show no credential either.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "origin": origin, "headers": headers.keys.sorted(), "authorization": authorization as Any, "timeout": timeout,
            ],
            displayStyle: .struct
        )
    }
}
