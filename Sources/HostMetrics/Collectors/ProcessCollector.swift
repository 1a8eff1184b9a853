import PrometheusMetrics

/// client_golang's process collector for any Swift service: CPU time, memory, file descriptors
/// and start time of this process, read from `/proc/self` at every scrape, under client_golang's
/// names and HELP texts (`process_cpu_seconds_total`, `process_resident_memory_bytes`, …).
///
/// ```swift
/// PrometheusRegistry.default.register(collector: ProcessCollector())
/// ```
///
/// When `/proc/self` cannot be read (not Linux, or procfs not mounted) it publishes nothing.
public struct ProcessCollector: PrometheusCollector {
    /// The host's boot time, which never changes, read once so that a scrape reads only this
    /// process's own files.
    private let bootTime: UInt64?

    /// Reads the boot time once; everything else is read at scrape time.
    public init() {
        bootTime = try? KernelStat.read().bootTime
    }

    /// Appends the seven `process_*` families as this process stands now.
    public func collect(into families: inout [CollectedFamily]) {
        guard let bootTime, let process = try? ProcessResources.current(bootTime: bootTime) else { return }
        families.append(CollectedFamily(
            name: "process_cpu_seconds_total", help: "Total user and system CPU time spent in seconds.", type: .counter,
            value: process.cpuSeconds
        ))
        families.append(CollectedFamily(
            name: "process_open_fds", help: "Number of open file descriptors.", type: .gauge, value: Double(process.openFileDescriptors)
        ))
        families.append(CollectedFamily(
            name: "process_max_fds", help: "Maximum number of open file descriptors.", type: .gauge,
            value: Self.limit(process.maxFileDescriptors)
        ))
        families.append(CollectedFamily(
            name: "process_virtual_memory_bytes", help: "Virtual memory size in bytes.", type: .gauge,
            value: Double(process.virtualMemoryBytes)
        ))
        families.append(CollectedFamily(
            name: "process_virtual_memory_max_bytes", help: "Maximum amount of virtual memory available in bytes.", type: .gauge,
            value: Self.limit(process.maxVirtualMemoryBytes)
        ))
        families.append(CollectedFamily(
            name: "process_resident_memory_bytes", help: "Resident memory size in bytes.", type: .gauge,
            value: Double(process.residentMemoryBytes)
        ))
        families.append(CollectedFamily(
            name: "process_start_time_seconds", help: "Start time of the process since unix epoch in seconds.", type: .gauge,
            value: process.startTimeSeconds
        ))
    }

    /// A limit as client_golang reports it: `unlimited` is the largest 64-bit value.
    private static func limit(_ value: UInt64?) -> Double {
        Double(value ?? UInt64.max)
    }
}
