extension [UInt8] {
    /// The bytes as lowercase hex, the way digests are printed in test vectors.
    var hexDigits: String {
        map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// The bytes a test vector spells in hex, two digits each.
    init(hexDigits: String) {
        self = stride(from: 0, to: hexDigits.utf8.count, by: 2).map { offset in
            let start = hexDigits.index(hexDigits.startIndex, offsetBy: offset)
            return UInt8(hexDigits[start..<hexDigits.index(start, offsetBy: 2)], radix: 16) ?? 0
        }
    }
}
