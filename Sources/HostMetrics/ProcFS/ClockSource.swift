/// One clocksource device of `/sys/devices/system/clocksource` (node_exporter's time collector).
public struct ClockSource: Sendable, Hashable {
    /// The device number: `0` for `clocksource0`.
    public var device: Int
    /// `available_clocksource`: the clocksources the kernel can switch to, in file order.
    public var available: [String]
    /// `current_clocksource`: the one in use, such as `tsc`.
    public var current: String

    /// Reads every `clocksource<N>` device under the sysfs root, in device order.
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> [ClockSource] {
        let directory = paths.sysfs("devices/system/clocksource")
        var sources: [ClockSource] = []
        for device in try ProcText.numberedEntries(in: directory, prefix: "clocksource") {
            let base = directory + "/clocksource" + String(device)
            let available = try ProcText.read(base + "/available_clocksource")
            let current = try ProcText.read(base + "/current_clocksource")
            guard let name = current.lines.lazy.flatMap(\.fields).first(where: { _ in true }) else {
                throw current.missing("clocksource")
            }
            sources.append(
                ClockSource(
                    device: device,
                    available: available.lines.flatMap { $0.fields.map(\.text) },
                    current: name.text
                )
            )
        }
        return sources
    }
}
