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
