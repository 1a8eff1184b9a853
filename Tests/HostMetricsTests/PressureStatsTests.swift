import HostMetrics
import Testing

/// `/proc/pressure/*` against node_exporter's pressure collector.
@Suite struct PressureStatsTests {
    @Test(arguments: Fixture.allCases)
    func matchesNodeExporter(_ fixture: Fixture) throws {
        let cpu = try PressureStats.read(.cpu, fixture.paths)
        let io = try PressureStats.read(.io, fixture.paths)
        let memory = try PressureStats.read(.memory, fixture.paths)
        for expected in try fixture.expectedOutputs() {
            #expect(expected.value("node_pressure_cpu_waiting_seconds_total") == cpu.some?.totalSeconds)
            #expect(expected.value("node_pressure_io_waiting_seconds_total") == io.some?.totalSeconds)
            #expect(expected.value("node_pressure_io_stalled_seconds_total") == io.full?.totalSeconds)
            #expect(expected.value("node_pressure_memory_waiting_seconds_total") == memory.some?.totalSeconds)
            #expect(expected.value("node_pressure_memory_stalled_seconds_total") == memory.full?.totalSeconds)
        }
        #expect(io.some?.avg10 == 0.18 && io.some?.avg60 == 0.34 && io.some?.avg300 == 0.10)
        #expect(io.some?.totalMicroseconds == 159_886_802)
        switch fixture {
        case .v1_5_0:
            #expect(cpu.full == nil)
            #expect(throws: HostMetricsError.fileMissing(path: fixture.paths.procfs("pressure/irq"))) {
                try PressureStats.read(.irq, fixture.paths)
            }
        case .v1_12_1:
            let irq = try PressureStats.read(.irq, fixture.paths)
            #expect(irq.some == nil)
            #expect(try fixture.e2eOutput().value("node_pressure_irq_stalled_seconds_total") == irq.full?.totalSeconds)
        }
    }

    @Test func malformedLinesAreTypedErrors() {
        for bad in ["some avg10=0.00 avg60=0.00 total=1", "every avg10=0 avg60=0 avg300=0 total=1", "some avg10", ""] {
            #expect(throws: HostMetricsError.self, "\(bad)") { try PressureStats(parsing: Array(bad.utf8), path: "p") }
        }
    }
}
