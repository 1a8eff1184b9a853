/// A small set of key names asked about for every metadata key of every line (reserved names,
/// redacted names). Most keys are rejected by their length alone, without hashing.
struct KeyNameSet: Sendable {
    private let names: [[UInt8]]
    /// Bit `n` is set when some name is `n` bytes long; bit 63 stands for 63 bytes or more.
    private let lengths: UInt64
    private let ignoresASCIICase: Bool

    init<Names: Sequence<String>>(_ names: Names, ignoringASCIICase: Bool) {
        let encoded = names.map { name in Array(name.utf8).map { ignoringASCIICase ? Self.lowercased($0) : $0 } }
        self.names = encoded
        self.lengths = encoded.reduce(0) { $0 | 1 << UInt64(min($1.count, 63)) }
        self.ignoresASCIICase = ignoringASCIICase
    }

    func contains(_ key: String) -> Bool {
        let length = key.utf8.count
        guard lengths & 1 << UInt64(min(length, 63)) != 0 else { return false }
        return key.utf8.withContiguousStorageIfAvailable(contains)
            ?? Array(key.utf8).withUnsafeBufferPointer(contains)
    }

    private func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        names.contains { name in
            name.count == key.count
                && zip(name, key).allSatisfy { $0 == (ignoresASCIICase ? Self.lowercased($1) : $1) }
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
