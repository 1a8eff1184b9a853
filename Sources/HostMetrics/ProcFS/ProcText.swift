/// The bytes of one procfs or sysfs file, walked as lines and whitespace-separated fields
/// without copying: every line and field is a slice of the one buffer the file was read into.
struct ProcText {
    /// The file's bytes.
    let bytes: [UInt8]
    /// Where they came from, for errors.
    let path: String

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// Reads the whole file at `path`.
    static func read(_ path: String) throws(HostMetricsError) -> ProcText {
        ProcText(bytes: try FileReader.read(path), path: path)
    }

    /// The lines, without their `\n`. A last line without `\n` counts; the empty tail after a
    /// final `\n` does not.
    var lines: Lines { Lines(bytes: bytes[...]) }

    /// The error for a line that is not in the kernel's format.
    func malformed(_ line: Line, expected: String) -> HostMetricsError {
        .malformedLine(path: path, line: line.number, text: line.text.prefix(200).text, expected: expected)
    }

    /// The error for an entry every kernel writes.
    func missing(_ entry: String) -> HostMetricsError {
        .entryMissing(path: path, entry: entry)
    }

    /// One line and its number, counted from 1.
    struct Line {
        let number: Int
        let text: ArraySlice<UInt8>

        /// The fields between runs of spaces and tabs.
        var fields: Fields { Fields(rest: text) }

        /// True when the line holds only spaces and tabs.
        var isBlank: Bool { text.allSatisfy { $0 == .space || $0 == .tab } }
    }

    /// The lines of a buffer.
    struct Lines: Sequence, IteratorProtocol {
        var rest: ArraySlice<UInt8>
        var number = 0

        init(bytes: ArraySlice<UInt8>) { rest = bytes }

        mutating func next() -> Line? {
            guard !rest.isEmpty else { return nil }
            number += 1
            guard let end = rest.firstIndex(of: .newline) else {
                defer { rest = rest[rest.endIndex...] }
                return Line(number: number, text: rest)
            }
            defer { rest = rest[(end + 1)...] }
            return Line(number: number, text: rest[..<end])
        }
    }

    /// The whitespace-separated fields of a line.
    struct Fields: Sequence, IteratorProtocol {
        var rest: ArraySlice<UInt8>

        mutating func next() -> ArraySlice<UInt8>? {
            guard let start = rest.firstIndex(where: { $0 != .space && $0 != .tab }) else {
                rest = rest[rest.endIndex...]
                return nil
            }
            let end = rest[start...].firstIndex(where: { $0 == .space || $0 == .tab }) ?? rest.endIndex
            defer { rest = rest[end...] }
            return rest[start..<end]
        }

        /// The rest of the line after the fields taken so far, without leading whitespace.
        var remainder: ArraySlice<UInt8> {
            rest.drop(while: { $0 == .space || $0 == .tab })
        }
    }
}

extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let colon = UInt8(ascii: ":")
    static let zero = UInt8(ascii: "0")
    static let minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")

    /// The digit's value when the byte is an ASCII digit.
    var digitValue: UInt8? {
        let value = self &- .zero
        return value < 10 ? value : nil
    }
}

extension ArraySlice<UInt8> {
    /// The bytes as text; invalid UTF-8 becomes U+FFFD.
    var text: String { String(decoding: self, as: UTF8.self) }

    /// The slice without leading and trailing spaces and tabs.
    var trimmed: ArraySlice<UInt8> {
        let isBlank = { (byte: UInt8) in byte == .space || byte == .tab }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }

    /// A decimal unsigned integer, or nil if the slice is empty, holds anything but digits or
    /// overflows 64 bits.
    var uint64: UInt64? {
        guard !isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in self {
            guard let digit = byte.digitValue else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// A decimal integer with an optional leading `-`.
    var int64: Int64? {
        if first == .minus {
            guard let magnitude = dropFirst().uint64, magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard let value = uint64, value <= UInt64(Int64.max) else { return nil }
        return Int64(value)
    }

    /// A decimal number such as `0.21`, `-1` or `14036781`, correctly rounded like Go's
    /// `strconv.ParseFloat`. Short numbers (all of procfs) take an exact fast path; the rest go
    /// through the standard library's parser.
    var double: Double? {
        guard !isEmpty else { return nil }
        var index = startIndex
        let negative = self[index] == .minus
        if negative { index += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenDot = false
        while index < endIndex {
            let byte = self[index]
            if byte == .dot, !seenDot {
                seenDot = true
            } else if let digit = byte.digitValue {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                digits += 1
                if seenDot { fractionDigits += 1 }
            } else {
                return Double(text)
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        guard digits <= 15 else { return Double(text) }
        let value = Double(mantissa) / Self.powersOfTen[fractionDigits]
        return negative ? -value : value
    }

    /// 10⁰ … 10¹⁵, each exact in a Double.
    private static let powersOfTen: [Double] = (0...15).map { power in
        (0..<power).reduce(1.0) { value, _ in value * 10 }
    }
}

extension ProcText {
    /// Reads a file holding one unsigned integer, such as a sysfs attribute.
    static func readUInt64(_ path: String) throws(HostMetricsError) -> UInt64 {
        let text = try read(path)
        var lines = text.lines
        guard let line = lines.next() else { throw text.missing("value") }
        guard let value = line.text.trimmed.uint64 else { throw text.malformed(line, expected: "one unsigned integer") }
        return value
    }

    /// The numbered entries of a directory, such as `cpu0`, `cpu1` … of
    /// `/sys/devices/system/cpu`: the numbers after `prefix`, ascending. Entries where digits do
    /// not follow the prefix (`cpufreq`, `cpuidle`) are left out.
    static func numberedEntries(in directory: String, prefix: String) throws(HostMetricsError) -> [Int] {
        let prefixBytes = Array(prefix.utf8)
        var numbers: [Int] = []
        try FileReader.forEachEntry(in: directory) { name in
            guard name.starts(with: prefixBytes) else { return }
            let digits = ArraySlice(name.dropFirst(prefixBytes.count))
            if let number = digits.uint64.flatMap({ Int(exactly: $0) }) { numbers.append(number) }
        }
        return numbers.sorted()
    }
}
