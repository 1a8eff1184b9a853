/// A family's series in exposition order, laid out for scraping: every line prefix of every
/// series in one contiguous block and the handles in one contiguous array, so a scrape streams
/// through memory instead of chasing a few pointers per series. Rebuilt (by copying, not
/// re-rendering) only when series are added or removed.
struct ExpositionSnapshot {
    let entries: [SeriesEntry]
    /// The handles, unretained: `entries` keeps them alive.
    private let metrics: [Unmanaged<AnyObject>]
    private let prefixBytes: [UInt8]
    /// Where each prefix ends in `prefixBytes`; `prefixesPerSeries` of them per series.
    private let prefixEnds: [Int]
    private let prefixesPerSeries: Int

    init(sorted entries: [SeriesEntry]) {
        self.entries = entries
        metrics = entries.map { Unmanaged.passUnretained($0.metric) }
        prefixesPerSeries = entries.first?.prefixes.count ?? 0
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.reduce(0) { total, entry in total + entry.prefixes.reduce(0) { $0 + $1.count } })
        var ends: [Int] = []
        ends.reserveCapacity(entries.count * prefixesPerSeries)
        for entry in entries {
            for prefix in entry.prefixes {
                bytes.append(contentsOf: prefix)
                ends.append(bytes.count)
            }
        }
        prefixBytes = bytes
        prefixEnds = ends
    }

    var isEmpty: Bool { entries.isEmpty }

    /// One series as the writers see it: its handle and its line prefixes, all borrowed.
    struct Series {
        unowned(unsafe) let entry: SeriesEntry
        fileprivate let metric: Unmanaged<AnyObject>
        fileprivate let bytes: UnsafePointer<UInt8>
        fileprivate let ends: UnsafePointer<Int>
        fileprivate let start: Int

        /// The series' `index`th line prefix.
        @inline(__always)
        func prefix(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            let from = index == 0 ? start : ends[index - 1]
            return UnsafeBufferPointer(start: bytes + from, count: ends[index] - from)
        }

        /// Calls `body` with the handle, borrowed, as the type its family made it with.
        @inline(__always)
        func withMetric<Metric: AnyObject, Result>(as type: Metric.Type, _ body: (Metric) -> Result) -> Result {
            Unmanaged<Metric>.fromOpaque(metric.toOpaque())._withUnsafeGuaranteedRef(body)
        }
    }

    /// Calls `body` for every series in order, without retaining anything per series.
    @inline(__always)
    func forEach(_ body: (Series) -> Void) {
        entries.withUnsafeBufferPointer { entries in
            metrics.withUnsafeBufferPointer { metrics in
                prefixBytes.withUnsafeBufferPointer { bytes in
                    prefixEnds.withUnsafeBufferPointer { ends in
                        guard let bytesBase = bytes.baseAddress, let endsBase = ends.baseAddress else { return }
                        for index in entries.indices {
                            let first = index * prefixesPerSeries
                            body(Series(
                                entry: entries[index],
                                metric: metrics[index],
                                bytes: bytesBase,
                                ends: endsBase + first,
                                start: first == 0 ? 0 : ends[first - 1]
                            ))
                        }
                    }
                }
            }
        }
    }
}
