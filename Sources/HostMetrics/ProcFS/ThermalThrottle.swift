/// Thermal throttling events per CPU core and per package, from
/// `/sys/devices/system/cpu/cpu<N>/thermal_throttle` (node_exporter's cpu collector; x86 only).
public struct ThermalThrottle: Sendable, Hashable {
    /// One core's count.
    public struct Core: Sendable, Hashable {
        /// `topology/physical_package_id`.
        public var package: UInt64
        /// `topology/core_id`, unique within the package.
        public var core: UInt64
        /// `thermal_throttle/core_throttle_count`.
        public var throttles: UInt64
    }

    /// One package's count.
    public struct Package: Sendable, Hashable {
        /// `topology/physical_package_id`.
        public var package: UInt64
        /// `thermal_throttle/package_throttle_count`.
        public var throttles: UInt64
    }

    /// One entry per core that reports a count.
    public var cores: [Core]
    /// One entry per package that reports a count.
    public var packages: [Package]

    /// Reads every `cpu<N>` under the sysfs root the way node_exporter does: CPUs without
    /// topology are skipped; each core's and each package's count is read from the first CPU
    /// (by number) that has it, because hyper-threads share them.
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> ThermalThrottle {
        let cpus = try ProcText.numberedEntries(in: paths.sysfs("devices/system/cpu"), prefix: "cpu")
        return read(Sources(cpus: cpus, paths))
    }

    /// Reads the counts at `sources`; a count that cannot be read now is left out.
    static func read(_ sources: Sources) -> ThermalThrottle {
        ThermalThrottle(
            cores: sources.cores.compactMap { core in
                (try? ProcText.readUInt64(core.path)).map { Core(package: core.package, core: core.core, throttles: $0) }
            },
            packages: sources.packages.compactMap { package in
                (try? ProcText.readUInt64(package.path)).map { Package(package: package.package, throttles: $0) }
            }
        )
    }

    /// Which file holds each core's and each package's count: the first CPU of the core or
    /// package that has one. Topology does not change while a CPU is online, so a collector
    /// finds the sources once for a set of CPUs and then reads only the counts (none at all on a
    /// VM or a non-x86 host, which has no counts).
    struct Sources: Sendable {
        var cores: [(package: UInt64, core: UInt64, path: String)] = []
        var packages: [(package: UInt64, path: String)] = []

        /// The sources among `cpus` (CPU numbers, ascending).
        init(cpus: [Int], _ paths: HostPaths) {
            let directory = paths.sysfs("devices/system/cpu")
            for cpu in cpus {
                let base = directory + "/cpu" + String(cpu)
                guard let package = try? ProcText.readUInt64(base + "/topology/physical_package_id"),
                    let core = try? ProcText.readUInt64(base + "/topology/core_id")
                else { continue }
                let coreCount = base + "/thermal_throttle/core_throttle_count"
                if !cores.contains(where: { $0.package == package && $0.core == core }), FileReader.exists(coreCount) {
                    cores.append((package, core, coreCount))
                }
                let packageCount = base + "/thermal_throttle/package_throttle_count"
                if !packages.contains(where: { $0.package == package }), FileReader.exists(packageCount) {
                    packages.append((package, packageCount))
                }
            }
        }
    }
}
