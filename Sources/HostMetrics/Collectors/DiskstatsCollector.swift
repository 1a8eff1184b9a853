import Logging
import PrometheusMetrics

/// node_exporter's `diskstats` collector: the I/O statistics of `/proc/diskstats` per device
/// (as many as the kernel reports: 11, 15 or 17), `node_disk_info` with the udev database's
/// identity of each device, and its filesystem, device-mapper and ATA series.
struct DiskstatsCollector: Collector {
    static let name = "diskstats"

    struct Device {
        var stats: DiskStats
        /// The device's udev properties; empty when udev does not know it.
        var udev: [String: String]
    }

    /// The 17 statistics in the kernel's order: family name, HELP, type, and the value.
    private static let statistics: [(name: String, help: String, type: MetricType, value: @Sendable (DiskStats) -> Double)] = [
        ("node_disk_reads_completed_total", "The total number of reads completed successfully.", .counter, { Double($0.readsCompleted) }),
        ("node_disk_reads_merged_total", "The total number of reads merged.", .counter, { Double($0.readsMerged) }),
        ("node_disk_read_bytes_total", "The total number of bytes read successfully.", .counter, { $0.readBytes }),
        ("node_disk_read_time_seconds_total", "The total number of seconds spent by all reads.", .counter, { $0.readTimeSeconds }),
        ("node_disk_writes_completed_total", "The total number of writes completed successfully.", .counter, { Double($0.writesCompleted) }),
        ("node_disk_writes_merged_total", "The number of writes merged.", .counter, { Double($0.writesMerged) }),
        ("node_disk_written_bytes_total", "The total number of bytes written successfully.", .counter, { $0.writtenBytes }),
        ("node_disk_write_time_seconds_total", "This is the total number of seconds spent by all writes.", .counter, { $0.writeTimeSeconds }),
        ("node_disk_io_now", "The number of I/Os currently in progress.", .gauge, { Double($0.ioInProgress) }),
        ("node_disk_io_time_seconds_total", "Total seconds spent doing I/Os.", .counter, { $0.ioTimeSeconds }),
        ("node_disk_io_time_weighted_seconds_total", "The weighted # of seconds spent doing I/Os.", .counter, { $0.weightedIOTimeSeconds }),
        ("node_disk_discards_completed_total", "The total number of discards completed successfully.", .counter, { Double($0.discardsCompleted) }),
        ("node_disk_discards_merged_total", "The total number of discards merged.", .counter, { Double($0.discardsMerged) }),
        ("node_disk_discarded_sectors_total", "The total number of sectors discarded successfully.", .counter, { Double($0.sectorsDiscarded) }),
        ("node_disk_discard_time_seconds_total", "This is the total number of seconds spent by all discards.", .counter, { $0.discardTimeSeconds }),
        ("node_disk_flush_requests_total", "The total number of flush requests completed successfully", .counter, { Double($0.flushRequestsCompleted) }),
        (
            "node_disk_flush_requests_time_seconds_total", "This is the total number of seconds spent by all flush requests.", .counter,
            { $0.flushTimeSeconds }
        ),
    ]

    /// The ATA properties node_exporter publishes for disks with `ID_ATA`.
    private static let ataProperties: [(property: String, name: String, help: String)] = [
        ("ID_ATA_WRITE_CACHE", "node_disk_ata_write_cache", "ATA disk has a write cache."),
        ("ID_ATA_WRITE_CACHE_ENABLED", "node_disk_ata_write_cache_enabled", "ATA disk has its write cache enabled."),
        ("ID_ATA_ROTATION_RATE_RPM", "node_disk_ata_rotation_rate_rpm", "ATA disk rotation rate in RPMs (0 for SSDs)."),
    ]

    private let paths: HostPaths
    private let file: KeptFile
    private let devices: DeviceSelector
    /// False when the udev database is not a readable directory: node_exporter then publishes
    /// the devices without their udev labels.
    private let readsUdev: Bool

    init(configuration: NodeCollector.Configuration, logger: Logger) throws(HostMetricsError) {
        paths = configuration.paths
        file = KeptFile(paths.procfs("diskstats"))
        devices = try configuration.diskstatsDevices.compiled(option: "--collector.diskstats")
        readsUdev = FileReader.isDirectory(paths.udevData)
        if !readsUdev {
            logger.error(
                "Failed to open directory, disabling udev device properties",
                metadata: ["collector": "diskstats", "path": .string(paths.udevData)]
            )
        }
    }

    func read() throws(HostMetricsError) -> [Device] {
        try DiskStats.parse(file.read(), path: file.path).compactMap { stats in
            guard !devices.ignores(stats.device) else { return nil }
            let udev = readsUdev ? (try? UdevProperties.read(major: stats.major, minor: stats.minor, paths))?.properties : nil
            return Device(stats: stats, udev: udev ?? [:])
        }
    }

    func collect(_ devices: [Device], into families: inout [CollectedFamily]) {
        var statistics = Array(repeating: [CollectedMetric](), count: Self.statistics.count)
        var info: [CollectedMetric] = []
        var filesystems: [CollectedMetric] = []
        var mappers: [CollectedMetric] = []
        var ata = Array(repeating: [CollectedMetric](), count: Self.ataProperties.count)
        for device in devices {
            let name = device.stats.device
            let udev = device.udev
            // The serial printed on the label, else the short serial.
            let serial = udev["SCSI_IDENT_SERIAL", default: ""].isEmpty ? udev["ID_SERIAL_SHORT", default: ""] : udev["SCSI_IDENT_SERIAL", default: ""]
            info.append(CollectedMetric(labels: [
                ("device", name), ("major", String(device.stats.major)), ("minor", String(device.stats.minor)),
                ("model", udev["ID_MODEL", default: ""]), ("path", udev["ID_PATH", default: ""]),
                ("revision", udev["ID_REVISION", default: ""]), ("serial", serial), ("wwn", udev["ID_WWN", default: ""]),
            ], value: 1))
            let labels = [("device", name)]
            for index in 0..<min(device.stats.statCount, Self.statistics.count) {
                statistics[index].append(CollectedMetric(labels: labels, value: Self.statistics[index].value(device.stats)))
            }
            if let type = udev["ID_FS_TYPE"], !type.isEmpty {
                filesystems.append(CollectedMetric(labels: [
                    ("device", name), ("type", type), ("usage", udev["ID_FS_USAGE", default: ""]),
                    ("uuid", udev["ID_FS_UUID", default: ""]), ("version", udev["ID_FS_VERSION", default: ""]),
                ], value: 1))
            }
            if let mapperName = udev["DM_NAME"], !mapperName.isEmpty {
                mappers.append(CollectedMetric(labels: [
                    ("device", name), ("lv_layer", udev["DM_LV_LAYER", default: ""]), ("lv_name", udev["DM_LV_NAME", default: ""]),
                    ("name", mapperName), ("uuid", udev["DM_UUID", default: ""]), ("vg_name", udev["DM_VG_NAME", default: ""]),
                ], value: 1))
            }
            if let isATA = udev["ID_ATA"], !isATA.isEmpty {
                for (index, property) in Self.ataProperties.enumerated() {
                    guard let text = udev[property.property], let value = Double(text) else { continue }
                    ata[index].append(CollectedMetric(labels: labels, value: value))
                }
            }
        }
        families.append(CollectedFamily(name: "node_disk_info", help: "Info of /sys/block/<block_device>.", type: .gauge, metrics: info))
        for (index, statistic) in Self.statistics.enumerated() {
            families.append(CollectedFamily(name: statistic.name, help: statistic.help, type: statistic.type, metrics: statistics[index]))
        }
        families.append(CollectedFamily(name: "node_disk_filesystem_info", help: "Info about disk filesystem.", type: .gauge, metrics: filesystems))
        families.append(CollectedFamily(name: "node_disk_device_mapper_info", help: "Info about disk device mapper.", type: .gauge, metrics: mappers))
        for (index, property) in Self.ataProperties.enumerated() {
            families.append(CollectedFamily(name: property.name, help: property.help, type: .gauge, metrics: ata[index]))
        }
    }
}
