import ArgumentParser
import Foundation
import HostMetrics
import Hummingbird
import Logging
import Metrics
import PrometheusMetrics
import StructuredLog

/// A small HTTP service instrumented with every module of the toolkit, the way the README tells
/// users to: JSON logs with request IDs, Prometheus metrics with exemplars on `/metrics`,
/// process metrics, and alerts to Alertmanager.
@main
struct ExampleService: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "example-service",
        abstract: "An items API instrumented with observability-toolkit.")

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"
    @Option(help: "Port to listen on.")
    var port = 8080
    @Option(help: "Alertmanager's base URL (alerts are only logged without it).")
    var alertmanagerURL: String?
    @Option(help: "Seconds between evaluations of the in-process alert rules.")
    var ruleEvaluationInterval = 15.0
    @Option(help: "Seconds the 5xx ratio must stay above 5 % before HighServerErrorRatio fires.")
    var errorRatioFor = 60.0
    @Option(help: "Share of GET /flaky requests that fail with 500, from 0 to 1.")
    var flakyFailureRatio = 0.2
    @Option(help: "Seconds an item stays in the cache.")
    var cacheTimeToLive = 5.0

    func validate() throws {
        guard (0...1).contains(flakyFailureRatio) else {
            throw ValidationError("--flaky-failure-ratio must be between 0 and 1, not \(flakyFailureRatio)")
        }
        guard ruleEvaluationInterval > 0, errorRatioFor >= 0, cacheTimeToLive > 0 else {
            throw ValidationError("--rule-evaluation-interval and --cache-time-to-live must be positive, --error-ratio-for at least 0")
        }
        if let alertmanagerURL, URL(string: alertmanagerURL)?.host == nil {
            throw ValidationError("--alertmanager-url must be an absolute URL such as http://127.0.0.1:9093, not \(alertmanagerURL)")
        }
    }

    func run() async throws {
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label) }
        let registry = PrometheusRegistry.default
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        registry.register(collector: ProcessCollector())
        let logger = Logger(label: "example-service")

        let metrics = try ServiceMetrics(registry: registry)
        let serverErrorRatio = ServerErrorRatio()
        let alerting = try ServiceAlerting(
            alertmanagerURL: alertmanagerURL.flatMap(URL.init(string:)),
            serverErrorRatio: serverErrorRatio,
            evaluationInterval: .seconds(ruleEvaluationInterval),
            errorRatioFor: .seconds(errorRatioFor),
            labels: ["service": "example-service"],
            logger: logger)

        let router = Router(context: AppRequestContext.self)
        router.addMiddleware {
            RequestLoggingMiddleware(requestLogger: RequestLogger(logger: logger))
            HTTPMetricsMiddleware(metrics: metrics, serverErrorRatio: serverErrorRatio)
        }
        ItemsController(
            database: try ItemDatabase(seedCount: 50, metrics: metrics),
            cache: try ItemCache(timeToLive: .seconds(cacheTimeToLive), metrics: metrics),
            logger: logger
        ).addRoutes(to: router.group("items"))
        FlakyController(failureRatio: flakyFailureRatio).addRoutes(to: router)
        MetricsEndpoint(registry: registry).addRoutes(to: router)
        router.get("healthz") { _, _ in "ok" }

        let application = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "example-service"),
            services: [alerting],
            logger: logger)
        try await application.runService()
    }
}
