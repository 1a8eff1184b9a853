import Logging
import PrometheusMetrics

/// node_exporter's `conntrack` collector: netfilter's connection-tracking table size and limit
/// (`/proc/sys/net/netfilter/nf_conntrack_{count,max}`) and its statistics, summed over the CPUs
/// (`/proc/net/stat/nf_conntrack`). Without the conntrack module there is no data.
struct ConntrackCollector: Collector {
    static let name = "conntrack"

    struct Reading {
        var entries: UInt64
        var limit: UInt64
        /// nil on a kernel built without conntrack's procfs statistics.
        var statistics: ConntrackStat?
    }

    /// The statistics' families: name, HELP and the counter.
    private static let statistics: [(name: String, help: String, value: @Sendable (ConntrackStat) -> UInt64)] = [
        ("node_nf_conntrack_stat_found", "Number of searched entries which were successful.", { $0.found }),
        ("node_nf_conntrack_stat_invalid", "Number of packets seen which can not be tracked.", { $0.invalid }),
        ("node_nf_conntrack_stat_ignore", "Number of packets seen which are already connected to a conntrack entry.", { $0.ignore }),
        ("node_nf_conntrack_stat_insert", "Number of entries inserted into the list.", { $0.insert }),
        ("node_nf_conntrack_stat_insert_failed", "Number of entries for which list insertion was attempted but failed.", { $0.insertFailed }),
        ("node_nf_conntrack_stat_drop", "Number of packets dropped due to conntrack failure.", { $0.drop }),
        (
            "node_nf_conntrack_stat_early_drop",
            "Number of dropped conntrack entries to make room for new ones, if maximum table size was reached.", { $0.earlyDrop }
        ),
        (
            "node_nf_conntrack_stat_search_restart",
            "Number of conntrack table lookups which had to be restarted due to hashtable resizes.", { $0.searchRestart }
        ),
    ]

    private let files: (count: KeptFile, max: KeptFile, statistics: KeptFile)

    init(configuration: NodeCollector.Configuration, logger: Logger) {
        let paths = configuration.paths
        files = (
            KeptFile(Sysctl.path("net.netfilter.nf_conntrack_count", paths)), KeptFile(Sysctl.path("net.netfilter.nf_conntrack_max", paths)),
            KeptFile(paths.procfs("net/stat/nf_conntrack"))
        )
    }

    /// The conntrack module is not loaded.
    static func isNoData(_ error: HostMetricsError) -> Bool {
        error.isFileMissing
    }

    func read() throws(HostMetricsError) -> Reading {
        var reading = Reading(entries: try Sysctl.value(files.count), limit: try Sysctl.value(files.max))
        do {
            reading.statistics = try ConntrackStat(parsing: files.statistics.read(), path: files.statistics.path)
        } catch .fileMissing {}
        return reading
    }

    func collect(_ reading: Reading, into families: inout [CollectedFamily]) {
        families.append(CollectedFamily(
            name: "node_nf_conntrack_entries", help: "Number of currently allocated flow entries for connection tracking.", type: .gauge,
            value: Double(reading.entries)
        ))
        families.append(CollectedFamily(
            name: "node_nf_conntrack_entries_limit", help: "Maximum size of connection tracking table.", type: .gauge,
            value: Double(reading.limit)
        ))
        guard let statistics = reading.statistics else { return }
        for statistic in Self.statistics {
            families.append(CollectedFamily(name: statistic.name, help: statistic.help, type: .gauge, value: Double(statistic.value(statistics))))
        }
    }
}
