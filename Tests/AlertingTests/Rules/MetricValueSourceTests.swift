import Alerting
import PrometheusMetrics
import Testing

@Suite struct MetricValueSourceTests {
    @Test func handlesReadTheirCurrentValue() async throws {
        let registry = PrometheusRegistry()
        let inFlight = try registry.makeGauge(name: "requests_in_flight", help: "In flight.")
        let errors = try registry.makeCounter(name: "errors_total", help: "Errors.")
        inFlight.set(12)
        errors.inc(by: 3)
        #expect(try await MetricValueSource.gauge(inFlight).currentValue() == 12)
        #expect(try await MetricValueSource.counter(errors).currentValue() == 3)
        inFlight.set(2)
        #expect(try await MetricValueSource.gauge(inFlight).currentValue() == 2)
    }

    @Test func samplesAreFoundByNameAndExactLabels() async throws {
        let registry = PrometheusRegistry()
        let requests = try registry.makeCounterFamily(name: "http_requests_total", help: "Requests.", labelNames: ["code", "path"])
        try requests.labels("500", "/a \"b\"\n").inc(by: 4)
        try requests.labels("200", "/").inc()
        let latency = try registry.makeHistogram(name: "latency_seconds", help: "Latency.", buckets: [1])
        latency.observe(0.5)
        latency.observe(2)
        let fiveHundreds = MetricValueSource.sample("http_requests_total", labels: ["code": "500", "path": "/a \"b\"\n"], in: registry)
        #expect(try await fiveHundreds.currentValue() == 4)
        #expect(try await MetricValueSource.sample("latency_seconds_count", in: registry).currentValue() == 2)
        #expect(try await MetricValueSource.sample("latency_seconds_bucket", labels: ["le": "+Inf"], in: registry).currentValue() == 2)
        #expect(try await MetricValueSource.sample("http_requests_total", labels: ["code": "500"], in: registry).currentValue() == nil)
        #expect(try await MetricValueSource.sample("missing", in: registry).currentValue() == nil)
    }
}
