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

    /// Alertmanager compiles `^(?:pattern)$` with Go's regexp, whose `$` is the end of the value
    /// and whose `.` excludes only `\n`: a value read from a file with its line break does not
    /// match `web-.*` there, and `a.b` matches `a\rb`.
    @Test func anchorsAndLineBreaksAreGos() throws {
        #expect(try LabelMatcher.regex("instance", "web-.*").matches(["instance": "web-1\n"]) == false)
        #expect(try LabelMatcher.notRegex("instance", "web-.*").matches(["instance": "web-1\n"]))
        #expect(try LabelMatcher.regex("instance", "web-.*\n").matches(["instance": "web-1\n"]))
        #expect(try LabelMatcher.regex("instance", "a.b").matches(["instance": "a\rb"]))
        #expect(try LabelMatcher.regex("instance", "a.b").matches(["instance": "a\nb"]) == false)
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
