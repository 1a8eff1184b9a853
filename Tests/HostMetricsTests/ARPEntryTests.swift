import HostMetrics
import Testing

/// `/proc/net/arp` against node_exporter's arp collector (run with `--collector.arp.device-exclude=nope`).
@Suite struct ARPEntryTests {
    @Test(arguments: Fixture.allCases)
    func matchesNodeExporter(_ fixture: Fixture) throws {
        let entries = try ARPEntry.read(fixture.paths)
        #expect(entries.count == 7)
        #expect(entries.first == ARPEntry(ipAddress: "192.168.1.1", hardwareAddress: "cc:aa:dd:ee:aa:bb", device: "eth0"))
        let expected = try fixture.e2eOutput().samples("node_arp_entries")
        #expect(expected.count == 2)
        for sample in expected {
            #expect(Double(entries.filter { $0.device == sample.labels["device"] }.count) == sample.value, "\(sample)")
        }
    }

    @Test func headerOnlyIsEmptyAndOtherShapesAreTypedErrors() throws {
        let header = "IP address       HW type     Flags       HW address            Mask     Device\n"
        #expect(try ARPEntry.parse(Array(header.utf8)).isEmpty)
        #expect(try ARPEntry.parse([]).isEmpty)
        #expect(throws: HostMetricsError.malformedLine(path: "/proc/net/arp", line: 2, text: "10.0.0.1 0x1 0x2 aa:bb *", expected: "IP-address HW-type flags HW-address mask device")) {
            try ARPEntry.parse(Array((header + "10.0.0.1 0x1 0x2 aa:bb *\n").utf8))
        }
        #expect(throws: HostMetricsError.self) { try ARPEntry.parse(Array((header + "10.0.0.1 0x1 0x2 aa:bb * eth0 extra\n").utf8)) }
        #expect(throws: HostMetricsError.self) { try ARPEntry.parse(Array("10.0.0.1 0x1 0x2 aa:bb * eth0\n".utf8)) }
    }
}
