import HostMetrics
import Testing

/// `/proc/net/udp` and `udp6` against node_exporter's udp_queues collector.
@Suite struct NetUDPSummaryTests {
    @Test(arguments: Fixture.allCases)
    func matchesNodeExporter(_ fixture: Fixture) throws {
        let ipv4 = try NetUDPSummary.readIPv4(fixture.paths)
        let expected = try fixture.e2eOutput()
        #expect(expected.value("node_udp_queues", ["ip": "v4", "queue": "tx"]) == Double(ipv4.transmitQueueLength))
        #expect(expected.value("node_udp_queues", ["ip": "v4", "queue": "rx"]) == Double(ipv4.receiveQueueLength))
        #expect(ipv4 == NetUDPSummary(transmitQueueLength: 21, receiveQueueLength: 0, usedSockets: 1))
        #expect(throws: HostMetricsError.fileMissing(path: fixture.paths.procfs("net/udp6"))) { try NetUDPSummary.readIPv6(fixture.paths) }
    }

    @Test func ipv6LinesSumAndBadLinesAreTypedErrors() throws {
        let header = "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
        let line = "  0: 00000000000000000000000000000000:14E9 00000000000000000000000000000000:0000 07 00000010:00000200 00:00000000 00000000   104        0 17035 2 0000000000000000 0\n"
        #expect(try NetUDPSummary(parsing: Array((header + line + line).utf8), path: "u")
            == NetUDPSummary(transmitQueueLength: 32, receiveQueueLength: 1024, usedSockets: 2))
        #expect(try NetUDPSummary(parsing: Array(header.utf8), path: "u").usedSockets == 0)
        for bad in [
            "  0: 0100007F:0035 00000000:0000 07 00000010 00:00000000 00000000 0 0 1\n",
            "  0 0100007F:0035 00000000:0000 07 00000010:00000000 00:00000000 00000000 0 0 1\n",
            "  0: 0100007F 00000000:0000 07 00000010:00000000 00:00000000 00000000 0 0 1\n",
            "  0: 0100007F:0035 00000000:0000 07 00000010:0000000x 00:00000000 00000000 0 0 1\n",
            "  0: 0100007F:0035 00000000:0000 07 00000010:00000000 00:00000000\n",
        ] {
            #expect(throws: HostMetricsError.self, "\(bad)") { try NetUDPSummary(parsing: Array((header + bad).utf8), path: "u") }
        }
    }
}
