import Foundation
import HostMetrics
import Testing

/// `/proc/net/stat/nf_conntrack` against node_exporter's conntrack collector, which sums the
/// per-CPU lines.
@Suite struct ConntrackStatTests {
    @Test(arguments: Fixture.allCases)
    func matchesNodeExporter(_ fixture: Fixture) throws {
        let stat = try ConntrackStat.read(fixture.paths)
        let expected = try fixture.e2eOutput()
        let values: [(String, UInt64)] = [
            ("found", stat.found), ("invalid", stat.invalid), ("ignore", stat.ignore), ("insert", stat.insert),
            ("insert_failed", stat.insertFailed), ("drop", stat.drop), ("early_drop", stat.earlyDrop), ("search_restart", stat.searchRestart),
        ]
        for (name, value) in values {
            #expect(expected.value("node_nf_conntrack_stat_" + name) == Double(value), "\(name)")
        }
        #expect(stat.ignore == 89738 && stat.invalid == 53 && stat.searchRestart == 7)
    }

    /// Columns are found by name: Linux 6 writes `clashres` and `chainlength` where older
    /// kernels wrote `searched` and `delete_list`.
    @Test func columnsByNameAndBadTables() throws {
        let header = "entries  clashres found new invalid ignore delete chainlength insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart\n"
        let line = "00000001  00000000 00000002 00000000 00000003 00000004 00000000 00000000 00000005 00000006 00000007 00000008 00000000  00000000 00000000 00000000 00000009\n"
        let stat = try ConntrackStat(parsing: Array((header + line + line).utf8))
        #expect([stat.found, stat.invalid, stat.ignore, stat.insert, stat.insertFailed, stat.drop, stat.earlyDrop, stat.searchRestart] == [4, 6, 8, 10, 12, 14, 16, 18])
        #expect(throws: HostMetricsError.entryMissing(path: "/proc/net/stat/nf_conntrack", entry: "search_restart")) {
            try ConntrackStat(parsing: Array("entries found invalid ignore insert insert_failed drop early_drop\n".utf8))
        }
        #expect(throws: HostMetricsError.self) { try ConntrackStat(parsing: Array((header + "00000001 00000002\n").utf8)) }
        #expect(throws: HostMetricsError.self) { try ConntrackStat(parsing: Array((header + line.replacingOccurrences(of: "00000009", with: "0000000g")).utf8)) }
        #expect(throws: HostMetricsError.self) { try ConntrackStat(parsing: []) }
    }
}
