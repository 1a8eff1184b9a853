/// How a ``JSONLogHandler`` writes its lines: the key names, the size cap, what is redacted, and
/// which optional fields appear.
public struct JSONLogConfiguration: Sendable {
    /// The smallest line size cap: room for the timestamp, the level and the truncation mark
    /// with the longest key names a ``JSONLogFormat`` allows, as long as JSON need not escape them.
    public static let minimumLineBytes = 512

    /// The key names of every line.
    public var format: JSONLogFormat
    /// The most bytes a line may take, its newline included. Longer lines are shortened (long
    /// strings first), keep every field that fits, stay valid JSON and carry the truncation
    /// mark. The default, 16 KiB, is where container runtimes split lines. Values below
    /// ``minimumLineBytes`` count as ``minimumLineBytes``, or, with key names that JSON must
    /// escape, as the room the timestamp, the level and the truncation mark take.
    public var maximumLineBytes: Int
    /// Metadata keys, at any depth, whose values are replaced by ``redactionMarker`` before
    /// anything is written. ASCII letters match regardless of case.
    public var redactedKeys: Set<String>
    /// What a redacted value is written as.
    public var redactionMarker: String
    /// Whether lines carry the file, function and line that logged.
    public var includesSourceLocation: Bool
    /// Whether lines carry the fields of the current ``RequestIdentity``. The handler reads the
    /// task-local itself, so it needs no ``Logger/MetadataProvider`` for them.
    public var includesRequestContext: Bool

    /// A configuration with the plain key names, a 16 KiB cap and common secrets redacted.
    public init(
        format: JSONLogFormat = .plain,
        maximumLineBytes: Int = 16_384,
        redactedKeys: Set<String> = ["password", "token", "authorization", "cookie", "set-cookie", "secret"],
        redactionMarker: String = "[REDACTED]",
        includesSourceLocation: Bool = false,
        includesRequestContext: Bool = true
    ) {
        self.format = format
        self.maximumLineBytes = maximumLineBytes
        self.redactedKeys = redactedKeys
        self.redactionMarker = redactionMarker
        self.includesSourceLocation = includesSourceLocation
        self.includesRequestContext = includesRequestContext
    }
}
