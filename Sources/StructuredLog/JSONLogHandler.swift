import Logging

/// A swift-log `LogHandler` that writes each event as one JSON object on one line, the form log
/// pipelines (Loki, Elastic, Datadog, Google Cloud) ingest without a parser.
///
/// A line holds the timestamp (RFC 3339, UTC, microseconds), level, logger label, message, the
/// current ``RequestIdentity``, the merged metadata (handler < metadata provider < call site; nested
/// dictionaries and arrays as JSON objects and arrays; integers, finite floating-point values and
/// booleans as JSON numbers and booleans), the source, and the event's error. The line is encoded
/// straight into bytes on the stack and handed to the writer in one call.
///
///     LoggingSystem.bootstrap { label in JSONLogHandler(label: label) }
public struct JSONLogHandler: LogHandler {
    /// The least severe level that is written.
    public var logLevel: Logger.Level = .info
    private var state: HandlerState

    /// A handler writing `label`'s lines to `writer` (standard output by default).
    public init(
        label: String,
        writer: any LogLineWriter = FileLineWriter.standardOutput,
        configuration: JSONLogConfiguration = JSONLogConfiguration(),
        metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider
    ) {
        state = HandlerState(
            label: label,
            layout: LineLayout(configuration),
            writer: writer,
            metadataProvider: metadataProvider
        )
    }

    /// The logger's label, written on every line.
    public var label: String { state.label }

    /// Called for every line; its metadata overrides the handler's and is overridden by the call
    /// site's.
    public var metadataProvider: Logger.MetadataProvider? {
        get { state.metadataProvider }
        set { state = state.with(metadataProvider: newValue) }
    }

    /// Metadata written on every line, below the provider's and the call site's.
    public var metadata: Logger.Metadata {
        get { state.metadata }
        set { state = state.with(metadata: newValue) }
    }

    /// One key of the handler's ``metadata``.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { state.metadata[key] }
        set {
            var metadata = state.metadata
            metadata[key] = newValue
            state = state.with(metadata: metadata)
        }
    }

    /// Encodes `event` as one line and hands it to the writer in one call.
    public func log(event: LogEvent) {
        let state = state
        let provided = state.metadataProvider?.get()
        let record = LineRecord(
            timestamp: .now(),
            context: state.layout.includesRequestContext ? RequestIdentity.current : nil,
            provided: provided?.isEmpty == false ? provided : nil,
            handler: state
        )
        LineEncoder.write(event, record, to: state.writer)
    }
}
