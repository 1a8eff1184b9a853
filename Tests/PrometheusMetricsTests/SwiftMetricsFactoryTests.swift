import CoreMetrics
import Testing
@testable import PrometheusMetrics

/// What Vapor, Hummingbird and OpenTelemetry-style instrumentation send through swift-metrics
/// (REFERENCE §3): none of it may crash, and what Prometheus cannot take is counted.
@Suite struct SwiftMetricsFactoryTests {
    let registry = PrometheusRegistry()
    var factory: PrometheusMetricsFactory { PrometheusMetricsFactory(registry: registry) }

    @Test func namesAndDimensionsAreSanitisedAndOrdered() {
        let counter = CoreMetrics.Counter(
            label: "http.server.requests",
            dimensions: [("http.response.status_code", "200"), ("http.request.method", "GET")],
            factory: factory
        )
        counter.increment()
        CoreMetrics.Counter(
            label: "http.server.requests",
            dimensions: [("http.request.method", "GET"), ("http.response.status_code", "200")],
            factory: factory
        ).increment(by: 2)
        #expect(text() == """
        # HELP http_server_requests_total http_server_requests (from swift-metrics)
        # TYPE http_server_requests_total counter
        http_server_requests_total{http_request_method="GET",http_response_status_code="200"} 3

        """)
    }

    @Test func vaporStyleCounterPerRequestReusesTheSeries() {
        for status in ["200", "200", "404"] {
            CoreMetrics.Counter(label: "http_requests_total", dimensions: [("method", "GET"), ("path", "/hello"), ("status", status)], factory: factory).increment()
            CoreMetrics.Timer(label: "http_request_duration_seconds", dimensions: [("method", "GET"), ("path", "/hello"), ("status", status)], factory: factory)
                .recordNanoseconds(2_500_000)
        }
        let exposition = text()
        #expect(exposition.contains("http_requests_total{method=\"GET\",path=\"/hello\",status=\"200\"} 2\n"))
        #expect(exposition.contains("http_request_duration_seconds_bucket{method=\"GET\",path=\"/hello\",status=\"200\",le=\"0.005\"} 2\n"))
        #expect(exposition.contains("http_request_duration_seconds_sum{method=\"GET\",path=\"/hello\",status=\"404\"} 0.0025\n"))
    }

    @Test func misuseCorpusNeverCrashesAndIsCounted() throws {
        let factory = self.factory
        // Negative and NaN increments.
        CoreMetrics.Counter(label: "jobs", factory: factory).increment(by: -5)
        let floating = CoreMetrics.FloatingPointCounter(label: "bytes", factory: factory)
        floating.increment(by: -1.5)
        floating.increment(by: Double.nan)
        floating.increment(by: 2.5)
        // Negative durations, sub-second and not.
        let timer = CoreMetrics.Timer(label: "op.duration", factory: factory)
        timer.recordNanoseconds(-1_000)
        timer.recordNanoseconds(-2_000_000_000)
        timer.recordMilliseconds(3)
        // Different dimension sets under one name (success and failure paths).
        CoreMetrics.Counter(label: "hb_requests", dimensions: [("hb.uri", "/"), ("hb.method", "GET")], factory: factory).increment()
        CoreMetrics.Counter(label: "hb_requests", dimensions: [("hb.uri", "/"), ("hb.method", "GET"), ("error", "timeout")], factory: factory).increment()
        // A counter and a gauge under one name; a recorder both aggregating and not.
        CoreMetrics.Counter(label: "temperature", factory: factory).increment()
        CoreMetrics.Meter(label: "temperature", factory: factory).set(21.5)
        CoreMetrics.Recorder(label: "sizes", factory: factory).record(10)
        CoreMetrics.Recorder(label: "sizes", aggregate: false, factory: factory).record(20)
        // Names that collide after sanitising are one metric.
        CoreMetrics.Counter(label: "http.hits", factory: factory).increment()
        CoreMetrics.Counter(label: "http_hits", factory: factory).increment()
        // Names and dimensions Prometheus cannot take as they are.
        CoreMetrics.Counter(label: "", factory: factory).increment()
        CoreMetrics.Counter(label: "9lives", factory: factory).increment()
        CoreMetrics.Counter(label: "größe", factory: factory).increment()
        CoreMetrics.Counter(label: "__internal", factory: factory).increment()
        CoreMetrics.Timer(label: "t", dimensions: [("le", "x"), ("a", "1"), ("a", "2"), ("", "y"), ("__name__", "z"), ("ok", "v\"\n")], factory: factory)
            .recordSeconds(1)
        CoreMetrics.Meter(label: "meter", factory: factory).decrement(by: 3)
        CoreMetrics.Gauge(label: "gauge", factory: factory).record(Double.infinity)

        let diagnostics = registry.diagnostics
        #expect(diagnostics.rejections(family: "jobs_total", reason: .negativeIncrement) == 1)
        #expect(diagnostics.rejections(family: "bytes_total", reason: .negativeIncrement) == 1)
        #expect(diagnostics.rejections(family: "bytes_total", reason: .notANumber) == 1)
        #expect(diagnostics.rejections(family: "op_duration", reason: .negativeDuration) == 2)
        #expect(diagnostics.rejections(family: "hb_requests", reason: .labelMismatch) == 1)
        #expect(diagnostics.rejections(family: "temperature", reason: .typeMismatch) == 1)
        #expect(diagnostics.rejections(family: "sizes", reason: .typeMismatch) == 1)
        #expect(diagnostics.rejections(family: "", reason: .invalidFamily) == 1)
        #expect(diagnostics.rejections(family: "t", reason: .invalidDimension) == 3)

        let exposition = text()
        for expected in [
            "bytes_total 2.5\n",
            "op_duration_bucket{le=\"0.005\"} 3\n",
            "op_duration_sum 0.003\n",
            "hb_requests_total{hb_method=\"GET\",hb_uri=\"/\"} 1\n",
            "temperature_total 1\n",
            "http_hits_total 2\n",
            "_9lives_total 1\n",
            "gr__e_total 1\n",
            "_internal_total 1\n",
            "t_bucket{_name__=\"z\",a=\"1\",ok=\"v\\\"\\n\",le=\"1\"} 1\n",
            "meter -3\n",
            "gauge +Inf\n",
        ] {
            #expect(exposition.contains(expected), "missing \(expected)")
        }
        try ExpositionDump.record("swift-metrics-misuse", .prometheusText, registry.exposition(.prometheusText))
        try ExpositionDump.record("swift-metrics-misuse", .openMetrics, registry.exposition(.openMetrics))
    }

    @Test func helpTextsAndBucketsPerMetric() {
        let factory = PrometheusMetricsFactory(registry: registry, configuration: .init(
            helpTexts: ["db.query.duration": "Database query latency."],
            buckets: ["db_query_duration": [0.001, 0.01]]
        ))
        CoreMetrics.Timer(label: "db.query.duration", factory: factory).recordMilliseconds(5)
        #expect(text() == """
        # HELP db_query_duration Database query latency.
        # TYPE db_query_duration histogram
        db_query_duration_bucket{le="0.001"} 0
        db_query_duration_bucket{le="0.01"} 1
        db_query_duration_bucket{le="+Inf"} 1
        db_query_duration_sum 0.005
        db_query_duration_count 1

        """)
    }

    @Test func destroyRemovesTheSeries() {
        let counter = CoreMetrics.Counter(label: "c", dimensions: [("k", "v")], factory: factory)
        counter.increment()
        let meter = CoreMetrics.Meter(label: "m", factory: factory)
        meter.set(1)
        counter.destroy()
        meter.destroy()
        #expect(text().isEmpty)
    }

    @Test func resetSetsCountersBackToZero() {
        let counter = CoreMetrics.Counter(label: "c", factory: factory)
        counter.increment(by: 5)
        counter.reset()
        #expect(text().hasSuffix("c_total 0\n"))
    }

    private func text() -> String {
        String(decoding: registry.exposition(.prometheusText), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("prometheus_metrics_") }
            .joined(separator: "\n")
    }
}
