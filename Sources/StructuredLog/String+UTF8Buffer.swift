extension String {
    /// Calls `body` with the string's UTF-8 bytes: in place for a native string (every string on
    /// Linux), else from a copy.
    @inline(__always)
    func withUTF8Buffer<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        utf8.withContiguousStorageIfAvailable(body) ?? Array(utf8).withUnsafeBufferPointer(body)
    }
}
