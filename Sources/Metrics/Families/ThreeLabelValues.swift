/// Three label values, for the three-label `labels(_:_:_:)` lookup.
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
