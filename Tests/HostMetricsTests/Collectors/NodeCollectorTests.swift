import HostMetrics
import InMemoryLogging
import Logging
import PrometheusMetrics
import Testing

/// The collector set: which collectors run, `collect[]` narrowing, and the scrape series and
/// logging of failures.
@Suite struct NodeCollectorTests {
    @Test func enablesNodeExportersDefaultCollectors() {
        #expect(NodeCollector.collectorNames == [
            "arp", "conntrack", "cpu", "diskstats", "entropy", "filefd", "filesystem", "loadavg", "meminfo", "netclass", "netdev",
            "netstat", "os", "pressure", "processes", "sockstat", "softnet", "stat", "textfile", "time", "timex", "udp_queues",
            "uname", "vmstat",
        ])
        // node_exporter 1.5.0 enables all of these but processes.
        #expect(NodeCollector.defaultCollectors == Set(NodeCollector.collectorNames).subtracting(["processes"]))
        #expect(NodeCollector.Configuration().collectors == NodeCollector.defaultCollectors)
    }

    @Test func refusesAnUnknownCollector() {
        let configuration = NodeCollector.Configuration(paths: Fixture.v1_5_0.paths, collectors: ["cpu", "wifi"])
        #expect(throws: HostMetricsError.unknownCollector(name: "wifi", known: NodeCollector.collectorNames)) {
            try NodeCollector(configuration: configuration)
        }
    }

    @Test func refusesAPatternThatDoesNotCompile() {
        var configuration = NodeCollector.Configuration(paths: Fixture.v1_5_0.paths, collectors: ["vmstat"])
        configuration.vmstatFields = "^(pg"
        #expect {
            try NodeCollector(configuration: configuration)
        } throws: { error in
            guard case .invalidPattern(let option, let pattern, _)? = error as? HostMetricsError else { return false }
            return option == "--collector.vmstat.fields" && pattern == "^(pg"
        }
    }

    @Test func reportsDurationAndSuccessOfEveryCollector() throws {
        let collector = try NodeCollector(configuration: NodeCollector.Configuration(paths: Fixture.v1_5_0.paths))
        let families = CollectedFamilies(collector)
        #expect(collector.enabledCollectors == NodeCollector.defaultCollectors.sorted())
        #expect(Set(families.successes.keys) == NodeCollector.defaultCollectors)
        let durations = families.series("node_scrape_collector_duration_seconds").compactMap { $0["collector"] }
        #expect(Set(durations) == NodeCollector.defaultCollectors)
        for labels in families.series("node_scrape_collector_duration_seconds") {
            #expect((families.value("node_scrape_collector_duration_seconds", labels) ?? -1) >= 0)
        }
        // The fixture's mount points are absolute host paths that do not exist here, and it
        // has everything else each default collector reads.
        #expect(families.successes.values.allSatisfy { $0 == 1 }, "\(families.successes)")
    }

    @Test func narrowsToTheCollectorsAScrapeAsksFor() throws {
        let collector = try NodeCollector(configuration: NodeCollector.Configuration(paths: Fixture.v1_5_0.paths))
        let narrowed = try collector.filtered(["meminfo", "loadavg", "meminfo"])
        #expect(narrowed.enabledCollectors == ["loadavg", "meminfo"])
        let families = CollectedFamilies(narrowed)
        #expect(families.successes == ["loadavg": 1, "meminfo": 1])
        #expect(families.names.allSatisfy { $0.hasPrefix("node_load") || $0.hasPrefix("node_memory_") || $0.hasPrefix("node_scrape_") })
        #expect(families.value("node_load1") == 0.21)
    }

    @Test func refusesToNarrowToAnUnknownOrDisabledCollector() throws {
        let collector = try NodeCollector(configuration: NodeCollector.Configuration(paths: Fixture.v1_5_0.paths))
        #expect(throws: HostMetricsError.disabledCollector(name: "processes")) {
            try collector.filtered(["cpu", "processes"])
        }
        #expect(throws: HostMetricsError.unknownCollector(name: "nope", known: NodeCollector.collectorNames)) {
            try collector.filtered(["nope"])
        }
        #expect(HostMetricsError.disabledCollector(name: "processes").description.hasPrefix("disabled collector: processes"))
        #expect(HostMetricsError.unknownCollector(name: "nope", known: []).description.hasPrefix("missing collector: nope"))
    }

    /// A collector whose files are gone reports 0 and logs one error however often it is
    /// scraped; the others are unaffected; once its files are back it reports 1 and logs that it
    /// recovered.
    @Test func logsAFailureOnceAndTheRecovery() throws {
        try FixtureTree.with { tree in
            let handler = InMemoryLogHandler()
            let logger = Logger(label: "test") { _ in handler }
            let configuration = NodeCollector.Configuration(paths: tree.paths, collectors: ["loadavg", "meminfo", "pressure"])
            let collector = try NodeCollector(configuration: configuration, logger: logger)
            let loadavg = try tree.read("proc/loadavg")
            try tree.remove("proc/loadavg")
            try tree.remove("proc/pressure/io")
            for _ in 0..<3 {
                #expect(CollectedFamilies(collector).successes == ["loadavg": 0, "meminfo": 1, "pressure": 0])
            }
            let failures = handler.entries.filter { $0.message == "collector failed" }
            #expect(failures.count == 1, "\(handler.entries)")
            #expect(failures.first?.level == .error)
            #expect(failures.first?.metadata["collector"] == "loadavg")
            #expect(failures.first?.error.map { "\($0)" }?.contains("proc/loadavg does not exist") == true)

            try tree.write("proc/loadavg", loadavg)
            #expect(CollectedFamilies(collector).successes["loadavg"] == 1)
            #expect(CollectedFamilies(collector).successes["loadavg"] == 1)
            let recoveries = handler.entries.filter { $0.message == "collector recovered" }
            #expect(recoveries.map { $0.metadata["collector"] } == ["loadavg"])
        }
    }

    /// A kernel without pressure stall information fails the pressure collector quietly, as
    /// node_exporter's "no data": success 0, logged at debug level only.
    @Test func logsMissingPressureFilesAtDebugLevel() throws {
        try FixtureTree.with { tree in
            let handler = InMemoryLogHandler()
            let logger = Logger(label: "test") { _ in
                var debugging = handler
                debugging.logLevel = .debug
                return debugging
            }
            try tree.remove("proc/pressure/cpu")
            let collector = try NodeCollector(configuration: .init(paths: tree.paths, collectors: ["pressure"]), logger: logger)
            #expect(CollectedFamilies(collector).successes == ["pressure": 0])
            #expect(handler.entries.map(\.level) == [.debug])
        }
    }
}
