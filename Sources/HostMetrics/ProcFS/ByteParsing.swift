// The byte-level helpers the parsers share: ASCII constants and numbers read straight from
// slices of a file's bytes, without building Strings.

extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let colon = UInt8(ascii: ":")
    static let zero = UInt8(ascii: "0")
    static let minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")

    /// The digit's value when the byte is an ASCII digit.
    var digitValue: UInt8? {
        let value = self &- .zero
        return value < 10 ? value : nil
    }

    /// The digit's value when the byte is an ASCII hexadecimal digit, either case.
    var hexDigitValue: UInt8? {
        if let value = digitValue { return value }
        let letter = (self | 0x20) &- UInt8(ascii: "a")
        return letter < 6 ? letter + 10 : nil
    }
}

extension ArraySlice<UInt8> {
    /// The bytes as text; invalid UTF-8 becomes U+FFFD.
    var text: String { String(decoding: self, as: UTF8.self) }

    /// The slice without leading and trailing ASCII whitespace (spaces, tabs, line ends), as
    /// Go's `strings.TrimSpace` trims what it reads.
    var trimmed: ArraySlice<UInt8> {
        let isBlank = { (byte: UInt8) in byte == .space || (UInt8(ascii: "\t")...UInt8(ascii: "\r")).contains(byte) }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }

    /// A decimal unsigned integer, or nil if the slice is empty, holds anything but digits or
    /// overflows 64 bits.
    var uint64: UInt64? { uint64(radix: 10) }

    /// A hexadecimal unsigned integer without a prefix (`0000002f`), as the kernel writes the
    /// counters of `softnet_stat`, `nf_conntrack` and the socket tables.
    var hexUInt64: UInt64? { uint64(radix: 16) }

    /// An unsigned integer in `radix` (up to 16, either case), or nil if the slice is empty,
    /// holds anything but its digits or overflows 64 bits.
    func uint64(radix: UInt64) -> UInt64? {
        guard !isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in self {
            guard let digit = byte.hexDigitValue, UInt64(digit) < radix else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = shifted.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// An integer as Go's `strconv.ParseInt(s, 0, 64)` reads it, which is how procfs reads
    /// sysfs attributes: an optional sign, then `0x` hexadecimal (`0x1303`), `0o` or a leading
    /// `0` octal, `0b` binary, or decimal.
    var int64WithBasePrefix: Int64? {
        var digits = self
        let negative = digits.first == .minus
        if negative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        var radix: UInt64 = 10
        if digits.count > 1, digits.first == .zero {
            switch digits[digits.startIndex + 1] | 0x20 {
            case UInt8(ascii: "x"): (radix, digits) = (16, digits.dropFirst(2))
            case UInt8(ascii: "o"): (radix, digits) = (8, digits.dropFirst(2))
            case UInt8(ascii: "b"): (radix, digits) = (2, digits.dropFirst(2))
            default: (radix, digits) = (8, digits.dropFirst())
            }
        }
        guard let magnitude = digits.uint64(radix: radix) else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// A decimal integer with an optional leading `-`.
    var int64: Int64? {
        if first == .minus {
            guard let magnitude = dropFirst().uint64, magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard let value = uint64, value <= UInt64(Int64.max) else { return nil }
        return Int64(value)
    }

    /// A decimal number such as `0.21`, `-1` or `14036781`, correctly rounded like Go's
    /// `strconv.ParseFloat`. Short numbers (all of procfs) take an exact fast path; the rest go
    /// through the standard library's parser.
    var double: Double? {
        guard !isEmpty else { return nil }
        var index = startIndex
        let negative = self[index] == .minus
        if negative { index += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenDot = false
        while index < endIndex {
            let byte = self[index]
            if byte == .dot, !seenDot {
                seenDot = true
            } else if let digit = byte.digitValue {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                digits += 1
                if seenDot { fractionDigits += 1 }
            } else {
                return Double(text)
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        guard digits <= 15 else { return Double(text) }
        let value = Double(mantissa) / Self.powersOfTen[fractionDigits]
        return negative ? -value : value
    }

    /// 10⁰ … 10¹⁵, each exact in a Double.
    private static let powersOfTen: [Double] = (0...15).map { power in
        (0..<power).reduce(1.0) { value, _ in value * 10 }
    }
}
