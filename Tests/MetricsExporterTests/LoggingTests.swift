import Foundation
import Testing

/// The exporter's log lines, read back with Foundation's JSON parser: its start, its collectors,
/// where it listens, and a failing collector logged once.
@Suite struct LoggingTests {
    /// Every line of `log` as a JSON object.
    private func lines(_ log: String) throws -> [[String: Any]] {
        try log.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require(object, "not a JSON object: \(line)")
        }
    }

    @Test func logsStartCollectorsAndAddressAsJSONLines() throws {
        let exporter = try ExporterProcess.start(["--collector.disable-defaults", "--collector.cpu", "--collector.meminfo"])
        #expect(exporter.stop() == 0)
        let lines = try lines(exporter.log)
        let start = try #require(lines.first { $0["message"] as? String == "Starting metrics-exporter" })
        #expect(start["version"] as? String == "0.1.0")
        #expect(start["level"] as? String == "info")
        let collectors = try #require(lines.first { $0["message"] as? String == "Enabled collectors" })
        #expect(collectors["collectors"] as? [String] == ["cpu", "meminfo"])
        let listening = try #require(lines.first { $0["message"] as? String == "Listening" })
        #expect((listening["address"] as? String)?.hasSuffix("127.0.0.1:\(exporter.port)") == true)
        #expect(lines.allSatisfy { $0["timestamp"] is String && $0["logger"] as? String == "metrics-exporter" })
    }

    /// A deprecated spelling node_exporter still reads works, with a warning naming its replacement.
    @Test func warnsOfADeprecatedFlag() throws {
        let exporter = try ExporterProcess.start(["--collector.disable-defaults", "--collector.filesystem", "--collector.filesystem.ignored-mount-points=^/x"])
        #expect(exporter.stop() == 0)
        let warning = try #require(try lines(exporter.log).first { $0["message"] as? String == "flag is deprecated; use its replacement" })
        #expect(warning["level"] as? String == "warning")
        #expect(warning["flag"] as? String == "--collector.filesystem.ignored-mount-points")
        #expect(warning["replacement"] as? String == "--collector.filesystem.mount-points-exclude")
    }

    /// An empty procfs fails every procfs collector: each logs one error however often it is
    /// scraped, and every scrape still answers 200 with the rest.
    @Test func logsAFailingCollectorOnce() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-proc-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let exporter = try ExporterProcess.start(["--path.procfs=" + empty])
        for _ in 0..<3 {
            let scrape = try exporter.fetch("/metrics")
            #expect(scrape.status == 200)
            #expect(scrape.text.contains("node_scrape_collector_success{collector=\"loadavg\"} 0"))
            #expect(scrape.text.contains("node_scrape_collector_success{collector=\"uname\"} 1"))
        }
        exporter.stop()
        let failures = try lines(exporter.log).filter { $0["message"] as? String == "collector failed" }
        for collector in ["cpu", "loadavg", "meminfo", "stat", "vmstat"] {
            let logged = failures.filter { $0["collector"] as? String == collector }
            #expect(logged.count == 1, "\(collector)")
            #expect(logged.first?["level"] as? String == "error")
            #expect((logged.first?["error"] as? String)?.contains(empty) == true)
        }
        // A kernel without pressure stall information is not an error.
        #expect(!failures.contains { $0["collector"] as? String == "pressure" })
    }
}
