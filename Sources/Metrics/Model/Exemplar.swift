/// An OpenMetrics exemplar: a few labels (typically a trace or request ID) naming one
/// observation that a counter or histogram bucket can point a dashboard at.
struct Exemplar: Sendable {
    /// OpenMetrics' limit on the combined length of exemplar label names and values.
    static let maximumLabelCharacters = 128

    let renderedLabels: [UInt8]
    let value: Double
    let timestamp: Double

    /// Validates and renders the labels; `nil` when a name is invalid or the labels are too
    /// long (the observation is still recorded, only the exemplar is dropped).
    init?(labels: [String: String], value: Double, timestamp: Double = WallClock.now()) {
        var characters = 0
        var rendered: [UInt8] = []
        for (position, name) in labels.keys.sorted(by: { UTF8Bytes.compare($0, $1) < 0 }).enumerated() {
            guard let labelValue = labels[name], MetricNames.isValidLabelName(name) else { return nil }
            characters += name.unicodeScalars.count + labelValue.unicodeScalars.count
            if position > 0 { rendered.append(UInt8(ascii: ",")) }
            ExpositionEscaping.appendLabel(name: name, value: labelValue, to: &rendered)
        }
        guard characters <= Self.maximumLabelCharacters else { return nil }
        renderedLabels = rendered
        self.value = value
        self.timestamp = timestamp
    }
}
