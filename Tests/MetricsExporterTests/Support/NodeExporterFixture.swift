import Foundation
import Testing

/// node_exporter's fixture trees under `../shared/fixtures/node_exporter`, run the way their
/// README says the expected outputs were made: from a directory where `collector/fixtures` links
/// to the version folder, so that relative paths inside labels match.
enum NodeExporterFixture: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case v1_5_0 = "v1.5.0"
    case v1_12_1 = "v1.12.1"

    /// `<repo>/Tests/MetricsExporterTests/Support/…` → `<repo>/../shared/fixtures/node_exporter`.
    static let directory: String = {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(4)
        return components.joined(separator: "/") + "/../shared/fixtures/node_exporter"
    }()

    var testDescription: String { rawValue }

    var root: String { Self.directory + "/" + rawValue }

    /// The flags of upstream's e2e run that name paths, relative to `collector/fixtures`.
    static let pathFlags = [
        "--path.rootfs=collector/fixtures", "--path.procfs=collector/fixtures/proc",
        "--path.sysfs=collector/fixtures/sys", "--path.udev.data=collector/fixtures/udev/data",
    ]

    /// Runs `body` in a fresh directory holding `collector/fixtures` → this version's folder.
    func withWorkingDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
        let manager = FileManager.default
        let directory = manager.temporaryDirectory.appendingPathComponent("exporter-e2e-\(UUID().uuidString)").path
        try manager.createDirectory(atPath: directory + "/collector", withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: directory) }
        try manager.createSymbolicLink(atPath: directory + "/collector/fixtures", withDestinationPath: root)
        return try body(directory)
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
