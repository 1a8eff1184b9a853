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
}
