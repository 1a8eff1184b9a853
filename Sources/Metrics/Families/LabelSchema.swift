/// A family's label names as declared, and the order in which they are exposed (sorted by
/// name, as client_golang and node_exporter write them).
struct LabelSchema: Sendable, Equatable {
    let names: [String]
    let exposedOrder: [Int]

    init(names: [String]) {
        self.names = names
        exposedOrder = names.indices.sorted { UTF8Bytes.compare(names[$0], names[$1]) < 0 }
    }
}
