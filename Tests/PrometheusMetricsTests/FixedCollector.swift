@testable import PrometheusMetrics

/// A collector that reports the same families on every scrape.
struct FixedCollector: PrometheusCollector {
    let families: [CollectedFamily]

    func collect(into families: inout [CollectedFamily]) {
        families += self.families
    }
}
