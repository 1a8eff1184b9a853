import Foundation
import Glibc
import HostMetrics
import Testing

/// Readers that walk directories, pointed at hand-made broken trees: missing files, garbage,
/// offline CPUs, files where directories belong, a file too large for procfs.
@Suite struct HostileTreeTests {
    /// A scratch tree, removed when the test ends.
    final class Tree {
        let root: URL

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(getpid())-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func write(_ relative: String, _ text: String) throws {
            let url = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }

        func directory(_ relative: String) throws {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(relative), withIntermediateDirectories: true)
        }

        var paths: HostPaths { HostPaths(procfs: root.path + "/proc", sysfs: root.path + "/sys", rootfs: root.path) }
    }

    @Test func thermalThrottleSkipsCPUsWithoutTopologyOrCounts() throws {
        let tree = try Tree()
        let cpu = "sys/devices/system/cpu/"
        for (name, package, core, coreCount, packageCount) in [
            ("cpu0", "0", "0", "5", "30"), ("cpu1", "0", "0", "99", "99"), ("cpu10", "1", "0", "7", "6"),
            ("cpu2", "0", "1", nil, "31"), ("cpu3", "x", "1", "1", "1"), ("cpu4", "1", "1", "garbage", nil),
        ] as [(String, String, String, String?, String?)] {
            try tree.write(cpu + name + "/topology/physical_package_id", package + "\n")
            try tree.write(cpu + name + "/topology/core_id", core + "\n")
            if let coreCount { try tree.write(cpu + name + "/thermal_throttle/core_throttle_count", coreCount) }
            if let packageCount { try tree.write(cpu + name + "/thermal_throttle/package_throttle_count", packageCount) }
        }
        try tree.directory(cpu + "cpu5")  // offline or topology-less: nothing inside
        try tree.directory(cpu + "cpufreq")
        try tree.write(cpu + "online", "0-4,10\n")
        let throttle = try ThermalThrottle.read(tree.paths)
        #expect(throttle.cores.map { [$0.package, $0.core, $0.throttles] } == [[0, 0, 5], [1, 0, 7]])
        #expect(throttle.packages.map { [$0.package, $0.throttles] } == [[0, 30], [1, 6]])
        #expect(try CPUList.readOnline(tree.paths) == [0, 1, 2, 3, 4, 10])
        #expect(throws: HostMetricsError.fileMissing(path: tree.root.path + "/nowhere/devices/system/cpu")) {
            try ThermalThrottle.read(HostPaths(sysfs: tree.root.path + "/nowhere"))
        }
    }

    @Test func clockSourceWithoutCurrentIsAnError() throws {
        let tree = try Tree()
        try tree.write("sys/devices/system/clocksource/clocksource0/available_clocksource", "tsc hpet\n")
        #expect(throws: HostMetricsError.fileMissing(path: tree.paths.sysfs("devices/system/clocksource/clocksource0/current_clocksource"))) {
            try ClockSource.read(tree.paths)
        }
        try tree.write("sys/devices/system/clocksource/clocksource0/current_clocksource", "\n")
        #expect(throws: HostMetricsError.self) { try ClockSource.read(tree.paths) }
    }

    @Test func processesThatVanishAreSkippedAndGarbageIsAnError() throws {
        let tree = try Tree()
        try tree.write("proc/1/stat", "1 (init) S 0 1 1 0 -1 0 0 0 0 0 1 2 0 0 20 0 1 0 5 100 10 0\n")
        try tree.directory("proc/2")  // exited between the listing and the read
        try tree.write("proc/3/stat", "3 (worker) R 1 1 1 0 -1 0 0 0 0 0 1 2 0 0 20 0 4 0 5 100 10 0\n")
        try tree.write("proc/self", "3")
        try tree.directory("proc/sys")
        let counts = try ProcessCounts.read(tree.paths)
        #expect(counts.processes == 2 && counts.threads == 5 && counts.states == ["S": 1, "R": 1])
        try tree.write("proc/4/stat", "garbage\n")
        #expect(throws: HostMetricsError.self) { try ProcessCounts.read(tree.paths) }
    }

    /// Thread counts near Int64.max in two processes add up past it: wrapped as Go's int
    /// wraps, never a trap.
    @Test func threadCountsThatOverflowDoNotTrap() throws {
        let tree = try Tree()
        for pid in ["1", "2"] {
            try tree.write("proc/\(pid)/stat", "\(pid) (huge) S 0 1 1 0 -1 0 0 0 0 0 1 2 0 0 20 0 \(Int64.max) 0 5 100 10 0\n")
        }
        let counts = try ProcessCounts.read(tree.paths)
        #expect(counts.processes == 2 && counts.threads == Int64.max &+ Int64.max)
    }

    @Test func mountsFallBackInNodeExportersOrder() throws {
        let tree = try Tree()
        try tree.write("proc/self", "10")  // a file where procfs has a symlink: self/mountinfo is ENOTDIR
        #expect(throws: HostMetricsError.fileMissing(path: tree.paths.procfs("mounts"))) { try Mount.read(tree.paths) }
        try tree.write("proc/mounts", "/dev/sda1 / ext4 rw 0 0\n")
        #expect(try Mount.read(tree.paths).map(\.device) == ["/dev/sda1"])
        try tree.write("proc/1/mounts", "/dev/sdb1 / ext4 rw 0 0\n")
        #expect(try Mount.read(tree.paths).map(\.device) == ["/dev/sdb1"])
        try tree.write("proc/1/mountinfo", "1 0 8:1 / / rw - ext4 /dev/sdc1 rw\n")
        #expect(try Mount.read(tree.paths).map(\.device) == ["/dev/sdc1"])
        try tree.write("proc/1/mountinfo", "garbage\n")
        #expect(throws: HostMetricsError.self) { try Mount.read(tree.paths) }
    }

    @Test func etcOSReleaseComesFirst() throws {
        let tree = try Tree()
        try tree.write("usr/lib/os-release", "ID=fallback\n")
        #expect(try OSRelease.read(tree.paths).id == "fallback")
        try tree.write("etc/os-release", "ID=primary\n")
        #expect(try OSRelease.read(tree.paths).id == "primary")
    }

    @Test func directoriesAndHugeFilesAreNotProcfsFiles() throws {
        let tree = try Tree()
        try tree.directory("proc/meminfo")
        #expect(throws: HostMetricsError.fileUnreadable(path: tree.paths.procfs("meminfo"), errno: EISDIR)) { try MemInfo.read(tree.paths) }
        try tree.write("proc/loadavg", "")
        #expect(truncate(tree.paths.procfs("loadavg"), 65 << 20) == 0)  // sparse: no disk used
        #expect(throws: HostMetricsError.fileTooLarge(path: tree.paths.procfs("loadavg"), limit: 64 << 20)) { try LoadAverage.read(tree.paths) }
    }

    @Test func memoryFromABrokenContainerNeverTraps() throws {
        let tree = try Tree()
        try tree.write("proc/meminfo", "MemTotal: 100 kB\nMemFree: 500 kB\nCached: 9 kB\nSwapTotal: 10 kB\nSwapFree: 20 kB\n")
        let host = HostStats(paths: tree.paths)
        let memory = try host.virtualMemory()
        #expect(memory.available == memory.total && memory.used == 0 && memory.percent == 0)
        let swap = try host.swapMemory()
        #expect(swap.used == 0 && swap.percent == 0 && swap.sin == 0)
        try tree.write("proc/meminfo", "MemFree: 5 kB\n")
        #expect(throws: HostMetricsError.entryMissing(path: tree.paths.procfs("meminfo"), entry: "MemTotal")) { try host.virtualMemory() }
        #expect(throws: HostMetricsError.entryMissing(path: tree.paths.procfs("meminfo"), entry: "SwapTotal")) { try host.swapMemory() }
    }

    @Test func diskTotalsCountWholeDisksOnly() throws {
        let tree = try Tree()
        try tree.write("proc/diskstats", """
               8       0 sda 10 0 8 0 0 0 0 0 0 0 0
               8       1 sda1 4 0 2 0 0 0 0 0 0 0 0
             104       0 cciss/c0d0 1 0 1 0 0 0 0 0 0 0 0

            """)
        try tree.directory("sys/block/sda")
        try tree.directory("sys/block/cciss!c0d0")
        let host = HostStats(paths: tree.paths)
        let total = try host.diskIOCounters()
        #expect(total.readCount == 11 && total.readBytes == 9 * 512)
        #expect(try host.perDiskIOCounters().keys.sorted() == ["cciss/c0d0", "sda", "sda1"])
    }

    @Test func missingFilesNameThemselves() {
        let paths = HostPaths(procfs: "/nonexistent/proc", sysfs: "/nonexistent/sys", rootfs: "/nonexistent")
        #expect(throws: HostMetricsError.fileMissing(path: "/nonexistent/proc/stat")) { try KernelStat.read(paths) }
        #expect(throws: HostMetricsError.fileMissing(path: "/nonexistent/usr/lib/os-release")) { try OSRelease.read(paths) }
        #expect(throws: HostMetricsError.fileMissing(path: "/nonexistent/proc")) { try ProcessCounts.read(paths) }
        #expect(throws: HostMetricsError.fileMissing(path: "/nonexistent/proc/sys/kernel/pid_max")) { try Sysctl.value("kernel.pid_max", paths) }
        #expect(throws: HostMetricsError.systemCallFailed(call: "statvfs", path: "/nonexistent", errno: ENOENT)) { try HostStats(paths: paths).diskUsage(path: "/") }
        let description = HostMetricsError.fileMissing(path: "/nonexistent/proc/stat").description
        #expect(description.contains("/nonexistent/proc/stat") && description.contains("check"))
    }
}
