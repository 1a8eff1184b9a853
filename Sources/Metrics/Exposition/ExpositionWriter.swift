/// Writes families into an exposition buffer in one format: metadata lines, then samples built
/// from pre-rendered label bytes, with numbers spelled as Go spells them. No `String` is built
/// per sample.
struct ExpositionWriter: ~Copyable {
    let format: ExpositionFormat
    /// Whether `_created` samples are written (OpenMetrics with the registry's option).
    let writesCreated: Bool
    var buffer: ExpositionBuffer

    init(format: ExpositionFormat, exposesCreated: Bool, buffer: consuming ExpositionBuffer) {
        self.format = format
        writesCreated = format == .openMetrics && exposesCreated
        self.buffer = buffer
    }

    /// Ends writing, handing back the buffer.
    consuming func finish() -> ExpositionBuffer {
        buffer
    }

    /// The family's `# HELP`/`# TYPE` (0.0.4) or `# TYPE`/`# UNIT`/`# HELP` (OpenMetrics) lines.
    @inline(__always)
    mutating func writeMetadata(_ metadata: FamilyMetadata) {
        buffer.append(metadata.header(in: format))
    }

    /// Starts a sample line: `name<suffix>{labels,extra} ` (braces only when there are labels),
    /// for samples without a pre-rendered prefix. `extraLabel` is `le` or `quantile`, its value
    /// already spelled.
    mutating func beginSample(_ name: String, suffix: String = "", labels: [UInt8], extraLabel: (name: String, value: [UInt8])? = nil) {
        beginSample(name, suffix: suffix, hasLabels: !labels.isEmpty, extraLabel: extraLabel) { $0.append(labels) }
    }

    /// Starts a sample line whose labels are escaped as they are written (collected families).
    mutating func beginSample(_ name: String, suffix: String = "", labels: [(String, String)], extraLabel: (name: String, value: [UInt8])? = nil) {
        beginSample(name, suffix: suffix, hasLabels: !labels.isEmpty, extraLabel: extraLabel) { buffer in
            for (index, label) in labels.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                ExpositionEscaping.appendLabel(name: label.0, value: label.1, to: &buffer)
            }
        }
    }

    private mutating func beginSample(
        _ name: String,
        suffix: String,
        hasLabels: Bool,
        extraLabel: (name: String, value: [UInt8])?,
        writeLabels: (inout ExpositionBuffer) -> Void
    ) {
        buffer.append(name)
        buffer.append(suffix)
        if hasLabels || extraLabel != nil {
            buffer.append(UInt8(ascii: "{"))
            writeLabels(&buffer)
            if let extraLabel {
                if hasLabels { buffer.append(UInt8(ascii: ",")) }
                buffer.append(extraLabel.name)
                buffer.append(UInt8(ascii: "="))
                buffer.append(UInt8(ascii: "\""))
                buffer.append(extraLabel.value)
                buffer.append(UInt8(ascii: "\""))
            }
            buffer.append(UInt8(ascii: "}"))
        }
        buffer.append(UInt8(ascii: " "))
    }

    /// A float value: Go's spelling in 0.0.4 text, OpenMetrics' canonical one (`1.0`) there.
    @inline(__always)
    mutating func appendValue(_ value: Double) {
        buffer.appendFloat(value, openMetrics: format == .openMetrics)
    }

    /// A whole value below a million, spelled as `appendValue` would spell it.
    @inline(__always)
    mutating func appendWholeValue(_ value: UInt64) {
        buffer.appendUnsigned(value)
        if format == .openMetrics { buffer.append(ascii: ".0") }
    }

    /// A count (bucket, `_count`): a float in 0.0.4 text as client_golang writes it, an integer
    /// in OpenMetrics.
    @inline(__always)
    mutating func appendCount(_ count: UInt64) {
        if format == .openMetrics || count < 1_000_000 {
            buffer.appendUnsigned(count)
        } else {
            buffer.appendFloat(Double(count), openMetrics: false)
        }
    }

    /// Whether a histogram's `_sum` and `_count` lines are written. OpenMetrics forbids a sum
    /// on a histogram with a negative bucket threshold (the sum would no longer be a counter)
    /// and a count without a sum; 0.0.4 text has no such rule.
    func writesSumAndCount(lowestBound: Double?) -> Bool {
        format == .prometheusText || !(lowestBound.map { $0 < 0 } ?? false)
    }

    /// ` # {labels} value timestamp` after a sample value; OpenMetrics only.
    mutating func appendExemplar(_ exemplar: Exemplar?) {
        guard format == .openMetrics, let exemplar else { return }
        buffer.append(" # {")
        buffer.append(exemplar.renderedLabels)
        buffer.append("} ")
        buffer.appendFloat(exemplar.value, openMetrics: true)
        buffer.append(UInt8(ascii: " "))
        buffer.appendFloat(exemplar.timestamp, openMetrics: true)
    }

    @inline(__always)
    mutating func endLine() {
        buffer.append(UInt8(ascii: "\n"))
    }

    /// A whole sample line with a float value.
    mutating func writeSample(_ name: String, suffix: String = "", labels: [UInt8], value: Double) {
        beginSample(name, suffix: suffix, labels: labels)
        appendValue(value)
        endLine()
    }

    /// A whole sample line with a float value and labels escaped as they are written.
    mutating func writeSample(_ name: String, suffix: String = "", labels: [(String, String)], value: Double) {
        beginSample(name, suffix: suffix, labels: labels)
        appendValue(value)
        endLine()
    }

    /// `<name>_created{labels} <seconds>` when the format and the registry's option want it.
    @inline(__always)
    mutating func writeCreated(_ familyName: String, labels: [UInt8], created: Double) {
        guard writesCreated else { return }
        writeSample(familyName, suffix: "_created", labels: labels, value: created)
    }
}
