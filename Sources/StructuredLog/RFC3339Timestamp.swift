#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A wall-clock instant written as RFC 3339 in UTC with microseconds,
/// `2025-03-01T12:34:56.789012Z`, by plain arithmetic: no formatter, no allocation, no time zone.
struct RFC3339Timestamp: Sendable, Hashable {
    /// The bytes of `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    static let length = 27

    /// Seconds since 1970-01-01T00:00:00Z.
    var seconds: Int
    /// Microseconds within the second, 0 to 999,999.
    var microseconds: Int

    /// The current time from the system's real-time clock.
    static func now() -> RFC3339Timestamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return RFC3339Timestamp(seconds: Int(time.tv_sec), microseconds: Int(time.tv_nsec) / 1000)
    }

    /// Appends the timestamp, without quotes. Years outside 0000–9999 are clamped to them.
    func write(into buffer: inout LineBuffer) {
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let (year, month, day) = Self.civilDate(daysSince1970: days)
        let clampedYear = min(max(year, 0), 9999)
        let hour = secondOfDay / 3600
        let minute = secondOfDay % 3600 / 60
        let second = secondOfDay % 60
        let micro = min(max(microseconds, 0), 999_999)
        buffer.append(length: Self.length) { out in
            Self.twoDigits(clampedYear / 100, at: out)
            Self.twoDigits(clampedYear % 100, at: out + 2)
            out[4] = UInt8(ascii: "-")
            Self.twoDigits(month, at: out + 5)
            out[7] = UInt8(ascii: "-")
            Self.twoDigits(day, at: out + 8)
            out[10] = UInt8(ascii: "T")
            Self.twoDigits(hour, at: out + 11)
            out[13] = UInt8(ascii: ":")
            Self.twoDigits(minute, at: out + 14)
            out[16] = UInt8(ascii: ":")
            Self.twoDigits(second, at: out + 17)
            out[19] = UInt8(ascii: ".")
            Self.twoDigits(micro / 10_000, at: out + 20)
            Self.twoDigits(micro / 100 % 100, at: out + 22)
            Self.twoDigits(micro % 100, at: out + 24)
            out[26] = UInt8(ascii: "Z")
        }
    }

    private func floorDivision(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    /// Writes `value` (0 to 99) as two digits; `value * 103 >> 10` is `value / 10` in that range.
    @inline(__always)
    private static func twoDigits(_ value: Int, at start: UnsafeMutablePointer<UInt8>) {
        let tens = (value &* 103) &>> 10
        start[0] = UInt8(truncatingIfNeeded: tens) &+ UInt8(ascii: "0")
        start[1] = UInt8(truncatingIfNeeded: value &- tens &* 10) &+ UInt8(ascii: "0")
    }

    /// The proleptic Gregorian date of a day number (Howard Hinnant's `civil_from_days`).
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
