/// Sent down the pipeline when the request handler takes a request's head, so that a request
/// the pipelining handler held back (a pipelined one) is timed as a request, not as idleness.
struct RequestStarted: Sendable {}
