/// node_exporter's command line (kingpin's syntax) made ready for ArgumentParser, and the
/// collector flags of node_exporter's collectors that this exporter does not have.
enum NodeExporterArguments {
    /// node_exporter 1.5.0's collectors besides the ones this exporter implements. Turning one
    /// off is accepted (there is nothing to turn off); turning one on is accepted with a warning
    /// that its metrics are missing, so a node_exporter command line still starts the exporter.
    static let otherCollectors: Set<String> = [
        "bcache", "bonding", "btrfs", "buddyinfo", "cgroups", "cpufreq", "dmi", "drbd", "drm", "edac", "ethtool", "fibrechannel",
        "hwmon", "infiniband", "interrupts", "ipvs", "ksmd", "lnstat", "logind", "mdadm", "meminfo_numa", "mountstats",
        "network_route", "nfs", "nfsd", "ntp", "nvme", "perf", "powersupplyclass", "qdisc", "rapl", "runit", "schedstat",
        "selinux", "slabinfo", "supervisord", "sysctl", "systemd", "tapestats", "tcpstat", "thermal_zone", "wifi", "xfs", "zfs",
        "zoneinfo",
    ]

    /// `--flag=` with an empty value, which kingpin reads as the empty string and ArgumentParser
    /// refuses, becomes `--flag ""`. A value that merely ends in `=` (`--collector.vmstat.fields=^x=`)
    /// is left as it is.
    static func normalized(_ arguments: [String]) -> [String] {
        arguments.flatMap { argument in
            guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "="), argument.index(after: equals) == argument.endIndex else {
                return [argument]
            }
            return [String(argument[..<equals]), ""]
        }
    }

    /// The collector a `--collector.<name>` or `--no-collector.<name>` flag names, when it is one
    /// of `otherCollectors`, and whether the flag turns it on.
    static func otherCollector(_ argument: String) -> (name: String, enabled: Bool)? {
        let enabled = !argument.hasPrefix("--no-")
        let prefix = enabled ? "--collector." : "--no-collector."
        guard argument.hasPrefix(prefix) else { return nil }
        let name = String(argument.dropFirst(prefix.count))
        return otherCollectors.contains(name) ? (name, enabled) : nil
    }
}
