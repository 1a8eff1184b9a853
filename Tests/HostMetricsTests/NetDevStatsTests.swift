import Glibc
@testable import HostMetrics
import Testing

/// `/proc/net/dev` against node_exporter's netdev collector (without netlink).
@Suite struct NetDevStatsTests {
    @Test func matchesNodeExporter() throws {
        let interfaces = try NetDevStats.read(Fixture.v1_5_0.paths)
        #expect(interfaces.map(\.interface) == ["vethf345468", "lo", "docker0", "eth0"])
        let expected = try Fixture.procCollectorsOutput()
        for stats in interfaces {
            let device = ["device": stats.interface]
            let counters: [(String, UInt64)] = [
                ("receive_bytes", stats.receiveBytes), ("receive_packets", stats.receivePackets),
                ("receive_errs", stats.receiveErrors), ("receive_drop", stats.receiveDropped),
                ("receive_fifo", stats.receiveFIFO), ("receive_frame", stats.receiveFrame),
                ("receive_compressed", stats.receiveCompressed), ("receive_multicast", stats.receiveMulticast),
                ("transmit_bytes", stats.transmitBytes), ("transmit_packets", stats.transmitPackets),
                ("transmit_errs", stats.transmitErrors), ("transmit_drop", stats.transmitDropped),
                ("transmit_fifo", stats.transmitFIFO), ("transmit_colls", stats.transmitCollisions),
                ("transmit_carrier", stats.transmitCarrier), ("transmit_compressed", stats.transmitCompressed),
            ]
            for (counter, value) in counters {
                #expect(expected.value("node_network_\(counter)_total", device) == Double(value), "\(stats.interface) \(counter)")
            }
        }
        #expect(expected.names(withPrefix: "node_network_").count == 16)
    }

    @Test func v1_12_1HasNoNetDev() {
        #expect(throws: HostMetricsError.fileMissing(path: Fixture.v1_12_1.paths.procfs("net/dev"))) {
            try NetDevStats.read(Fixture.v1_12_1.paths)
        }
    }

    /// `rx_nohandler` is read as netclass reads attributes: absent when missing or refused by
    /// a driver (an interface being torn down answers `EINVAL`), an error when it is garbage.
    @Test func receiveNoHandlerIsAbsentWhenTheInterfaceCannotAnswer() throws {
        let tree = try HostileTreeTests.Tree()
        try tree.write("sys/class/net/eth0/statistics/rx_nohandler", "7\n")
        try tree.write("sys/class/net/bad0/statistics/rx_nohandler", "seven\n")
        #expect(try NetDevStats.readReceiveNoHandler(interface: "eth0", tree.paths) == UInt64(7))
        #expect(try NetDevStats.readReceiveNoHandler(interface: "gone0", tree.paths) == nil)
        #expect(throws: HostMetricsError.self) { try NetDevStats.readReceiveNoHandler(interface: "bad0", tree.paths) }
        for code in [EINVAL, EOPNOTSUPP, EACCES, EPERM] {
            #expect(HostMetricsError.fileUnreadable(path: "p", errno: code).isAbsentAttribute)
        }
        #expect(!HostMetricsError.fileUnreadable(path: "p", errno: EIO).isAbsentAttribute)
    }

    @Test func countersTouchingTheColonAndBadLines() throws {
        let text = "Inter-|   Receive\n face |bytes\n  eth0:12345 2 0 0 0 0 0 0 6 7 0 0 0 0 0 0\n"
        let interfaces = try NetDevStats.parse(Array(text.utf8))
        #expect(interfaces.first?.interface == "eth0" && interfaces.first?.receiveBytes == 12345 && interfaces.first?.transmitBytes == 6)
        for bad in ["eth0 1 2 3", "eth0: 1 2 3", ": 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16", "eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 x"] {
            #expect(throws: HostMetricsError.self, "\(bad)") { try NetDevStats.parse(Array(bad.utf8)) }
        }
    }
}
