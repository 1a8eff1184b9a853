import Alerting
import Foundation
import MetricsTestKit
import Testing

/// The manager end to end, delivering through the webhook handler to a real receiver.
@Suite struct AlertManagerTests {
    private let metrics = TestMetrics()
    private let logs = LogRecorder()

    private static func policy(attempts: Int = 5, attemptTimeout: Duration = .seconds(5)) -> RetryPolicy {
        RetryPolicy(
            maximumAttempts: attempts, initialBackoff: .milliseconds(1), multiplier: 2, maximumBackoff: .milliseconds(20),
            attemptTimeout: attemptTimeout, deadline: .seconds(20))
    }

    private static func webhook(_ url: String, name: String = "webhook", timeout: Duration = .seconds(5)) throws -> WebhookHandler {
        try WebhookHandler(name: name, configuration: .init(endpoint: .init(url: try #require(URL(string: url + "/hook")), timeout: timeout)))
    }

    private func manager(
        _ handlers: [any AlertHandler], attempts: Int = 5, attemptTimeout: Duration = .seconds(5), queueCapacity: Int = 64
    ) throws -> AlertManager {
        try AlertManager(
            routes: handlers.map { Route($0) },
            configuration: .init(queueCapacity: queueCapacity, retry: Self.policy(attempts: attempts, attemptTimeout: attemptTimeout)),
            metricsFactory: metrics, logger: logs.logger)
    }

    private func count(_ label: String, handler: String = "webhook", _ extra: [(String, String)] = []) -> Int64 {
        metrics.counterTotal(label: label, dimensions: [("handler", handler)] + extra)
    }

    private static func alert(_ number: Int, level: AlertLevel = .critical) -> Alert {
        Alert(level: level, title: "HighErrorRate", message: "alert \(number)", labels: ["instance": "app-\(number):8080"])
    }

    private static func drain(_ manager: AlertManager) async {
        await manager.shutdown(deadline: .now + .seconds(20))
    }

    private static func titles(_ receiver: HTTPReceiver) -> [String] {
        receiver.requests.compactMap { request in
            let body = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]
            let alerts = body?["alerts"] as? [[String: Any]]
            return (alerts?.first?["labels"] as? [String: String])?["instance"]
        }
    }

    @Test func deliversOnTheFirstAttemptWhenTheReceiverAnswers200() async throws {
        let receiver = try await HTTPReceiver.start { _ in .status(200) }
        let manager = try manager([try Self.webhook(receiver.url)])
        await manager.send(Self.alert(1))
        await Self.drain(manager)
        try await receiver.stop()

        #expect(receiver.requests.count == 1)
        #expect(receiver.requests.first?.method == "POST")
        #expect(receiver.requests.first?.path == "/hook")
        #expect(count("alerts_sent_total", [("level", "critical")]) == 1)
        #expect(count("alerts_retried_total") == 0)
        #expect(count("alerts_failed_total") == 0)
        #expect(try metrics.expectTimer("alerts_delivery_latency_seconds", [("handler", "webhook")]).values.count == 1)
    }

    @Test func retriesThreeServerErrorsThenDeliversOncePerIdempotencyKey() async throws {
        let receiver = try await HTTPReceiver.start { $0 < 3 ? .status(500) : .status(200) }
        let manager = try manager([try Self.webhook(receiver.url)])
        await manager.send(Self.alert(1))
        await Self.drain(manager)
        try await receiver.stop()

        let keys = receiver.requests.compactMap { $0.headers["idempotency-key"] }
        #expect(keys.count == 4)
        #expect(Set(keys).count == 1)
        #expect(Set(receiver.requests.map(\.body)).count == 1)
        #expect(count("alerts_retried_total") == 3)
        #expect(count("alerts_sent_total") == 1)
        #expect(count("alerts_failed_total") == 0)
    }

    @Test func doesNotRetryA400() async throws {
        let receiver = try await HTTPReceiver.start { _ in .status(400) }
        let manager = try manager([try Self.webhook(receiver.url)])
        await manager.send(Self.alert(1, level: .warning))
        await Self.drain(manager)
        try await receiver.stop()

        #expect(receiver.requests.count == 1)
        #expect(count("alerts_failed_total", [("level", "warning")]) == 1)
        #expect(count("alerts_retried_total") == 0)
        #expect(count("alerts_sent_total") == 0)
    }

    @Test func retriesA429AfterItsRetryAfter() async throws {
        let receiver = try await HTTPReceiver.start { $0 == 0 ? .status(429, headers: [("Retry-After", "1")]) : .status(200) }
        let manager = try manager([try Self.webhook(receiver.url)])
        await manager.send(Self.alert(1))
        await Self.drain(manager)
        try await receiver.stop()

        #expect(receiver.requests.count == 2)
        #expect(count("alerts_retried_total") == 1)
        #expect(count("alerts_sent_total") == 1)
    }

    @Test func givesUpWhenRetryAfterOutlastsTheDeadlineInsteadOfRetryingSooner() async throws {
        let receiver = try await HTTPReceiver.start { _ in .status(429, headers: [("Retry-After", "3600")]) }
        let manager = try manager([try Self.webhook(receiver.url)])
        await manager.send(Self.alert(1))
        await Self.drain(manager)
        try await receiver.stop()

        #expect(receiver.requests.count == 1)
        #expect(count("alerts_failed_total") == 1)
        #expect(count("alerts_retried_total") == 0)
    }

    @Test func retriesARefusedConnectionUntilTheAttemptsRunOut() async throws {
        let manager = try manager([try Self.webhook(HTTPReceiver.refusingURL)], attempts: 3)
        await manager.send(Self.alert(1))
        await Self.drain(manager)

        #expect(count("alerts_retried_total") == 2)
        #expect(count("alerts_failed_total") == 1)
        #expect(count("alerts_sent_total") == 0)
    }

    @Test func retriesAReceiverSlowerThanTheTimeoutWithTheSameKey() async throws {
        let receiver = try await HTTPReceiver.start { _ in .delayed(200, by: .seconds(3)) }
        let manager = try manager([try Self.webhook(receiver.url, timeout: .milliseconds(200))], attempts: 2)
        await manager.send(Self.alert(1))
        await Self.drain(manager)
        try await receiver.stop()

        #expect(receiver.requests.count == 2)
        #expect(Set(receiver.requests.compactMap { $0.headers["idempotency-key"] }).count == 1)
        #expect(count("alerts_retried_total") == 1)
        #expect(count("alerts_failed_total") == 1)
    }

    @Test func timesOutAHandlerThatNeverAnswers() async throws {
        let manager = try manager([HangingHandler()], attempts: 2, attemptTimeout: .milliseconds(50))
        await manager.send(Self.alert(1))
        await Self.drain(manager)

        #expect(count("alerts_retried_total", handler: "hanging") == 1)
        #expect(count("alerts_failed_total", handler: "hanging") == 1)
    }

    @Test func aFullQueueDropsItsOldestAndCountsThem() async throws {
        let gate = Gate()
        let receiver = try await HTTPReceiver.start { $0 == 0 ? .gated(200, gate) : .status(200) }
        let manager = try manager([try Self.webhook(receiver.url)], queueCapacity: 2)
        await manager.send(Self.alert(0))
        #expect(await receiver.waitForRequests(1))
        for number in 1...4 {
            await manager.send(Self.alert(number))
        }
        gate.open()
        await Self.drain(manager)
        try await receiver.stop()

        #expect(Self.titles(receiver) == ["app-0:8080", "app-3:8080", "app-4:8080"])
        #expect(count("alerts_dropped_total", [("reason", "overflow")]) == 2)
        #expect(count("alerts_sent_total") == 3)
    }

    @Test func shutdownDeliversWhatIsQueuedThenRefusesNewAlerts() async throws {
        let receiver = try await HTTPReceiver.start { _ in .delayed(200, by: .milliseconds(10)) }
        let manager = try manager([try Self.webhook(receiver.url)])
        for number in 0..<10 {
            await manager.send(Self.alert(number))
        }
        await Self.drain(manager)
        await manager.send(Self.alert(10))
        try await receiver.stop()

        #expect(Self.titles(receiver) == (0..<10).map { "app-\($0):8080" })
        #expect(count("alerts_sent_total") == 10)
        #expect(count("alerts_dropped_total", [("reason", "shutdown")]) == 1)
    }

    @Test func shutdownTakesADeadlineAsFarAsForever() async throws {
        let recording = RecordingHandler()
        let manager = try manager([recording])
        await manager.send(Self.alert(1))
        await manager.shutdown(deadline: .now + .seconds(Int64.max))

        #expect(recording.notifications.count == 1)
    }

    @Test func shutdownStopsAtItsDeadlineAndCountsWhatItAbandons() async throws {
        let receiver = try await HTTPReceiver.start { _ in .hang }
        let manager = try manager([try Self.webhook(receiver.url, timeout: .seconds(60))], attemptTimeout: .seconds(60))
        for number in 0..<3 {
            await manager.send(Self.alert(number))
        }
        #expect(await receiver.waitForRequests(1))
        await manager.shutdown(deadline: .now + .milliseconds(100))
        try await receiver.stop()

        #expect(count("alerts_dropped_total", [("reason", "shutdown")]) == 3)
        #expect(count("alerts_sent_total") == 0)
    }

    @Test func aManagerReleasedWithoutShutdownStopsItsWorkersAndHandlers() async throws {
        let background = BackgroundWorkHandler()
        var manager: AlertManager? = try manager([background, HangingHandler()], attemptTimeout: .seconds(3600))
        #expect(await background.waitUntilRunning())
        await manager?.send(Self.alert(1))
        manager = nil
        #expect(await background.waitUntilStopped())
        // The hanging delivery is abandoned, not left to its hour-long timeout.
        var abandoned: Int64 = 0
        for _ in 0..<6000 where abandoned == 0 {
            try await Task.sleep(for: .milliseconds(10))
            abandoned = count("alerts_dropped_total", handler: "hanging", [("reason", "shutdown")])
        }
        #expect(abandoned == 1)
    }

    @Test func aHangingHandlerDelaysNeitherTheCallerNorAnotherHandler() async throws {
        let hanging = try await HTTPReceiver.start { _ in .hang }
        let healthy = try await HTTPReceiver.start { _ in .status(200) }
        let manager = try manager(
            [try Self.webhook(hanging.url, name: "stuck", timeout: .seconds(60)), try Self.webhook(healthy.url, name: "healthy")],
            attemptTimeout: .seconds(60))
        for number in 0..<5 {
            await manager.send(Self.alert(number))
        }
        #expect(await healthy.waitForRequests(5))
        #expect(await hanging.waitForRequests(1))
        #expect(hanging.requests.count == 1, "one attempt in flight, the other four queued behind it")
        await manager.shutdown(deadline: .now + .milliseconds(100))
        try await hanging.stop()
        try await healthy.stop()

        #expect(count("alerts_sent_total", handler: "healthy") == 5)
        #expect(count("alerts_dropped_total", handler: "stuck", [("reason", "shutdown")]) == 5)
    }

    @Test func sendsAnIdenticalFiringAlertOnceAndItsResolveOnce() async throws {
        let recording = RecordingHandler()
        let manager = try manager([recording])
        let alert = Self.alert(1)
        await manager.send(alert)
        await manager.send(alert)
        await manager.send(alert.resolved())
        await manager.send(alert.resolved())
        await manager.send(alert)
        await Self.drain(manager)

        #expect(recording.notifications.map(\.alert.status) == [.firing, .resolved, .firing])
        #expect(Set(recording.notifications.map(\.idempotencyKey)).count == 3)
    }

    /// An alert cleared by setting `status` has no `endsAt`; the webhook body then said
    /// resolved with Go's zero time as its end, which Alertmanager never sends.
    @Test func aResolvedStatusWithoutAnEndEndsWhenSent() async throws {
        let recording = RecordingHandler()
        let manager = try manager([recording])
        var cleared = Self.alert(1)
        cleared.status = .resolved
        let before = Date()
        await manager.send(cleared)
        await Self.drain(manager)

        let endsAt = try #require(recording.notifications.first?.alert.endsAt)
        #expect(endsAt >= before)
        #expect(endsAt <= Date())
    }

    /// Alertmanager logs a notification only once it is delivered: an alert a handler gave up
    /// on was kept silent for the whole repeat interval (4 h) however often it was sent again.
    @Test func anAlertAHandlerGaveUpOnIsSentAgainWhenItRecurs() async throws {
        let receiver = try await HTTPReceiver.start { $0 == 0 ? .status(503) : .status(200) }
        let manager = try manager([try Self.webhook(receiver.url)], attempts: 1)
        let alert = Self.alert(1)
        await manager.send(alert)
        for _ in 0..<6000 where count("alerts_failed_total") == 0 {
            try await Task.sleep(for: .milliseconds(10))
        }
        await manager.send(alert)
        await manager.send(alert)
        await Self.drain(manager)
        try await receiver.stop()

        #expect(receiver.requests.count == 2)
        #expect(count("alerts_failed_total") == 1)
        #expect(count("alerts_sent_total") == 1)
    }

    @Test func anAlertDroppedFromAFullQueueIsSentAgainWhenItRecurs() async throws {
        let gate = Gate()
        let receiver = try await HTTPReceiver.start { $0 == 0 ? .gated(200, gate) : .status(200) }
        let manager = try manager([try Self.webhook(receiver.url)], queueCapacity: 1)
        await manager.send(Self.alert(0))
        #expect(await receiver.waitForRequests(1))
        await manager.send(Self.alert(1))
        await manager.send(Self.alert(2))
        await manager.send(Self.alert(1))
        gate.open()
        await Self.drain(manager)
        try await receiver.stop()

        // 2 pushed 1 out, and 1, let through again, pushed 2 out.
        #expect(Self.titles(receiver) == ["app-0:8080", "app-1:8080"])
        #expect(count("alerts_dropped_total", [("reason", "overflow")]) == 2)
    }

    @Test func aZeroRepeatIntervalSendsEveryAlert() async throws {
        let recording = RecordingHandler()
        let manager = try AlertManager(routes: [Route(recording)], configuration: .init(repeatInterval: .zero), metricsFactory: metrics)
        await manager.send(Self.alert(1))
        await manager.send(Self.alert(1))
        await Self.drain(manager)

        #expect(recording.notifications.count == 2)
    }

    @Test func routesByMinimumLevelAndMatchers() async throws {
        let pager = RecordingHandler(name: "pager")
        let checkout = RecordingHandler(name: "checkout")
        let everything = RecordingHandler(name: "everything")
        let manager = try AlertManager(
            routes: [
                Route(pager, minimumLevel: .critical),
                Route(checkout, matchers: [.equal("service", "checkout")]),
                Route(everything),
            ],
            metricsFactory: metrics)
        await manager.send(Alert(level: .warning, title: "SlowRequests", labels: ["service": "checkout"]))
        await manager.send(Alert(level: .critical, title: "DiskFull", labels: ["service": "db"]))
        await manager.send(Alert(level: .info, title: "Deployed", labels: ["service": "search"]))
        await Self.drain(manager)

        #expect(pager.notifications.map(\.alert.title) == ["DiskFull"])
        #expect(checkout.notifications.map(\.alert.title) == ["SlowRequests"])
        #expect(everything.notifications.map(\.alert.title) == ["SlowRequests", "DiskFull", "Deployed"])
    }

    @Test func refusesAConfigurationThatCannotWork() {
        #expect(throws: AlertingError.self) {
            try AlertManager(routes: [], configuration: .init(queueCapacity: 0), metricsFactory: metrics)
        }
        #expect(throws: AlertingError.self) {
            try AlertManager(routes: [], configuration: .init(retry: RetryPolicy(maximumAttempts: 0)), metricsFactory: metrics)
        }
        #expect(throws: AlertingError.duplicateHandlerName("recording")) {
            try AlertManager(routes: [Route(RecordingHandler()), Route(RecordingHandler())], metricsFactory: metrics)
        }
    }
}
