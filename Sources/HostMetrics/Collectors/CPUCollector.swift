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
    private let stat: KeptFile
    private let guest: Bool
    private let info: Bool
    private let flagsInclude: NamePattern?
    private let bugsInclude: NamePattern?
    /// `devices/system/cpu/isolated`, read once at start as node_exporter does; nil without it.
    private let isolated: [Int]?
    /// The highest times seen per CPU: a counter the kernel moves backwards stays put.
    private let highest = Mutex<[Int: CPUTimes]>([:])
    /// Each CPU's label sets, made once.
    private let cpuLabels = NameTable<Int, Labels>()
    /// Where the thermal throttle counts of the online CPUs are, found once per set of CPUs.
    private let throttleSources = NameTable<[Int], ThermalThrottle.Sources>()

    /// One CPU's label sets: `cpu` and `mode` for each mode, and for the two guest modes.
    struct Labels: Sendable {
        var modes: [[(String, String)]]
        var guestModes: [[(String, String)]]

        /// The modes of `node_cpu_seconds_total`, in the order of `seconds(_:)`.
        static let modes = ["user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"]

        init(_ cpu: Int) {
            let number = String(cpu)
            modes = Self.modes.map { [("cpu", number), ("mode", $0)] }
            guestModes = [[("cpu", number), ("mode", "user")], [("cpu", number), ("mode", "nice")]]
        }

        /// The times of `node_cpu_seconds_total`, in the order of `modes`.
        static func seconds(_ times: CPUTimes) -> [Double] {
            [times.user, times.nice, times.system, times.idle, times.iowait, times.irq, times.softirq, times.steal]
        }
    }

    init(configuration: NodeCollector.Configuration, logger: Logger) throws(HostMetricsError) {
        paths = configuration.paths
        stat = KeptFile(paths.procfs("stat"))
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
        let cpus = monotonic(try KernelStat(parsing: stat.read(), path: stat.path).perCPU)
        // A host without topology or throttle counts (a VM, a non-x86 CPU) has none to report.
        let paths = paths
        let sources = throttleSources.withLookup { lookup in
            lookup.next(cpus.compactMap(\.cpu)) { cpus in ThermalThrottle.Sources(cpus: cpus, paths) }
        }
        return Reading(cpus: cpus, throttle: ThermalThrottle.read(sources), info: info)
    }

    func collect(_ reading: Reading, into families: inout [CollectedFamily]) {
        if let info = reading.info {
            collectInfo(info, into: &families)
        }
        var seconds: [CollectedMetric] = []
        var guestSeconds: [CollectedMetric] = []
        seconds.reserveCapacity(reading.cpus.count * Labels.modes.count)
        cpuLabels.withLookup { lookup in
            for times in reading.cpus {
                let labels = lookup.next(times.cpu ?? 0, make: Labels.init)
                for (labels, value) in zip(labels.modes, Labels.seconds(times)) {
                    seconds.append(CollectedMetric(labels: labels, value: value))
                }
                if guest {
                    guestSeconds.append(CollectedMetric(labels: labels.guestModes[0], value: times.guest))
                    guestSeconds.append(CollectedMetric(labels: labels.guestModes[1], value: times.guestNice))
                }
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
                CollectedMetric(labels: [("core", String(core.core)), ("package", String(core.package))], value: Double(core.throttles))
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
                    ("cachesize", cpu.cacheSize), ("core", cpu.coreID), ("cpu", String(cpu.processor)), ("family", cpu.cpuFamily),
                    ("microcode", cpu.microcode), ("model", cpu.model), ("model_name", cpu.modelName), ("package", cpu.physicalID),
                    ("stepping", cpu.stepping), ("vendor", cpu.vendorID),
                ], value: 1)
            }
        ))
        guard let first = info.first else { return }
        // `node_cpu_flag_info{flag}` and `node_cpu_bug_info{bug}`, from the first core's list.
        for (include, values, field, label) in [(flagsInclude, first.flags, "flags", "flag"), (bugsInclude, first.bugs, "bugs", "bug")] {
            guard let include else { continue }
            families.append(CollectedFamily(
                name: "node_cpu_" + label + "_info",
                help: "The `" + field + "` field of CPU information from /proc/cpuinfo taken from the first core.",
                type: .gauge,
                metrics: values.filter(include.matches).map { CollectedMetric(labels: [(label, $0)], value: 1) }
            ))
        }
    }

    /// Each CPU's times, none lower than the highest seen before (node_exporter's
    /// `updateCPUStats`), unless idle jumped back far enough to mean the CPU was replugged. The
    /// CPUs no longer listed are forgotten (node_exporter forgets all when their number
    /// changes), so the remembered times follow the CPUs online, not every number ever seen.
    private func monotonic(_ cpus: [CPUTimes]) -> [CPUTimes] {
        highest.withLock { highest in
            defer {
                if highest.count > cpus.count {
                    let online = Set(cpus.compactMap(\.cpu))
                    highest = highest.filter { online.contains($0.key) }
                }
            }
            return cpus.map { times in
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
