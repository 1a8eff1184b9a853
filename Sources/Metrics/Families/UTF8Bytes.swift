#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level string operations. Prometheus compares label values as bytes, while Swift's
/// `String` compares by canonical equivalence; series identity and sort order follow Prometheus.
enum UTF8Bytes {
    static func combine(_ string: String, into hasher: inout Hasher) {
        let hashed: Void? = string.utf8.withContiguousStorageIfAvailable { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
        if hashed == nil {
            for byte in string.utf8 { hasher.combine(byte) }
        }
        hasher.combine(string.utf8.count)
    }

    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        compare(lhs, rhs) == 0
    }

    /// Negative, zero or positive as `lhs` sorts before, with or after `rhs` byte-wise.
    static func compare(_ lhs: String, _ rhs: String) -> Int {
        let result: Int? = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in
                let common = min(left.count, right.count)
                if common > 0, let leftBase = left.baseAddress, let rightBase = right.baseAddress {
                    let order = Int(memcmp(leftBase, rightBase, common))
                    if order != 0 { return order }
                }
                return left.count - right.count
            }
        } ?? nil
        if let result { return result }
        for (left, right) in zip(lhs.utf8, rhs.utf8) where left != right {
            return Int(left) - Int(right)
        }
        return lhs.utf8.count - rhs.utf8.count
    }
}
