import Dispatch
import Foundation
@testable import HostMetrics
import Logging
import PrometheusMetrics
import Synchronization
import Testing

/// The filesystem collector on a mount table written for the case: node_exporter's excludes,
/// one series per label set, escapes, the read-only flag, and a mount whose statfs hangs.
@Suite struct FilesystemCollectorTests {
    static let mounts = """
        /dev/root / ext4 rw,relatime 0 0
        /dev/root / ext4 rw,noatime 0 0
        server:/export /hung nfs4 rw,relatime 0 0
        tmpfs /readonly tmpfs ro,nosuid 0 0
        proc /proc proc rw 0 0
        cgroup2 /sys/fs/cgroup cgroup2 rw 0 0
        overlay /merged overlay rw 0 0
        /dev/sdb /with\\040space ext4 rw 0 0
        /dev/sdc /back\\134slash ext4 rw 0 0
        /dev/gone /missing ext4 rw 0 0

        """

    /// A statfs that blocks on `/hung` until released. Its deadline is generous so that the
    /// healthy mounts behind the hung one are measured however loaded the machine is; only the
    /// first scrape waits it out.
    final class HangingStatfs: Sendable {
        private final class Gate: Sendable {
            let hanging = Atomic(true)
            let release = DispatchSemaphore(value: 0)
        }

        private let gate = Gate()
        let deadline: StatfsWithDeadline

        init() {
            let gate = gate
            deadline = StatfsWithDeadline(timeout: .seconds(2)) { path throws(HostMetricsError) in
                if path.hasSuffix("/hung"), gate.hanging.load(ordering: .acquiring) {
                    gate.release.wait()
                }
                return try FilesystemStats.read(path: path)
            }
        }

        /// Lets the blocked call return, and later ones return at once.
        func stopHanging() {
            if gate.hanging.exchange(false, ordering: .acquiringAndReleasing) {
                gate.release.signal()
            }
        }
    }

    private func withMountTable<Result>(_ body: (FixtureTree) throws -> Result) throws -> Result {
        try FixtureTree.with { tree in
            try tree.write("proc/1/mounts", Self.mounts)
            for directory in ["hung", "readonly", "with space", "back\\slash"] {
                try FileManager.default.createDirectory(atPath: tree.root + "/" + directory, withIntermediateDirectories: true)
            }
            return try body(tree)
        }
    }

    private func read(_ collector: FilesystemCollector) throws -> CollectedFamilies {
        var families: [CollectedFamily] = []
        collector.collect(try collector.read(), into: &families)
        return CollectedFamilies(families)
    }

    @Test func publishesEachLabelSetOnceWithNodeExportersExcludes() throws {
        try withMountTable { tree in
            let hanging = HangingStatfs()
            defer { hanging.stopHanging() }
            let collector = try FilesystemCollector(
                configuration: .init(paths: tree.paths), logger: Logger(label: "test"), statfs: hanging.deadline
            )
            let families = try read(collector)
            let mountPoints = families.series("node_filesystem_device_error").compactMap { $0["mountpoint"] }
            #expect(mountPoints.sorted() == ["/", "/back\\134slash", "/hung", "/missing", "/readonly", "/with space"])
            #expect(families.value("node_filesystem_device_error", ["device": "/dev/root", "mountpoint": "/", "fstype": "ext4"]) == 0)
            #expect(families.value("node_filesystem_readonly", ["device": "tmpfs", "mountpoint": "/readonly", "fstype": "tmpfs"]) == 1)
            #expect(families.value("node_filesystem_readonly", ["device": "/dev/root", "mountpoint": "/", "fstype": "ext4"]) == 0)
            // statfs gets the real path: the label keeps the kernel's \134, the directory has a backslash.
            #expect(families.value("node_filesystem_device_error", ["device": "/dev/sdc", "mountpoint": "/back\\134slash", "fstype": "ext4"]) == 0)
            #expect(families.value("node_filesystem_device_error", ["device": "/dev/sdb", "mountpoint": "/with space", "fstype": "ext4"]) == 0)
            #expect(families.value("node_filesystem_device_error", ["device": "/dev/gone", "mountpoint": "/missing", "fstype": "ext4"]) == 1)
            #expect((families.value("node_filesystem_size_bytes", ["device": "/dev/root", "mountpoint": "/", "fstype": "ext4"]) ?? 0) > 0)
            #expect(families.series("node_filesystem_size_bytes").count == 4)
        }
    }

    /// A mount whose statfs does not return reports `device_error 1` instead of stalling the
    /// scrape, is skipped while its call hangs, and is measured again once the call returns.
    @Test func reportsAHungMountAsADeviceError() throws {
        try withMountTable { tree in
            let hanging = HangingStatfs()
            defer { hanging.stopHanging() }
            let collector = try FilesystemCollector(
                configuration: .init(paths: tree.paths), logger: Logger(label: "test"), statfs: hanging.deadline
            )
            let hung = ["device": "server:/export", "mountpoint": "/hung", "fstype": "nfs4"]
            for _ in 0..<2 {
                let families = try read(collector)
                #expect(families.value("node_filesystem_device_error", hung) == 1)
                #expect(families.value("node_filesystem_size_bytes", hung) == nil)
                #expect(families.value("node_filesystem_device_error", ["device": "/dev/root", "mountpoint": "/", "fstype": "ext4"]) == 0)
                #expect(hanging.deadline.stuckMountPoints == [tree.root + "/hung"])
            }
            hanging.stopHanging()
            // The released call returns promptly; the bound only keeps a broken build from hanging.
            for _ in 0..<10_000 where !hanging.deadline.stuckMountPoints.isEmpty {
                usleep(1000)
            }
            #expect(try read(collector).value("node_filesystem_device_error", hung) == 0)
        }
    }

    @Test func followsTheConfiguredExcludes() throws {
        try withMountTable { tree in
            var configuration = NodeCollector.Configuration(paths: tree.paths)
            configuration.filesystemMountPointsExclude = "^/(hung|missing)$"
            configuration.filesystemFSTypesExclude = "^tmpfs$"
            let collector = try FilesystemCollector(configuration: configuration, logger: Logger(label: "test"))
            let mountPoints = try read(collector).series("node_filesystem_device_error").compactMap { $0["mountpoint"] }
            #expect(mountPoints.sorted() == ["/", "/back\\134slash", "/merged", "/proc", "/sys/fs/cgroup", "/with space"])
        }
    }
}
