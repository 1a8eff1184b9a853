import Foundation

/// What every JSON body we send shares: sorted keys (stable bytes, so signatures and
/// idempotent retries match) and timestamps in RFC 3339, as Alertmanager writes them.
enum PayloadFormat {
    /// Alertmanager's `endsAt` of a firing alert in webhook bodies: Go's zero time.
    static let zeroTime = "0001-01-01T00:00:00Z"

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func encode(_ value: some Encodable) throws -> Data {
        try encoder.encode(value)
    }

    /// UTC with milliseconds, e.g. `2026-11-24T00:22:32.000Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(timestampStyle)
    }

    /// The annotations Alertmanager receivers expect: `summary` (the title) and `description`
    /// (the message) unless the alert already sets them.
    static func annotations(of alert: Alert) -> [String: String] {
        var annotations = alert.annotations
        if annotations["summary"] == nil, !alert.title.isEmpty { annotations["summary"] = alert.title }
        if annotations["description"] == nil, !alert.message.isEmpty { annotations["description"] = alert.message }
        return annotations
    }
}
