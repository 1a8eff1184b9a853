/// One CPU's line of `/proc/net/softnet_stat`: its packet-processing counters (node_exporter's
/// softnet collector). The kernel writes one line per online CPU, in hexadecimal.
public struct SoftnetStat: Sendable, Hashable {
    /// The line's position, which node_exporter 1.5.0 uses as the `cpu` label.
    public var index: Int
    /// Packets processed.
    public var processed: UInt32
    /// Packets dropped because the backlog queue was full.
    public var dropped: UInt32
    /// Times the softirq ran out of budget or time with work left (`time_squeeze`).
    public var timeSqueezed: UInt32

    /// Parses the file: at least 9 hexadecimal columns per line (older kernels write 9 to 11,
    /// newer ones up to 15), of which the first three are these counters.
    public static func parse(_ bytes: [UInt8], path: String = "/proc/net/softnet_stat") throws(HostMetricsError) -> [SoftnetStat] {
        let text = ProcText(bytes: bytes, path: path)
        var stats: [SoftnetStat] = []
        for line in text.lines where !line.isBlank {
            var fields = line.fields
            var counters: [UInt32] = []
            for _ in 0..<minimumColumns {
                guard let value = fields.next()?.hexUInt64, let counter = UInt32(exactly: value) else {
                    throw text.malformed(line, expected: "at least \(minimumColumns) hexadecimal 32-bit counters")
                }
                if counters.count < 3 { counters.append(counter) }
            }
            stats.append(SoftnetStat(index: stats.count, processed: counters[0], dropped: counters[1], timeSqueezed: counters[2]))
        }
        return stats
    }

    /// Reads `net/softnet_stat` under the procfs root.
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> [SoftnetStat] {
        let path = paths.procfs("net/softnet_stat")
        return try parse(FileReader.read(path), path: path)
    }

    /// The columns every kernel since 2.6 writes.
    private static let minimumColumns = 9
}
