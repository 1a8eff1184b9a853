import Logging

/// What one line is made of besides its event, gathered by the handler before encoding: the
/// time, and the metadata layers above the handler's (request context < provider; the call
/// site's is in the event).
struct LineRecord {
    let timestamp: RFC3339Timestamp
    let context: RequestIdentity?
    /// The metadata provider's fields, nil when there are none.
    let provided: Logger.Metadata?
    /// The label, the layout, and the handler's metadata, encoded or not.
    let handler: HandlerState
}
