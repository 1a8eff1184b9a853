import PrometheusMetrics

/// A rule value read from PrometheusMetrics: a handle the service holds, or any sample of a
/// registry by name and labels (what a scrape would show, collectors included).
public struct MetricValueSource: RuleValueSource {
    private let read: @Sendable () -> Double?

    private init(_ read: @escaping @Sendable () -> Double?) {
        self.read = read
    }

    /// The gauge's current value.
    public static func gauge(_ gauge: Gauge) -> MetricValueSource {
        MetricValueSource { gauge.value }
    }

    /// The counter's current total.
    public static func counter(_ counter: Counter) -> MetricValueSource {
        MetricValueSource { counter.value }
    }

    /// The sample named `name` with exactly `labels` in `registry`; no value (the rule is
    /// inactive) while there is no such sample.
    public static func sample(_ name: String, labels: [String: String] = [:], in registry: PrometheusRegistry) -> MetricValueSource {
        MetricValueSource { registry.sampleValue(name, labels: labels) }
    }

    /// The value now.
    public func currentValue() async throws -> Double? {
        read()
    }
}
