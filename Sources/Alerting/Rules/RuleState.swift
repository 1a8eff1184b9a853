import Foundation

/// Where a rule stands, as Prometheus reports it: inactive, pending (the condition holds but not
/// yet for the `for` duration) or firing.
public enum RuleState: Sendable, Hashable {
    /// The condition does not hold.
    case inactive
    /// The condition has held since this time.
    case pending(since: Date)
    /// The alert fired at this time.
    case firing(since: Date)
}
