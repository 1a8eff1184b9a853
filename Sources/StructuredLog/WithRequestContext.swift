/// Runs `operation` with `context` bound as ``RequestContext/current``: every line logged inside,
/// by this task and its child tasks, carries the request's IDs.
public func withRequestContext<Result>(
    _ context: RequestContext,
    isolation: isolated (any Actor)? = #isolation,
    _ operation: () async throws -> Result
) async rethrows -> Result {
    try await RequestContext.$current.withValue(context, operation: operation, isolation: isolation)
}

/// Runs `operation` with `context` bound as ``RequestContext/current``, for synchronous code.
public func withRequestContext<Result>(
    _ context: RequestContext,
    _ operation: () throws -> Result
) rethrows -> Result {
    try RequestContext.$current.withValue(context, operation: operation)
}
