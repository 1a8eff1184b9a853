import Glibc

/// What statvfs(3) reports for a mounted filesystem (node_exporter's filesystem collector,
/// psutil's `disk_usage`).
public struct FilesystemStats: Sendable, Hashable {
    /// `f_bsize`: the block size node_exporter multiplies by.
    public var blockSize: UInt64
    /// `f_frsize`: the fragment size, the unit of the block counts, which psutil multiplies by.
    /// Equal to `blockSize` on almost every filesystem.
    public var fragmentSize: UInt64
    /// `f_blocks`: size of the filesystem in fragments.
    public var blocks: UInt64
    /// `f_bfree`: free fragments, including those reserved for root.
    public var freeBlocks: UInt64
    /// `f_bavail`: free fragments available to unprivileged users.
    public var availableBlocks: UInt64
    /// `f_files`: inodes.
    public var files: UInt64
    /// `f_ffree`: free inodes.
    public var freeFiles: UInt64
    /// `ST_RDONLY` in `f_flag`: mounted read-only.
    public var isReadOnly: Bool

    /// Size in bytes as node_exporter computes it: `Double(blocks) * Double(blockSize)`.
    public var sizeBytes: Double { Double(blocks) * Double(blockSize) }
    /// Free bytes, root's reserve included: `Double(freeBlocks) * Double(blockSize)`.
    public var freeBytes: Double { Double(freeBlocks) * Double(blockSize) }
    /// Bytes available to unprivileged users: `Double(availableBlocks) * Double(blockSize)`.
    public var availableBytes: Double { Double(availableBlocks) * Double(blockSize) }

    /// Field values as given.
    public init(
        blockSize: UInt64, fragmentSize: UInt64, blocks: UInt64, freeBlocks: UInt64, availableBlocks: UInt64,
        files: UInt64, freeFiles: UInt64, isReadOnly: Bool
    ) {
        self.blockSize = blockSize
        self.fragmentSize = fragmentSize
        self.blocks = blocks
        self.freeBlocks = freeBlocks
        self.availableBlocks = availableBlocks
        self.files = files
        self.freeFiles = freeFiles
        self.isReadOnly = isReadOnly
    }

    /// Calls statvfs(3) on `path` and waits however long it takes: a hung network mount blocks
    /// the caller. `StatfsWithDeadline` bounds the wait.
    public static func read(path: String) throws(HostMetricsError) -> FilesystemStats {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else {
            throw .systemCallFailed(call: "statvfs", path: path, errno: errno)
        }
        return FilesystemStats(
            blockSize: UInt64(stats.f_bsize), fragmentSize: UInt64(stats.f_frsize), blocks: UInt64(stats.f_blocks),
            freeBlocks: UInt64(stats.f_bfree), availableBlocks: UInt64(stats.f_bavail), files: UInt64(stats.f_files),
            freeFiles: UInt64(stats.f_ffree), isReadOnly: stats.f_flag & UInt(ST_RDONLY) != 0
        )
    }
}
