/// `/proc/net/stat/nf_conntrack`: netfilter's connection-tracking statistics, summed over the
/// per-CPU lines the kernel writes (node_exporter's conntrack collector). Columns are found by
/// the names of the header line, since kernels have renamed and reused some of them.
public struct ConntrackStat: Sendable, Hashable {
    /// Searched entries that were found.
    public var found: UInt64
    /// Packets that could not be tracked.
    public var invalid: UInt64
    /// Packets already attached to a conntrack entry.
    public var ignore: UInt64
    /// Entries inserted into the table.
    public var insert: UInt64
    /// Entries whose insertion failed.
    public var insertFailed: UInt64
    /// Packets dropped because of a conntrack failure.
    public var drop: UInt64
    /// Entries dropped to make room when the table was full.
    public var earlyDrop: UInt64
    /// Lookups restarted because the hash table was resized.
    public var searchRestart: UInt64

    /// The columns, in the order of the properties above.
    private static let columns = ["found", "invalid", "ignore", "insert", "insert_failed", "drop", "early_drop", "search_restart"]

    /// Parses the file: a header of column names, then one line of hexadecimal counters per CPU.
    public init(parsing bytes: [UInt8], path: String = "/proc/net/stat/nf_conntrack") throws(HostMetricsError) {
        let text = ProcText(bytes: bytes, path: path)
        var lines = text.lines
        guard let header = lines.next() else { throw text.missing("header") }
        let names = header.fields.map(\.text)
        var positions: [Int] = []
        for column in Self.columns {
            guard let position = names.firstIndex(of: column) else { throw text.missing(column) }
            positions.append(position)
        }
        var totals = [UInt64](repeating: 0, count: Self.columns.count)
        for line in lines where !line.isBlank {
            let values = line.fields.map(\.hexUInt64)
            guard values.count == names.count else {
                throw text.malformed(line, expected: "\(names.count) hexadecimal counters, one per header column")
            }
            for (index, position) in positions.enumerated() {
                guard let value = values[position] else {
                    throw text.malformed(line, expected: "\(names.count) hexadecimal counters, one per header column")
                }
                totals[index] &+= value
            }
        }
        found = totals[0]
        invalid = totals[1]
        ignore = totals[2]
        insert = totals[3]
        insertFailed = totals[4]
        drop = totals[5]
        earlyDrop = totals[6]
        searchRestart = totals[7]
    }

    /// Reads `net/stat/nf_conntrack` under the procfs root; a kernel without the conntrack
    /// module has no such file.
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> ConntrackStat {
        let path = paths.procfs("net/stat/nf_conntrack")
        return try ConntrackStat(parsing: FileReader.read(path), path: path)
    }
}
