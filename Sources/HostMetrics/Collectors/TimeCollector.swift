import Glibc
import Logging
import PrometheusMetrics

/// node_exporter's `time` collector: the system time, the local time zone's offset, and the
/// clocksources of `/sys/devices/system/clocksource`.
struct TimeCollector: Collector {
    static let name = "time"

    struct Reading {
        /// Seconds since the Unix epoch.
        var now: Double
        var zone: LocalTimeZone
        var clockSources: [ClockSource]
    }

    private let paths: HostPaths

    init(configuration: NodeCollector.Configuration, logger: Logger) {
        paths = configuration.paths
    }

    func read() throws(HostMetricsError) -> Reading {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let clockSources: [ClockSource]
        do {
            clockSources = try ClockSource.read(paths)
        } catch .fileMissing {
            // A kernel without the clocksource class lists none.
            clockSources = []
        }
        // As Go computes it: nanoseconds since the epoch, divided.
        let nanoseconds = Double(Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec))
        return Reading(now: nanoseconds / 1e9, zone: LocalTimeZone.current(), clockSources: clockSources)
    }

    func collect(_ reading: Reading, into families: inout [CollectedFamily]) {
        families.append(CollectedFamily(
            name: "node_time_seconds", help: "System time in seconds since epoch (1970).", type: .gauge, value: reading.now
        ))
        families.append(CollectedFamily(
            name: "node_time_zone_offset_seconds", help: "System time zone offset in seconds.", type: .gauge,
            metrics: [CollectedMetric(labels: [("time_zone", reading.zone.abbreviation)], value: Double(reading.zone.offsetSeconds))]
        ))
        var available: [CollectedMetric] = []
        var current: [CollectedMetric] = []
        // node_exporter labels each clocksource device with its position in the list.
        for (index, source) in reading.clockSources.enumerated() {
            let device = String(index)
            for name in source.available {
                available.append(CollectedMetric(labels: [("clocksource", name), ("device", device)], value: 1))
            }
            current.append(CollectedMetric(labels: [("clocksource", source.current), ("device", device)], value: 1))
        }
        families.append(CollectedFamily(
            name: "node_time_clocksource_available_info",
            help: "Available clocksources read from '/sys/devices/system/clocksource'.",
            type: .gauge,
            metrics: available
        ))
        families.append(CollectedFamily(
            name: "node_time_clocksource_current_info",
            help: "Current clocksource read from '/sys/devices/system/clocksource'.",
            type: .gauge,
            metrics: current
        ))
    }
}
