import Glibc

/// What client_golang's process collector reports about a process: CPU time, memory, file
/// descriptors and start time.
///
/// Read it from the real `/proc` (the default paths): it describes the calling process, not
/// the host that the exporter's configured paths may point at.
public struct ProcessResources: Sendable, Hashable {
    /// User plus system CPU seconds (`process_cpu_seconds_total`).
    public var cpuSeconds: Double
    /// Resident set size in bytes (`process_resident_memory_bytes`).
    public var residentMemoryBytes: Int64
    /// Virtual memory size in bytes (`process_virtual_memory_bytes`).
    public var virtualMemoryBytes: UInt64
    /// Open file descriptors (`process_open_fds`).
    public var openFileDescriptors: Int
    /// The soft limit on file descriptors, nil when unlimited (`process_max_fds`).
    public var maxFileDescriptors: UInt64?
    /// The soft limit on virtual memory, nil when unlimited (`process_virtual_memory_max_bytes`).
    public var maxVirtualMemoryBytes: UInt64?
    /// Start time in seconds since the Unix epoch: boot time + start ticks / USER_HZ
    /// (`process_start_time_seconds`).
    public var startTimeSeconds: Double

    /// Reads `[pid]/stat`, `[pid]/limits` and `[pid]/fd` under the procfs root, and the boot time
    /// from its `stat` unless `bootTime` (which never changes) is given; `pid` is `self` unless given.
    public static func read(
        pid: String = "self",
        _ paths: HostPaths = HostPaths(),
        bootTime: UInt64? = nil
    ) throws(HostMetricsError) -> ProcessResources {
        let stat = try ProcessStat.read(pid: pid, paths)
        let limits = try ProcessLimits.read(pid: pid, paths)
        let limitsPath = paths.procfs(pid + "/limits")
        guard let openFiles = limits.openFiles else { throw .entryMissing(path: limitsPath, entry: "Max open files") }
        guard let addressSpace = limits.addressSpace else { throw .entryMissing(path: limitsPath, entry: "Max address space") }
        let boot = if let bootTime { bootTime } else { try KernelStat.read(paths).bootTime }
        return ProcessResources(
            stat: stat, openFileDescriptors: try openFileDescriptors(pid: pid, paths), maxFileDescriptors: openFiles.soft,
            maxVirtualMemoryBytes: addressSpace.soft, bootTime: boot
        )
    }

    /// This process, read the cheap way a collector wants at every scrape: `self/stat` and the
    /// `self/fd` listing of the real `/proc`, and the limits from getrlimit(2), which gives
    /// what `self/limits` shows without a file to parse. `bootTime` never changes; pass it.
    public static func current(bootTime: UInt64) throws(HostMetricsError) -> ProcessResources {
        let paths = HostPaths()
        return ProcessResources(
            stat: try ProcessStat.read(pid: "self", paths), openFileDescriptors: try openFileDescriptors(pid: "self", paths),
            maxFileDescriptors: try softLimit(RLIMIT_NOFILE), maxVirtualMemoryBytes: try softLimit(RLIMIT_AS), bootTime: bootTime
        )
    }

    /// client_golang's figures from a process's stat, descriptor count and limits.
    private init(
        stat: ProcessStat, openFileDescriptors: Int, maxFileDescriptors: UInt64?, maxVirtualMemoryBytes: UInt64?, bootTime: UInt64
    ) {
        cpuSeconds = stat.cpuSeconds
        residentMemoryBytes = stat.residentMemoryBytes
        virtualMemoryBytes = stat.virtualMemoryBytes
        self.openFileDescriptors = openFileDescriptors
        self.maxFileDescriptors = maxFileDescriptors
        self.maxVirtualMemoryBytes = maxVirtualMemoryBytes
        startTimeSeconds = Double(bootTime) + Double(stat.startTime) / Sysconf.clockTicksPerSecond
    }

    /// The entries of `[pid]/fd` under the procfs root.
    private static func openFileDescriptors(pid: String, _ paths: HostPaths) throws(HostMetricsError) -> Int {
        var descriptors = 0
        try FileReader.forEachEntry(in: paths.procfs(pid + "/fd")) { _ in descriptors += 1 }
        return descriptors
    }

    /// The soft limit of a resource, nil when unlimited.
    private static func softLimit(_ resource: __rlimit_resource) throws(HostMetricsError) -> UInt64? {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(resource.rawValue), &limit) == 0 else { throw .systemCallFailed(call: "getrlimit", path: "", errno: errno) }
        return limit.rlim_cur == rlim_t.max ? nil : UInt64(limit.rlim_cur)
    }
}
