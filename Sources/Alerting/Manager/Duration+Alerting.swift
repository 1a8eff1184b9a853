extension Duration {
    /// Seconds as a floating-point number, for Foundation's time intervals and backoff arithmetic.
    var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }

    /// Nanoseconds for swift-metrics timers, saturating instead of overflowing.
    var inNanoseconds: Int64 {
        let (seconds, overflow) = components.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return components.seconds < 0 ? .min : .max }
        return seconds.addingReportingOverflow(components.attoseconds / 1_000_000_000).partialValue
    }

    /// The longest timeout, interval or backoff alerting accepts: a century. Longer ones, such
    /// as `.seconds(Int64.max)` meant as "never", overflow the clock inside `Task.sleep`, which
    /// stops the process.
    static let longestSchedulable = Duration.seconds(100 * 365 * 86_400)

    /// Throws ``AlertingError/invalidConfiguration(setting:value:expected:)`` unless positive and
    /// at most ``longestSchedulable``.
    func requireSchedulable(_ setting: String) throws {
        guard self > .zero, self <= .longestSchedulable else {
            throw AlertingError.invalidConfiguration(
                setting: setting, value: "\(self)", expected: "greater than zero and at most 100 years")
        }
    }
}
