/// Numbers spelled the way Go's `strconv.FormatFloat(v, 'g', -1, 64)` spells them, which is
/// what Prometheus and its client libraries write: shortest round-trip digits, an exponent
/// below 1e-4 and from 1e6 up (`1e+06`, `1.5e-05`), no `.0` on integers, `+Inf`, `-Inf`, `NaN`,
/// and `0` for negative zero. Swift's own `description` (`inf`, `5.0`, `1000000.0`) differs.
enum GoFloat {
    /// Appends the Prometheus text spelling of `value`.
    @inline(__always)
    static func append(_ value: Double, to bytes: inout [UInt8]) {
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
        } else if value == value.rounded(.towardZero) && abs(value) < 1e6 {
            appendInteger(Int64(value), to: &bytes)
        } else {
            appendGeneral(value, to: &bytes)
        }
    }

    /// Appends OpenMetrics' canonical spelling: Go's, plus `.0` where it has neither a point nor
    /// an exponent (`1.0`, `0.005`, `1e+06`). Used for float values, `le` and `quantile`.
    static func appendOpenMetrics(_ value: Double, to bytes: inout [UInt8]) {
        let start = bytes.count
        append(value, to: &bytes)
        if value.isFinite && !bytes[start...].contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") }) {
            bytes.append(contentsOf: ".0".utf8)
        }
    }

    /// Appends the decimal digits of an integer.
    @inline(__always)
    static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendUnsigned(value.magnitude, to: &bytes)
        } else {
            appendUnsigned(UInt64(value), to: &bytes)
        }
    }

    /// Appends the decimal digits of an unsigned integer.
    @inline(__always)
    static func appendUnsigned(_ value: UInt64, to bytes: inout [UInt8]) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var remaining = value
            var index = 20
            while remaining > 0 {
                index -= 1
                digits[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining % 10)
                remaining /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[index..<20]))
        }
    }

    private static func appendGeneral(_ value: Double, to bytes: inout [UInt8]) {
        if value.isNaN {
            bytes.append(contentsOf: "NaN".utf8)
            return
        }
        if value.isInfinite {
            bytes.append(contentsOf: (value > 0 ? "+Inf" : "-Inf").utf8)
            return
        }
        let decimal = ShortestDecimal(value)
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let exponent = decimal.pointPosition - 1
        if exponent < -4 || exponent >= 6 {
            appendScientific(decimal, exponent: exponent, to: &bytes)
        } else {
            appendFixed(decimal, to: &bytes)
        }
    }

    private static func appendScientific(_ decimal: ShortestDecimal, exponent: Int, to bytes: inout [UInt8]) {
        bytes.append(decimal.digits[0])
        if decimal.digits.count > 1 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: decimal.digits[1...])
        }
        bytes.append(UInt8(ascii: "e"))
        bytes.append(UInt8(ascii: exponent < 0 ? "-" : "+"))
        let magnitude = UInt64(abs(exponent))
        if magnitude < 10 { bytes.append(UInt8(ascii: "0")) }
        appendUnsigned(magnitude, to: &bytes)
    }

    private static func appendFixed(_ decimal: ShortestDecimal, to bytes: inout [UInt8]) {
        let digits = decimal.digits
        let point = decimal.pointPosition
        if point <= 0 {
            bytes.append(contentsOf: "0.".utf8)
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -point))
            bytes.append(contentsOf: digits)
        } else if point >= digits.count {
            bytes.append(contentsOf: digits)
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: point - digits.count))
        } else {
            bytes.append(contentsOf: digits[..<point])
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: digits[point...])
        }
    }
}

/// The shortest digits that round-trip a finite, non-zero double, and where the decimal point
/// goes (`0.00125` is digits `125`, point position -2). Swift's `description` already finds
/// the shortest round-trip digits; this only reads them back out of its spelling.
struct ShortestDecimal {
    var digits: [UInt8] = []
    var pointPosition = 0

    init(_ value: Double) {
        var integerDigits = 0
        var seenPoint = false
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        var leadingZeros = 0
        for byte in value.magnitude.description.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9") where inExponent:
                exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "0") where digits.isEmpty:
                if seenPoint { leadingZeros += 1 }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits.append(byte)
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
        while digits.count > 1 && digits.last == UInt8(ascii: "0") { digits.removeLast() }
        pointPosition = (integerDigits > 0 ? integerDigits : -leadingZeros) + exponentSign * exponent
    }
}
