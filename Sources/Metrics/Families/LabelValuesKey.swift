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

struct OneLabelValue: LabelValuesKey {
    let first: String
    var count: Int { 1 }
    func value(at index: Int) -> String { first }

    @inline(__always)
    func withUTF8<Result>(at index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        UTF8Bytes.withBytes(of: first, body)
    }
}

struct TwoLabelValues: LabelValuesKey {
    let first: String
    let second: String
    var count: Int { 2 }
    func value(at index: Int) -> String { index == 0 ? first : second }

    @inline(__always)
    func withUTF8<Result>(at index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        index == 0 ? UTF8Bytes.withBytes(of: first, body) : UTF8Bytes.withBytes(of: second, body)
    }
}

struct ThreeLabelValues: LabelValuesKey {
    let first: String
    let second: String
    let third: String
    var count: Int { 3 }

    func value(at index: Int) -> String {
        switch index {
        case 0: first
        case 1: second
        default: third
        }
    }

    @inline(__always)
    func withUTF8<Result>(at index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        switch index {
        case 0: UTF8Bytes.withBytes(of: first, body)
        case 1: UTF8Bytes.withBytes(of: second, body)
        default: UTF8Bytes.withBytes(of: third, body)
        }
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
