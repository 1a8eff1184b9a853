/// Where the host's procfs, sysfs, root filesystem and udev database are.
///
/// The defaults read the machine this process runs on. A containerised exporter points them at the
/// host's mounts (node_exporter's `--path.procfs`, `--path.sysfs`, `--path.rootfs`,
/// `--path.udev.data`); tests point them at a fixture tree.
public struct HostPaths: Sendable, Hashable {
    /// The procfs mount, `/proc` by default.
    public var procfs: String
    /// The sysfs mount, `/sys` by default.
    public var sysfs: String
    /// The host's root filesystem, `/` by default: mount points and `etc/os-release` resolve under it.
    public var rootfs: String
    /// The udev database, `/run/udev/data` by default (node_exporter's `--path.udev.data`).
    public var udevData: String

    /// Paths for the machine itself unless told otherwise.
    public init(procfs: String = "/proc", sysfs: String = "/sys", rootfs: String = "/", udevData: String = "/run/udev/data") {
        self.procfs = procfs
        self.sysfs = sysfs
        self.rootfs = rootfs
        self.udevData = udevData
    }

    /// `relative` (such as `net/dev`) under the procfs root.
    public func procfs(_ relative: String) -> String {
        Self.join(procfs, relative)
    }

    /// `relative` (such as `devices/system/cpu`) under the sysfs root.
    public func sysfs(_ relative: String) -> String {
        Self.join(sysfs, relative)
    }

    /// `relative` (such as `b8:0`) under the udev database root.
    public func udevData(_ relative: String) -> String {
        Self.join(udevData, relative)
    }

    /// A host path (such as a mount point) resolved under the rootfs root, as node_exporter's
    /// `rootfsFilePath` does before it calls statfs.
    public func rootfs(_ path: String) -> String {
        Self.join(rootfs, path)
    }

    /// A mount point as the host sees it: the rootfs prefix that a containerised reader sees in
    /// front of the host's mount points is removed (node_exporter's `rootfsStripPrefix`, except
    /// that only a whole path component matches: rootfs `/host` leaves `/hostile` alone).
    public func hostMountPoint(_ mountPoint: String) -> String {
        var prefix = rootfs.utf8[...]
        while prefix.last == UInt8(ascii: "/") { prefix = prefix.dropLast() }
        guard !prefix.isEmpty, mountPoint.utf8.starts(with: prefix) else { return mountPoint }
        let stripped = mountPoint.utf8.dropFirst(prefix.count)
        if stripped.isEmpty { return "/" }
        return stripped.first == UInt8(ascii: "/") ? String(mountPoint[stripped.startIndex...]) : mountPoint
    }

    private static func join(_ root: String, _ relative: String) -> String {
        var base = Substring(root)
        while base.count > 1, base.hasSuffix("/") { base = base.dropLast() }
        var tail = Substring(relative)
        while tail.hasPrefix("/") { tail = tail.dropFirst() }
        if tail.isEmpty { return String(base) }
        return base == "/" ? "/" + tail : base + "/" + tail
    }
}
