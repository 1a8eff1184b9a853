import Foundation
import HostMetrics
import ObservabilityTestSupport
import Testing

/// HostStats against Python's psutil 7, reading the same procfs trees (psutil's `PROCFS_PATH`):
/// both fixture versions, synthetic meminfo files, and this machine.
@Suite(.enabled(if: Psutil.isAvailable, "needs python3 with psutil (pip install psutil)"))
struct PsutilPeerTests {
    /// Asks psutil about each procfs root on stdin; prints one JSON object per root.
    static let script = #"""
        import json, os, sys, warnings
        warnings.simplefilter("ignore")
        import psutil
        out = []
        for root in json.load(sys.stdin):
            psutil.PROCFS_PATH = root
            entry = {
                "virtual_memory": psutil.virtual_memory()._asdict(),
                "swap_memory": psutil.swap_memory()._asdict(),
            }
            if os.path.exists(root + "/stat"):
                entry["cpu_times"] = psutil.cpu_times()._asdict()
                entry["per_cpu_times"] = [t._asdict() for t in psutil.cpu_times(percpu=True)]
                entry["boot_time"] = psutil.boot_time()
                entry["pids"] = len(psutil.pids())
            if os.path.exists(root + "/diskstats"):
                entry["disks"] = {k: v._asdict() for k, v in psutil.disk_io_counters(perdisk=True).items()}
            if os.path.exists(root + "/net/dev"):
                entry["nics"] = {k: v._asdict() for k, v in psutil.net_io_counters(pernic=True).items()}
            out.append(entry)
        print(json.dumps(out))
        """#

    static func ask(_ roots: [String]) throws -> [[String: Any]] {
        let answer = try Psutil.json(script, input: roots)
        return try #require(answer as? [[String: Any]])
    }

    static func number(_ object: [String: Any]?, _ key: String) -> Double? {
        (object?[key] as? NSNumber)?.doubleValue
    }

    @Test(arguments: Fixture.allCases)
    func fixtureTreesAgreeWithPsutil(_ fixture: Fixture) throws {
        let host = HostStats(paths: fixture.paths)
        let psutil = try #require(try Self.ask([fixture.paths.procfs]).first)

        let memory = try host.virtualMemory()
        let vm = psutil["virtual_memory"] as? [String: Any]
        let memoryFields: [(String, Double)] = [
            ("total", Double(memory.total)), ("available", Double(memory.available)), ("percent", memory.percent),
            ("used", Double(memory.used)), ("free", Double(memory.free)), ("active", Double(memory.active)),
            ("inactive", Double(memory.inactive)), ("buffers", Double(memory.buffers)), ("cached", Double(memory.cached)),
            ("shared", Double(memory.shared)), ("slab", Double(memory.slab)),
        ]
        for (key, value) in memoryFields { #expect(Self.number(vm, key) == value, "virtual_memory.\(key)") }

        let swap = try host.swapMemory()
        let sw = psutil["swap_memory"] as? [String: Any]
        let swapFields: [(String, Double)] = [
            ("total", Double(swap.total)), ("used", Double(swap.used)), ("free", Double(swap.free)),
            ("percent", swap.percent), ("sin", Double(swap.sin)), ("sout", Double(swap.sout)),
        ]
        for (key, value) in swapFields { #expect(Self.number(sw, key) == value, "swap_memory.\(key)") }

        let times = try host.cpuTimes()
        let perCPU = try host.perCPUTimes()
        let psutilPerCPU = psutil["per_cpu_times"] as? [[String: Any]] ?? []
        #expect(psutilPerCPU.count == perCPU.count)
        for (ours, theirs) in zip([times] + perCPU, [psutil["cpu_times"] as? [String: Any] ?? [:]] + psutilPerCPU) {
            let modes: [(String, Double)] = [
                ("user", ours.user), ("nice", ours.nice), ("system", ours.system), ("idle", ours.idle), ("iowait", ours.iowait),
                ("irq", ours.irq), ("softirq", ours.softirq), ("steal", ours.steal), ("guest", ours.guest), ("guest_nice", ours.guestNice),
            ]
            for (key, value) in modes { #expect(Self.number(theirs, key) == value, "cpu \(String(describing: ours.cpu)) \(key)") }
        }
        #expect(Self.number(psutil, "boot_time") == (try host.bootTime()))
        #expect(Self.number(psutil, "pids") == Double(try host.processCount()))

        let disks = try host.perDiskIOCounters()
        let psutilDisks = psutil["disks"] as? [String: [String: Any]] ?? [:]
        #expect(Set(psutilDisks.keys) == Set(disks.keys))
        for (name, counters) in disks {
            let fields: [(String, UInt64)] = [
                ("read_count", counters.readCount), ("write_count", counters.writeCount), ("read_bytes", counters.readBytes),
                ("write_bytes", counters.writeBytes), ("read_time", counters.readTime), ("write_time", counters.writeTime),
                ("read_merged_count", counters.readMergedCount), ("write_merged_count", counters.writeMergedCount),
                ("busy_time", counters.busyTime),
            ]
            for (key, value) in fields { #expect(Self.number(psutilDisks[name], key) == Double(value), "\(name).\(key)") }
        }

        guard fixture == .v1_5_0 else { return }
        let nics = try host.perNICIOCounters()
        let psutilNICs = psutil["nics"] as? [String: [String: Any]] ?? [:]
        #expect(Set(psutilNICs.keys) == Set(nics.keys))
        for (name, counters) in nics {
            let fields: [(String, UInt64)] = [
                ("bytes_sent", counters.bytesSent), ("bytes_recv", counters.bytesRecv), ("packets_sent", counters.packetsSent),
                ("packets_recv", counters.packetsRecv), ("errin", counters.errin), ("errout", counters.errout),
                ("dropin", counters.dropin), ("dropout", counters.dropout),
            ]
            for (key, value) in fields { #expect(Self.number(psutilNICs[name], key) == Double(value), "\(name).\(key)") }
        }
        let total = try host.netIOCounters()
        #expect(total.bytesRecv == nics.values.reduce(0) { $0 + $1.bytesRecv })
    }

    /// Seeded random meminfo, zoneinfo and vmstat files: with MemAvailable, without it (the
    /// estimate from the zones' low watermarks), with it 0, without zoneinfo.
    @Test func syntheticMemoryFilesAgreeWithPsutil() throws {
        var random = SplitMix64(seed: 0x5eed_1234)
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("psutil-peer-\(getpid())")
        defer { try? FileManager.default.removeItem(at: base) }
        var roots: [String] = []
        for index in 0..<40 {
            let root = base.appendingPathComponent(String(index))
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let total = random.next(in: 1...64_000_000)
            let free = random.next(in: 0...total)
            let swapTotal = random.next(in: 0...8_000_000)
            var lines = ["MemTotal: \(total) kB", "MemFree: \(free) kB"]
            switch index % 4 {
            case 0: lines.append("MemAvailable: \(random.next(in: 0...total)) kB")
            case 1: lines.append("MemAvailable: 0 kB")
            default: break
            }
            lines += [
                "Buffers: \(random.next(in: 0...total / 8)) kB", "Cached: \(random.next(in: 0...total / 2)) kB",
                "Active: \(random.next(in: 0...total)) kB", "Inactive: \(random.next(in: 0...total)) kB",
                "Active(file): \(random.next(in: 0...total / 4)) kB", "Inactive(file): \(random.next(in: 0...total / 4)) kB",
                "Shmem: \(random.next(in: 0...total / 8)) kB", "Slab: \(random.next(in: 0...total / 8)) kB",
                "SReclaimable: \(random.next(in: 0...total / 8)) kB",
                "SwapTotal: \(swapTotal) kB", "SwapFree: \(random.next(in: 0...swapTotal)) kB",
                "HugePages_Total: 0",
            ]
            try (lines.joined(separator: "\n") + "\n").write(to: root.appendingPathComponent("meminfo"), atomically: true, encoding: .utf8)
            if index % 3 != 0 {
                let zones = (0..<3).map { _ in "Node 0, zone X\n  pages free 1\n        min      1\n        low      \(random.next(in: 0...200_000))\n        high     3\n" }
                try zones.joined().write(to: root.appendingPathComponent("zoneinfo"), atomically: true, encoding: .utf8)
            }
            try "pswpin \(random.next(in: 0...1_000_000))\npswpout \(random.next(in: 0...1_000_000))\n"
                .write(to: root.appendingPathComponent("vmstat"), atomically: true, encoding: .utf8)
            roots.append(root.path)
        }
        for (root, psutil) in zip(roots, try Self.ask(roots)) {
            let host = HostStats(paths: HostPaths(procfs: root))
            let memory = try host.virtualMemory()
            let vm = psutil["virtual_memory"] as? [String: Any]
            #expect(Self.number(vm, "available") == Double(memory.available), "\(root)")
            #expect(Self.number(vm, "percent") == memory.percent, "\(root)")
            #expect(Self.number(vm, "used") == Double(memory.used), "\(root)")
            #expect(Self.number(vm, "cached") == Double(memory.cached), "\(root)")
            let swap = try host.swapMemory()
            let sw = psutil["swap_memory"] as? [String: Any]
            #expect(Self.number(sw, "percent") == swap.percent && Self.number(sw, "sin") == Double(swap.sin), "\(root)")
            #expect(Self.number(sw, "used") == Double(swap.used), "\(root)")
        }
    }

    /// cpu_percent and disk_usage percentages: the same arithmetic and Python's rounding, to the
    /// last bit, on seeded random samples.
    @Test func percentagesRoundLikePython() throws {
        var random = SplitMix64(seed: 42)
        var pairs: [[[Double]]] = []
        var ours: [Double] = []
        for _ in 0..<300 {
            let before = (0..<10).map { _ in Double(random.next(in: 0...10_000_000)) / 100 }
            let after = before.map { $0 + Double(random.next(in: 0...5_000)) / 100 - (random.next(in: 0...20) == 0 ? 1 : 0) }
            pairs.append([before, after])
            ours.append(Self.times(after).busyPercent(since: Self.times(before)))
        }
        let cpuScript = #"""
            import json, sys
            import psutil
            from psutil import _cpu_times_deltas, _cpu_tot_time, _cpu_busy_time
            scputimes = psutil._ntp.scputimes
            out = []
            for before, after in json.load(sys.stdin):
                d = _cpu_times_deltas(scputimes(*before), scputimes(*after))
                total = _cpu_tot_time(d)
                out.append(0.0 if total == 0 else round(_cpu_busy_time(d) / total * 100, 1))
            print(json.dumps(out))
            """#
        let theirs = try #require(try Psutil.json(cpuScript, input: pairs) as? [Double])
        #expect(theirs == ours)

        var stats: [[UInt64]] = []
        var usages: [DiskUsage] = []
        for _ in 0..<300 {
            let blocks = random.next(in: 1...1_000_000_000)
            let free = random.next(in: 0...blocks)
            let available = random.next(in: 0...free)
            let size = [UInt64(512), 1024, 4096][Int(random.next(in: 0...2))]
            stats.append([blocks, free, available, size])
            usages.append(DiskUsage(FilesystemStats(blockSize: size, fragmentSize: size, blocks: blocks, freeBlocks: free, availableBlocks: available, files: 0, freeFiles: 0, isReadOnly: false)))
        }
        let diskScript = #"""
            import json, sys
            from psutil._common import usage_percent
            out = []
            for blocks, bfree, bavail, frsize in json.load(sys.stdin):
                total = blocks * frsize
                used = total - bfree * frsize
                free = bavail * frsize
                out.append([total, used, free, usage_percent(used, used + free, round_=1)])
            print(json.dumps(out))
            """#
        let disk = try #require(try Psutil.json(diskScript, input: stats) as? [[NSNumber]])
        for (usage, psutil) in zip(usages, disk) {
            #expect(psutil.map(\.doubleValue) == [Double(usage.total), Double(usage.used), Double(usage.free), usage.percent])
        }
    }

    /// This machine: what does not change between two reads agrees exactly, the rest closely.
    @Test func thisMachineAgreesWithPsutil() throws {
        let host = HostStats()
        let psutil = try #require(try Self.ask(["/proc"]).first)
        let memory = try host.virtualMemory()
        let vm = psutil["virtual_memory"] as? [String: Any]
        #expect(Self.number(vm, "total") == Double(memory.total))
        #expect(abs((Self.number(vm, "percent") ?? -100) - memory.percent) < 10)
        #expect(Self.number(psutil["swap_memory"] as? [String: Any], "total") == Double(try host.swapMemory().total))
        #expect(Self.number(psutil, "boot_time") == (try host.bootTime()))
        #expect((psutil["per_cpu_times"] as? [Any])?.count == (try host.perCPUTimes()).count)
        #expect(Set((psutil["disks"] as? [String: Any])?.keys ?? [:].keys) == Set(try host.perDiskIOCounters().keys))
        #expect(Set((psutil["nics"] as? [String: Any])?.keys ?? [:].keys) == Set(try host.perNICIOCounters().keys))
    }

    static func times(_ values: [Double]) -> CPUTimes {
        CPUTimes(
            cpu: nil, user: values[0], nice: values[1], system: values[2], idle: values[3], iowait: values[4],
            irq: values[5], softirq: values[6], steal: values[7], guest: values[8], guestNice: values[9]
        )
    }
}
