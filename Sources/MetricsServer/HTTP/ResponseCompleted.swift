/// Sent down the pipeline once a response is written, so the connection's deadline changes
/// from the request timeout to the idle timeout (or to the next pipelined request's timeout).
struct ResponseCompleted: Sendable {}
