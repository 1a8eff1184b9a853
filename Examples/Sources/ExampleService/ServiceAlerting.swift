import Alerting
import Foundation
import Logging
import ServiceLifecycle

/// The service's alerts: every alert goes to the log, and to Alertmanager when one is
/// configured. Its rules are `HighServerErrorRatio` (more than 5 % of the responses of one
/// evaluation interval were 5xx) and the three host rules. Runs as a ServiceLifecycle service
/// next to the HTTP server.
struct ServiceAlerting: Service {
    /// The threshold of `HighServerErrorRatio`.
    static var maximumServerErrorRatio: Double { 0.05 }
    /// How long shutdown waits for queued alerts to be delivered.
    static var drainTimeout: Duration { .seconds(5) }

    let manager: AlertManager
    let evaluator: RuleEvaluator

    init(
        alertmanagerURL: URL?,
        serverErrorRatio: ServerErrorRatio,
        evaluationInterval: Duration,
        errorRatioFor: Duration,
        labels: [String: String],
        logger: Logger
    ) throws {
        var routes = [Route(LogAlertHandler(logger: logger))]
        if let alertmanagerURL {
            routes.append(Route(try AlertmanagerHandler(configuration: .init(endpoint: .init(url: alertmanagerURL)), logger: logger)))
        }
        manager = try AlertManager(routes: routes, logger: logger)
        let errorRule = ThresholdRule(
            name: "HighServerErrorRatio", source: serverErrorRatio,
            comparison: .greaterThan(Self.maximumServerErrorRatio), for: errorRatioFor, level: .critical,
            message: "More than 5 % of the responses are server errors (5xx).", labels: labels,
            annotations: ["summary": "High 5xx ratio in example-service"])
        evaluator = try RuleEvaluator(
            rules: [errorRule] + ThresholdRule.hostRules(labels: labels), manager: manager,
            interval: evaluationInterval, logger: logger)
    }

    /// Evaluates the rules until the service shuts down, then delivers what is queued.
    func run() async {
        await cancelWhenGracefulShutdown { await evaluator.run() }
        await manager.shutdown(deadline: .now + Self.drainTimeout)
    }
}
