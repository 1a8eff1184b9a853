import Logging
import Synchronization

/// Keeps every record logged through its `logger`, for checking what alerting logs (and that
/// no secret is among it) without bootstrapping the logging system.
final class LogRecorder: Sendable {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    private let records = Mutex<[Record]>([])

    /// A logger at `trace` that writes here.
    var logger: Logger {
        Logger(label: "test") { _ in Handler(recorder: self) }
    }

    var all: [Record] { records.withLock { $0 } }

    /// Everything logged, flattened to text.
    var text: String {
        all.map { "\($0.level) \($0.message) \($0.metadata)" }.joined(separator: "\n")
    }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let record = Record(level: event.level, message: "\(event.message)", metadata: metadata.merging(event.metadata ?? [:]) { $1 })
            recorder.records.withLock { $0.append(record) }
        }
    }
}
