import Logging

/// Logs the start and the end of HTTP requests, for any server framework (Vapor, Hummingbird,
/// plain NIO): call ``started(method:path:clientIP:file:function:line:)`` when a request
/// arrives and ``completed(_:statusCode:error:file:function:line:)`` when its response is sent.
///
/// The lines carry `request_id`, `method`, `path`, `client_ip`, and on completion `status_code`
/// and `duration_seconds`. A completion is logged as `error` for 5xx, `warning` for 4xx, and
/// ``completedLevel`` otherwise. Run the handling inside ``withRequestContext(_:isolation:_:)`` so
/// that every line in between carries the same request ID:
///
///     let context = RequestIdentity(requestIDHeader: headers["X-Request-ID"], traceparentHeader: headers["traceparent"])
///     return try await withRequestContext(context) {
///         let request = requestLogger.started(method: "GET", path: uri, clientIP: peer)
///         let response = try await next()
///         requestLogger.completed(request, statusCode: response.status.code)
///         return response
///     }
public struct RequestLogger: Sendable {
    /// Where the lines go.
    public var logger: Logger
    /// The level of "request started" lines.
    public var startedLevel: Logger.Level
    /// The level of "request completed" lines below status 400.
    public var completedLevel: Logger.Level

    /// A request logger writing to `logger`.
    public init(logger: Logger, startedLevel: Logger.Level = .info, completedLevel: Logger.Level = .info) {
        self.logger = logger
        self.startedLevel = startedLevel
        self.completedLevel = completedLevel
    }

    /// Logs "request started" and returns what ``completed(_:statusCode:error:file:function:line:)``
    /// needs. The request ID is the current ``RequestIdentity``'s, or a new one outside any. The
    /// query string is cut from `path`, since it often carries tokens. The line's source is the
    /// caller's (the middleware's) module.
    public func started(
        method: String,
        path: String,
        clientIP: String?,
        file: String = #fileID,
        function: String = #function,
        line: UInt = #line
    ) -> Request {
        let request = Request(
            requestID: RequestIdentity.current?.requestID ?? RequestIdentity.newRequestID(),
            method: method,
            path: path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? path,
            clientIP: clientIP,
            start: .now
        )
        logger.log(
            level: startedLevel,
            "request started",
            metadata: request.metadata,
            file: file,
            function: function,
            line: line
        )
        return request
    }

    /// Logs "request completed" with the status and the time since the request started, at a
    /// level that follows the status, with `error` when handling failed.
    public func completed(
        _ request: Request,
        statusCode: Int,
        error: (any Error)? = nil,
        file: String = #fileID,
        function: String = #function,
        line: UInt = #line
    ) {
        let elapsed = ContinuousClock.now - request.start
        var metadata = request.metadata
        metadata["status_code"] = .stringConvertible(statusCode)
        metadata["duration_seconds"] = .stringConvertible(
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        )
        let level: Logger.Level =
            switch statusCode {
            case 500...: .error
            case 400..<500: .warning
            default: completedLevel
            }
        logger.log(
            level: level,
            "request completed",
            error: error,
            metadata: metadata,
            file: file,
            function: function,
            line: line
        )
    }
}
