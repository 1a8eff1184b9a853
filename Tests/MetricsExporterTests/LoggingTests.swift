import Foundation
import Testing

/// The exporter's log lines: its start, its collectors, and a failing collector logged once.
@Suite struct LoggingTests {
    @Test func logsStartAndEnabledCollectors() throws {
        let exporter = try ExporterProcess.start(["--collector.disable-defaults", "--collector.cpu", "--collector.meminfo"])
        let exit = exporter.stop()
        #expect(exit == 0)
        let lines = exporter.log.split(separator: "\n")
        #expect(lines.contains { $0.contains("Starting metrics-exporter") && $0.contains("0.1.0") })
        #expect(lines.contains { $0.contains("Enabled collectors") && $0.contains("cpu") && $0.contains("meminfo") && !$0.contains("vmstat") })
        #expect(lines.contains { $0.contains("Listening") && $0.contains("127.0.0.1:\(exporter.port)") })
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
        let failures = exporter.log.split(separator: "\n").filter { $0.contains("collector failed") }
        for collector in ["cpu", "loadavg", "meminfo", "stat", "vmstat"] {
            #expect(failures.filter { $0.contains("collector=\(collector) ") || $0.contains("\"collector\":\"\(collector)\"") }.count == 1, "\(collector)")
        }
        // The kernel-without-PSI case is not an error.
        #expect(!failures.contains { $0.contains("pressure") })
    }
}
