import Logging

/// Everything about a line that does not change from one line to the next, rendered once per
/// handler: each `,"key":` with its key escaped, the level members, the static fields, and the
/// key sets consulted per metadata key. Lines are then mostly copies of these bytes.
final class LineLayout: Sendable {
    /// The part of `fragments` one piece occupies.
    typealias Fragment = Range<Int>

    let maximumLineBytes: Int
    let includesSourceLocation: Bool
    let includesRequestContext: Bool
    let format: JSONLogFormat
    /// Keys a metadata key must not take: renamed when it would.
    let reservedKeys: KeyNameSet
    /// Keys whose values are redacted, at any depth.
    let redactedKeys: KeyNameSet
    /// The request-context key names, in ``RequestIdentity`` field order.
    let contextKeyNames: [String]

    /// All rendered pieces, back to back.
    let fragments: [UInt8]
    /// `{"timestamp":"`.
    let opening: Fragment
    /// `","level":"info"`, with `,"SeverityNumber":9` where the format has one, per level.
    let levelMembers: [Fragment]
    /// `,"ecs.version":"8.11.0"` and the like.
    let staticMembers: Fragment
    let loggerKey: Fragment
    let messageKey: Fragment
    let sourceKey: Fragment?
    let fileKey: Fragment
    let functionKey: Fragment
    let lineKey: Fragment
    let errorMessageKey: Fragment
    let errorTypeKey: Fragment?
    /// `,"request_id":` and the other request-context keys, in ``RequestIdentity`` field order.
    let contextKeys: [Fragment]
    /// `,"truncated":true`.
    let truncatedMember: Fragment
    /// The redaction marker as a quoted JSON string.
    let redactionValue: Fragment

    /// The bytes kept free for `,"truncated":true}` and the newline while a line is shortened.
    var truncationTail: Int { truncatedMember.count + 2 }

    init(_ configuration: JSONLogConfiguration) {
        let format = configuration.format
        self.format = format
        self.includesSourceLocation = configuration.includesSourceLocation
        self.includesRequestContext = configuration.includesRequestContext
        self.contextKeyNames = [format.requestID, format.userID, format.traceID, format.spanID]
        var reserved = [format.timestamp, format.level, format.logger, format.message, format.errorMessage, format.truncated]
        reserved += [format.severityNumber, format.source, format.errorType].compactMap { $0 }
        reserved += format.staticFields.keys
        if configuration.includesSourceLocation { reserved += [format.file, format.function, format.line] }
        self.reservedKeys = KeyNameSet(reserved, ignoringASCIICase: false)
        self.redactedKeys = KeyNameSet(configuration.redactedKeys, ignoringASCIICase: true)

        var storage: [UInt8] = []
        func add(_ write: (inout LineBuffer) -> Void) -> Fragment {
            let start = storage.count
            storage += LineBuffer.encodedBytes(write) ?? []
            return start..<storage.count
        }
        func key(_ name: String) -> Fragment {
            add { buffer in
                buffer.append(UInt8(ascii: ","))
                buffer.appendJSONString(name, limit: .max)
                buffer.append(UInt8(ascii: ":"))
            }
        }
        self.opening = add { buffer in
            buffer.append(UInt8(ascii: "{"))
            buffer.appendJSONString(format.timestamp, limit: .max)
            buffer.append(UInt8(ascii: ":"))
            buffer.append(UInt8(ascii: "\""))
        }
        self.levelMembers = Logger.Level.allCases.map { level in
            add { buffer in
                buffer.append(UInt8(ascii: "\""))
                buffer.append(UInt8(ascii: ","))
                buffer.appendJSONString(format.level, limit: .max)
                buffer.append(UInt8(ascii: ":"))
                buffer.appendJSONString(level.rawValue, limit: .max)
                if let severityNumber = format.severityNumber {
                    buffer.append(UInt8(ascii: ","))
                    buffer.appendJSONString(severityNumber, limit: .max)
                    buffer.append(UInt8(ascii: ":"))
                    buffer.appendDecimal(UInt64(Self.openTelemetrySeverityNumber(level)))
                }
            }
        }
        self.staticMembers = add { buffer in
            for (name, value) in format.staticFields.sorted(by: { $0.key < $1.key }) {
                buffer.append(UInt8(ascii: ","))
                buffer.appendJSONString(name, limit: .max)
                buffer.append(UInt8(ascii: ":"))
                buffer.appendJSONString(value, limit: .max)
            }
        }
        self.loggerKey = key(format.logger)
        self.messageKey = key(format.message)
        self.sourceKey = format.source.map(key)
        self.fileKey = key(format.file)
        self.functionKey = key(format.function)
        self.lineKey = key(format.line)
        self.errorMessageKey = key(format.errorMessage)
        self.errorTypeKey = format.errorType.map(key)
        self.contextKeys = contextKeyNames.map(key)
        self.truncatedMember = add { buffer in
            buffer.append(UInt8(ascii: ","))
            buffer.appendJSONString(format.truncated, limit: .max)
            buffer.append(UInt8(ascii: ":"))
            for byte in "true".utf8 { buffer.append(byte) }
        }
        self.redactionValue = add { $0.appendJSONString(configuration.redactionMarker, limit: .max) }
        self.fragments = storage
        // Every line holds the opening, the timestamp and its level, and a shortened one the
        // truncation mark: with key names that JSON must escape, these can take more than the
        // minimum cap, and a line that cannot hold them is not written at all.
        let unshortenable =
            opening.count + RFC3339Timestamp.length + (levelMembers.map(\.count).max() ?? 0) + truncatedMember.count + 2
        self.maximumLineBytes = max(configuration.maximumLineBytes, JSONLogConfiguration.minimumLineBytes, unshortenable)
    }

    /// The member of `level` in `levelMembers`.
    static func index(of level: Logger.Level) -> Int {
        switch level {
        case .trace: 0
        case .debug: 1
        case .info: 2
        case .notice: 3
        case .warning: 4
        case .error: 5
        case .critical: 6
        }
    }

    /// The OpenTelemetry Logs Data Model severity number of a swift-log level.
    static func openTelemetrySeverityNumber(_ level: Logger.Level) -> Int {
        switch level {
        case .trace: 1
        case .debug: 5
        case .info: 9
        case .notice: 10
        case .warning: 13
        case .error: 17
        case .critical: 21
        }
    }
}
