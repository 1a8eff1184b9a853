import CoreMetrics

/// The swift-metrics backend: `MetricsSystem.bootstrap(PrometheusMetricsFactory())` and every
/// `Counter`, `Meter`, `Recorder` and `Timer` of every library lands in a registry.
///
/// Counters become counters (`_total` added), meters and non-aggregating recorders gauges,
/// aggregating recorders histograms, timers histograms in seconds. Labels and dimension names
/// are sanitised (`http.server.request.duration` → `http_server_request_duration`) and
/// dimensions are ordered by name, so their order never makes a second series. What real
/// libraries send and Prometheus cannot take never crashes: negative or NaN counter increments
/// are skipped, negative durations recorded as 0; a second type or dimension set under one
/// name gets a handler that records nothing; all of it counted in
/// `prometheus_metrics_rejected_total`.
public struct PrometheusMetricsFactory: MetricsFactory {
    /// Where the metrics are registered.
    public let registry: PrometheusRegistry
    /// HELP texts and buckets per metric.
    public let configuration: Configuration

    /// What swift-metrics cannot say about a metric: its HELP text and histogram buckets.
    public struct Configuration: Sendable {
        /// HELP text by metric label (as given to swift-metrics, or sanitised). Metrics without
        /// one are described by their sanitised name.
        public var helpTexts: [String: String]
        /// Histogram buckets by metric label (as given to swift-metrics, or sanitised), for
        /// timers (in seconds) and aggregating recorders.
        public var buckets: [String: [Double]]
        /// Buckets of timers without an entry in `buckets`, in seconds.
        public var defaultTimerBuckets: [Double]
        /// Buckets of aggregating recorders without an entry in `buckets`.
        public var defaultRecorderBuckets: [Double]

        /// HELP texts and buckets by metric label; every other metric gets a HELP text made from
        /// its name and the default buckets.
        public init(
            helpTexts: [String: String] = [:],
            buckets: [String: [Double]] = [:],
            defaultTimerBuckets: [Double] = Buckets.default,
            defaultRecorderBuckets: [Double] = Buckets.default
        ) {
            self.helpTexts = helpTexts
            self.buckets = buckets
            self.defaultTimerBuckets = defaultTimerBuckets
            self.defaultRecorderBuckets = defaultRecorderBuckets
        }
    }

    /// A backend registering into `registry` (the registry a `MetricsServer` serves by default).
    public init(registry: PrometheusRegistry = .default, configuration: Configuration = Configuration()) {
        self.registry = registry
        self.configuration = configuration
    }

    /// The series of counter `label` (`_total` added) for `dimensions`, or a handler that
    /// records nothing (counted) when Prometheus cannot take it.
    public func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        series(label, dimensions) { registry, name, help, labelNames in
            try registry.makeCounterFamily(name: name, help: help, labelNames: labelNames)
        } ?? DiscardingHandler.shared
    }

    /// A counter as `makeCounter` makes it: one counter type takes whole and fractional amounts.
    public func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        series(label, dimensions) { registry, name, help, labelNames in
            try registry.makeCounterFamily(name: name, help: help, labelNames: labelNames)
        } ?? DiscardingHandler.shared
    }

    /// A gauge: swift-metrics' default would turn a meter into a histogram.
    public func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        series(label, dimensions) { registry, name, help, labelNames in
            try registry.makeGaugeFamily(name: name, help: help, labelNames: labelNames)
        } ?? DiscardingHandler.shared
    }

    /// A histogram when `aggregate` (with the configured or default buckets), a gauge otherwise.
    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        if !aggregate {
            return series(label, dimensions) { registry, name, help, labelNames in
                try registry.makeGaugeFamily(name: name, help: help, labelNames: labelNames)
            } ?? DiscardingHandler.shared
        }
        let buckets = bucketsFor(label) ?? configuration.defaultRecorderBuckets
        return series(label, dimensions) { registry, name, help, labelNames in
            try registry.makeHistogramFamily(name: name, help: help, labelNames: labelNames, buckets: buckets)
        } ?? DiscardingHandler.shared
    }

    /// A histogram in seconds, with the configured or default timer buckets.
    public func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        let buckets = bucketsFor(label) ?? configuration.defaultTimerBuckets
        return series(label, dimensions) { registry, name, help, labelNames in
            try registry.makeHistogramFamily(name: name, help: help, labelNames: labelNames, buckets: buckets)
        } ?? DiscardingHandler.shared
    }

    /// Stops exposing the counter's series; the handle keeps working, unexposed.
    public func destroyCounter(_ handler: any CounterHandler) {
        registry.removeSeries(handler)
    }

    /// Stops exposing the counter's series; the handle keeps working, unexposed.
    public func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {
        registry.removeSeries(handler)
    }

    /// Stops exposing the gauge's series; the handle keeps working, unexposed.
    public func destroyMeter(_ handler: any MeterHandler) {
        registry.removeSeries(handler)
    }

    /// Stops exposing the recorder's series; the handle keeps working, unexposed.
    public func destroyRecorder(_ handler: any RecorderHandler) {
        registry.removeSeries(handler)
    }

    /// Stops exposing the timer's series; the handle keeps working, unexposed.
    public func destroyTimer(_ handler: any TimerHandler) {
        registry.removeSeries(handler)
    }

    /// The series for `label` and `dimensions` in the family `makeFamily` registers, or nil
    /// (counted) when the name or the family cannot be had.
    private func series<Metric: AnyObject & Sendable>(
        _ label: String,
        _ dimensions: [(String, String)],
        makeFamily: (PrometheusRegistry, String, String, [String]) throws -> MetricFamily<Metric>
    ) -> Metric? {
        let name = SwiftMetricsNames.sanitized(label)
        guard MetricNames.isValidMetricName(name) else {
            registry.diagnostics.countRejection(family: label, reason: .invalidFamily)
            return nil
        }
        var pairs: [(name: String, value: String)] = []
        pairs.reserveCapacity(dimensions.count)
        for (dimension, value) in dimensions {
            let labelName = SwiftMetricsNames.sanitized(dimension)
            guard MetricNames.isValidLabelName(labelName), labelName != "le", labelName != "quantile",
                  !pairs.contains(where: { $0.name == labelName }) else {
                registry.diagnostics.countRejection(family: name, reason: .invalidDimension)
                continue
            }
            pairs.append((labelName, value))
        }
        pairs.sort { $0.name < $1.name }
        let help = configuration.helpTexts[label] ?? configuration.helpTexts[name] ?? "\(name) (from swift-metrics)"
        do {
            let family = try makeFamily(registry, name, help, pairs.map(\.name))
            return try family.labels(pairs.map(\.value))
        } catch {
            let reason: RejectionReason = if case .conflictingDefinition(let registered, let requested) = error as? PrometheusMetricsError,
                registered.type == requested.type { .labelMismatch } else { .typeMismatch }
            registry.diagnostics.countRejection(family: name, reason: reason)
            return nil
        }
    }

    private func bucketsFor(_ label: String) -> [Double]? {
        configuration.buckets[label] ?? configuration.buckets[SwiftMetricsNames.sanitized(label)]
    }
}
