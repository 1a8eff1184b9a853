#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// What a ``BufferedLineWriter`` shares with its thread: a bounded byte buffer of pending lines
/// behind a mutex, with one condition for "lines arrived" and one for "a batch was written".
/// Two buffers take turns, so the thread writes one while callers fill the other; each grows to
/// the most the writer ever held and keeps that storage, rather than reserving the capacity up
/// front (which may be as large as `Int.max`).
final class LineQueue: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let linesArrived = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let batchWritten = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let capacity: Int
    private let destination: any LogLineWriter
    /// Lines waiting for the thread; guarded by `mutex`.
    private var pending: [UInt8] = []
    /// The batch the thread is writing; only the thread touches it outside `mutex`.
    private var batch: [UInt8] = []
    /// How many batches the thread has taken from `pending`, and how many it has written;
    /// guarded by `mutex`. A flush waits for a batch number, not for an empty buffer, which
    /// lines logged meanwhile may never leave.
    private var batchesTaken = 0
    private var batchesWritten = 0
    private var isStopping = false
    private let dropped = Atomic<Int>(0)

    init(destination: any LogLineWriter, capacity: Int) {
        self.destination = destination
        self.capacity = capacity
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(linesArrived, nil)
        pthread_cond_init(batchWritten, nil)
    }

    deinit {
        pthread_cond_destroy(batchWritten)
        pthread_cond_destroy(linesArrived)
        pthread_mutex_destroy(mutex)
        batchWritten.deallocate()
        linesArrived.deallocate()
        mutex.deallocate()
    }

    /// Lines refused because the buffer was full.
    var droppedLines: Int { dropped.load(ordering: .relaxed) }

    /// Copies `lines` into the buffer, or counts them as dropped when they do not fit.
    func enqueue(_ lines: UnsafeRawBufferPointer) {
        pthread_mutex_lock(mutex)
        let fits = pending.count + lines.count <= capacity
        if fits {
            if pending.isEmpty { pthread_cond_signal(linesArrived) }
            pending.append(contentsOf: lines)
        }
        pthread_mutex_unlock(mutex)
        if !fits {
            let count = lines.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            dropped.wrappingAdd(count, ordering: .relaxed)
        }
    }

    /// Blocks until every line enqueued before the call has been written: the batch being
    /// written, and the next one when lines are pending.
    func flush() {
        pthread_mutex_lock(mutex)
        let target = pending.isEmpty ? batchesTaken : batchesTaken + 1
        while batchesWritten < target { pthread_cond_wait(batchWritten, mutex) }
        pthread_mutex_unlock(mutex)
    }

    /// Lets the thread finish: it writes what is pending, then returns from ``run()``.
    func stop() {
        pthread_mutex_lock(mutex)
        isStopping = true
        pthread_cond_signal(linesArrived)
        pthread_mutex_unlock(mutex)
    }

    /// The thread's loop: wait for lines, take them all as one batch, write it, repeat.
    func run() {
        pthread_mutex_lock(mutex)
        while true {
            while pending.isEmpty && !isStopping { pthread_cond_wait(linesArrived, mutex) }
            if pending.isEmpty { break }
            swap(&pending, &batch)
            batchesTaken += 1
            pthread_mutex_unlock(mutex)
            batch.withUnsafeBytes { destination.write(lines: $0) }
            batch.removeAll(keepingCapacity: true)
            pthread_mutex_lock(mutex)
            batchesWritten += 1
            pthread_cond_broadcast(batchWritten)
        }
        pthread_mutex_unlock(mutex)
    }
}
