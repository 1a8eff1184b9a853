import Testing
@testable import PrometheusMetrics

/// Families that collectors report at scrape time: checked, merged by name, sorted, and what
/// cannot be exposed as given is dropped and counted instead of breaking the scrape.
@Suite struct CollectorTests {
    @Test func collectedFamiliesAreCheckedMergedAndSorted() throws {
        let registry = PrometheusRegistry()
        try registry.makeGauge(name: "registered", help: "R.").set(1)
        registry.register(collector: FixedCollector(families: [
            CollectedFamily(name: "zeta", help: "Z.", type: .gauge, metrics: [
                CollectedMetric(labels: [("queue", "b")], value: 2),
                CollectedMetric(labels: [("queue", "a")], value: 1),
                CollectedMetric(labels: [("queue", "a")], value: 9),
                CollectedMetric(labels: [("le", "x")], value: 3),
            ]),
            CollectedFamily(name: "registered", help: "Taken.", type: .gauge, metrics: [CollectedMetric(value: 5)]),
            CollectedFamily(name: "1bad", help: "B.", type: .gauge, metrics: [CollectedMetric(value: 1)]),
            CollectedFamily(name: "alpha_total", help: "A.", type: .counter, metrics: [
                CollectedMetric(labels: [("mode", "user"), ("cpu", "0")], value: 5),
                CollectedMetric(labels: [("__bad", "x")], value: 1),
            ]),
        ]))
        let second = registry.register(collector: FixedCollector(families: [
            CollectedFamily(name: "alpha_total", help: "A.", type: .counter, metrics: [
                CollectedMetric(labels: [("cpu", "1"), ("mode", "user")], value: 7),
            ]),
            CollectedFamily(name: "zeta", help: "Z.", type: .counter, metrics: [CollectedMetric(value: 1)]),
        ]))
        ExpositionGoldenTests.expectBytes(registry.exposition(.prometheusText), """
        # HELP alpha_total A.
        # TYPE alpha_total counter
        alpha_total{cpu="0",mode="user"} 5
        alpha_total{cpu="1",mode="user"} 7
        # HELP prometheus_metrics_rejected_total Updates, series and families the registry did not record as given, by family and reason.
        # TYPE prometheus_metrics_rejected_total counter
        prometheus_metrics_rejected_total{family="1bad",reason="invalid_family"} 1
        prometheus_metrics_rejected_total{family="alpha_total",reason="invalid_family"} 1
        prometheus_metrics_rejected_total{family="registered",reason="invalid_family"} 1
        prometheus_metrics_rejected_total{family="zeta",reason="duplicate_series"} 1
        prometheus_metrics_rejected_total{family="zeta",reason="type_mismatch"} 1
        # HELP registered R.
        # TYPE registered gauge
        registered 1
        # HELP zeta Z.
        # TYPE zeta gauge
        zeta{queue="a"} 1
        zeta{queue="b"} 2
        zeta{le="x"} 3

        """)
        #expect(registry.unregister(second))
        #expect(!registry.unregister(second))
        let afterwards = String(decoding: registry.exposition(.prometheusText), as: UTF8.self)
        #expect(!afterwards.contains("alpha_total{cpu=\"1\""))
        #expect(afterwards.contains("alpha_total{cpu=\"0\",mode=\"user\"} 5\n"))
    }

    /// OpenMetrics requires a unit to be the family name's suffix, and none on info families.
    @Test func unitIsWrittenOnlyWhereOpenMetricsAllowsIt() throws {
        let registry = PrometheusRegistry()
        registry.register(collector: FixedCollector(families: [
            CollectedFamily(name: "disk_read_seconds_total", help: "R.", type: .counter, unit: "seconds", metrics: [CollectedMetric(value: 1)]),
            CollectedFamily(name: "queue_length", help: "Q.", type: .gauge, unit: "seconds", metrics: [CollectedMetric(value: 2)]),
            CollectedFamily(name: "build_info", help: "B.", type: .info, unit: "info", metrics: [CollectedMetric(labels: [("version", "1")], value: 1)]),
        ]))
        let exposition = registry.exposition(.openMetrics)
        ExpositionGoldenTests.expectBytes(exposition, """
        # TYPE build info
        # HELP build B.
        build_info{version="1"} 1.0
        # TYPE disk_read_seconds counter
        # UNIT disk_read_seconds seconds
        # HELP disk_read_seconds R.
        disk_read_seconds_total 1.0
        # TYPE prometheus_metrics_rejected counter
        # HELP prometheus_metrics_rejected Updates, series and families the registry did not record as given, by family and reason.
        prometheus_metrics_rejected_total{family="build_info",reason="invalid_unit"} 1.0
        prometheus_metrics_rejected_total{family="queue_length",reason="invalid_unit"} 1.0
        # TYPE queue_length gauge
        # HELP queue_length Q.
        queue_length 2.0
        # EOF

        """)
        try ExpositionDump.record("collected-units", .openMetrics, exposition)
    }

    @Test func collectedHistogramsAndSummaries() throws {
        let registry = PrometheusRegistry()
        registry.register(collector: FixedCollector(families: [
            CollectedFamily(name: "rpc_seconds", help: "RPC latency.", type: .summary, metrics: [
                CollectedMetric(labels: [("service", "a")], value: .summary(quantiles: [(0.5, 0.25), (0.99, 1.5)], sum: 10, count: 20)),
            ]),
            CollectedFamily(name: "size_bytes", help: "Sizes.", type: .histogram, metrics: [
                CollectedMetric(value: .histogram(buckets: [(100, 3), (1e6, 2_000_000), (.infinity, 99)], sum: 1.5e8, count: 2_000_001)),
            ]),
        ]))
        let text = registry.exposition(.prometheusText)
        ExpositionGoldenTests.expectBytes(text, """
        # HELP rpc_seconds RPC latency.
        # TYPE rpc_seconds summary
        rpc_seconds{service="a",quantile="0.5"} 0.25
        rpc_seconds{service="a",quantile="0.99"} 1.5
        rpc_seconds_sum{service="a"} 10
        rpc_seconds_count{service="a"} 20
        # HELP size_bytes Sizes.
        # TYPE size_bytes histogram
        size_bytes_bucket{le="100"} 3
        size_bytes_bucket{le="1e+06"} 2e+06
        size_bytes_bucket{le="+Inf"} 2.000001e+06
        size_bytes_sum 1.5e+08
        size_bytes_count 2.000001e+06

        """)
        let openMetrics = registry.exposition(.openMetrics)
        ExpositionGoldenTests.expectBytes(openMetrics, """
        # TYPE rpc_seconds summary
        # HELP rpc_seconds RPC latency.
        rpc_seconds{service="a",quantile="0.5"} 0.25
        rpc_seconds{service="a",quantile="0.99"} 1.5
        rpc_seconds_sum{service="a"} 10.0
        rpc_seconds_count{service="a"} 20
        # TYPE size_bytes histogram
        # HELP size_bytes Sizes.
        size_bytes_bucket{le="100.0"} 3
        size_bytes_bucket{le="1e+06"} 2000000
        size_bytes_bucket{le="+Inf"} 2000001
        size_bytes_sum 1.5e+08
        size_bytes_count 2000001
        # EOF

        """)
        try ExpositionDump.record("collected-distributions", .prometheusText, text)
        try ExpositionDump.record("collected-distributions", .openMetrics, openMetrics)
    }

    /// Buckets and quantiles handed over in any order are sorted (client_golang's const
    /// histograms take them from a map); values no exposition could hold are dropped, counted.
    @Test func collectedValuesAreSortedOrDropped() throws {
        let registry = PrometheusRegistry()
        registry.register(collector: FixedCollector(families: [
            CollectedFamily(name: "h", help: "H.", type: .histogram, metrics: [
                CollectedMetric(labels: [("case", "unsorted")], value: .histogram(buckets: [(2, 5), (.infinity, 9), (1, 3)], sum: 9, count: 6)),
                CollectedMetric(labels: [("case", "repeated")], value: .histogram(buckets: [(1, 3), (1, 3)], sum: 1, count: 3)),
                CollectedMetric(labels: [("case", "not_cumulative")], value: .histogram(buckets: [(1, 3), (2, 2)], sum: 1, count: 3)),
                CollectedMetric(labels: [("case", "above_count")], value: .histogram(buckets: [(1, 4)], sum: 1, count: 3)),
                CollectedMetric(labels: [("case", "nan")], value: .histogram(buckets: [(.nan, 1)], sum: 1, count: 1)),
                CollectedMetric(labels: [("case", "minus_inf")], value: .histogram(buckets: [(-.infinity, 1)], sum: 1, count: 1)),
                CollectedMetric(labels: [("case", "sample")], value: 1),
            ]),
            CollectedFamily(name: "s", help: "S.", type: .summary, metrics: [
                CollectedMetric(labels: [("case", "unsorted")], value: .summary(quantiles: [(0.9, 2), (0.5, 1)], sum: 3, count: 2)),
                CollectedMetric(labels: [("case", "outside")], value: .summary(quantiles: [(1.5, 2)], sum: 3, count: 2)),
                CollectedMetric(labels: [("case", "repeated")], value: .summary(quantiles: [(0.5, 2), (0.5, 1)], sum: 3, count: 2)),
            ]),
            CollectedFamily(name: "g", help: "G.", type: .gauge, metrics: [
                CollectedMetric(labels: [("case", "histogram")], value: .histogram(buckets: [], sum: 0, count: 0)),
                CollectedMetric(labels: [("case", "sample")], value: 1),
            ]),
        ]))
        let exposition = registry.exposition(.prometheusText)
        ExpositionGoldenTests.expectBytes(exposition, """
        # HELP g G.
        # TYPE g gauge
        g{case="sample"} 1
        # HELP h H.
        # TYPE h histogram
        h_bucket{case="unsorted",le="1"} 3
        h_bucket{case="unsorted",le="2"} 5
        h_bucket{case="unsorted",le="+Inf"} 6
        h_sum{case="unsorted"} 9
        h_count{case="unsorted"} 6
        # HELP prometheus_metrics_rejected_total Updates, series and families the registry did not record as given, by family and reason.
        # TYPE prometheus_metrics_rejected_total counter
        prometheus_metrics_rejected_total{family="g",reason="invalid_family"} 1
        prometheus_metrics_rejected_total{family="h",reason="invalid_family"} 6
        prometheus_metrics_rejected_total{family="s",reason="invalid_family"} 2
        # HELP s S.
        # TYPE s summary
        s{case="unsorted",quantile="0.5"} 1
        s{case="unsorted",quantile="0.9"} 2
        s_sum{case="unsorted"} 3
        s_count{case="unsorted"} 2

        """)
        try ExpositionDump.record("collected-values", .prometheusText, exposition)
    }
}
