/// Where finished log lines go. Conform to it to send lines anywhere (a socket, a ring buffer, a
/// test's array); ``FileLineWriter``, ``LogLineSink`` and ``BufferedLineWriter`` are provided.
public protocol LogLineWriter: Sendable {
    /// Takes whole lines, each ending in `\n`: one line per call from ``JSONLogHandler``,
    /// possibly several from ``BufferedLineWriter``. The bytes are only valid during the call.
    /// Called from many threads at once; an implementation keeps lines from interleaving.
    func write(lines: UnsafeRawBufferPointer)
}
