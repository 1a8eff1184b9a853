@testable import Alerting
import Foundation
import Testing

@Suite struct AlertmanagerWebhookMessageTests {
    private func body(_ alert: Alert) throws -> [String: Any] {
        try JSON.object(WebhookPayload.alertmanager(receiver: "web", externalURL: "http://vm:9093").encode(alert))
    }

    @Test(arguments: [
        ("alertmanager-0.25-webhook-firing.json", SampleAlert.firing),
        ("alertmanager-0.25-webhook-resolved.json", SampleAlert.resolved),
    ])
    func hasTheShapeAndValuesOfAlertmanagersOwnBody(fixture: String, alert: Alert) throws {
        let captured = try JSON.object(Fixtures.data(fixture))
        let ours = try body(alert)
        #expect(JSON.shape(ours) == JSON.shape(captured))
        for key in ["receiver", "status", "commonLabels", "commonAnnotations", "externalURL", "version"] {
            #expect(JSON.same(ours[key], captured[key]), "\(key)")
        }
        #expect(ours["truncatedAlerts"] as? Int == 0)

        let ourAlerts = try #require(ours["alerts"] as? [[String: Any]])
        let capturedAlerts = try #require(captured["alerts"] as? [[String: Any]])
        #expect(ourAlerts.count == 1)
        let (mine, theirs) = (try #require(ourAlerts.first), try #require(capturedAlerts.first))
        #expect(JSON.shape(mine) == JSON.shape(theirs))
        for key in ["status", "labels", "annotations", "generatorURL", "fingerprint"] {
            #expect(JSON.same(mine[key], theirs[key]), "\(key)")
        }
        #expect(JSON.date(mine["startsAt"]) == JSON.date(theirs["startsAt"]))
        #expect(JSON.date(mine["endsAt"]) == JSON.date(theirs["endsAt"]))
    }

    @Test func aFiringAlertEndsAtGosZeroTime() throws {
        let alerts = try #require(try body(SampleAlert.firing)["alerts"] as? [[String: Any]])
        #expect(alerts.first?["endsAt"] as? String == "0001-01-01T00:00:00Z")
    }

    @Test func groupsEachAlertByAllItsLabels() throws {
        let ours = try body(SampleAlert.firing)
        #expect(ours["groupKey"] as? String == #"{}:{alertname="HighErrorRate", instance="app-1:8080", service="checkout", severity="critical"}"#)
        #expect(JSON.same(ours["groupLabels"], ours["commonLabels"]))
        let quoted = try body(Alert(level: .info, title: "Quote", labels: ["path": "a\"b\\c\nd"]))
        #expect((quoted["groupKey"] as? String)?.contains(#"path="a\"b\\c\nd""#) == true)
    }
}
