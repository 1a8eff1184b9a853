/// The naming rules of the exposition formats.
enum MetricNames {
    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`, not starting with the reserved `__`.
    static func isValidMetricName(_ name: String) -> Bool {
        isValid(name, allowingColons: true)
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`, not starting with the reserved `__`.
    static func isValidLabelName(_ name: String) -> Bool {
        isValid(name, allowingColons: false)
    }

    private static func isValid(_ name: String, allowingColons: Bool) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, !name.hasPrefix("__") else { return false }
        if isDigit(first) { return false }
        return bytes.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || (allowingColons && $0 == UInt8(ascii: ":")) }
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
