import Glibc

/// Bytes of a file as the key of a `NameTable`, compared with `memcmp`.
struct FileBytes: Equatable, Sendable {
    var bytes: ArraySlice<UInt8>

    static func == (lhs: FileBytes, rhs: FileBytes) -> Bool {
        lhs.bytes.count == rhs.bytes.count && lhs.bytes.withUnsafeBytes { left in
            rhs.bytes.withUnsafeBytes { right in
                guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
                return memcmp(leftBase, rightBase, left.count) == 0
            }
        }
    }
}
