import Alerting
import Testing

@Suite struct ThresholdComparisonTests {
    @Test func comparisonsFollowPromQLIncludingNaN() {
        #expect(ThresholdComparison.greaterThan(1).isSatisfied(by: 2))
        #expect(!ThresholdComparison.greaterThan(1).isSatisfied(by: 1))
        #expect(ThresholdComparison.greaterThanOrEqual(1).isSatisfied(by: 1))
        #expect(ThresholdComparison.lessThan(1).isSatisfied(by: 0))
        #expect(ThresholdComparison.lessThanOrEqual(1).isSatisfied(by: 1))
        #expect(ThresholdComparison.equal(1).isSatisfied(by: 1))
        #expect(ThresholdComparison.notEqual(1).isSatisfied(by: 2))
        #expect(!ThresholdComparison.greaterThan(1).isSatisfied(by: .nan))
        #expect(!ThresholdComparison.lessThan(1).isSatisfied(by: .nan))
        #expect(ThresholdComparison.notEqual(1).isSatisfied(by: .nan))
    }
}
