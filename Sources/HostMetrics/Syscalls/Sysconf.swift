import Glibc

/// The two sysconf(3) values that turn procfs units into seconds and bytes.
public enum Sysconf: Sendable {
    /// USER_HZ (`_SC_CLK_TCK`): the ticks per second of `/proc/stat` and `/proc/[pid]/stat`.
    /// Linux fixes it at 100 for user space; 100 is also the answer if sysconf fails.
    public static let clockTicksPerSecond: Double = {
        let ticks = sysconf(Int32(_SC_CLK_TCK))
        return ticks > 0 ? Double(ticks) : 100
    }()

    /// The page size in bytes (`_SC_PAGESIZE`), the unit of RSS and of sockstat's `mem`.
    public static let pageSize: Int = {
        let size = sysconf(Int32(_SC_PAGESIZE))
        return size > 0 ? size : 4096
    }()
}
