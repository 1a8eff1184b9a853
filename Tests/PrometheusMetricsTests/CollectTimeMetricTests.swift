import Synchronization
import Testing
@testable import PrometheusMetrics

/// Gauges and counters whose value a closure supplies at scrape time, and infos.
@Suite struct CollectTimeMetricTests {
    final class Pool: Sendable {
        let open = Atomic<Int>(0)
        let bytesRead = Atomic<Int>(0)
    }

    @Test func closuresAreAskedAtEveryScrape() throws {
        let registry = PrometheusRegistry()
        let pool = Pool()
        pool.open.store(3, ordering: .relaxed)
        try registry.makeGaugeFunction(name: "pool_open_connections", help: "Open connections.", labels: ["pool": "main"]) {
            Double(pool.open.load(ordering: .relaxed))
        }
        try registry.makeCounterFunction(name: "pool_read_bytes", help: "Bytes read.", unit: "bytes") {
            Double(pool.bytesRead.load(ordering: .relaxed))
        }
        pool.bytesRead.store(1_048_576, ordering: .relaxed)
        let text = registry.exposition(.prometheusText)
        ExpositionGoldenTests.expectBytes(text, """
        # HELP pool_open_connections Open connections.
        # TYPE pool_open_connections gauge
        pool_open_connections{pool="main"} 3
        # HELP pool_read_bytes_total Bytes read.
        # TYPE pool_read_bytes_total counter
        pool_read_bytes_total 1.048576e+06

        """)
        pool.open.store(4, ordering: .relaxed)
        let openMetrics = registry.exposition(.openMetrics)
        ExpositionGoldenTests.expectBytes(openMetrics, """
        # TYPE pool_open_connections gauge
        # HELP pool_open_connections Open connections.
        pool_open_connections{pool="main"} 4.0
        # TYPE pool_read_bytes counter
        # UNIT pool_read_bytes bytes
        # HELP pool_read_bytes Bytes read.
        pool_read_bytes_total 1.048576e+06
        # EOF

        """)
        try ExpositionDump.record("callbacks", .openMetrics, openMetrics)
    }

    /// A pool made anew registers its callback again: the registry must read the new pool, not
    /// keep the first closure (and with it the old pool) alive.
    @Test func registeringAgainReplacesTheClosure() throws {
        let registry = PrometheusRegistry()
        try registry.makeGaugeFunction(name: "pool_open_connections", help: "Open connections.") { 1 }
        try registry.makeGaugeFunction(name: "pool_open_connections", help: "Open connections.") { 2 }
        #expect(registry.sampleValue("pool_open_connections") == 2)
        #expect(throws: PrometheusMetricsError.self) {
            try registry.makeCounterFunction(name: "pool_open_connections", help: "Open connections.") { 3 }
        }
        #expect(registry.sampleValue("pool_open_connections") == 2)
    }

    /// An info family holds one series: new values replace the old ones (Python's `Info.info`),
    /// rather than spilling into the overflow series.
    @Test func infoValuesAreReplaced() throws {
        let registry = PrometheusRegistry()
        let first = try registry.makeInfo(name: "build", help: "Build.", labels: ["version": "1.0"])
        #expect(try registry.makeInfo(name: "build_info", help: "Build.", labels: ["version": "1.0"]) === first)
        try registry.makeInfo(name: "build", help: "Build.", labels: ["version": "1.1"])
        #expect(String(decoding: registry.exposition(), as: UTF8.self) == """
        # HELP build_info Build.
        # TYPE build_info gauge
        build_info{version="1.1"} 1

        """)
    }
}
