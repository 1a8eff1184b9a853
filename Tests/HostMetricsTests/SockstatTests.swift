import HostMetrics
import Testing

/// `/proc/net/sockstat` and `sockstat6` against node_exporter's sockstat collector.
@Suite struct SockstatTests {
    @Test(arguments: Fixture.allCases)
    func matchesNodeExporter(_ fixture: Fixture) throws {
        let v4 = try Sockstat.read(fixture.paths)
        let v6 = try Sockstat.read6(fixture.paths)
        #expect(v6.socketsUsed == nil)
        for expected in try fixture.expectedOutputs() {
            #expect(expected.value("node_sockstat_sockets_used") == v4.socketsUsed.map { Double($0) })
            var families: Set<String> = ["node_sockstat_sockets_used"]
            for proto in v4.protocols + v6.protocols {
                let counters: [(String, Double?)] = [
                    ("inuse", proto.inUse.map { Double($0) }), ("orphan", proto.orphan.map { Double($0) }),
                    ("tw", proto.timeWait.map { Double($0) }), ("alloc", proto.alloc.map { Double($0) }),
                    ("mem", proto.memPages.map { Double($0) }), ("mem_bytes", proto.memBytes),
                    ("memory", proto.memoryBytes.map { Double($0) }),
                ]
                for case let (key, value?) in counters {
                    let family = "node_sockstat_\(proto.name)_\(key)"
                    families.insert(family)
                    #expect(expected.value(family) == value, "\(family)")
                }
            }
            #expect(families == expected.names(withPrefix: "node_sockstat_"))
        }
    }

    @Test func malformedLinesAreTypedErrors() throws {
        #expect(try Sockstat(parsing: Array("TCP: inuse 1 future 9\n".utf8), path: "s").protocols.first?.inUse == 1)
        for bad in ["TCP inuse 1", "TCP: inuse", "TCP: inuse x", "TCP:", ": inuse 1"] {
            #expect(throws: HostMetricsError.self, "\(bad)") { try Sockstat(parsing: Array(bad.utf8), path: "s") }
        }
    }
}
