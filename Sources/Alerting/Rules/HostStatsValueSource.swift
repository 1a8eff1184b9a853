import HostMetrics
import Synchronization

/// Host usage in percent, read through HostMetrics for the host rules. CPU busy time is the
/// share of CPU time since the previous evaluation (like `rate()` over the evaluation interval),
/// so the first evaluation has no value.
public final class HostStatsValueSource: RuleValueSource {
    /// What to read.
    public enum Statistic: Sendable, Hashable {
        /// Busy share of all CPUs since the previous evaluation.
        case cpuBusy
        /// `(total − available) / total` of memory, as psutil computes it.
        case memoryUsed
        /// Used share of the filesystem holding `path`, as `df` shows it.
        case diskUsed(path: String)
    }

    /// What this source reads.
    public let statistic: Statistic
    private let host: HostStats
    private let previousCPUTimes = Mutex<CPUTimes?>(nil)

    /// Reads `statistic` of the host `host` describes (its `/proc`, `/sys` and root).
    public init(_ statistic: Statistic, host: HostStats = HostStats()) {
        self.statistic = statistic
        self.host = host
    }

    /// The usage in percent; a `HostMetricsError` when the files cannot be read.
    public func currentValue() async throws -> Double? {
        switch statistic {
        case .cpuBusy:
            let now = try host.cpuTimes()
            let previous = previousCPUTimes.withLock { previous in
                defer { previous = now }
                return previous
            }
            return previous.map { now.busyPercent(since: $0) }
        case .memoryUsed:
            return try host.memoryPercent()
        case .diskUsed(let path):
            return try host.diskPercent(path: path)
        }
    }
}
