import Logging

/// Encodes one log event as one JSON object and a newline, straight into a ``LineBuffer``.
///
/// Metadata layers are merged while writing, never into a new dictionary: a key is written from
/// the highest layer that has it (handler < request context < provider < call site), a key that
/// collides with a reserved one is renamed, and redacted keys have their values replaced.
///
/// A line longer than the cap is encoded again, shortened: every string value is cut to one
/// common length chosen so that the line fits, longest strings first, and if keys alone are too
/// many, whole members are dropped from the end. Either way the truncation mark is written.
struct LineEncoder {
    /// Nested containers deeper than this are written as `null` (and the line marked truncated),
    /// so a self-similar value cannot exhaust the stack or a reader's recursion limit.
    static let maximumDepth = 32

    var buffer: LineBuffer
    /// Unowned: the handler's state holds the layout for as long as a line is encoded, and
    /// retaining it per line is measurable.
    private unowned(unsafe) let layout: LineLayout
    private let fragments: UnsafeBufferPointer<UInt8>
    /// The layout's key sets, copied once per line rather than once per key.
    private let reservedKeys: KeyNameSet
    private let redactedKeys: KeyNameSet
    /// Whether this pass shortens a line: handler metadata is then written member by member.
    private var isShortening = false
    /// The most bytes of one string value's content.
    private var stringLimit = Int.max
    /// The most bytes a line may reach before its tail; past it, a member is taken back.
    private var budget = Int.max
    /// Whether a member was taken back, so that no more are written.
    private var isStopped = false
    /// Whether anything was cut or dropped, so that the line carries the truncation mark.
    private var isTruncated = false
    /// The content length of every string value, collected by a measuring pass.
    private var stringLengths: [Int]?
    /// The names reserved keys were renamed to so far in this line, which later renamings must
    /// not take again.
    private var renamedNames: [String] = []

    private init(buffer: LineBuffer, layout: LineLayout, fragments: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
        self.layout = layout
        self.fragments = fragments
        self.reservedKeys = layout.reservedKeys
        self.redactedKeys = layout.redactedKeys
    }

    // MARK: - Writing a line

    /// Encodes `event` and hands the whole line to `writer` in one call. Lines up to 1 KiB are
    /// encoded in a small stack buffer; longer ones in one of their own size, or of the cap's
    /// when they are longer than the cap (which may be as large as `Int.max`).
    static func write(_ event: borrowing LogEvent, _ record: borrowing LineRecord, to writer: any LogLineWriter) {
        let layout = record.handler.layout
        layout.fragments.withUnsafeBufferPointer { fragments in
            let smallCapacity = min(layout.maximumLineBytes, 1024)
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: smallCapacity) { storage in
                guard let base = storage.baseAddress else { return }
                var encoder = LineEncoder(
                    buffer: LineBuffer(base: base, capacity: smallCapacity),
                    layout: layout,
                    fragments: fragments
                )
                encoder.encode(event, record)
                if encoder.buffer.isComplete {
                    writer.write(lines: encoder.buffer.bytes)
                } else {
                    writeLong(event, record, length: encoder.buffer.count, layout: layout, fragments: fragments, to: writer)
                }
            }
        }
    }

    /// Encodes a line of `length` bytes (as the first pass measured it) again, shortened when
    /// it is longer than the cap.
    private static func writeLong(
        _ event: borrowing LogEvent,
        _ record: borrowing LineRecord,
        length: Int,
        layout: LineLayout,
        fragments: UnsafeBufferPointer<UInt8>,
        to writer: any LogLineWriter
    ) {
        let capacity = min(length, layout.maximumLineBytes)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { storage in
            guard let base = storage.baseAddress else { return }
            let make = { (capacity: Int) in
                LineEncoder(buffer: LineBuffer(base: base, capacity: capacity), layout: layout, fragments: fragments)
            }
            var encoder = make(capacity)
            encoder.encode(event, record)
            if !encoder.buffer.isComplete {
                var measuring = make(0)
                measuring.isShortening = true
                measuring.stringLengths = []
                measuring.encode(event, record)
                let lengths = measuring.stringLengths ?? []
                // Everything but string contents, the closing `}` and newline included, which
                // the budget leaves out: hence the 2 added back below.
                let overhead = measuring.buffer.count - lengths.reduce(0, +)
                encoder = make(capacity)
                encoder.isShortening = true
                encoder.budget = capacity - layout.truncationTail
                encoder.stringLimit = waterLevel(lengths, available: encoder.budget + 2 - overhead)
                encoder.encode(event, record)
            }
            if encoder.buffer.isComplete { writer.write(lines: encoder.buffer.bytes) }
        }
    }

    /// The largest per-string length `L` with `sum(min(length, L))` at most `available`: long
    /// strings are cut to a common length while short ones stay whole.
    static func waterLevel(_ lengths: [Int], available: Int) -> Int {
        guard available > 0 else { return 0 }
        var remaining = available
        let sorted = lengths.sorted()
        for (index, length) in sorted.enumerated() {
            let left = sorted.count - index
            if length <= remaining / left {
                remaining -= length
            } else {
                return remaining / left
            }
        }
        return .max
    }

    /// Renders handler metadata as the `,"key":value` members a line copies, or nil when it
    /// cannot be copied as it is: when a key is reserved (its renaming depends on the other
    /// layers) or a value's description changed while rendering.
    static func renderedMembers(of metadata: Logger.Metadata, layout: LineLayout) -> [UInt8]? {
        guard !metadata.keys.contains(where: layout.reservedKeys.contains) else { return nil }
        return layout.fragments.withUnsafeBufferPointer { fragments in
            LineBuffer.encodedBytes { buffer in
                var encoder = LineEncoder(buffer: buffer, layout: layout, fragments: fragments)
                metadata.forEachKeyAndValue { key, value in
                    encoder.writeMember(key: key, value: value, checkingReserved: false)
                }
                buffer = encoder.buffer
            }
        }
    }

    // MARK: - The members of a line

    mutating func encode(_ event: LogEvent, _ record: LineRecord) {
        append(layout.opening)
        record.timestamp.write(into: &buffer)
        append(layout.levelMembers[LineLayout.index(of: event.level)])
        if !layout.staticMembers.isEmpty {
            let mark = buffer.count
            append(layout.staticMembers)
            endMember(from: mark, depth: 0)
        }
        writeMember(layout.loggerKey, string: record.handler.label)
        writeMember(layout.messageKey, string: event.message.description)
        writeRequestContext(of: event, record)
        writeMetadata(of: event, record)
        if let sourceKey = layout.sourceKey { writeMember(sourceKey, string: event.source) }
        if layout.includesSourceLocation {
            writeMember(layout.fileKey, string: event.file)
            writeMember(layout.functionKey, string: event.function)
            if !isStopped {
                let mark = buffer.count
                append(layout.lineKey)
                buffer.appendDecimal(UInt64(event.line))
                endMember(from: mark, depth: 0)
            }
        }
        if let error = event.error {
            writeMember(layout.errorMessageKey, string: String(describing: error))
            if let errorTypeKey = layout.errorTypeKey {
                writeMember(errorTypeKey, string: String(reflecting: type(of: error)))
            }
        }
        if isTruncated { append(layout.truncatedMember) }
        buffer.append(UInt8(ascii: "}"))
        buffer.append(UInt8(ascii: "\n"))
    }

    private mutating func writeMember(_ key: LineLayout.Fragment, string: String) {
        guard !isStopped else { return }
        let mark = buffer.count
        append(key)
        writeString(string)
        endMember(from: mark, depth: 0)
    }

    /// Writes the request context's fields that no provider or call-site key overrides.
    private mutating func writeRequestContext(of event: LogEvent, _ record: LineRecord) {
        guard let context = record.context else { return }
        for index in 0..<4 {
            guard !isStopped, let value = Self.field(index, of: context) else { continue }
            let name = layout.contextKeyNames[index]
            if event.metadata?[name] != nil || record.provided?[name] != nil { continue }
            let mark = buffer.count
            append(layout.contextKeys[index])
            writeString(value)
            endMember(from: mark, depth: 0)
        }
    }

    /// The request context's fields in the order of `LineLayout.contextKeys`.
    private static func field(_ index: Int, of context: RequestIdentity) -> String? {
        switch index {
        case 0: context.requestID
        case 1: context.userID
        case 2: context.traceID
        default: context.spanID
        }
    }

    private mutating func writeMetadata(of event: LogEvent, _ record: LineRecord) {
        let callSite = event.metadata
        let provided = record.provided
        callSite?.forEachKeyAndValue { key, value in
            writeTopLevelMember(key: key, value: value, of: event, record)
        }
        provided?.forEachKeyAndValue { key, value in
            if callSite?[key] == nil { writeTopLevelMember(key: key, value: value, of: event, record) }
        }
        let handlerMetadata = record.handler.metadata
        guard !handlerMetadata.isEmpty, !isStopped else { return }
        if !isShortening, let rendered = record.handler.renderedMetadata, !isAnyHandlerKeyOverridden(in: event, record) {
            let mark = buffer.count
            rendered.withUnsafeBufferPointer { buffer.append($0) }
            endMember(from: mark, depth: 0)
            return
        }
        handlerMetadata.forEachKeyAndValue { key, value in
            if callSite?[key] == nil && provided?[key] == nil && !Self.hasContextField(named: key, in: record, layout: layout) {
                writeTopLevelMember(key: key, value: value, of: event, record)
            }
        }
    }

    private func isAnyHandlerKeyOverridden(in event: LogEvent, _ record: LineRecord) -> Bool {
        let handlerMetadata = record.handler.metadata
        if let callSite = event.metadata, callSite.keys.contains(where: { handlerMetadata[$0] != nil }) {
            return true
        }
        if let provided = record.provided, provided.keys.contains(where: { handlerMetadata[$0] != nil }) {
            return true
        }
        guard let context = record.context else { return false }
        return (0..<4).contains { Self.field($0, of: context) != nil && handlerMetadata[layout.contextKeyNames[$0]] != nil }
    }

    private static func hasContextField(named name: String, in record: LineRecord, layout: LineLayout) -> Bool {
        guard let context = record.context else { return false }
        return (0..<4).contains { Self.field($0, of: context) != nil && layout.contextKeyNames[$0] == name }
    }

    private mutating func writeTopLevelMember(
        key: String,
        value: Logger.MetadataValue,
        of event: LogEvent,
        _ record: LineRecord
    ) {
        guard !writeMember(key: key, value: value, checkingReserved: true) else { return }
        let name = Self.uniqueRenaming(of: key, in: event, record, layout: layout, besides: renamedNames)
        renamedNames.append(name)
        writeMember(named: name, value: value, redacting: redactedKeys.contains(key))
    }

    /// `key` behind the format's prefix, repeated until the name is taken by no reserved key, no
    /// key of any metadata layer, and none of the `renamed` names already written: a format may
    /// reserve one name behind the prefix of another (`msg` and `fields.msg`), whose renamings
    /// would otherwise meet.
    private static func uniqueRenaming(
        of key: String,
        in event: LogEvent,
        _ record: LineRecord,
        layout: LineLayout,
        besides renamed: [String]
    ) -> String {
        let prefix = layout.format.renamedKeyPrefix
        var name = prefix + key
        while layout.reservedKeys.contains(name) || event.metadata?[name] != nil || record.provided?[name] != nil
            || record.handler.metadata[name] != nil || hasContextField(named: name, in: record, layout: layout)
            || renamed.contains(name)
        {
            name = prefix + name
        }
        return name
    }

    /// Writes the top-level member `,"key":value`, its value redacted when the key is. Returns
    /// false, writing nothing, when `checkingReserved` and the key is reserved.
    @discardableResult
    private mutating func writeMember(key: String, value: Logger.MetadataValue, checkingReserved: Bool) -> Bool {
        guard !isStopped else { return true }
        let mark = buffer.count
        buffer.append(UInt8(ascii: ","))
        guard let isRedacted = writeKey(key, checkingReserved: checkingReserved) else {
            buffer.count = mark
            return false
        }
        writeValue(value, redacting: isRedacted, depth: 0)
        endMember(from: mark, depth: 0)
        return true
    }

    /// Writes the top-level member `,"name":value` under a name known not to be reserved.
    private mutating func writeMember(named name: String, value: Logger.MetadataValue, redacting: Bool) {
        guard !isStopped else { return }
        let mark = buffer.count
        buffer.append(UInt8(ascii: ","))
        buffer.appendJSONString(name, limit: .max)
        buffer.append(UInt8(ascii: ":"))
        writeValue(value, redacting: redacting, depth: 0)
        endMember(from: mark, depth: 0)
    }

    /// Writes `"key":` and tells whether the key is redacted, one look at its bytes serving
    /// both; nil, writing nothing, when `checkingReserved` and the key is reserved.
    private mutating func writeKey(_ key: String, checkingReserved: Bool) -> Bool? {
        key.withUTF8Buffer { bytes in
            if checkingReserved && reservedKeys.contains(bytes) { return nil }
            buffer.appendJSONString(utf8: bytes, limit: .max)
            buffer.append(UInt8(ascii: ":"))
            return redactedKeys.contains(bytes)
        }
    }

    // MARK: - Values

    /// Writes `value`, which sits inside `depth` nested containers.
    private mutating func writeValue(_ value: Logger.MetadataValue, redacting: Bool, depth: Int) {
        if redacting {
            append(layout.redactionValue)
            return
        }
        switch value {
        case .string(let string):
            writeString(string)
        case .stringConvertible(let convertible):
            writeConvertible(convertible)
        case .dictionary(let dictionary):
            guard depth < Self.maximumDepth else { return writeTooDeep() }
            buffer.append(UInt8(ascii: "{"))
            var isFirst = true
            dictionary.forEachKeyAndValue { key, element in
                guard !isStopped else { return }
                let mark = buffer.count
                if !isFirst { buffer.append(UInt8(ascii: ",")) }
                let isRedacted = writeKey(key, checkingReserved: false) ?? false
                writeValue(element, redacting: isRedacted, depth: depth + 1)
                endMember(from: mark, depth: depth + 1)
                isFirst = false
            }
            buffer.append(UInt8(ascii: "}"))
        case .array(let array):
            guard depth < Self.maximumDepth else { return writeTooDeep() }
            buffer.append(UInt8(ascii: "["))
            var isFirst = true
            for element in array {
                guard !isStopped else { break }
                let mark = buffer.count
                if !isFirst { buffer.append(UInt8(ascii: ",")) }
                writeValue(element, redacting: false, depth: depth + 1)
                endMember(from: mark, depth: depth + 1)
                isFirst = false
            }
            buffer.append(UInt8(ascii: "]"))
        }
    }

    private mutating func writeTooDeep() {
        for byte in "null".utf8 { buffer.append(byte) }
        isTruncated = true
    }

    /// Numbers and booleans as JSON numbers and booleans; everything else, non-finite floating
    /// point values included, as its description in a string.
    private mutating func writeConvertible(_ value: any CustomStringConvertible & Sendable) {
        switch value {
        case let integer as Int:
            buffer.appendDecimal(Int64(integer))
        case let double as Double where double.isFinite:
            buffer.appendVerbatim(double.description)
        case let bool as Bool:
            for byte in (bool ? "true" : "false").utf8 { buffer.append(byte) }
        case let integer as any BinaryInteger:
            writeInteger(integer)
        case let float as Float where float.isFinite:
            buffer.appendVerbatim(float.description)
        default:
            writeString(value.description)
        }
    }

    private mutating func writeInteger<Integer: BinaryInteger>(_ integer: Integer) {
        if let signed = Int64(exactly: integer) {
            buffer.appendDecimal(signed)
        } else if let unsigned = UInt64(exactly: integer) {
            buffer.appendDecimal(unsigned)
        } else {
            writeString(integer.description)
        }
    }

    private mutating func writeString(_ string: String) {
        let start = buffer.count
        if buffer.appendJSONString(string, limit: stringLimit) { isTruncated = true }
        stringLengths?.append(buffer.count - start - 2)
    }

    // MARK: - Bytes

    private mutating func append(_ fragment: LineLayout.Fragment) {
        buffer.append(UnsafeBufferPointer(rebasing: fragments[fragment]))
    }

    /// Takes back the member written since `mark` when the line, with a closing bracket for each
    /// of the `depth` containers still open, would no longer fit; no member is written after.
    @inline(__always)
    private mutating func endMember(from mark: Int, depth: Int) {
        if buffer.count > budget &- depth {
            buffer.count = mark
            isStopped = true
            isTruncated = true
        }
    }
}
