import CoreMetrics

/// One handler's delivery counters and latency timer, created once per handler and level so
/// that counting an outcome is an array lookup and an increment.
struct HandlerMetrics: Sendable {
    /// Why a notification was dropped before it could be delivered.
    enum DropReason: Int, CaseIterable {
        /// The handler's queue was full and this was its oldest notification.
        case overflow
        /// Shutdown's deadline passed, or the notification arrived after shutdown began.
        case shutdown

        var name: String {
            switch self {
            case .overflow: "overflow"
            case .shutdown: "shutdown"
            }
        }
    }

    private let sent: [Counter]
    private let failed: [Counter]
    private let retried: [Counter]
    private let dropped: [[Counter]]
    private let latency: Timer

    init(handler: String, factory: any MetricsFactory) {
        func counters(_ label: String, _ extra: [(String, String)] = []) -> [Counter] {
            AlertLevel.allCases.map { level in
                Counter(label: label, dimensions: [("handler", handler), ("level", level.name)] + extra, factory: factory)
            }
        }
        sent = counters("alerts_sent_total")
        failed = counters("alerts_failed_total")
        retried = counters("alerts_retried_total")
        dropped = DropReason.allCases.map { counters("alerts_dropped_total", [("reason", $0.name)]) }
        latency = Timer(
            label: "alerts_delivery_latency_seconds", dimensions: [("handler", handler)],
            preferredDisplayUnit: .seconds, factory: factory)
    }

    /// Delivered; `latency` runs from the first attempt to the successful one.
    func recordSent(_ level: AlertLevel, latency duration: Duration) {
        sent[level.rawValue].increment()
        latency.recordNanoseconds(duration.inNanoseconds)
    }

    /// Given up on after its last attempt.
    func recordFailed(_ level: AlertLevel) {
        failed[level.rawValue].increment()
    }

    /// Another attempt is about to follow a failed one.
    func recordRetried(_ level: AlertLevel) {
        retried[level.rawValue].increment()
    }

    func recordDropped(_ level: AlertLevel, reason: DropReason) {
        dropped[reason.rawValue][level.rawValue].increment()
    }
}
