/// The escaping rules of the two text formats, applied byte by byte as they are appended.
enum ExpositionEscaping {
    /// `name="value"` with `\`, `"` and line feed escaped (the same in both formats); every other
    /// byte, CR, NUL and U+2028 included, passes through unchanged.
    static func appendLabel(name: String, value: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: #"=""#.utf8)
        appendEscaped(value, quotes: true, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `text` escaping `\` and line feed, and `"` too when `quotes` is set (label values
    /// and OpenMetrics HELP; the 0.0.4 HELP line leaves quotes alone).
    static func appendEscaped(_ text: String, quotes: Bool, to bytes: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "\n"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\"") where quotes:
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "\""))
            default:
                bytes.append(byte)
            }
        }
    }
}
