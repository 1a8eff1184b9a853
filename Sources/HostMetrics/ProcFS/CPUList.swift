/// The kernel's cpulist format (`0-3,8,10-11`) of `/sys/devices/system/cpu/{online,isolated,…}`
/// (node_exporter's `node_cpu_isolated`).
public enum CPUList: Sendable {
    /// More CPUs than any kernel supports (NR_CPUS is at most 8192): a list naming more is not
    /// from sysfs.
    static let limit = 65536

    /// The CPU numbers of a cpulist, in ascending order without duplicates. An empty list (a
    /// file holding only a newline) has none.
    public static func parse(_ bytes: [UInt8], path: String) throws(HostMetricsError) -> [Int] {
        let text = ProcText(bytes: bytes, path: path)
        var ranges: [ClosedRange<Int>] = []
        for line in text.lines {
            let list = line.text.trimmed
            if list.isEmpty { continue }
            for item in list.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                let range: ClosedRange<Int>
                if let dash = item.firstIndex(of: .minus) {
                    guard let low = item[..<dash].uint64.flatMap({ Int(exactly: $0) }),
                        let high = item[(dash + 1)...].uint64.flatMap({ Int(exactly: $0) }), low <= high
                    else { throw text.malformed(line, expected: "a cpulist such as 0-3,8") }
                    range = low...high
                } else {
                    guard let cpu = item.uint64.flatMap({ Int(exactly: $0) }) else {
                        throw text.malformed(line, expected: "a cpulist such as 0-3,8")
                    }
                    range = cpu...cpu
                }
                guard range.upperBound < limit else {
                    throw text.malformed(line, expected: "CPU numbers below \(limit)")
                }
                ranges.append(range)
            }
        }
        // Overlapping ranges merged first, so that a list repeating `0-65535` costs no more
        // than one that says it once.
        var cpus: [Int] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let start = max(range.lowerBound, (cpus.last ?? -1) + 1)
            if start <= range.upperBound { cpus.append(contentsOf: start...range.upperBound) }
        }
        return cpus
    }

    /// `devices/system/cpu/isolated` under the sysfs root: CPUs kept out of scheduling by
    /// `isolcpus=`.
    public static func readIsolated(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> [Int] {
        try read("isolated", paths)
    }

    /// `devices/system/cpu/online` under the sysfs root: the CPUs online now.
    public static func readOnline(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> [Int] {
        try read("online", paths)
    }

    private static func read(_ name: String, _ paths: HostPaths) throws(HostMetricsError) -> [Int] {
        let path = paths.sysfs("devices/system/cpu/" + name)
        return try parse(FileReader.read(path), path: path)
    }
}
