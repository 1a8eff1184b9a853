import HostMetrics

/// The host rules every service should have, named as in the community's node_exporter alerts.
/// Each takes the usage, in percent, from any source (HostMetrics' CPU, memory and filesystem
/// statistics are the intended ones).
extension ThresholdRule {
    /// The three host rules on this host through HostMetrics: CPU above 95 % (critical), memory
    /// above 95 % (critical), and each filesystem in `mountpoints` above 90 % (warning).
    public static func hostRules(host: HostStats = HostStats(), mountpoints: [String] = ["/"], labels: [String: String] = [:]) -> [ThresholdRule] {
        [
            hostHighCpuLoad(percent: HostStatsValueSource(.cpuBusy, host: host), labels: labels),
            hostOutOfMemory(percent: HostStatsValueSource(.memoryUsed, host: host), labels: labels),
        ] + mountpoints.map { mountpoint in
            hostOutOfDiskSpace(percent: HostStatsValueSource(.diskUsed(path: mountpoint), host: host), mountpoint: mountpoint, labels: labels)
        }
    }

    /// `HostHighCpuLoad`: CPU busy above 95 % for `for`, critical.
    public static func hostHighCpuLoad(
        percent source: any RuleValueSource, for forDuration: Duration = .seconds(300), labels: [String: String] = [:]
    ) -> ThresholdRule {
        ThresholdRule(
            name: "HostHighCpuLoad", source: source, comparison: .greaterThan(95), for: forDuration,
            level: .critical, message: "CPU usage is above 95 %", labels: labels)
    }

    /// `HostOutOfMemory`: memory used above 95 % for `for`, critical.
    public static func hostOutOfMemory(
        percent source: any RuleValueSource, for forDuration: Duration = .seconds(120), labels: [String: String] = [:]
    ) -> ThresholdRule {
        ThresholdRule(
            name: "HostOutOfMemory", source: source, comparison: .greaterThan(95), for: forDuration,
            level: .critical, message: "Memory usage is above 95 %", labels: labels)
    }

    /// `HostOutOfDiskSpace`: the filesystem at `mountpoint` used above 90 % for `for`, warning.
    public static func hostOutOfDiskSpace(
        percent source: any RuleValueSource, mountpoint: String, for forDuration: Duration = .seconds(120),
        labels: [String: String] = [:]
    ) -> ThresholdRule {
        ThresholdRule(
            name: "HostOutOfDiskSpace", source: source, comparison: .greaterThan(90), for: forDuration,
            level: .warning, message: "Disk usage of \(mountpoint) is above 90 %",
            labels: labels.merging(["mountpoint": mountpoint]) { _, mountpoint in mountpoint })
    }
}
