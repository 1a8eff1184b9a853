import Foundation
import MetricsServer
import NIOPosix
import ObservabilityTestSupport
import PrometheusMetrics
import Testing

@Suite struct MetricHandlerInstrumentationTests {
    @Test func scrapesReportThemselvesAsPromhttpDoes() async throws {
        let registry = try makeRegistry()
        let server = makeServer(registry: registry, reportsScrapes: true)
        let (first, second) = try await withRunning(server) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                let first = try await connection.exchange("/metrics").text
                _ = try await connection.exchange("PUT", "/metrics")
                return (first, try await connection.exchange("/metrics").text)
            }
        }
        // node_exporter's first scrape, as its e2e fixture has it.
        let nodeExporter = try Self.nodeExporterPromhttpLines()
        #expect(nodeExporter.split(separator: "\n").count == 12)
        #expect(first.contains(nodeExporter))
        #expect(second.contains("promhttp_metric_handler_requests_total{code=\"200\"} 1\n"))
        #expect(second.contains("promhttp_metric_handler_requests_total{code=\"405\"} 1\n"))
        // Unregistered once the server stops.
        #expect(!String(decoding: registry.exposition(), as: UTF8.self).contains("promhttp"))
    }

    @Test func withoutReportingTheRegistryIsLeftAlone() async throws {
        let registry = try makeRegistry()
        let text = try await withRunning(makeServer(registry: registry, reportsScrapes: false)) { port in
            try await RawHTTPConnection.with(port: port) { try await $0.exchange("/metrics").text }
        }
        #expect(!text.contains("promhttp"))
    }

    @Test func scrapesBeyondTheLimitAre503() async throws {
        let registry = try makeRegistry()
        let gate = ScrapeGate()
        registry.register(collector: gate)
        let threadPool = NIOThreadPool(numberOfThreads: 2)
        threadPool.start()
        defer { gate.open() }
        let server = makeServer(registry: registry, reportsScrapes: true, threadPool: threadPool) { $0.maxConcurrentScrapes = 1 }
        let (held, rejected, after) = try await withRunning(server) { port in
            async let held = RawHTTPConnection.with(port: port) { try await $0.exchange("/metrics") }
            await gate.waitUntilEntered()
            #expect(server.instrumentation.scrapesInFlight == 1)
            let rejected = try await RawHTTPConnection.with(port: port) { connection in
                // Only scrapes count against the limit.
                #expect(try await connection.exchange("/-/healthy").status == 200)
                return try await connection.exchange("/metrics")
            }
            gate.open()
            let after = try await RawHTTPConnection.with(port: port) { try await $0.exchange("/metrics") }
            return (try await held, rejected, after)
        }
        #expect(held.status == 200)
        #expect(rejected.status == 503)
        #expect(rejected.text == "Limit of concurrent requests reached (1), try again later.\n")
        #expect(after.status == 200)
        #expect(after.text.contains("promhttp_metric_handler_requests_total{code=\"503\"} 1\n"))
        #expect(server.instrumentation.scrapesInFlight == 0)
        try await threadPool.shutdownGracefully()
    }

    @Test func zeroMeansNoLimit() async throws {
        let registry = try makeRegistry()
        let gate = ScrapeGate()
        registry.register(collector: gate)
        let threadPool = NIOThreadPool(numberOfThreads: 3)
        threadPool.start()
        defer { gate.open() }
        let server = makeServer(registry: registry, threadPool: threadPool) { $0.maxConcurrentScrapes = 0 }
        let statuses = try await withRunning(server) { port in
            async let first = RawHTTPConnection.with(port: port) { try await $0.exchange("/metrics").status }
            async let second = RawHTTPConnection.with(port: port) { try await $0.exchange("/metrics").status }
            async let third = RawHTTPConnection.with(port: port) { try await $0.exchange("/metrics").status }
            await gate.waitUntilEntered()
            await gate.waitUntilEntered()
            await gate.waitUntilEntered()
            #expect(server.instrumentation.scrapesInFlight == 3)
            gate.open()
            return try await [first, second, third]
        }
        #expect(statuses == [200, 200, 200])
        try await threadPool.shutdownGracefully()
    }

    /// The promhttp lines of node_exporter 1.5.0's end-to-end output.
    private static func nodeExporterPromhttpLines() throws -> String {
        let file = URL(fileURLWithPath: SharedFixtures.nodeExporter + "/v1.5.0/e2e-output.txt")
        let fixture = try String(contentsOf: file, encoding: .utf8)
        let lines = fixture.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.contains(" promhttp_") || $0.hasPrefix("promhttp_") }
        return lines.joined(separator: "\n") + "\n"
    }
}
