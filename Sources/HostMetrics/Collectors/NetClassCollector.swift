import Logging
import PrometheusMetrics

/// node_exporter's `netclass` collector: each interface's properties from
/// `/sys/class/net/<iface>/` (link state, carrier, MTU, speed, queue length, …) except those
/// `--collector.netclass.ignored-devices` matches. A speed the driver reports as -1 (unknown)
/// is published as -125000 bytes, as node_exporter 1.5.0 does, unless
/// `--collector.netclass.ignore-invalid-speed`.
struct NetClassCollector: Collector {
    static let name = "netclass"

    /// The numeric properties, each a `node_network_<name>{device}` family: name, type and the
    /// value (nil when the interface lacks it).
    private static let properties: [(name: String, type: MetricType, value: @Sendable (NetClassInterface) -> Int64?)] = [
        ("address_assign_type", .gauge, { $0.addressAssignType }),
        ("carrier", .gauge, { $0.carrier }),
        ("carrier_changes_total", .counter, { $0.carrierChanges }),
        ("carrier_up_changes_total", .counter, { $0.carrierUpCount }),
        ("carrier_down_changes_total", .counter, { $0.carrierDownCount }),
        ("device_id", .gauge, { $0.deviceID }),
        ("dormant", .gauge, { $0.dormant }),
        ("flags", .gauge, { $0.flags }),
        ("iface_id", .gauge, { $0.ifIndex }),
        ("iface_link", .gauge, { $0.ifLink }),
        ("iface_link_mode", .gauge, { $0.linkMode }),
        ("mtu_bytes", .gauge, { $0.mtu }),
        ("name_assign_type", .gauge, { $0.nameAssignType }),
        ("net_dev_group", .gauge, { $0.netDevGroup }),
        ("speed_bytes", .gauge, { interface in interface.speed.map { $0 &* 1_000_000 / 8 } }),
        ("transmit_queue_length", .gauge, { $0.transmitQueueLength }),
        ("protocol_type", .gauge, { $0.type }),
    ]

    /// The families' names and HELP texts, built once.
    private static let families: [(name: String, help: String)] = properties.map { property in
        ("node_network_" + property.name, "Network device property: " + property.name)
    }

    private let paths: HostPaths
    private let ignoredDevices: NamePattern
    private let ignoresInvalidSpeed: Bool

    init(configuration: NodeCollector.Configuration, logger: Logger) throws(HostMetricsError) {
        paths = configuration.paths
        ignoredDevices = try NamePattern(configuration.netclassIgnoredDevices, option: "--collector.netclass.ignored-devices")
        ignoresInvalidSpeed = configuration.netclassIgnoresInvalidSpeed
    }

    /// A host without `/sys/class/net` has nothing to report.
    static func isNoData(_ error: HostMetricsError) -> Bool {
        error.isFileMissing
    }

    func read() throws(HostMetricsError) -> [NetClassInterface] {
        var interfaces: [NetClassInterface] = []
        for name in try NetClassInterface.interfaceNames(paths) where !ignoredDevices.matches(name) {
            interfaces.append(try NetClassInterface.read(name: name, paths))
        }
        return interfaces
    }

    func collect(_ interfaces: [NetClassInterface], into families: inout [CollectedFamily]) {
        var up: [CollectedMetric] = []
        var info: [CollectedMetric] = []
        var properties = Array(repeating: [CollectedMetric](), count: Self.properties.count)
        for var interface in interfaces {
            if ignoresInvalidSpeed, let speed = interface.speed, speed < 0 { interface.speed = nil }
            let device = [("device", interface.name)]
            up.append(CollectedMetric(labels: device, value: interface.operState == "up" ? 1 : 0))
            info.append(CollectedMetric(labels: [
                ("address", interface.address), ("broadcast", interface.broadcast), ("device", interface.name),
                ("duplex", interface.duplex), ("ifalias", interface.ifAlias), ("operstate", interface.operState),
            ], value: 1))
            for (index, property) in Self.properties.enumerated() {
                guard let value = property.value(interface) else { continue }
                properties[index].append(CollectedMetric(labels: device, value: Double(value)))
            }
        }
        families.append(CollectedFamily(name: "node_network_up", help: "Value is 1 if operstate is 'up', 0 otherwise.", type: .gauge, metrics: up))
        families.append(CollectedFamily(
            name: "node_network_info", help: "Non-numeric data from /sys/class/net/<iface>, value is always 1.", type: .gauge, metrics: info
        ))
        for (index, property) in Self.properties.enumerated() {
            families.append(CollectedFamily(
                name: Self.families[index].name, help: Self.families[index].help, type: property.type, metrics: properties[index]
            ))
        }
    }
}
