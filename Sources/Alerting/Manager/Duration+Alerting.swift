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

    /// Throws ``AlertingError/invalidConfiguration(setting:value:expected:)`` unless positive.
    func requirePositive(_ setting: String) throws {
        guard self > .zero else {
            throw AlertingError.invalidConfiguration(setting: setting, value: "\(self)", expected: "greater than zero")
        }
    }
}
