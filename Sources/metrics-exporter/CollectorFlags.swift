import ArgumentParser
import HostMetrics

/// node_exporter's collector flags: `--[no-]collector.<name>` for each collector,
/// `--collector.disable-defaults`, and each collector's options, with node_exporter 1.5.0's
/// defaults.
struct CollectorFlags: ParsableArguments {
    @Flag(name: .customLong("collector.disable-defaults"), help: "Set all collectors to disabled by default.")
    var disableDefaults = false

    @Flag(name: .customLong("collector.arp"), inversion: .prefixedNo, help: "Enable the arp collector (default: enabled).")
    var arp: Bool?
    @Flag(name: .customLong("collector.conntrack"), inversion: .prefixedNo, help: "Enable the conntrack collector (default: enabled).")
    var conntrack: Bool?
    @Flag(name: .customLong("collector.cpu"), inversion: .prefixedNo, help: "Enable the cpu collector (default: enabled).")
    var cpu: Bool?
    @Flag(name: .customLong("collector.diskstats"), inversion: .prefixedNo, help: "Enable the diskstats collector (default: enabled).")
    var diskstats: Bool?
    @Flag(name: .customLong("collector.entropy"), inversion: .prefixedNo, help: "Enable the entropy collector (default: enabled).")
    var entropy: Bool?
    @Flag(name: .customLong("collector.filefd"), inversion: .prefixedNo, help: "Enable the filefd collector (default: enabled).")
    var filefd: Bool?
    @Flag(name: .customLong("collector.filesystem"), inversion: .prefixedNo, help: "Enable the filesystem collector (default: enabled).")
    var filesystem: Bool?
    @Flag(name: .customLong("collector.loadavg"), inversion: .prefixedNo, help: "Enable the loadavg collector (default: enabled).")
    var loadavg: Bool?
    @Flag(name: .customLong("collector.meminfo"), inversion: .prefixedNo, help: "Enable the meminfo collector (default: enabled).")
    var meminfo: Bool?
    @Flag(name: .customLong("collector.netclass"), inversion: .prefixedNo, help: "Enable the netclass collector (default: enabled).")
    var netclass: Bool?
    @Flag(name: .customLong("collector.netdev"), inversion: .prefixedNo, help: "Enable the netdev collector (default: enabled).")
    var netdev: Bool?
    @Flag(name: .customLong("collector.netstat"), inversion: .prefixedNo, help: "Enable the netstat collector (default: enabled).")
    var netstat: Bool?
    @Flag(name: .customLong("collector.os"), inversion: .prefixedNo, help: "Enable the os collector (default: enabled).")
    var os: Bool?
    @Flag(name: .customLong("collector.pressure"), inversion: .prefixedNo, help: "Enable the pressure collector (default: enabled).")
    var pressure: Bool?
    @Flag(name: .customLong("collector.processes"), inversion: .prefixedNo, help: "Enable the processes collector (default: disabled).")
    var processes: Bool?
    @Flag(name: .customLong("collector.sockstat"), inversion: .prefixedNo, help: "Enable the sockstat collector (default: enabled).")
    var sockstat: Bool?
    @Flag(name: .customLong("collector.softnet"), inversion: .prefixedNo, help: "Enable the softnet collector (default: enabled).")
    var softnet: Bool?
    @Flag(name: .customLong("collector.stat"), inversion: .prefixedNo, help: "Enable the stat collector (default: enabled).")
    var stat: Bool?
    @Flag(name: .customLong("collector.textfile"), inversion: .prefixedNo, help: "Enable the textfile collector (default: enabled).")
    var textfile: Bool?
    @Flag(name: .customLong("collector.time"), inversion: .prefixedNo, help: "Enable the time collector (default: enabled).")
    var time: Bool?
    @Flag(name: .customLong("collector.timex"), inversion: .prefixedNo, help: "Enable the timex collector (default: enabled).")
    var timex: Bool?
    /// ArgumentParser would spell this flag's negation `--no_collector.udp_queues`, after the
    /// underscore in its name, so both spellings are given.
    @Flag(exclusivity: .chooseLast)
    var udpQueues: UDPQueuesFlag?
    @Flag(name: .customLong("collector.uname"), inversion: .prefixedNo, help: "Enable the uname collector (default: enabled).")
    var uname: Bool?
    @Flag(name: .customLong("collector.vmstat"), inversion: .prefixedNo, help: "Enable the vmstat collector (default: enabled).")
    var vmstat: Bool?

    @Option(
        name: .customLong("collector.arp.device-include"),
        help: "Regexp of arp devices to include (mutually exclusive to device-exclude)."
    )
    var arpDeviceInclude: String?
    @Option(
        name: .customLong("collector.arp.device-exclude"),
        help: "Regexp of arp devices to exclude (mutually exclusive to device-include)."
    )
    var arpDeviceExclude: String?

    @Flag(name: .customLong("collector.cpu.guest"), inversion: .prefixedNo, help: "Enables metric node_cpu_guest_seconds_total")
    var cpuGuest = true
    @Flag(name: .customLong("collector.cpu.info"), inversion: .prefixedNo, help: "Enables metric cpu_info")
    var cpuInfo = false
    @Option(
        name: .customLong("collector.cpu.info.flags-include"),
        help: "Filter the `flags` field in cpuInfo with a value that must be a regular expression"
    )
    var cpuInfoFlagsInclude: String?
    @Option(
        name: .customLong("collector.cpu.info.bugs-include"),
        help: "Filter the `bugs` field in cpuInfo with a value that must be a regular expression"
    )
    var cpuInfoBugsInclude: String?

    @Option(
        name: .customLong("collector.diskstats.device-exclude"),
        help: "Regexp of diskstats devices to exclude (mutually exclusive to device-include). (default: ^(ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$)"
    )
    var diskstatsDeviceExclude: String?
    @Option(
        name: .customLong("collector.diskstats.device-include"),
        help: "Regexp of diskstats devices to include (mutually exclusive to device-exclude)."
    )
    var diskstatsDeviceInclude: String?
    /// node_exporter 1.5.0's deprecated, hidden spelling of `--collector.diskstats.device-exclude`.
    @Option(name: .customLong("collector.diskstats.ignored-devices"), help: .hidden)
    var diskstatsIgnoredDevices: String?

    /// nil when not given: node_exporter's default, or its deprecated spelling's value.
    @Option(
        name: .customLong("collector.filesystem.mount-points-exclude"),
        help: ArgumentHelp(
            "Regexp of mount points to exclude for filesystem collector. (default: \(NodeCollector.Configuration().filesystemMountPointsExclude))"
        )
    )
    var filesystemMountPointsExclude: String?
    /// node_exporter 1.5.0's deprecated, hidden spelling of `--collector.filesystem.mount-points-exclude`.
    @Option(name: .customLong("collector.filesystem.ignored-mount-points"), help: .hidden)
    var filesystemIgnoredMountPoints: String?
    /// nil when not given: node_exporter's default, or its deprecated spelling's value.
    @Option(
        name: .customLong("collector.filesystem.fs-types-exclude"),
        help: ArgumentHelp(
            "Regexp of filesystem types to exclude for filesystem collector. (default: \(NodeCollector.Configuration().filesystemFSTypesExclude))"
        )
    )
    var filesystemFSTypesExclude: String?
    /// node_exporter 1.5.0's deprecated, hidden spelling of `--collector.filesystem.fs-types-exclude`.
    @Option(name: .customLong("collector.filesystem.ignored-fs-types"), help: .hidden)
    var filesystemIgnoredFSTypes: String?
    @Option(
        name: .customLong("collector.filesystem.mount-timeout"),
        help: "how long to wait for a mount to respond before marking it as stale",
        transform: GoDuration.parse
    )
    var filesystemMountTimeout = NodeCollector.Configuration().filesystemMountTimeout

    @Option(
        name: .customLong("collector.netclass.ignored-devices"),
        help: "Regexp of net devices to ignore for netclass collector."
    )
    var netclassIgnoredDevices = NodeCollector.Configuration().netclassIgnoredDevices
    @Flag(
        name: .customLong("collector.netclass.ignore-invalid-speed"), inversion: .prefixedNo,
        help: "Ignore devices where the speed is invalid. This will be the default behavior in 2.x."
    )
    var netclassIgnoreInvalidSpeed = false
    @Flag(
        name: .customLong("collector.netclass.netlink"), inversion: .prefixedNo,
        help: "Use netlink to gather stats instead of /proc/net/dev. Only --no-collector.netclass.netlink (sysfs, the default) is supported."
    )
    var netclassNetlink = false

    @Option(
        name: .customLong("collector.netdev.device-exclude"),
        help: "Regexp of net devices to exclude (mutually exclusive to device-include)."
    )
    var netdevDeviceExclude: String?
    @Option(
        name: .customLong("collector.netdev.device-include"),
        help: "Regexp of net devices to include (mutually exclusive to device-exclude)."
    )
    var netdevDeviceInclude: String?
    @Flag(
        name: .customLong("collector.netdev.netlink"), inversion: .prefixedNo,
        help: "Use netlink to gather stats instead of /proc/net/dev: adds receive_nohandler (read here from sysfs)."
    )
    var netdevNetlink = NodeCollector.Configuration().netdevNetlink
    /// node_exporter's `node_network_address_info`, which this exporter does not publish: only
    /// the default (off) is accepted.
    @Flag(name: .customLong("collector.netdev.address-info"), inversion: .prefixedNo, help: .hidden)
    var netdevAddressInfo = false
    /// node_exporter's other names for netdev's counters, which this exporter does not publish:
    /// only the default (off) is accepted.
    @Flag(name: .customLong("collector.netdev.enable-detailed-metrics"), inversion: .prefixedNo, help: .hidden)
    var netdevDetailedMetrics = false

    @Option(name: .customLong("collector.netstat.fields"), help: "Regexp of fields to return for netstat collector.")
    var netstatFields = NodeCollector.Configuration().netstatFields
    @Flag(name: .customLong("collector.stat.softirq"), inversion: .prefixedNo, help: "Export softirq calls per vector")
    var statSoftIRQ = false
    @Option(name: .customLong("collector.textfile.directory"), help: "Directory to read text files with metrics from.")
    var textfileDirectory = NodeCollector.Configuration().textfileDirectory
    @Option(name: .customLong("collector.vmstat.fields"), help: "Regexp of fields to return for vmstat collector.")
    var vmstatFields = NodeCollector.Configuration().vmstatFields

    func validate() throws {
        if netclassNetlink {
            throw ValidationError(
                "--collector.netclass.netlink is not supported: this exporter reads /sys/class/net (node_exporter's default, --no-collector.netclass.netlink)"
            )
        }
        for (flag, given) in [("address-info", netdevAddressInfo), ("enable-detailed-metrics", netdevDetailedMetrics)] where given {
            throw ValidationError("--collector.netdev.\(flag) is not supported: this exporter publishes netdev's default families only")
        }
        for deprecated in deprecatedFlags where deprecated.replacementGiven && collectors.contains(deprecated.collector) {
            throw ValidationError("--\(deprecated.flag) and --\(deprecated.replacement) are mutually exclusive: pass --\(deprecated.replacement) alone")
        }
        _ = try arpDevices
        _ = try diskstatsDevices
        _ = try netdevDevices
    }

    /// The deprecated spellings node_exporter 1.5.0 still reads (hidden, with a warning) that
    /// are given: each flag, the flag that replaces it, whether that one is given too (which
    /// node_exporter refuses when the collector runs), and the collector.
    var deprecatedFlags: [(flag: String, replacement: String, replacementGiven: Bool, collector: String)] {
        let flags: [(String, String?, String, String?, String)] = [
            ("collector.diskstats.ignored-devices", diskstatsIgnoredDevices, "collector.diskstats.device-exclude", diskstatsDeviceExclude, "diskstats"),
            (
                "collector.filesystem.ignored-mount-points", filesystemIgnoredMountPoints, "collector.filesystem.mount-points-exclude",
                filesystemMountPointsExclude, "filesystem"
            ),
            (
                "collector.filesystem.ignored-fs-types", filesystemIgnoredFSTypes, "collector.filesystem.fs-types-exclude", filesystemFSTypesExclude,
                "filesystem"
            ),
        ]
        return flags.compactMap { flag, value, replacement, replacementValue, collector in
            guard let value, !value.isEmpty else { return nil }
            return (flag, replacement, replacementValue != nil, collector)
        }
    }

    /// A flag's value, else its deprecated spelling's (node_exporter reads an empty one as
    /// not given), else nil.
    private static func value(_ value: String?, deprecated: String?) -> String? {
        value ?? deprecated.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `--collector.arp.device-exclude` / `-include` as one filter.
    var arpDevices: DeviceFilter {
        get throws {
            try DeviceFlags.filter(collector: "arp", exclude: arpDeviceExclude, include: arpDeviceInclude, default: .all)
        }
    }

    /// `--collector.diskstats.device-exclude` / `-include` as one filter.
    var diskstatsDevices: DeviceFilter {
        get throws {
            try DeviceFlags.filter(
                collector: "diskstats", exclude: Self.value(diskstatsDeviceExclude, deprecated: diskstatsIgnoredDevices),
                include: diskstatsDeviceInclude, default: .diskstatsDefault
            )
        }
    }

    /// `--collector.netdev.device-exclude` / `-include` as one filter.
    var netdevDevices: DeviceFilter {
        get throws {
            try DeviceFlags.filter(collector: "netdev", exclude: netdevDeviceExclude, include: netdevDeviceInclude, default: .all)
        }
    }

    /// The collectors to run: each flag given wins; the others keep node_exporter's default unless
    /// `--collector.disable-defaults`.
    var collectors: Set<String> {
        let flags: [String: Bool?] = [
            "arp": arp, "conntrack": conntrack, "cpu": cpu, "diskstats": diskstats, "entropy": entropy, "filefd": filefd,
            "filesystem": filesystem, "loadavg": loadavg, "meminfo": meminfo, "netclass": netclass, "netdev": netdev,
            "netstat": netstat, "os": os, "pressure": pressure, "processes": processes, "sockstat": sockstat, "softnet": softnet,
            "stat": stat, "textfile": textfile, "time": time, "timex": timex, "udp_queues": udpQueues.map { $0 == .enable }, "uname": uname,
            "vmstat": vmstat,
        ]
        return Set(NodeCollector.collectorNames.filter { name in
            (flags[name] ?? nil) ?? (!disableDefaults && NodeCollector.defaultCollectors.contains(name))
        })
    }

    /// The node collector configuration these flags describe, reading the host at `paths`.
    func configuration(paths: HostPaths) throws -> NodeCollector.Configuration {
        var configuration = NodeCollector.Configuration(paths: paths, collectors: collectors)
        configuration.arpDevices = try arpDevices
        configuration.cpuGuest = cpuGuest
        configuration.cpuInfo = cpuInfo
        configuration.cpuInfoFlagsInclude = cpuInfoFlagsInclude
        configuration.cpuInfoBugsInclude = cpuInfoBugsInclude
        configuration.diskstatsDevices = try diskstatsDevices
        if let mountPointsExclude = Self.value(filesystemMountPointsExclude, deprecated: filesystemIgnoredMountPoints) {
            configuration.filesystemMountPointsExclude = mountPointsExclude
        }
        if let fsTypesExclude = Self.value(filesystemFSTypesExclude, deprecated: filesystemIgnoredFSTypes) {
            configuration.filesystemFSTypesExclude = fsTypesExclude
        }
        configuration.filesystemMountTimeout = filesystemMountTimeout
        configuration.netclassIgnoredDevices = netclassIgnoredDevices
        configuration.netclassIgnoresInvalidSpeed = netclassIgnoreInvalidSpeed
        configuration.netdevDevices = try netdevDevices
        configuration.netdevNetlink = netdevNetlink
        configuration.netstatFields = netstatFields
        configuration.statSoftIRQ = statSoftIRQ
        configuration.textfileDirectory = textfileDirectory
        configuration.vmstatFields = vmstatFields
        return configuration
    }
}
