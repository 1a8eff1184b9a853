/// One label value, for the one-label `labels(_:)` lookup.
struct OneLabelValue: LabelValuesKey {
    let first: String
    var count: Int { 1 }
    func value(at index: Int) -> String { first }

    @inline(__always)
    func withUTF8<Result>(at index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        UTF8Bytes.withBytes(of: first, body)
    }
}
