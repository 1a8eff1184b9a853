import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// POSTs JSON bodies to one URL over URLSession (libcurl on Linux) and turns every failure into
/// an ``AlertingError`` that names only the endpoint's origin, never the path, query or headers.
/// It prints and reflects as that origin too: its headers hold the credentials in clear.
struct HTTPTransport: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// ``HTTPEndpoint/origin``, the only part of the URL errors and logs may show.
    private let origin: String
    private let url: URL
    /// The endpoint's headers first, then ours: set in this order, ours replace an endpoint
    /// header of the same name in any case (`URLRequest` matches names case-insensitively).
    private let headers: [(name: String, value: String)]
    private let timeout: Duration
    private let session: URLSession

    /// Posts to `path` under the endpoint's URL; throws
    /// ``AlertingError/invalidConfiguration(setting:value:expected:)`` for a timeout that is not
    /// positive or longer than a century.
    init(_ endpoint: HTTPEndpoint, path: String? = nil) throws {
        try endpoint.timeout.requireSchedulable("HTTPEndpoint.timeout")
        self.origin = endpoint.origin
        self.url = path.map { endpoint.url.appendingPathComponent($0) } ?? endpoint.url
        var headers = endpoint.headers.map { (name: $0.key, value: $0.value) }
        headers.append((name: "Content-Type", value: "application/json"))
        headers.append((name: "User-Agent", value: "observability-toolkit-alerting"))
        if let authorization = endpoint.authorization { headers.append((name: "Authorization", value: authorization.headerValue)) }
        self.headers = headers
        self.timeout = endpoint.timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = Self.backstop(endpoint.timeout)
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        self.session = URLSession(configuration: configuration)
    }

    /// One attempt; returns on a 2xx answer and throws ``AlertingError`` otherwise. `extra`
    /// headers replace any of the same name.
    func post(_ body: Data, headers extra: [String: String] = [:]) async throws {
        var request = URLRequest(url: url, timeoutInterval: Self.backstop(timeout))
        request.httpMethod = "POST"
        for (name, value) in headers {
            request.setValue(value, forHTTPHeaderField: name)
        }
        for (name, value) in extra {
            request.setValue(value, forHTTPHeaderField: name)
        }
        request.httpBody = body
        let response: URLResponse
        do {
            let session = session
            response = try await withTimeout(timeout) { [request] in try await session.response(for: request) }
        } catch let error as URLError {
            throw error.code == .cancelled ? CancellationError() : failure(error.code)
        } catch let error as AlertingError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw AlertingError.transport(endpoint: origin, reason: "\(type(of: error))")
        }
        guard let response = response as? HTTPURLResponse else {
            throw AlertingError.transport(endpoint: origin, reason: "the answer was not HTTP")
        }
        guard (200..<300).contains(response.statusCode) else {
            throw AlertingError.unexpectedStatus(
                response.statusCode, endpoint: origin,
                retryAfter: RetryAfter.parse(response.value(forHTTPHeaderField: "Retry-After"), now: Date()))
        }
    }

    /// URLSession's own timeout, behind ours: swift-corelibs-foundation truncates it to whole
    /// seconds (a 0.2 s timeout fires at once), so ours enforces the real value, and this one ends
    /// the request a wait gave up on (URLSessionTasks are never cancelled, see `response(for:)`).
    private static func backstop(_ timeout: Duration) -> Double {
        timeout.inSeconds.rounded(.up) + 1
    }

    /// The URLError's code only: its description and user info carry the full URL.
    private func failure(_ code: URLError.Code) -> AlertingError {
        switch code {
        case .timedOut: .timedOut(after: timeout)
        case .cannotConnectToHost: .transport(endpoint: origin, reason: "connection refused")
        case .cannotFindHost, .dnsLookupFailed: .transport(endpoint: origin, reason: "host not found")
        case .networkConnectionLost: .transport(endpoint: origin, reason: "connection lost")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate:
            .transport(endpoint: origin, reason: "TLS handshake failed")
        default: .transport(endpoint: origin, reason: "URLError \(code.rawValue)")
        }
    }

    /// The origin only.
    var description: String { "HTTPTransport(\(origin))" }

    /// The same as `description`.
    var debugDescription: String { description }

    /// The origin and the timeout, so `dump` shows no header value.
    var customMirror: Mirror {
        Mirror(self, children: ["origin": origin, "timeout": timeout], displayStyle: .struct)
    }
}
