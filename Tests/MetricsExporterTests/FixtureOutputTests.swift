import Foundation
import Testing

/// The exporter on node_exporter's fixture trees, scraped over HTTP, against the outputs node_exporter
/// produced from the same trees with the same flags.
@Suite struct FixtureOutputTests {
    /// `proc-collectors-output.txt` was made by Debian's node_exporter 1.5.0 with exactly these
    /// flags (its README): every collector this exporter implements.
    static let procCollectorsFlags = NodeExporterFixture.pathFlags + [
        "--collector.disable-defaults", "--collector.cpu", "--collector.meminfo", "--collector.loadavg",
        "--collector.diskstats", "--collector.netdev", "--collector.filesystem", "--collector.stat", "--collector.time",
        "--collector.vmstat", "--collector.pressure", "--collector.filefd", "--collector.sockstat", "--collector.netstat",
        "--collector.os", "--collector.uname", "--collector.processes",
        "--no-collector.netdev.netlink", "--collector.netdev.device-exclude=",
        "--collector.filesystem.mount-points-exclude=^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)",
    ]

    /// The README's filter of host-dependent sample lines.
    static let procCollectorsFilter =
        #"^((go|process|promhttp)_[a-zA-Z0-9_]*|node_exporter_build_info|node_scrape_collector_duration_seconds|node_time_seconds|node_uname_info|node_filesystem_(avail_bytes|free_bytes|size_bytes|files|files_free))[ {]"#

    /// The families only a Go binary has: the Go runtime's and node_exporter's build info. Their
    /// samples are filtered out; their `# HELP`/`# TYPE` lines are left out of the expectation.
    static let goBinaryFamilies = #"^# (HELP|TYPE) (go_[a-zA-Z0-9_]*|node_exporter_build_info) "#

    @Test func matchesProcCollectorsOutputByteForByte() throws {
        try NodeExporterFixture.v1_5_0.withWorkingDirectory { directory in
            let exporter = try ExporterProcess.start(Self.procCollectorsFlags, in: directory)
            defer { exporter.stop() }
            let scrape = try exporter.fetch("/metrics")
            #expect(scrape.status == 200)
            #expect(scrape.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
            let ours = try grepOut(Self.procCollectorsFilter, scrape.text)
            let expected = try grepOut(Self.goBinaryFamilies, try NodeExporterFixture.v1_5_0.text("proc-collectors-output.txt"))
            // Byte for byte, compared line by line (split on every newline, so nothing is lost)
            // so that a failure names the first line that differs.
            let oursLines = ours.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = oursLines.indices.first { $0 >= expectedLines.count || oursLines[$0] != expectedLines[$0] }
            #expect(first == nil && oursLines.count == expectedLines.count, "first difference at line \((first ?? oursLines.count) + 1)")
            if let first {
                #expect(oursLines[first] == expectedLines.dropFirst(first).first)
            }
        }
    }

    /// The collectors of upstream's e2e run that this exporter implements, with the run's
    /// options for them. filesystem, timex and uname are off in that run.
    static let e2eFlags = NodeExporterFixture.pathFlags + [
        "--collector.processes", "--no-collector.filesystem", "--no-collector.timex", "--no-collector.uname",
        "--collector.textfile.directory=collector/fixtures/textfile/two_metric_files/", "--collector.arp.device-exclude=nope",
        "--collector.netclass.ignored-devices=(dmz|int)", "--collector.netclass.ignore-invalid-speed",
        "--collector.cpu.info", "--collector.cpu.info.bugs-include=^(cpu_meltdown|spectre_.*|mds)$",
        "--collector.cpu.info.flags-include=^(aes|avx.?|constant_tsc)$", "--collector.stat.softirq",
        "--collector.netdev.device-include=lo", "--log.level=debug",
    ]

    /// The sample lines upstream's e2e script drops.
    static func droppedByE2E(_ line: Substring) -> Bool {
        let prefixes = [
            "go_", "node_exporter_build_info", "node_scrape_collector_duration_seconds", "process_", "node_textfile_mtime_seconds",
            "node_time_zone", "node_time_seconds", "node_network_receive_bytes_total", "node_network_receive_packets_total",
            "node_network_transmit_bytes_total", "node_network_transmit_packets_total",
        ]
        return prefixes.contains { line.hasPrefix($0) }
    }

    /// What node_exporter changed after 1.5.0, whose definitions this exporter follows:
    /// 1.12 labels `node_disk_info` with `rotational` and `node_network_info` with `adminstate` too.
    static let changedSince150: [NodeExporterFixture: Set<String>] = [.v1_5_0: [], .v1_12_1: ["node_disk_info", "node_network_info"]]

    /// Every family the exporter writes has the same HELP, TYPE and samples in node_exporter's
    /// `e2e-output.txt` (the scrape series only for the collectors both ran).
    @Test(arguments: NodeExporterFixture.allCases)
    func matchesEveryFamilyOfTheE2EOutput(_ fixture: NodeExporterFixture) throws {
        try fixture.withWorkingDirectory { directory in
            // The v1.12.1 tree has no /proc/net/dev: upstream reads netdev over netlink there.
            let flags = Self.e2eFlags + (fixture == .v1_12_1 ? ["--no-collector.netdev"] : [])
            let exporter = try ExporterProcess.start(flags, in: directory)
            defer { exporter.stop() }
            let ours = Exposition(try exporter.fetch("/metrics").text, droppingSamples: Self.droppedByE2E)
            let expected = Exposition(try fixture.text("e2e-output.txt"), droppingSamples: Self.droppedByE2E)
            #expect(ours.families.count > 150)
            for (name, family) in ours.families.sorted(by: { $0.key < $1.key }) {
                guard let reference = expected.families[name] else {
                    Issue.record("\(name) is not in node_exporter \(fixture.rawValue)'s e2e output")
                    continue
                }
                #expect(family.help == reference.help, "\(name)")
                #expect(family.type == reference.type, "\(name)")
                if name == "node_scrape_collector_success" {
                    #expect(Set(family.samples).isSubset(of: reference.samples), "\(family.samples)")
                } else if Self.changedSince150[fixture, default: []].contains(name) {
                    #expect(family.samples.count == reference.samples.count, "\(name)")
                } else {
                    #expect(family.samples == reference.samples, "\(name)")
                }
            }
            // The other way round for the collectors read from sysfs, /proc/net and textfiles:
            // every family of theirs that node_exporter 1.5.0 has, this exporter writes too.
            let theirs = expected.families.filter { name, family in
                Self.addedCollectorFamilies.contains { name.hasPrefix($0) } && !Self.addedSince150.contains(name)
                    || family.help?.contains("Network device property") == true
            }
            #expect(theirs.count == 42)
            #expect(Set(theirs.keys).subtracting(ours.families.keys).isEmpty, "\(Set(theirs.keys).subtracting(ours.families.keys).sorted())")
        }
    }

    /// The family prefixes of the arp, conntrack, entropy, netclass, softnet, textfile and
    /// udp_queues collectors and of the fixture's textfiles.
    static let addedCollectorFamilies = [
        "node_arp_", "node_entropy_", "node_nf_conntrack_", "node_softnet_", "node_udp_queues", "node_textfile_", "testmetric",
        "node_network_up", "node_network_info",
    ]

    /// Families of those collectors that node_exporter added after 1.5.0.
    static let addedSince150: Set<String> = [
        "node_softnet_backlog_len", "node_softnet_cpu_collision_total", "node_softnet_flow_limit_count_total", "node_softnet_received_rps_total",
    ]
}
