import HostMetrics
import MetricsServer
import PrometheusMetrics
import Synchronization

/// What a scrape of the exporter exposes: every enabled collector, or with node_exporter's
/// `?collect[]=cpu&collect[]=meminfo` only those, plus the exporter's own metrics. A registry
/// per filter, made on first use and kept.
final class CollectorFilterSource: MetricsSource {
    private let nodeCollector: NodeCollector
    private let unfiltered = PrometheusRegistry()
    private let state = Mutex(State())

    private struct State {
        var exporterMetrics: [any PrometheusCollector] = []
        var filtered: [[String]: PrometheusRegistry] = [:]
    }

    /// At most this many filters keep their registry; past it the kept ones are dropped, so
    /// scrapers asking for ever new combinations cannot grow memory without bound.
    private static let filterLimit = 64

    /// Exposes `nodeCollector`, whole or filtered.
    init(nodeCollector: NodeCollector) {
        self.nodeCollector = nodeCollector
        unfiltered.register(collector: nodeCollector)
    }

    /// Adds the exporter's own metrics (the process collector, the server's promhttp counts) to
    /// every registry, whatever the filter.
    func exposeExporterMetrics(_ collector: some PrometheusCollector) {
        state.withLock { state in
            state.exporterMetrics.append(collector)
            for registry in state.filtered.values {
                registry.register(collector: collector)
            }
        }
        unfiltered.register(collector: collector)
    }

    func registry(for request: ScrapeRequest) throws -> PrometheusRegistry {
        let names = Set(request.values(of: "collect[]")).sorted()
        guard !names.isEmpty else { return unfiltered }
        if let registry = state.withLock({ $0.filtered[names] }) { return registry }
        let collector: NodeCollector
        do {
            collector = try nodeCollector.filtered(names)
        } catch {
            throw MetricsServerError.badScrapeRequest(reason: "Couldn't create filtered metrics handler: \(error)")
        }
        return state.withLock { state in
            if let existing = state.filtered[names] { return existing }
            if state.filtered.count >= Self.filterLimit { state.filtered.removeAll() }
            let registry = PrometheusRegistry()
            registry.register(collector: collector)
            for exporterCollector in state.exporterMetrics {
                registry.register(collector: exporterCollector)
            }
            state.filtered[names] = registry
            return registry
        }
    }
}
