import Alerting
import HostMetrics
import ObservabilityTestSupport
import Testing

@Suite struct HostStatsValueSourceTests {
    /// node_exporter's v1.5.0 fixture tree.
    static let fixture: HostPaths = {
        let root = SharedFixtures.nodeExporter + "/v1.5.0"
        return HostPaths(procfs: root + "/proc", sysfs: root + "/sys", rootfs: root)
    }()

    @Test func memoryIsReadThroughHostMetrics() async throws {
        let host = HostStats(paths: Self.fixture)
        let value = try await HostStatsValueSource(.memoryUsed, host: host).currentValue()
        #expect(value == (try host.memoryPercent()))
        #expect((value ?? -1) > 0 && (value ?? 101) < 100)
    }

    @Test func cpuBusyNeedsTwoEvaluations() async throws {
        let source = HostStatsValueSource(.cpuBusy)
        #expect(try await source.currentValue() == nil)
        // Zero when no CPU time passed between the reads (psutil's answer), else the busy share.
        let value = try #require(try await source.currentValue())
        #expect(value >= 0 && value <= 100)
    }

    @Test func diskUsageOfTheRootFilesystem() async throws {
        let value = try #require(try await HostStatsValueSource(.diskUsed(path: "/")).currentValue())
        #expect(value > 0 && value <= 100)
        await #expect(throws: HostMetricsError.self) {
            _ = try await HostStatsValueSource(.diskUsed(path: "/no/such/mount")).currentValue()
        }
    }
}
