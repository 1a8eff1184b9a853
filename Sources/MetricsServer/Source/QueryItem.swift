/// One `name=value` pair of a request's query string, percent-decoded. Names may repeat:
/// node_exporter's `?collect[]=cpu&collect[]=meminfo` is two items named `collect[]`.
public struct QueryItem: Sendable, Hashable {
    /// The decoded name, such as `collect[]`.
    public var name: String
    /// The decoded value; empty for a bare `name` or `name=`.
    public var value: String

    /// An item with a decoded name and value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// The items of `query` (the part after `?`) in order, decoded as HTML forms encode them
    /// (`+` is a space, `%XX` a byte, the result UTF-8). Empty pairs are skipped; a name without
    /// `=` has the empty value.
    static func items(of query: Substring) throws(MetricsServerError) -> [QueryItem] {
        var items: [QueryItem] = []
        for pair in query.utf8.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = PercentDecoding.decode(parts[0], plusIsSpace: true),
                let value = parts.count == 2 ? PercentDecoding.decode(parts[1], plusIsSpace: true) : ""
            else {
                throw .invalidQuery(String(query))
            }
            items.append(QueryItem(name: name, value: value))
        }
        return items
    }
}
