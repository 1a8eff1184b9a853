import Alerting
import Testing

@Suite struct LabelMatcherTests {
    @Test func regularExpressionsAreAnchoredLikeAlertmanagers() throws {
        let labels = ["service": "checkout"]
        #expect(try LabelMatcher.regex("service", "check").matches(labels) == false)
        #expect(try LabelMatcher.regex("service", "check(out|in)").matches(labels))
        #expect(try LabelMatcher.notRegex("service", "check").matches(labels))
        #expect(try LabelMatcher.notRegex("service", ".*out").matches(labels) == false)
    }

    @Test func anAbsentLabelMatchesAsEmpty() throws {
        #expect(LabelMatcher.equal("team", "").matches([:]))
        #expect(LabelMatcher.notEqual("team", "payments").matches([:]))
        #expect(try LabelMatcher.regex("team", ".*").matches([:]))
    }

    @Test func aBrokenPatternIsATypedErrorNamingIt() {
        let error = #expect(throws: AlertingError.self) { try LabelMatcher.regex("service", "(unclosed") }
        #expect(error.map { "\($0)" }?.contains("\"(unclosed\"") == true)
    }
}
