/// Label values as a lookup presents them: fixed-arity forms keep the common calls free of the
/// array a variadic parameter would allocate.
protocol LabelValuesKey {
    var count: Int { get }
    func value(at index: Int) -> String
}

extension Array: LabelValuesKey where Element == String {
    func value(at index: Int) -> String { self[index] }
}

struct OneLabelValue: LabelValuesKey {
    let first: String
    var count: Int { 1 }
    func value(at index: Int) -> String { first }
}

struct TwoLabelValues: LabelValuesKey {
    let first: String
    let second: String
    var count: Int { 2 }
    func value(at index: Int) -> String { index == 0 ? first : second }
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
}

extension LabelValuesKey {
    /// A seeded hash of the values' UTF-8 bytes (Swift's `Hasher`, so label values that come
    /// from requests cannot be chosen to collide).
    func labelHash() -> Int {
        var hasher = Hasher()
        for index in 0..<count {
            UTF8Bytes.combine(value(at: index), into: &hasher)
        }
        return hasher.finalize()
    }

    /// Whether these values are, byte for byte, the given ones.
    func matches(_ values: [String]) -> Bool {
        guard values.count == count else { return false }
        for index in 0..<count where !UTF8Bytes.equal(values[index], value(at: index)) {
            return false
        }
        return true
    }
}
