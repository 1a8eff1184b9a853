#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Takes lines off the caller's thread: they are copied into a bounded buffer and written to
/// `destination` by a background thread, many lines per write.
///
/// Logging then costs a copy, never a blocking system call; the price is that a full buffer
/// (a stalled disk or pipe) drops lines. Dropped lines are counted in ``droppedLines``, to be
/// exported as a metric. Call ``flush()`` at shutdown so that nothing pending is lost.
public final class BufferedLineWriter: LogLineWriter {
    private let queue: LineQueue

    /// A writer buffering up to `capacity` bytes of lines for `destination`. A line longer than
    /// `capacity` is always dropped.
    public init(writingTo destination: any LogLineWriter, capacity: Int = 1 << 20) throws(StructuredLogError) {
        queue = LineQueue(destination: destination, capacity: capacity)
        let context = Unmanaged.passRetained(queue).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(
            &thread,
            nil,
            { context in
                guard let context else { return nil }
                Unmanaged<LineQueue>.fromOpaque(context).takeRetainedValue().run()
                return nil
            },
            context
        )
        guard result == 0 else {
            Unmanaged<LineQueue>.fromOpaque(context).release()
            throw .cannotStartWriterThread(errno: result)
        }
        pthread_detach(thread)
    }

    deinit {
        queue.stop()
    }

    /// How many lines were dropped because the buffer was full.
    public var droppedLines: Int { queue.droppedLines }

    /// Copies `lines` into the buffer, or counts them as dropped when it is full: never waits for
    /// the destination.
    public func write(lines: UnsafeRawBufferPointer) {
        queue.enqueue(lines)
    }

    /// Blocks until every line written before the call has reached the destination.
    public func flush() {
        queue.flush()
    }
}
