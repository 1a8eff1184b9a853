/// The fields of `/proc/[pid]/stat` (proc(5)) that node_exporter's processes collector and
/// client_golang's process collector read.
public struct ProcessStat: Sendable, Hashable {
    /// The process ID.
    public var pid: Int32
    /// The executable's name, up to 15 bytes; it may hold spaces and parentheses.
    public var comm: String
    /// The state letter: `R` running, `S` sleeping, `D` disk sleep, `Z` zombie, `T` stopped,
    /// `t` tracing stop, `X` dead, `I` idle kernel thread, ….
    public var state: String
    /// The parent's process ID.
    public var ppid: Int32
    /// Clock ticks in user mode.
    public var utime: UInt64
    /// Clock ticks in kernel mode.
    public var stime: UInt64
    /// Threads in the process.
    public var numThreads: Int64
    /// Clock ticks after boot at which the process started.
    public var startTime: UInt64
    /// Virtual memory size in bytes.
    public var virtualMemoryBytes: UInt64
    /// Resident set size in pages.
    public var rssPages: Int64

    /// User plus kernel CPU time in seconds, `(utime + stime) / USER_HZ` as procfs computes it.
    public var cpuSeconds: Double { (Double(utime) + Double(stime)) / Sysconf.clockTicksPerSecond }

    /// Resident memory in bytes: `rss * page size`.
    public var residentMemoryBytes: Int64 { rssPages.multipliedReportingOverflow(by: Int64(Sysconf.pageSize)).partialValue }

    /// Parses the file's bytes; `path` names it in errors.
    public init(parsing bytes: [UInt8], path: String) throws(HostMetricsError) {
        let text = ProcText(bytes: bytes, path: path)
        let expected = "pid (comm) state ppid … with at least 24 fields"
        var lines = text.lines
        guard let line = lines.next() else { throw text.missing("pid") }
        // comm may hold ") ", so the fields resume after the last ')'.
        guard let open = line.text.firstIndex(of: UInt8(ascii: "(")),
            let close = line.text.lastIndex(of: UInt8(ascii: ")")), open < close,
            let pid = line.text[..<open].trimmed.int64.flatMap(Int32.init(exactly:))
        else { throw text.malformed(line, expected: expected) }
        var fields = ProcText.Fields(rest: line.text[(close + 1)...])
        // After comm: state(0) ppid(1) … utime(11) stime(12) … num_threads(17) itrealvalue(18)
        // starttime(19) vsize(20) rss(21).
        var state: ArraySlice<UInt8>?
        var ppid: Int32?
        var utime, stime, startTime, vsize: UInt64?
        var numThreads, rss: Int64?
        var index = 0
        while index <= 21, let field = fields.next() {
            switch index {
            case 0: state = field
            case 1: ppid = field.int64.flatMap(Int32.init(exactly:))
            case 11: utime = field.uint64
            case 12: stime = field.uint64
            case 17: numThreads = field.int64
            case 19: startTime = field.uint64
            case 20: vsize = field.uint64
            case 21: rss = field.int64
            default: break
            }
            index += 1
        }
        guard let state, let ppid, let utime, let stime, let numThreads, let startTime, let vsize, let rss else {
            throw text.malformed(line, expected: expected)
        }
        self.pid = pid
        comm = line.text[(open + 1)..<close].text
        self.state = state.text
        self.ppid = ppid
        self.utime = utime
        self.stime = stime
        self.numThreads = numThreads
        self.startTime = startTime
        virtualMemoryBytes = vsize
        rssPages = rss
    }

    /// Reads `[pid]/stat` under the procfs root; `pid` may also be `self`.
    public static func read(pid: String, _ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> ProcessStat {
        let path = paths.procfs(pid + "/stat")
        return try ProcessStat(parsing: FileReader.read(path), path: path)
    }
}
