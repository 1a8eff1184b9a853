import Dispatch
import Testing
@testable import PrometheusMetrics

/// Many threads on one handle, and lookups racing creation and removal. Run under
/// `swift test --sanitize=thread` in CI as well.
@Suite struct ConcurrencyTests {
    static let threads = 4
    static let perThread = 2_500_000

    @Test func tenMillionIncrementsAddUpExactly() throws {
        let registry = PrometheusRegistry()
        let counter = try registry.makeCounter(name: "c", help: "C.")
        DispatchQueue.concurrentPerform(iterations: Self.threads) { _ in
            for _ in 0..<Self.perThread { counter.inc() }
        }
        #expect(counter.value == Double(Self.threads * Self.perThread))
    }

    @Test func concurrentObservationsAreAllCounted() throws {
        let registry = PrometheusRegistry()
        let histogram = try registry.makeHistogram(name: "h", help: "H.", buckets: [1, 2, 3])
        let perThread = 500_000
        DispatchQueue.concurrentPerform(iterations: Self.threads) { thread in
            for index in 0..<perThread { histogram.observe(Double((index + thread) % 4 + 1)) }
        }
        let buckets = (0...3).map { histogram.count(inBucket: $0) }
        let sum = histogram.sum
        #expect(buckets.reduce(0, +) == UInt64(Self.threads * perThread))
        #expect(buckets == Array(repeating: UInt64(Self.threads * perThread / 4), count: 4))
        #expect(sum == Double(Self.threads * perThread / 4 * (1 + 2 + 3 + 4)))
    }

    @Test func concurrentFractionalAndWholeIncrements() throws {
        let registry = PrometheusRegistry()
        let counter = try registry.makeCounter(name: "c", help: "C.")
        let gauge = try registry.makeGauge(name: "g", help: "G.")
        DispatchQueue.concurrentPerform(iterations: Self.threads) { _ in
            for _ in 0..<100_000 {
                counter.inc(by: 0.5)
                counter.inc(by: 2)
                gauge.inc()
                gauge.dec(by: 0.5)
            }
        }
        #expect(counter.value == Double(Self.threads * 100_000) * 2.5)
        #expect(gauge.value == Double(Self.threads * 100_000) * 0.5)
    }

    @Test func lookupsRaceCreationAndRemoval() throws {
        let registry = PrometheusRegistry()
        let family = try registry.makeCounterFamily(name: "r", help: "R.", labelNames: ["method", "path", "status"])
        let stable = try family.labels("GET", "/stable", "200")
        DispatchQueue.concurrentPerform(iterations: Self.threads) { thread in
            for round in 0..<20_000 {
                (try? family.labels("GET", "/stable", "200"))?.inc()
                let churn = "/churn/\(thread)/\(round % 64)"
                (try? family.labels("GET", churn, "200"))?.inc()
                if round % 3 == 0 { family.remove("GET", churn, "200") }
                if thread == 0 && round % 5_000 == 0 { _ = registry.exposition() }
            }
        }
        #expect(stable.value == Double(Self.threads * 20_000))
        #expect(try family.labels("GET", "/stable", "200") === stable)
    }

    @Test func lookupsRaceRemoveAll() throws {
        let registry = PrometheusRegistry()
        let family = try registry.makeGaugeFamily(name: "g", help: "G.", labelNames: ["k"])
        DispatchQueue.concurrentPerform(iterations: Self.threads) { thread in
            for round in 0..<10_000 {
                (try? family.labels(String(round % 100)))?.inc()
                if thread == 0 && round % 1_000 == 0 { family.removeAll() }
            }
        }
        #expect(family.seriesCount <= 100)
        let series = String(decoding: registry.exposition(), as: UTF8.self).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: " ")[0] }
        #expect(Set(series).count == series.count)
    }

    /// Fresh handles hit by several threads at once: the per-CPU stripes and the exemplar
    /// storage are installed by whichever thread wins, and no update may be lost meanwhile.
    @Test func handlesInstallStripesUnderContentionWithoutLosingUpdates() throws {
        let registry = PrometheusRegistry()
        let counters = try registry.makeCounterFamily(name: "c", help: "C.", labelNames: ["k"])
        let histograms = try registry.makeHistogramFamily(name: "h", help: "H.", labelNames: ["k"], buckets: [1, 2])
        let handles = try (0..<200).map { (try counters.labels(String($0)), try histograms.labels(String($0))) }
        DispatchQueue.concurrentPerform(iterations: Self.threads) { thread in
            for (counter, histogram) in handles {
                for round in 0..<100 {
                    counter.inc()
                    histogram.observe(Double(round % 3))
                    if round == 50 {
                        counter.inc(by: 1, exemplar: ["thread": String(thread)])
                        histogram.observe(1.5, exemplar: ["thread": String(thread)])
                    }
                }
            }
        }
        for (counter, histogram) in handles {
            #expect(counter.value == Double(Self.threads * 101))
            #expect((0...2).map { histogram.count(inBucket: $0) }.reduce(0, +) == UInt64(Self.threads * 101))
            #expect(histogram.sum == Double(Self.threads) * (Double(33 + 2 * 33) + 1.5))
            #expect(histogram.exemplars.compactMap { $0 }.count == 1)
            #expect(counter.exemplar != nil)
        }
    }

    @Test func scrapesRaceUpdates() throws {
        let registry = PrometheusRegistry()
        let family = try registry.makeHistogramFamily(name: "h", help: "H.", labelNames: ["k"])
        DispatchQueue.concurrentPerform(iterations: Self.threads) { thread in
            for round in 0..<5_000 {
                if thread == 0 {
                    if round % 100 == 0 { _ = registry.exposition(.openMetrics) }
                } else {
                    (try? family.labels(String(round % 50)))?.observe(Double(round), exemplar: ["id": String(round)])
                }
            }
        }
        #expect(family.seriesCount == 50)
        let observed = (0..<50).compactMap { registry.sampleValue("h_count", labels: ["k": String($0)]) }.reduce(0, +)
        #expect(observed == Double((Self.threads - 1) * 5_000))
    }
}
