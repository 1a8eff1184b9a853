import Logging
import PrometheusMetrics

/// node_exporter's `entropy` collector: the kernel random pool's available entropy and its size
/// (`/proc/sys/kernel/random/entropy_avail` and `poolsize`).
struct EntropyCollector: Collector {
    static let name = "entropy"

    struct Reading {
        var available: UInt64
        var poolSize: UInt64
    }

    private let files: (available: KeptFile, poolSize: KeptFile)

    init(configuration: NodeCollector.Configuration, logger: Logger) {
        let paths = configuration.paths
        files = (KeptFile(Sysctl.path("kernel.random.entropy_avail", paths)), KeptFile(Sysctl.path("kernel.random.poolsize", paths)))
    }

    func read() throws(HostMetricsError) -> Reading {
        Reading(available: try Sysctl.value(files.available), poolSize: try Sysctl.value(files.poolSize))
    }

    func collect(_ reading: Reading, into families: inout [CollectedFamily]) {
        families.append(CollectedFamily(
            name: "node_entropy_available_bits", help: "Bits of available entropy.", type: .gauge, value: Double(reading.available)
        ))
        families.append(CollectedFamily(
            name: "node_entropy_pool_size_bits", help: "Bits of entropy pool.", type: .gauge, value: Double(reading.poolSize)
        ))
    }
}
