import Logging
import PrometheusMetrics
import Synchronization

/// node_exporter's `cpu` collector: seconds per CPU and mode from `/proc/stat` (never going
/// backwards), isolated CPUs, thermal throttling counts, and with `--collector.cpu.info` the
/// processor descriptions of `/proc/cpuinfo`.
final class CPUCollector: Collector {
    static let name = "cpu"

    struct Reading {
        var cpus: [CPUTimes]
        var throttle: ThermalThrottle
        var info: [CPUInfo]?
    }

    /// An idle time that drops by this many seconds means the CPU was unplugged and plugged
    /// back: its remembered times start over (node_exporter's `jumpBackSeconds`).
    private static let jumpBackSeconds = 3.0

    private let paths: HostPaths
    private let guest: Bool
    private let info: Bool
    private let flagsInclude: NamePattern?
    private let bugsInclude: NamePattern?
    /// `devices/system/cpu/isolated`, read once at start as node_exporter does; nil without it.
    private let isolated: [Int]?
    /// The highest times seen per CPU: a counter the kernel moves backwards stays put.
    private let highest = Mutex<[Int: CPUTimes]>([:])

    init(configuration: NodeCollector.Configuration, logger: Logger) throws(HostMetricsError) {
        paths = configuration.paths
        guest = configuration.cpuGuest
        flagsInclude = try configuration.cpuInfoFlagsInclude.map { (pattern) throws(HostMetricsError) in
            try NamePattern(pattern, option: "--collector.cpu.info.flags-include")
        }
        bugsInclude = try configuration.cpuInfoBugsInclude.map { (pattern) throws(HostMetricsError) in
            try NamePattern(pattern, option: "--collector.cpu.info.bugs-include")
        }
        info = configuration.cpuInfo || flagsInclude != nil || bugsInclude != nil
        do {
            isolated = try CPUList.readIsolated(paths)
        } catch .fileMissing {
            isolated = nil
        }
    }

    func read() throws(HostMetricsError) -> Reading {
        let info = self.info ? try CPUInfo.read(paths) : nil
        let cpus = monotonic(try KernelStat.read(paths).perCPU)
        // A host without topology or throttle counts (a VM, a non-x86 CPU) has none to report.
        let throttle = (try? ThermalThrottle.read(paths)) ?? ThermalThrottle(cores: [], packages: [])
        return Reading(cpus: cpus, throttle: throttle, info: info)
    }

    func collect(_ reading: Reading, into families: inout [CollectedFamily]) {
        if let info = reading.info {
            collectInfo(info, into: &families)
        }
        var seconds: [CollectedMetric] = []
        var guestSeconds: [CollectedMetric] = []
        seconds.reserveCapacity(reading.cpus.count * 8)
        for times in reading.cpus {
            let cpu = String(times.cpu ?? 0)
            for (mode, value) in [
                ("user", times.user), ("nice", times.nice), ("system", times.system), ("idle", times.idle),
                ("iowait", times.iowait), ("irq", times.irq), ("softirq", times.softirq), ("steal", times.steal),
            ] {
                seconds.append(CollectedMetric(labels: [("cpu", cpu), ("mode", mode)], value: value))
            }
            if guest {
                guestSeconds.append(CollectedMetric(labels: [("cpu", cpu), ("mode", "user")], value: times.guest))
                guestSeconds.append(CollectedMetric(labels: [("cpu", cpu), ("mode", "nice")], value: times.guestNice))
            }
        }
        families.append(CollectedFamily(
            name: "node_cpu_seconds_total", help: "Seconds the CPUs spent in each mode.", type: .counter, metrics: seconds
        ))
        if guest {
            families.append(CollectedFamily(
                name: "node_cpu_guest_seconds_total", help: "Seconds the CPUs spent in guests (VMs) for each mode.",
                type: .counter, metrics: guestSeconds
            ))
        }
        if let isolated {
            families.append(CollectedFamily(
                name: "node_cpu_isolated",
                help: "Whether each core is isolated, information from /sys/devices/system/cpu/isolated.",
                type: .gauge,
                metrics: isolated.map { CollectedMetric(labels: [("cpu", String($0))], value: 1) }
            ))
        }
        families.append(CollectedFamily(
            name: "node_cpu_core_throttles_total", help: "Number of times this CPU core has been throttled.", type: .counter,
            metrics: reading.throttle.cores.map { core in
                CollectedMetric(labels: [("package", String(core.package)), ("core", String(core.core))], value: Double(core.throttles))
            }
        ))
        families.append(CollectedFamily(
            name: "node_cpu_package_throttles_total", help: "Number of times this CPU package has been throttled.",
            type: .counter,
            metrics: reading.throttle.packages.map { package in
                CollectedMetric(labels: [("package", String(package.package))], value: Double(package.throttles))
            }
        ))
    }

    private func collectInfo(_ info: [CPUInfo], into families: inout [CollectedFamily]) {
        families.append(CollectedFamily(
            name: "node_cpu_info", help: "CPU information from /proc/cpuinfo.", type: .gauge,
            metrics: info.map { cpu in
                CollectedMetric(labels: [
                    ("package", cpu.physicalID), ("core", cpu.coreID), ("cpu", String(cpu.processor)),
                    ("vendor", cpu.vendorID), ("family", cpu.cpuFamily), ("model", cpu.model),
                    ("model_name", cpu.modelName), ("microcode", cpu.microcode), ("stepping", cpu.stepping),
                    ("cachesize", cpu.cacheSize),
                ], value: 1)
            }
        ))
        guard let first = info.first else { return }
        if let flagsInclude {
            families.append(CollectedFamily(
                name: "node_cpu_flag_info",
                help: "The `flags` field of CPU information from /proc/cpuinfo taken from the first core.",
                type: .gauge,
                metrics: first.flags.filter(flagsInclude.matches).map { CollectedMetric(labels: [("flag", $0)], value: 1) }
            ))
        }
        if let bugsInclude {
            families.append(CollectedFamily(
                name: "node_cpu_bug_info",
                help: "The `bugs` field of CPU information from /proc/cpuinfo taken from the first core.",
                type: .gauge,
                metrics: first.bugs.filter(bugsInclude.matches).map { CollectedMetric(labels: [("bug", $0)], value: 1) }
            ))
        }
    }

    /// Each CPU's times, none lower than the highest seen before (node_exporter's
    /// `updateCPUStats`), unless idle jumped back far enough to mean the CPU was replugged.
    private func monotonic(_ cpus: [CPUTimes]) -> [CPUTimes] {
        highest.withLock { highest in
            cpus.map { times in
                guard let number = times.cpu else { return times }
                var kept = highest[number] ?? CPUTimes(cpu: number, user: 0, nice: 0, system: 0, idle: 0)
                if kept.idle - times.idle >= Self.jumpBackSeconds {
                    kept = CPUTimes(cpu: number, user: 0, nice: 0, system: 0, idle: 0)
                }
                kept.user = max(kept.user, times.user)
                kept.nice = max(kept.nice, times.nice)
                kept.system = max(kept.system, times.system)
                kept.idle = max(kept.idle, times.idle)
                kept.iowait = max(kept.iowait, times.iowait)
                kept.irq = max(kept.irq, times.irq)
                kept.softirq = max(kept.softirq, times.softirq)
                kept.steal = max(kept.steal, times.steal)
                kept.guest = max(kept.guest, times.guest)
                kept.guestNice = max(kept.guestNice, times.guestNice)
                highest[number] = kept
                return kept
            }
        }
    }
}
