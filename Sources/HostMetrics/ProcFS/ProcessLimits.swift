/// `/proc/[pid]/limits`: the process's resource limits (client_golang's process collector reads
/// `Max open files` and `Max address space`).
public struct ProcessLimits: Sendable, Hashable {
    /// One limit line.
    public struct Limit: Sendable, Hashable {
        /// The limit's name, such as `Max open files`.
        public var name: String
        /// The soft limit; nil means unlimited.
        public var soft: UInt64?
        /// The hard limit; nil means unlimited.
        public var hard: UInt64?
        /// The unit, such as `files` or `bytes`; empty for counts without one.
        public var unit: String
    }

    /// The limits in file order.
    public var limits: [Limit]

    /// The limit with this name, nil when absent.
    public subscript(name: String) -> Limit? {
        limits.first { $0.name == name }
    }

    /// `Max open files`: the soft limit on file descriptors (`process_max_fds`).
    public var openFiles: Limit? { self["Max open files"] }

    /// `Max address space`: the soft limit on virtual memory (`process_virtual_memory_max_bytes`).
    public var addressSpace: Limit? { self["Max address space"] }

    /// Parses the file's bytes. The header line is skipped; columns are separated by two or more
    /// spaces (names hold single spaces).
    public init(parsing bytes: [UInt8], path: String) throws(HostMetricsError) {
        let text = ProcText(bytes: bytes, path: path)
        let expected = "Name  soft-limit  hard-limit  [units]"
        limits = []
        for line in text.lines where line.number > 1 && !line.isBlank {
            let columns = Self.columns(line.text)
            guard columns.count == 3 || columns.count == 4, let soft = Self.limit(columns[1]),
                let hard = Self.limit(columns[2])
            else { throw text.malformed(line, expected: expected) }
            limits.append(Limit(name: columns[0].text, soft: soft, hard: hard, unit: columns.count == 4 ? columns[3].text : ""))
        }
    }

    /// Reads `[pid]/limits` under the procfs root; `pid` may also be `self`.
    public static func read(pid: String, _ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> ProcessLimits {
        let path = paths.procfs(pid + "/limits")
        return try ProcessLimits(parsing: FileReader.read(path), path: path)
    }

    /// The text between runs of two or more spaces.
    private static func columns(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var columns: [ArraySlice<UInt8>] = []
        var rest = line.trimmed
        while !rest.isEmpty {
            var end = rest.startIndex
            while end < rest.endIndex {
                if rest[end] == .tab || (rest[end] == .space && end + 1 < rest.endIndex && rest[end + 1] == .space) { break }
                end += 1
            }
            columns.append(rest[..<end].trimmed)
            rest = rest[end...].trimmed
        }
        return columns
    }

    /// `.some(nil)` for `unlimited`, `.some(n)` for a number, nil when it is neither.
    private static func limit(_ field: ArraySlice<UInt8>) -> UInt64?? {
        if field.elementsEqual("unlimited".utf8) { return .some(nil) }
        return field.uint64.map { .some($0) }
    }
}
