@testable import Alerting
import Foundation
import Testing

@Suite struct PagerDutyEventTests {
    @Test func pagerDutyEventsTriggerAndResolveOneIncidentByFingerprint() throws {
        let payload = WebhookPayload.pagerDuty(routingKey: Secret("R0UTING"))
        let trigger = try JSON.object(payload.encode(SampleAlert.firing))
        #expect(trigger["routing_key"] as? String == "R0UTING")
        #expect(trigger["event_action"] as? String == "trigger")
        #expect(trigger["dedup_key"] as? String == "b18ad0197ff501cf")
        #expect(trigger["client_url"] as? String == SampleAlert.generatorURL)
        let details = try #require(trigger["payload"] as? [String: Any])
        #expect(details["summary"] as? String == "HighErrorRate: 5xx ratio is 7.5% (threshold 5%)")
        #expect(details["severity"] as? String == "critical")
        #expect(details["source"] as? String == "app-1:8080")
        #expect(JSON.date(details["timestamp"]) == SampleAlert.startsAt)
        #expect((details["custom_details"] as? [String: String])?["service"] == "checkout")

        let resolve = try JSON.object(payload.encode(SampleAlert.resolved))
        #expect(resolve["event_action"] as? String == "resolve")
        #expect(resolve["dedup_key"] as? String == "b18ad0197ff501cf")
        #expect(resolve["payload"] == nil)
    }

    @Test func pagerDutySummariesStayWithinTheirLimit() throws {
        let long = Alert(level: .error, title: "Long", message: String(repeating: "x", count: 5000))
        let event = try JSON.object(WebhookPayload.pagerDuty(routingKey: Secret("k"), source: "host-1").encode(long))
        let details = try #require(event["payload"] as? [String: Any])
        #expect((details["summary"] as? String)?.count == PagerDutyEvent.summaryLimit)
        #expect(details["source"] as? String == "host-1")
    }
}
