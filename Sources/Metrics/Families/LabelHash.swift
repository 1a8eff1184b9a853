/// A fast seeded hash of label values (wyhash's multiply-and-fold mixing, as Go's and Zig's
/// maps use): eight bytes per step, each value's length mixed in so that `("ab", "c")` and
/// `("a", "bc")` differ. Every table has its own random seed, so label values taken from
/// requests cannot be chosen to collide. Swift's `Hasher` (SipHash) costs several times more
/// per lookup.
struct LabelHash: Sendable {
    let seed: UInt64

    static func random() -> LabelHash {
        LabelHash(seed: UInt64.random(in: .min ... .max))
    }

    @inline(__always)
    func hash<Key: LabelValuesKey>(_ key: Key) -> Int {
        var state = seed
        for index in 0..<key.count {
            state = key.withUTF8(at: index) { bytes in
                Self.mix(Self.combine(bytes, into: state) ^ UInt64(bytes.count), 0xE703_7ED1_A0B4_28DB)
            }
        }
        return Int(truncatingIfNeeded: Self.mix(state ^ 0x2D35_8DCC_AA6C_78A5, 0x8BB8_4B93_962E_ACC9))
    }

    @inline(__always)
    private static func mix(_ lhs: UInt64, _ rhs: UInt64) -> UInt64 {
        let product = lhs.multipliedFullWidth(by: rhs)
        return product.high ^ product.low
    }

    @inline(__always)
    private static func combine(_ bytes: UnsafeRawBufferPointer, into state: UInt64) -> UInt64 {
        var state = state
        var offset = 0
        while offset + 8 <= bytes.count {
            state = mix(state ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self), 0xA076_1D64_78BD_642F)
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for index in offset..<bytes.count {
                tail |= UInt64(bytes[index]) << (UInt64(index - offset) * 8)
            }
            state = mix(state ^ tail, 0xE703_7ED1_A0B4_28DB)
        }
        return state
    }
}
