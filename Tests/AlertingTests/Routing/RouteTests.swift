import Alerting
import Testing

@Suite struct RouteTests {
    private let alert = Alert(level: .error, title: "HighErrorRate", labels: ["service": "checkout", "team": "payments"])

    @Test func takesAlertsAtOrAboveItsMinimumLevel() {
        let handler = RecordingHandler()
        #expect(Route(handler, minimumLevel: .error).accepts(alert))
        #expect(Route(handler, minimumLevel: .warning).accepts(alert))
        #expect(!Route(handler, minimumLevel: .critical).accepts(alert))
    }

    @Test func requiresEveryMatcherToMatch() throws {
        let handler = RecordingHandler()
        #expect(Route(handler, matchers: [.equal("service", "checkout"), .notEqual("team", "search")]).accepts(alert))
        #expect(!Route(handler, matchers: [.equal("service", "checkout"), .equal("team", "search")]).accepts(alert))
        #expect(Route(handler, matchers: [try .regex("service", "check.*|cart")]).accepts(alert))
    }
}
