import ArgumentParser
import Logging

/// node_exporter's `--log.level` and `--log.format` flags.
struct LogFlags: ParsableArguments {
    @Option(name: .customLong("log.level"), help: "Only log messages with the given severity or above.")
    var level: Level = .info
    @Option(name: .customLong("log.format"), help: "Output format of log messages; lines are JSON either way (logfmt is accepted with a warning).")
    var format: Format = .json

    /// node_exporter's level names.
    enum Level: String, ExpressibleByArgument, CaseIterable {
        case debug, info, warn, error

        var swiftLogLevel: Logger.Level {
            switch self {
            case .debug: .debug
            case .info: .info
            case .warn: .warning
            case .error: .error
            }
        }
    }

    /// node_exporter's format names. This exporter writes JSON lines either way.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case logfmt, json
    }
}
