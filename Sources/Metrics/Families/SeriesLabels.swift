/// The identity of one series in a family: its label values in the family's declared order,
/// their hash, and the `name="value",…` bytes in label-name order, rendered once at creation so
/// that a scrape only copies them.
struct SeriesLabels: Sendable {
    let values: [String]
    let hash: Int
    let rendered: [UInt8]

    init(values: [String], schema: LabelSchema, hasher: LabelHash) {
        self.values = values
        hash = hasher.hash(values)
        var bytes: [UInt8] = []
        for (position, index) in schema.exposedOrder.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            ExpositionEscaping.appendLabel(name: schema.names[index], value: values[index], to: &bytes)
        }
        rendered = bytes
    }

    /// Byte-wise order of the values taken in label-name order: client_golang's series order.
    static func exposedOrder(_ lhs: SeriesLabels, _ rhs: SeriesLabels, schema: LabelSchema) -> Bool {
        for index in schema.exposedOrder {
            let order = UTF8Bytes.compare(lhs.values[index], rhs.values[index])
            if order != 0 { return order < 0 }
        }
        return false
    }
}
