extension LineBuffer {
    /// Appends `string` as a quoted JSON string whose content takes at most `limit` bytes.
    /// Returns whether the content was cut short to keep within `limit`.
    @discardableResult
    mutating func appendJSONString(_ string: String, limit: Int) -> Bool {
        append(UInt8(ascii: "\""))
        let cut =
            string.utf8.withContiguousStorageIfAvailable { appendJSONStringContent($0, limit: limit) }
            ?? Array(string.utf8).withUnsafeBufferPointer { appendJSONStringContent($0, limit: limit) }
        append(UInt8(ascii: "\""))
        return cut
    }

    /// Appends the inside of a JSON string holding `text`, taking at most `limit` bytes.
    ///
    /// Quotes, backslashes and control characters are escaped, as are U+2028, U+2029 and U+FEFF
    /// (see `escapedScalar`); each ill-formed UTF-8 sequence becomes U+FFFD. A cut lands
    /// between whole characters and never inside an escape sequence. Returns whether it cut.
    mutating func appendJSONStringContent(_ text: UnsafeBufferPointer<UInt8>, limit: Int) -> Bool {
        guard let input = text.baseAddress else { return false }
        let end = text.count
        var room = limit
        var runStart = 0
        var index = 0
        while index < end {
            // Skip eight plain ASCII bytes at a time: the common case for messages and values.
            while index &+ 8 <= end,
                !Self.needsAttention(UnsafeRawPointer(input + index).loadUnaligned(as: UInt64.self))
            {
                index &+= 8
            }
            guard index < end else { break }
            let byte = input[index]
            let replacement: Replacement
            if byte < 0x80 {
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                    index &+= 1
                    continue
                }
                replacement = .escape(byte)
                if appendRun(input + runStart, count: index &- runStart, room: &room) { return true }
                index &+= 1
            } else {
                let sequence = Self.utf8Sequence(input, at: index, end: end)
                if sequence.isWellFormed {
                    guard sequence.length == 3, let escaped = Self.escapedScalar(input + index) else {
                        index &+= sequence.length
                        continue
                    }
                    replacement = escaped
                } else {
                    replacement = .replacementCharacter
                }
                if appendRun(input + runStart, count: index &- runStart, room: &room) { return true }
                index &+= sequence.length
            }
            if replacement.length > room { return true }
            room &-= replacement.length
            append(replacement)
            runStart = index
        }
        return appendRun(input + runStart, count: end &- runStart, room: &room)
    }

    /// Appends a run of bytes that need no escaping, cut at a character boundary to fit `room`.
    private mutating func appendRun(_ start: UnsafePointer<UInt8>, count: Int, room: inout Int) -> Bool {
        if count <= room {
            append(UnsafeBufferPointer(start: start, count: count))
            room &-= count
            return false
        }
        var taken = room
        while taken > 0 && start[taken] & 0xC0 == 0x80 { taken &-= 1 }
        append(UnsafeBufferPointer(start: start, count: taken))
        room = 0
        return true
    }

    /// What replaces one character that cannot stand as it is inside a JSON string.
    private enum Replacement {
        /// A backslash escape of the character `low` (+ `high` × 256).
        case escape(UInt8, high: UInt8 = 0)
        /// U+FFFD REPLACEMENT CHARACTER, for an ill-formed UTF-8 sequence.
        case replacementCharacter

        var length: Int {
            switch self {
            case .escape(let low, let high):
                if high != 0 { return 6 }
                switch low {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x08, 0x09, 0x0A, 0x0C, 0x0D: return 2
                default: return 6
                }
            case .replacementCharacter:
                return 3
            }
        }
    }

    private mutating func append(_ replacement: Replacement) {
        switch replacement {
        case .replacementCharacter:
            append(0xEF)
            append(0xBF)
            append(0xBD)
        case .escape(let low, let high):
            append(UInt8(ascii: "\\"))
            let short: UInt8? =
                switch (high, low) {
                case (0, UInt8(ascii: "\"")): UInt8(ascii: "\"")
                case (0, UInt8(ascii: "\\")): UInt8(ascii: "\\")
                case (0, 0x08): UInt8(ascii: "b")
                case (0, 0x09): UInt8(ascii: "t")
                case (0, 0x0A): UInt8(ascii: "n")
                case (0, 0x0C): UInt8(ascii: "f")
                case (0, 0x0D): UInt8(ascii: "r")
                default: nil
                }
            if let short {
                append(short)
                return
            }
            append(UInt8(ascii: "u"))
            appendHexDigit(high >> 4)
            appendHexDigit(high & 0xF)
            appendHexDigit(low >> 4)
            appendHexDigit(low & 0xF)
        }
    }

    private mutating func appendHexDigit(_ nibble: UInt8) {
        append(nibble < 10 ? UInt8(ascii: "0") &+ nibble : UInt8(ascii: "a") &+ nibble &- 10)
    }

    /// The escape of a three-byte character that must not stand raw: U+2028 and U+2029, which
    /// end lines in JavaScript, and U+FEFF, which Foundation's JSONSerialization drops from the
    /// start of a string.
    @inline(__always)
    private static func escapedScalar(_ bytes: UnsafePointer<UInt8>) -> Replacement? {
        switch (bytes[0], bytes[1], bytes[2]) {
        case (0xE2, 0x80, 0xA8): .escape(0x28, high: 0x20)
        case (0xE2, 0x80, 0xA9): .escape(0x29, high: 0x20)
        case (0xEF, 0xBB, 0xBF): .escape(0xFF, high: 0xFE)
        default: nil
        }
    }

    /// Whether any of the eight bytes of `word` is non-ASCII, a control character, `"` or `\`.
    @inline(__always)
    private static func needsAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let control = (word &- ones &* 0x20) & ~word
        let quote = (quotes &- ones) & ~quotes
        let backslash = (backslashes &- ones) & ~backslashes
        return (word | control | quote | backslash) & highBits != 0
    }

    /// The UTF-8 sequence starting with the non-ASCII byte at `index`: its length when well
    /// formed, else the length of its maximal ill-formed subpart (Unicode 3.9, U+FFFD
    /// substitution), which is at least one byte.
    @inline(__always)
    private static func utf8Sequence(
        _ input: UnsafePointer<UInt8>,
        at index: Int,
        end: Int
    ) -> (length: Int, isWellFormed: Bool) {
        let continuationBytes: Int
        var lowest: UInt8 = 0x80
        var highest: UInt8 = 0xBF
        switch input[index] {
        case 0xC2...0xDF: continuationBytes = 1
        case 0xE0: continuationBytes = 2; lowest = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: continuationBytes = 2
        case 0xED: continuationBytes = 2; highest = 0x9F
        case 0xF0: continuationBytes = 3; lowest = 0x90
        case 0xF1...0xF3: continuationBytes = 3
        case 0xF4: continuationBytes = 3; highest = 0x8F
        default: return (1, false)
        }
        var offset = 1
        while offset <= continuationBytes {
            guard index &+ offset < end else { return (offset, false) }
            let byte = input[index &+ offset]
            guard byte >= lowest && byte <= highest else { return (offset, false) }
            lowest = 0x80
            highest = 0xBF
            offset &+= 1
        }
        return (offset, true)
    }
}
