import ArgumentParser
import HostMetrics

/// node_exporter's `--path.*` flags: where the host's procfs, sysfs, root filesystem and udev
/// database are mounted (a containerised exporter points them at the host's).
struct PathFlags: ParsableArguments {
    @Option(name: .customLong("path.procfs"), help: "procfs mountpoint.")
    var procfs = "/proc"
    @Option(name: .customLong("path.sysfs"), help: "sysfs mountpoint.")
    var sysfs = "/sys"
    @Option(name: .customLong("path.rootfs"), help: "rootfs mountpoint.")
    var rootfs = "/"
    @Option(name: .customLong("path.udev.data"), help: "udev data path.")
    var udevData = "/run/udev/data"

    var paths: HostPaths {
        HostPaths(procfs: procfs, sysfs: sysfs, rootfs: rootfs, udevData: udevData)
    }
}
