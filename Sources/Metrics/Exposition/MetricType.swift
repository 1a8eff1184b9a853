/// The metric types of the exposition formats.
public enum MetricType: String, Sendable, Hashable {
    /// A total that only goes up (or resets to zero when its process restarts).
    case counter
    /// A value that goes up and down.
    case gauge
    /// Observations counted into cumulative buckets, with their sum and count.
    case histogram
    /// Observations as a count, a sum and optionally quantile estimates.
    case summary
    /// OpenMetrics' info type; the 0.0.4 text format exposes it as a gauge named `<name>_info`.
    case info
    /// A value of unknown meaning: `untyped` in 0.0.4 text, `unknown` in OpenMetrics.
    case untyped
}
