/// Appends families to a byte buffer in one format: metadata lines, then samples built from
/// pre-rendered label bytes, with numbers spelled as Go spells them. No `String` is built per
/// sample.
struct ExpositionWriter {
    let format: ExpositionFormat
    let exposesCreated: Bool
    var bytes: [UInt8]

    /// `# HELP`/`# TYPE` (0.0.4), or `# TYPE`/`# UNIT`/`# HELP` (OpenMetrics).
    mutating func writeMetadata(_ metadata: FamilyMetadata) {
        let name = metadata.name(in: format)
        switch format {
        case .prometheusText:
            if !metadata.help.isEmpty {
                bytes.append(contentsOf: "# HELP ".utf8)
                bytes.append(contentsOf: name.utf8)
                bytes.append(UInt8(ascii: " "))
                ExpositionEscaping.appendEscaped(metadata.help, quotes: false, to: &bytes)
                bytes.append(UInt8(ascii: "\n"))
            }
            bytes.append(contentsOf: "# TYPE ".utf8)
            bytes.append(contentsOf: name.utf8)
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: (metadata.type == .info ? "gauge" : metadata.type.rawValue).utf8)
            bytes.append(UInt8(ascii: "\n"))
        case .openMetrics:
            bytes.append(contentsOf: "# TYPE ".utf8)
            bytes.append(contentsOf: name.utf8)
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: (metadata.type == .untyped ? "unknown" : metadata.type.rawValue).utf8)
            bytes.append(UInt8(ascii: "\n"))
            if let unit = metadata.unit, !unit.isEmpty {
                bytes.append(contentsOf: "# UNIT ".utf8)
                bytes.append(contentsOf: name.utf8)
                bytes.append(UInt8(ascii: " "))
                bytes.append(contentsOf: unit.utf8)
                bytes.append(UInt8(ascii: "\n"))
            }
            if !metadata.help.isEmpty {
                bytes.append(contentsOf: "# HELP ".utf8)
                bytes.append(contentsOf: name.utf8)
                bytes.append(UInt8(ascii: " "))
                ExpositionEscaping.appendEscaped(metadata.help, quotes: true, to: &bytes)
                bytes.append(UInt8(ascii: "\n"))
            }
        }
    }

    /// Starts a sample line: `name<suffix>{labels,extra} ` (braces only when there are labels).
    /// `extraLabel` is the `le` or `quantile` label, its value already spelled.
    @inline(__always)
    mutating func beginSample(
        _ name: String,
        suffix: String = "",
        labels: [UInt8],
        extraLabel: (name: String, value: [UInt8])? = nil
    ) {
        bytes.append(contentsOf: name.utf8)
        if !suffix.isEmpty { bytes.append(contentsOf: suffix.utf8) }
        if !labels.isEmpty || extraLabel != nil {
            bytes.append(UInt8(ascii: "{"))
            bytes.append(contentsOf: labels)
            if let extraLabel {
                if !labels.isEmpty { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: extraLabel.name.utf8)
                bytes.append(contentsOf: #"=""#.utf8)
                bytes.append(contentsOf: extraLabel.value)
                bytes.append(UInt8(ascii: "\""))
            }
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: " "))
    }

    /// A float value: Go's spelling in 0.0.4 text, OpenMetrics' canonical one (`1.0`) there.
    @inline(__always)
    mutating func appendValue(_ value: Double) {
        switch format {
        case .prometheusText: GoFloat.append(value, to: &bytes)
        case .openMetrics: GoFloat.appendOpenMetrics(value, to: &bytes)
        }
    }

    /// A count (bucket, `_count`): a float in 0.0.4 text as client_golang writes it, an integer
    /// in OpenMetrics.
    @inline(__always)
    mutating func appendCount(_ count: UInt64) {
        switch format {
        case .prometheusText:
            if count < 1_000_000 {
                GoFloat.appendUnsigned(count, to: &bytes)
            } else {
                GoFloat.append(Double(count), to: &bytes)
            }
        case .openMetrics:
            GoFloat.appendUnsigned(count, to: &bytes)
        }
    }

    /// ` # {labels} value timestamp` after a sample value; OpenMetrics only.
    mutating func appendExemplar(_ exemplar: Exemplar?) {
        guard format == .openMetrics, let exemplar else { return }
        bytes.append(contentsOf: " # {".utf8)
        bytes.append(contentsOf: exemplar.renderedLabels)
        bytes.append(contentsOf: "} ".utf8)
        GoFloat.appendOpenMetrics(exemplar.value, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        GoFloat.appendOpenMetrics(exemplar.timestamp, to: &bytes)
    }

    @inline(__always)
    mutating func endLine() {
        bytes.append(UInt8(ascii: "\n"))
    }

    /// A whole sample line with a float value.
    @inline(__always)
    mutating func writeSample(_ name: String, suffix: String = "", labels: [UInt8], value: Double) {
        beginSample(name, suffix: suffix, labels: labels)
        appendValue(value)
        endLine()
    }

    /// `<name>_created{labels} <seconds>` when the format and the registry's option want it.
    mutating func writeCreated(_ familyName: String, labels: [UInt8], created: Double) {
        guard format == .openMetrics && exposesCreated else { return }
        writeSample(familyName, suffix: "_created", labels: labels, value: created)
    }
}
