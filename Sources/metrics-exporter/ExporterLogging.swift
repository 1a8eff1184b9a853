import Logging

/// The exporter's logging: one bootstrap of swift-log from the `--log.*` flags.
enum ExporterLogging {
    /// Bootstraps swift-log (once per process) and returns the exporter's logger.
    static func bootstrap(_ flags: LogFlags) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = flags.level.swiftLogLevel
            return handler
        }
        return Logger(label: "metrics-exporter")
    }
}
