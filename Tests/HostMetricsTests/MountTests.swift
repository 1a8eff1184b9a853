import HostMetrics
import Testing

/// Mount tables against node_exporter's filesystem collector.
@Suite struct MountTests {
    /// The flags `proc-collectors-output.txt` was generated with, and node_exporter's default
    /// fs-type exclude.
    static let excludedMountPoints = "^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)"
    static let excludedFSTypes =
        "^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs|iso9660|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|sysfs|tracefs)$"

    @Test func v1_5_0FilesystemSeriesMatchNodeExporter() throws {
        let paths = Fixture.v1_5_0.paths
        let mounts = try Mount.read(paths)
        #expect(mounts.count == 32)
        #expect(mounts.allSatisfy { $0.major == nil && $0.superOptions.isEmpty })
        let mountPointFilter = try Regex(Self.excludedMountPoints)
        let fsTypeFilter = try Regex(Self.excludedFSTypes)
        // The collector's steps: filter, strip the rootfs prefix, one series per label set.
        var seen: Set<[String]> = []
        let kept = mounts.filter { mount in
            (try? mountPointFilter.firstMatch(in: mount.mountPoint)) == nil && (try? fsTypeFilter.firstMatch(in: mount.fsType)) == nil
                && seen.insert([mount.device, paths.hostMountPoint(mount.mountPoint), mount.fsType]).inserted
        }
        let statfs = StatfsWithDeadline(timeout: .seconds(30))
        let results = statfs.stats(paths: kept.map { paths.rootfs(paths.hostMountPoint($0.mountPoint)) })
        let expected = try Fixture.procCollectorsOutput()
        #expect(expected.samples("node_filesystem_device_error").count == kept.count)
        for (mount, result) in zip(kept, results) {
            let labels = ["device": mount.device, "fstype": mount.fsType, "mountpoint": paths.hostMountPoint(mount.mountPoint)]
            let failed = (try? result.get()) == nil
            #expect(expected.value("node_filesystem_device_error", labels) == (failed ? 1 : 0), "\(labels)")
            #expect(expected.value("node_filesystem_readonly", labels) == (failed ? nil : (mount.isReadOnly ? 1 : 0)), "\(labels)")
        }
        // The \011 and \040 mount points: a TAB and a space in the label value.
        let escaped = mounts.filter { $0.mountPoint.contains("[vsanDatastore]") }.map(\.mountPoint)
        #expect(escaped.count == 2)
        #expect(escaped.contains { $0.contains("[vsanDatastore] bafb9e5a") })
        #expect(escaped.contains { $0.contains("[vsanDatastore]\tbafb9e5a") })
    }

    @Test func v1_12_1ReadsPID1MountInfo() throws {
        let mounts = try Mount.read(Fixture.v1_12_1.paths)
        #expect(mounts.count == 32)
        let root = try #require(mounts.first { $0.mountPoint == "/" })
        #expect(root.device == "/dev/dm-2" && root.fsType == "ext4" && root.major == 259 && root.minor == 2)
        #expect(root.mountOptions == "rw,relatime" && root.superOptions == "errors=remount-ro,data=ordered" && !root.isReadOnly)
        let cgroup = try #require(mounts.first { $0.mountPoint == "/sys/fs/cgroup" })
        #expect(cgroup.isReadOnly)
        #expect(mounts.contains { $0.mountPoint.hasSuffix("[vsanDatastore]\tbafb9e5a-8856-7e6c-699c-801844e77a4a/kubernetes-dynamic-pvc-3eba5bba-48a3-11e8-89ab-005056b92113.vmdk") })
        // The duplicate binfmt_misc mount stays: the collector decides what a duplicate is.
        #expect(mounts.filter { $0.mountPoint == "/proc/sys/fs/binfmt_misc" }.count == 2)
    }

    @Test func everyOctalEscapeIsDecoded() throws {
        let line = #"36 35 98:0 /a\134b /mnt/a\040b\011c\012d\134e\ rw,noatime master:1 - ext3 /dev/my\040disk ro,errors=continue"#
        let mount = try #require(try Mount.parseMountInfo(Array(line.utf8)).first)
        #expect(mount.mountPoint == "/mnt/a b\tc\nd\\e\\")
        #expect(mount.device == "/dev/my disk" && mount.fsType == "ext3" && mount.isReadOnly)
        #expect(mount.mountOptions == "rw,noatime")
        let old = try #require(try Mount.parseMounts(Array(#"/dev/sda1 /media/USB\040STICK vfat ro 0 0"#.utf8)).first)
        #expect(old.mountPoint == "/media/USB STICK" && old.isReadOnly && old.major == nil)
        // Not escapes: a backslash without three octal digits, and \400 (above a byte).
        #expect(try Mount.parseMounts(Array(#"a /x\08\400\12 t rw"#.utf8)).first?.mountPoint == #"/x\08\400\12"#)
    }

    @Test func malformedLinesAreTypedErrors() {
        for bad in ["36 35 98:0 / /mnt rw", "36 35 98-0 / /mnt rw - ext3 /dev/x rw", "36 35 98:0 / /mnt rw shared:1 ext3 /dev/x rw", "x 35 98:0 / /m rw - t s o"] {
            #expect(throws: HostMetricsError.self, "\(bad)") { try Mount.parseMountInfo(Array(bad.utf8)) }
        }
        #expect(throws: HostMetricsError.self) { try Mount.parseMounts(Array("/dev/sda1 / ext4".utf8)) }
    }

    @Test func rootfsPrefixIsStrippedByWholeComponents() {
        let paths = HostPaths(rootfs: "/host/")
        #expect(paths.hostMountPoint("/host") == "/")
        #expect(paths.hostMountPoint("/host/boot") == "/boot")
        #expect(paths.hostMountPoint("/hostile") == "/hostile")
        #expect(HostPaths().hostMountPoint("/boot") == "/boot")
        #expect(paths.rootfs("/boot") == "/host/boot" && HostPaths().rootfs("/boot") == "/boot")
    }
}
