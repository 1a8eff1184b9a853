import Foundation
import MetricsServer
import PrometheusMetrics
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite struct ScrapeRendererTests {
    /// What Prometheus 3 sends (REFERENCE.md §2).
    static let prometheus3Accept =
        "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.3,text/plain;version=0.0.4;q=0.2,*/*;q=0.1"

    @Test(arguments: [
        (nil, ExpositionFormat.prometheusText),
        (prometheus3Accept, .openMetrics),
        ("application/openmetrics-text; version=1.0.0; charset=utf-8", .openMetrics),
        ("text/plain;version=0.0.4;q=0.9,application/openmetrics-text;version=1.0.0;q=0.5", .prometheusText),
        ("text/plain", .prometheusText),
        ("application/json", .prometheusText),
        ("*/*", .prometheusText),
    ] as [(String?, ExpositionFormat)])
    func theFormatFollowsAccept(accept: String?, format: ExpositionFormat) async throws {
        let registry = try makeRegistry()
        let response = try await withRunning(makeServer(registry: registry)) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                try await connection.exchange("/metrics", headers: accept.map { ["Accept: \($0)"] } ?? [])
            }
        }
        #expect(response.status == 200)
        #expect(response.header("content-type") == format.contentType)
        #expect(response.body == registry.exposition(format))
    }

    @Test func openMetricsEndsWithEOF() async throws {
        let response = try await withRunning(makeServer(registry: try makeRegistry())) { port in
            try await RawHTTPConnection.with(port: port) { try await $0.exchange("/metrics", headers: ["Accept: \(Self.prometheus3Accept)"]) }
        }
        #expect(response.text.hasSuffix("# EOF\n"))
    }

    @Test func gzipIsServedWhenAcceptedAndGunzipsToTheExposition() async throws {
        // About 100 KB, the size of a node_exporter scrape.
        let registry = try makeRegistry(series: 1_500)
        let expected = registry.exposition(.openMetrics)
        #expect(expected.count > 90_000)
        let response = try await withRunning(makeServer(registry: registry)) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                try await connection.exchange("/metrics", headers: ["Accept: \(Self.prometheus3Accept)", "Accept-Encoding: gzip"])
            }
        }
        #expect(response.header("content-encoding") == "gzip")
        #expect(response.header("content-type") == ExpositionFormat.openMetrics.contentType)
        #expect(response.body.count < expected.count / 4)
        #expect(try Gunzip.decompress(response.body) == expected)
    }

    @Test func everyScrapeOfAReusedWorkspaceGunzipsWhole() async throws {
        let registry = try makeRegistry(series: 300)
        let counter = try registry.makeCounter(name: "scrapes_seen", help: "Scrapes.")
        let bodies = try await withRunning(makeServer(registry: registry)) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                var bodies: [[UInt8]] = []
                for _ in 0..<5 {
                    counter.inc()
                    bodies.append(try await connection.exchange("/metrics", headers: ["Accept-Encoding: gzip"]).body)
                }
                return bodies
            }
        }
        let texts = try bodies.map { String(decoding: try Gunzip.decompress($0), as: UTF8.self) }
        #expect(texts.enumerated().allSatisfy { index, text in text.contains("scrapes_seen_total \(index + 1)\n") })
    }

    @Test(arguments: ["gzip;q=0", "identity", "br, deflate", "*;q=0"])
    func gzipIsNotServedWhenRefused(acceptEncoding: String) async throws {
        let registry = try makeRegistry()
        let response = try await withRunning(makeServer(registry: registry)) { port in
            try await RawHTTPConnection.with(port: port) { try await $0.exchange("/metrics", headers: ["Accept-Encoding: \(acceptEncoding)"]) }
        }
        #expect(response.header("content-encoding") == nil)
        #expect(response.body == registry.exposition(.prometheusText))
    }

    @Test func gzipIsNotServedWhenDisabled() async throws {
        let registry = try makeRegistry()
        let server = makeServer(registry: registry) { $0.compression = .disabled }
        let response = try await withRunning(server) { port in
            try await RawHTTPConnection.with(port: port) { try await $0.exchange("/metrics", headers: ["Accept-Encoding: gzip"]) }
        }
        #expect(response.header("content-encoding") == nil)
        #expect(response.body == registry.exposition(.prometheusText))
    }

    @Test func urlSessionReadsTheGzippedExposition() async throws {
        let registry = try makeRegistry(series: 500)
        let (data, response) = try await withRunning(makeServer(registry: registry)) { port in
            var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)/metrics")))
            request.setValue("gzip", forHTTPHeaderField: "Accept-Encoding")
            return try await URLSession.shared.data(for: request)
        }
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 200)
        #expect(http.value(forHTTPHeaderField: "Content-Type") == ExpositionFormat.prometheusText.contentType)
        #expect(Array(data) == registry.exposition(.prometheusText))
    }

    @Test func theSourceGetsTheDecodedQueryAndChoosesTheRegistry() async throws {
        let source = CollectorFilterSource()
        let server = MetricsServer(configuration: .init(host: "127.0.0.1", port: 0), source: source)
        let (filtered, all, unknown) = try await withRunning(server) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                (
                    try await connection.exchange("/metrics?collect[]=cpu&collect%5B%5D=meminfo"),
                    try await connection.exchange("/metrics"),
                    try await connection.exchange("/metrics?collect[]=nope")
                )
            }
        }
        #expect(filtered.status == 200)
        #expect(filtered.text.contains("node_cpu_seconds_total"))
        #expect(filtered.text.contains("node_memory_MemTotal_bytes"))
        #expect(!filtered.text.contains("node_load1"))
        #expect(all.text.contains("node_load1"))
        #expect(unknown.status == 400)
        #expect(unknown.text == "missing collector: nope\n")
    }

    @Test func aFailingSourceIs500AndCountedAsAGatheringError() async throws {
        let server = MetricsServer(configuration: .init(host: "127.0.0.1", port: 0), source: FailingSource())
        let response = try await withRunning(server) { port in
            try await RawHTTPConnection.with(port: port) { try await $0.exchange("/metrics") }
        }
        #expect(response.status == 500)
        let registry = PrometheusRegistry()
        registry.register(collector: server.instrumentation)
        let text = String(decoding: registry.exposition(), as: UTF8.self)
        #expect(text.contains("promhttp_metric_handler_errors_total{cause=\"gathering\"} 1\n"))
        #expect(text.contains("promhttp_metric_handler_requests_total{code=\"500\"} 1\n"))
    }
}

/// node_exporter's `collect[]` filter, in miniature: a registry per request with the
/// selected collectors' families.
private struct CollectorFilterSource: MetricsSource {
    static let metricsByCollector = ["cpu": "node_cpu_seconds_total", "meminfo": "node_memory_MemTotal_bytes", "loadavg": "node_load1"]

    func registry(for request: ScrapeRequest) throws -> PrometheusRegistry {
        let names = request.values(of: "collect[]")
        let registry = PrometheusRegistry()
        for name in names.isEmpty ? Self.metricsByCollector.keys.sorted() : names {
            guard let metric = Self.metricsByCollector[name] else {
                throw MetricsServerError.badScrapeRequest(reason: "missing collector: \(name)")
            }
            try registry.makeGaugeFunction(name: metric, help: "From the \(name) collector.") { 1 }
        }
        return registry
    }
}

private struct FailingSource: MetricsSource {
    struct Unavailable: Error {}

    func registry(for request: ScrapeRequest) throws -> PrometheusRegistry {
        throw Unavailable()
    }
}
