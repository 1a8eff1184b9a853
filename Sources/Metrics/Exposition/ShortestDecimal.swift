/// The shortest digits that round-trip a finite, non-zero, positive double, and where the
/// decimal point goes (`0.00125` is digits `125`, point position -2). Swift's own spelling
/// already has the shortest round-trip digits; this reads them back out of it, written into
/// stack memory through `TextOutputStream` so that no `String` is allocated.
struct ShortestDecimal {
    private(set) var digitCount = 0
    private(set) var pointPosition = 0

    /// Parses `value`'s spelling, leaving its digits in `digits` (at least 32 bytes).
    init(_ value: Double, digits: UnsafeMutablePointer<UInt8>) {
        var spelling = ASCIISpelling()
        value.write(to: &spelling)
        var integerDigits = 0
        var seenPoint = false
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        var leadingZeros = 0
        spelling.forEachByte { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9") where inExponent:
                exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "0") where digitCount == 0:
                if seenPoint { leadingZeros += 1 }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits[digitCount] = byte
                digitCount += 1
                if !seenPoint { integerDigits += 1 }
            case UInt8(ascii: "."):
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = true
            case UInt8(ascii: "-") where inExponent:
                exponentSign = -1
            default:
                break
            }
        }
        while digitCount > 1 && digits[digitCount - 1] == UInt8(ascii: "0") { digitCount -= 1 }
        pointPosition = (integerDigits > 0 ? integerDigits : -leadingZeros) + exponentSign * exponent
    }

    /// Receives a number's spelling into inline storage. The standard library hands numbers to a
    /// `TextOutputStream` as ASCII bytes through `_writeASCII`; `write(_:)` takes any other path.
    private struct ASCIISpelling: TextOutputStream {
        private var bytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        private var count = 0

        mutating func write(_ string: String) {
            for byte in string.utf8 { append(byte) }
        }

        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
            for byte in buffer { append(byte) }
        }

        private mutating func append(_ byte: UInt8) {
            guard count < MemoryLayout.size(ofValue: bytes) else { return }
            withUnsafeMutableBytes(of: &bytes) { $0[count] = byte }
            count += 1
        }

        func forEachByte(_ body: (UInt8) -> Void) {
            withUnsafeBytes(of: bytes) { stored in
                for index in 0..<count { body(stored[index]) }
            }
        }
    }
}
