import Logging
import PrometheusMetrics

/// node_exporter's `loadavg` collector: the 1, 5 and 15 minute load averages.
struct LoadavgCollector: Collector {
    static let name = "loadavg"

    private let file: KeptFile

    init(configuration: NodeCollector.Configuration, logger: Logger) {
        file = KeptFile(configuration.paths.procfs("loadavg"))
    }

    func read() throws(HostMetricsError) -> LoadAverage {
        try LoadAverage(parsing: file.read(), path: file.path)
    }

    func collect(_ load: LoadAverage, into families: inout [CollectedFamily]) {
        families.append(CollectedFamily(name: "node_load1", help: "1m load average.", type: .gauge, value: load.load1))
        families.append(CollectedFamily(name: "node_load5", help: "5m load average.", type: .gauge, value: load.load5))
        families.append(CollectedFamily(name: "node_load15", help: "15m load average.", type: .gauge, value: load.load15))
    }
}
