/// The statuses the metrics path answers with, as `promhttp_metric_handler_requests_total`
/// counts them.
enum ScrapeStatus: CaseIterable {
    case ok
    case badRequest
    case methodNotAllowed
    case internalServerError
    case serviceUnavailable

    /// The `code` label value.
    var code: String {
        switch self {
        case .ok: "200"
        case .badRequest: "400"
        case .methodNotAllowed: "405"
        case .internalServerError: "500"
        case .serviceUnavailable: "503"
        }
    }

    /// client_golang exposes 200, 500 and 503 from the start and other codes once seen.
    var isAlwaysExposed: Bool {
        self == .ok || self == .internalServerError || self == .serviceUnavailable
    }
}
