@testable import HostMetrics
import Testing

/// node_exporter's regular expression options, matched as Go's `MatchString` matches.
@Suite struct NamePatternTests {
    @Test func matchesAnywhereUnlessAnchored() throws {
        let pattern = try NamePattern("pg.*fault", option: "o")
        #expect(pattern.matches("pgfault"))
        #expect(pattern.matches("nr_pgmajfault_x"))
        #expect(!pattern.matches("pgsteal"))
        let anchored = try NamePattern(DeviceFilter.diskstatsDefault.pattern, option: "o")
        #expect(anchored.matches("sda1"))
        #expect(anchored.matches("nvme0n1p2"))
        #expect(anchored.matches("loop7"))
        #expect(!anchored.matches("sda"))
        #expect(!anchored.matches("nvme0n1"))
        #expect(!anchored.matches("dm-0"))
    }

    @Test func answersTheSameAfterForgetting() throws {
        let pattern = try NamePattern("^veth[0-9]+$", option: "o")
        for round in 0..<2 {
            for index in 0..<5000 {
                #expect(pattern.matches("veth\(index)"), "round \(round)")
                #expect(!pattern.matches("eth\(index)"), "round \(round)")
            }
        }
    }

    @Test func deviceFiltersExcludeOrInclude() throws {
        let exclude = try DeviceFilter.exclude("^lo$").compiled(option: "--collector.netdev")
        #expect(exclude.ignores("lo"))
        #expect(!exclude.ignores("eth0"))
        let include = try DeviceFilter.include("^eth").compiled(option: "--collector.netdev")
        #expect(include.ignores("lo"))
        #expect(!include.ignores("eth0"))
        // An empty expression filters nothing, as node_exporter reads `--collector.netdev.device-exclude=`.
        for filter in [DeviceFilter.all, .exclude(""), .include("")] {
            #expect(try !filter.compiled(option: "o").ignores("lo"))
        }
        #expect(throws: HostMetricsError.self) {
            try DeviceFilter.include("(").compiled(option: "--collector.netdev")
        }
    }
}

extension DeviceFilter {
    /// The expression of an exclude or include filter.
    fileprivate var pattern: String {
        switch self {
        case .all: ""
        case .exclude(let pattern), .include(let pattern): pattern
        }
    }
}
