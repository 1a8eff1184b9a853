import HostMetrics
import Testing

/// `/proc/[pid]/stat` and the process limits against node_exporter's processes collector.
@Suite struct ProcessCountsTests {
    @Test(arguments: Fixture.allCases)
    func matchesNodeExporter(_ fixture: Fixture) throws {
        let counts = try ProcessCounts.read(fixture.paths)
        let pidMax = try Sysctl.value("kernel.pid_max", fixture.paths)
        let threadsMax = try Sysctl.value("kernel.threads-max", fixture.paths)
        for expected in try fixture.expectedOutputs() {
            #expect(expected.value("node_processes_pids") == Double(counts.processes))
            #expect(expected.value("node_processes_threads") == Double(counts.threads))
            #expect(expected.value("node_processes_max_processes") == Double(pidMax))
            #expect(expected.value("node_processes_max_threads") == Double(threadsMax))
            let states = expected.samples("node_processes_state")
            #expect(Dictionary(uniqueKeysWithValues: states.compactMap { sample in sample.labels["state"].map { ($0, Int(sample.value)) } }) == counts.states)
        }
        #expect(Set(try ProcessCounts.processIDs(fixture.paths)) == [1, 10, 11])
    }

    @Test func statFieldsAndCommWithParentheses() throws {
        let stat = try ProcessStat.read(pid: "1", Fixture.v1_5_0.paths)
        #expect(stat.pid == 1 && stat.comm == "systemd" && stat.state == "S" && stat.ppid == 0)
        #expect(stat.utime == 36 && stat.stime == 98 && stat.numThreads == 1 && stat.startTime == 29)
        #expect(stat.virtualMemoryBytes == 109_604_864 && stat.rssPages == 2507)
        #expect(stat.cpuSeconds == 1.34)
        let tricky = "42 (a) b (c)) R 1 2 3 4 5 6 7 8 9 10 100 200 13 14 15 16 3 18 500 4096 -1 rest"
        let parsed = try ProcessStat(parsing: Array(tricky.utf8), path: "t")
        #expect(parsed.comm == "a) b (c)" && parsed.state == "R" && parsed.numThreads == 3 && parsed.rssPages == -1)
        for bad in ["42 a S 1", "42 (a) S 1 2 3", "x (a) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21", ")( 1"] {
            #expect(throws: HostMetricsError.self, "\(bad)") { try ProcessStat(parsing: Array(bad.utf8), path: "t") }
        }
    }

    @Test func limits() throws {
        let text = """
            Limit                     Soft Limit           Hard Limit           Units
            Max cpu time              unlimited            unlimited            seconds
            Max open files            1024                 524288               files
            Max address space         unlimited            unlimited            bytes
            Max nice priority         0                    0

            """
        let limits = try ProcessLimits(parsing: Array(text.utf8), path: "l")
        #expect(limits.openFiles?.soft == 1024 && limits.openFiles?.hard == 524_288 && limits.openFiles?.unit == "files")
        #expect(limits.addressSpace != nil && limits.addressSpace?.soft == nil)
        #expect(limits["Max nice priority"]?.unit == "")
        #expect(throws: HostMetricsError.self) { try ProcessLimits(parsing: Array("h\nMax open files  lots  4096  files\n".utf8), path: "l") }
    }
}
