import Logging
import MetricsServer
import NIOPosix
import PrometheusMetrics

/// Runs `server` while `body` uses its port, then cancels it.
func withRunning<Result: Sendable>(
    _ server: MetricsServer,
    _ body: (_ port: Int) async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        let result = try await body(try await server.port)
        group.cancelAll()
        try await group.waitForAll()
        return result
    }
}

/// Quiet unless something goes wrong.
let testLogger: Logger = {
    var logger = Logger(label: "MetricsServerTests")
    logger.logLevel = .warning
    return logger
}()

/// A server on an ephemeral loopback port with test-sized timeouts.
func makeServer(
    registry: PrometheusRegistry,
    reportsScrapes: Bool = false,
    threadPool: NIOThreadPool = .singleton,
    configure: (inout MetricsServer.Configuration) -> Void = { _ in }
) -> MetricsServer {
    var configuration = MetricsServer.Configuration(host: "127.0.0.1", port: 0)
    configure(&configuration)
    return MetricsServer(
        configuration: configuration,
        registry: registry,
        reportsScrapes: reportsScrapes,
        logger: testLogger,
        threadPool: threadPool
    )
}

/// A registry of about `series` counter series, each line about 70 bytes.
func makeRegistry(series: Int = 20) throws -> PrometheusRegistry {
    let registry = PrometheusRegistry()
    let requests = try registry.makeCounterFamily(
        name: "http_requests_total",
        help: "Requests handled, by path and status code.",
        labelNames: ["path", "code"]
    )
    for index in 0..<series {
        try requests.labels("/api/v1/resource/\(index)", index % 7 == 0 ? "500" : "200").inc(by: index)
    }
    let latency = try registry.makeHistogram(name: "http_request_duration_seconds", help: "Request latency.", unit: "seconds")
    latency.observe(0.042)
    return registry
}
