import HostMetrics
import ObservabilityTestSupport
import Testing

/// A node_exporter fixture tree under `../shared/fixtures/node_exporter` (relative to the
/// repository root) and the expected outputs that come with it.
enum Fixture: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case v1_5_0 = "v1.5.0"
    case v1_12_1 = "v1.12.1"

    static let directory = SharedFixtures.nodeExporter

    var testDescription: String { rawValue }

    /// The version's folder, which is also the rootfs.
    var root: String { Self.directory + "/" + rawValue }

    /// procfs, sysfs, rootfs and the udev database inside the folder, as upstream's e2e test passes them.
    var paths: HostPaths { HostPaths(procfs: root + "/proc", sysfs: root + "/sys", rootfs: root, udevData: root + "/udev/data") }

    /// The version's `e2e-output.txt`.
    func e2eOutput() throws -> ExpectedOutput {
        try ExpectedOutput(path: root + "/e2e-output.txt")
    }

    /// `proc-collectors-output.txt` (v1.5.0 only).
    static func procCollectorsOutput() throws -> ExpectedOutput {
        try ExpectedOutput(path: Fixture.v1_5_0.root + "/proc-collectors-output.txt")
    }
}

extension Fixture {
    /// Every expected output of the version that node_exporter produced from this tree:
    /// `e2e-output.txt`, and for v1.5.0 also `proc-collectors-output.txt`.
    func expectedOutputs() throws -> [ExpectedOutput] {
        self == .v1_5_0 ? [try e2eOutput(), try Fixture.procCollectorsOutput()] : [try e2eOutput()]
    }
}
