/// The metric types of the exposition formats.
public enum MetricType: String, Sendable, Hashable {
    case counter
    case gauge
    case histogram
    case summary
    /// OpenMetrics' info type; the 0.0.4 text format exposes it as a gauge named `<name>_info`.
    case info
    /// A value of unknown meaning: `untyped` in 0.0.4 text, `unknown` in OpenMetrics.
    case untyped
}
