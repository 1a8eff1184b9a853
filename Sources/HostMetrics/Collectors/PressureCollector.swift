import Logging
import PrometheusMetrics

/// node_exporter's `pressure` collector: the total stall times of pressure stall information
/// (`/proc/pressure/{cpu,io,memory}`, Linux 4.20+). A kernel without PSI fails the collector
/// quietly, as node_exporter's "no data".
struct PressureCollector: Collector {
    static let name = "pressure"

    struct Reading {
        var cpu: PressureStats
        var io: PressureStats
        var memory: PressureStats
    }

    private let files: (cpu: KeptFile, io: KeptFile, memory: KeptFile)

    init(configuration: NodeCollector.Configuration, logger: Logger) {
        let file = { (resource: PressureStats.Resource) in KeptFile(configuration.paths.procfs("pressure/" + resource.rawValue)) }
        files = (file(.cpu), file(.io), file(.memory))
    }

    static func isNoData(_ error: HostMetricsError) -> Bool {
        error.isFileMissing
    }

    func read() throws(HostMetricsError) -> Reading {
        Reading(
            cpu: try PressureStats(parsing: files.cpu.read(), path: files.cpu.path),
            io: try PressureStats(parsing: files.io.read(), path: files.io.path),
            memory: try PressureStats(parsing: files.memory.read(), path: files.memory.path)
        )
    }

    func collect(_ reading: Reading, into families: inout [CollectedFamily]) {
        let totals: [(name: String, help: String, line: PressureStats.Line?)] = [
            ("node_pressure_cpu_waiting_seconds_total", "Total time in seconds that processes have waited for CPU time", reading.cpu.some),
            ("node_pressure_io_waiting_seconds_total", "Total time in seconds that processes have waited due to IO congestion", reading.io.some),
            (
                "node_pressure_io_stalled_seconds_total", "Total time in seconds no process could make progress due to IO congestion",
                reading.io.full
            ),
            ("node_pressure_memory_waiting_seconds_total", "Total time in seconds that processes have waited for memory", reading.memory.some),
            (
                "node_pressure_memory_stalled_seconds_total",
                "Total time in seconds no process could make progress due to memory congestion", reading.memory.full
            ),
        ]
        for total in totals {
            guard let line = total.line else { continue }
            families.append(CollectedFamily(name: total.name, help: total.help, type: .counter, value: line.totalSeconds))
        }
    }
}
