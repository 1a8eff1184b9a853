/// `/proc/zoneinfo`, for the one number psutil takes from it: the sum of every zone's `low`
/// watermark, which estimates available memory on kernels without `MemAvailable`.
public struct ZoneInfo: Sendable, Hashable {
    /// The `low` watermarks of all zones, in pages.
    public var lowWatermarkPages: UInt64

    /// Parses the file's bytes; `path` names it in errors.
    public init(parsing bytes: [UInt8], path: String = "/proc/zoneinfo") throws(HostMetricsError) {
        let text = ProcText(bytes: bytes, path: path)
        lowWatermarkPages = 0
        for line in text.lines {
            var fields = line.fields
            guard let key = fields.next(), key.elementsEqual("low".utf8) else { continue }
            guard let pages = fields.next()?.uint64 else { throw text.malformed(line, expected: "low <pages>") }
            let (sum, overflow) = lowWatermarkPages.addingReportingOverflow(pages)
            guard !overflow else { throw text.malformed(line, expected: "low <pages>") }
            lowWatermarkPages = sum
        }
    }

    /// Reads `zoneinfo` under the procfs root.
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> ZoneInfo {
        let path = paths.procfs("zoneinfo")
        return try ZoneInfo(parsing: FileReader.read(path), path: path)
    }
}
