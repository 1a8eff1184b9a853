/// Seconds one CPU (or all CPUs together) spent in each mode since boot: one `cpu` line of
/// `/proc/stat`, converted from USER_HZ ticks as procfs and psutil do (`ticks / USER_HZ`).
///
/// `guest` and `guestNice` are also counted in `user` and `nice`, as the kernel reports them.
public struct CPUTimes: Sendable, Hashable {
    /// The CPU number (`cpu3` is 3), or nil for the `cpu` line that sums all CPUs.
    public var cpu: Int?
    /// Normal processes in user mode.
    public var user: Double
    /// Niced processes in user mode.
    public var nice: Double
    /// Kernel mode.
    public var system: Double
    /// Idle.
    public var idle: Double
    /// Idle while I/O was outstanding.
    public var iowait: Double
    /// Servicing hardware interrupts.
    public var irq: Double
    /// Servicing softirqs.
    public var softirq: Double
    /// Stolen by the hypervisor for other guests.
    public var steal: Double
    /// Running a guest (a VM) at normal priority.
    public var guest: Double
    /// Running a niced guest.
    public var guestNice: Double

    /// Times in seconds; modes an older kernel does not report are 0.
    public init(
        cpu: Int?, user: Double, nice: Double, system: Double, idle: Double, iowait: Double = 0,
        irq: Double = 0, softirq: Double = 0, steal: Double = 0, guest: Double = 0, guestNice: Double = 0
    ) {
        self.cpu = cpu
        self.user = user
        self.nice = nice
        self.system = system
        self.idle = idle
        self.iowait = iowait
        self.irq = irq
        self.softirq = softirq
        self.steal = steal
        self.guest = guest
        self.guestNice = guestNice
    }

    /// Parses the numbers after `cpu`/`cpuN`: at least user, nice, system and idle (2.4 kernels
    /// write only these), at most the ten modes of today's kernels; later additions are ignored.
    init?(cpu: Int?, ticks fields: inout ProcText.Fields) {
        let parsed = withUnsafeTemporaryAllocation(of: Double.self, capacity: 10) { seconds -> CPUTimes? in
            seconds.initialize(repeating: 0)
            var count = 0
            while count < 10, let field = fields.next() {
                guard let ticks = field.uint64 else { return nil }
                seconds[count] = Double(ticks) / Sysconf.clockTicksPerSecond
                count += 1
            }
            guard count >= 4 else { return nil }
            return CPUTimes(
                cpu: cpu, user: seconds[0], nice: seconds[1], system: seconds[2], idle: seconds[3],
                iowait: seconds[4], irq: seconds[5], softirq: seconds[6], steal: seconds[7],
                guest: seconds[8], guestNice: seconds[9]
            )
        }
        guard let parsed else { return nil }
        self = parsed
    }
}
