import Logging
import PrometheusMetrics

/// node_exporter's `vmstat` collector: the `/proc/vmstat` fields that `--collector.vmstat.fields`
/// selects, untyped.
struct VMStatCollector: Collector {
    static let name = "vmstat"

    private let paths: HostPaths
    private let fields: NamePattern

    init(configuration: NodeCollector.Configuration, logger: Logger) throws(HostMetricsError) {
        paths = configuration.paths
        fields = try NamePattern(configuration.vmstatFields, option: "--collector.vmstat.fields")
    }

    func read() throws(HostMetricsError) -> VMStat {
        try VMStat.read(paths)
    }

    func collect(_ vmStat: VMStat, into families: inout [CollectedFamily]) {
        for counter in vmStat.counters where fields.matches(counter.name) {
            families.append(CollectedFamily(
                name: "node_vmstat_" + counter.name,
                help: "/proc/vmstat information field " + counter.name + ".",
                type: .untyped,
                value: Double(counter.value)
            ))
        }
    }
}
