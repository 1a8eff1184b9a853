@testable import Alerting
import Foundation
import Testing

@Suite struct SlackMessageTests {
    @Test func slackMessagesCarryTheTitleLevelAndLabels() throws {
        let firing = try JSON.object(WebhookPayload.slack(channel: "#alerts").encode(SampleAlert.firing))
        #expect(firing["text"] as? String == "[FIRING:critical] HighErrorRate")
        #expect(firing["channel"] as? String == "#alerts")
        let attachment = try #require((firing["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["color"] as? String == "danger")
        #expect(attachment["text"] as? String == "5xx ratio is 7.5% (threshold 5%)")
        let fields = try #require(attachment["fields"] as? [[String: Any]])
        #expect(fields.map { $0["title"] as? String } == ["alertname", "instance", "service", "severity"])

        let resolved = try JSON.object(WebhookPayload.slack().encode(SampleAlert.resolved))
        #expect(resolved["text"] as? String == "[RESOLVED:critical] HighErrorRate")
        #expect((resolved["attachments"] as? [[String: Any]])?.first?["color"] as? String == "good")
        #expect(resolved["channel"] == nil)
    }
}
