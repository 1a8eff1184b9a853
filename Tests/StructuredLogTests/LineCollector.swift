import Foundation
import Logging
import StructuredLog
import Synchronization

/// A ``LogLineWriter`` that keeps every write, so tests can read the lines back.
final class LineCollector: LogLineWriter {
    private let writes = Mutex<[[UInt8]]>([])

    func write(lines: UnsafeRawBufferPointer) {
        let bytes = Array(lines)
        writes.withLock { $0.append(bytes) }
    }

    /// Each call's bytes, as written.
    var rawWrites: [[UInt8]] { writes.withLock { $0 } }

    /// Every line, without its newline.
    var lines: [String] {
        rawWrites.flatMap { write in
            write.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().map {
                String(decoding: $0, as: UTF8.self)
            }
        }
    }

    /// Every line parsed by Foundation's JSONSerialization.
    func objects() throws -> [[String: Any]] {
        try lines.map(parseJSONObject)
    }

    /// A logger whose handler writes here.
    func logger(
        label: String = "test",
        configuration: JSONLogConfiguration = JSONLogConfiguration(),
        metadataProvider: Logger.MetadataProvider? = nil,
        level: Logger.Level = .trace
    ) -> Logger {
        var logger = Logger(label: label) { label in
            JSONLogHandler(label: label, writer: self, configuration: configuration, metadataProvider: metadataProvider)
        }
        logger.logLevel = level
        return logger
    }
}

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
