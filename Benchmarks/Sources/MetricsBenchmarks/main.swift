// PrometheusMetrics beside swift-prometheus 2.4.1, one operation per line:
//   <operation> ours_ns=<x> swift_prometheus_ns=<y> ratio=<x/y>
// Multi-threaded operations report wall time divided by the operations of one thread, so a
// perfectly scaling handle shows the single-thread figure. Run in release:
//   cd Benchmarks && swift run -c release MetricsBenchmarks
import BenchmarkSupport
import Prometheus
import PrometheusMetrics

typealias OurRegistry = PrometheusMetrics.PrometheusRegistry
typealias TheirRegistry = Prometheus.PrometheusCollectorRegistry

func descriptor(_ name: String) -> MetricNameDescriptor {
    MetricNameDescriptor(metricName: name, unitName: "", helpText: "Benchmark metric.")
}

/// Operations to run: those whose name contains the first argument, or all.
let selection = CommandLine.arguments.dropFirst().first

func report(_ operation: String, ours: @autoclosure () -> Measurement, theirs: @autoclosure () -> Measurement) {
    if let selection, !operation.contains(selection) { return }
    let ours = ours()
    let theirs = theirs()
    let ratio = ours.nanosecondsPerOperation / theirs.nanosecondsPerOperation
    print("\(operation) ours_ns=\(formatted(ours.nanosecondsPerOperation)) swift_prometheus_ns=\(formatted(theirs.nanosecondsPerOperation)) ratio=\(formatted(ratio, decimals: 3)) ours_allocs=\(formatted(ours.allocationsPerOperation)) swift_prometheus_allocs=\(formatted(theirs.allocationsPerOperation))")
}

/// Runs `body` on two threads, `iterations` times each.
func onTwoThreads(_ iterations: Int, _ body: @escaping @Sendable () -> Void) {
    runOnThreads(2) { _ in
        for _ in 0..<iterations { body() }
    }
}

let hot = 10_000_000
let labelValues = (0..<100).map { ("GET", "/items/\($0)", $0 % 5 == 0 ? "500" : "200") }

do {
    let ours = try OurRegistry().makeCounter(name: "requests", help: "Benchmark metric.")
    let theirs = TheirRegistry().makeCounter(descriptor: descriptor("requests_total"), labels: [])
    report("counter_inc", ours: measure(iterations: hot) { n in for _ in 0..<n { ours.inc() } },
           theirs: measure(iterations: hot) { n in for _ in 0..<n { theirs.increment() } })
    report("counter_inc_2_threads", ours: measure(iterations: hot, rounds: 5) { n in onTwoThreads(n) { ours.inc() } },
           theirs: measure(iterations: hot, rounds: 5) { n in onTwoThreads(n) { theirs.increment() } })

    let ourGauge = try OurRegistry().makeGauge(name: "temperature", help: "Benchmark metric.")
    let theirGauge = TheirRegistry().makeGauge(descriptor: descriptor("temperature"))
    report("gauge_set", ours: measure(iterations: hot) { n in for i in 0..<n { ourGauge.set(Double(i)) } },
           theirs: measure(iterations: hot) { n in for i in 0..<n { theirGauge.set(Double(i)) } })

    let buckets = PrometheusMetrics.Buckets.default
    let ourHistogram = try OurRegistry().makeHistogram(name: "latency_seconds", help: "Benchmark metric.", buckets: buckets)
    let theirHistogram = TheirRegistry().makeValueHistogram(descriptor: descriptor("latency_seconds"), labels: [], buckets: buckets)
    let samples = (0..<1024).map { Double($0 % 97) / 40 }
    report("histogram_observe", ours: measure(iterations: hot) { n in for i in 0..<n { ourHistogram.observe(samples[i & 1023]) } },
           theirs: measure(iterations: hot) { n in for i in 0..<n { theirHistogram.record(samples[i & 1023]) } })
    report("histogram_observe_2_threads",
           ours: measure(iterations: hot / 2, rounds: 5) { n in onTwoThreads(n) { ourHistogram.observe(0.3) } },
           theirs: measure(iterations: hot / 2, rounds: 5) { n in onTwoThreads(n) { theirHistogram.record(0.3) } })

    let ourFamily = try OurRegistry().makeCounterFamily(name: "http_requests", help: "Benchmark metric.", labelNames: ["method", "path", "status"])
    let theirRegistry = TheirRegistry()
    let theirDescriptor = descriptor("http_requests_total")
    for (method, path, status) in labelValues {
        try ourFamily.labels(method, path, status).inc()
        theirRegistry.makeCounter(descriptor: theirDescriptor, labels: [("method", method), ("path", path), ("status", status)]).increment()
    }
    report("labelled_lookup_inc_3_labels",
           ours: measure(iterations: 2_000_000) { n in
               for i in 0..<n {
                   let (method, path, status) = labelValues[i % 100]
                   try? ourFamily.labels(method, path, status).inc()
               }
           },
           theirs: measure(iterations: 2_000_000) { n in
               for i in 0..<n {
                   let (method, path, status) = labelValues[i % 100]
                   theirRegistry.makeCounter(descriptor: theirDescriptor, labels: [("method", method), ("path", path), ("status", status)]).increment()
               }
           })

    let ourRender = OurRegistry()
    let ourSeries = try ourRender.makeCounterFamily(name: "series", help: "Benchmark metric.", labelNames: ["id", "shard"])
    let theirRender = TheirRegistry()
    for id in 0..<10_000 {
        try ourSeries.labels(String(id), String(id % 16)).inc(by: id)
        theirRender.makeCounter(descriptor: descriptor("series_total"), labels: [("id", String(id)), ("shard", String(id % 16))]).increment(by: Int64(id))
    }
    var ourBuffer: [UInt8] = []
    var theirBuffer: [UInt8] = []
    report("render_10000_counters",
           ours: measure(iterations: 50) { n in for _ in 0..<n { ourBuffer.removeAll(keepingCapacity: true); ourRender.write(.prometheusText, into: &ourBuffer) } },
           theirs: measure(iterations: 50) { n in for _ in 0..<n { theirBuffer.removeAll(keepingCapacity: true); theirRender.emit(into: &theirBuffer) } })

    let ourHistograms = OurRegistry()
    let ourHistogramFamily = try ourHistograms.makeHistogramFamily(name: "request_seconds", help: "Benchmark metric.", labelNames: ["route"], buckets: buckets)
    let theirHistograms = TheirRegistry()
    for route in 0..<1_000 {
        let ours = try ourHistogramFamily.labels("/route/\(route)")
        let theirs = theirHistograms.makeValueHistogram(descriptor: descriptor("request_seconds"), labels: [("route", "/route/\(route)")], buckets: buckets)
        for sample in samples.prefix(20) {
            ours.observe(sample + Double(route) / 1000)
            theirs.record(sample + Double(route) / 1000)
        }
    }
    report("render_1000_histograms",
           ours: measure(iterations: 50) { n in for _ in 0..<n { ourBuffer.removeAll(keepingCapacity: true); ourHistograms.write(.prometheusText, into: &ourBuffer) } },
           theirs: measure(iterations: 50) { n in for _ in 0..<n { theirBuffer.removeAll(keepingCapacity: true); theirHistograms.emit(into: &theirBuffer) } })

    let created = 10_000
    report("create_\(created)_series_one_family",
           ours: measure(iterations: 1, rounds: 3) { _ in
               let family = try? OurRegistry().makeCounterFamily(name: "created", help: "Benchmark metric.", labelNames: ["id"])
               for id in 0..<created { try? family?.labels(String(id)).inc() }
           },
           theirs: measure(iterations: 1, rounds: 3) { _ in
               let registry = TheirRegistry()
               for id in 0..<created { registry.makeCounter(descriptor: descriptor("created_total"), labels: [("id", String(id))]).increment() }
           })
} catch {
    print("benchmark setup failed: \(error)")
}
