/// One processor's block of `/proc/cpuinfo` (node_exporter's `node_cpu_info`, `node_cpu_flag_info`
/// and `node_cpu_bug_info`). Fields an architecture does not write (ARM has no `vendor_id`) are
/// empty.
public struct CPUInfo: Sendable, Hashable {
    /// `processor`: the logical CPU number.
    public var processor: Int
    /// `vendor_id`, such as `GenuineIntel`.
    public var vendorID = ""
    /// `cpu family`.
    public var cpuFamily = ""
    /// `model`.
    public var model = ""
    /// `model name`.
    public var modelName = ""
    /// `stepping`.
    public var stepping = ""
    /// `microcode`, such as `0xb4`.
    public var microcode = ""
    /// `cpu MHz`, nil when absent.
    public var cpuMHz: Double?
    /// `cache size`, such as `8192 KB`.
    public var cacheSize = ""
    /// `physical id`: the package (socket).
    public var physicalID = ""
    /// `core id`.
    public var coreID = ""
    /// `flags` (x86) or `Features` (ARM), in file order.
    public var flags: [String] = []
    /// `bugs`, in file order.
    public var bugs: [String] = []

    /// Parses the whole file: one entry per `processor` block, in file order. Lines before the
    /// first `processor` line (s390's header) are skipped.
    public static func parse(_ bytes: [UInt8], path: String = "/proc/cpuinfo") throws(HostMetricsError) -> [CPUInfo] {
        let text = ProcText(bytes: bytes, path: path)
        var cpus: [CPUInfo] = []
        for line in text.lines {
            if line.isBlank { continue }
            guard let colon = line.text.firstIndex(of: .colon) else {
                throw text.malformed(line, expected: "key : value")
            }
            let key = line.text[..<colon].trimmed.text
            let value = line.text[(colon + 1)...].trimmed
            if key == "processor" {
                guard let number = value.uint64.flatMap({ Int(exactly: $0) }) else {
                    throw text.malformed(line, expected: "processor : number")
                }
                cpus.append(CPUInfo(processor: number))
                continue
            }
            guard let last = cpus.indices.last else { continue }
            switch key {
            case "vendor_id": cpus[last].vendorID = value.text
            case "cpu family": cpus[last].cpuFamily = value.text
            case "model": cpus[last].model = value.text
            case "model name": cpus[last].modelName = value.text
            case "stepping": cpus[last].stepping = value.text
            case "microcode": cpus[last].microcode = value.text
            case "cpu MHz": cpus[last].cpuMHz = value.double
            case "cache size": cpus[last].cacheSize = value.text
            case "physical id": cpus[last].physicalID = value.text
            case "core id": cpus[last].coreID = value.text
            case "flags", "Features": cpus[last].flags = ProcText.Fields(rest: value).map(\.text)
            case "bugs": cpus[last].bugs = ProcText.Fields(rest: value).map(\.text)
            default: break
            }
        }
        return cpus
    }

    /// Reads `cpuinfo` under the procfs root.
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> [CPUInfo] {
        let path = paths.procfs("cpuinfo")
        return try parse(FileReader.read(path), path: path)
    }
}
