/// One `/proc/pressure/<resource>` file: pressure stall information (PSI, Linux 4.20+ with
/// CONFIG_PSI), read by node_exporter's pressure collector.
public struct PressureStats: Sendable, Hashable {
    /// The resources the kernel reports stalls for.
    public enum Resource: String, Sendable, Hashable, CaseIterable {
        /// `cpu`: waiting for a CPU.
        case cpu
        /// `io`: waiting for block I/O.
        case io
        /// `memory`: waiting for memory (reclaim, refaults, swap-in).
        case memory
        /// `irq`: stalled by interrupt handling (Linux 6.1+, full line only).
        case irq
    }

    /// One `some` or `full` line.
    public struct Line: Sendable, Hashable {
        /// Share of wall time stalled over the last 10 seconds, in percent.
        public var avg10: Double
        /// Over the last 60 seconds.
        public var avg60: Double
        /// Over the last 300 seconds.
        public var avg300: Double
        /// Total stall time in microseconds.
        public var totalMicroseconds: UInt64

        /// Total stall time in seconds, computed as node_exporter does
        /// (`Double(total) / 1000 / 1000`, which is not always `total / 1e6` to the last bit).
        public var totalSeconds: Double { Double(totalMicroseconds) / 1000 / 1000 }
    }

    /// `some`: time at least one task was stalled. Absent for `irq`.
    public var some: Line?
    /// `full`: time all non-idle tasks were stalled. Absent for `cpu` before Linux 5.13.
    public var full: Line?

    /// Parses the file's bytes; `path` names it in errors.
    public init(parsing bytes: [UInt8], path: String) throws(HostMetricsError) {
        let text = ProcText(bytes: bytes, path: path)
        let expected = "some|full avg10=… avg60=… avg300=… total=…"
        for line in text.lines {
            var fields = line.fields
            guard let kind = fields.next() else { continue }
            var avg10, avg60, avg300: Double?
            var total: UInt64?
            while let field = fields.next() {
                guard let equals = field.firstIndex(of: UInt8(ascii: "=")) else {
                    throw text.malformed(line, expected: expected)
                }
                let key = field[..<equals]
                let value = field[(equals + 1)...]
                if key.elementsEqual("avg10".utf8) {
                    avg10 = value.double
                } else if key.elementsEqual("avg60".utf8) {
                    avg60 = value.double
                } else if key.elementsEqual("avg300".utf8) {
                    avg300 = value.double
                } else if key.elementsEqual("total".utf8) {
                    total = value.uint64
                }
            }
            guard let avg10, let avg60, let avg300, let total else { throw text.malformed(line, expected: expected) }
            let parsed = Line(avg10: avg10, avg60: avg60, avg300: avg300, totalMicroseconds: total)
            if kind.elementsEqual("some".utf8) {
                some = parsed
            } else if kind.elementsEqual("full".utf8) {
                full = parsed
            } else {
                throw text.malformed(line, expected: expected)
            }
        }
        guard some != nil || full != nil else { throw text.missing("some") }
    }

    /// Reads `pressure/<resource>` under the procfs root. A kernel without PSI has no such file:
    /// that is `HostMetricsError.fileMissing`.
    public static func read(_ resource: Resource, _ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> PressureStats {
        let path = paths.procfs("pressure/" + resource.rawValue)
        return try PressureStats(parsing: FileReader.read(path), path: path)
    }
}
