import Foundation

/// One element of the array `POST /api/v2/alerts` takes (Alertmanager's `postableAlert`).
struct PostableAlert: Codable, Hashable {
    var labels: [String: String]
    var annotations: [String: String]
    var startsAt: String
    var endsAt: String
    var generatorURL: String?

    /// Throws ``AlertingError/invalidLabelName(_:)`` or
    /// ``AlertingError/invalidAnnotationName(_:)`` for a name Alertmanager answers with 400, so
    /// that such an alert is refused before it joins (and fails) every re-send.
    init(alert: Alert, endsAt: Date) throws {
        for name in alert.labels.keys where !Self.isValidLabelName(name) {
            throw AlertingError.invalidLabelName(name)
        }
        let annotations = PayloadFormat.annotations(of: alert)
        for name in annotations.keys where !Self.isValidLabelName(name) {
            throw AlertingError.invalidAnnotationName(name)
        }
        self.labels = alert.labels
        self.annotations = annotations
        self.startsAt = PayloadFormat.timestamp(alert.startsAt)
        self.endsAt = PayloadFormat.timestamp(max(endsAt, alert.startsAt))
        self.generatorURL = alert.generatorURL.isEmpty ? nil : alert.generatorURL
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`, which Alertmanager 0.25 requires of label and annotation names.
    private static func isValidLabelName(_ name: String) -> Bool {
        var bytes = name.utf8.makeIterator()
        guard let first = bytes.next(), first == UInt8(ascii: "_") || isLetter(first) else { return false }
        while let byte = bytes.next() {
            guard byte == UInt8(ascii: "_") || isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                return false
            }
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
