import Glibc

/// Processes and threads on the host, from every `/proc/[pid]/stat` (node_exporter's processes
/// collector; psutil's `pids` counts the same directories).
public struct ProcessCounts: Sendable, Hashable {
    /// Processes (PID directories) whose stat could be read.
    public var processes: Int
    /// Threads in those processes (wrapping as Go's int does, should a broken procfs claim
    /// more than 2⁶³).
    public var threads: Int64
    /// Processes per state letter (`S`, `R`, `I`, …).
    public var states: [String: Int]

    /// Reads every numeric directory under the procfs root. A process that exits between the
    /// listing and the read is left out, as node_exporter leaves it out.
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> ProcessCounts {
        var counts = ProcessCounts(processes: 0, threads: 0, states: [:])
        for pid in try processIDs(paths) {
            let stat: ProcessStat
            do {
                stat = try ProcessStat.read(pid: String(pid), paths)
            } catch .fileMissing {
                continue
            } catch .fileUnreadable(_, let code) where code == ESRCH {
                continue
            }
            counts.processes += 1
            counts.threads &+= stat.numThreads
            counts.states[stat.state, default: 0] += 1
        }
        return counts
    }

    /// The numeric entries under the procfs root: the PIDs of all processes, in no order.
    public static func processIDs(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> [Int32] {
        var pids: [Int32] = []
        try FileReader.forEachEntry(in: paths.procfs) { entry in
            var pid: Int32 = 0
            for byte in entry.name {
                guard let digit = byte.digitValue else { return }
                let (shifted, overflow1) = pid.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = shifted.addingReportingOverflow(Int32(digit))
                guard !overflow1, !overflow2 else { return }
                pid = sum
            }
            pids.append(pid)
        }
        return pids
    }
}
