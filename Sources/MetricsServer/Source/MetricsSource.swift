import PrometheusMetrics

/// Chooses what a scrape exposes. A registry is a source that always exposes itself; the host
/// exporter is a source that builds a registry per `collect[]` filter.
///
/// Called on the server's thread pool, never on an event loop, so it may block briefly (reading
/// files, for example).
public protocol MetricsSource: Sendable {
    /// The registry to write for `request`. Throw ``MetricsServerError/badScrapeRequest(reason:)``
    /// to answer 400 with the reason (an unknown collector, say); any other error answers 500
    /// and counts in `promhttp_metric_handler_errors_total{cause="gathering"}`.
    func registry(for request: ScrapeRequest) throws -> PrometheusRegistry
}

extension PrometheusRegistry: MetricsSource {
    /// This registry, whatever the request asks.
    public func registry(for request: ScrapeRequest) -> PrometheusRegistry {
        self
    }
}
