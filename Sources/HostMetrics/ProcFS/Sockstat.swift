/// `/proc/net/sockstat` or `/proc/net/sockstat6`: sockets in use per protocol (node_exporter's
/// sockstat collector).
public struct Sockstat: Sendable, Hashable {
    /// One protocol's line, such as `TCP: inuse 4 orphan 0 tw 4 alloc 17 mem 1`. Counters the
    /// line does not have are nil.
    public struct ProtocolStats: Sendable, Hashable {
        /// The name before the colon: `TCP`, `UDP`, `UDPLITE`, `RAW`, `FRAG`, `TCP6`, ….
        public var name: String
        /// `inuse`: sockets in use.
        public var inUse: UInt64?
        /// `orphan`: orphaned TCP sockets.
        public var orphan: UInt64?
        /// `tw`: TCP sockets in TIME_WAIT.
        public var timeWait: UInt64?
        /// `alloc`: TCP sockets allocated.
        public var alloc: UInt64?
        /// `mem`: memory used, in pages.
        public var memPages: UInt64?
        /// `memory`: memory used by fragment reassembly, in bytes.
        public var memoryBytes: UInt64?

        /// `mem` in bytes, `Double(mem) * page size`, as node_exporter's `_mem_bytes` series.
        public var memBytes: Double? { memPages.map { Double($0) * Double(Sysconf.pageSize) } }
    }

    /// `sockets: used N`, all sockets in use; only `sockstat` (IPv4) has it.
    public var socketsUsed: UInt64?
    /// The protocol lines in file order.
    public var protocols: [ProtocolStats]

    /// Parses the file's bytes; `path` names it in errors.
    public init(parsing bytes: [UInt8], path: String) throws(HostMetricsError) {
        let text = ProcText(bytes: bytes, path: path)
        let expected = "PROTOCOL: key value [key value …]"
        protocols = []
        for line in text.lines {
            var fields = line.fields
            guard let label = fields.next() else { continue }
            guard label.count > 1, label.last == .colon else { throw text.malformed(line, expected: expected) }
            let name = label.dropLast().text
            var proto = ProtocolStats(name: name)
            var sawPair = false
            while let key = fields.next() {
                guard let value = fields.next()?.uint64 else { throw text.malformed(line, expected: expected) }
                sawPair = true
                switch key.text {
                case "inuse": proto.inUse = value
                case "orphan": proto.orphan = value
                case "tw": proto.timeWait = value
                case "alloc": proto.alloc = value
                case "mem": proto.memPages = value
                case "memory": proto.memoryBytes = value
                case "used" where name == "sockets": socketsUsed = value
                default: break
                }
            }
            guard sawPair else { throw text.malformed(line, expected: expected) }
            if name != "sockets" { protocols.append(proto) }
        }
    }

    /// Reads `net/sockstat` under the procfs root.
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> Sockstat {
        let path = paths.procfs("net/sockstat")
        return try Sockstat(parsing: FileReader.read(path), path: path)
    }

    /// Reads `net/sockstat6` under the procfs root; a kernel without IPv6 has no such file.
    public static func read6(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> Sockstat {
        let path = paths.procfs("net/sockstat6")
        return try Sockstat(parsing: FileReader.read(path), path: path)
    }
}
