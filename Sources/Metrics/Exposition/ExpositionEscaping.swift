/// The escaping rules of the two text formats, applied byte by byte as they are appended.
enum ExpositionEscaping {
    /// `name="value"` with `\`, `"` and line feed escaped (the same in both formats); every other
    /// byte, CR, NUL and U+2028 included, passes through unchanged.
    static func appendLabel<Sink: ByteSink & ~Copyable>(name: String, value: String, to sink: inout Sink) {
        sink.append(name)
        sink.append(UInt8(ascii: "="))
        sink.append(UInt8(ascii: "\""))
        appendEscaped(value, quotes: true, to: &sink)
        sink.append(UInt8(ascii: "\""))
    }

    /// Appends `text` escaping `\` and line feed, and `"` too when `quotes` is set (label values
    /// and OpenMetrics HELP; the 0.0.4 HELP line leaves quotes alone).
    static func appendEscaped<Sink: ByteSink & ~Copyable>(_ text: String, quotes: Bool, to sink: inout Sink) {
        // Most text needs no escaping: then it is appended whole.
        let needsEscaping = text.utf8.contains { byte in
            byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\n") || (quotes && byte == UInt8(ascii: "\""))
        }
        guard needsEscaping else {
            sink.append(text)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"):
                sink.append(UInt8(ascii: "\\"))
                sink.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "\n"):
                sink.append(UInt8(ascii: "\\"))
                sink.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\"") where quotes:
                sink.append(UInt8(ascii: "\\"))
                sink.append(UInt8(ascii: "\""))
            default:
                sink.append(byte)
            }
        }
    }
}
