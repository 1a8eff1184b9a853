/// What went wrong when defining or addressing a metric, with the offending values, phrased
/// as advice.
public enum PrometheusMetricsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A metric name outside `[a-zA-Z_:][a-zA-Z0-9_:]*` or starting with the reserved `__`.
    case invalidMetricName(String)
    /// A label name outside `[a-zA-Z_][a-zA-Z0-9_]*` or starting with the reserved `__`.
    case invalidLabelName(metric: String, label: String)
    /// A label name the type itself uses: `le` on histograms, `quantile` on summaries.
    case reservedLabelName(metric: String, label: String)
    /// The same label name twice in one family.
    case duplicateLabelName(metric: String, label: String)
    /// Histogram buckets that are not finite, strictly increasing values.
    case invalidBuckets(metric: String, reason: String)
    /// Summary quantiles outside (0, 1) or errors outside [0, 1), or a quantile window that cannot
    /// work (`maxAge` not positive, no `ageBuckets`).
    case invalidQuantiles(metric: String, reason: String)
    /// A unit that is not the name's suffix, as OpenMetrics requires.
    case invalidUnit(metric: String, unit: String)
    /// A second definition under a name that differs from the registered one.
    case conflictingDefinition(registered: MetricDefinition, requested: MetricDefinition)
    /// A name one family's samples already use (`x_count` next to histogram `x`).
    case sampleNameClash(metric: String, sampleName: String, registeredFamily: String)
    /// Label values that do not match the family's label names.
    case labelValuesMismatch(metric: String, labelNames: [String], received: [String])

    /// What went wrong and what to do about it, with the offending values.
    public var description: String {
        switch self {
        case .invalidMetricName(let name):
            "metric name \"\(name)\" is invalid: use [a-zA-Z_:][a-zA-Z0-9_:]* and do not start with \"__\""
        case .invalidLabelName(let metric, let label):
            "label name \"\(label)\" of \(metric) is invalid: use [a-zA-Z_][a-zA-Z0-9_]* and do not start with \"__\""
        case .reservedLabelName(let metric, let label):
            "label name \"\(label)\" of \(metric) is reserved by its type: choose another name"
        case .duplicateLabelName(let metric, let label):
            "label name \"\(label)\" appears twice in \(metric): each label name may appear once"
        case .invalidBuckets(let metric, let reason):
            "buckets of \(metric) are invalid: \(reason)"
        case .invalidQuantiles(let metric, let reason):
            "quantiles of \(metric) are invalid: \(reason)"
        case .invalidUnit(let metric, let unit):
            "unit \"\(unit)\" of \(metric) must be the name's suffix (\(metric) should end in \"_\(unit)\")"
        case .conflictingDefinition(let registered, let requested):
            "\(requested) conflicts with the registered \(registered): reuse the registered definition or pick another name"
        case .sampleNameClash(let metric, let sampleName, let registeredFamily):
            "\(metric) would expose \"\(sampleName)\", which \(registeredFamily) already exposes: pick another name"
        case .labelValuesMismatch(let metric, let labelNames, let received):
            "\(metric) has labels \(labelNames) but was given \(received): pass one value per label name"
        }
    }
}
