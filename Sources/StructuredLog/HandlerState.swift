import Logging

/// What a ``JSONLogHandler`` holds besides its level, in one immutable reference.
///
/// swift-log copies a handler on every call (out of `Logger`'s storage, through its existential
/// box): a handler of one level and one reference fits the existential inline and copies with a
/// single retain, and immutable fields are read without exclusivity checks. A change makes a new
/// state, which keeps handlers value types.
final class HandlerState: Sendable {
    let label: String
    let layout: LineLayout
    let writer: any LogLineWriter
    let metadataProvider: Logger.MetadataProvider?
    let metadata: Logger.Metadata
    /// `metadata` encoded once, copied into lines that override none of its keys.
    let renderedMetadata: [UInt8]?

    init(
        label: String,
        layout: LineLayout,
        writer: any LogLineWriter,
        metadataProvider: Logger.MetadataProvider?,
        metadata: Logger.Metadata = [:]
    ) {
        self.label = label
        self.layout = layout
        self.writer = writer
        self.metadataProvider = metadataProvider
        self.metadata = metadata
        self.renderedMetadata = LineEncoder.renderedMembers(of: metadata, layout: layout)
    }

    /// This state with other metadata.
    func with(metadata: Logger.Metadata) -> HandlerState {
        HandlerState(label: label, layout: layout, writer: writer, metadataProvider: metadataProvider, metadata: metadata)
    }

    /// This state with another metadata provider.
    func with(metadataProvider: Logger.MetadataProvider?) -> HandlerState {
        HandlerState(label: label, layout: layout, writer: writer, metadataProvider: metadataProvider, metadata: metadata)
    }
}
