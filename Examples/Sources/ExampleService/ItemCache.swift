import PrometheusMetrics
import Synchronization

/// A read-through cache in front of the database: entries live for `timeToLive`, so a steady
/// load sees both hits and misses. Every lookup counts `cache_hits_total` or
/// `cache_misses_total` with `cache="items"`.
final class ItemCache: Sendable {
    private let entries = Mutex<[Int: (item: Item, expires: ContinuousClock.Instant)]>([:])
    private let timeToLive: Duration
    private let hits: Counter
    private let misses: Counter

    /// An empty cache whose entries expire after `timeToLive`.
    init(timeToLive: Duration, metrics: ServiceMetrics) throws(PrometheusMetricsError) {
        self.timeToLive = timeToLive
        hits = try metrics.cacheHits.labels("items")
        misses = try metrics.cacheMisses.labels("items")
    }

    /// The cached item, or what `load` returns (cached when found).
    func item(id: Int, load: (Int) async throws -> Item?) async throws -> Item? {
        let now = ContinuousClock.now
        let cached = entries.withLock { entries in
            entries[id].flatMap { $0.expires > now ? $0.item : nil }
        }
        if let cached {
            hits.inc()
            return cached
        }
        misses.inc()
        guard let loaded = try await load(id) else { return nil }
        entries.withLock { $0[id] = (loaded, now + timeToLive) }
        return loaded
    }
}
