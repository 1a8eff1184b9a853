import Glibc

/// The kernel clock's discipline as adjtimex(2) reports it in `struct timex` (node_exporter's
/// timex collector): how far the clock is from its reference and how the NTP or PTP daemon is
/// steering it. Values are in the kernel's units; `isNanosecondResolution` says whether
/// `offset` and `jitter` are nanoseconds or microseconds.
public struct Timex: Sendable, Hashable {
    /// adjtimex's return value, the clock state: `TIME_OK` (0) … `TIME_ERROR` (5, the clock is
    /// not synchronised).
    public var state: Int32
    /// Time offset, in microseconds or nanoseconds (`STA_NANO`).
    public var offset: Int
    /// Frequency offset, in parts per million with a 16-bit fraction.
    public var frequency: Int
    /// Maximum error, microseconds.
    public var maximumError: Int
    /// Estimated error, microseconds.
    public var estimatedError: Int
    /// The `STA_*` status bits.
    public var status: Int32
    /// Phase-locked loop time constant.
    public var constant: Int
    /// Microseconds between clock ticks.
    public var tick: Int
    /// PPS frequency, parts per million with a 16-bit fraction.
    public var ppsFrequency: Int
    /// PPS jitter, in microseconds or nanoseconds (`STA_NANO`).
    public var jitter: Int
    /// PPS interval duration, seconds as a power of two.
    public var shift: Int32
    /// PPS stability, parts per million with a 16-bit fraction.
    public var stability: Int
    /// PPS jitter limit exceeded events.
    public var jitterCount: Int
    /// PPS calibration intervals.
    public var calibrationCount: Int
    /// PPS calibration errors.
    public var errorCount: Int
    /// PPS stability limit exceeded events.
    public var stabilityExceededCount: Int
    /// TAI offset, seconds.
    public var taiOffset: Int32

    /// `TIME_ERROR`: the clock is not synchronised to a reliable source.
    public static let timeError: Int32 = 5
    /// `STA_NANO`: offsets are in nanoseconds instead of microseconds.
    public static let nanosecondResolution: Int32 = 0x2000

    /// Whether `offset` and `jitter` are in nanoseconds.
    public var isNanosecondResolution: Bool { status & Self.nanosecondResolution != 0 }

    /// Calls adjtimex(2) with no modes set: it only reads, so it needs no privilege. The
    /// kernel clock is not a file, so the configured paths do not apply.
    public static func current() throws(HostMetricsError) -> Timex {
        guard MemoryLayout<Int>.size == 8, let adjtimex = Self.adjtimex else {
            throw .systemCallFailed(call: "adjtimex", path: "", errno: ENOSYS)
        }
        return try withUnsafeTemporaryAllocation(byteCount: Layout.size, alignment: 8) { (buffer) throws(HostMetricsError) -> Timex in
            guard let base = buffer.baseAddress else { throw .systemCallFailed(call: "adjtimex", path: "", errno: ENOMEM) }
            base.initializeMemory(as: UInt8.self, repeating: 0, count: Layout.size)
            let state = adjtimex(base)
            guard state >= 0 else { throw .systemCallFailed(call: "adjtimex", path: "", errno: errno) }
            func long(_ offset: Int) -> Int { base.load(fromByteOffset: offset, as: Int.self) }
            func int(_ offset: Int) -> Int32 { base.load(fromByteOffset: offset, as: Int32.self) }
            return Timex(
                state: state, offset: long(Layout.offset), frequency: long(Layout.frequency),
                maximumError: long(Layout.maximumError), estimatedError: long(Layout.estimatedError), status: int(Layout.status),
                constant: long(Layout.constant), tick: long(Layout.tick), ppsFrequency: long(Layout.ppsFrequency),
                jitter: long(Layout.jitter), shift: int(Layout.shift), stability: long(Layout.stability),
                jitterCount: long(Layout.jitterCount), calibrationCount: long(Layout.calibrationCount),
                errorCount: long(Layout.errorCount), stabilityExceededCount: long(Layout.stabilityExceededCount),
                taiOffset: int(Layout.taiOffset)
            )
        }
    }

    /// glibc's `adjtimex`, looked up at run time: Swift's Glibc module does not include
    /// `<sys/timex.h>`.
    private static let adjtimex: (@convention(c) (UnsafeMutableRawPointer) -> Int32)? = {
        guard let symbol = dlsym(nil, "adjtimex") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutableRawPointer) -> Int32).self)
    }()

    /// Byte offsets of `struct timex` on 64-bit Linux (`long` fields 8 bytes, `int` fields
    /// padded to 8), and its size with the kernel's trailing padding.
    private enum Layout {
        static let offset = 8
        static let frequency = 16
        static let maximumError = 24
        static let estimatedError = 32
        static let status = 40
        static let constant = 48
        static let tick = 88
        static let ppsFrequency = 96
        static let jitter = 104
        static let shift = 112
        static let stability = 120
        static let jitterCount = 128
        static let calibrationCount = 136
        static let errorCount = 144
        static let stabilityExceededCount = 152
        static let taiOffset = 160
        static let size = 208
    }
}
