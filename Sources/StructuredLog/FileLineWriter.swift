#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Writes lines to a file descriptor with `write(2)`: standard output, standard error, or a
/// file opened for appending.
///
/// Each call's lines go out under a lock, so that a line split by the kernel into several writes
/// (pipes take at most 4 KiB at once) is still never interleaved with another thread's. A write
/// that fails is counted in ``failedWrites`` and its lines are dropped: logging never throws.
/// A pipe or socket whose reader is gone fails a write like any other error, rather than
/// raising `SIGPIPE`, which would end the process.
public final class FileLineWriter: LogLineWriter {
    /// Standard output, where container runtimes collect logs.
    public static let standardOutput = FileLineWriter(fileDescriptor: STDOUT_FILENO, closesOnDeinit: false)
    /// Standard error.
    public static let standardError = FileLineWriter(fileDescriptor: STDERR_FILENO, closesOnDeinit: false)

    private let fileDescriptor: Int32
    private let closesOnDeinit: Bool
    /// Whether the descriptor is a pipe or a socket, where a write raises `SIGPIPE` once the
    /// reader is gone.
    private let canRaiseSIGPIPE: Bool
    private let lock = Mutex(())
    private let failures = Atomic<Int>(0)

    /// A writer to a descriptor the caller opened; it is closed with the writer when
    /// `closesOnDeinit` is true.
    public init(fileDescriptor: Int32, closesOnDeinit: Bool) {
        self.fileDescriptor = fileDescriptor
        self.closesOnDeinit = closesOnDeinit
        var status = stat()
        let type = fstat(fileDescriptor, &status) == 0 ? status.st_mode & S_IFMT : 0
        let isPipeOrSocket = type == S_IFIFO || type == S_IFSOCK
        #if canImport(Darwin)
        // Darwin turns SIGPIPE off for one descriptor, so no write needs the signal mask.
        if isPipeOrSocket { _ = fcntl(fileDescriptor, F_SETNOSIGPIPE, 1) }
        self.canRaiseSIGPIPE = false
        #else
        self.canRaiseSIGPIPE = isPipeOrSocket
        #endif
    }

    /// A writer appending to the file at `path`, created with mode 0644 if missing.
    public convenience init(path: String) throws(StructuredLogError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotOpenFile(path: path, errno: errno) }
        self.init(fileDescriptor: descriptor, closesOnDeinit: true)
    }

    deinit {
        if closesOnDeinit { close(fileDescriptor) }
    }

    /// How many calls to ``write(lines:)`` failed (a closed pipe, a full disk) and lost their lines.
    public var failedWrites: Int { failures.load(ordering: .relaxed) }

    /// Writes `lines` under the lock, with as many `write(2)` calls as the kernel needs.
    public func write(lines: UnsafeRawBufferPointer) {
        guard var next = lines.baseAddress, !lines.isEmpty else { return }
        let succeeded = lock.withLock { _ in
            var signalMask = canRaiseSIGPIPE ? SIGPIPEMask() : nil
            defer { signalMask?.restore() }
            var remaining = lines.count
            while remaining > 0 {
                let written = systemWrite(fileDescriptor, next, remaining)
                if written > 0 {
                    next += written
                    remaining -= written
                } else if written < 0 && errno == EINTR {
                    continue
                } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&descriptor, 1, -1)
                } else {
                    if errno == EPIPE { signalMask?.discardPendingSIGPIPE() }
                    return false
                }
            }
            return true
        }
        if !succeeded { failures.wrappingAdd(1, ordering: .relaxed) }
    }
}

/// `SIGPIPE` blocked in the calling thread while a writer writes, so that a reader that is gone
/// makes `write(2)` fail with `EPIPE` instead of ending the process.
private struct SIGPIPEMask {
    private var previous = sigset_t()
    private var signals = sigset_t()

    init() {
        sigemptyset(&signals)
        sigaddset(&signals, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &signals, &previous)
    }

    /// Takes back the `SIGPIPE` a failed write left pending, unless the thread blocked the
    /// signal itself, when one pending may be older than the write and is not ours to take.
    mutating func discardPendingSIGPIPE() {
        guard sigismember(&previous, SIGPIPE) == 0 else { return }
        var pending = sigset_t()
        guard sigpending(&pending) == 0, sigismember(&pending, SIGPIPE) == 1 else { return }
        #if !canImport(Darwin)
        var noWait = timespec(tv_sec: 0, tv_nsec: 0)
        while sigtimedwait(&signals, nil, &noWait) < 0 && errno == EINTR {}
        #endif
    }

    /// Restores the thread's signal mask.
    mutating func restore() {
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }
}

/// `write(2)`, by a name that the writer's own `write(lines:)` does not hide.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
