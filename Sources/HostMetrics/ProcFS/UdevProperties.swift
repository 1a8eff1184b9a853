/// A block device's entry in the udev database, `<udev data>/b<major>:<minor>`: its `E:`
/// properties, such as `ID_MODEL`, `ID_SERIAL_SHORT`, `ID_PATH`, `ID_WWN`, the `ID_ATA_*`,
/// `DM_*` and `ID_FS_*` ones (node_exporter's diskstats collector labels `node_disk_info` and its
/// ATA, device-mapper and filesystem info series with them).
public struct UdevProperties: Sendable, Hashable {
    /// The `E:KEY=value` properties; values are as udev wrote them (its `\x20` escapes appear
    /// only in the `*_ENC` properties).
    public var properties: [String: String]

    /// The property's value, nil when absent.
    public subscript(key: String) -> String? {
        properties[key]
    }

    /// Parses a database entry. Lines other than `E:` (symlinks `S:`, tags `G:`, …) are skipped.
    public init(parsing bytes: [UInt8], path: String) throws(HostMetricsError) {
        let text = ProcText(bytes: bytes, path: path)
        properties = [:]
        for line in text.lines where line.text.starts(with: Self.propertyPrefix) {
            let property = line.text.dropFirst(Self.propertyPrefix.count)
            guard let equals = property.firstIndex(of: UInt8(ascii: "=")), equals > property.startIndex else {
                throw text.malformed(line, expected: "E:KEY=value")
            }
            properties[property[..<equals].text] = property[(equals + 1)...].text
        }
    }

    /// Reads the entry of block device `major:minor` under the udev data root. A device udev
    /// does not manage has no entry: that is `HostMetricsError.fileMissing`.
    public static func read(major: UInt32, minor: UInt32, _ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> UdevProperties {
        let path = paths.udevData("b" + String(major) + ":" + String(minor))
        return try UdevProperties(parsing: FileReader.read(path), path: path)
    }

    private static let propertyPrefix = Array("E:".utf8)
}
