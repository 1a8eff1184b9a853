import Glibc

/// Reads procfs and sysfs files and directories with plain `open`/`read`/`readdir`.
///
/// procfs files report a size of 0, so a file is read until `read` returns 0, straight into an
/// array's uninitialised storage that starts at 4 KiB and doubles: one allocation and no copy
/// for almost every file.
enum FileReader {
    /// Larger than any procfs or sysfs file (a mountinfo with 100,000 mounts is ~15 MiB).
    static let sizeLimit = 64 << 20

    /// The whole file.
    static func read(_ path: String) throws(HostMetricsError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, errno) }
        defer { close(fd) }
        return try read(descriptor: fd, path: path)
    }

    /// The whole file open at `fd`, read from its start with `pread` (procfs and sysfs generate
    /// a file anew when it is read from offset 0); `path` names it in errors.
    static func read(descriptor fd: Int32, path: String) throws(HostMetricsError) -> [UInt8] {
        var bytes: [UInt8] = []
        var capacity = 4096
        var atEnd = false
        var readError: Int32 = 0
        while true {
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                guard let base = buffer.baseAddress else { return }
                previous.withUnsafeBufferPointer { old in
                    if let start = old.baseAddress { base.initialize(from: start, count: old.count) }
                }
                count = previous.count
                while count < capacity {
                    let got = pread(fd, base + count, capacity - count, off_t(count))
                    if got > 0 {
                        count += got
                    } else if got == 0 {
                        atEnd = true
                        return
                    } else if errno != EINTR {
                        readError = errno
                        return
                    }
                }
            }
            if readError != 0 { throw failure(path, readError) }
            if atEnd { return bytes }
            guard capacity < sizeLimit else { throw .fileTooLarge(path: path, limit: sizeLimit) }
            capacity *= 2
        }
    }

    /// One entry of a directory listing.
    struct DirectoryEntry {
        /// The name, as bytes without the terminating NUL.
        let name: UnsafeRawBufferPointer
        /// True for a regular file; false for a directory, a symlink (not followed, as Go's
        /// `os.ReadDir` reports it) or anything else.
        let isRegularFile: Bool
    }

    /// Calls `body` with every entry of a directory except `.` and `..`.
    static func forEachEntry(
        in path: String,
        _ body: (DirectoryEntry) throws(HostMetricsError) -> Void
    ) throws(HostMetricsError) {
        guard let directory = opendir(path) else { throw failure(path, errno) }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let type = entry.pointee.d_type
            try withUnsafeBytes(of: &entry.pointee.d_name) { (raw) throws(HostMetricsError) in
                let name = UnsafeRawBufferPointer(rebasing: raw[..<(raw.firstIndex(of: 0) ?? raw.count)])
                if name.count <= 2, name.allSatisfy({ $0 == .dot }) { return }
                let isRegularFile = type == DT_UNKNOWN ? isRegularFile(name, in: directory) : type == DT_REG
                try body(DirectoryEntry(name: name, isRegularFile: isRegularFile))
            }
        }
    }

    /// For file systems that leave `d_type` unknown: lstat the entry.
    private static func isRegularFile(_ name: UnsafeRawBufferPointer, in directory: OpaquePointer) -> Bool {
        var status = stat()
        let found = withUnsafeTemporaryAllocation(of: CChar.self, capacity: name.count + 1) { path in
            guard let base = path.baseAddress else { return false }
            UnsafeMutableRawBufferPointer(path).copyMemory(from: name)
            path[name.count] = 0
            return fstatat(dirfd(directory), base, &status, AT_SYMLINK_NOFOLLOW) == 0
        }
        return found && status.st_mode & S_IFMT == S_IFREG
    }

    /// Reads a small attribute file (sysfs) with a single `read` of up to `capacity` bytes, as
    /// procfs's `SysReadFile` does: a sysfs attribute comes whole from one read, and some
    /// drivers answer a second read with `EAGAIN` forever.
    static func readAttribute(_ path: String, capacity: Int = 128) throws(HostMetricsError) -> [UInt8] {
        try readAttribute(open(path, O_RDONLY | O_CLOEXEC), capacity: capacity) { path }
    }

    /// Runs `body` with the directory at `path` open, for reading its attributes by name
    /// (`readAttribute(_:in:)`) without resolving the directory's path (and the symlinks in it,
    /// such as `/sys/class/net/eth0`) for each one.
    static func withDirectory<Result>(_ path: String, _ body: (Directory) throws(HostMetricsError) -> Result) throws(HostMetricsError) -> Result {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, errno) }
        defer { close(fd) }
        return try body(Directory(path: path, descriptor: fd))
    }

    /// An open directory.
    struct Directory {
        let path: String
        let descriptor: Int32
    }

    /// Reads the attribute `name` of an open directory, as `readAttribute(_:)` reads a path.
    static func readAttribute(_ name: String, in directory: Directory, capacity: Int = 128) throws(HostMetricsError) -> [UInt8] {
        try readAttribute(openat(directory.descriptor, name, O_RDONLY | O_CLOEXEC), capacity: capacity) { directory.path + "/" + name }
    }

    /// One read of an opened attribute file; `path` names it in errors.
    private static func readAttribute(_ fd: Int32, capacity: Int, path: () -> String) throws(HostMetricsError) -> [UInt8] {
        guard fd >= 0 else { throw failure(path(), errno) }
        defer { close(fd) }
        var readError: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            while true {
                let got = Glibc.read(fd, buffer.baseAddress, capacity)
                if got >= 0 {
                    count = got
                    return
                }
                if errno != EINTR {
                    readError = errno
                    count = 0
                    return
                }
            }
        }
        if readError != 0 { throw failure(path(), readError) }
        return bytes
    }

    /// When the file was last modified, nil when it does not exist: what tells a reader that a
    /// file it parsed before (such as `os-release`) needs no second read.
    static func modificationTime(_ path: String) throws(HostMetricsError) -> Duration? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw failure(path, code)
        }
        return .seconds(status.st_mtim.tv_sec) + .nanoseconds(status.st_mtim.tv_nsec)
    }

    /// True when `path` is a directory this process may list.
    static func isDirectory(_ path: String) -> Bool {
        guard let directory = opendir(path) else { return false }
        closedir(directory)
        return true
    }

    /// True when something exists at `path` (a dangling symlink does not count).
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    static func failure(_ path: String, _ code: Int32) -> HostMetricsError {
        code == ENOENT || code == ENOTDIR ? .fileMissing(path: path) : .fileUnreadable(path: path, errno: code)
    }
}
