/// One device's line of `/proc/diskstats` (the kernel's Documentation/admin-guide/iostats.rst):
/// 11 statistics before Linux 4.18 (14 fields with major, minor and name), 15 with discards
/// (18 fields), 17 with flushes since 5.5 (20 fields).
///
/// The `…Bytes` and `…Seconds` properties convert as node_exporter's diskstats collector does:
/// `Double(sectors) * 512` (diskstats always counts 512-byte sectors) and
/// `Double(milliseconds) * 0.001`.
public struct DiskStats: Sendable, Hashable {
    /// The device's major number.
    public var major: UInt32
    /// The device's minor number.
    public var minor: UInt32
    /// The device name, such as `sda` or `nvme0n1p1`.
    public var device: String
    /// How many statistics the line has: 11, 15 or 17 (a future kernel's extra ones are not
    /// read). Statistics past this count are 0 and were not reported.
    public var statCount: Int
    /// Reads completed successfully.
    public var readsCompleted: UInt64 = 0
    /// Adjacent reads merged into one.
    public var readsMerged: UInt64 = 0
    /// 512-byte sectors read.
    public var sectorsRead: UInt64 = 0
    /// Milliseconds spent by all reads.
    public var readTimeMilliseconds: UInt64 = 0
    /// Writes completed successfully.
    public var writesCompleted: UInt64 = 0
    /// Adjacent writes merged into one.
    public var writesMerged: UInt64 = 0
    /// 512-byte sectors written.
    public var sectorsWritten: UInt64 = 0
    /// Milliseconds spent by all writes.
    public var writeTimeMilliseconds: UInt64 = 0
    /// I/Os in progress right now (the only gauge).
    public var ioInProgress: UInt64 = 0
    /// Milliseconds the device had I/O in flight.
    public var ioTimeMilliseconds: UInt64 = 0
    /// Milliseconds of I/O in flight weighted by the number in flight.
    public var weightedIOTimeMilliseconds: UInt64 = 0
    /// Discards completed successfully (statistic 12).
    public var discardsCompleted: UInt64 = 0
    /// Discards merged.
    public var discardsMerged: UInt64 = 0
    /// 512-byte sectors discarded.
    public var sectorsDiscarded: UInt64 = 0
    /// Milliseconds spent by all discards.
    public var discardTimeMilliseconds: UInt64 = 0
    /// Flush requests completed successfully (statistic 16).
    public var flushRequestsCompleted: UInt64 = 0
    /// Milliseconds spent by all flush requests.
    public var flushTimeMilliseconds: UInt64 = 0

    /// Bytes read: `sectorsRead * 512`.
    public var readBytes: Double { Double(sectorsRead) * 512 }
    /// Bytes written: `sectorsWritten * 512`.
    public var writtenBytes: Double { Double(sectorsWritten) * 512 }
    /// Seconds spent by all reads.
    public var readTimeSeconds: Double { Double(readTimeMilliseconds) * 0.001 }
    /// Seconds spent by all writes.
    public var writeTimeSeconds: Double { Double(writeTimeMilliseconds) * 0.001 }
    /// Seconds the device had I/O in flight.
    public var ioTimeSeconds: Double { Double(ioTimeMilliseconds) * 0.001 }
    /// Weighted seconds of I/O in flight.
    public var weightedIOTimeSeconds: Double { Double(weightedIOTimeMilliseconds) * 0.001 }
    /// Seconds spent by all discards.
    public var discardTimeSeconds: Double { Double(discardTimeMilliseconds) * 0.001 }
    /// Seconds spent by all flush requests.
    public var flushTimeSeconds: Double { Double(flushTimeMilliseconds) * 0.001 }

    /// Parses the whole file: one entry per device, in file order. Lines with fewer than 11
    /// statistics (the 4-statistic partition lines of 2.6 kernels) are left out, as procfs does.
    public static func parse(_ bytes: [UInt8], path: String = "/proc/diskstats") throws(HostMetricsError) -> [DiskStats] {
        let text = ProcText(bytes: bytes, path: path)
        var devices: [DiskStats] = []
        for line in text.lines {
            var fields = line.fields
            guard let majorField = fields.next() else { continue }
            guard let major = majorField.uint64.flatMap(UInt32.init(exactly:)),
                let minor = fields.next()?.uint64.flatMap(UInt32.init(exactly:)),
                let name = fields.next()
            else {
                throw text.malformed(line, expected: "major minor device followed by 11, 15 or 17 counters")
            }
            var stats = DiskStats(major: major, minor: minor, device: name.text, statCount: 0)
            while stats.statCount < 17, let field = fields.next() {
                guard let value = field.uint64 else {
                    throw text.malformed(line, expected: "major minor device followed by 11, 15 or 17 counters")
                }
                stats.set(statistic: stats.statCount, to: value)
                stats.statCount += 1
            }
            if stats.statCount >= 11 { devices.append(stats) }
        }
        return devices
    }

    /// Reads `diskstats` under the procfs root.
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> [DiskStats] {
        let path = paths.procfs("diskstats")
        return try parse(FileReader.read(path), path: path)
    }

    private init(major: UInt32, minor: UInt32, device: String, statCount: Int) {
        self.major = major
        self.minor = minor
        self.device = device
        self.statCount = statCount
    }

    private mutating func set(statistic index: Int, to value: UInt64) {
        switch index {
        case 0: readsCompleted = value
        case 1: readsMerged = value
        case 2: sectorsRead = value
        case 3: readTimeMilliseconds = value
        case 4: writesCompleted = value
        case 5: writesMerged = value
        case 6: sectorsWritten = value
        case 7: writeTimeMilliseconds = value
        case 8: ioInProgress = value
        case 9: ioTimeMilliseconds = value
        case 10: weightedIOTimeMilliseconds = value
        case 11: discardsCompleted = value
        case 12: discardsMerged = value
        case 13: sectorsDiscarded = value
        case 14: discardTimeMilliseconds = value
        case 15: flushRequestsCompleted = value
        default: flushTimeMilliseconds = value
        }
    }
}
