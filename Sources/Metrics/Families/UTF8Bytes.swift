#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level string operations. Prometheus compares label values as bytes, while Swift's
/// `String` compares by canonical equivalence; series identity and sort order follow Prometheus.
enum UTF8Bytes {
    /// Calls `body` with the string's UTF-8 bytes, without copying native strings.
    @inline(__always)
    static func withBytes<Result>(of string: String, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        string.utf8.withContiguousStorageIfAvailable { body(UnsafeRawBufferPointer($0)) }
            ?? Array(string.utf8).withUnsafeBytes(body)
    }

    /// Whether two byte runs are the same.
    @inline(__always)
    static func equal(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
        return memcmp(left, right, lhs.count) == 0
    }

    @inline(__always)
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.count == rhs.utf8.count && compare(lhs, rhs) == 0
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
