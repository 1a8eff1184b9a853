import Foundation

extension ISO8601DateFormatter {
    /// RFC 3339 with fractional seconds, to read back the timestamps lines carry.
    static var withFractionalSeconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
