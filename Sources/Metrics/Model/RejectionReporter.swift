/// Lets a metric handle count what it rejects against its family, in its registry's
/// diagnostics, without knowing either.
struct RejectionReporter: Sendable {
    let family: String
    let diagnostics: RegistryDiagnostics

    func report(_ reason: RejectionReason) {
        diagnostics.countRejection(family: family, reason: reason)
    }

    /// The duration in seconds, or nil (counted) when it is negative.
    func seconds(of duration: Duration) -> Double? {
        guard duration >= .zero else {
            report(.negativeDuration)
            return nil
        }
        return duration.seconds
    }
}
