/// The identity of the request a task is serving: a request ID, and optionally the user and the
/// W3C trace and span it belongs to. Bound with ``withRequestContext(_:isolation:_:)``, it reaches
/// every line logged by the task and its child tasks (`async let`, task groups, `Task {}`), through
/// any `Logger`, `Logger.current` included; `Task.detached` starts without it.
public struct RequestIdentity: Sendable, Hashable {
    /// The context bound to the current task, if any.
    @TaskLocal public static var current: RequestIdentity?

    /// The ID every line of the request carries.
    public var requestID: String
    /// The authenticated user, once known.
    public var userID: String?
    /// The W3C trace ID (32 lowercase hex digits).
    public var traceID: String?
    /// The span the request runs in (16 lowercase hex digits), when a tracer provides one.
    public var spanID: String?

    /// A context with the given IDs; the request ID defaults to a new random one.
    public init(
        requestID: String = RequestIdentity.newRequestID(),
        userID: String? = nil,
        traceID: String? = nil,
        spanID: String? = nil
    ) {
        self.requestID = requestID
        self.userID = userID
        self.traceID = traceID
        self.spanID = spanID
    }

    /// The context of an incoming request, from its headers. The request ID is the
    /// `X-Request-ID` value when it is valid (see ``validatedRequestID(_:)``), else the trace ID of
    /// a valid `traceparent`, else a new random ID; the trace ID is the `traceparent`'s.
    /// Invalid headers are ignored rather than trusted: call ``validatedRequestID(_:)`` or
    /// ``TraceParent/init(_:)`` to learn why one was.
    public init(requestIDHeader: String?, traceparentHeader: String?) {
        let traceID = traceparentHeader.flatMap { try? TraceParent($0).traceID }
        let requestID = requestIDHeader.flatMap { try? Self.validatedRequestID($0) }
        self.init(requestID: requestID ?? traceID ?? Self.newRequestID(), traceID: traceID)
    }

    /// A random 128-bit ID as 32 lowercase hex digits, the form of a W3C trace ID.
    public static func newRequestID() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return String(unsafeUninitializedCapacity: 32) { buffer in
            for index in 0..<32 {
                let word = index < 16 ? high : low
                let nibble = UInt8(truncatingIfNeeded: word >> UInt64(60 - (index % 16) * 4)) & 0xF
                buffer[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 32
        }
    }

    /// The most bytes an adopted `X-Request-ID` may have.
    public static let maximumRequestIDLength = 128

    /// `value` trimmed of surrounding spaces, if it is fit to be logged as a request ID: 1 to
    /// 128 characters from `A-Z a-z 0-9 - _ . : + / =` (UUIDs, hex, base64 and most tracing
    /// IDs). Anything else, a client could use to forge or flood log fields.
    public static func validatedRequestID(_ value: String) throws(StructuredLogError) -> String {
        let trimmed = value.trimmingASCIISpaces()
        guard !trimmed.isEmpty, trimmed.utf8.count <= maximumRequestIDLength,
            trimmed.utf8.allSatisfy(isRequestIDByte)
        else { throw .invalidRequestID(value) }
        return trimmed
    }

    private static func isRequestIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "+"),
            UInt8(ascii: "/"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }
}
