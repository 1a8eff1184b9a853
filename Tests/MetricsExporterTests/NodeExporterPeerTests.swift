import Foundation
import Testing

/// Debian's node_exporter 1.5.0.
private let nodeExporter = "/usr/bin/prometheus-node-exporter"

/// The exporter and Debian's node_exporter 1.5.0 (`prometheus-node-exporter`) side by side on
/// 127.0.0.1, reading this machine or the same textfiles: the collectors added for the Node
/// Exporter Full dashboard must write what node_exporter writes.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: nodeExporter), "needs apt-get install prometheus-node-exporter"))
struct NodeExporterPeerTests {
    /// Families only one of the two has: the Go runtime's, the exporters' own, build info and
    /// the durations (which differ every scrape).
    static func isExportersOwn(_ name: String) -> Bool {
        ["go_", "process_", "promhttp_", "node_exporter_build_info", "node_scrape_collector_duration_seconds"].contains { name.hasPrefix($0) }
    }

    /// Scrapes each exporter once with the same flags (Debian's own defaults for netdev and
    /// textfile spelled back to upstream's unless the flags set them).
    private static func scrapes(_ flags: [String]) throws -> (ours: Exposition, theirs: Exposition, oursText: String, theirsText: String) {
        let ours = try ExporterProcess.start(flags)
        defer { ours.stop() }
        let upstreamDefaults = ["--collector.netdev.device-exclude=", "--collector.textfile.directory="].filter { flag in
            !flags.contains { $0.hasPrefix(flag) }
        }
        let theirs = try ExporterProcess.start(upstreamDefaults + flags, executable: nodeExporter)
        defer { theirs.stop() }
        let oursText = try ours.fetch("/metrics").text
        let theirsText = try theirs.fetch("/metrics").text
        let dropOwn = { (line: Substring) in isExportersOwn(String(line)) }
        return (Exposition(oursText, droppingSamples: dropOwn), Exposition(theirsText, droppingSamples: dropOwn), oursText, theirsText)
    }

    /// A sample line without its value: the series.
    private static func series(_ sample: String) -> Substring {
        sample[..<(sample.lastIndex(of: " ") ?? sample.endIndex)]
    }

    /// Families whose values do not move between two scrapes moments apart on an idle host.
    static let steadyFamilies: Set<String> = [
        "node_arp_entries", "node_entropy_pool_size_bits", "node_nf_conntrack_entries_limit", "node_timex_status",
        "node_timex_sync_status", "node_timex_loop_time_constant", "node_timex_tick_seconds", "node_timex_tai_offset_seconds",
        "node_timex_pps_frequency_hertz", "node_timex_pps_jitter_total", "node_timex_pps_calibration_total", "node_timex_pps_error_total",
        "node_timex_pps_stability_exceeded_total", "node_timex_pps_shift_seconds", "node_timex_pps_stability_hertz",
        "node_network_receive_nohandler_total", "node_textfile_scrape_error",
    ]

    /// On this machine: the same families with the same HELP, TYPE and series; the same values
    /// where they hold still (and for every netclass property but the carrier counters, which
    /// only move when a cable does).
    @Test func networkClockAndKernelCollectorsMatchNodeExporterOnThisHost() throws {
        let collectors = ["arp", "conntrack", "entropy", "netclass", "netdev", "softnet", "textfile", "timex", "udp_queues"]
        let flags = ["--collector.disable-defaults"] + collectors.map { "--collector." + $0 }
        let (ours, theirs, _, _) = try Self.scrapes(flags)
        let names = Set(ours.families.keys).filter { !Self.isExportersOwn($0) }
        #expect(names == Set(theirs.families.keys).filter { !Self.isExportersOwn($0) })
        #expect(names.count >= 40)
        for name in names.sorted() {
            guard let family = ours.families[name], let reference = theirs.families[name] else { continue }
            #expect(family.help == reference.help, "\(name)")
            #expect(family.type == reference.type, "\(name)")
            #expect(family.samples.map(Self.series) == reference.samples.map(Self.series), "\(name)")
            let isNetClassProperty = reference.help?.contains("Network device property") == true && !name.hasPrefix("node_network_carrier_")
            if Self.steadyFamilies.contains(name) || isNetClassProperty || name == "node_network_info" || name == "node_network_up" {
                #expect(family.samples == reference.samples, "\(name)")
            }
        }
        #expect(ours.families["node_scrape_collector_success"]?.samples == theirs.families["node_scrape_collector_success"]?.samples)
    }

    /// Textfiles that exercise the format and node_exporter's merging: the whole scrape, byte for
    /// byte, but for the lines only a Go binary or only this exporter writes.
    @Test func textfilesMatchNodeExporterByteForByte() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("textfile-peer-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: root) }
        let files = [
            "a/a.prom": """
                # HELP shared_total Shared counter.
                # TYPE shared_total counter
                shared_total{src="a"} 1
                # TYPE hist histogram
                hist_bucket{le="0.5"} 1
                hist_bucket{le="1"} 2
                hist_bucket{le="+Inf"} 3
                hist_sum 4.5
                hist_count 3
                # TYPE quantiles summary
                quantiles{quantile="0.9",x="y"} 2
                quantiles{quantile="0.5",x="y"} 1
                quantiles_sum{x="y"} 2
                quantiles_count{x="y"} 3
                padded{a="1"} 1
                padded{b="2"} 2
                # HELP escaped A \\\\ backslash\\nand a newline.
                escaped{v="a\\\\b\\"c\\nd",w="tab\there"} 1
                  leading_blanks 5
                # a comment
                values{v="nan"} NaN
                values{v="inf"} +Inf
                values{v="-inf"} -Inf
                values{v="exp"} 1.5e+06
                values{v="small"} 0.000001
                values{v="neg"} -7

                # TYPE typed gauge
                typed 1

                """,
            "a/b.prom": """
                # HELP shared_total Different help.
                # TYPE shared_total counter
                shared_total{src="b"} 2
                # TYPE typed counter
                typed 2
                padded{a="3"} 3
                only_b 3

                """,
            "a/c.prom": "stamped 1 1234\n",
            "a/d.prom": "no_newline 1",
            "a/e.prom": "trailing_blank 1 \n",
            "a/f.prom": "# TYPE late counter\nlate 1\n# TYPE late gauge\n",
            "a/g.prom": "bad_escape{v=\"\\t\"} 1\n",
            "a/ignored.txt": "not_read 1\n",
            "b/z.prom": "# HELP zed Zed.\nzed{b=\"1\"} 1\n",
        ]
        for (path, text) in files {
            try manager.createDirectory(atPath: root + "/" + (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: root + "/" + path, atomically: false, encoding: .utf8)
        }
        for directory in [root + "/a", root + "/*"] {
            let (_, _, oursText, theirsText) = try Self.scrapes([
                "--collector.disable-defaults", "--collector.textfile", "--collector.textfile.directory=" + directory,
            ])
            let keep = { (text: String) in
                text.split(separator: "\n").filter { line in
                    let name = line.hasPrefix("# ") ? String(line.split(separator: " ")[2]) : String(line.prefix { $0 != "{" && $0 != " " })
                    return !Self.isExportersOwn(name)
                }
            }
            #expect(keep(oursText) == keep(theirsText), "\(directory)")
            #expect(keep(oursText).contains("node_textfile_scrape_error 1"))
            #expect(keep(oursText).count > 40)
        }
    }
}
