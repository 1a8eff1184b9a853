/// Sorts collected families by name cheaply: the first sixteen bytes of each name are packed
/// into two integers once, so most comparisons are two integer compares rather than a string
/// comparison (node_exporter alone hands over some 300 families per scrape).
struct NameOrder {
    private let high: UInt64
    private let low: UInt64
    let name: String
    /// Position among the collected families: families of one name keep collector order.
    let position: Int

    init(name: String, position: Int) {
        (high, low) = UTF8Bytes.withBytes(of: name) { bytes in
            var packed: (UInt64, UInt64) = (0, 0)
            for (index, byte) in bytes.prefix(16).enumerated() {
                if index < 8 {
                    packed.0 |= UInt64(byte) << (56 - 8 * UInt64(index))
                } else {
                    packed.1 |= UInt64(byte) << (56 - 8 * UInt64(index - 8))
                }
            }
            return packed
        }
        self.name = name
        self.position = position
    }

    static func precedes(_ lhs: NameOrder, _ rhs: NameOrder) -> Bool {
        if lhs.high != rhs.high { return lhs.high < rhs.high }
        if lhs.low != rhs.low { return lhs.low < rhs.low }
        let order = UTF8Bytes.compare(lhs.name, rhs.name)
        return order != 0 ? order < 0 : lhs.position < rhs.position
    }
}
