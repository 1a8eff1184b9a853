import Foundation

/// Reads an HTTP `Retry-After` header (RFC 9110 §10.2.3): delay seconds or an HTTP-date.
enum RetryAfter {
    /// IMF-fixdate first; the two obsolete forms recipients must still accept after it.
    private static let dateFormats = ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"]

    /// The wait the header asks for, zero for a date in the past, `nil` when absent or unreadable.
    /// Delay seconds too many for an `Int64` are a wait of `Int64.max` seconds (as RFC 9111
    /// §1.2.2 has caches read them), longer than any deadline, not a header to ignore.
    static func parse(_ value: String?, now: Date) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if value.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            return .seconds(Int64(value) ?? .max)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in dateFormats {
            formatter.dateFormat = format
            if let date = formatter.date(from: value) {
                return .seconds(max(0, date.timeIntervalSince(now)))
            }
        }
        return nil
    }
}
