extension PrometheusRegistry {
    // MARK: Counters

    /// A counter without labels, exposed at 0 from now on. `name` may end in `_total` or not;
    /// the sample is `<name>_total` either way.
    public func makeCounter(name: String, help: String, unit: String? = nil) throws(PrometheusMetricsError) -> Counter {
        try makeCounterFamily(name: name, help: help, labelNames: [], unit: unit).labels([])
    }

    /// A counter with one series per set of values of `labelNames`.
    public func makeCounterFamily(
        name: String,
        help: String,
        labelNames: [String],
        unit: String? = nil,
        maxSeries: Int? = nil
    ) throws(PrometheusMetricsError) -> MetricFamily<Counter> {
        let definition = MetricDefinition(name: canonicalName(name, .counter), type: .counter, help: help, labelNames: labelNames, unit: unit, buckets: [], quantiles: [])
        let rejections = rejectionReporter(for: definition)
        return try family(definition, maxSeries: maxSeries, rendering: Counter.rendering) { Counter(rejections: rejections) }
    }

    // MARK: Gauges

    /// A gauge without labels, exposed at 0 from now on.
    public func makeGauge(name: String, help: String, unit: String? = nil) throws(PrometheusMetricsError) -> Gauge {
        try makeGaugeFamily(name: name, help: help, labelNames: [], unit: unit).labels([])
    }

    /// A gauge with one series per set of values of `labelNames`.
    public func makeGaugeFamily(
        name: String,
        help: String,
        labelNames: [String],
        unit: String? = nil,
        maxSeries: Int? = nil
    ) throws(PrometheusMetricsError) -> MetricFamily<Gauge> {
        let definition = MetricDefinition(name: name, type: .gauge, help: help, labelNames: labelNames, unit: unit, buckets: [], quantiles: [])
        return try family(definition, maxSeries: maxSeries, rendering: Gauge.rendering) { Gauge() }
    }

    // MARK: Histograms

    /// A histogram without labels. `buckets` are upper bounds, sorted and de-duplicated for you;
    /// `+Inf` is implicit.
    public func makeHistogram(
        name: String,
        help: String,
        buckets: [Double] = Buckets.default,
        unit: String? = nil
    ) throws(PrometheusMetricsError) -> Histogram {
        try makeHistogramFamily(name: name, help: help, labelNames: [], buckets: buckets, unit: unit).labels([])
    }

    /// A histogram with one series per set of values of `labelNames`, all sharing `buckets`.
    public func makeHistogramFamily(
        name: String,
        help: String,
        labelNames: [String],
        buckets: [Double] = Buckets.default,
        unit: String? = nil,
        maxSeries: Int? = nil
    ) throws(PrometheusMetricsError) -> MetricFamily<Histogram> {
        let bounds = try Buckets.normalized(buckets, metric: name)
        let definition = MetricDefinition(name: name, type: .histogram, help: help, labelNames: labelNames, unit: unit, buckets: bounds, quantiles: [])
        let layout = HistogramLayout(upperBounds: bounds)
        let rejections = rejectionReporter(for: definition)
        return try family(definition, maxSeries: maxSeries, rendering: Histogram.rendering) {
            Histogram(layout: layout, rejections: rejections)
        }
    }

    // MARK: Summaries

    /// A summary without labels: count and sum, and quantiles if `configuration` asks for them.
    public func makeSummary(
        name: String,
        help: String,
        configuration: SummaryConfiguration = SummaryConfiguration(),
        unit: String? = nil
    ) throws(PrometheusMetricsError) -> Summary {
        try makeSummaryFamily(name: name, help: help, labelNames: [], configuration: configuration, unit: unit).labels([])
    }

    /// A summary with one series per set of values of `labelNames`.
    public func makeSummaryFamily(
        name: String,
        help: String,
        labelNames: [String],
        configuration: SummaryConfiguration = SummaryConfiguration(),
        unit: String? = nil,
        maxSeries: Int? = nil
    ) throws(PrometheusMetricsError) -> MetricFamily<Summary> {
        let validated = try configuration.validated(metric: name)
        let definition = MetricDefinition(name: name, type: .summary, help: help, labelNames: labelNames, unit: unit, buckets: [], quantiles: validated.quantiles)
        let rejections = rejectionReporter(for: definition)
        return try family(definition, maxSeries: maxSeries, rendering: Summary.rendering) {
            Summary(configuration: validated, rejections: rejections)
        }
    }

    // MARK: Info

    /// An info series: `labels` describe the target (version, commit) and the value is 1.
    /// Exposed as `<name>_info`; `name` may end in `_info` or not. Called again with other
    /// values for the same label names, it replaces the series, as Python's `Info.info` does:
    /// an info family holds one series.
    @discardableResult
    public func makeInfo(name: String, help: String, labels: [String: String]) throws(PrometheusMetricsError) -> Info {
        let labelNames = labels.keys.sorted()
        let definition = MetricDefinition(name: canonicalName(name, .info), type: .info, help: help, labelNames: labelNames, unit: nil, buckets: [], quantiles: [])
        return try family(definition, maxSeries: 1, rendering: Info.rendering) { Info() }.replacingAll(with: labels)
    }

    // MARK: Collect-time metrics

    /// A gauge whose value `value` supplies on every scrape. Registering it again replaces the
    /// closure, so a component made anew (a connection pool) can point it at itself.
    public func makeGaugeFunction(
        name: String,
        help: String,
        labels: [String: String] = [:],
        unit: String? = nil,
        value: @escaping @Sendable () -> Double
    ) throws(PrometheusMetricsError) {
        try registerCallback(name: name, type: .gauge, help: help, labels: labels, unit: unit, value: value)
    }

    /// A counter whose total `value` supplies on every scrape; it must never decrease.
    /// Registering it again replaces the closure.
    public func makeCounterFunction(
        name: String,
        help: String,
        labels: [String: String] = [:],
        unit: String? = nil,
        value: @escaping @Sendable () -> Double
    ) throws(PrometheusMetricsError) {
        try registerCallback(name: canonicalName(name, .counter), type: .counter, help: help, labels: labels, unit: unit, value: value)
    }

    // MARK: Shared

    private func registerCallback(
        name: String,
        type: MetricType,
        help: String,
        labels: [String: String],
        unit: String?,
        value: @escaping @Sendable () -> Double
    ) throws(PrometheusMetricsError) {
        let labelNames = labels.keys.sorted()
        let definition = MetricDefinition(name: name, type: type, help: help, labelNames: labelNames, unit: unit, buckets: [], quantiles: [])
        let metadata = FamilyMetadata(registeredName: name, type: type, help: help, unit: unit)
        let seriesLabels = SeriesLabels(values: labelNames.map { labels[$0] ?? "" }, schema: LabelSchema(names: labelNames), hasher: LabelHash(seed: 0))
        let _: Bool = try register(definition, replacing: true) {
            (CallbackFamily(metadata: metadata, labels: seriesLabels, value: value), true)
        }
    }

    private func family<Metric: AnyObject & Sendable>(
        _ definition: MetricDefinition,
        maxSeries: Int?,
        rendering: SeriesRendering<Metric>,
        makeMetric: @escaping @Sendable () -> Metric
    ) throws(PrometheusMetricsError) -> MetricFamily<Metric> {
        try register(definition) {
            let family = MetricFamily(
                name: definition.name,
                labelNames: definition.labelNames,
                maxSeries: maxSeries ?? defaultMaxSeries,
                metadata: FamilyMetadata(registeredName: definition.name, type: definition.type, help: definition.help, unit: definition.unit),
                diagnostics: diagnostics,
                rendering: rendering,
                makeMetric: makeMetric
            )
            return (family, family)
        }
    }

    /// The name a definition is registered under: counters and infos by their 0.0.4 sample
    /// name, so that `jobs` and `jobs_total` are one counter.
    private func canonicalName(_ name: String, _ type: MetricType) -> String {
        FamilyMetadata(registeredName: name, type: type, help: "", unit: nil).textName
    }
}
