/// Swap the way psutil's `swap_memory()` reports it on Linux, in bytes.
///
/// `total` = SwapTotal, `free` = SwapFree, `used` = total − free, `percent` = used / total × 100
/// rounded to one decimal; `sin`/`sout` = `/proc/vmstat`'s `pswpin`/`pswpout` × 4096 (psutil's
/// fixed 4 KiB), 0 when vmstat cannot be read.
public struct SwapMemory: Sendable, Hashable {
    /// Swap space configured.
    public var total: UInt64
    /// `total - free`.
    public var used: UInt64
    /// Swap space unused.
    public var free: UInt64
    /// Share of `total` in use, in percent, one decimal.
    public var percent: Double
    /// Bytes swapped in since boot.
    public var sin: UInt64
    /// Bytes swapped out since boot.
    public var sout: UInt64

    /// Applies psutil's formulas.
    public init(memInfo: MemInfo, vmStat: VMStat?, path: String = "/proc/meminfo") throws(HostMetricsError) {
        guard let total = memInfo["SwapTotal"] else { throw .entryMissing(path: path, entry: "SwapTotal") }
        guard let free = memInfo["SwapFree"] else { throw .entryMissing(path: path, entry: "SwapFree") }
        self.total = total
        self.free = free
        used = total > free ? total - free : 0
        percent = UsagePercent.of(Double(used), total: Double(total))
        sin = (vmStat?["pswpin"] ?? 0).multipliedReportingOverflow(by: 4096).partialValue
        sout = (vmStat?["pswpout"] ?? 0).multipliedReportingOverflow(by: 4096).partialValue
    }
}
