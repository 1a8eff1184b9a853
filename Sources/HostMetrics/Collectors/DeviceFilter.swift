/// Which devices a collector reports: node_exporter's mutually exclusive `device-exclude` and
/// `device-include` options of the diskstats and netdev collectors.
public enum DeviceFilter: Sendable, Hashable {
    /// Every device.
    case all
    /// Devices whose name the regular expression does not match.
    case exclude(String)
    /// Only devices whose name the regular expression matches.
    case include(String)

    /// node_exporter 1.5.0's `--collector.diskstats.device-exclude` default: RAM disks, loop
    /// devices, floppies and partitions, whose I/O their whole disk already counts.
    public static let diskstatsDefault = DeviceFilter.exclude(#"^(ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\d+n\d+p)\d+$"#)

    /// The filter compiled; `option` (the collector's flag prefix, such as
    /// `--collector.netdev`) names it in errors.
    func compiled(option: String) throws(HostMetricsError) -> DeviceSelector {
        switch self {
        // An empty expression selects nothing to filter, as node_exporter reads it.
        case .all, .exclude(""), .include(""): DeviceSelector(exclude: nil, include: nil)
        case .exclude(let pattern): DeviceSelector(exclude: try NamePattern(pattern, option: option + ".device-exclude"), include: nil)
        case .include(let pattern): DeviceSelector(exclude: nil, include: try NamePattern(pattern, option: option + ".device-include"))
        }
    }
}
