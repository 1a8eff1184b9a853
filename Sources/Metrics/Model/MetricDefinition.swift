/// Everything that defines a family. Registering an equal definition again returns the
/// registered family; registering a different one under the same name is an error that names
/// both.
public struct MetricDefinition: Sendable, Hashable, CustomStringConvertible {
    /// The name registered under: counters and infos by their 0.0.4 sample name (`jobs_total`,
    /// `build_info`), so that `jobs` and `jobs_total` are one definition.
    public let name: String
    /// The family's type.
    public let type: MetricType
    /// The HELP text; a different one is a different definition.
    public let help: String
    /// The label names in the order `labels(...)` takes their values.
    public let labelNames: [String]
    /// OpenMetrics' unit, the suffix of the name.
    public let unit: String?
    /// Histogram bucket upper bounds (without the implicit `+Inf`); empty for other types.
    public let buckets: [Double]
    /// Summary quantiles with their allowed error; empty for other types.
    public let quantiles: [SummaryQuantile]

    /// The definition as an error message shows it: type, name, labels, unit, buckets or
    /// quantiles, and HELP.
    public var description: String {
        var text = "\(type.rawValue) \(name)(\(labelNames.joined(separator: ", ")))"
        if let unit { text += " unit \(unit)" }
        if type == .histogram { text += " buckets \(buckets)" }
        if !quantiles.isEmpty { text += " quantiles \(quantiles.map(\.quantile))" }
        return text + " help \"\(help)\""
    }
}
