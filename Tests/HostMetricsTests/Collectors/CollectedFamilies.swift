import PrometheusMetrics

/// What one run of a collector produced, for looking up families, series and values.
struct CollectedFamilies {
    /// The families in the order the collector appended them.
    let all: [CollectedFamily]

    /// Runs `collector` once.
    init(_ collector: some PrometheusCollector) {
        var families: [CollectedFamily] = []
        collector.collect(into: &families)
        all = families
    }

    /// Families produced some other way.
    init(_ families: [CollectedFamily]) {
        all = families
    }

    /// The family named `name`, nil when the collector did not append one.
    subscript(name: String) -> CollectedFamily? {
        all.first { $0.name == name }
    }

    /// The names of the families that have at least one series.
    var names: Set<String> {
        Set(all.filter { !$0.metrics.isEmpty }.map(\.name))
    }

    /// The value of the series of `name` with exactly `labels`.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        self[name]?.metrics.lazy.compactMap { metric -> Double? in
            guard Self.labels(metric) == labels, case .sample(let value) = metric.value else { return nil }
            return value
        }.first
    }

    /// Every series of `name` as its labels.
    func series(_ name: String) -> [[String: String]] {
        self[name]?.metrics.map(Self.labels) ?? []
    }

    /// `node_scrape_collector_success` per collector.
    var successes: [String: Double] {
        var successes: [String: Double] = [:]
        for labels in series("node_scrape_collector_success") {
            guard let collector = labels["collector"] else { continue }
            successes[collector] = value("node_scrape_collector_success", labels)
        }
        return successes
    }

    private static func labels(_ metric: CollectedMetric) -> [String: String] {
        Dictionary(metric.labels, uniquingKeysWith: { first, _ in first })
    }
}
