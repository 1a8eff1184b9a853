import HostMetrics
import Testing

/// `/proc/net/softnet_stat` against node_exporter's softnet collector.
@Suite struct SoftnetStatTests {
    @Test(arguments: Fixture.allCases)
    func matchesNodeExporter(_ fixture: Fixture) throws {
        let cpus = try SoftnetStat.read(fixture.paths)
        #expect(cpus.map(\.index) == [0, 1, 2, 3])
        let expected = try fixture.e2eOutput()
        for cpu in cpus {
            let labels = ["cpu": String(cpu.index)]
            #expect(expected.value("node_softnet_processed_total", labels) == Double(cpu.processed))
            #expect(expected.value("node_softnet_dropped_total", labels) == Double(cpu.dropped))
            #expect(expected.value("node_softnet_times_squeezed_total", labels) == Double(cpu.timeSqueezed))
        }
    }

    /// Linux 6 writes 15 columns, 2.6 wrote 9; fewer, or anything but 32-bit hexadecimal, is an error.
    @Test func columnCountsOfKernelsAndBadLines() throws {
        let linux6 = "001160fc 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000\n"
        #expect(try SoftnetStat.parse(Array((linux6 + linux6).utf8)).map(\.processed) == [0x1160fc, 0x1160fc])
        #expect(try SoftnetStat.parse(Array("1 2 3 4 5 6 7 8 9".utf8)).first?.timeSqueezed == 3)
        for bad in ["1 2 3 4 5 6 7 8\n", "1 2 3 4 5 6 7 8 x\n", "100000000 0 0 0 0 0 0 0 0\n"] {
            #expect(throws: HostMetricsError.self, "\(bad)") { try SoftnetStat.parse(Array(bad.utf8)) }
        }
    }
}
