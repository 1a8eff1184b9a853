/// `/proc/stat`: CPU times, interrupts, context switches, forks, boot time and the running and
/// blocked process counts (node_exporter's cpu and stat collectors, psutil's `cpu_times` and
/// `boot_time`).
public struct KernelStat: Sendable, Hashable {
    /// The `cpu` line: all CPUs together.
    public var total: CPUTimes
    /// The `cpuN` lines in file order. Offline CPUs have no line, so numbers can skip.
    public var perCPU: [CPUTimes]
    /// `intr`: interrupts serviced since boot, all sources together.
    public var interruptsTotal: UInt64
    /// `ctxt`: context switches since boot.
    public var contextSwitches: UInt64
    /// `btime`: boot time in seconds since the Unix epoch.
    public var bootTime: UInt64
    /// `processes`: processes and threads created (forks) since boot.
    public var processesCreated: UInt64
    /// `procs_running`: threads runnable right now.
    public var processesRunning: UInt64
    /// `procs_blocked`: threads blocked on I/O right now.
    public var processesBlocked: UInt64
    /// `softirq`: softirqs serviced since boot, nil on kernels before 2.6.31.
    public var softIRQTotal: UInt64?
    /// The per-vector softirq counts after the total, in the kernel's order (HI, TIMER, NET_TX,
    /// NET_RX, BLOCK, IRQ_POLL, TASKLET, SCHED, HRTIMER, RCU on current kernels).
    public var softIRQs: [UInt64]

    /// Parses the file's bytes; `path` names it in errors.
    public init(parsing bytes: [UInt8], path: String = "/proc/stat") throws(HostMetricsError) {
        let text = ProcText(bytes: bytes, path: path)
        var total: CPUTimes?
        var interrupts, switches, boot, created, running, blocked: UInt64?
        perCPU = []
        softIRQs = []
        for line in text.lines {
            var fields = line.fields
            guard let key = fields.next() else { continue }
            if key.starts(with: Self.cpuKey) {
                let number = key.dropFirst(Self.cpuKey.count)
                let cpu = number.uint64.flatMap { Int(exactly: $0) }
                guard number.isEmpty || cpu != nil, let times = CPUTimes(cpu: cpu, ticks: &fields) else {
                    throw text.malformed(line, expected: "cpu followed by at least 4 tick counts")
                }
                if cpu == nil { total = times } else { perCPU.append(times) }
                continue
            }
            let name = key.text
            guard Self.counterNames.contains(name) else { continue }
            guard let value = fields.next()?.uint64 else {
                throw text.malformed(line, expected: "\(name) followed by a count")
            }
            switch name {
            case "intr": interrupts = value
            case "ctxt": switches = value
            case "btime": boot = value
            case "processes": created = value
            case "procs_running": running = value
            case "procs_blocked": blocked = value
            default:
                softIRQTotal = value
                while let field = fields.next() {
                    guard let count = field.uint64 else {
                        throw text.malformed(line, expected: "softirq followed by counts")
                    }
                    softIRQs.append(count)
                }
            }
        }
        guard let total else { throw text.missing("cpu") }
        guard let interrupts else { throw text.missing("intr") }
        guard let switches else { throw text.missing("ctxt") }
        guard let boot else { throw text.missing("btime") }
        guard let created else { throw text.missing("processes") }
        guard let running else { throw text.missing("procs_running") }
        guard let blocked else { throw text.missing("procs_blocked") }
        self.total = total
        interruptsTotal = interrupts
        contextSwitches = switches
        bootTime = boot
        processesCreated = created
        processesRunning = running
        processesBlocked = blocked
    }

    /// Reads `stat` under the procfs root.
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> KernelStat {
        let path = paths.procfs("stat")
        return try KernelStat(parsing: FileReader.read(path), path: path)
    }

    private static let cpuKey = Array("cpu".utf8)
    private static let counterNames: Set = ["intr", "ctxt", "btime", "processes", "procs_running", "procs_blocked", "softirq"]
}
