import Logging
import PrometheusMetrics

/// node_exporter's `udp_queues` collector: the bytes queued for sending and receiving in all
/// UDP sockets, from `/proc/net/udp` and `/proc/net/udp6` (either of which a kernel without that
/// IP version lacks).
struct UDPQueuesCollector: Collector {
    static let name = "udp_queues"

    struct Reading {
        var ipv4: NetUDPSummary?
        var ipv6: NetUDPSummary?
    }

    private let files: (ipv4: KeptFile, ipv6: KeptFile)

    init(configuration: NodeCollector.Configuration, logger: Logger) {
        files = (KeptFile(configuration.paths.procfs("net/udp")), KeptFile(configuration.paths.procfs("net/udp6")))
    }

    /// A kernel without either table has nothing to report.
    static func isNoData(_ error: HostMetricsError) -> Bool {
        error.isFileMissing
    }

    func read() throws(HostMetricsError) -> Reading {
        var reading = Reading()
        do {
            reading.ipv4 = try NetUDPSummary(parsing: files.ipv4.read(), path: files.ipv4.path)
        } catch .fileMissing {}
        do {
            reading.ipv6 = try NetUDPSummary(parsing: files.ipv6.read(), path: files.ipv6.path)
        } catch .fileMissing where reading.ipv4 != nil {}
        return reading
    }

    func collect(_ reading: Reading, into families: inout [CollectedFamily]) {
        var metrics: [CollectedMetric] = []
        for (ip, summary) in [("v4", reading.ipv4), ("v6", reading.ipv6)] {
            guard let summary else { continue }
            metrics.append(CollectedMetric(labels: [("ip", ip), ("queue", "tx")], value: Double(summary.transmitQueueLength)))
            metrics.append(CollectedMetric(labels: [("ip", ip), ("queue", "rx")], value: Double(summary.receiveQueueLength)))
        }
        families.append(CollectedFamily(
            name: "node_udp_queues", help: "Number of allocated memory in the kernel for UDP datagrams in bytes.", type: .gauge, metrics: metrics
        ))
    }
}
