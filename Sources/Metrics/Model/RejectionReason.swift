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
    case invalidUnit = "invalid_unit"
}
