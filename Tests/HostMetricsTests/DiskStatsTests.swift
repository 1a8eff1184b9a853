import HostMetrics
import Testing

/// `/proc/diskstats` against node_exporter's diskstats collector.
@Suite struct DiskStatsTests {
    /// node_exporter's default `--collector.diskstats.device-exclude`.
    static let excludedDevices = "^(ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$"

    @Test(arguments: Fixture.allCases)
    func everyStatisticMatchesNodeExporter(_ fixture: Fixture) throws {
        let all = try DiskStats.read(fixture.paths)
        #expect(all.count == 51)
        let excluded = try Regex(Self.excludedDevices)
        let disks = all.filter { (try? excluded.wholeMatch(in: $0.device)) == nil }
        for expected in try fixture.expectedOutputs() {
            #expect(Set(disks.map(\.device)) == Set(expected.samples("node_disk_io_now").compactMap { $0.labels["device"] }))
            for disk in disks {
                let device = ["device": disk.device]
                var statistics: [(String, Double)] = [
                    ("reads_completed_total", Double(disk.readsCompleted)), ("reads_merged_total", Double(disk.readsMerged)),
                    ("read_bytes_total", disk.readBytes), ("read_time_seconds_total", disk.readTimeSeconds),
                    ("writes_completed_total", Double(disk.writesCompleted)), ("writes_merged_total", Double(disk.writesMerged)),
                    ("written_bytes_total", disk.writtenBytes), ("write_time_seconds_total", disk.writeTimeSeconds),
                    ("io_now", Double(disk.ioInProgress)), ("io_time_seconds_total", disk.ioTimeSeconds),
                    ("io_time_weighted_seconds_total", disk.weightedIOTimeSeconds),
                ]
                if disk.statCount >= 15 {
                    statistics += [
                        ("discards_completed_total", Double(disk.discardsCompleted)),
                        ("discards_merged_total", Double(disk.discardsMerged)),
                        ("discarded_sectors_total", Double(disk.sectorsDiscarded)),
                        ("discard_time_seconds_total", disk.discardTimeSeconds),
                    ]
                }
                if disk.statCount >= 17 {
                    statistics += [
                        ("flush_requests_total", Double(disk.flushRequestsCompleted)),
                        ("flush_requests_time_seconds_total", disk.flushTimeSeconds),
                    ]
                }
                for (statistic, value) in statistics {
                    #expect(expected.value("node_disk_" + statistic, device) == value, "\(disk.device) \(statistic)")
                }
                // A statistic the line does not have is not in node_exporter's output either.
                #expect((expected.value("node_disk_discards_completed_total", device) != nil) == (disk.statCount >= 15))
                #expect((expected.value("node_disk_flush_requests_total", device) != nil) == (disk.statCount >= 17))
                // node_disk_info's major and minor labels.
                let info = expected.samples("node_disk_info").first { $0.labels["device"] == disk.device }
                #expect(info?.labels["major"] == String(disk.major) && info?.labels["minor"] == String(disk.minor))
            }
        }
        #expect(Dictionary(grouping: all, by: \.statCount).mapValues(\.count) == [11: 46, 15: 3, 17: 2])
    }

    @Test func lineShapes() throws {
        let text = """
               8       0 sda 1 2 3 4 5 6 7 8 9 10 11
               8       1 sda1 1 2 3 4
               8      16 sdb 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19

            """
        let disks = try DiskStats.parse(Array(text.utf8))
        // The 2.6-era 4-statistic partition line is left out; a future kernel's extra statistics are ignored.
        #expect(disks.map(\.device) == ["sda", "sdb"])
        #expect(disks[1].statCount == 17 && disks[1].flushTimeMilliseconds == 17)
        #expect(disks[0].sectorsDiscarded == 0)
        for bad in ["8 0 sda 1 2 x 4 5 6 7 8 9 10 11", "x 0 sda 1 2 3 4 5 6 7 8 9 10 11", "8 0", "4294967296 0 sda 1 2 3 4 5 6 7 8 9 10 11"] {
            #expect(throws: HostMetricsError.self, "\(bad)") { try DiskStats.parse(Array(bad.utf8)) }
        }
    }
}
