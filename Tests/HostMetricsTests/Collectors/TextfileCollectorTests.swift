import Foundation
import Glibc
import HostMetrics
import InMemoryLogging
import Logging
import PrometheusMetrics
import Testing

/// The textfile collector on directories written here: what it merges, what it refuses, and
/// what it logs (node_exporter's own behaviour on the same files is checked in
/// MetricsExporterTests' NodeExporterPeerTests).
@Suite struct TextfileCollectorTests {
    /// A temporary directory of textfiles.
    final class Directory {
        let path: String

        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("textfile-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        deinit {
            try? FileManager.default.removeItem(atPath: path)
        }

        func write(_ name: String, _ text: String) throws {
            let file = path + "/" + name
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: false, encoding: .utf8)
        }
    }

    private func collector(_ directory: String, logger: Logger = Logger(label: "test")) throws -> NodeCollector {
        var configuration = NodeCollector.Configuration(paths: Fixture.v1_5_0.paths, collectors: ["textfile"])
        configuration.textfileDirectory = directory
        return try NodeCollector(configuration: configuration, logger: logger)
    }

    /// node_exporter's default: no directory, nothing read, no error.
    @Test func readsNothingByDefault() throws {
        let families = CollectedFamilies(try NodeCollector(configuration: .init(paths: Fixture.v1_5_0.paths, collectors: ["textfile"])))
        #expect(families.value("node_textfile_scrape_error") == 0)
        #expect(families["node_textfile_mtime_seconds"]?.metrics.isEmpty == true)
        #expect(families.successes == ["textfile": 1])
    }

    /// upstream's e2e directory: two files, the `.txt` beside them ignored.
    @Test func readsTheFixturesTwoFiles() throws {
        let directory = Fixture.v1_5_0.root + "/textfile/two_metric_files/"
        let families = CollectedFamilies(try collector(directory))
        #expect(families.value("testmetric1_1", ["foo": "bar"]) == 10)
        #expect(families.value("testmetric2_2", ["foo": "baz"]) == 40)
        #expect(families["testmetric1_2"]?.help == "Metric read from \(directory)metrics1.prom")
        #expect(families["testmetric1_2"]?.type == .untyped)
        #expect(families.series("node_textfile_mtime_seconds").map { $0["file"] } == ["metrics1.prom", "metrics2.prom"].map { directory + $0 })
        #expect(families.value("node_textfile_scrape_error") == 0)
    }

    @Test func mergesFilesAsNodeExporterDoes() throws {
        let directory = try Directory()
        try directory.write("a.prom", "# HELP shared Shared.\nshared{src=\"a\"} 1\nmerged{x=\"1\"} 1\nnohelp 1\n# TYPE typed gauge\ntyped 1\n")
        try directory.write("b.prom", "# HELP shared Other.\nshared{src=\"b\"} 2\nmerged{y=\"2\"} 2\nnohelp{z=\"3\"} 3\n# TYPE typed counter\ntyped 2\n")
        let families = CollectedFamilies(try collector(directory.path))
        // The later file's family with another HELP or type is dropped.
        #expect(families.series("shared") == [["src": "a"]])
        #expect(families.series("typed") == [[:]] && families["typed"]?.type == .gauge)
        // Families without HELP name every file that has them, and merge.
        #expect(families["nohelp"]?.help == "Metric read from \(directory.path)/a.prom, \(directory.path)/b.prom")
        #expect(families.series("nohelp") == [[:], ["z": "3"]])
        #expect(families.series("merged") == [["x": "1"], ["y": "2"]])
        #expect(families.value("node_textfile_scrape_error") == 0)
    }

    @Test func padsLabelsAndSortsBucketsAndQuantiles() throws {
        let directory = try Directory()
        try directory.write("a.prom", """
            padded{a="1"} 1
            padded{b="2"} 2
            # TYPE h histogram
            h_bucket{le="10"} 3
            h_bucket{le="1"} 1
            h_bucket{le="1"} 2
            h_count 4
            # TYPE s summary
            s{quantile="0.9"} 9
            s{quantile="0.1"} 1

            """)
        let families = CollectedFamilies(try collector(directory.path))
        #expect(families.series("padded") == [["a": "1", "b": ""], ["a": "", "b": "2"]])
        guard case .histogram(let buckets, _, let count)? = families["h"]?.metrics.first?.value,
            case .summary(let quantiles, _, _)? = families["s"]?.metrics.first?.value
        else {
            Issue.record("no histogram or summary")
            return
        }
        #expect(buckets.map(\.upperBound) == [1, 10] && buckets.map(\.cumulativeCount) == [2, 3] && count == 4)
        #expect(quantiles.map(\.quantile) == [0.1, 0.9])
    }

    /// A file with timestamps or that does not parse is skipped whole, with
    /// `node_textfile_scrape_error 1`; the other files still count, each with its modification
    /// time in whole seconds.
    @Test func skipsBadFilesAndReportsModificationTimes() throws {
        let directory = try Directory()
        try directory.write("good.prom", "good 1\n")
        try directory.write("stamped.prom", "stamped 1 1700000000000\nother 1\n")
        try directory.write("broken.prom", "broken{ 1\n")
        var times = [timespec(tv_sec: 1_600_000_000, tv_nsec: 900_000_000), timespec(tv_sec: 1_600_000_000, tv_nsec: 900_000_000)]
        #expect(utimensat(AT_FDCWD, directory.path + "/good.prom", &times, 0) == 0)
        let families = CollectedFamilies(try collector(directory.path))
        #expect(families.value("good") == 1)
        #expect(families["stamped"] == nil && families["other"] == nil && families["broken"] == nil)
        #expect(families.value("node_textfile_mtime_seconds", ["file": directory.path + "/good.prom"]) == 1_600_000_000)
        #expect(families.series("node_textfile_mtime_seconds").count == 1)
        #expect(families.value("node_textfile_scrape_error") == 1)
        #expect(families.successes == ["textfile": 1])
    }

    /// A glob names several directories; a directory that does not exist is an error.
    @Test func globsAndMissingDirectories() throws {
        let directory = try Directory()
        try directory.write("one/a.prom", "from_one 1\n")
        try directory.write("two/b.prom", "from_two 2\n")
        let globbed = CollectedFamilies(try collector(directory.path + "/*"))
        #expect(globbed.value("from_one") == 1 && globbed.value("from_two") == 2)
        #expect(globbed.value("node_textfile_scrape_error") == 0)
        let missing = CollectedFamilies(try collector(directory.path + "/nope"))
        #expect(missing.value("node_textfile_scrape_error") == 1)
        #expect(missing.series("node_textfile_mtime_seconds").isEmpty)
    }

    /// Each problem is logged when it appears, not on every scrape, and again once it has gone
    /// and come back.
    @Test func logsEachProblemOnce() throws {
        let directory = try Directory()
        try directory.write("a.prom", "# TYPE x gauge\nx 1\n")
        try directory.write("b.prom", "# TYPE x counter\nx 2\n")
        try directory.write("c.prom", "broken{\n")
        let handler = InMemoryLogHandler()
        let collector = try collector(directory.path, logger: Logger(label: "test") { _ in handler })
        for _ in 0..<3 { _ = CollectedFamilies(collector) }
        #expect(handler.entries.map(\.message.description).sorted() == [
            "failed to collect textfile data", "textfile family conflicts with an earlier file, skipped",
        ])
        #expect(handler.entries.allSatisfy { $0.level == .error && $0.metadata["collector"] == "textfile" })
        try FileManager.default.removeItem(atPath: directory.path + "/c.prom")
        _ = CollectedFamilies(collector)
        try directory.write("c.prom", "broken{\n")
        _ = CollectedFamilies(collector)
        #expect(handler.entries.filter { $0.message == "failed to collect textfile data" }.count == 2)
    }
}
