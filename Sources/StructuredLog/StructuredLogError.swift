/// What went wrong while setting up structured logging, with the offending value and what to do
/// about it. Nothing on the logging path itself throws: a line that cannot be written is counted.
public enum StructuredLogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A key name of a ``JSONLogFormat`` is empty, longer than 64 bytes, or used twice.
    case invalidKeyName(String, reason: String)
    /// An `X-Request-ID` value is empty, longer than 128 bytes, or holds a character outside
    /// `A-Z a-z 0-9 - _ . : + / =`.
    case invalidRequestID(String)
    /// A W3C `traceparent` header does not have the form `00-<32 hex>-<16 hex>-<2 hex>` with
    /// non-zero ids.
    case invalidTraceparent(String, reason: String)
    /// A log file could not be opened for appending.
    case cannotOpenFile(path: String, errno: Int32)
    /// The background thread of a ``BufferedLineWriter`` could not be started.
    case cannotStartWriterThread(errno: Int32)

    /// What went wrong, and what to do about it.
    public var description: String {
        switch self {
        case .invalidKeyName(let name, let reason):
            return "JSON log key \"\(name)\" is not usable: \(reason). Give every field its own non-empty name of at most 64 bytes."
        case .invalidRequestID(let value):
            return "X-Request-ID \"\(value.prefix(64))\" was not adopted: use 1 to 128 characters from A-Z a-z 0-9 - _ . : + / =."
        case .invalidTraceparent(let value, let reason):
            return "traceparent \"\(value.prefix(80))\" was not adopted: \(reason). Expected 00-<32 lowercase hex>-<16 lowercase hex>-<2 hex>, ids not all zero."
        case .cannotOpenFile(let path, let errno):
            return "cannot open log file \(path) for appending (errno \(errno)): check that its directory exists and is writable."
        case .cannotStartWriterThread(let errno):
            return "cannot start the buffered log writer's thread (errno \(errno)): write lines directly with FileLineWriter instead."
        }
    }
}
