import Logging
import PrometheusMetrics

/// node_exporter's `meminfo` collector: every `/proc/meminfo` field as `node_memory_<field>`,
/// `kB` fields in bytes with a `_bytes` suffix, `Active(anon)` spelled `Active_anon`.
struct MeminfoCollector: Collector {
    static let name = "meminfo"

    private let paths: HostPaths

    init(configuration: NodeCollector.Configuration, logger: Logger) {
        paths = configuration.paths
    }

    func read() throws(HostMetricsError) -> MemInfo {
        try MemInfo.read(paths)
    }

    func collect(_ memInfo: MemInfo, into families: inout [CollectedFamily]) {
        for field in memInfo.fields {
            var key = Self.parenthesesAsSuffix(field.name)
            var value = Double(field.value)
            if field.isKilobytes {
                key += "_bytes"
                value *= 1024
            }
            families.append(CollectedFamily(
                name: "node_memory_" + key,
                help: "Memory information field " + key + ".",
                type: key.hasSuffix("_total") ? .counter : .gauge,
                value: value
            ))
        }
    }

    /// `Active(anon)` → `Active_anon`: node_exporter replaces the text from the first `(` to the
    /// last `)` with `_` and what it enclosed.
    private static func parenthesesAsSuffix(_ name: String) -> String {
        guard let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close else { return name }
        return name[..<open] + "_" + name[name.index(after: open)..<close] + name[name.index(after: close)...]
    }
}
