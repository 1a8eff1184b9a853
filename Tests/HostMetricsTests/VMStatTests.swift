import HostMetrics
import Testing

/// `/proc/vmstat` against node_exporter's vmstat collector (its default fields).
@Suite struct VMStatTests {
    @Test(arguments: Fixture.allCases)
    func matchesNodeExporter(_ fixture: Fixture) throws {
        let vmStat = try VMStat.read(fixture.paths)
        #expect(vmStat.counters.count > 100)
        for expected in try fixture.expectedOutputs() {
            let families = expected.names(withPrefix: "node_vmstat_")
            #expect(families.count == 7)
            for family in families {
                let counter = String(family.dropFirst("node_vmstat_".count))
                #expect(vmStat[counter].map { Double($0) } == expected.value(family), "\(counter)")
            }
        }
    }
}
