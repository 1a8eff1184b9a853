/// Why an update or a series was not recorded as given.
enum RejectionReason: String, Sendable, Hashable, CaseIterable {
    case negativeIncrement = "negative_increment"
    case notANumber = "nan_value"
    case negativeDuration = "negative_duration"
    case invalidExemplar = "invalid_exemplar"
    case duplicateSeries = "duplicate_series"
    case invalidFamily = "invalid_family"
    case labelMismatch = "label_mismatch"
    case typeMismatch = "type_mismatch"
    case invalidDimension = "invalid_dimension"
}

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
