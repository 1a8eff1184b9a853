/// A W3C Trace Context `traceparent` header: `00-<trace id>-<parent id>-<flags>`. Its trace ID
/// is what a request adopts as its ID, so that logs and traces of one request share it.
public struct TraceParent: Sendable, Hashable {
    /// The trace version, `00` today.
    public var version: String
    /// The trace ID: 32 lowercase hex digits, not all zero.
    public var traceID: String
    /// The caller's span ID: 16 lowercase hex digits, not all zero.
    public var parentID: String
    /// The trace flags, 2 hex digits; bit 0 means sampled.
    public var flags: String

    /// Parses a `traceparent` header value, rejecting every form the specification rejects:
    /// wrong lengths or separators, uppercase or non-hex digits, version `ff`, all-zero IDs, and
    /// anything after version 00's four fields.
    public init(_ header: String) throws(StructuredLogError) {
        let value = header.trimmingASCIISpaces()
        let fields = value.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count >= 4 else { throw .invalidTraceparent(header, reason: "it has fewer than four fields") }
        let lengths = [2, 32, 16, 2]
        for (field, length) in zip(fields, lengths) {
            guard field.utf8.count == length, field.utf8.allSatisfy(Self.isLowercaseHexDigit) else {
                throw .invalidTraceparent(header, reason: "a field is not \(length) lowercase hex digits")
            }
        }
        let version = String(fields[0])
        guard version != "ff" else { throw .invalidTraceparent(header, reason: "version ff is invalid") }
        guard version != "00" || fields.count == 4 else {
            throw .invalidTraceparent(header, reason: "version 00 has exactly four fields")
        }
        guard fields[1].utf8.contains(where: { $0 != UInt8(ascii: "0") }) else {
            throw .invalidTraceparent(header, reason: "the trace ID is all zeros")
        }
        guard fields[2].utf8.contains(where: { $0 != UInt8(ascii: "0") }) else {
            throw .invalidTraceparent(header, reason: "the parent ID is all zeros")
        }
        self.version = version
        self.traceID = String(fields[1])
        self.parentID = String(fields[2])
        self.flags = String(fields[3])
    }

    private static func isLowercaseHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
