import Logging
import PrometheusMetrics
import Synchronization

/// node_exporter's `os` collector: `node_os_info` from the rootfs's os-release file and
/// `node_os_version`, the major.minor part of its `VERSION_ID`. The file is parsed again only
/// when its modification time changes.
final class OSCollector: Collector {
    static let name = "os"

    private let paths: HostPaths
    /// The release last parsed, and the modification times of the two candidate files then.
    private let parsed = Mutex<(modified: [Duration?], release: OSRelease)?>(nil)

    init(configuration: NodeCollector.Configuration, logger: Logger) {
        paths = configuration.paths
    }

    /// A host without any os-release file has nothing to report.
    static func isNoData(_ error: HostMetricsError) -> Bool {
        error.isFileMissing
    }

    func read() throws(HostMetricsError) -> OSRelease {
        let modified = [
            try FileReader.modificationTime(paths.rootfs("etc/os-release")),
            try FileReader.modificationTime(paths.rootfs("usr/lib/os-release")),
        ]
        if let cached = parsed.withLock({ $0 }), cached.modified == modified {
            return cached.release
        }
        let release = try OSRelease.read(paths)
        parsed.withLock { $0 = (modified, release) }
        return release
    }

    func collect(_ release: OSRelease, into families: inout [CollectedFamily]) {
        families.append(CollectedFamily(
            name: "node_os_info",
            help: "A metric with a constant '1' value labeled by build_id, id, id_like, image_id, image_version, name, pretty_name, variant, variant_id, version, version_codename, version_id.",
            type: .gauge,
            metrics: [
                CollectedMetric(labels: [
                    ("build_id", release.buildID), ("id", release.id), ("id_like", release.idLike), ("image_id", release.imageID),
                    ("image_version", release.imageVersion), ("name", release.name), ("pretty_name", release.prettyName),
                    ("variant", release.variant), ("variant_id", release.variantID), ("version", release.version),
                    ("version_codename", release.versionCodename), ("version_id", release.versionID),
                ], value: 1)
            ]
        ))
        guard let version = Self.majorMinor(release.versionID), version > 0 else { return }
        families.append(CollectedFamily(
            name: "node_os_version",
            help: "Metric containing the major.minor part of the OS version.",
            type: .gauge,
            metrics: [CollectedMetric(labels: [("id", release.id), ("id_like", release.idLike), ("name", release.name)], value: version)]
        ))
    }

    /// The leading `digits[.digits]` of a version (`20.04` of `20.04`, `7.9` of `7.9.2009`), as
    /// node_exporter's `^[0-9]+\.?[0-9]*`; nil when it does not start with a digit.
    static func majorMinor(_ version: String) -> Double? {
        var prefix = Substring(version).prefix { $0.isASCII && $0.isNumber }
        guard !prefix.isEmpty else { return nil }
        let rest = version[prefix.endIndex...]
        if rest.first == "." {
            let fraction = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            prefix = version[prefix.startIndex..<fraction.endIndex]
        }
        return Double(prefix)
    }
}
