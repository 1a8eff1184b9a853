/// Label values as a lookup presents them: fixed-arity forms keep the common calls free of the
/// array a variadic parameter would allocate, and lend their bytes without copying a `String`.
protocol LabelValuesKey {
    var count: Int { get }
    func value(at index: Int) -> String
    /// Calls `body` with the UTF-8 bytes of the value at `index`, borrowed.
    func withUTF8<Result>(at index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result
}

extension Array: LabelValuesKey where Element == String {
    func value(at index: Int) -> String { self[index] }

    @inline(__always)
    func withUTF8<Result>(at index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        UTF8Bytes.withBytes(of: self[index], body)
    }
}

extension LabelValuesKey {
    /// Whether these values are, byte for byte, the given ones.
    @inline(__always)
    func matches(_ values: [String]) -> Bool {
        guard values.count == count else { return false }
        for index in 0..<count {
            let equal = withUTF8(at: index) { key in
                UTF8Bytes.withBytes(of: values[index]) { UTF8Bytes.equal(key, $0) }
            }
            if !equal { return false }
        }
        return true
    }
}
