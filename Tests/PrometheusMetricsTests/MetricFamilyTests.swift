import Testing
@testable import PrometheusMetrics

@Suite struct MetricFamilyTests {
    @Test func labelOrderNeverCreatesASecondSeries() throws {
        let registry = PrometheusRegistry()
        let family = try registry.makeCounterFamily(name: "r", help: "R.", labelNames: ["method", "path", "status"])
        let positional = try family.labels("GET", "/items", "200")
        let byName = try family.labels(["status": "200", "path": "/items", "method": "GET"])
        let array = try family.labels(["GET", "/items", "200"])
        #expect(positional === byName && byName === array)
        #expect(family.seriesCount == 1)
    }

    @Test func everyArityFindsTheSameSeries() throws {
        let registry = PrometheusRegistry()
        let one = try registry.makeGaugeFamily(name: "one", help: "O.", labelNames: ["a"])
        #expect(try one.labels("x") === one.labels(["x"]))
        let two = try registry.makeGaugeFamily(name: "two", help: "T.", labelNames: ["a", "b"])
        #expect(try two.labels("x", "y") === two.labels(["x", "y"]))
        let four = try registry.makeGaugeFamily(name: "four", help: "F.", labelNames: ["a", "b", "c", "d"])
        #expect(try four.labels("w", "x", "y", "z") === four.labels(["a": "w", "b": "x", "c": "y", "d": "z"]))
    }

    @Test func valuesAreComparedAsBytes() throws {
        let registry = PrometheusRegistry()
        let family = try registry.makeCounterFamily(name: "r", help: "R.", labelNames: ["name"])
        let composed = try family.labels("\u{E9}")
        let decomposed = try family.labels("e\u{301}")
        #expect(composed !== decomposed)
        #expect(family.seriesCount == 2)
    }

    @Test func wrongLabelValuesThrow() throws {
        let registry = PrometheusRegistry()
        let family = try registry.makeCounterFamily(name: "r", help: "R.", labelNames: ["a", "b"])
        #expect(throws: PrometheusMetricsError.labelValuesMismatch(metric: "r_total", labelNames: ["a", "b"], received: ["x"])) {
            _ = try family.labels("x")
        }
        #expect(throws: PrometheusMetricsError.self) { _ = try family.labels(["a": "x"]) }
        #expect(throws: PrometheusMetricsError.self) { _ = try family.labels(["a": "x", "c": "y"]) }
        #expect(throws: PrometheusMetricsError.self) { _ = try family.labels(["a": "x", "b": "y", "c": "z"]) }
        #expect(family.seriesCount == 0)
    }

    @Test func removeAndRemoveAll() throws {
        let registry = PrometheusRegistry()
        let family = try registry.makeGaugeFamily(name: "g", help: "G.", labelNames: ["pod"])
        let first = try family.labels("a")
        first.set(1)
        try family.labels("b").set(2)
        #expect(family.remove("a"))
        #expect(!family.remove("a"))
        #expect(!family.remove("a", "extra"))
        #expect(String(decoding: registry.exposition(), as: UTF8.self) == "# HELP g G.\n# TYPE g gauge\ng{pod=\"b\"} 2\n")
        first.set(5)
        let recreated = try family.labels("a")
        #expect(recreated !== first && recreated.value == 0)
        try family.labels("d").set(4)
        #expect(!family.remove(["pod": "x"]))
        #expect(!family.remove(["node": "d"]))
        #expect(!family.remove(["pod": "d", "node": "n1"]))
        #expect(family.remove(["pod": "d"]))
        #expect(!family.remove(["pod": "d"]))
        family.removeAll()
        #expect(family.seriesCount == 0)
        #expect(registry.exposition().isEmpty)
        try family.labels("c").set(3)
        #expect(String(decoding: registry.exposition(), as: UTF8.self) == "# HELP g G.\n# TYPE g gauge\ng{pod=\"c\"} 3\n")
    }

    @Test func seriesLimitFoldsNewLabelSetsIntoTheOverflowSeries() throws {
        let registry = PrometheusRegistry()
        let family = try registry.makeCounterFamily(name: "hits", help: "H.", labelNames: ["user", "page"], maxSeries: 3)
        for user in 0..<10 {
            try family.labels("user\(user)", "home").inc()
        }
        try family.labels("user0", "home").inc()
        #expect(family.seriesCount == 4)
        #expect(registry.diagnostics.overflows(family: "hits_total") == 7)
        #expect(String(decoding: registry.exposition(), as: UTF8.self) == """
        # HELP hits_total H.
        # TYPE hits_total counter
        hits_total{page="__overflow__",user="__overflow__"} 7
        hits_total{page="home",user="user0"} 2
        hits_total{page="home",user="user1"} 1
        hits_total{page="home",user="user2"} 1
        # HELP prometheus_metrics_series_overflow_total New label sets folded into the overflow series because their family reached its series limit.
        # TYPE prometheus_metrics_series_overflow_total counter
        prometheus_metrics_series_overflow_total{family="hits_total"} 7

        """)
    }

    /// Label values from user input may spell the overflow value itself: that label set is the
    /// overflow series, never a second series with the same labels (which would make the whole
    /// exposition invalid), and it does not count against the limit.
    @Test func overflowLabelValuesAreTheOverflowSeries() throws {
        let registry = PrometheusRegistry()
        let family = try registry.makeCounterFamily(name: "hits", help: "H.", labelNames: ["path"], maxSeries: 2)
        let spelled = try family.labels(MetricFamily<Counter>.overflowLabelValue)
        spelled.inc()
        try family.labels("/a").inc()
        try family.labels("/b").inc()
        try family.labels("/c").inc()
        #expect(try family.labels("/d") === spelled)
        #expect(family.seriesCount == 3)
        #expect(String(decoding: registry.exposition(), as: UTF8.self) == """
        # HELP hits_total H.
        # TYPE hits_total counter
        hits_total{path="/a"} 1
        hits_total{path="/b"} 1
        hits_total{path="__overflow__"} 2
        # HELP prometheus_metrics_series_overflow_total New label sets folded into the overflow series because their family reached its series limit.
        # TYPE prometheus_metrics_series_overflow_total counter
        prometheus_metrics_series_overflow_total{family="hits_total"} 2

        """)
        #expect(family.remove(MetricFamily<Counter>.overflowLabelValue))
        #expect(family.seriesCount == 2)
        let fresh = try family.labels("/e")
        #expect(fresh !== spelled)
        #expect(try family.labels(MetricFamily<Counter>.overflowLabelValue) === fresh)
        #expect(family.seriesCount == 3)
    }

    @Test func registryDefaultSeriesLimitApplies() throws {
        let registry = PrometheusRegistry(defaultMaxSeries: 2)
        let family = try registry.makeGaugeFamily(name: "g", help: "G.", labelNames: ["k"])
        #expect(family.maxSeries == 2)
        for key in ["a", "b", "c", "d"] { try family.labels(key).set(1) }
        #expect(family.seriesCount == 3)
    }

    /// swift-prometheus 2.4.1 took 18.8 s for this (REFERENCE §4). Not timed here (benchmarks
    /// are not tests); the benchmark reports it. This checks the result is whole and sorted.
    @Test func fortyThousandSeriesInOneFamily() throws {
        let registry = PrometheusRegistry(defaultMaxSeries: 100_000)
        let family = try registry.makeCounterFamily(name: "series", help: "S.", labelNames: ["id"])
        for id in 0..<40_000 {
            try family.labels(String(id)).inc()
        }
        for id in stride(from: 0, to: 40_000, by: 7) {
            try family.labels(String(id)).inc()
        }
        #expect(family.seriesCount == 40_000)
        let lines = String(decoding: registry.exposition(), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 40_002)
        let ids = lines.dropFirst(2).map { $0.split(separator: "\"")[1] }
        #expect(ids == ids.sorted { UTF8Bytes.compare(String($0), String($1)) < 0 })
        #expect(lines.contains("series_total{id=\"7\"} 2"))
        #expect(lines.contains("series_total{id=\"8\"} 1"))
    }
}
