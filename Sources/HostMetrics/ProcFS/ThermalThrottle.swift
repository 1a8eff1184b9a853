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
        let directory = paths.sysfs("devices/system/cpu")
        var throttle = ThermalThrottle(cores: [], packages: [])
        for cpu in try ProcText.numberedEntries(in: directory, prefix: "cpu") {
            let base = directory + "/cpu" + String(cpu)
            guard let package = try? ProcText.readUInt64(base + "/topology/physical_package_id"),
                let core = try? ProcText.readUInt64(base + "/topology/core_id")
            else { continue }
            if !throttle.cores.contains(where: { $0.package == package && $0.core == core }),
                let count = try? ProcText.readUInt64(base + "/thermal_throttle/core_throttle_count")
            {
                throttle.cores.append(Core(package: package, core: core, throttles: count))
            }
            if !throttle.packages.contains(where: { $0.package == package }),
                let count = try? ProcText.readUInt64(base + "/thermal_throttle/package_throttle_count")
            {
                throttle.packages.append(Package(package: package, throttles: count))
            }
        }
        return throttle
    }
}
