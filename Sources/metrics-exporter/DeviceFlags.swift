import ArgumentParser
import HostMetrics

/// A collector's `device-exclude` and `device-include` flags as one `DeviceFilter`.
enum DeviceFlags {
    /// The filter the two flags ask for. Both given is an error, as in node_exporter; an include
    /// alone replaces the default exclude; an empty value filters nothing.
    static func filter(collector: String, exclude: String?, include: String?, default: DeviceFilter) throws -> DeviceFilter {
        if let exclude, !exclude.isEmpty, let include, !include.isEmpty {
            throw ValidationError(
                "--collector.\(collector).device-exclude and --collector.\(collector).device-include are mutually exclusive: pass one"
            )
        }
        if let include, !include.isEmpty { return .include(include) }
        if let exclude { return exclude.isEmpty ? .all : .exclude(exclude) }
        return `default`
    }
}
