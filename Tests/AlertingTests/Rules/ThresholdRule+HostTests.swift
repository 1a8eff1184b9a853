import Alerting
import HostMetrics
import Testing

@Suite struct ThresholdRuleHostTests {
    @Test func hostRulesCoverCPUMemoryAndEachMountpoint() {
        let rules = ThresholdRule.hostRules(host: HostStats(paths: HostStatsValueSourceTests.fixture), mountpoints: ["/", "/var"])
        #expect(rules.map(\.name) == ["HostHighCpuLoad", "HostOutOfMemory", "HostOutOfDiskSpace", "HostOutOfDiskSpace"])
        #expect(rules.map(\.level) == [.critical, .critical, .warning, .warning])
        #expect(rules.map(\.comparison) == [.greaterThan(95), .greaterThan(95), .greaterThan(90), .greaterThan(90)])
        #expect(rules[3].labels["mountpoint"] == "/var")
    }
}
