/// Alertmanager's identity of an alert: FNV-1a 64 over its labels, so our deduplication and
/// Alertmanager's agree on which notifications are the same alert.
public struct Fingerprint: Sendable, Hashable, CustomStringConvertible {
    /// The 64-bit hash; `description` prints it the way Alertmanager does.
    public let value: UInt64

    private static let offsetBasis: UInt64 = 14_695_981_039_346_656_037
    private static let prime: UInt64 = 1_099_511_628_211
    private static let separator: UInt8 = 0xFF

    /// Hashes label names in ascending order, each name and each value followed by 0xFF.
    public init(labels: [String: String]) {
        var hash = Self.offsetBasis
        for name in labels.keys.sorted() {
            hash = Self.mix(name, into: hash)
            hash = Self.mix(labels[name] ?? "", into: hash)
        }
        value = hash
    }

    private static func mix(_ text: String, into hash: UInt64) -> UInt64 {
        var hash = hash
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* prime
        }
        return (hash ^ UInt64(separator)) &* prime
    }

    /// Sixteen lowercase hex digits, as in Alertmanager's `fingerprint` field.
    public var description: String {
        value.sixteenHexDigits
    }
}
