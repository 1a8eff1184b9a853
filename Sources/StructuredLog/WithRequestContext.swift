/// Runs `operation` with `context` bound as ``RequestIdentity/current``: every line logged inside,
/// by this task and its child tasks, carries the request's IDs.
public func withRequestContext<Result>(
    _ context: RequestIdentity,
    isolation: isolated (any Actor)? = #isolation,
    _ operation: () async throws -> Result
) async rethrows -> Result {
    try await RequestIdentity.$current.withValue(context, operation: operation, isolation: isolation)
}

/// Runs `operation` with `context` bound as ``RequestIdentity/current``, for synchronous code.
public func withRequestContext<Result>(
    _ context: RequestIdentity,
    _ operation: () throws -> Result
) rethrows -> Result {
    try RequestIdentity.$current.withValue(context, operation: operation)
}
