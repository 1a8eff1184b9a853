import HostMetrics
import Testing

/// `/proc/loadavg` against node_exporter's loadavg collector.
@Suite struct LoadAverageTests {
    @Test(arguments: Fixture.allCases)
    func matchesNodeExporter(_ fixture: Fixture) throws {
        let load = try LoadAverage.read(fixture.paths)
        for expected in try fixture.expectedOutputs() {
            #expect(expected.value("node_load1") == load.load1)
            #expect(expected.value("node_load5") == load.load5)
            #expect(expected.value("node_load15") == load.load15)
        }
    }

    @Test func malformedIsATypedError() {
        #expect(throws: HostMetricsError.malformedLine(path: "/proc/loadavg", line: 1, text: "0.1 0.2", expected: "three load averages such as 0.21 0.37 0.39")) {
            try LoadAverage(parsing: Array("0.1 0.2".utf8))
        }
        #expect(throws: HostMetricsError.entryMissing(path: "/proc/loadavg", entry: "load averages")) {
            try LoadAverage(parsing: [])
        }
    }
}
