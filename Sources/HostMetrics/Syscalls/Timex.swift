internal import CObservabilityTimex
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
    public static let timeError: Int32 = TIME_ERROR
    /// `STA_NANO`: offsets are in nanoseconds instead of microseconds.
    public static let nanosecondResolution: Int32 = STA_NANO

    /// Whether `offset` and `jitter` are in nanoseconds.
    public var isNanosecondResolution: Bool { status & Self.nanosecondResolution != 0 }

    /// Calls adjtimex(2) with no modes set: it only reads, so it needs no privilege. The
    /// kernel clock is not a file, so the configured paths do not apply.
    public static func current() throws(HostMetricsError) -> Timex {
        var clock = timex()
        let state = adjtimex(&clock)
        guard state >= 0 else { throw .systemCallFailed(call: "adjtimex", path: "", errno: errno) }
        return Timex(
            state: state, offset: clock.offset, frequency: clock.freq, maximumError: clock.maxerror,
            estimatedError: clock.esterror, status: clock.status, constant: clock.constant, tick: clock.tick,
            ppsFrequency: clock.ppsfreq, jitter: clock.jitter, shift: clock.shift, stability: clock.stabil,
            jitterCount: clock.jitcnt, calibrationCount: clock.calcnt, errorCount: clock.errcnt,
            stabilityExceededCount: clock.stbcnt, taiOffset: clock.tai
        )
    }
}
