import ObservabilityTestSupport
@testable import PrometheusMetrics
import Testing

@Suite struct SummaryTests {
    @Test func quantilesStayWithinTheirRankError() {
        let targets = SummaryQuantile.standard
        var stream = TargetedQuantileStream(targets: targets)
        var generator = SplitMix64(seed: 42)
        var values = (0..<20_000).map { _ in Double(generator.next() % 1_000_000) }
        for start in stride(from: 0, to: values.count, by: 500) {
            stream.insert(sorted: values[start..<min(start + 500, values.count)].sorted())
        }
        values.sort()
        for target in targets {
            let estimate = stream.query(target.quantile)
            let low = values[Int((target.quantile - target.error) * Double(values.count))]
            let high = values[min(values.count - 1, Int((target.quantile + target.error) * Double(values.count)))]
            #expect(estimate >= low && estimate <= high, "q\(target.quantile): \(estimate) outside [\(low), \(high)]")
        }
    }

    @Test func windowForgetsOldObservations() {
        var window = SlidingQuantiles(quantiles: [SummaryQuantile(0.5, error: 0.01)], maxAge: 10, ageBuckets: 5, now: 0)
        for value in 0..<100 { window.observe(1000 + Double(value), now: 1) }
        #expect(window.estimates(now: 1)[0].value >= 1000)
        for value in 0..<100 { window.observe(Double(value), now: 9) }
        #expect(window.estimates(now: 11)[0].value < 100)
        #expect(window.estimates(now: 30)[0].value.isNaN)
    }

    @Test func emptySummaryQuantilesAreNaN() throws {
        let registry = PrometheusRegistry()
        _ = try registry.makeSummary(name: "s", help: "S.", configuration: .init(quantiles: [SummaryQuantile(0.5, error: 0.05)]))
        #expect(String(decoding: registry.exposition(), as: UTF8.self) == "# HELP s S.\n# TYPE s summary\ns{quantile=\"0.5\"} NaN\ns_sum 0\ns_count 0\n")
    }

    @Test func durationsAndTiming() throws {
        let registry = PrometheusRegistry()
        let summary = try registry.makeSummary(name: "s", help: "S.")
        summary.observe(.milliseconds(1500))
        summary.observe(.seconds(-1))
        let answer = summary.time { 42 }
        #expect(answer == 42)
        #expect(summary.snapshot.count == 2)
        #expect(summary.snapshot.sum >= 1.5)
        #expect(registry.diagnostics.rejections(family: "s", reason: .negativeDuration) == 1)
    }
}
