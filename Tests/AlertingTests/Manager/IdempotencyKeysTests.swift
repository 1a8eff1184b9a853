@testable import Alerting
import Testing

@Suite struct IdempotencyKeysTests {
    @Test func everyKeyIsNewAndEveryManagerHasItsOwnPrefix() {
        var first = IdempotencyKeys()
        var second = IdempotencyKeys()
        let keys = (0..<1000).map { _ in first.next() }
        let prefixes = Set(keys.map { $0.prefix(33) })
        let otherPrefix = second.next().prefix(33)
        let isHex = keys[0].prefix(32).allSatisfy { $0.isHexDigit }
        #expect(Set(keys).count == 1000)
        #expect(prefixes.count == 1)
        #expect(!prefixes.contains(otherPrefix))
        #expect(isHex)
    }
}
