import HostMetrics
import Testing

/// `/proc/meminfo` against node_exporter's meminfo collector.
@Suite struct MemInfoTests {
    /// node_exporter's name: `Active(anon)` → `Active_anon`, `_bytes` for kB fields.
    static func family(_ field: MemInfo.Field) -> String {
        var name = field.name
        if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            name = name[..<open] + "_" + name[name.index(after: open)..<name.index(before: name.endIndex)]
        }
        return "node_memory_" + name + (field.isKilobytes ? "_bytes" : "")
    }

    @Test(arguments: Fixture.allCases)
    func everyFieldMatchesNodeExporter(_ fixture: Fixture) throws {
        let memInfo = try MemInfo.read(fixture.paths)
        #expect(memInfo.fields.count > 40)
        for expected in try fixture.expectedOutputs() {
            // The same set of families: nothing missing, nothing extra.
            #expect(Set(memInfo.fields.map(Self.family)) == expected.names(withPrefix: "node_memory_").filter { !$0.hasPrefix("node_memory_numa") })
            for field in memInfo.fields {
                #expect(expected.value(Self.family(field)) == Double(field.value) * (field.isKilobytes ? 1024 : 1), "\(field.name)")
                #expect(Double(field.bytes) == Double(field.value) * (field.isKilobytes ? 1024 : 1))
            }
        }
        #expect(memInfo["MemTotal"] == UInt64(3_742_148 * 1024))
        #expect(memInfo["HugePages_Total"] == UInt64(0))
        #expect(memInfo["NoSuchField"] == nil)
    }

    @Test func blankLinesAreSkippedAndOtherShapesRejected() throws {
        let memInfo = try MemInfo(parsing: Array("MemTotal: 10 kB\n\nHugePages_Free: 3\n".utf8))
        #expect(memInfo.fields.map(\.name) == ["MemTotal", "HugePages_Free"])
        #expect(memInfo["MemTotal"] == UInt64(10240) && memInfo["HugePages_Free"] == UInt64(3))
        for bad in ["MemTotal 10 kB", "MemTotal: ten kB", "MemTotal: 10 MB", "MemTotal: 10 kB extra", ": 10", "MemTotal: 18014398509481984 kB"] {
            #expect(throws: HostMetricsError.self, "\(bad)") { try MemInfo(parsing: Array(bad.utf8)) }
        }
    }
}
