/// The key names of a JSON log line, so that one handler serves whichever schema the log pipeline
/// expects. Pick a preset (``plain``, ``ecs``, ``openTelemetry``) or name every field yourself.
///
/// Every name is reserved: a metadata key equal to one is written as `renamedKeyPrefix + key`
/// instead, so no key ever appears twice in a line. The request-context names are not reserved:
/// they form a metadata layer that call-site and provider metadata may override.
public struct JSONLogFormat: Sendable, Hashable {
    /// The event time, RFC 3339 in UTC with microseconds.
    public let timestamp: String
    /// The swift-log level name (`info`, `warning`, ...).
    public let level: String
    /// The OpenTelemetry severity number of the level (`info` is 9), or nil to leave it out.
    public let severityNumber: String?
    /// The logger's label.
    public let logger: String
    /// The log message.
    public let message: String
    /// The swift-log source (by default the module that logged), or nil to leave it out.
    public let source: String?
    /// The file that logged, written when the configuration includes source locations.
    public let file: String
    /// The function that logged, written when the configuration includes source locations.
    public let function: String
    /// The line that logged, written when the configuration includes source locations.
    public let line: String
    /// The description of the event's error.
    public let errorMessage: String
    /// The type of the event's error, or nil to leave it out.
    public let errorType: String?
    /// The request ID of the current ``RequestIdentity``.
    public let requestID: String
    /// The user ID of the current ``RequestIdentity``.
    public let userID: String
    /// The trace ID of the current ``RequestIdentity``.
    public let traceID: String
    /// The span ID of the current ``RequestIdentity``.
    public let spanID: String
    /// The flag, `true`, on a line that was shortened to fit the line size cap.
    public let truncated: String
    /// What a metadata key that collides with a reserved key is prefixed with.
    public let renamedKeyPrefix: String
    /// Fields written unchanged on every line, such as the schema version ECS requires.
    public let staticFields: [String: String]

    /// Names every field, checking that each name is non-empty, at most 64 bytes, and unique.
    /// The defaults are the ``plain`` names.
    public init(
        timestamp: String = "timestamp",
        level: String = "level",
        severityNumber: String? = nil,
        logger: String = "logger",
        message: String = "message",
        source: String? = "source",
        file: String = "file",
        function: String = "function",
        line: String = "line",
        errorMessage: String = "error",
        errorType: String? = "error_type",
        requestID: String = "request_id",
        userID: String = "user_id",
        traceID: String = "trace_id",
        spanID: String = "span_id",
        truncated: String = "truncated",
        renamedKeyPrefix: String = "fields.",
        staticFields: [String: String] = [:]
    ) throws(StructuredLogError) {
        self.init(
            unchecked: timestamp, level, severityNumber, logger, message, source, file, function, line,
            errorMessage, errorType, requestID, userID, traceID, spanID, truncated, renamedKeyPrefix, staticFields
        )
        var seen: Set<String> = []
        for name in allKeyNames {
            if name.isEmpty { throw .invalidKeyName(name, reason: "it is empty") }
            if name.utf8.count > 64 { throw .invalidKeyName(name, reason: "it is longer than 64 bytes") }
            if !seen.insert(name).inserted { throw .invalidKeyName(name, reason: "it names two fields") }
        }
        if renamedKeyPrefix.isEmpty {
            throw .invalidKeyName(renamedKeyPrefix, reason: "the prefix for renamed keys is empty")
        }
    }

    private init(
        unchecked timestamp: String, _ level: String, _ severityNumber: String?, _ logger: String,
        _ message: String, _ source: String?, _ file: String, _ function: String, _ line: String,
        _ errorMessage: String, _ errorType: String?, _ requestID: String, _ userID: String,
        _ traceID: String, _ spanID: String, _ truncated: String, _ renamedKeyPrefix: String,
        _ staticFields: [String: String]
    ) {
        self.timestamp = timestamp
        self.level = level
        self.severityNumber = severityNumber
        self.logger = logger
        self.message = message
        self.source = source
        self.file = file
        self.function = function
        self.line = line
        self.errorMessage = errorMessage
        self.errorType = errorType
        self.requestID = requestID
        self.userID = userID
        self.traceID = traceID
        self.spanID = spanID
        self.truncated = truncated
        self.renamedKeyPrefix = renamedKeyPrefix
        self.staticFields = staticFields
    }

    /// Every key name this format can write, request-context names included.
    var allKeyNames: [String] {
        [timestamp, level, logger, message, file, function, line, errorMessage, requestID, userID, traceID, spanID, truncated]
            + [severityNumber, source, errorType].compactMap { $0 }
            + staticFields.keys
    }

    /// The plain form: `timestamp`, `level`, `logger`, `message`, metadata at the top level,
    /// `source`, and `error`/`error_type`; request context as `request_id`, `user_id`,
    /// `trace_id`, `span_id`.
    public static let plain = JSONLogFormat(
        unchecked: "timestamp", "level", nil, "logger", "message", "source", "file", "function", "line",
        "error", "error_type", "request_id", "user_id", "trace_id", "span_id", "truncated", "fields.", [:]
    )

    /// Elastic Common Schema, as the ecs-logging libraries write it: `@timestamp`, `log.level`,
    /// `log.logger`, `message`, `ecs.version`, `log.origin.*`, `error.message`/`error.type`,
    /// `http.request.id`, `user.id`, `trace.id`, `span.id`. ECS has no field for swift-log's
    /// source (the module), so it goes to `log.origin.module`, beside the `log.origin.*` fields.
    public static let ecs = JSONLogFormat(
        unchecked: "@timestamp", "log.level", nil, "log.logger", "message", "log.origin.module",
        "log.origin.file.name", "log.origin.function", "log.origin.file.line",
        "error.message", "error.type", "http.request.id", "user.id", "trace.id", "span.id", "truncated",
        "fields.", ["ecs.version": "8.11.0"]
    )

    /// OpenTelemetry: the Logs Data Model field names (`Timestamp`, `SeverityText`,
    /// `SeverityNumber`, `Body`, `TraceId`, `SpanId`) with the attributes flattened to the top
    /// level under semantic-convention names (`otel.scope.name`, `code.namespace`,
    /// `code.file.path`, `code.function.name`, `code.line.number`, `exception.message`,
    /// `exception.type`, `user.id`). The request ID, which has no convention, is `request_id`.
    /// `Timestamp` is RFC 3339 text rather than the data model's integer nanoseconds.
    public static let openTelemetry = JSONLogFormat(
        unchecked: "Timestamp", "SeverityText", "SeverityNumber", "otel.scope.name", "Body", "code.namespace",
        "code.file.path", "code.function.name", "code.line.number", "exception.message", "exception.type",
        "request_id", "user.id", "TraceId", "SpanId", "truncated", "fields.", [:]
    )
}
