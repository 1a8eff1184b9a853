@testable import Alerting
import Testing

@Suite struct IdempotencyKeysTests {
    @Test func everyKeyIsNewAndEveryManagerHasItsOwnPrefix() {
        var first = IdempotencyKeys()
        var second = IdempotencyKeys()
        let keys = (0..<1000).map { _ in first.next() }
        let other = second.next()
        #expect(Set(keys).count == 1000)
        #expect(keys.allSatisfy { $0.hasPrefix(String(keys[0].prefix(33))) })
        #expect(keys[0].prefix(33) != other.prefix(33))
        #expect(keys[0].prefix(32).allSatisfy(\.isHexDigit))
    }
}
