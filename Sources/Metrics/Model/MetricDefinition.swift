/// Everything that defines a family. Registering an equal definition again returns the
/// registered family; registering a different one under the same name is an error that names
/// both.
public struct MetricDefinition: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let type: MetricType
    public let help: String
    public let labelNames: [String]
    public let unit: String?
    /// Histogram bucket upper bounds (without the implicit `+Inf`); empty for other types.
    public let buckets: [Double]
    /// Summary quantiles with their allowed error; empty for other types.
    public let quantiles: [SummaryQuantile]

    public var description: String {
        var text = "\(type.rawValue) \(name)(\(labelNames.joined(separator: ", ")))"
        if let unit { text += " unit \(unit)" }
        if type == .histogram { text += " buckets \(buckets)" }
        if !quantiles.isEmpty { text += " quantiles \(quantiles.map(\.quantile))" }
        return text + " help \"\(help)\""
    }
}
