import Glibc
import Synchronization

/// A procfs or sysfs file that a collector reads at every scrape, kept open: each read asks the
/// kernel for the file anew from offset 0 (`pread`), which spares every scrape the path lookup,
/// open and close. A file that was deleted or replaced since (a rewritten fixture, a device that
/// went away) is opened again; one that cannot be read is closed and opened again next time.
final class KeptFile: Sendable {
    /// Where the file is, for opening it and for errors.
    let path: String
    private let descriptor = Mutex<Int32>(-1)

    init(_ path: String) {
        self.path = path
    }

    deinit {
        descriptor.withLock { fd in
            if fd >= 0 { close(fd) }
        }
    }

    /// The whole file as it is now.
    func read() throws(HostMetricsError) -> [UInt8] {
        try descriptor.withLock { (fd) throws(HostMetricsError) -> [UInt8] in
            if fd >= 0, !Self.isLinked(fd) {
                close(fd)
                fd = -1
            }
            if fd < 0 {
                fd = open(path, O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { throw FileReader.failure(path, errno) }
            }
            do throws(HostMetricsError) {
                return try FileReader.read(descriptor: fd, path: path)
            } catch {
                close(fd)
                fd = -1
                throw error
            }
        }
    }

    /// False once the file open at `fd` has no name left: it was deleted or replaced.
    private static func isLinked(_ fd: Int32) -> Bool {
        var status = stat()
        return fstat(fd, &status) == 0 && status.st_nlink > 0
    }
}
