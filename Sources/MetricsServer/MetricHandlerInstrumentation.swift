import PrometheusMetrics
import Synchronization

/// The metrics endpoint's account of itself, under the names client_golang's promhttp gives it
/// (and node_exporter exposes): `promhttp_metric_handler_requests_total{code}`,
/// `promhttp_metric_handler_requests_in_flight` and `promhttp_metric_handler_errors_total{cause}`.
///
/// A collector, so one server's counts can be registered in every registry its source hands
/// out. The in-flight count is also what the limit of concurrent scrapes is checked against.
public final class MetricHandlerInstrumentation: PrometheusCollector {
    private let inFlight = Atomic<Int>(0)
    private let ok = Atomic<UInt64>(0)
    private let badRequest = Atomic<UInt64>(0)
    private let methodNotAllowed = Atomic<UInt64>(0)
    private let internalServerError = Atomic<UInt64>(0)
    private let serviceUnavailable = Atomic<UInt64>(0)
    private let gatheringErrors = Atomic<UInt64>(0)

    init() {}

    /// Scrapes being served now.
    public var scrapesInFlight: Int {
        inFlight.load(ordering: .relaxed)
    }

    /// Counts a scrape in flight unless `limit` (when positive) are already; false means answer 503.
    func admitScrape(limit: Int) -> Bool {
        guard limit > 0 else {
            inFlight.add(1, ordering: .relaxed)
            return true
        }
        var current = inFlight.load(ordering: .relaxed)
        while current < limit {
            let (exchanged, original) = inFlight.compareExchange(expected: current, desired: current + 1, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }

    /// Ends a scrape `admitScrape` let in.
    func finishScrape() {
        inFlight.subtract(1, ordering: .relaxed)
    }

    /// Counts a response of the metrics endpoint.
    func countResponse(_ status: ScrapeStatus) {
        switch status {
        case .ok: ok.add(1, ordering: .relaxed)
        case .badRequest: badRequest.add(1, ordering: .relaxed)
        case .methodNotAllowed: methodNotAllowed.add(1, ordering: .relaxed)
        case .internalServerError: internalServerError.add(1, ordering: .relaxed)
        case .serviceUnavailable: serviceUnavailable.add(1, ordering: .relaxed)
        }
    }

    /// Counts a source that failed to produce a registry.
    func countGatheringError() {
        gatheringErrors.add(1, ordering: .relaxed)
    }

    /// The three promhttp families as they stand now.
    public func collect(into families: inout [CollectedFamily]) {
        families.append(CollectedFamily(
            name: "promhttp_metric_handler_errors_total",
            help: "Total number of internal errors encountered by the promhttp metric handler.",
            type: .counter,
            metrics: [
                // Writing an exposition into memory cannot fail, so encoding errors stay 0.
                CollectedMetric(labels: [("cause", "encoding")], value: 0),
                CollectedMetric(labels: [("cause", "gathering")], value: Double(gatheringErrors.load(ordering: .relaxed))),
            ]
        ))
        families.append(CollectedFamily(
            name: "promhttp_metric_handler_requests_in_flight",
            help: "Current number of scrapes being served.",
            type: .gauge,
            metrics: [CollectedMetric(value: Double(scrapesInFlight))]
        ))
        // client_golang shows 200, 500 and 503 from the start and other codes once seen.
        var requests: [CollectedMetric] = []
        for status in ScrapeStatus.allCases {
            let count = count(of: status)
            if count > 0 || status.isAlwaysExposed {
                requests.append(CollectedMetric(labels: [("code", status.code)], value: Double(count)))
            }
        }
        families.append(CollectedFamily(
            name: "promhttp_metric_handler_requests_total",
            help: "Total number of scrapes by HTTP status code.",
            type: .counter,
            metrics: requests
        ))
    }

    private func count(of status: ScrapeStatus) -> UInt64 {
        switch status {
        case .ok: ok.load(ordering: .relaxed)
        case .badRequest: badRequest.load(ordering: .relaxed)
        case .methodNotAllowed: methodNotAllowed.load(ordering: .relaxed)
        case .internalServerError: internalServerError.load(ordering: .relaxed)
        case .serviceUnavailable: serviceUnavailable.load(ordering: .relaxed)
        }
    }
}
