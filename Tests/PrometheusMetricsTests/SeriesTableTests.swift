import Dispatch
import Synchronization
import Testing
@testable import PrometheusMetrics

/// The lock-free series table under its worst case: readers probing while a writer inserts,
/// removes, grows and clears, and frees what it unlinked as soon as the table says it may.
/// A reader that saw freed or foreign memory finds the wrong key or crashes; run under
/// `swift test --sanitize=thread` too.
@Suite struct SeriesTableTests {
    /// The metric of each test entry: the key it was made for.
    final class Key: Sendable {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    static func entry(_ key: Int, in table: SeriesTable) -> SeriesEntry {
        let schema = LabelSchema(names: ["k"])
        return SeriesEntry(labels: SeriesLabels(values: [String(key)], schema: schema, hasher: table.hasher), metric: Key(key), prefixes: [])
    }

    @Test func readersRacingRemovalGrowthAndClearingOnlyFindTheirKey() {
        let table = SeriesTable()
        let pinned = Self.entry(-1, in: table)
        table.insert(pinned)
        let writerDone = Atomic<Bool>(false)
        let wrongFinds = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            if thread == 0 {
                // The only writer, as a family's lock would make it: entries live in `live`
                // until removed, and are freed the moment `remove` returns.
                var live: [Int: SeriesEntry] = [:]
                for round in 0..<10_000 {
                    let key = round % 512
                    if let entry = live.removeValue(forKey: key) {
                        table.remove(entry)
                    } else {
                        let entry = Self.entry(key, in: table)
                        table.insert(entry)
                        live[key] = entry
                    }
                    if round % 2_999 == 2_998 {
                        table.removeAll()
                        live.removeAll()
                        table.insert(pinned)
                    }
                }
                writerDone.store(true, ordering: .releasing)
            } else {
                var key = thread
                while !writerDone.load(ordering: .acquiring) {
                    key = (key &* 1_103_515_245 &+ 12_345) & 511
                    let values = [String(key)]
                    if let entry = table.findEntry(values, hash: table.hasher.hash(values)),
                       entry.labels.values != values || entry.metric(as: Key.self).value != key {
                        wrongFinds.add(1, ordering: .relaxed)
                    }
                    // The pinned entry is absent only for a moment after each `removeAll`; this
                    // lookup exercises the fixed-arity path without asserting on that moment.
                    _ = table.findMetric(OneLabelValue(first: "-1"), hash: table.hasher.hash(["-1"]))
                }
            }
        }
        #expect(wrongFinds.load(ordering: .relaxed) == 0)
        #expect(table.findEntry(["-1"], hash: table.hasher.hash(["-1"])) === pinned)
    }
}
