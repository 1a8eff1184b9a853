import Foundation

/// A line that parsed as JSON but not as an object.
struct NotAJSONObject: Error {
    var line: String
}

/// `line` parsed by Foundation's JSONSerialization, which must find one JSON object.
func parseJSONObject(_ line: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
    guard let dictionary = object as? [String: Any] else { throw NotAJSONObject(line: line) }
    return dictionary
}

/// How often `"key":` occurs in `line`: at most once in a line without duplicate keys.
func occurrences(ofKey key: String, in line: String) -> Int {
    line.components(separatedBy: "\"\(key)\":").count - 1
}

/// Whether two values from JSONSerialization hold the same JSON. (`NSDictionary.isEqual` cannot
/// tell: on Linux it finds two parsed `true`s unequal.)
func sameJSON(_ left: Any, _ right: Any) -> Bool {
    switch (left, right) {
    case (let left as [String: Any], let right as [String: Any]):
        return left.count == right.count
            && left.allSatisfy { key, value in right[key].map { sameJSON(value, $0) } ?? false }
    case (let left as [Any], let right as [Any]):
        return left.count == right.count && zip(left, right).allSatisfy(sameJSON)
    case (let left as String, let right as String):
        return left == right
    case (let left as NSNumber, let right as NSNumber):
        return type(of: left) == type(of: right) && left.stringValue == right.stringValue
    case (is NSNull, is NSNull):
        return true
    default:
        return false
    }
}
