extension LineBuffer {
    /// Appends `string` as a quoted JSON string whose content takes at most `limit` bytes.
    /// Returns whether the content was cut short to keep within `limit`.
    @discardableResult
    @inline(__always)
    mutating func appendJSONString(_ string: String, limit: Int) -> Bool {
        string.withUTF8Buffer { appendJSONString(utf8: $0, limit: limit) }
    }

    /// Appends the UTF-8 `text` as a quoted JSON string whose content takes at most `limit` bytes.
    /// Returns whether the content was cut short to keep within `limit`.
    @discardableResult
    @inline(__always)
    mutating func appendJSONString(utf8 text: UnsafeBufferPointer<UInt8>, limit: Int) -> Bool {
        append(UInt8(ascii: "\""))
        let cut = appendJSONStringContent(text, limit: limit)
        append(UInt8(ascii: "\""))
        return cut
    }

    /// Appends the inside of a JSON string holding `text`, taking at most `limit` bytes.
    ///
    /// Quotes, backslashes and control characters are escaped, as are U+2028, U+2029 and U+FEFF
    /// (see `escapedScalar`); each ill-formed UTF-8 sequence becomes U+FFFD. A cut lands
    /// between whole characters and never inside an escape sequence. Returns whether it cut.
    @inline(__always)
    mutating func appendJSONStringContent(_ text: UnsafeBufferPointer<UInt8>, limit: Int) -> Bool {
        guard let input = text.baseAddress else { return false }
        let plain = Self.plainPrefixLength(input, count: text.count)
        if plain == text.count && plain <= limit {
            append(text)
            return false
        }
        return appendEscaping(input, count: text.count, from: plain, limit: limit)
    }

    /// The rest of ``appendJSONStringContent(_:limit:)`` once a byte needing attention was found
    /// at `firstSpecial` (or the text is longer than `limit`).
    private mutating func appendEscaping(
        _ input: UnsafePointer<UInt8>,
        count end: Int,
        from firstSpecial: Int,
        limit: Int
    ) -> Bool {
        var index = firstSpecial
        var room = limit
        var runStart = 0
        while index < end {
            let byte = input[index]
            let replacement: Replacement
            if byte < 0x80 {
                replacement = .escape(byte)
                if appendRun(input + runStart, count: index &- runStart, room: &room) { return true }
                index &+= 1
            } else {
                let sequence = Self.utf8Sequence(input, at: index, end: end)
                if sequence.isWellFormed {
                    guard sequence.length == 3, let escaped = Self.escapedScalar(input + index) else {
                        index &+= sequence.length
                        index &+= Self.plainPrefixLength(input + index, count: end &- index)
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
            index &+= Self.plainPrefixLength(input + index, count: end &- index)
        }
        return appendRun(input + runStart, count: end &- runStart, room: &room)
    }

    /// How many bytes from `start` are plain ASCII that needs no escaping, found eight bytes at
    /// a time: the last few as a word overlapping bytes already checked, or as two overlapping
    /// halves, or padded with spaces.
    @inline(__always)
    private static func plainPrefixLength(_ start: UnsafePointer<UInt8>, count: Int) -> Int {
        var index = 0
        while count &- index >= 8 {
            let mask = attentionMask(UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self))
            if mask != 0 { return index &+ mask.trailingZeroBitCount &>> 3 }
            index &+= 8
        }
        guard index < count else { return count }
        if count >= 8 {
            let tail = count &- 8
            let mask = attentionMask(UnsafeRawPointer(start + tail).loadUnaligned(as: UInt64.self))
            return mask == 0 ? count : tail &+ mask.trailingZeroBitCount &>> 3
        }
        if count >= 4 {
            // The first four bytes and the last four, overlapping when there are fewer than 8.
            let first = UInt64(UnsafeRawPointer(start).loadUnaligned(as: UInt32.self))
            let last = UInt64(UnsafeRawPointer(start + (count &- 4)).loadUnaligned(as: UInt32.self))
            let mask = attentionMask(first | last &<< 32)
            guard mask != 0 else { return count }
            let byte = mask.trailingZeroBitCount &>> 3
            return byte < 4 ? byte : count &- 8 &+ byte
        }
        let mask = attentionMask(paddedWord(start, count: count))
        return mask == 0 ? count : mask.trailingZeroBitCount &>> 3
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

    /// A high bit set in each byte of `word` (in memory order, little-endian) that is non-ASCII,
    /// a control character, `"` or `\`. Bits above the first such byte may be set spuriously by
    /// borrows, so only the lowest set bit is exact: it marks the first byte needing attention.
    @inline(__always)
    private static func attentionMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let control = (word &- ones &* 0x20) & ~word
        let quote = (quotes &- ones) & ~quotes
        let backslash = (backslashes &- ones) & ~backslashes
        return (word | control | quote | backslash) & highBits
    }

    /// The `count` (fewer than four) bytes at `start` as a little-endian word, padded with spaces.
    @inline(__always)
    private static func paddedWord(_ start: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var word: UInt64 = 0x2020_2020_2020_2020 &<< UInt64(truncatingIfNeeded: count &* 8)
        var position = 0
        while position < count {
            word |= UInt64(start[position]) &<< UInt64(truncatingIfNeeded: position &* 8)
            position &+= 1
        }
        return word
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
