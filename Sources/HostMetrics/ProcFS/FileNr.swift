/// `/proc/sys/fs/file-nr`: the kernel's file handle counts (node_exporter's filefd collector).
public struct FileNr: Sendable, Hashable {
    /// File handles allocated.
    public var allocated: UInt64
    /// Allocated but unused (always 0 since Linux 2.6).
    public var unused: UInt64
    /// The limit, `fs.file-max`.
    public var maximum: UInt64

    /// Parses the file's bytes; `path` names it in errors.
    public init(parsing bytes: [UInt8], path: String = "/proc/sys/fs/file-nr") throws(HostMetricsError) {
        let values = try Sysctl.parse(bytes, path: path)
        guard values.count == 3 else {
            throw .malformedLine(
                path: path, line: 1, text: values.map(String.init).joined(separator: " "), expected: "allocated unused maximum"
            )
        }
        allocated = values[0]
        unused = values[1]
        maximum = values[2]
    }

    /// Reads `sys/fs/file-nr` under the procfs root.
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> FileNr {
        let path = paths.procfs("sys/fs/file-nr")
        return try FileNr(parsing: FileReader.read(path), path: path)
    }
}
