import Foundation
import PrometheusMetrics

/// A stand-in for a real database: rows in memory, and every query sleeps for a latency drawn
/// from a long-tailed distribution, so `db_query_duration_seconds` looks like a real one.
actor ItemDatabase {
    private var rows: [Int: Item]
    private var nextID: Int
    private let selectDuration: Histogram
    private let insertDuration: Histogram

    /// Seeds `seedCount` rows and takes its query histograms from `metrics`.
    init(seedCount: Int, metrics: ServiceMetrics) throws(PrometheusMetricsError) {
        rows = Dictionary(uniqueKeysWithValues: (1...max(1, seedCount)).map { ($0, Item(id: $0, name: "item-\($0)")) })
        nextID = max(1, seedCount) + 1
        selectDuration = try metrics.dbQueryDuration.labels("select")
        insertDuration = try metrics.dbQueryDuration.labels("insert")
    }

    /// `SELECT … WHERE id = ?`.
    func select(id: Int) async throws -> Item? {
        try await query(selectDuration, typical: .milliseconds(4))
        return rows[id]
    }

    /// `SELECT … LIMIT ?`, in id order.
    func select(limit: Int) async throws -> [Item] {
        try await query(selectDuration, typical: .milliseconds(12))
        return rows.keys.sorted().prefix(limit).compactMap { rows[$0] }
    }

    /// `INSERT`; returns the new row.
    func insert(name: String) async throws -> Item {
        try await query(insertDuration, typical: .milliseconds(20))
        let item = Item(id: nextID, name: name)
        rows[item.id] = item
        nextID += 1
        return item
    }

    /// Sleeps for `typical` scaled by a log-normal factor (median 1, one query in a hundred
    /// about ten times slower) and records the time actually spent.
    private func query(_ histogram: Histogram, typical: Duration) async throws {
        let normal = (0..<12).reduce(-6.0) { sum, _ in sum + Double.random(in: 0..<1) }
        try await histogram.time { try await Task.sleep(for: typical * exp(normal)) }
    }
}
