import Foundation
import HostMetrics

/// A writable copy of the v1.5.0 fixture's procfs, udev database and os-release in a temporary
/// directory (sysfs stays a link to the original), for tests that damage or rewrite files.
struct FixtureTree {
    let root: String

    /// Copies the fixture; `body` gets the copy, which is removed afterwards.
    static func with<Result>(_ body: (FixtureTree) throws -> Result) throws -> Result {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("collector-fixture-\(UUID().uuidString)").path
        try manager.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: root) }
        let source = Fixture.v1_5_0.root
        for folder in ["proc", "udev", "usr"] {
            try manager.copyItem(atPath: source + "/" + folder, toPath: root + "/" + folder)
        }
        try manager.createSymbolicLink(atPath: root + "/sys", withDestinationPath: source + "/sys")
        return try body(FixtureTree(root: root))
    }

    /// The copy's paths, as node_exporter's e2e test passes them.
    var paths: HostPaths {
        HostPaths(procfs: root + "/proc", sysfs: root + "/sys", rootfs: root, udevData: root + "/udev/data")
    }

    /// Replaces the file at `relative` (such as `proc/stat`).
    func write(_ relative: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: root + "/" + relative))
    }

    /// Replaces the file at `relative` with `text`.
    func write(_ relative: String, _ text: String) throws {
        try write(relative, Array(text.utf8))
    }

    /// The bytes of the file at `relative`.
    func read(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative)))
    }

    /// Removes the file at `relative`.
    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: root + "/" + relative)
    }
}
