/// Renders the fixed start of a sample line: `name<suffix>{labels} ` (no braces without labels),
/// or, with an extra label, `name<suffix>{labels,extra="` for the value and the rest to follow.
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
