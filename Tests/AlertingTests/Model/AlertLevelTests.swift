import Alerting
import Testing

@Suite struct AlertLevelTests {
    @Test func levelsAreOrderedAndMapOneToOneOntoSwiftLog() {
        #expect(AlertLevel.allCases == [.info, .warning, .error, .critical])
        #expect(AlertLevel.allCases.sorted() == AlertLevel.allCases)
        #expect(AlertLevel.allCases.map(\.logLevel) == [.info, .warning, .error, .critical])
        #expect(AlertLevel.allCases.map(\.name) == ["info", "warning", "error", "critical"])
    }
}
