@testable import Alerting
import Foundation
import Testing

@Suite struct AlertmanagerHandlerTests {
    private static func handler(
        _ url: String, resendInterval: Duration = .seconds(60), maximumTrackedAlerts: Int = 10_000
    ) throws -> AlertmanagerHandler {
        try AlertmanagerHandler(
            configuration: .init(
                endpoint: .init(url: try #require(URL(string: url))), resendInterval: resendInterval,
                maximumTrackedAlerts: maximumTrackedAlerts),
            logger: LogRecorder().logger)
    }

    @Test func postsAFiringAlertAsPrometheusDoesWithEndsAtAhead() async throws {
        let receiver = try await HTTPReceiver.start { _ in .status(200) }
        let before = Date()
        try await Self.handler(receiver.url).handle(SampleAlert.notification())
        try await receiver.stop()

        let request = try #require(receiver.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/api/v2/alerts")
        #expect(request.headers["content-type"] == "application/json")
        let ours = try #require(try JSON.array(request.body).first)
        let captured = try #require(try JSON.array(Fixtures.data("api-v2-post-alert-firing.json")).first)
        let prometheus = try #require(try JSON.object(Fixtures.data("prometheus-2.42-post-to-alertmanager-api-v2-alerts.json"))["body"] as? [[String: Any]])
        let prometheusAlert = try #require(prometheus.first)
        #expect(Set(ours.keys) == Set(prometheusAlert.keys))
        for key in ["labels", "annotations", "generatorURL"] {
            #expect(JSON.same(ours[key], captured[key]), "\(key)")
        }
        #expect(JSON.date(ours["startsAt"]) == JSON.date(captured["startsAt"]))
        let endsAt = try #require(JSON.date(ours["endsAt"]))
        #expect(endsAt >= before.addingTimeInterval(4 * 60 - 0.001), "four re-send intervals ahead, to the millisecond")
    }

    @Test func resolvesWithTheTimeTheAlertEnded() async throws {
        let receiver = try await HTTPReceiver.start { _ in .status(200) }
        try await Self.handler(receiver.url).handle(SampleAlert.notification(SampleAlert.resolved))
        try await receiver.stop()

        let request = try #require(receiver.requests.first)
        let ours = try #require(try JSON.array(request.body).first)
        let captured = try #require(try JSON.array(Fixtures.data("api-v2-post-alert-resolve.json")).first)
        #expect(JSON.same(ours["labels"], captured["labels"]))
        #expect(JSON.date(ours["endsAt"]) == JSON.date(captured["endsAt"]))
    }

    /// `status` is a public property: an alert cleared by setting it, not by `resolved(at:)`,
    /// has no `endsAt`. Posted with one four intervals ahead, it stayed active in Alertmanager and
    /// was kept and re-sent as firing for ever.
    @Test func resolvesAnAlertWhoseStatusWasSetWithoutAnEnd() async throws {
        let receiver = try await HTTPReceiver.start { _ in .status(200) }
        var cleared = SampleAlert.firing
        cleared.status = .resolved
        let handler = try Self.handler(receiver.url, resendInterval: .milliseconds(20))
        try await handler.handle(SampleAlert.notification(cleared))
        let running = Task { await handler.run() }
        #expect(await receiver.waitForRequests(2))
        running.cancel()
        await running.value
        try await receiver.stop()

        for request in receiver.requests {
            let posted = try #require(try JSON.array(request.body).first)
            let endsAt = try #require(JSON.date(posted["endsAt"]))
            #expect(endsAt <= request.receivedAt)
        }
    }

    @Test func refusesALabelNameAlertmanagerWouldRejectBeforeSending() async throws {
        let receiver = try await HTTPReceiver.start { _ in .status(200) }
        let alert = Alert(level: .warning, title: "Bad", labels: ["bad-name": "x"])
        await #expect(throws: AlertingError.invalidLabelName("bad-name")) {
            try await Self.handler(receiver.url).handle(SampleAlert.notification(alert))
        }
        try await receiver.stop()
        #expect(receiver.requests.isEmpty)
    }

    /// Alertmanager 0.25 answers `invalid annotations: invalid name "runbook-url"` with 400, so
    /// such an alert must not be recorded, or every re-send would carry it and fail again.
    @Test func refusesAnAnnotationNameAlertmanagerWouldRejectAndNeverReSendsIt() async throws {
        let receiver = try await HTTPReceiver.start { _ in .status(200) }
        let handler = try Self.handler(receiver.url, resendInterval: .milliseconds(20))
        let bad = Alert(level: .warning, title: "Bad", annotations: ["runbook-url": "http://runbooks/bad"])
        await #expect(throws: AlertingError.invalidAnnotationName("runbook-url")) {
            try await handler.handle(SampleAlert.notification(bad))
        }
        try await handler.handle(SampleAlert.notification())
        let running = Task { await handler.run() }
        #expect(await receiver.waitForRequests(3))
        running.cancel()
        await running.value
        try await receiver.stop()

        for request in receiver.requests {
            let names = try JSON.array(request.body).compactMap { ($0["labels"] as? [String: String])?["alertname"] }
            #expect(names == ["HighErrorRate"])
        }
    }

    @Test func reSendsActiveAlertsAndRecentResolvesOnItsInterval() async throws {
        let receiver = try await HTTPReceiver.start { _ in .status(200) }
        let handler = try Self.handler(receiver.url, resendInterval: .milliseconds(20))
        let other = Alert(level: .warning, title: "DiskFull", labels: ["service": "db"], startsAt: SampleAlert.startsAt)
        let longResolved = Alert(level: .info, title: "Old", startsAt: SampleAlert.startsAt).resolved(at: Date().addingTimeInterval(-3600))
        for alert in [SampleAlert.firing, other, other.resolved(), longResolved] {
            try await handler.handle(SampleAlert.notification(alert))
        }
        let running = Task { await handler.run() }
        #expect(await receiver.waitForRequests(6))
        running.cancel()
        await running.value
        try await receiver.stop()

        let last = try #require(receiver.requests.last)
        let resent = try JSON.array(last.body)
        let byName = Dictionary(uniqueKeysWithValues: resent.compactMap { alert in
            ((alert["labels"] as? [String: String])?["alertname"]).map { ($0, alert) }
        })
        #expect(Set(byName.keys) == ["HighErrorRate", "DiskFull"])
        let firingEnd = try #require(JSON.date(byName["HighErrorRate"]?["endsAt"]))
        let resolvedEnd = try #require(JSON.date(byName["DiskFull"]?["endsAt"]))
        // A firing alert's end is ahead of its re-send, a resolved one's behind.
        #expect(firingEnd > last.receivedAt)
        #expect(resolvedEnd <= last.receivedAt)
    }

    @Test func tracksAtMostItsMaximumForgettingResolvedAlertsThenTheOldestFiring() async throws {
        let receiver = try await HTTPReceiver.start { _ in .status(200) }
        let handler = try Self.handler(receiver.url, resendInterval: .milliseconds(20), maximumTrackedAlerts: 2)
        let now = Date()
        func firing(_ name: String, startedSecondsAgo: Double) -> Alert {
            Alert(level: .warning, title: name, startsAt: now.addingTimeInterval(-startedSecondsAgo))
        }
        for alert in [
            firing("Oldest", startedSecondsAgo: 300), firing("Middle", startedSecondsAgo: 200),
            firing("Newest", startedSecondsAgo: 100), firing("Cleared", startedSecondsAgo: 50).resolved(at: now),
        ] {
            try await handler.handle(SampleAlert.notification(alert))
        }
        let running = Task { await handler.run() }
        #expect(await receiver.waitForRequests(5))
        running.cancel()
        await running.value
        try await receiver.stop()

        let resent = try #require(receiver.requests.last)
        let names = try JSON.array(resent.body).compactMap { ($0["labels"] as? [String: String])?["alertname"] }
        #expect(Set(names) == ["Middle", "Newest"])
    }

    @Test func refusesAMaximumBelowOne() {
        #expect(throws: AlertingError.self) { try Self.handler("http://127.0.0.1:9/", maximumTrackedAlerts: 0) }
    }

    /// A resolve handled while a re-send of the alert firing is on its way may reach Alertmanager
    /// first: the handler then sends the new state again, alone, before the next re-send.
    @Test func aResolveOvertakenByAReSendIsSentAgain() async throws {
        let gate = Gate()
        // Requests 0 and 1 post the two alerts, 2 is the first re-send (held), 3 the resolve, 4
        // what the handler sends once the re-send is answered.
        let receiver = try await HTTPReceiver.start { index in index == 2 ? .gated(200, gate) : .status(200) }
        let handler = try Self.handler(receiver.url, resendInterval: .milliseconds(200))
        let flapping = Alert(level: .warning, title: "Flapping", startsAt: SampleAlert.startsAt)
        let steady = Alert(level: .warning, title: "Steady", startsAt: SampleAlert.startsAt)
        try await handler.handle(SampleAlert.notification(flapping))
        try await handler.handle(SampleAlert.notification(steady))
        let running = Task { await handler.run() }
        #expect(await receiver.waitForRequests(3))
        try await handler.handle(SampleAlert.notification(flapping.resolved()))
        gate.open()
        #expect(await receiver.waitForRequests(5))
        running.cancel()
        await running.value
        try await receiver.stop()

        let requests = receiver.requests
        let heldReSend = try JSON.array(requests[2].body)
        #expect(heldReSend.count == 2)
        let correction = try JSON.array(requests[4].body)
        #expect(correction.count == 1)
        #expect((correction.first?["labels"] as? [String: String])?["alertname"] == "Flapping")
        let endsAt = try #require(JSON.date(correction.first?["endsAt"]))
        #expect(endsAt <= requests[4].receivedAt)
    }
}
