import Logging
import StructuredLog

/// The exporter's logging: JSON lines on standard error (where node_exporter logs), from the
/// `--log.*` flags.
enum ExporterLogging {
    /// Bootstraps swift-log (once per process) and returns the exporter's logger.
    static func bootstrap(_ flags: LogFlags) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = JSONLogHandler(label: label, writer: FileLineWriter.standardError)
            handler.logLevel = flags.level.swiftLogLevel
            return handler
        }
        return Logger(label: "metrics-exporter")
    }
}
