/// A small set of key names asked about for every metadata key of every line (reserved names,
/// redacted names). Most keys are turned away by a one-word filter on their length and first
/// and last bytes, without hashing or comparing.
struct KeyNameSet: Sendable {
    private let names: [[UInt8]]
    /// Bit `signature` of every name is set.
    private let filter: UInt64
    private let ignoresASCIICase: Bool

    init<Names: Sequence<String>>(_ names: Names, ignoringASCIICase: Bool) {
        let encoded = names.map { name in Array(name.utf8).map { ignoringASCIICase ? Self.lowercased($0) : $0 } }
        self.names = encoded
        self.filter = encoded.reduce(0) { $0 | 1 &<< Self.signature(length: $1.count, first: $1.first ?? 0, last: $1.last ?? 0) }
        self.ignoresASCIICase = ignoringASCIICase
    }

    func contains(_ key: String) -> Bool {
        key.withUTF8Buffer(contains)
    }

    /// Whether the name whose UTF-8 bytes are `key` is in the set.
    @inline(__always)
    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let (first, last) = (key.first ?? 0, key.last ?? 0)
        let signature =
            ignoresASCIICase
            ? Self.signature(length: key.count, first: Self.lowercased(first), last: Self.lowercased(last))
            : Self.signature(length: key.count, first: first, last: last)
        return filter & 1 &<< signature != 0 && Self.contains(key, in: names, ignoringASCIICase: ignoresASCIICase)
    }

    /// Static, so that the filter above reads two fields without copying the set.
    private static func contains(
        _ key: UnsafeBufferPointer<UInt8>,
        in names: [[UInt8]],
        ignoringASCIICase ignoresASCIICase: Bool
    ) -> Bool {
        for name in names where name.count == key.count {
            var index = 0
            while index < key.count, name[index] == (ignoresASCIICase ? lowercased(key[index]) : key[index]) {
                index += 1
            }
            if index == key.count { return true }
        }
        return false
    }

    @inline(__always)
    private static func signature(length: Int, first: UInt8, last: UInt8) -> UInt64 {
        UInt64(truncatingIfNeeded: (Int(first) ^ Int(last) &<< 2) &+ length &* 5) & 63
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
