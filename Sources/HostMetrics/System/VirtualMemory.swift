/// System memory the way psutil 7's `virtual_memory()` reports it on Linux, in bytes.
///
/// The formulas, from `/proc/meminfo`:
/// - `total` = MemTotal, `free` = MemFree, `buffers` = Buffers, `shared` = Shmem,
///   `active` = Active, `inactive` = Inactive, `slab` = Slab (0 when absent);
/// - `cached` = Cached + SReclaimable, as `free(1)` counts it;
/// - `available` = MemAvailable; when it is absent (kernels before 3.14) or 0, the kernel's own
///   estimate is redone: MemFree − low watermarks + page cache − min(page cache / 2, low
///   watermarks) + SReclaimable − min(SReclaimable / 2, low watermarks), where the low watermarks
///   are the sum of `/proc/zoneinfo`'s `low` lines × page size (MemFree + Cached without them);
///   a negative result is 0 and one above `total` is `free` (and never more than `total`: where
///   psutil would report a negative `used`, from a MemFree above MemTotal, `used` is 0);
/// - `used` = total − available;
/// - `percent` = (total − available) / total × 100, rounded to one decimal.
public struct VirtualMemory: Sendable, Hashable {
    /// Physical memory, swap excluded.
    public var total: UInt64
    /// Memory that can be given to processes without swapping.
    public var available: UInt64
    /// Share of `total` not available, in percent, one decimal: the number to alert on.
    public var percent: Double
    /// `total - available`.
    public var used: UInt64
    /// Memory not used at all.
    public var free: UInt64
    /// Recently used memory.
    public var active: UInt64
    /// Memory not recently used.
    public var inactive: UInt64
    /// Block device buffers.
    public var buffers: UInt64
    /// Page cache plus reclaimable slab.
    public var cached: UInt64
    /// Shared memory (tmpfs, shm).
    public var shared: UInt64
    /// Kernel slab caches.
    public var slab: UInt64

    /// Applies psutil's formulas. `zoneInfo` is only consulted when MemAvailable is absent or 0;
    /// nil means `/proc/zoneinfo` could not be read.
    public init(memInfo: MemInfo, zoneInfo: ZoneInfo?, path: String = "/proc/meminfo") throws(HostMetricsError) {
        guard let total = memInfo["MemTotal"] else { throw .entryMissing(path: path, entry: "MemTotal") }
        guard let free = memInfo["MemFree"] else { throw .entryMissing(path: path, entry: "MemFree") }
        self.total = total
        self.free = free
        buffers = memInfo["Buffers"] ?? 0
        cached = memInfo["Cached"].map { $0 &+ (memInfo["SReclaimable"] ?? 0) } ?? 0
        shared = memInfo["Shmem"] ?? memInfo["MemShared"] ?? 0
        active = memInfo["Active"] ?? 0
        inactive = memInfo["Inactive"] ?? Self.sum(memInfo, ["Inact_dirty", "Inact_clean", "Inact_laundry"]) ?? 0
        slab = memInfo["Slab"] ?? 0
        var available: Int64
        if let reported = memInfo["MemAvailable"], reported != 0 {
            available = Int64(clamping: reported)
        } else {
            available = Self.estimateAvailable(memInfo, free: free, zoneInfo: zoneInfo)
        }
        if available < 0 {
            available = 0
        } else if available > Int64(clamping: total) {
            available = Int64(clamping: min(free, total))
        }
        self.available = UInt64(available)
        used = total - self.available
        percent = UsagePercent.of(Double(total - self.available), total: Double(total))
    }

    /// psutil's `calculate_avail_vmem`, in its order of operations.
    private static func estimateAvailable(_ memInfo: MemInfo, free: UInt64, zoneInfo: ZoneInfo?) -> Int64 {
        let fallback = Int64(clamping: free &+ (memInfo["Cached"] ?? 0))
        guard let activeFile = memInfo["Active(file)"], let inactiveFile = memInfo["Inactive(file)"],
            let reclaimable = memInfo["SReclaimable"], let zoneInfo
        else { return fallback }
        let watermarkLow = Double(zoneInfo.lowWatermarkPages) * Double(Sysconf.pageSize)
        var available = Double(free) - watermarkLow
        var pageCache = Double(activeFile) + Double(inactiveFile)
        pageCache -= min(pageCache / 2, watermarkLow)
        available += pageCache
        available += Double(reclaimable) - min(Double(reclaimable) / 2, watermarkLow)
        return Int64(exactly: available.rounded(.towardZero)) ?? fallback
    }

    private static func sum(_ memInfo: MemInfo, _ names: [String]) -> UInt64? {
        var total: UInt64 = 0
        for name in names {
            guard let value = memInfo[name] else { return nil }
            total &+= value
        }
        return total
    }
}
