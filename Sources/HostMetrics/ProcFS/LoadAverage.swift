/// `/proc/loadavg`: the 1, 5 and 15 minute load averages (node_exporter's loadavg collector,
/// psutil's `getloadavg`).
public struct LoadAverage: Sendable, Hashable {
    /// Average run-queue length over the last minute.
    public var load1: Double
    /// Over the last 5 minutes.
    public var load5: Double
    /// Over the last 15 minutes.
    public var load15: Double

    /// Load averages as given.
    public init(load1: Double, load5: Double, load15: Double) {
        self.load1 = load1
        self.load5 = load5
        self.load15 = load15
    }

    /// Parses the file's bytes; `path` names it in errors.
    public init(parsing bytes: [UInt8], path: String = "/proc/loadavg") throws(HostMetricsError) {
        let text = ProcText(bytes: bytes, path: path)
        var lines = text.lines
        guard let line = lines.next() else { throw text.missing("load averages") }
        var fields = line.fields
        guard let load1 = fields.next()?.double, let load5 = fields.next()?.double, let load15 = fields.next()?.double else {
            throw text.malformed(line, expected: "three load averages such as 0.21 0.37 0.39")
        }
        self.init(load1: load1, load5: load5, load15: load15)
    }

    /// Reads `loadavg` under the procfs root.
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> LoadAverage {
        let path = paths.procfs("loadavg")
        return try LoadAverage(parsing: FileReader.read(path), path: path)
    }
}
