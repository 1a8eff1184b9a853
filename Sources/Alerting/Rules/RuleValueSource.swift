/// Where a threshold rule reads the value it compares: a closure, a metric of a registry, a host
/// statistic. One protocol so that every source plugs into the same rules.
public protocol RuleValueSource: Sendable {
    /// The current value, or `nil` when there is none: like an empty query result in
    /// Prometheus, no value makes the rule inactive (and resolves it if it fired). A thrown error
    /// leaves the rule's state as it was.
    func currentValue() async throws -> Double?
}
