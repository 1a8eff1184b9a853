/// Two label values, for the two-label `labels(_:_:)` lookup.
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
