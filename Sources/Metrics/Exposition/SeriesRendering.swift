/// How a family of one metric type is written: the line prefixes each series renders once at
/// creation, and a writer for all series of the family, specialised per type so that the
/// scrape loop makes no dynamic calls per series.
struct SeriesRendering<Metric: AnyObject & Sendable>: Sendable {
    let prefixes: @Sendable (_ labels: SeriesLabels, _ metadata: FamilyMetadata) -> [[UInt8]]
    let write: @Sendable (_ snapshot: ExpositionSnapshot, _ writer: inout ExpositionWriter, _ metadata: FamilyMetadata) -> Void
}

/// Renders `name<suffix>{labels<extra>` and then `closing`: the fixed start of a sample line.
enum LinePrefix {
    static func render(_ name: String, suffix: String = "", labels: SeriesLabels, openExtraLabel: String? = nil) -> [UInt8] {
        var bytes = Array(name.utf8)
        bytes.append(contentsOf: suffix.utf8)
        if let openExtraLabel {
            bytes.append(UInt8(ascii: "{"))
            bytes.append(contentsOf: labels.rendered)
            if !labels.rendered.isEmpty { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: openExtraLabel.utf8)
            bytes.append(contentsOf: #"=""#.utf8)
        } else {
            if !labels.rendered.isEmpty {
                bytes.append(UInt8(ascii: "{"))
                bytes.append(contentsOf: labels.rendered)
                bytes.append(UInt8(ascii: "}"))
            }
            bytes.append(UInt8(ascii: " "))
        }
        return bytes
    }
}
