/// A ``LogLineWriter`` made of a closure, for sending lines somewhere without declaring a type.
public struct LogLineSink: LogLineWriter {
    private let body: @Sendable (UnsafeRawBufferPointer) -> Void

    /// A writer that calls `body` with each batch of whole lines.
    public init(_ body: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) {
        self.body = body
    }

    /// Hands `lines` to the closure.
    public func write(lines: UnsafeRawBufferPointer) {
        body(lines)
    }
}
