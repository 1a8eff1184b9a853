import Foundation
import HostMetrics
import PrometheusMetrics
import Testing

/// client_golang's process families for this test process, against what Python's psutil reads
/// of the same process.
@Suite struct ProcessCollectorTests {
    static let helps: [String: String] = [
        "process_cpu_seconds_total": "Total user and system CPU time spent in seconds.",
        "process_open_fds": "Number of open file descriptors.",
        "process_max_fds": "Maximum number of open file descriptors.",
        "process_virtual_memory_bytes": "Virtual memory size in bytes.",
        "process_virtual_memory_max_bytes": "Maximum amount of virtual memory available in bytes.",
        "process_resident_memory_bytes": "Resident memory size in bytes.",
        "process_start_time_seconds": "Start time of the process since unix epoch in seconds.",
    ]

    @Test func publishesClientGolangsFamilies() {
        let families = CollectedFamilies(ProcessCollector())
        #expect(families.names == Set(Self.helps.keys))
        for family in families.all {
            #expect(family.help == Self.helps[family.name])
            #expect(family.type == (family.name == "process_cpu_seconds_total" ? .counter : .gauge))
            #expect(family.metrics.count == 1)
            #expect(family.metrics.first?.labels.isEmpty == true)
        }
    }

    @Test(.enabled(if: Psutil.isAvailable, "needs python3 with psutil"))
    func agreesWithPsutil() throws {
        let script = """
            import json, os, psutil, resource, sys
            p = psutil.Process(json.load(sys.stdin)["pid"])
            soft = resource.prlimit(p.pid, resource.RLIMIT_NOFILE)[0]
            vsoft = resource.prlimit(p.pid, resource.RLIMIT_AS)[0]
            print(json.dumps({"start": p.create_time(), "max_fds": soft, "max_vsize": vsoft,
                              "rss": p.memory_info().rss, "vms": p.memory_info().vms,
                              "cpu": sum(p.cpu_times()[:2])}))
            """
        let before = CollectedFamilies(ProcessCollector())
        let peer = try #require(try Psutil.json(script, input: ["pid": Int(getpid())]) as? [String: Double])
        let after = CollectedFamilies(ProcessCollector())
        // Both compute boot time + start ticks / USER_HZ.
        #expect(abs((before.value("process_start_time_seconds") ?? 0) - (peer["start"] ?? -1)) < 0.01)
        let unlimited = Double(UInt64.max)
        #expect(before.value("process_max_fds") == peer["max_fds"].map { $0 < 0 ? unlimited : $0 })
        #expect(before.value("process_virtual_memory_max_bytes") == peer["max_vsize"].map { $0 < 0 ? unlimited : $0 })
        // What moves while the test runs lies between the two scrapes (or near them).
        let cpu = try #require(peer["cpu"])
        #expect((before.value("process_cpu_seconds_total") ?? .infinity) <= cpu + 0.01)
        #expect((after.value("process_cpu_seconds_total") ?? 0) >= cpu - 0.01)
        for (name, key) in [("process_resident_memory_bytes", "rss"), ("process_virtual_memory_bytes", "vms")] {
            let ours = try #require(before.value(name))
            let theirs = try #require(peer[key])
            #expect(ours > theirs / 2 && ours < theirs * 2, "\(name): \(ours) vs psutil \(theirs)")
        }
    }

    /// Tests running beside this one open and close descriptors all the time, so the count is
    /// compared on several tries, each bracketed by two scrapes; a correct count agrees on one.
    @Test(.enabled(if: Psutil.isAvailable, "needs python3 with psutil"))
    func countsOpenDescriptorsAsPsutilDoes() throws {
        let script = """
            import json, psutil, sys
            print(json.dumps({"fds": psutil.Process(json.load(sys.stdin)["pid"]).num_fds()}))
            """
        var tries: [String] = []
        for _ in 0..<8 {
            let before = try #require(CollectedFamilies(ProcessCollector()).value("process_open_fds"))
            let peer = try #require(try Psutil.json(script, input: ["pid": Int(getpid())]) as? [String: Double])
            let after = try #require(CollectedFamilies(ProcessCollector()).value("process_open_fds"))
            let theirs = try #require(peer["fds"])
            // The pipes to python3 are open while psutil counts.
            if theirs >= min(before, after) - 2 && theirs <= max(before, after) + 6 { return }
            tries.append("\(before)…\(after) vs psutil \(theirs)")
        }
        Issue.record("process_open_fds never agreed with psutil: \(tries)")
    }
}
