import Testing
@testable import PrometheusMetrics

/// What each handle records, read back the way a scrape or a rule would read it.
@Suite struct MetricHandleTests {
    @Test func gaugeOperations() throws {
        let registry = PrometheusRegistry()
        let gauge = try registry.makeGauge(name: "g", help: "G.")
        gauge.set(42)
        gauge.inc()
        gauge.dec(by: 0.5)
        gauge.add(-2)
        #expect(gauge.value == 40.5)
        let before = WallClock.now()
        gauge.setToCurrentTime()
        let after = WallClock.now()
        #expect(gauge.value >= before && gauge.value <= after)
    }

    @Test func counterAmounts() throws {
        let registry = PrometheusRegistry()
        let counter = try registry.makeCounter(name: "c", help: "C.")
        counter.inc()
        counter.inc(by: 2)
        counter.inc(by: 0.5)
        counter.inc(by: -1)
        counter.inc(by: -0.5)
        counter.inc(by: Double.nan)
        #expect(counter.value == 3.5)
        #expect(registry.sampleValue("c_total") == 3.5)
        counter.reset()
        #expect(counter.value == 0)
        #expect(registry.diagnostics.rejections(family: "c_total", reason: .negativeIncrement) == 2)
        #expect(registry.diagnostics.rejections(family: "c_total", reason: .notANumber) == 1)
    }

    @Test func histogramDurationsAndTiming() async throws {
        let registry = PrometheusRegistry()
        let histogram = try registry.makeHistogram(name: "h_seconds", help: "H.", buckets: [0.5, 2])
        histogram.observe(.milliseconds(250))
        histogram.observe(.seconds(1))
        histogram.observe(.seconds(-1))
        let answer = try histogram.time { () throws -> Int in 7 }
        let asynchronous = await histogram.time { () async -> Int in 8 }
        #expect(answer == 7 && asynchronous == 8)
        #expect(registry.sampleValue("h_seconds_count") == 4)
        #expect(registry.sampleValue("h_seconds_bucket", labels: ["le": "2"]) == 4)
        #expect((registry.sampleValue("h_seconds_sum") ?? 0) >= 1.25)
        #expect(registry.diagnostics.rejections(family: "h_seconds", reason: .negativeDuration) == 1)
    }

    /// `sampleValue` reads any sample by its exposed name and exact label set.
    @Test func sampleValueReadsBackWhatAScrapeShows() throws {
        let registry = PrometheusRegistry()
        let family = try registry.makeCounterFamily(name: "requests", help: "R.", labelNames: ["path", "method"])
        try family.labels("/a\"b\\c\nd", "GET").inc(by: 3)
        try family.labels("/", "GET").inc()
        registry.register(collector: FixedCollector(families: [
            CollectedFamily(name: "node_load1", help: "Load.", type: .gauge, metrics: [CollectedMetric(value: 0.5)]),
        ]))
        #expect(registry.sampleValue("requests_total", labels: ["method": "GET", "path": "/a\"b\\c\nd"]) == 3)
        #expect(registry.sampleValue("requests_total", labels: ["path": "/", "method": "GET"]) == 1)
        #expect(registry.sampleValue("requests_total", labels: ["path": "/"]) == nil)
        #expect(registry.sampleValue("requests_total") == nil)
        #expect(registry.sampleValue("node_load1") == 0.5)
        #expect(registry.sampleValue("missing") == nil)
    }

    /// OpenMetrics allows 128 code points of exemplar label names and values together, and an
    /// exemplar's value must lie in its bucket, which NaN never does.
    @Test func exemplarLimits() throws {
        let registry = PrometheusRegistry()
        let histogram = try registry.makeHistogram(name: "h", help: "H.", buckets: [1])
        histogram.observe(0.5, exemplar: ["trace_id": String(repeating: "é", count: 120)])
        histogram.observe(.nan, exemplar: ["trace_id": "nan"])
        let counter = try registry.makeCounter(name: "c", help: "C.")
        counter.inc(by: 1, exemplar: ["trace_id": String(repeating: "x", count: 121)])
        counter.inc(by: 1, exemplar: ["bad-name": "x"])
        let exposition = String(decoding: registry.exposition(.openMetrics), as: UTF8.self)
        #expect(exposition.contains("h_bucket{le=\"1.0\"} 1 # {trace_id=\"\(String(repeating: "é", count: 120))\"} 0.5 "))
        #expect(exposition.contains("h_bucket{le=\"+Inf\"} 2\n"))
        #expect(exposition.contains("c_total 2.0\n"))
        #expect(registry.diagnostics.rejections(family: "h", reason: .invalidExemplar) == 1)
        #expect(registry.diagnostics.rejections(family: "c_total", reason: .invalidExemplar) == 2)
    }
}
