/// `/proc/vmstat`: every `name value` counter in file order (node_exporter's vmstat collector;
/// psutil's `swap_memory` reads `pswpin` and `pswpout`).
public struct VMStat: Sendable, Hashable {
    /// One counter.
    public struct Counter: Sendable, Hashable {
        /// Its name, such as `pgfault`.
        public var name: String
        /// Its value.
        public var value: UInt64
    }

    /// The counters in file order.
    public var counters: [Counter]

    /// The counter's value, nil when absent.
    public subscript(name: String) -> UInt64? {
        counters.first { $0.name == name }?.value
    }

    /// Parses the file's bytes; `path` names it in errors.
    public init(parsing bytes: [UInt8], path: String = "/proc/vmstat") throws(HostMetricsError) {
        try self.init(parsing: bytes, path: path, names: nil)
    }

    /// Parses the file's bytes, keeping the counter names' `String`s in `names` from one parse
    /// to the next.
    init(parsing bytes: [UInt8], path: String, names: NameStrings?) throws(HostMetricsError) {
        let text = ProcText(bytes: bytes, path: path)
        counters = try NameStrings.withLookup(names) { (names) throws(HostMetricsError) in
            var counters: [Counter] = []
            for line in text.lines {
                var fields = line.fields
                guard let name = fields.next() else { continue }
                guard let value = fields.next()?.uint64, fields.next() == nil else {
                    throw text.malformed(line, expected: "name value")
                }
                counters.append(Counter(name: names.next(name), value: value))
            }
            return counters
        }
    }

    /// Reads `vmstat` under the procfs root.
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> VMStat {
        let path = paths.procfs("vmstat")
        return try VMStat(parsing: FileReader.read(path), path: path)
    }
}
