/// Disk usage of the filesystem holding a path, the way psutil's `disk_usage()` reports it, in
/// bytes.
///
/// `total` = f_blocks × f_frsize; `used` = total − f_bfree × f_frsize; `free` = f_bavail ×
/// f_frsize (what unprivileged users can still write); `percent` = used / (used + free) × 100
/// rounded to one decimal, so the space reserved for root counts as full, as `df` shows it.
public struct DiskUsage: Sendable, Hashable {
    /// Size of the filesystem.
    public var total: UInt64
    /// Bytes in use.
    public var used: UInt64
    /// Bytes unprivileged users can still use.
    public var free: UInt64
    /// Share in use of what users can use, in percent, one decimal: the number to alert on.
    public var percent: Double

    /// Applies psutil's formulas to a statvfs result.
    public init(_ stats: FilesystemStats) {
        let unit = stats.fragmentSize
        total = stats.blocks.multipliedReportingOverflow(by: unit).partialValue
        let freeToRoot = stats.freeBlocks.multipliedReportingOverflow(by: unit).partialValue
        free = stats.availableBlocks.multipliedReportingOverflow(by: unit).partialValue
        used = total > freeToRoot ? total - freeToRoot : 0
        percent = UsagePercent.of(Double(used), total: Double(used) + Double(free))
    }
}
