/// A value source that calls a closure: a queue depth, a ratio the service computes itself.
public struct ClosureValueSource: RuleValueSource {
    private let body: @Sendable () async throws -> Double?

    /// Reads the value by calling `body` at every evaluation.
    public init(_ body: @escaping @Sendable () async throws -> Double?) {
        self.body = body
    }

    /// Whatever the closure returns or throws.
    public func currentValue() async throws -> Double? {
        try await body()
    }
}
