import Logging

/// A swift-log `LogHandler` that writes each event as one JSON object on one line, the form log
/// pipelines (Loki, Elastic, Datadog, Google Cloud) ingest without a parser.
///
/// A line holds the timestamp (RFC 3339, UTC, microseconds), level, logger label, message, the
/// current ``RequestContext``, the merged metadata (handler < metadata provider < call site; nested
/// dictionaries and arrays as JSON objects and arrays; integers, finite floating-point values and
/// booleans as JSON numbers and booleans), the source, and the event's error. The line is encoded
/// straight into bytes on the stack and handed to the writer in one call.
///
///     LoggingSystem.bootstrap { label, provider in
///         JSONLogHandler(label: label, metadataProvider: provider)
///     }
public struct JSONLogHandler: LogHandler {
    /// The logger's label, written on every line.
    public let label: String
    /// The least severe level that is written.
    public var logLevel: Logger.Level = .info
    /// Called for every line; its metadata overrides the handler's and is overridden by the call
    /// site's.
    public var metadataProvider: Logger.MetadataProvider?
    /// Metadata written on every line, below the provider's and the call site's.
    public var metadata: Logger.Metadata = [:] {
        didSet { renderedMetadata = LineEncoder.renderedMembers(of: metadata, layout: layout) }
    }

    private let layout: LineLayout
    private let writer: any LogLineWriter
    /// `metadata` encoded once, copied into lines that do not override any of its keys.
    private var renderedMetadata: [UInt8]?

    /// A handler writing `label`'s lines to `writer` (standard output by default).
    public init(
        label: String,
        writer: any LogLineWriter = FileLineWriter.standardOutput,
        configuration: JSONLogConfiguration = JSONLogConfiguration(),
        metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider
    ) {
        self.label = label
        self.writer = writer
        self.layout = LineLayout(configuration)
        self.metadataProvider = metadataProvider
        self.renderedMetadata = []
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let provided = metadataProvider?.get()
        let record = LineRecord(
            event: event,
            timestamp: .now(),
            label: label,
            context: layout.includesRequestContext ? RequestContext.current : nil,
            provided: provided?.isEmpty == false ? provided : nil,
            handlerMetadata: metadata,
            renderedHandlerMetadata: renderedMetadata
        )
        LineEncoder.write(record, layout: layout, to: writer)
    }
}
