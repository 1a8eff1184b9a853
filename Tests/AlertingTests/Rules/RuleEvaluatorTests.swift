import Alerting
import Foundation
import MetricsTestKit
import Synchronization
import Testing

@Suite struct RuleEvaluatorTests {
    /// A value the test sets between evaluations.
    final class Reading: Sendable {
        private let value = Mutex<Double?>(nil)
        private let failing = Mutex(false)

        func set(_ newValue: Double?) { value.withLock { $0 = newValue } }
        func fail(_ isFailing: Bool) { failing.withLock { $0 = isFailing } }

        var source: ClosureValueSource {
            ClosureValueSource {
                struct Unavailable: Error {}
                if self.failing.withLock({ $0 }) { throw Unavailable() }
                return self.value.withLock { $0 }
            }
        }
    }

    private let start = Date(timeIntervalSince1970: 1_800_000_000)
    private let metrics = TestMetrics()
    private let recording = RecordingHandler()

    private func evaluator(_ rules: [ThresholdRule]) throws -> (RuleEvaluator, AlertManager) {
        let manager = try AlertManager(routes: [Route(recording)], metricsFactory: metrics)
        return (try RuleEvaluator(rules: rules, manager: manager, metricsFactory: metrics, logger: LogRecorder().logger), manager)
    }

    private func evaluate(_ evaluator: RuleEvaluator, _ reading: Reading, _ steps: [(seconds: Double, value: Double?)]) async -> [RuleState] {
        var states: [RuleState] = []
        for step in steps {
            reading.set(step.value)
            await evaluator.evaluate(at: start.addingTimeInterval(step.seconds))
            states.append(await evaluator.states[0])
        }
        return states
    }

    @Test func goesPendingThenFiringAfterForThenResolvedLikePrometheus() async throws {
        let reading = Reading()
        let rule = ThresholdRule(
            name: "QueueBacklog", source: reading.source, comparison: .greaterThan(100), for: .seconds(60),
            level: .warning, message: "jobs are piling up", labels: ["queue": "mail"])
        let (evaluator, manager) = try evaluator([rule])
        let states = await evaluate(evaluator, reading, [(0, 150), (30, 170), (60, 180), (75, 190), (90, 20), (105, 20)])
        await manager.shutdown(deadline: .now + .seconds(5))

        let firedAt = start.addingTimeInterval(60)
        #expect(states == [.pending(since: start), .pending(since: start), .firing(since: firedAt), .firing(since: firedAt), .inactive, .inactive])
        let alerts = recording.notifications.map(\.alert)
        #expect(alerts.map(\.status) == [.firing, .resolved])
        #expect(alerts.first?.labels == ["alertname": "QueueBacklog", "severity": "warning", "queue": "mail"])
        #expect(alerts.first?.startsAt == firedAt)
        #expect(alerts.first?.annotations["value"] == "180.0")
        #expect(alerts.last?.endsAt == start.addingTimeInterval(90))
        #expect(alerts.first?.fingerprint == alerts.last?.fingerprint)
    }

    @Test func aConditionThatStopsBeforeForNeverFires() async throws {
        let reading = Reading()
        let rule = ThresholdRule(name: "Flap", source: reading.source, comparison: .greaterThan(1), for: .seconds(60), level: .error)
        let (evaluator, manager) = try evaluator([rule])
        let states = await evaluate(evaluator, reading, [(0, 5), (30, 0), (45, 5)])
        await manager.shutdown(deadline: .now + .seconds(5))

        #expect(states == [.pending(since: start), .inactive, .pending(since: start.addingTimeInterval(45))])
        #expect(recording.notifications.isEmpty)
    }

    @Test func withoutForItFiresAtOnceAndNoValueResolvesIt() async throws {
        let reading = Reading()
        let rule = ThresholdRule(name: "Down", source: reading.source, comparison: .lessThan(1), level: .critical)
        let (evaluator, manager) = try evaluator([rule])
        let states = await evaluate(evaluator, reading, [(0, 0), (15, nil)])
        await manager.shutdown(deadline: .now + .seconds(5))

        #expect(states == [.firing(since: start), .inactive])
        #expect(recording.notifications.map(\.alert.status) == [.firing, .resolved])
    }

    @Test func aFailingSourceKeepsTheStateAndIsCounted() async throws {
        let reading = Reading()
        let rule = ThresholdRule(name: "Backlog", source: reading.source, comparison: .greaterThan(1), for: .seconds(60), level: .info)
        let (evaluator, manager) = try evaluator([rule])
        _ = await evaluate(evaluator, reading, [(0, 5)])
        reading.fail(true)
        let states = await evaluate(evaluator, reading, [(70, 5)])
        await manager.shutdown(deadline: .now + .seconds(5))

        #expect(states == [.pending(since: start)])
        #expect(metrics.counterTotal(label: "alert_rule_evaluation_failures_total", dimensions: [("rule", "Backlog")]) == 1)
        #expect(recording.notifications.isEmpty)
    }

    @Test func theHostRulesFireAboveTheirThresholdsAtTheirLevels() async throws {
        let cpu = Reading(), memory = Reading(), disk = Reading()
        let rules: [ThresholdRule] = [
            .hostHighCpuLoad(percent: cpu.source, for: .zero),
            .hostOutOfMemory(percent: memory.source, for: .zero),
            .hostOutOfDiskSpace(percent: disk.source, mountpoint: "/var", for: .zero),
        ]
        let (evaluator, manager) = try evaluator(rules)
        cpu.set(95)
        memory.set(95)
        disk.set(90)
        await evaluator.evaluate(at: start)
        let atThresholds = await evaluator.states
        cpu.set(95.5)
        memory.set(99)
        disk.set(90.1)
        await evaluator.evaluate(at: start.addingTimeInterval(15))
        await manager.shutdown(deadline: .now + .seconds(5))

        #expect(atThresholds == [.inactive, .inactive, .inactive])
        let alerts = recording.notifications.map(\.alert)
        #expect(alerts.map(\.title) == ["HostHighCpuLoad", "HostOutOfMemory", "HostOutOfDiskSpace"])
        #expect(alerts.map(\.level) == [.critical, .critical, .warning])
        #expect(alerts.last?.labels["mountpoint"] == "/var")
    }

    @Test func runEvaluatesOnItsIntervalUntilCancelled() async throws {
        let reading = Reading()
        reading.set(1)
        let manager = try AlertManager(routes: [Route(recording)], metricsFactory: metrics)
        let rule = ThresholdRule(name: "Up", source: reading.source, comparison: .equal(1), for: .milliseconds(30), level: .info)
        let evaluator = try RuleEvaluator(rules: [rule], manager: manager, interval: .milliseconds(5), metricsFactory: metrics)
        let running = Task { await evaluator.run() }
        for _ in 0..<6000 where recording.notifications.isEmpty {
            try await Task.sleep(for: .milliseconds(10))
        }
        running.cancel()
        await running.value
        await manager.shutdown(deadline: .now + .seconds(5))

        #expect(recording.notifications.map(\.alert.title) == ["Up"])
        guard case .firing = await evaluator.states[0] else {
            Issue.record("the rule never fired")
            return
        }
    }

    @Test func refusesAnIntervalThatIsNotPositive() throws {
        let manager = try AlertManager(routes: [], metricsFactory: metrics)
        #expect(throws: AlertingError.self) { try RuleEvaluator(rules: [], manager: manager, interval: .zero, metricsFactory: metrics) }
    }
}
