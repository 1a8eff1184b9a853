import Foundation
@testable import HostMetrics
import Testing

/// `/sys/class/net/<iface>/` against node_exporter's netclass collector, and as procfs reads
/// attributes: numbers with Go's base prefixes, text trimmed, absent ones left out.
@Suite struct NetClassInterfaceTests {
    /// The shared fixture stores `class/net/eth0` (a link upstream) as a file, so the listing
    /// has bond0 and the two interfaces the e2e run ignores; bond0 is as node_exporter saw it.
    @Test(arguments: Fixture.allCases)
    func matchesNodeExporter(_ fixture: Fixture) throws {
        #expect(Set(try NetClassInterface.interfaceNames(fixture.paths)) == ["bond0", "dmz", "int"])
        let bond0 = try NetClassInterface.read(name: "bond0", fixture.paths)
        let expected = try fixture.e2eOutput()
        let device = ["device": "bond0"]
        let properties: [(String, Int64?)] = [
            ("address_assign_type", bond0.addressAssignType), ("carrier", bond0.carrier), ("carrier_changes_total", bond0.carrierChanges),
            ("carrier_up_changes_total", bond0.carrierUpCount), ("carrier_down_changes_total", bond0.carrierDownCount),
            ("device_id", bond0.deviceID), ("dormant", bond0.dormant), ("flags", bond0.flags), ("iface_id", bond0.ifIndex),
            ("iface_link", bond0.ifLink), ("iface_link_mode", bond0.linkMode), ("mtu_bytes", bond0.mtu),
            ("name_assign_type", bond0.nameAssignType), ("net_dev_group", bond0.netDevGroup), ("transmit_queue_length", bond0.transmitQueueLength),
            ("protocol_type", bond0.type),
        ]
        for (name, value) in properties {
            #expect(expected.value("node_network_" + name, device) == value.map { Double($0) }, "\(name)")
        }
        #expect(bond0.flags == 0x1303 && bond0.deviceID == 0x20)
        #expect([bond0.address, bond0.broadcast, bond0.duplex, bond0.operState, bond0.ifAlias] == ["01:01:01:01:01:01", "ff:ff:ff:ff:ff:ff", "full", "up", ""])
        // bond0's speed is unknown (-1), which the e2e run's --collector.netclass.ignore-invalid-speed leaves out.
        #expect(bond0.speed == -1 && expected.value("node_network_speed_bytes", device) == nil)
    }

    @Test func attributesAsProcfsReadsThem() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("netclass-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: root) }
        let interface = root + "/class/net/veth0"
        try manager.createDirectory(atPath: interface, withIntermediateDirectories: true)
        for (file, text) in [("speed", "-1\n"), ("flags", "0x1003\n"), ("mtu", " 1500 \n"), ("operstate", "down\n"), ("ifalias", "uplink \\ 1\n"), ("carrier", "x\n")] {
            try text.write(toFile: interface + "/" + file, atomically: false, encoding: .utf8)
        }
        try "bond0\n".write(toFile: root + "/class/net/bonding_masters", atomically: false, encoding: .utf8)
        let paths = HostPaths(sysfs: root)
        #expect(try NetClassInterface.interfaceNames(paths) == ["veth0"])
        let veth = try NetClassInterface.read(name: "veth0", paths)
        #expect(veth.speed == -1 && veth.flags == 0x1003 && veth.mtu == 1500)
        #expect(veth.operState == "down" && veth.ifAlias == "uplink \\ 1" && veth.address == "")
        #expect(veth.carrier == nil && veth.type == nil && veth.ifIndex == nil)
        #expect(throws: HostMetricsError.fileMissing(path: root + "/nope/class/net")) { try NetClassInterface.interfaceNames(HostPaths(sysfs: root + "/nope")) }
    }

    /// Go's `strconv.ParseInt(s, 0, 64)`.
    @Test func numbersWithGosBasePrefixes() {
        let cases: [(String, Int64?)] = [
            ("0", 0), ("10", 10), ("-1", -1), ("+7", 7), ("0x1303", 0x1303), ("0X1f", 31), ("010", 8), ("0o17", 15), ("0b101", 5),
            ("-0x10", -16), ("9223372036854775807", .max), ("-9223372036854775808", .min), ("9223372036854775808", nil),
            ("08", nil), ("0x", nil), ("", nil), ("-", nil), ("1_000", nil), ("12a", nil), ("--1", nil),
        ]
        for (text, expected) in cases {
            #expect(Array(text.utf8)[...].int64WithBasePrefix == expected, "\(text)")
        }
    }
}
