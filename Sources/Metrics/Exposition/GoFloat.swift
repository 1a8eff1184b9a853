/// Numbers spelled the way Go's `strconv.FormatFloat(v, 'g', -1, 64)` spells them, which is
/// what Prometheus and its client libraries write: shortest round-trip digits, an exponent
/// below 1e-4 and from 1e6 up (`1e+06`, `1.5e-05`), no `.0` on integers, `+Inf`, `-Inf`, `NaN`,
/// and `0` for negative zero. Swift's own `description` (`inf`, `5.0`, `1000000.0`) differs.
///
/// The writers fill raw memory of at least `maximumLength` bytes and return how many they
/// wrote, so the exposition buffer can take them without an intermediate array.
enum GoFloat {
    /// Enough for any spelling: `-1.7976931348623157e+308` is 24 bytes, a UInt64 20 digits.
    static let maximumLength = 32

    /// Writes the Prometheus text spelling of `value`, or OpenMetrics' canonical one (Go's,
    /// plus `.0` where it has neither a point nor an exponent: `1.0`, `0.005`, `1e+06`).
    @inline(__always)
    static func write(_ value: Double, openMetrics: Bool, to output: UnsafeMutablePointer<UInt8>) -> Int {
        // Integers below a million are spelled as their digits; the comparison rejects NaN.
        guard abs(value) < 1e6, Double(Int64(value)) == value else {
            return writeGeneral(value, to: output)
        }
        var count = writeInteger(Int64(value), to: output)
        if openMetrics {
            output[count] = UInt8(ascii: ".")
            output[count + 1] = UInt8(ascii: "0")
            count += 2
        }
        return count
    }

    /// Writes the decimal digits of an integer.
    @inline(__always)
    static func writeInteger(_ value: Int64, to output: UnsafeMutablePointer<UInt8>) -> Int {
        guard value < 0 else { return writeUnsigned(UInt64(value), to: output) }
        output[0] = UInt8(ascii: "-")
        return 1 + writeUnsigned(value.magnitude, to: output + 1)
    }

    /// Writes the decimal digits of an unsigned integer.
    @inline(__always)
    static func writeUnsigned(_ value: UInt64, to output: UnsafeMutablePointer<UInt8>) -> Int {
        var digits = 1
        var bound: UInt64 = 10
        while digits < 20 && value >= bound {
            digits += 1
            bound &*= 10
        }
        var remaining = value
        var index = digits
        while index > 0 {
            index -= 1
            let (quotient, digit) = remaining.quotientAndRemainder(dividingBy: 10)
            output[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: digit)
            remaining = quotient
        }
        return digits
    }

    /// The spelling of `value` in `format`, as bytes: for `le` and `quantile` label values.
    static func spelled(_ value: Double, in format: ExpositionFormat) -> [UInt8] {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumLength) { scratch in
            guard let base = scratch.baseAddress else { return [] }
            return Array(UnsafeBufferPointer(start: base, count: write(value, openMetrics: format == .openMetrics, to: base)))
        }
    }

    /// Values that are not integers below a million: these always have a point or an exponent,
    /// so OpenMetrics' spelling is Go's.
    private static func writeGeneral(_ value: Double, to output: UnsafeMutablePointer<UInt8>) -> Int {
        if value.isNaN { return copy("NaN", to: output) }
        if value.isInfinite { return copy(value > 0 ? "+Inf" : "-Inf", to: output) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumLength) { scratch in
            guard let digits = scratch.baseAddress else { return 0 }
            let decimal = ShortestDecimal(value.magnitude, digits: digits)
            var count = 0
            if value < 0 {
                output[0] = UInt8(ascii: "-")
                count = 1
            }
            let exponent = decimal.pointPosition - 1
            if exponent < -4 || exponent >= 6 {
                return count + writeScientific(decimal, digits: digits, exponent: exponent, to: output + count)
            }
            return count + writeFixed(decimal, digits: digits, to: output + count)
        }
    }

    private static func writeScientific(_ decimal: ShortestDecimal, digits: UnsafeMutablePointer<UInt8>, exponent: Int, to output: UnsafeMutablePointer<UInt8>) -> Int {
        output[0] = digits[0]
        var count = 1
        if decimal.digitCount > 1 {
            output[1] = UInt8(ascii: ".")
            (output + 2).update(from: digits + 1, count: decimal.digitCount - 1)
            count = decimal.digitCount + 1
        }
        output[count] = UInt8(ascii: "e")
        output[count + 1] = UInt8(ascii: exponent < 0 ? "-" : "+")
        count += 2
        if abs(exponent) < 10 {
            output[count] = UInt8(ascii: "0")
            count += 1
        }
        return count + writeUnsigned(UInt64(abs(exponent)), to: output + count)
    }

    /// Fixed notation; only reached for values with a fractional part, so there is always a
    /// point and OpenMetrics needs no `.0`.
    private static func writeFixed(_ decimal: ShortestDecimal, digits: UnsafeMutablePointer<UInt8>, to output: UnsafeMutablePointer<UInt8>) -> Int {
        let point = decimal.pointPosition
        let digitCount = decimal.digitCount
        if point <= 0 {
            output[0] = UInt8(ascii: "0")
            output[1] = UInt8(ascii: ".")
            (output + 2).initialize(repeating: UInt8(ascii: "0"), count: -point)
            (output + 2 - point).update(from: digits, count: digitCount)
            return 2 - point + digitCount
        }
        let integerDigits = min(point, digitCount)
        output.update(from: digits, count: integerDigits)
        (output + integerDigits).initialize(repeating: UInt8(ascii: "0"), count: point - integerDigits)
        guard digitCount > point else { return point }
        output[point] = UInt8(ascii: ".")
        (output + point + 1).update(from: digits + point, count: digitCount - point)
        return digitCount + 1
    }

    private static func copy(_ text: StaticString, to output: UnsafeMutablePointer<UInt8>) -> Int {
        output.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        return text.utf8CodeUnitCount
    }
}
