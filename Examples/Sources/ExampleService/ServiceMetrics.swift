import PrometheusMetrics

/// The service's own metrics, created once at start-up and kept: handlers and middleware hold
/// these families and look up their labelled series per request (a lock-free read).
struct ServiceMetrics: Sendable {
    /// `http_requests_total{method,endpoint,status}`: every response, by route template.
    let requests: MetricFamily<Counter>
    /// `http_request_duration_seconds{method,endpoint}`: handling time, with the request ID as
    /// the exemplar of each bucket.
    let requestDuration: MetricFamily<Histogram>
    /// `http_requests_in_flight`: requests being handled now.
    let requestsInFlight: Gauge
    /// `cache_hits_total{cache}`: lookups answered from a cache.
    let cacheHits: MetricFamily<Counter>
    /// `cache_misses_total{cache}`: lookups that went to the database.
    let cacheMisses: MetricFamily<Counter>
    /// `db_query_duration_seconds{operation}`: time spent in the (simulated) database.
    let dbQueryDuration: MetricFamily<Histogram>

    /// Registers the families in `registry`; throws if one of the names is taken by another
    /// definition.
    init(registry: PrometheusRegistry) throws(PrometheusMetricsError) {
        requests = try registry.makeCounterFamily(
            name: "http_requests_total", help: "HTTP requests answered, by method, route template and status code.",
            labelNames: ["method", "endpoint", "status"])
        requestDuration = try registry.makeHistogramFamily(
            name: "http_request_duration_seconds", help: "Time from a request's arrival to its response, by method and route template.",
            labelNames: ["method", "endpoint"], unit: "seconds")
        requestsInFlight = try registry.makeGauge(
            name: "http_requests_in_flight", help: "HTTP requests being handled.")
        cacheHits = try registry.makeCounterFamily(
            name: "cache_hits_total", help: "Cache lookups that found the entry.", labelNames: ["cache"])
        cacheMisses = try registry.makeCounterFamily(
            name: "cache_misses_total", help: "Cache lookups that did not find the entry.", labelNames: ["cache"])
        dbQueryDuration = try registry.makeHistogramFamily(
            name: "db_query_duration_seconds", help: "Database query time, by operation.",
            labelNames: ["operation"], buckets: Buckets.exponential(start: 0.0005, factor: 2, count: 12), unit: "seconds")
    }
}
