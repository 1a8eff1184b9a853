/// One disk's I/O counters the way psutil's `disk_io_counters()` reports them on Linux.
///
/// From `/proc/diskstats`: counts as written, bytes = sectors × 512, times in milliseconds.
/// Unlike psutil, counters are not corrected for wrap-around between calls (`nowrap`).
public struct DiskIOCounters: Sendable, Hashable {
    /// Reads completed.
    public var readCount: UInt64
    /// Writes completed.
    public var writeCount: UInt64
    /// Bytes read.
    public var readBytes: UInt64
    /// Bytes written.
    public var writeBytes: UInt64
    /// Milliseconds spent reading.
    public var readTime: UInt64
    /// Milliseconds spent writing.
    public var writeTime: UInt64
    /// Reads merged.
    public var readMergedCount: UInt64
    /// Writes merged.
    public var writeMergedCount: UInt64
    /// Milliseconds with I/O in flight.
    public var busyTime: UInt64

    /// The counters of one diskstats line.
    public init(_ stats: DiskStats) {
        readCount = stats.readsCompleted
        writeCount = stats.writesCompleted
        readBytes = stats.sectorsRead.multipliedReportingOverflow(by: 512).partialValue
        writeBytes = stats.sectorsWritten.multipliedReportingOverflow(by: 512).partialValue
        readTime = stats.readTimeMilliseconds
        writeTime = stats.writeTimeMilliseconds
        readMergedCount = stats.readsMerged
        writeMergedCount = stats.writesMerged
        busyTime = stats.ioTimeMilliseconds
    }

    /// The sum of several disks' counters (wrapping, never trapping, on absurd input).
    public init(summing disks: some Sequence<DiskIOCounters>) {
        readCount = 0
        writeCount = 0
        readBytes = 0
        writeBytes = 0
        readTime = 0
        writeTime = 0
        readMergedCount = 0
        writeMergedCount = 0
        busyTime = 0
        for disk in disks {
            readCount &+= disk.readCount
            writeCount &+= disk.writeCount
            readBytes &+= disk.readBytes
            writeBytes &+= disk.writeBytes
            readTime &+= disk.readTime
            writeTime &+= disk.writeTime
            readMergedCount &+= disk.readMergedCount
            writeMergedCount &+= disk.writeMergedCount
            busyTime &+= disk.busyTime
        }
    }
}
