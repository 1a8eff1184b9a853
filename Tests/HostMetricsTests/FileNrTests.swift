import HostMetrics
import Testing

/// `/proc/sys/fs/file-nr` against node_exporter's filefd collector, and `Sysctl`.
@Suite struct FileNrTests {
    @Test(arguments: Fixture.allCases)
    func matchesNodeExporter(_ fixture: Fixture) throws {
        let fileNr = try FileNr.read(fixture.paths)
        for expected in try fixture.expectedOutputs() {
            #expect(expected.value("node_filefd_allocated") == Double(fileNr.allocated))
            #expect(expected.value("node_filefd_maximum") == Double(fileNr.maximum))
        }
        #expect(try Sysctl.values("fs.file-nr", fixture.paths) == [fileNr.allocated, fileNr.unused, fileNr.maximum])
        #expect(throws: HostMetricsError.self) { try Sysctl.value("fs.file-nr", fixture.paths) }
    }

    @Test func wrongCountsAreTypedErrors() {
        for bad in ["1 2", "1 2 3 4", "a b c", ""] {
            #expect(throws: HostMetricsError.self, "\(bad)") { try FileNr(parsing: Array(bad.utf8)) }
        }
    }
}
