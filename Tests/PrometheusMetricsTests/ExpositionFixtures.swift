@testable import PrometheusMetrics

/// Registries holding every metric type, filled with the values and names that trip
/// exposition writers up (REFERENCE §4), shared by the golden tests and the CI read-back.
enum ExpositionFixtures {
    static func hostileRegistry(exposesCreatedSamples: Bool = false) throws -> PrometheusRegistry {
        let registry = PrometheusRegistry(exposesCreatedSamples: exposesCreatedSamples)

        let requests = try registry.makeCounterFamily(
            name: "http_requests_total",
            help: "Requests by \"path\" and method.\nA back\\slash too.",
            labelNames: ["path", "method"]
        )
        try requests.labels("/a\\b\"c\nd", "GET").inc(by: 3)
        try requests.labels("nul\u{0}cr\r ls\u{2028}é", "POST").inc()
        try requests.labels(["method": "GET", "path": "/"]).inc(by: 1_000_000)
        try requests.labels("/", "GET").inc()
        try requests.labels("/", "PUT").inc(by: 0.25)
        try requests.labels("/", "PUT").inc(by: -1)
        try requests.labels("/", "PUT").inc(by: .nan)

        let edges = try registry.makeGaugeFamily(name: "edge_values", help: "Values Go spells differently from Swift.", labelNames: ["case"])
        try edges.labels("nan").set(.nan)
        try edges.labels("plus_inf").set(.infinity)
        try edges.labels("minus_inf").set(-.infinity)
        try edges.labels("negative_zero").set(-0.0)
        try edges.labels("million").set(1e6)
        try edges.labels("tiny").set(1e-5)
        try edges.labels("fraction").set(0.1)
        try edges.labels("big_integer").set(1_234_567)
        try edges.labels("").set(42)

        let latency = try registry.makeHistogram(
            name: "request_duration_seconds",
            help: "Request latency.",
            buckets: [0.5, 0.1, 0.5, 1, .infinity]
        )
        for value in [0.05, 0.1, 0.3, 0.7, 5, .nan] {
            latency.observe(value)
        }

        let payload = try registry.makeSummaryFamily(
            name: "payload_bytes",
            help: "Payload sizes.",
            labelNames: ["direction"],
            configuration: SummaryConfiguration(quantiles: [SummaryQuantile(0.5, error: 0.05), SummaryQuantile(0.9, error: 0.01)])
        )
        for value in 1...100 {
            try payload.labels("in").observe(Double(value))
        }
        try payload.labels("out").observe(1024)

        try registry.makeInfo(name: "build_info", help: "Build facts.", labels: ["version": "1.2.3", "revision": "abc"])
        try registry.makeGaugeFunction(name: "queue_depth", help: "Jobs waiting.", labels: ["queue": "default"]) { 7 }
        return registry
    }

    /// What `hostileRegistry` recorded, sample by sample, as Python must read it back.
    static let hostileSamples: [ExpositionDump.Sample] = [
        .init("build_info", ["revision": "abc", "version": "1.2.3"], 1),
        .init("edge_values", ["case": ""], 42),
        .init("edge_values", ["case": "big_integer"], 1_234_567),
        .init("edge_values", ["case": "fraction"], 0.1),
        .init("edge_values", ["case": "million"], 1e6),
        .init("edge_values", ["case": "minus_inf"], -.infinity),
        .init("edge_values", ["case": "nan"], .nan),
        .init("edge_values", ["case": "negative_zero"], 0),
        .init("edge_values", ["case": "plus_inf"], .infinity),
        .init("edge_values", ["case": "tiny"], 1e-5),
        .init("http_requests_total", ["method": "GET", "path": "/"], 1_000_001),
        .init("http_requests_total", ["method": "GET", "path": "/a\\b\"c\nd"], 3),
        .init("http_requests_total", ["method": "POST", "path": "nul\u{0}cr\r ls\u{2028}é"], 1),
        .init("http_requests_total", ["method": "PUT", "path": "/"], 0.25),
        .init("payload_bytes", ["direction": "in", "quantile": "0.5"], 50),
        .init("payload_bytes", ["direction": "in", "quantile": "0.9"], 90),
        .init("payload_bytes_sum", ["direction": "in"], 5050),
        .init("payload_bytes_count", ["direction": "in"], 100),
        .init("payload_bytes", ["direction": "out", "quantile": "0.5"], 1024),
        .init("payload_bytes", ["direction": "out", "quantile": "0.9"], 1024),
        .init("payload_bytes_sum", ["direction": "out"], 1024),
        .init("payload_bytes_count", ["direction": "out"], 1),
        .init("prometheus_metrics_rejected_total", ["family": "http_requests_total", "reason": "nan_value"], 1),
        .init("prometheus_metrics_rejected_total", ["family": "http_requests_total", "reason": "negative_increment"], 1),
        .init("queue_depth", ["queue": "default"], 7),
        .init("request_duration_seconds_bucket", ["le": "0.1"], 2),
        .init("request_duration_seconds_bucket", ["le": "0.5"], 3),
        .init("request_duration_seconds_bucket", ["le": "1"], 4),
        .init("request_duration_seconds_bucket", ["le": "+Inf"], 6),
        .init("request_duration_seconds_sum", [:], 6.15),
        .init("request_duration_seconds_count", [:], 6),
    ]
}
