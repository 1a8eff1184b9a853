import Logging
import PrometheusMetrics

/// node_exporter's `stat` collector: interrupts, context switches, forks, boot time and the
/// running and blocked process counts of `/proc/stat`, and with `--collector.stat.softirq` the
/// softirqs per vector.
struct StatCollector: Collector {
    static let name = "stat"

    /// The softirq vectors in the kernel's order, as node_exporter labels them.
    private static let softIRQVectors = ["hi", "timer", "net_tx", "net_rx", "block", "block_iopoll", "tasklet", "sched", "hrtimer", "rcu"]

    private let stat: KeptFile
    private let softIRQ: Bool

    init(configuration: NodeCollector.Configuration, logger: Logger) {
        stat = KeptFile(configuration.paths.procfs("stat"))
        softIRQ = configuration.statSoftIRQ
    }

    func read() throws(HostMetricsError) -> KernelStat {
        try KernelStat(parsing: stat.read(), path: stat.path)
    }

    func collect(_ stat: KernelStat, into families: inout [CollectedFamily]) {
        families.append(CollectedFamily(
            name: "node_intr_total", help: "Total number of interrupts serviced.", type: .counter, value: Double(stat.interruptsTotal)
        ))
        families.append(CollectedFamily(
            name: "node_context_switches_total", help: "Total number of context switches.", type: .counter,
            value: Double(stat.contextSwitches)
        ))
        families.append(CollectedFamily(
            name: "node_forks_total", help: "Total number of forks.", type: .counter, value: Double(stat.processesCreated)
        ))
        families.append(CollectedFamily(
            name: "node_boot_time_seconds", help: "Node boot time, in unixtime.", type: .gauge, value: Double(stat.bootTime)
        ))
        families.append(CollectedFamily(
            name: "node_procs_running", help: "Number of processes in runnable state.", type: .gauge,
            value: Double(stat.processesRunning)
        ))
        families.append(CollectedFamily(
            name: "node_procs_blocked", help: "Number of processes blocked waiting for I/O to complete.", type: .gauge,
            value: Double(stat.processesBlocked)
        ))
        guard softIRQ else { return }
        families.append(CollectedFamily(
            name: "node_softirqs_total", help: "Number of softirq calls.", type: .counter,
            metrics: Self.softIRQVectors.enumerated().map { index, vector in
                let count = index < stat.softIRQs.count ? stat.softIRQs[index] : 0
                return CollectedMetric(labels: [("vector", vector)], value: Double(count))
            }
        ))
    }
}
