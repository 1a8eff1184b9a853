@testable import HostMetrics
import Logging
import PrometheusMetrics
import Testing

/// The cpu collector's counters never go backwards, as node_exporter keeps them, unless idle
/// drops far enough to mean the CPU was unplugged and plugged back.
@Suite struct CPUCollectorTests {
    private static func stat(user: Int, idle: Int) -> String {
        """
        cpu  \(user) 0 0 \(idle) 0 0 0 0 0 0
        cpu0 \(user) 0 0 \(idle) 0 0 0 0 0 0
        intr 1
        ctxt 1
        btime 1
        processes 1
        procs_running 1
        procs_blocked 0

        """
    }

    /// One scrape's `node_cpu_seconds_total{cpu, mode}`.
    private static func seconds(_ collector: CPUCollector, cpu: String, mode: String) throws -> Double? {
        var families: [CollectedFamily] = []
        collector.collect(try collector.read(), into: &families)
        return CollectedFamilies(families).value("node_cpu_seconds_total", ["cpu": cpu, "mode": mode])
    }

    @Test func keepsCountersFromGoingBackwards() throws {
        try FixtureTree.with { tree in
            let collector = try CPUCollector(configuration: .init(paths: tree.paths), logger: Logger(label: "test"))
            func seconds(_ mode: String) throws -> Double? { try Self.seconds(collector, cpu: "0", mode: mode) }
            try tree.write("proc/stat", Self.stat(user: 500, idle: 10_000))
            #expect(try seconds("user") == 5)
            // user drops, idle drops by less than 3 seconds: both keep their highest values.
            try tree.write("proc/stat", Self.stat(user: 400, idle: 9_900))
            #expect(try seconds("user") == 5)
            #expect(try seconds("idle") == 100)
            // idle drops by 3 seconds or more: the CPU starts over.
            try tree.write("proc/stat", Self.stat(user: 100, idle: 9_000))
            #expect(try seconds("user") == 1)
            #expect(try seconds("idle") == 90)
        }
    }

    /// A CPU that went offline is forgotten: plugged back with lower counts (which is what
    /// the kernel reports after a hotplug), its times start over instead of staying at the
    /// highest seen before it left.
    @Test func forgetsCPUsThatWentOffline() throws {
        try FixtureTree.with { tree in
            let collector = try CPUCollector(configuration: .init(paths: tree.paths), logger: Logger(label: "test"))
            func user(_ cpu: String) throws -> Double? { try Self.seconds(collector, cpu: cpu, mode: "user") }
            let head = "cpu  0 0 0 0\ncpu0 100 0 0 1000\n"
            let tail = "intr 1\nctxt 1\nbtime 1\nprocesses 1\nprocs_running 1\nprocs_blocked 0\n"
            try tree.write("proc/stat", head + "cpu1 500 0 0 1000\n" + tail)
            #expect(try user("1") == 5)
            try tree.write("proc/stat", head + tail)
            #expect(try user("1") == nil)
            try tree.write("proc/stat", head + "cpu1 200 0 0 1000\n" + tail)
            #expect(try user("1") == 2)
        }
    }

    @Test func readsIsolatedCPUsOnceAndInfoWhenAsked() throws {
        var configuration = NodeCollector.Configuration(paths: Fixture.v1_5_0.paths)
        configuration.cpuInfoFlagsInclude = "^avx2$"
        let collector = try CPUCollector(configuration: configuration, logger: Logger(label: "test"))
        var families: [CollectedFamily] = []
        collector.collect(try collector.read(), into: &families)
        let collected = CollectedFamilies(families)
        #expect(collected.series("node_cpu_isolated").compactMap { $0["cpu"] } == ["1", "3", "4", "5", "9"])
        // A flags filter turns on the info families, as in node_exporter.
        #expect(collected.series("node_cpu_info").count == 8)
        #expect(collected.series("node_cpu_flag_info") == [["flag": "avx2"]])
        #expect(collected["node_cpu_bug_info"] == nil)
    }
}
