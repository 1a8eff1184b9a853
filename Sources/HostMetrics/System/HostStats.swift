/// The host's CPU, memory, disks, network, load and processes for Swift code, in the shape of
/// Python's psutil: one call per question, plain values back.
///
/// ```swift
/// let host = HostStats()
/// if try await host.cpuPercent(interval: .seconds(1)) > 95 { … }
/// if try host.memoryPercent() > 95 { … }
/// if try host.diskPercent(path: "/") > 90 { … }
/// ```
///
/// Every call reads the files afresh; nothing is cached and nothing is shared, so a value can be
/// used from any task. Errors are `HostMetricsError`s naming the file and what is wrong with it.
public struct HostStats: Sendable {
    /// Where procfs, sysfs and the root filesystem are mounted.
    public var paths: HostPaths

    /// Reads this machine unless other paths are given (a container reading its host mounts
    /// the host's `/proc`, `/sys` and `/` somewhere and passes those).
    public init(paths: HostPaths = HostPaths()) {
        self.paths = paths
    }

    // MARK: CPU

    /// Seconds all CPUs together spent in each mode since boot (psutil's `cpu_times()`).
    public func cpuTimes() throws(HostMetricsError) -> CPUTimes {
        try KernelStat.read(paths).total
    }

    /// The same per online CPU (psutil's `cpu_times(percpu=True)`).
    public func perCPUTimes() throws(HostMetricsError) -> [CPUTimes] {
        try KernelStat.read(paths).perCPU
    }

    /// How busy all CPUs together were over the next `interval`, in percent with one decimal
    /// (psutil's `cpu_percent(interval)`). Cancelling the task ends the wait early; the result
    /// then covers the shorter time.
    public func cpuPercent(interval: Duration) async throws(HostMetricsError) -> Double {
        guard interval > .zero else { throw .invalidInterval(interval) }
        let before = try cpuTimes()
        try? await Task.sleep(for: interval)
        return try cpuTimes().busyPercent(since: before)
    }

    /// How busy each CPU was over the next `interval`, in percent with one decimal, keyed by CPU
    /// number (psutil's `cpu_percent(interval, percpu=True)`). A CPU that went offline meanwhile
    /// is left out.
    public func perCPUPercent(interval: Duration) async throws(HostMetricsError) -> [Int: Double] {
        guard interval > .zero else { throw .invalidInterval(interval) }
        let before = try perCPUTimes()
        try? await Task.sleep(for: interval)
        var percents: [Int: Double] = [:]
        for times in try perCPUTimes() {
            guard let cpu = times.cpu, let earlier = before.first(where: { $0.cpu == cpu }) else { continue }
            percents[cpu] = times.busyPercent(since: earlier)
        }
        return percents
    }

    // MARK: Memory

    /// Physical memory (psutil's `virtual_memory()`); see `VirtualMemory` for the formulas.
    public func virtualMemory() throws(HostMetricsError) -> VirtualMemory {
        let memInfo = try MemInfo.read(paths)
        let needsEstimate = (memInfo["MemAvailable"] ?? 0) == 0
        let zoneInfo = needsEstimate ? try? ZoneInfo.read(paths) : nil
        return try VirtualMemory(memInfo: memInfo, zoneInfo: zoneInfo, path: paths.procfs("meminfo"))
    }

    /// The share of memory not available to processes, in percent with one decimal: the number
    /// for a "memory > 95 %" rule (psutil's `virtual_memory().percent`).
    public func memoryPercent() throws(HostMetricsError) -> Double {
        try virtualMemory().percent
    }

    /// Swap space and swap traffic (psutil's `swap_memory()`).
    public func swapMemory() throws(HostMetricsError) -> SwapMemory {
        let memInfo = try MemInfo.read(paths)
        return try SwapMemory(memInfo: memInfo, vmStat: try? VMStat.read(paths), path: paths.procfs("meminfo"))
    }

    // MARK: Disks

    /// Usage of the filesystem holding `path` (psutil's `disk_usage(path)`). `path` is a host
    /// path, resolved under the rootfs root. statvfs is called directly and may block on a hung
    /// network mount; `StatfsWithDeadline` bounds that.
    public func diskUsage(path: String) throws(HostMetricsError) -> DiskUsage {
        DiskUsage(try FilesystemStats.read(path: paths.rootfs(path)))
    }

    /// The share of the filesystem holding `path` in use, in percent with one decimal: the number
    /// for a "disk > 90 %" rule (psutil's `disk_usage(path).percent`).
    public func diskPercent(path: String) throws(HostMetricsError) -> Double {
        try diskUsage(path: path).percent
    }

    /// I/O of every device in `/proc/diskstats`, partitions included, by device name (psutil's
    /// `disk_io_counters(perdisk=True)`).
    public func perDiskIOCounters() throws(HostMetricsError) -> [String: DiskIOCounters] {
        var disks: [String: DiskIOCounters] = [:]
        for stats in try DiskStats.read(paths) {
            disks[stats.device] = DiskIOCounters(stats)
        }
        return disks
    }

    /// I/O of all whole disks together (psutil's `disk_io_counters()`): devices with an entry
    /// in sysfs `block/` (whole disks, including virtual ones such as `dm-0` and `loop0`), so
    /// partitions are not counted twice.
    public func diskIOCounters() throws(HostMetricsError) -> DiskIOCounters {
        let wholeDisks = try DiskStats.read(paths).filter { stats in
            FileReader.exists(paths.sysfs("block/" + stats.device.replacingSlashes()))
        }
        return DiskIOCounters(summing: wholeDisks.lazy.map(DiskIOCounters.init))
    }

    // MARK: Network

    /// Traffic of every interface, by name (psutil's `net_io_counters(pernic=True)`).
    public func perNICIOCounters() throws(HostMetricsError) -> [String: NetIOCounters] {
        var interfaces: [String: NetIOCounters] = [:]
        for stats in try NetDevStats.read(paths) {
            interfaces[stats.interface] = NetIOCounters(stats)
        }
        return interfaces
    }

    /// Traffic of all interfaces together, loopback included (psutil's `net_io_counters()`).
    public func netIOCounters() throws(HostMetricsError) -> NetIOCounters {
        NetIOCounters(summing: try NetDevStats.read(paths).lazy.map(NetIOCounters.init))
    }

    // MARK: System

    /// The 1, 5 and 15 minute load averages (psutil's `getloadavg()`).
    public func loadAverage() throws(HostMetricsError) -> LoadAverage {
        try LoadAverage.read(paths)
    }

    /// Boot time in seconds since the Unix epoch (psutil's `boot_time()`).
    public func bootTime() throws(HostMetricsError) -> Double {
        Double(try KernelStat.read(paths).bootTime)
    }

    /// The number of processes (psutil's `len(pids())`).
    public func processCount() throws(HostMetricsError) -> Int {
        try ProcessCounts.processIDs(paths).count
    }
}

extension String {
    /// sysfs names a device `cciss/c0d0` as `cciss!c0d0`.
    fileprivate func replacingSlashes() -> String {
        String(map { $0 == "/" ? "!" : $0 })
    }
}
