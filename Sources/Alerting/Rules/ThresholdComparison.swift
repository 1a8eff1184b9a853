/// The condition of a threshold rule, as in a PromQL comparison (`> 95`); NaN satisfies only `!=`.
public enum ThresholdComparison: Sendable, Hashable {
    /// `> threshold`
    case greaterThan(Double)
    /// `>= threshold`
    case greaterThanOrEqual(Double)
    /// `< threshold`
    case lessThan(Double)
    /// `<= threshold`
    case lessThanOrEqual(Double)
    /// `== threshold`
    case equal(Double)
    /// `!= threshold`
    case notEqual(Double)

    /// Whether `value` meets the condition.
    public func isSatisfied(by value: Double) -> Bool {
        switch self {
        case .greaterThan(let threshold): value > threshold
        case .greaterThanOrEqual(let threshold): value >= threshold
        case .lessThan(let threshold): value < threshold
        case .lessThanOrEqual(let threshold): value <= threshold
        case .equal(let threshold): value == threshold
        case .notEqual(let threshold): value != threshold
        }
    }
}
