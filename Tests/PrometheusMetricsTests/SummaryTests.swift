import ObservabilityTestSupport
@testable import PrometheusMetrics
import Testing

@Suite struct SummaryTests {
    @Test func quantilesStayWithinTheirRankError() {
        let targets = SummaryQuantile.standard
        var stream = TargetedQuantileStream(targets: targets)
        var generator = SplitMix64(seed: 42)
        var values = (0..<20_000).map { _ in Double(generator.next() % 1_000_000) }
        for value in values { stream.insert(value) }
        values.sort()
        for target in targets {
            let estimate = stream.query(target.quantile)
            let low = values[Int((target.quantile - target.error) * Double(values.count))]
            let high = values[min(values.count - 1, Int((target.quantile + target.error) * Double(values.count)))]
            #expect(estimate >= low && estimate <= high, "q\(target.quantile): \(estimate) outside [\(low), \(high)]")
        }
    }

    /// What client_golang 1.14 (with beorn7/perks 1.0.1) reports for the same observations and
    /// scrapes, 0.5/0.05, 0.9/0.01 and 0.99/0.001: a small window is answered exactly from the
    /// observations themselves, a large one from the compressed stream.
    @Test(arguments: [
        (values: [3.0, 1, 2], scrapeEvery: 0, expected: [2.0, 3, 3]),
        (values: (1...100).map(Double.init), scrapeEvery: 0, expected: [50, 90, 99]),
        (values: splitMix(seed: 42, count: 1_200), scrapeEvery: 0, expected: [493_667, 881_553, 989_489]),
        (values: splitMix(seed: 42, count: 20_000), scrapeEvery: 0, expected: [493_667, 901_546, 991_397]),
        (values: splitMix(seed: 42, count: 20_000), scrapeEvery: 1_234, expected: [493_667, 901_546, 992_188]),
    ] as [(values: [Double], scrapeEvery: Int, expected: [Double])])
    func quantilesMatchClientGolang(values: [Double], scrapeEvery: Int, expected: [Double]) {
        var window = SlidingQuantiles(quantiles: SummaryQuantile.standard, maxAge: 600, ageBuckets: 5, now: 0)
        for (index, value) in values.enumerated() {
            window.observe(value, now: 1)
            if scrapeEvery > 0 && (index + 1) % scrapeEvery == 0 { _ = window.estimates(now: 1) }
        }
        #expect(window.estimates(now: 1).map(\.value) == expected)
    }

    /// A bare perks stream (`quantile.NewTargeted`) fed 5,000 values: its estimates and how
    /// many tuples its compression keeps.
    @Test func streamCompressesAsPerksDoes() {
        var stream = TargetedQuantileStream(targets: SummaryQuantile.standard)
        var generator = SplitMix64(seed: 7)
        for _ in 0..<5_000 { stream.insert(Double(generator.next() % 1_000)) }
        #expect([0.5, 0.9, 0.99].map { stream.query($0) } == [452, 891, 990])
        #expect(stream.tupleCount == 41)
    }

    static func splitMix(seed: UInt64, count: Int) -> [Double] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in Double(generator.next() % 1_000_000) }
    }

    @Test func windowForgetsOldObservations() {
        var window = SlidingQuantiles(quantiles: [SummaryQuantile(0.5, error: 0.01)], maxAge: 10, ageBuckets: 5, now: 0)
        for value in 0..<100 { window.observe(1000 + Double(value), now: 1) }
        #expect(window.estimates(now: 1)[0].value >= 1000)
        for value in 0..<100 { window.observe(Double(value), now: 9) }
        #expect(window.estimates(now: 11)[0].value < 100)
        #expect(window.estimates(now: 30)[0].value.isNaN)
    }

    /// A clock that jumps far ahead (a suspended process) costs one pass over the streams, not
    /// one per elapsed interval, and the window starts afresh.
    @Test func longPauseEmptiesTheWindowAtOnce() {
        var window = SlidingQuantiles(quantiles: [SummaryQuantile(0.5, error: 0.01)], maxAge: 10, ageBuckets: 5, now: 0)
        window.observe(1, now: 0)
        #expect(window.estimates(now: 1e12)[0].value.isNaN)
        window.observe(2, now: 1e12)
        #expect(window.estimates(now: 1e12 + 1)[0].value == 2)
    }

    @Test(arguments: [Duration.zero, .seconds(-1)])
    func windowMustHaveAPositiveAge(maxAge: Duration) {
        let registry = PrometheusRegistry()
        #expect(throws: PrometheusMetricsError.invalidQuantiles(metric: "s", reason: "maxAge \(maxAge) must be positive")) {
            _ = try registry.makeSummary(name: "s", help: "S.", configuration: .init(quantiles: SummaryQuantile.standard, maxAge: maxAge))
        }
        #expect(throws: PrometheusMetricsError.invalidQuantiles(metric: "s", reason: "ageBuckets 0 must be at least 1")) {
            _ = try registry.makeSummary(name: "s", help: "S.", configuration: .init(quantiles: SummaryQuantile.standard, ageBuckets: 0))
        }
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
