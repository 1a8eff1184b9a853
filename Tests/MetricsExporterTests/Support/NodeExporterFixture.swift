import Foundation
import ObservabilityTestSupport
import Testing

/// node_exporter's fixture trees under `../shared/fixtures/node_exporter`, run the way their
/// README says the expected outputs were made: from a directory where `collector/fixtures` links
/// to the version folder, so that relative paths inside labels match.
enum NodeExporterFixture: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case v1_5_0 = "v1.5.0"
    case v1_12_1 = "v1.12.1"

    static let directory = SharedFixtures.nodeExporter

    var testDescription: String { rawValue }

    var root: String { Self.directory + "/" + rawValue }

    /// The flags of upstream's e2e run that name paths, relative to `collector/fixtures`.
    static let pathFlags = [
        "--path.rootfs=collector/fixtures", "--path.procfs=collector/fixtures/proc",
        "--path.sysfs=collector/fixtures/sys", "--path.udev.data=collector/fixtures/udev/data",
    ]

    /// Runs `body` in a fresh directory holding `collector/fixtures` → this version's folder.
    /// The shared copy stores upstream's symlinks as small files holding the link target; the
    /// ones the exporter reads (`sys/class/net/eth0`) are made links again in a mirror of the
    /// tree whose other entries link to the original.
    func withWorkingDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
        let manager = FileManager.default
        let directory = manager.temporaryDirectory.appendingPathComponent("exporter-e2e-\(UUID().uuidString)").path
        try manager.createDirectory(atPath: directory + "/collector", withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: directory) }
        try Self.mirror(root, into: directory + "/collector/fixtures", restoringLinksIn: ["sys", "class", "net"])
        return try body(directory)
    }

    /// Recreates `source` at `destination` as a directory of links to its entries, except along
    /// `path`, which is recreated the same way one level down; in the directory `path` ends
    /// at, a file holding a relative link target becomes that link and other files are copied.
    private static func mirror(_ source: String, into destination: String, restoringLinksIn path: ArraySlice<String>) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: destination, withIntermediateDirectories: false)
        for name in try manager.contentsOfDirectory(atPath: source) {
            let (from, to) = (source + "/" + name, destination + "/" + name)
            if name == path.first {
                try mirror(from, into: to, restoringLinksIn: path.dropFirst())
            } else if path.isEmpty, let target = try linkTarget(storedIn: from) {
                try manager.createSymbolicLink(atPath: to, withDestinationPath: target)
            } else if path.isEmpty, try manager.attributesOfItem(atPath: from)[.type] as? FileAttributeType == .typeRegular {
                // A link would not be a regular file (`bonding_masters`).
                try manager.copyItem(atPath: from, toPath: to)
            } else {
                try manager.createSymbolicLink(atPath: to, withDestinationPath: from)
            }
        }
    }

    /// The link target a stored link holds: a regular file of one line starting with `../`.
    private static func linkTarget(storedIn path: String) throws -> String? {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        guard attributes[.type] as? FileAttributeType == .typeRegular, let size = attributes[.size] as? Int, size < 512 else { return nil }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.hasPrefix("../") && !text.dropLast().contains("\n") ? text.trimmingCharacters(in: .newlines) : nil
    }

    /// A file of the version folder as text.
    func text(_ name: String) throws -> String {
        try String(contentsOfFile: root + "/" + name, encoding: .utf8)
    }
}

/// Runs `grep -E -v pattern` on `text`, as the fixtures' README filters scrapes.
func grepOut(_ pattern: String, _ text: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["grep", "-E", "-v", pattern]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    let writer = Thread {
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
    }
    writer.start()
    let filtered = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: filtered, as: UTF8.self)
}
