/// Integer kernel parameters under `/proc/sys`, named as sysctl(8) names them
/// (`kernel.pid_max` is `/proc/sys/kernel/pid_max`).
public enum Sysctl: Sendable {
    /// The whitespace-separated integers of the parameter, such as the three of `fs.file-nr`.
    public static func values(_ name: String, _ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> [UInt64] {
        let path = self.path(name, paths)
        return try parse(FileReader.read(path), path: path)
    }

    /// The single integer of a parameter such as `kernel.threads-max`.
    public static func value(_ name: String, _ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> UInt64 {
        let path = self.path(name, paths)
        return try single(parse(FileReader.read(path), path: path), path: path)
    }

    /// The single integer of a parameter file kept open by a collector.
    static func value(_ file: KeptFile) throws(HostMetricsError) -> UInt64 {
        try single(parse(file.read(), path: file.path), path: file.path)
    }

    /// The file of the parameter `name` (`kernel.pid_max`) under the procfs root.
    static func path(_ name: String, _ paths: HostPaths) -> String {
        paths.procfs("sys/" + String(name.map { $0 == "." ? "/" : $0 }))
    }

    /// Parses the integers of a parameter file.
    static func parse(_ bytes: [UInt8], path: String) throws(HostMetricsError) -> [UInt64] {
        let text = ProcText(bytes: bytes, path: path)
        var values: [UInt64] = []
        for line in text.lines {
            for field in line.fields {
                guard let value = field.uint64 else { throw text.malformed(line, expected: "integers") }
                values.append(value)
            }
        }
        guard !values.isEmpty else { throw text.missing("value") }
        return values
    }

    private static func single(_ values: [UInt64], path: String) throws(HostMetricsError) -> UInt64 {
        guard values.count == 1 else {
            throw .malformedLine(path: path, line: 1, text: values.map(String.init).joined(separator: " "), expected: "one integer")
        }
        return values[0]
    }
}
