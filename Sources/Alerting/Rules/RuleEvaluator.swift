import CoreMetrics
import Foundation
import Logging

/// Evaluates threshold rules on an interval and sends their alerts to a manager, with
/// Prometheus' lifecycle: a condition that starts to hold makes a rule pending; held for `for`,
/// it fires (and is sent at every evaluation, which the manager deduplicates within its repeat
/// interval); when it stops holding, a pending rule goes back to inactive and a firing one sends
/// its resolve.
///
/// A source that throws leaves its rule's state unchanged and counts
/// `alert_rule_evaluation_failures_total` with the `rule` dimension.
public actor RuleEvaluator {
    private let rules: [ThresholdRule]
    private let manager: AlertManager
    private let interval: Duration
    private let failures: [Counter]
    private let logger: Logger
    /// Each rule's state, in the order of the rules.
    public private(set) var states: [RuleState]

    /// Throws ``AlertingError/invalidConfiguration(setting:value:expected:)`` unless `interval`
    /// is positive and at most a century.
    public init(
        rules: [ThresholdRule],
        manager: AlertManager,
        interval: Duration = .seconds(15),
        metricsFactory: any MetricsFactory = MetricsSystem.factory,
        logger: Logger = Logger(label: "Alerting")
    ) throws {
        try interval.requireSchedulable("RuleEvaluator.interval")
        self.rules = rules
        self.manager = manager
        self.interval = interval
        self.failures = rules.map {
            Counter(label: "alert_rule_evaluation_failures_total", dimensions: [("rule", $0.name)], factory: metricsFactory)
        }
        self.logger = logger
        self.states = Array(repeating: .inactive, count: rules.count)
    }

    /// Evaluates now and then every interval, until the task is cancelled.
    public func run() async {
        repeat {
            await evaluate()
        } while (try? await Task.sleep(for: interval)) != nil
    }

    /// Evaluates every rule once, as of `now`.
    public func evaluate(at now: Date = Date()) async {
        for index in rules.indices {
            await evaluate(rules[index], index: index, at: now)
        }
    }

    private func evaluate(_ rule: ThresholdRule, index: Int, at now: Date) async {
        let value: Double?
        do {
            value = try await rule.source.currentValue()
        } catch {
            failures[index].increment()
            logger.warning("threshold rule evaluation failed", metadata: ["rule": "\(rule.name)", "error": "\(error)"])
            return
        }
        let holds = value.map(rule.comparison.isSatisfied) ?? false
        switch (states[index], holds) {
        case (.inactive, true) where rule.forDuration <= .zero:
            states[index] = .firing(since: now)
            await manager.send(alert(rule, firingSince: now, value: value))
        case (.inactive, true):
            states[index] = .pending(since: now)
        case (.pending(let since), true) where now.timeIntervalSince(since) >= rule.forDuration.inSeconds:
            states[index] = .firing(since: now)
            await manager.send(alert(rule, firingSince: now, value: value))
        case (.pending, true), (.inactive, false):
            break
        case (.firing(let since), true):
            await manager.send(alert(rule, firingSince: since, value: value))
        case (.pending, false):
            states[index] = .inactive
        case (.firing(let since), false):
            states[index] = .inactive
            await manager.send(alert(rule, firingSince: since, value: value).resolved(at: now))
        }
    }

    private func alert(_ rule: ThresholdRule, firingSince since: Date, value: Double?) -> Alert {
        var annotations = rule.annotations
        if let value { annotations["value"] = "\(value)" }
        return Alert(
            level: rule.level, title: rule.name, message: rule.message,
            labels: rule.labels, annotations: annotations, startsAt: since)
    }
}
