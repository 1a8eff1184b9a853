import Foundation

/// The `Authorization` header of a webhook or Alertmanager request; prints without its secret.
public enum HTTPAuthorization: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// `Basic base64(username:password)` (RFC 7617).
    case basic(username: String, password: Secret)
    /// `Bearer token` (RFC 6750).
    case bearer(Secret)

    /// The header value, built only when a request is sent.
    var headerValue: String {
        switch self {
        case .basic(let username, let password):
            "Basic " + Data((username + ":" + password.value).utf8).base64EncodedString()
        case .bearer(let token):
            "Bearer " + token.value
        }
    }

    /// The scheme (and Basic's username), never the secret.
    public var description: String {
        switch self {
        case .basic(let username, _): "Basic \(username):<redacted>"
        case .bearer: "Bearer <redacted>"
        }
    }

    /// The same as `description`.
    public var debugDescription: String { description }
}
