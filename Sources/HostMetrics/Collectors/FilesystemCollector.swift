import Logging
import PrometheusMetrics

/// node_exporter's `filesystem` collector: size, free and available bytes, inodes and the
/// read-only flag of every mount that the mount-point and fs-type excludes leave, labelled
/// `device`, `mountpoint`, `fstype` as node_exporter spells them.
///
/// statfs runs through `StatfsWithDeadline`: a mount whose call does not return within the
/// mount timeout (a hung NFS server) reports `node_filesystem_device_error 1`, and later scrapes
/// skip it at once until the call returns.
struct FilesystemCollector: Collector {
    static let name = "filesystem"

    struct Filesystem {
        var device: String
        var mountPoint: String
        var fsType: String
        /// `ro` among the mount options.
        var isReadOnly: Bool
        var stats: Result<FilesystemStats, HostMetricsError>
    }

    /// A mount the excludes let through, labelled as node_exporter labels it.
    struct Selection: Sendable {
        var device: String
        var mountPoint: String
        var fsType: String
        var isReadOnly: Bool
        /// Where to call statfs.
        var path: String

        /// The mount's labels and statfs path, nil when the excludes leave it out.
        init?(_ mount: Mount, paths: HostPaths, mountPointsExclude: NamePattern, fsTypesExclude: NamePattern) {
            mountPoint = paths.hostMountPoint(FilesystemCollector.escaped(mount.mountPoint, keepingBlanks: true))
            fsType = FilesystemCollector.escaped(mount.fsType, keepingBlanks: false)
            guard !mountPointsExclude.matches(mountPoint), !fsTypesExclude.matches(fsType) else { return nil }
            device = FilesystemCollector.escaped(mount.device, keepingBlanks: false)
            isReadOnly = mount.isReadOnly
            path = paths.rootfs(paths.hostMountPoint(mount.mountPoint))
        }
    }

    private let paths: HostPaths
    /// The mount tables, in the order they are tried.
    private let mountTables: [(path: String, isMountInfo: Bool, file: KeptFile)]
    /// The mount of each line of the mount table, parsed once.
    private let mountLines = NameTable<FileBytes, Mount>()
    /// What each mount is published as, nil for those excluded, decided once.
    private let selections = NameTable<Mount, Selection?>()
    private let mountPointsExclude: NamePattern
    private let fsTypesExclude: NamePattern
    private let statfs: StatfsWithDeadline
    private let logger: Logger

    init(configuration: NodeCollector.Configuration, logger: Logger) throws(HostMetricsError) {
        try self.init(configuration: configuration, logger: logger, statfs: StatfsWithDeadline(timeout: configuration.filesystemMountTimeout))
    }

    /// With the statfs a test injects.
    init(configuration: NodeCollector.Configuration, logger: Logger, statfs: StatfsWithDeadline) throws(HostMetricsError) {
        paths = configuration.paths
        mountTables = Mount.tables(paths).map { ($0.path, $0.isMountInfo, KeptFile($0.path)) }
        mountPointsExclude = try NamePattern(
            configuration.filesystemMountPointsExclude, option: "--collector.filesystem.mount-points-exclude"
        )
        fsTypesExclude = try NamePattern(configuration.filesystemFSTypesExclude, option: "--collector.filesystem.fs-types-exclude")
        self.statfs = statfs
        self.logger = logger
    }

    func read() throws(HostMetricsError) -> [Filesystem] {
        let mounts = try Mount.read(
            tables: mountTables.map { table in (table.path, table.isMountInfo, { () throws(HostMetricsError) in try table.file.read() }) },
            lines: mountLines
        )
        var selected: [Selection] = []
        var seen: Set<[String]> = []
        let (paths, mountPointsExclude, fsTypesExclude) = (paths, mountPointsExclude, fsTypesExclude)
        selections.withLookup { lookup in
            for mount in mounts {
                let selection = lookup.next(mount) { mount in
                    Selection(mount, paths: paths, mountPointsExclude: mountPointsExclude, fsTypesExclude: fsTypesExclude)
                }
                guard let selection else { continue }
                // One series per label set, the first mount's, however often it is mounted.
                guard seen.insert([selection.device, selection.mountPoint, selection.fsType]).inserted else { continue }
                selected.append(selection)
            }
        }
        let results = statfs.stats(paths: selected.map(\.path))
        return zip(selected, results).map { mount, result in
            if case .failure(let error) = result {
                logger.debug("statfs failed", error: error, metadata: ["collector": "filesystem", "path": .string(mount.path)])
            }
            return Filesystem(device: mount.device, mountPoint: mount.mountPoint, fsType: mount.fsType, isReadOnly: mount.isReadOnly, stats: result)
        }
    }

    func collect(_ filesystems: [Filesystem], into families: inout [CollectedFamily]) {
        var deviceErrors: [CollectedMetric] = []
        var size: [CollectedMetric] = []
        var free: [CollectedMetric] = []
        var available: [CollectedMetric] = []
        var files: [CollectedMetric] = []
        var filesFree: [CollectedMetric] = []
        var readOnly: [CollectedMetric] = []
        for filesystem in filesystems {
            let labels = [("device", filesystem.device), ("fstype", filesystem.fsType), ("mountpoint", filesystem.mountPoint)]
            guard case .success(let stats) = filesystem.stats else {
                deviceErrors.append(CollectedMetric(labels: labels, value: 1))
                continue
            }
            deviceErrors.append(CollectedMetric(labels: labels, value: 0))
            size.append(CollectedMetric(labels: labels, value: stats.sizeBytes))
            free.append(CollectedMetric(labels: labels, value: stats.freeBytes))
            available.append(CollectedMetric(labels: labels, value: stats.availableBytes))
            files.append(CollectedMetric(labels: labels, value: Double(stats.files)))
            filesFree.append(CollectedMetric(labels: labels, value: Double(stats.freeFiles)))
            readOnly.append(CollectedMetric(labels: labels, value: filesystem.isReadOnly ? 1 : 0))
        }
        families.append(CollectedFamily(
            name: "node_filesystem_device_error", help: "Whether an error occurred while getting statistics for the given device.",
            type: .gauge, metrics: deviceErrors
        ))
        families.append(CollectedFamily(name: "node_filesystem_size_bytes", help: "Filesystem size in bytes.", type: .gauge, metrics: size))
        families.append(CollectedFamily(name: "node_filesystem_free_bytes", help: "Filesystem free space in bytes.", type: .gauge, metrics: free))
        families.append(CollectedFamily(
            name: "node_filesystem_avail_bytes", help: "Filesystem space available to non-root users in bytes.", type: .gauge,
            metrics: available
        ))
        families.append(CollectedFamily(name: "node_filesystem_files", help: "Filesystem total file nodes.", type: .gauge, metrics: files))
        families.append(CollectedFamily(
            name: "node_filesystem_files_free", help: "Filesystem total free file nodes.", type: .gauge, metrics: filesFree
        ))
        families.append(CollectedFamily(name: "node_filesystem_readonly", help: "Filesystem read-only status.", type: .gauge, metrics: readOnly))
    }

    /// A mount field as node_exporter labels it: the kernel's octal escapes of a backslash and a
    /// newline (and, unless `keepingBlanks`, of a space and a tab) put back, since node_exporter
    /// decodes only `\040` and `\011`, and only in the mount point.
    static func escaped(_ field: String, keepingBlanks: Bool) -> String {
        let needsEscape = { (byte: UInt8) in
            byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\n") || (!keepingBlanks && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")))
        }
        guard field.utf8.contains(where: needsEscape) else { return field }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(field.utf8.count + 8)
        for byte in field.utf8 {
            guard needsEscape(byte) else {
                escaped.append(byte)
                continue
            }
            escaped.append(UInt8(ascii: "\\"))
            escaped.append(UInt8(ascii: "0") + (byte >> 6))
            escaped.append(UInt8(ascii: "0") + ((byte >> 3) & 7))
            escaped.append(UInt8(ascii: "0") + (byte & 7))
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}
