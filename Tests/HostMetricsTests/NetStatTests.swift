import HostMetrics
import Testing

/// `/proc/net/netstat`, `snmp` and `snmp6` against node_exporter's netstat collector (its
/// default field filter picks which of them appear in the output).
@Suite struct NetStatTests {
    @Test(arguments: Fixture.allCases)
    func matchesNodeExporter(_ fixture: Fixture) throws {
        // node_exporter merges the three files by protocol; snmp's protocols replace netstat's.
        var merged: [String: NetStat.ProtocolCounters] = [:]
        for file in [try NetStat.readNetstat(fixture.paths), try NetStat.readSNMP(fixture.paths), try NetStat.readSNMP6(fixture.paths)] {
            for proto in file.protocols { merged[proto.name] = proto }
        }
        #expect(Set(merged.keys).isSuperset(of: ["TcpExt", "IpExt", "Ip", "Icmp", "IcmpMsg", "Tcp", "Udp", "UdpLite", "Ip6", "Icmp6", "Udp6", "UdpLite6"]))
        for expected in try fixture.expectedOutputs() {
            let families = expected.names(withPrefix: "node_netstat_")
            #expect(families.count >= 39)
            for family in families {
                let name = family.dropFirst("node_netstat_".count)
                guard let underscore = name.firstIndex(of: "_") else {
                    Issue.record("unexpected family \(family)")
                    continue
                }
                let proto = String(name[..<underscore])
                let counter = String(name[name.index(after: underscore)...])
                #expect(merged[proto]?[counter] == expected.value(family), "\(family)")
            }
        }
        let snmp = try NetStat.readSNMP(fixture.paths)
        #expect(snmp["Tcp"]?["MaxConn"] == -1)
    }

    @Test func mismatchedPairsAreTypedErrors() throws {
        let good = try NetStat(parsingPairs: Array("Tcp: A B\nTcp: 1 -2\n".utf8), path: "n")
        #expect(good["Tcp"]?.counters.map(\.value) == [1, -2])
        for bad in ["Tcp: A B\nTcp: 1\n", "Tcp: A B\nUdp: 1 2\n", "Tcp: A\n", "Tcp: A B\nTcp: 1 2 3\n", "Tcp A\nTcp 1\n"] {
            #expect(throws: HostMetricsError.self, "\(bad)") { try NetStat(parsingPairs: Array(bad.utf8), path: "n") }
        }
        #expect(throws: HostMetricsError.self) { try NetStat(parsingSNMP6: Array("Ip6InReceives\n".utf8)) }
        #expect(try NetStat(parsingSNMP6: Array("NoSixHere 1\nUdpLite6InErrors 2\n".utf8)).protocols.map(\.name) == ["UdpLite6"])
    }
}
