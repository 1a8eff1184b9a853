import Logging
import PrometheusMetrics

/// node_exporter's `timex` collector: the kernel clock's discipline from adjtimex(2), converted
/// to seconds, ratios and hertz as node_exporter 1.5.0 converts them.
struct TimexCollector: Collector {
    static let name = "timex"

    /// One second in microseconds and in nanoseconds.
    private static let microseconds = 1e6
    private static let nanoseconds = 1e9
    /// The unit of the frequencies: parts per million with a 16-bit fraction (adjtimex(2), NOTES).
    private static let ppm16frac = 1e6 * 65536

    /// The families in node_exporter's order: name, HELP, type and the value.
    private static let families: [(name: String, help: String, type: MetricType, value: @Sendable (Timex) -> Double)] = [
        (
            "node_timex_sync_status", "Is clock synchronized to a reliable server (1 = yes, 0 = no).", .gauge,
            { $0.state == Timex.timeError ? 0 : 1 }
        ),
        ("node_timex_offset_seconds", "Time offset in between local system and reference clock.", .gauge, { Double($0.offset) / divisor($0) }),
        ("node_timex_frequency_adjustment_ratio", "Local clock frequency adjustment.", .gauge, { 1 + Double($0.frequency) / ppm16frac }),
        ("node_timex_maxerror_seconds", "Maximum error in seconds.", .gauge, { Double($0.maximumError) / microseconds }),
        ("node_timex_estimated_error_seconds", "Estimated error in seconds.", .gauge, { Double($0.estimatedError) / microseconds }),
        ("node_timex_status", "Value of the status array bits.", .gauge, { Double($0.status) }),
        ("node_timex_loop_time_constant", "Phase-locked loop time constant.", .gauge, { Double($0.constant) }),
        ("node_timex_tick_seconds", "Seconds between clock ticks.", .gauge, { Double($0.tick) / microseconds }),
        ("node_timex_pps_frequency_hertz", "Pulse per second frequency.", .gauge, { Double($0.ppsFrequency) / ppm16frac }),
        ("node_timex_pps_jitter_seconds", "Pulse per second jitter.", .gauge, { Double($0.jitter) / divisor($0) }),
        ("node_timex_pps_shift_seconds", "Pulse per second interval duration.", .gauge, { Double($0.shift) }),
        (
            "node_timex_pps_stability_hertz", "Pulse per second stability, average of recent frequency changes.", .gauge,
            { Double($0.stability) / ppm16frac }
        ),
        ("node_timex_pps_jitter_total", "Pulse per second count of jitter limit exceeded events.", .counter, { Double($0.jitterCount) }),
        ("node_timex_pps_calibration_total", "Pulse per second count of calibration intervals.", .counter, { Double($0.calibrationCount) }),
        ("node_timex_pps_error_total", "Pulse per second count of calibration errors.", .counter, { Double($0.errorCount) }),
        (
            "node_timex_pps_stability_exceeded_total", "Pulse per second count of stability limit exceeded events.", .counter,
            { Double($0.stabilityExceededCount) }
        ),
        ("node_timex_tai_offset_seconds", "International Atomic Time (TAI) offset.", .gauge, { Double($0.taiOffset) }),
    ]

    /// What `offset` and `jitter` are divided by to give seconds.
    private static func divisor(_ timex: Timex) -> Double {
        timex.isNanosecondResolution ? nanoseconds : microseconds
    }

    init(configuration: NodeCollector.Configuration, logger: Logger) {}

    func read() throws(HostMetricsError) -> Timex {
        try Timex.current()
    }

    func collect(_ timex: Timex, into families: inout [CollectedFamily]) {
        for family in Self.families {
            families.append(CollectedFamily(name: family.name, help: family.help, type: family.type, value: family.value(timex)))
        }
    }
}
