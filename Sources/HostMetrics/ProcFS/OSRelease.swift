/// The os-release file of the host's root filesystem (os-release(5)), read by node_exporter's
/// os collector.
public struct OSRelease: Sendable, Hashable {
    /// Every `KEY=value` assignment, with quotes and escapes resolved.
    public var fields: [String: String]

    /// `NAME`, such as `Ubuntu`.
    public var name: String { fields["NAME", default: ""] }
    /// `ID`, such as `ubuntu`.
    public var id: String { fields["ID", default: ""] }
    /// `ID_LIKE`, such as `debian`.
    public var idLike: String { fields["ID_LIKE", default: ""] }
    /// `PRETTY_NAME`, such as `Ubuntu 20.04.2 LTS`.
    public var prettyName: String { fields["PRETTY_NAME", default: ""] }
    /// `VERSION`, such as `20.04.2 LTS (Focal Fossa)`.
    public var version: String { fields["VERSION", default: ""] }
    /// `VERSION_ID`, such as `20.04`.
    public var versionID: String { fields["VERSION_ID", default: ""] }
    /// `VERSION_CODENAME`, such as `focal`.
    public var versionCodename: String { fields["VERSION_CODENAME", default: ""] }
    /// `BUILD_ID`.
    public var buildID: String { fields["BUILD_ID", default: ""] }
    /// `IMAGE_ID`.
    public var imageID: String { fields["IMAGE_ID", default: ""] }
    /// `IMAGE_VERSION`.
    public var imageVersion: String { fields["IMAGE_VERSION", default: ""] }
    /// `VARIANT`.
    public var variant: String { fields["VARIANT", default: ""] }
    /// `VARIANT_ID`.
    public var variantID: String { fields["VARIANT_ID", default: ""] }

    /// Parses the file's bytes. Values may be bare, `"double-quoted"` (where `\"`, `\\`, `\$`
    /// and `` \` `` are escapes) or `'single-quoted'`; `#` lines are comments. Lines without
    /// `=` are errors.
    public init(parsing bytes: [UInt8], path: String = "/etc/os-release") throws(HostMetricsError) {
        let text = ProcText(bytes: bytes, path: path)
        fields = [:]
        for line in text.lines {
            let content = line.text.trimmed
            if content.isEmpty || content.first == UInt8(ascii: "#") { continue }
            guard let equals = content.firstIndex(of: UInt8(ascii: "=")), equals > content.startIndex,
                let value = Self.unquote(content[(equals + 1)...])
            else { throw text.malformed(line, expected: "KEY=value") }
            fields[content[..<equals].trimmed.text] = value
        }
    }

    /// Reads `etc/os-release` under the rootfs root, or `usr/lib/os-release` when the first is
    /// missing, in the order os-release(5) gives.
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> OSRelease {
        let primary = paths.rootfs("etc/os-release")
        do {
            return try OSRelease(parsing: FileReader.read(primary), path: primary)
        } catch .fileMissing {
            let fallback = paths.rootfs("usr/lib/os-release")
            return try OSRelease(parsing: FileReader.read(fallback), path: fallback)
        }
    }

    private static func unquote(_ raw: ArraySlice<UInt8>) -> String? {
        let quote = raw.first
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return raw.text }
        guard raw.count >= 2, raw.last == quote else { return nil }
        let inner = raw.dropFirst().dropLast()
        guard quote == UInt8(ascii: "\"") else { return inner.text }
        var value: [UInt8] = []
        value.reserveCapacity(inner.count)
        var escaped = false
        for byte in inner {
            if escaped {
                if !Self.escapable.contains(byte) { value.append(UInt8(ascii: "\\")) }
                value.append(byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else {
                value.append(byte)
            }
        }
        if escaped { value.append(UInt8(ascii: "\\")) }
        return String(decoding: value, as: UTF8.self)
    }

    private static let escapable: [UInt8] = Array("\"\\$`".utf8)
}
