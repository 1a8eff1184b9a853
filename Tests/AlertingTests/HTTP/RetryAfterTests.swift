@testable import Alerting
import Foundation
import Testing

@Suite struct RetryAfterTests {
    /// 2015-10-21T07:28:00Z, the example date of RFC 9110.
    private let example = Date(timeIntervalSince1970: 1_445_412_480)

    @Test func readsDelaySeconds() {
        #expect(RetryAfter.parse("120", now: example) == .seconds(120))
        #expect(RetryAfter.parse(" 0 ", now: example) == .zero)
    }

    @Test func readsAllThreeHTTPDateForms() {
        let now = example.addingTimeInterval(-30)
        #expect(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.parse("Wednesday, 21-Oct-15 07:28:00 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.parse("Wed Oct 21 07:28:00 2015", now: now) == .seconds(30))
    }

    @Test func aDateInThePastMeansNow() {
        #expect(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", now: example.addingTimeInterval(60)) == .zero)
    }

    @Test func ignoresWhatItCannotRead() {
        #expect(RetryAfter.parse(nil, now: example) == nil)
        #expect(RetryAfter.parse("", now: example) == nil)
        #expect(RetryAfter.parse("-5", now: example) == nil)
        #expect(RetryAfter.parse("soon", now: example) == nil)
    }

    /// A delay too long for an `Int64` still asks for a wait longer than any deadline; read as
    /// unreadable, it made a 429 or 503 retried on the ordinary backoff, at once.
    @Test func aDelayTooLongForAnInt64IsTheLongestWait() {
        #expect(RetryAfter.parse("99999999999999999999999", now: example) == .seconds(Int64.max))
        #expect(RetryAfter.parse("9223372036854775808", now: example) == .seconds(Int64.max))
        #expect(RetryAfter.parse("9223372036854775807", now: example) == .seconds(Int64.max))
    }
}
