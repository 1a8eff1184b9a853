import Logging
import PrometheusMetrics

/// node_exporter's `vmstat` collector: the `/proc/vmstat` fields that `--collector.vmstat.fields`
/// selects, untyped.
struct VMStatCollector: Collector {
    static let name = "vmstat"

    private let file: KeptFile
    private let fields: NamePattern
    private let names = NameStrings()
    /// Each counter's family name and HELP, nil for the counters the fields leave out.
    private let counterFamilies = NameTable<String, (name: String, help: String)?>()

    init(configuration: NodeCollector.Configuration, logger: Logger) throws(HostMetricsError) {
        file = KeptFile(configuration.paths.procfs("vmstat"))
        fields = try NamePattern(configuration.vmstatFields, option: "--collector.vmstat.fields")
    }

    func read() throws(HostMetricsError) -> VMStat {
        try VMStat(parsing: file.read(), path: file.path, names: names)
    }

    func collect(_ vmStat: VMStat, into families: inout [CollectedFamily]) {
        let fields = fields
        counterFamilies.withLookup { lookup in
            for counter in vmStat.counters {
                let family = lookup.next(counter.name) { counter in
                    fields.matches(counter) ? ("node_vmstat_" + counter, "/proc/vmstat information field " + counter + ".") : nil
                }
                guard let family else { continue }
                families.append(CollectedFamily(name: family.name, help: family.help, type: .untyped, value: Double(counter.value)))
            }
        }
    }
}
