import Glibc

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
            let offset = rest.withUnsafeBytes { bytes -> Int? in
                guard let base = bytes.baseAddress, let newline = memchr(base, Int32(UInt8.newline), bytes.count) else { return nil }
                return UnsafeRawPointer(newline) - base
            }
            guard let offset else {
                defer { rest = rest[rest.endIndex...] }
                return Line(number: number, text: rest)
            }
            let end = rest.startIndex + offset
            defer { rest = rest[(end + 1)...] }
            return Line(number: number, text: rest[..<end])
        }
    }

    /// The whitespace-separated fields of a line.
    struct Fields: Sequence, IteratorProtocol {
        var rest: ArraySlice<UInt8>

        mutating func next() -> ArraySlice<UInt8>? {
            let (start, stop) = rest.withUnsafeBufferPointer { bytes in
                var start = 0
                while start < bytes.count, bytes[start] == .space || bytes[start] == .tab { start += 1 }
                var stop = start
                while stop < bytes.count, bytes[stop] != .space, bytes[stop] != .tab { stop += 1 }
                return (rest.startIndex + start, rest.startIndex + stop)
            }
            guard start < stop else {
                rest = rest[rest.endIndex...]
                return nil
            }
            defer { rest = rest[stop...] }
            return rest[start..<stop]
        }
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
        try FileReader.forEachEntry(in: directory) { entry in
            guard entry.name.starts(with: prefixBytes) else { return }
            let digits = ArraySlice(entry.name.dropFirst(prefixBytes.count))
            if let number = digits.uint64.flatMap({ Int(exactly: $0) }) { numbers.append(number) }
        }
        return numbers.sorted()
    }
}
