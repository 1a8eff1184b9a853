import Glibc

/// The host's time zone right now, as localtime(3) resolves it from `TZ` or `/etc/localtime`
/// (node_exporter's `node_time_zone_offset_seconds`).
public struct LocalTimeZone: Sendable, Hashable {
    /// The abbreviation in effect, such as `UTC` or `CEST`.
    public var abbreviation: String
    /// Seconds east of UTC, daylight saving time included.
    public var offsetSeconds: Int

    /// The zone in effect at this moment.
    public static func current() -> LocalTimeZone {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return LocalTimeZone(abbreviation: "UTC", offsetSeconds: 0) }
        let abbreviation = parts.tm_zone.map { String(cString: $0) } ?? "UTC"
        return LocalTimeZone(abbreviation: abbreviation, offsetSeconds: parts.tm_gmtoff)
    }
}
