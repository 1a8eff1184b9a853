import Logging
import PrometheusMetrics

/// node_exporter's `arp` collector: the entries of the kernel's ARP table per interface, from
/// `/proc/net/arp`, for the devices `--collector.arp.device-exclude` / `-include` let through.
struct ARPCollector: Collector {
    static let name = "arp"

    private let file: KeptFile
    private let devices: DeviceSelector

    init(configuration: NodeCollector.Configuration, logger: Logger) throws(HostMetricsError) {
        file = KeptFile(configuration.paths.procfs("net/arp"))
        devices = try configuration.arpDevices.compiled(option: "--collector.arp")
    }

    func read() throws(HostMetricsError) -> [ARPEntry] {
        try ARPEntry.parse(file.read(), path: file.path)
    }

    func collect(_ entries: [ARPEntry], into families: inout [CollectedFamily]) {
        var counts: [String: Int] = [:]
        for entry in entries {
            counts[entry.device, default: 0] += 1
        }
        families.append(CollectedFamily(
            name: "node_arp_entries",
            help: "ARP entries by device",
            type: .gauge,
            metrics: counts.filter { !devices.ignores($0.key) }.map { CollectedMetric(labels: [("device", $0.key)], value: Double($0.value)) }
        ))
    }
}
