import Logging

/// Everything one line is made of, gathered by the handler before encoding: the event, the time,
/// and the metadata layers in rising precedence (handler < request context < provider < call site).
struct LineRecord {
    var event: LogEvent
    var timestamp: RFC3339Timestamp
    var label: String
    var context: RequestContext?
    /// The metadata provider's fields, nil when there are none.
    var provided: Logger.Metadata?
    var handlerMetadata: Logger.Metadata
    /// `handlerMetadata` already encoded, when it can be copied as it is (see
    /// ``LineEncoder/renderedMembers(of:layout:)``).
    var renderedHandlerMetadata: [UInt8]?
}
