import Logging
import PrometheusMetrics

/// node_exporter's `meminfo` collector: every `/proc/meminfo` field as `node_memory_<field>`,
/// `kB` fields in bytes with a `_bytes` suffix, `Active(anon)` spelled `Active_anon`.
struct MeminfoCollector: Collector {
    static let name = "meminfo"

    /// A field as its family depends on it.
    struct Field: Equatable, Sendable {
        var name: String
        var isKilobytes: Bool
    }

    /// A field's family, and what its value is multiplied by.
    struct Family: Sendable {
        var name: String
        var help: String
        var type: MetricType
        var scale: Double

        init(_ field: Field) {
            var key = MeminfoCollector.parenthesesAsSuffix(field.name)
            if field.isKilobytes { key += "_bytes" }
            name = "node_memory_" + key
            help = "Memory information field " + key + "."
            type = key.hasSuffix("_total") ? .counter : .gauge
            scale = field.isKilobytes ? 1024 : 1
        }
    }

    private let file: KeptFile
    private let names = NameStrings()
    private let fieldFamilies = NameTable<Field, Family>()

    init(configuration: NodeCollector.Configuration, logger: Logger) {
        file = KeptFile(configuration.paths.procfs("meminfo"))
    }

    func read() throws(HostMetricsError) -> MemInfo {
        try MemInfo(parsing: file.read(), path: file.path, names: names)
    }

    func collect(_ memInfo: MemInfo, into families: inout [CollectedFamily]) {
        fieldFamilies.withLookup { lookup in
            for field in memInfo.fields {
                let family = lookup.next(Field(name: field.name, isKilobytes: field.isKilobytes), make: Family.init)
                families.append(CollectedFamily(name: family.name, help: family.help, type: family.type, value: Double(field.value) * family.scale))
            }
        }
    }

    /// `Active(anon)` → `Active_anon`: node_exporter replaces the text from the first `(` to the
    /// last `)` with `_` and what it enclosed.
    private static func parenthesesAsSuffix(_ name: String) -> String {
        guard let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close else { return name }
        return name[..<open] + "_" + name[name.index(after: open)..<close] + name[name.index(after: close)...]
    }
}
