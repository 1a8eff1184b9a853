import Synchronization

/// All series of one metric, one per set of label values: `http_requests_total` by method,
/// endpoint and status.
///
/// Ask for a series once with `labels(...)` and keep the handle: updating a handle is an
/// atomic operation. Looking up a series that exists is lock-free and allocation-free too (for
/// up to three labels, or an array), so per-request lookups are fine. Past `maxSeries` label
/// sets, new ones are folded into one overflow series whose every label value is
/// `__overflow__` (a label set spelling that is that series), and counted in
/// `prometheus_metrics_series_overflow_total`, so a label fed from unbounded input cannot
/// exhaust memory.
public final class MetricFamily<Metric: AnyObject & Sendable>: Sendable {
    /// The family's name as registered.
    public let name: String
    /// The label names, in the order `labels(...)` takes their values.
    public let labelNames: [String]
    /// The most label sets kept before new ones go to the overflow series.
    public let maxSeries: Int

    let metadata: FamilyMetadata
    private let schema: LabelSchema
    private let makeMetric: @Sendable () -> Metric
    private let rendering: SeriesRendering<Metric>
    private let diagnostics: RegistryDiagnostics
    private let table = SeriesTable()
    /// The overflow series' label values.
    private let overflowValues: [String]
    private let state = Locked(State())

    private struct State {
        /// Every series, the overflow series included.
        var entries: [SeriesEntry] = []
        /// The series every label value of which is `overflowLabelValue`, once it exists; it is
        /// in `entries` and in the table like any other, but does not count against the limit.
        var overflow: SeriesEntry?
        var sortedForExposition: ExpositionSnapshot?

        mutating func forget(_ entry: SeriesEntry) {
            entries.removeAll { $0 === entry }
            if overflow === entry { overflow = nil }
            sortedForExposition = nil
        }
    }

    /// The label value every label of the overflow series carries.
    public static var overflowLabelValue: String { "__overflow__" }

    init(
        name: String,
        labelNames: [String],
        maxSeries: Int,
        metadata: FamilyMetadata,
        diagnostics: RegistryDiagnostics,
        rendering: SeriesRendering<Metric>,
        makeMetric: @escaping @Sendable () -> Metric
    ) {
        self.name = name
        self.labelNames = labelNames
        self.maxSeries = max(1, maxSeries)
        self.metadata = metadata
        self.diagnostics = diagnostics
        self.makeMetric = makeMetric
        self.rendering = rendering
        schema = LabelSchema(names: labelNames)
        overflowValues = Array(repeating: Self.overflowLabelValue, count: labelNames.count)
    }

    /// The series for one label value.
    public func labels(_ value: String) throws(PrometheusMetricsError) -> Metric {
        try series(OneLabelValue(first: value))
    }

    /// The series for two label values, in `labelNames` order.
    public func labels(_ first: String, _ second: String) throws(PrometheusMetricsError) -> Metric {
        try series(TwoLabelValues(first: first, second: second))
    }

    /// The series for three label values, in `labelNames` order.
    public func labels(_ first: String, _ second: String, _ third: String) throws(PrometheusMetricsError) -> Metric {
        try series(ThreeLabelValues(first: first, second: second, third: third))
    }

    /// The series for these label values, in `labelNames` order.
    public func labels(_ values: String...) throws(PrometheusMetricsError) -> Metric {
        try series(values)
    }

    /// The series for these label values, in `labelNames` order.
    public func labels(_ values: [String]) throws(PrometheusMetricsError) -> Metric {
        try series(values)
    }

    /// The series for these label values given by name; the order of the pairs never matters.
    public func labels(_ valuesByName: [String: String]) throws(PrometheusMetricsError) -> Metric {
        try series(orderedValues(valuesByName))
    }

    /// Removes the series with these label values (in `labelNames` order); false if there was
    /// none. Handles to it keep working but are no longer exposed.
    @discardableResult
    public func remove(_ values: String...) -> Bool {
        remove(values)
    }

    /// Removes the series with these label values (in `labelNames` order); false if there was
    /// none.
    @discardableResult
    public func remove(_ values: [String]) -> Bool {
        guard values.count == labelNames.count else { return false }
        return state.withLock { state in
            guard let entry = table.findEntry(values, hash: table.hasher.hash(values)) else { return false }
            table.remove(entry)
            state.forget(entry)
            return true
        }
    }

    /// Removes the series with these label values given by name (client_golang's `Delete`);
    /// false if there was none, or if the names are not exactly the family's label names.
    @discardableResult
    public func remove(_ valuesByName: [String: String]) -> Bool {
        guard let values = try? orderedValues(valuesByName) else { return false }
        return remove(values)
    }

    /// Removes every series, the overflow series included.
    public func removeAll() {
        state.withLock { state in
            table.removeAll()
            state.entries.removeAll()
            state.overflow = nil
            state.sortedForExposition = nil
        }
    }

    /// The only series of the family from now on: the one with these values, every other one
    /// removed in the same step, so that a scrape sees either the old series or the new one.
    func replacingAll(with valuesByName: [String: String]) throws(PrometheusMetricsError) -> Metric {
        let values = try orderedValues(valuesByName)
        let hash = table.hasher.hash(values)
        return state.withLock { state in
            if let metric = table.findMetric(values, hash: hash), state.entries.count == 1 {
                return unsafeDowncast(metric, to: Metric.self)
            }
            table.removeAll()
            state.entries.removeAll()
            state.overflow = nil
            return insert(makeEntry(values), into: &state).metric(as: Metric.self)
        }
    }

    /// Removes the series whose handle this is; false if it is not (or no longer) in the family.
    func removeSeries(_ handle: AnyObject) -> Bool {
        state.withLock { state in
            guard let entry = state.entries.first(where: { $0.metric === handle }) else { return false }
            table.remove(entry)
            state.forget(entry)
            return true
        }
    }

    /// The number of series, the overflow series included.
    public var seriesCount: Int {
        state.withLock { $0.entries.count }
    }

    @inline(__always)
    private func series<Key: LabelValuesKey>(_ key: Key) throws(PrometheusMetricsError) -> Metric {
        guard key.count == schema.names.count else {
            throw .labelValuesMismatch(metric: name, labelNames: labelNames, received: (0..<key.count).map(key.value(at:)))
        }
        let hash = table.hasher.hash(key)
        if let metric = table.findMetric(key, hash: hash) { return unsafeDowncast(metric, to: Metric.self) }
        return create(key, hash: hash)
    }

    private func create<Key: LabelValuesKey>(_ key: Key, hash: Int) -> Metric {
        state.withLock { state in
            if let metric = table.findMetric(key, hash: hash) { return unsafeDowncast(metric, to: Metric.self) }
            let spellsOverflow = key.matches(overflowValues)
            let limited = state.entries.count - (state.overflow == nil ? 0 : 1)
            if !spellsOverflow && limited < maxSeries {
                return insert(makeEntry((0..<key.count).map(key.value(at:))), into: &state).metric(as: Metric.self)
            }
            if !spellsOverflow { diagnostics.countOverflow(family: metadata.textName) }
            if let overflow = state.overflow { return overflow.metric(as: Metric.self) }
            let overflow = insert(makeEntry(overflowValues), into: &state)
            state.overflow = overflow
            return overflow.metric(as: Metric.self)
        }
    }

    private func insert(_ entry: SeriesEntry, into state: inout State) -> SeriesEntry {
        table.insert(entry)
        state.entries.append(entry)
        state.sortedForExposition = nil
        return entry
    }

    private func makeEntry(_ values: [String]) -> SeriesEntry {
        let labels = SeriesLabels(values: values, schema: schema, hasher: table.hasher)
        return SeriesEntry(labels: labels, metric: makeMetric(), prefixes: rendering.prefixes(labels, metadata))
    }

    private func orderedValues(_ valuesByName: [String: String]) throws(PrometheusMetricsError) -> [String] {
        var values: [String] = []
        values.reserveCapacity(labelNames.count)
        for name in labelNames {
            guard let value = valuesByName[name] else { break }
            values.append(value)
        }
        guard values.count == labelNames.count && valuesByName.count == labelNames.count else {
            throw .labelValuesMismatch(
                metric: name,
                labelNames: labelNames,
                received: valuesByName.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            )
        }
        return values
    }
}

extension MetricFamily: SeriesRemoving {}

extension MetricFamily: ExposableFamily {
    func write(to writer: inout ExpositionWriter) {
        let entries = state.withLock { state in
            if let sorted = state.sortedForExposition { return sorted }
            var all = state.entries
            let schema = self.schema
            all.sort { SeriesLabels.exposedOrder($0.labels, $1.labels, schema: schema) }
            let snapshot = ExpositionSnapshot(sorted: all)
            state.sortedForExposition = snapshot
            return snapshot
        }
        guard !entries.isEmpty else { return }
        rendering.write(entries, &writer, metadata)
    }
}
