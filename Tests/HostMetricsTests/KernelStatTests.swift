import HostMetrics
import Testing

/// `/proc/stat` against node_exporter's cpu and stat collectors' output for the same tree.
@Suite struct KernelStatTests {
    @Test(arguments: Fixture.allCases)
    func cpuSecondsMatchNodeExporter(_ fixture: Fixture) throws {
        let stat = try KernelStat.read(fixture.paths)
        #expect(stat.total.cpu == nil)
        #expect(stat.perCPU.map(\.cpu) == Array(0...7))
        for expected in try fixture.expectedOutputs() {
            #expect(expected.samples("node_cpu_seconds_total").count == stat.perCPU.count * 8)
            #expect(expected.samples("node_cpu_guest_seconds_total").count == stat.perCPU.count * 2)
            for times in stat.perCPU {
                let cpu = String(times.cpu ?? -1)
                let modes: [(String, Double)] = [
                    ("user", times.user), ("nice", times.nice), ("system", times.system), ("idle", times.idle),
                    ("iowait", times.iowait), ("irq", times.irq), ("softirq", times.softirq), ("steal", times.steal),
                ]
                for (mode, seconds) in modes {
                    #expect(expected.value("node_cpu_seconds_total", ["cpu": cpu, "mode": mode]) == seconds, "cpu \(cpu) \(mode)")
                }
                #expect(expected.value("node_cpu_guest_seconds_total", ["cpu": cpu, "mode": "user"]) == times.guest)
                #expect(expected.value("node_cpu_guest_seconds_total", ["cpu": cpu, "mode": "nice"]) == times.guestNice)
            }
        }
    }

    @Test(arguments: Fixture.allCases)
    func statCountersMatchNodeExporter(_ fixture: Fixture) throws {
        let stat = try KernelStat.read(fixture.paths)
        for expected in try fixture.expectedOutputs() {
            #expect(expected.value("node_boot_time_seconds") == Double(stat.bootTime))
            #expect(expected.value("node_context_switches_total") == Double(stat.contextSwitches))
            #expect(expected.value("node_forks_total") == Double(stat.processesCreated))
            #expect(expected.value("node_intr_total") == Double(stat.interruptsTotal))
            #expect(expected.value("node_procs_running") == Double(stat.processesRunning))
            #expect(expected.value("node_procs_blocked") == Double(stat.processesBlocked))
        }
        // `--collector.stat.softirq` is on in the e2e run: the vectors in the kernel's order.
        let vectors = ["hi", "timer", "net_tx", "net_rx", "block", "block_iopoll", "tasklet", "sched", "hrtimer", "rcu"]
        let e2e = try fixture.e2eOutput()
        #expect(stat.softIRQs.count == vectors.count)
        for (vector, count) in zip(vectors, stat.softIRQs) {
            #expect(e2e.value("node_softirqs_total", ["vector": vector]) == Double(count), "\(vector)")
        }
        #expect(stat.softIRQTotal == stat.softIRQs.reduce(0, +))
    }

    @Test func olderKernelsWriteFewerModesAndOfflineCPUsHaveNoLine() throws {
        let text = """
            cpu  100 0 50 1000
            cpu0 100 0 50 1000
            cpu2 1 2 3 4 5 6 7 8 9 10 11 12
            intr 5 1 2 3
            ctxt 6
            btime 7
            processes 8
            procs_running 9
            procs_blocked 10

            """
        let stat = try KernelStat(parsing: Array(text.utf8))
        #expect(stat.total.user == 1 && stat.total.system == 0.5 && stat.total.idle == 10 && stat.total.guestNice == 0)
        #expect(stat.perCPU.map(\.cpu) == [0, 2])
        #expect(stat.perCPU[1].guestNice == 0.1)
        #expect(stat.interruptsTotal == 5 && stat.bootTime == 7 && stat.processesBlocked == 10)
        #expect(stat.softIRQTotal == nil && stat.softIRQs.isEmpty)
    }

    @Test func missingAndMalformedEntriesAreTypedErrors() {
        #expect(throws: HostMetricsError.entryMissing(path: "/proc/stat", entry: "btime")) {
            try KernelStat(parsing: Array("cpu 1 2 3 4\nintr 1\nctxt 1\nprocesses 1\nprocs_running 1\nprocs_blocked 1\n".utf8))
        }
        #expect(throws: HostMetricsError.malformedLine(path: "x", line: 1, text: "cpu 1 2 x 4", expected: "cpu followed by at least 4 tick counts")) {
            try KernelStat(parsing: Array("cpu 1 2 x 4".utf8), path: "x")
        }
        #expect(throws: HostMetricsError.malformedLine(path: "x", line: 2, text: "ctxt -1", expected: "ctxt followed by a count")) {
            try KernelStat(parsing: Array("cpu 1 2 3 4\nctxt -1".utf8), path: "x")
        }
    }
}
