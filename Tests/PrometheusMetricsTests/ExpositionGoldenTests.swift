import Testing
@testable import PrometheusMetrics

/// Byte-exact expositions of every type in both formats, with the values, names and label
/// values that peers get wrong. Each is also handed to promtool and Python's parsers in CI.
@Suite struct ExpositionGoldenTests {
    static let hostileText = #"""
    # HELP build_info Build facts.
    # TYPE build_info gauge
    build_info{revision="abc",version="1.2.3"} 1
    # HELP edge_values Values Go spells differently from Swift.
    # TYPE edge_values gauge
    edge_values{case=""} 42
    edge_values{case="big_integer"} 1.234567e+06
    edge_values{case="fraction"} 0.1
    edge_values{case="million"} 1e+06
    edge_values{case="minus_inf"} -Inf
    edge_values{case="nan"} NaN
    edge_values{case="negative_zero"} 0
    edge_values{case="plus_inf"} +Inf
    edge_values{case="tiny"} 1e-05
    # HELP http_requests_total Requests by "path" and method.\nA back\\slash too.
    # TYPE http_requests_total counter
    http_requests_total{method="GET",path="/"} 1.000001e+06
    http_requests_total{method="GET",path="/a\\b\"c\nd"} 3
    http_requests_total{method="POST",path="nul\#u{0}cr\#r ls\#u{2028}é"} 1
    http_requests_total{method="PUT",path="/"} 0.25
    # HELP payload_bytes Payload sizes.
    # TYPE payload_bytes summary
    payload_bytes{direction="in",quantile="0.5"} 50
    payload_bytes{direction="in",quantile="0.9"} 90
    payload_bytes_sum{direction="in"} 5050
    payload_bytes_count{direction="in"} 100
    payload_bytes{direction="out",quantile="0.5"} 1024
    payload_bytes{direction="out",quantile="0.9"} 1024
    payload_bytes_sum{direction="out"} 1024
    payload_bytes_count{direction="out"} 1
    # HELP prometheus_metrics_rejected_total Updates, series and families the registry did not record as given, by family and reason.
    # TYPE prometheus_metrics_rejected_total counter
    prometheus_metrics_rejected_total{family="http_requests_total",reason="nan_value"} 1
    prometheus_metrics_rejected_total{family="http_requests_total",reason="negative_increment"} 1
    # HELP queue_depth Jobs waiting.
    # TYPE queue_depth gauge
    queue_depth{queue="default"} 7
    # HELP request_duration_seconds Request latency.
    # TYPE request_duration_seconds histogram
    request_duration_seconds_bucket{le="0.1"} 2
    request_duration_seconds_bucket{le="0.5"} 3
    request_duration_seconds_bucket{le="1"} 4
    request_duration_seconds_bucket{le="+Inf"} 6
    request_duration_seconds_sum 6.15
    request_duration_seconds_count 6

    """#

    static let hostileOpenMetrics = #"""
    # TYPE build info
    # HELP build Build facts.
    build_info{revision="abc",version="1.2.3"} 1.0
    # TYPE edge_values gauge
    # HELP edge_values Values Go spells differently from Swift.
    edge_values{case=""} 42.0
    edge_values{case="big_integer"} 1.234567e+06
    edge_values{case="fraction"} 0.1
    edge_values{case="million"} 1e+06
    edge_values{case="minus_inf"} -Inf
    edge_values{case="nan"} NaN
    edge_values{case="negative_zero"} 0.0
    edge_values{case="plus_inf"} +Inf
    edge_values{case="tiny"} 1e-05
    # TYPE http_requests counter
    # HELP http_requests Requests by \"path\" and method.\nA back\\slash too.
    http_requests_total{method="GET",path="/"} 1.000001e+06
    http_requests_total{method="GET",path="/a\\b\"c\nd"} 3.0
    http_requests_total{method="POST",path="nul\#u{0}cr\#r ls\#u{2028}é"} 1.0
    http_requests_total{method="PUT",path="/"} 0.25
    # TYPE payload_bytes summary
    # HELP payload_bytes Payload sizes.
    payload_bytes{direction="in",quantile="0.5"} 50.0
    payload_bytes{direction="in",quantile="0.9"} 90.0
    payload_bytes_sum{direction="in"} 5050.0
    payload_bytes_count{direction="in"} 100
    payload_bytes{direction="out",quantile="0.5"} 1024.0
    payload_bytes{direction="out",quantile="0.9"} 1024.0
    payload_bytes_sum{direction="out"} 1024.0
    payload_bytes_count{direction="out"} 1
    # TYPE prometheus_metrics_rejected counter
    # HELP prometheus_metrics_rejected Updates, series and families the registry did not record as given, by family and reason.
    prometheus_metrics_rejected_total{family="http_requests_total",reason="nan_value"} 1.0
    prometheus_metrics_rejected_total{family="http_requests_total",reason="negative_increment"} 1.0
    # TYPE queue_depth gauge
    # HELP queue_depth Jobs waiting.
    queue_depth{queue="default"} 7.0
    # TYPE request_duration_seconds histogram
    # HELP request_duration_seconds Request latency.
    request_duration_seconds_bucket{le="0.1"} 2
    request_duration_seconds_bucket{le="0.5"} 3
    request_duration_seconds_bucket{le="1.0"} 4
    request_duration_seconds_bucket{le="+Inf"} 6
    request_duration_seconds_sum 6.15
    request_duration_seconds_count 6
    # EOF

    """#

    @Test func hostileTextIsByteExact() throws {
        let registry = try ExpositionFixtures.hostileRegistry()
        let exposition = registry.exposition(.prometheusText)
        Self.expectBytes(exposition, Self.hostileText)
        try ExpositionDump.record("hostile", .prometheusText, exposition)
        try ExpositionDump.recordSamples("hostile", ExpositionFixtures.hostileSamples)
    }

    @Test func hostileOpenMetricsIsByteExact() throws {
        let registry = try ExpositionFixtures.hostileRegistry()
        let exposition = registry.exposition(.openMetrics)
        Self.expectBytes(exposition, Self.hostileOpenMetrics)
        try ExpositionDump.record("hostile", .openMetrics, exposition)
    }

    @Test func twoScrapesOfOneStateAreIdentical() throws {
        let registry = try ExpositionFixtures.hostileRegistry()
        #expect(registry.exposition(.prometheusText) == registry.exposition(.prometheusText))
        #expect(registry.exposition(.openMetrics) == registry.exposition(.openMetrics))
    }

    @Test func reusedBufferIsAppendedTo() throws {
        let registry = PrometheusRegistry()
        try registry.makeGauge(name: "g", help: "G.").set(1)
        var buffer = Array("prefix\n".utf8)
        registry.write(.prometheusText, into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "prefix\n# HELP g G.\n# TYPE g gauge\ng 1\n")
    }

    @Test func emptyRegistry() {
        let registry = PrometheusRegistry()
        #expect(registry.exposition(.prometheusText).isEmpty)
        #expect(String(decoding: registry.exposition(.openMetrics), as: UTF8.self) == "# EOF\n")
    }

    @Test func metricsWithoutLabelsAreExposedAtZeroFromCreation() throws {
        let registry = PrometheusRegistry()
        _ = try registry.makeCounter(name: "jobs", help: "Jobs run.")
        _ = try registry.makeGauge(name: "queue", help: "Queue length.")
        _ = try registry.makeHistogram(name: "wait_seconds", help: "Waits.", buckets: [1])
        _ = try registry.makeSummary(name: "size_bytes", help: "Sizes.")
        let expected = """
        # HELP jobs_total Jobs run.
        # TYPE jobs_total counter
        jobs_total 0
        # HELP queue Queue length.
        # TYPE queue gauge
        queue 0
        # HELP size_bytes Sizes.
        # TYPE size_bytes summary
        size_bytes_sum 0
        size_bytes_count 0
        # HELP wait_seconds Waits.
        # TYPE wait_seconds histogram
        wait_seconds_bucket{le="1"} 0
        wait_seconds_bucket{le="+Inf"} 0
        wait_seconds_sum 0
        wait_seconds_count 0

        """
        let exposition = registry.exposition(.prometheusText)
        #expect(String(decoding: exposition, as: UTF8.self) == expected)
        try ExpositionDump.record("zero", .prometheusText, exposition)
        try ExpositionDump.record("zero", .openMetrics, registry.exposition(.openMetrics))
    }

    @Test func unitsAndCreatedSamplesInOpenMetrics() throws {
        let registry = PrometheusRegistry(exposesCreatedSamples: true)
        let sent = try registry.makeCounter(name: "sent_bytes_total", help: "Bytes sent.", unit: "bytes")
        sent.inc(by: 10)
        let text = String(decoding: registry.exposition(.openMetrics), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines[0] == "# TYPE sent_bytes counter")
        #expect(lines[1] == "# UNIT sent_bytes bytes")
        #expect(lines[2] == "# HELP sent_bytes Bytes sent.")
        #expect(lines[3] == "sent_bytes_total 10.0")
        #expect(lines[4].hasPrefix("sent_bytes_created "))
        let created = Double(lines[4].split(separator: " ")[1]) ?? 0
        #expect(abs(created - sent.created) < 1e-3)
        #expect(lines[5] == "# EOF")
        #expect(!String(decoding: registry.exposition(.prometheusText), as: UTF8.self).contains("created"))
        try ExpositionDump.record("created", .openMetrics, Array(text.utf8))
    }

    /// OpenMetrics forbids a sum on a histogram with a negative bucket threshold (it would no
    /// longer be a counter), and a count without a sum: both are left out there, and kept in
    /// 0.0.4 text, which has no such rule (client_golang writes them in both).
    @Test func negativeBucketsHaveNoSumInOpenMetrics() throws {
        let registry = PrometheusRegistry()
        let drift = try registry.makeHistogram(name: "clock_drift_seconds", help: "Drift.", buckets: [-1, 0, 1])
        drift.observe(-2)
        drift.observe(0.5)
        registry.register(collector: FixedCollector(families: [
            CollectedFamily(name: "offset_seconds", help: "Offset.", type: .histogram, metrics: [
                CollectedMetric(value: .histogram(buckets: [(-0.5, 1), (0.5, 3)], sum: -0.25, count: 4)),
            ]),
        ]))
        let text = registry.exposition(.prometheusText)
        Self.expectBytes(text, """
        # HELP clock_drift_seconds Drift.
        # TYPE clock_drift_seconds histogram
        clock_drift_seconds_bucket{le="-1"} 1
        clock_drift_seconds_bucket{le="0"} 1
        clock_drift_seconds_bucket{le="1"} 2
        clock_drift_seconds_bucket{le="+Inf"} 2
        clock_drift_seconds_sum -1.5
        clock_drift_seconds_count 2
        # HELP offset_seconds Offset.
        # TYPE offset_seconds histogram
        offset_seconds_bucket{le="-0.5"} 1
        offset_seconds_bucket{le="0.5"} 3
        offset_seconds_bucket{le="+Inf"} 4
        offset_seconds_sum -0.25
        offset_seconds_count 4

        """)
        let openMetrics = registry.exposition(.openMetrics)
        Self.expectBytes(openMetrics, """
        # TYPE clock_drift_seconds histogram
        # HELP clock_drift_seconds Drift.
        clock_drift_seconds_bucket{le="-1.0"} 1
        clock_drift_seconds_bucket{le="0.0"} 1
        clock_drift_seconds_bucket{le="1.0"} 2
        clock_drift_seconds_bucket{le="+Inf"} 2
        # TYPE offset_seconds histogram
        # HELP offset_seconds Offset.
        offset_seconds_bucket{le="-0.5"} 1
        offset_seconds_bucket{le="0.5"} 3
        offset_seconds_bucket{le="+Inf"} 4
        # EOF

        """)
        try ExpositionDump.record("negative-buckets", .prometheusText, text)
        try ExpositionDump.record("negative-buckets-openmetrics", .openMetrics, openMetrics)
    }

    @Test func exemplarsOnCountersAndBuckets() throws {
        let registry = PrometheusRegistry()
        let requests = try registry.makeCounter(name: "requests_total", help: "Requests.")
        requests.inc(by: 2, exemplar: ["request_id": "4bf92f3577b34da6"])
        let latency = try registry.makeHistogram(name: "latency_seconds", help: "Latency.", buckets: [0.1, 1])
        latency.observe(0.05, exemplar: ["trace_id": "abc"])
        latency.observe(0.5)
        latency.observe(0.7, exemplar: ["trace_id": "def"])
        let tooLong = String(repeating: "x", count: 121)
        latency.observe(0.01, exemplar: ["trace_id": tooLong])
        let exposition = registry.exposition(.openMetrics)
        let text = Self.maskingExemplarTimestamps(String(decoding: exposition, as: UTF8.self))
        #expect(text == """
        # TYPE latency_seconds histogram
        # HELP latency_seconds Latency.
        latency_seconds_bucket{le="0.1"} 2 # {trace_id="abc"} 0.05 TS
        latency_seconds_bucket{le="1.0"} 4 # {trace_id="def"} 0.7 TS
        latency_seconds_bucket{le="+Inf"} 4
        latency_seconds_sum 1.26
        latency_seconds_count 4
        # TYPE prometheus_metrics_rejected counter
        # HELP prometheus_metrics_rejected Updates, series and families the registry did not record as given, by family and reason.
        prometheus_metrics_rejected_total{family="latency_seconds",reason="invalid_exemplar"} 1.0
        # TYPE requests counter
        # HELP requests Requests.
        requests_total 2.0 # {request_id="4bf92f3577b34da6"} 2.0 TS
        # EOF

        """)
        #expect(!String(decoding: registry.exposition(.prometheusText), as: UTF8.self).contains("#  {"))
        try ExpositionDump.record("exemplars", .openMetrics, exposition)
    }

    /// The exposition is exactly `expected`, byte for byte; a difference is shown as text.
    static func expectBytes(_ exposition: [UInt8], _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = String(decoding: exposition, as: UTF8.self)
        #expect(text == expected, sourceLocation: sourceLocation)
        if text == expected { #expect(exposition == Array(expected.utf8), sourceLocation: sourceLocation) }
    }

    /// Exemplar timestamps are the wall clock at observation; the rest of the line is exact.
    static func maskingExemplarTimestamps(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.contains(" # {"), let last = line.lastIndex(of: " ") else { return String(line) }
            return line[..<last] + " TS"
        }.joined(separator: "\n")
    }
}
