import Foundation

/// Parses JSON with Foundation's JSONSerialization, an independent reader of what we encode.
enum JSON {
    static func object(_ bytes: some Sequence<UInt8>) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] ?? [:]
    }

    static func array(_ bytes: some Sequence<UInt8>) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]] ?? []
    }

    /// The JSON type of each key, so two documents can be compared by shape.
    static func shape(_ object: [String: Any]) -> [String: String] {
        object.mapValues { value in
            switch value {
            case is String: "string"
            case is [String: Any]: "object"
            case is [Any]: "array"
            case is NSNumber: "number"
            default: "other"
            }
        }
    }

    /// Whether two parsed JSON values are equal (objects regardless of key order).
    static func same(_ lhs: Any?, _ rhs: Any?) -> Bool {
        guard let lhs = lhs as? NSObject, let rhs = rhs as? NSObject else { return lhs == nil && rhs == nil }
        return lhs.isEqual(rhs)
    }

    /// RFC 3339 with or without fractional seconds, as Alertmanager and we write it.
    static func date(_ value: Any?) -> Date? {
        guard let text = value as? String else { return nil }
        return (try? Date(text, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true)))
            ?? (try? Date(text, strategy: .iso8601))
    }
}
