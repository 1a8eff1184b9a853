import Foundation
import Testing

/// A live scrape of this host (every collector) and of the fixture read back by Prometheus's
/// own `promtool check metrics` and by Python's `prometheus_client` parser.
@Suite struct PeerParserTests {
    /// Runs `executable` with `arguments`, feeding `input`; its exit status and standard output.
    private static func run(_ executable: String, _ arguments: [String], input: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// This host with every collector, and the v1.5.0 fixture (a label value with a TAB, another
    /// with a space).
    private static func scrapes() throws -> [String] {
        let live = try ExporterProcess.start(["--collector.processes"])
        defer { live.stop() }
        let host = try live.fetch("/metrics").text
        let fixture = try NodeExporterFixture.v1_5_0.withWorkingDirectory { directory in
            let exporter = try ExporterProcess.start(FixtureOutputTests.procCollectorsFlags, in: directory)
            defer { exporter.stop() }
            return try exporter.fetch("/metrics").text
        }
        return [host, fixture]
    }

    /// promtool exits 0, or 3 when it only lints; the only lints allowed are the ones it draws
    /// on node_exporter's own names as well: their camelCase (`node_memory_MemTotal_bytes`) and
    /// the entropy collector's `_bits`.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/promtool"), "needs promtool (apt-get install prometheus)"))
    func promtoolAcceptsAScrape() throws {
        for scrape in try Self.scrapes() {
            let (status, output) = try Self.run("promtool", ["check", "metrics"], input: scrape)
            #expect(status == 0 || status == 3, "\(output)")
            for line in output.split(separator: "\n") {
                let camelCase = ["node_memory_", "node_netstat_", "node_sockstat_", "node_vmstat_"].contains { line.hasPrefix($0) }
                    && line.hasSuffix("metric names should be written in 'snake_case' not 'camelCase'")
                let bits = line.hasPrefix("node_entropy_") && line.hasSuffix("use base unit \"bytes\" instead of \"bits\"")
                #expect(camelCase || bits, "\(line)")
            }
        }
    }

    @Test(.enabled(if: pythonClientIsAvailable, "needs python3 with prometheus_client (pip install prometheus-client)"))
    func prometheusClientParsesAScrape() throws {
        let script = """
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            samples = [[s.name, s.labels, s.value] for f in text_string_to_metric_families(sys.stdin.read()) for s in f.samples]
            print(json.dumps(samples))
            """
        for scrape in try Self.scrapes() {
            let (status, output) = try Self.run("python3", ["-c", script], input: scrape)
            #expect(status == 0, "\(output)")
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[Any]])
            let ours = scrape.split(separator: "\n").filter { !$0.hasPrefix("#") }
            #expect(parsed.count == ours.count)
            #expect(parsed.count > 100)
            // Label values come back as written, TAB included.
            let mountPoints = parsed.compactMap { ($0[1] as? [String: String])?["mountpoint"] }
            if scrape.contains("vsanDatastore") {
                #expect(mountPoints.contains { $0.contains("[vsanDatastore]\tbafb9e5a") })
                #expect(mountPoints.contains { $0.contains("[vsanDatastore] bafb9e5a") })
            }
        }
    }

    static let pythonClientIsAvailable: Bool = (try? run("python3", ["-c", "import prometheus_client"], input: "").status) == 0
}
