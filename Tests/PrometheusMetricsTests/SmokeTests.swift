import Testing
@testable import PrometheusMetrics

@Test func smoke() throws {
    let registry = PrometheusRegistry(exposesCreatedSamples: false)
    let c = try registry.makeCounterFamily(name: "http_requests_total", help: "Requests.", labelNames: ["method", "code"])
    try c.labels("GET", "200").inc()
    try c.labels("POST", "500").inc(by: 2.5)
    try c.labels(["code": "200", "method": "GET"]).inc(by: 1_000_000)
    let g = try registry.makeGauge(name: "temp", help: "T \\ \"q\"\nline")
    g.set(-0.0)
    let h = try registry.makeHistogram(name: "lat_seconds", help: "L", buckets: [1, 0.5, 0.5, .infinity])
    h.observe(0.3); h.observe(.nan); h.observe(2, exemplar: ["trace_id": "abc"])
    let s = try registry.makeSummary(name: "sz", help: "S", configuration: .init(quantiles: SummaryQuantile.standard))
    for i in 0..<1000 { s.observe(Double(i)) }
    try registry.makeInfo(name: "build", help: "B", labels: ["version": "1.0"])
    try registry.makeGaugeFunction(name: "up_fn", help: "U") { 1e-7 }
    print(String(decoding: registry.exposition(.prometheusText), as: UTF8.self))
    print(String(decoding: registry.exposition(.openMetrics), as: UTF8.self))
}
