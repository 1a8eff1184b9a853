import Foundation

/// One of Alertmanager's label matchers (`=`, `!=`, `=~`, `!~`), so routes read like its config.
///
/// As in Alertmanager, an absent label matches as the empty string and regular expressions are
/// anchored at the very start and end of the value, with Go's notion of a line break.
public struct LabelMatcher: Sendable {
    private enum Test: Sendable {
        case equal(String)
        case notEqual(String)
        case regex(NSRegularExpression, negated: Bool)
    }

    /// The label this matcher reads.
    public let name: String
    private let test: Test

    private init(name: String, test: Test) {
        self.name = name
        self.test = test
    }

    /// `name="value"`.
    public static func equal(_ name: String, _ value: String) -> LabelMatcher {
        LabelMatcher(name: name, test: .equal(value))
    }

    /// `name!="value"`.
    public static func notEqual(_ name: String, _ value: String) -> LabelMatcher {
        LabelMatcher(name: name, test: .notEqual(value))
    }

    /// `name=~"pattern"`; throws ``AlertingError/invalidMatcherPattern(_:reason:)``.
    public static func regex(_ name: String, _ pattern: String) throws -> LabelMatcher {
        LabelMatcher(name: name, test: .regex(try compile(pattern), negated: false))
    }

    /// `name!~"pattern"`; throws ``AlertingError/invalidMatcherPattern(_:reason:)``.
    public static func notRegex(_ name: String, _ pattern: String) throws -> LabelMatcher {
        LabelMatcher(name: name, test: .regex(try compile(pattern), negated: true))
    }

    private static func compile(_ pattern: String) throws -> NSRegularExpression {
        do {
            // Go's `$` matches at the very end only and its `.` stops at `\n` alone; ICU's `$`
            // also matches before a final line break and its `.` stops at `\r` and U+2028 too.
            return try NSRegularExpression(pattern: "^(?:" + pattern + ")\\z", options: .useUnixLineSeparators)
        } catch {
            throw AlertingError.invalidMatcherPattern(pattern, reason: "\(error)")
        }
    }

    /// Whether a label set passes this matcher.
    public func matches(_ labels: [String: String]) -> Bool {
        let value = labels[name] ?? ""
        switch test {
        case .equal(let expected):
            return value == expected
        case .notEqual(let expected):
            return value != expected
        case .regex(let expression, let negated):
            let range = NSRange(value.startIndex..., in: value)
            return (expression.firstMatch(in: value, range: range) != nil) != negated
        }
    }
}
