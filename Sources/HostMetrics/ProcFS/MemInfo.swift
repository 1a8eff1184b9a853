/// `/proc/meminfo`: every field, in file order, as node_exporter's meminfo collector publishes
/// them and psutil's `virtual_memory` and `swap_memory` read them.
public struct MemInfo: Sendable, Hashable {
    /// One `Name: value [kB]` line.
    public struct Field: Sendable, Hashable {
        /// The name before the colon, such as `MemTotal` or `Active(anon)`.
        public var name: String
        /// The number as written.
        public var value: UInt64
        /// True when the line ends in `kB`; such values are KiB, the others (`HugePages_Total`)
        /// are counts.
        public var isKilobytes: Bool

        /// The value in bytes for kB fields (`value * 1024`), the value itself for counts.
        public var bytes: UInt64 { isKilobytes ? value * 1024 : value }
    }

    /// The fields in file order.
    public var fields: [Field]

    /// The field's value in bytes (or its count, for fields without a unit), nil when absent.
    public subscript(name: String) -> UInt64? {
        fields.first { $0.name == name }?.bytes
    }

    /// Parses the file's bytes; `path` names it in errors.
    public init(parsing bytes: [UInt8], path: String = "/proc/meminfo") throws(HostMetricsError) {
        try self.init(parsing: bytes, path: path, names: nil)
    }

    /// Parses the file's bytes, keeping the field names' `String`s in `names` from one parse to
    /// the next.
    init(parsing bytes: [UInt8], path: String, names: NameStrings?) throws(HostMetricsError) {
        let text = ProcText(bytes: bytes, path: path)
        fields = try NameStrings.withLookup(names) { (names) throws(HostMetricsError) in
            var fields: [Field] = []
            for line in text.lines {
                // Some CentOS 6 kernels write empty lines.
                if line.isBlank { continue }
                guard let colon = line.text.firstIndex(of: .colon) else {
                    throw text.malformed(line, expected: "Name: value [kB]")
                }
                let name = line.text[..<colon].trimmed
                var rest = ProcText.Fields(rest: line.text[(colon + 1)...])
                guard !name.isEmpty, let value = rest.next()?.uint64 else {
                    throw text.malformed(line, expected: "Name: value [kB]")
                }
                let unit = rest.next()
                let isKilobytes = unit?.elementsEqual("kB".utf8) ?? false
                guard unit == nil || isKilobytes, rest.next() == nil, !isKilobytes || value <= UInt64.max / 1024 else {
                    throw text.malformed(line, expected: "Name: value [kB]")
                }
                fields.append(Field(name: names.next(name), value: value, isKilobytes: isKilobytes))
            }
            return fields
        }
    }

    /// Reads `meminfo` under the procfs root.
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> MemInfo {
        let path = paths.procfs("meminfo")
        return try MemInfo(parsing: FileReader.read(path), path: path)
    }
}
