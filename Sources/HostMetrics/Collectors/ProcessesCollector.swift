import Logging
import PrometheusMetrics

/// node_exporter's `processes` collector (disabled by default): processes, threads and their
/// states from every `/proc/[pid]/stat`, and the kernel's thread and PID limits.
struct ProcessesCollector: Collector {
    static let name = "processes"

    struct Reading {
        var counts: ProcessCounts
        var maxThreads: UInt64
        var maxProcesses: UInt64
    }

    private let paths: HostPaths

    init(configuration: NodeCollector.Configuration, logger: Logger) {
        paths = configuration.paths
    }

    func read() throws(HostMetricsError) -> Reading {
        Reading(
            counts: try ProcessCounts.read(paths),
            maxThreads: try Sysctl.value("kernel.threads-max", paths),
            maxProcesses: try Sysctl.value("kernel.pid_max", paths)
        )
    }

    func collect(_ reading: Reading, into families: inout [CollectedFamily]) {
        families.append(CollectedFamily(
            name: "node_processes_threads", help: "Allocated threads in system", type: .gauge, value: Double(reading.counts.threads)
        ))
        families.append(CollectedFamily(
            name: "node_processes_max_threads", help: "Limit of threads in the system", type: .gauge, value: Double(reading.maxThreads)
        ))
        families.append(CollectedFamily(
            name: "node_processes_state", help: "Number of processes in each state.", type: .gauge,
            metrics: reading.counts.states.map { state, count in CollectedMetric(labels: [("state", state)], value: Double(count)) }
        ))
        families.append(CollectedFamily(
            name: "node_processes_pids", help: "Number of PIDs", type: .gauge, value: Double(reading.counts.processes)
        ))
        families.append(CollectedFamily(
            name: "node_processes_max_processes", help: "Number of max PIDs limit", type: .gauge, value: Double(reading.maxProcesses)
        ))
    }
}
