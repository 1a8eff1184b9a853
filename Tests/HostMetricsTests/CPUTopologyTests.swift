import HostMetrics
import Testing

/// The cpu collector's sysfs and cpuinfo sources: thermal throttles, isolated CPUs and
/// `node_cpu_info`.
@Suite struct CPUTopologyTests {
    @Test(arguments: Fixture.allCases)
    func thermalThrottlesMatchNodeExporter(_ fixture: Fixture) throws {
        let throttle = try ThermalThrottle.read(fixture.paths)
        #expect(throttle.cores.count == 4 && throttle.packages.count == 2)
        for expected in try fixture.expectedOutputs() {
            #expect(expected.samples("node_cpu_core_throttles_total").count == throttle.cores.count)
            for core in throttle.cores {
                #expect(expected.value("node_cpu_core_throttles_total", ["package": String(core.package), "core": String(core.core)]) == Double(core.throttles))
            }
            #expect(expected.samples("node_cpu_package_throttles_total").count == throttle.packages.count)
            for package in throttle.packages {
                #expect(expected.value("node_cpu_package_throttles_total", ["package": String(package.package)]) == Double(package.throttles))
            }
        }
    }

    @Test(arguments: Fixture.allCases)
    func isolatedAndOnlineCPUs(_ fixture: Fixture) throws {
        let isolated = try CPUList.readIsolated(fixture.paths)
        #expect(isolated == [1, 3, 4, 5, 9])
        for expected in try fixture.expectedOutputs() {
            #expect(Set(expected.samples("node_cpu_isolated").compactMap { $0.labels["cpu"] }) == Set(isolated.map(String.init)))
        }
        if fixture == .v1_12_1 {
            #expect(try CPUList.readOnline(fixture.paths) == [0, 1, 2, 3])
        } else {
            #expect(throws: HostMetricsError.fileMissing(path: fixture.paths.sysfs("devices/system/cpu/online"))) {
                try CPUList.readOnline(fixture.paths)
            }
        }
    }

    @Test func cpuListShapes() throws {
        #expect(try CPUList.parse(Array("\n".utf8), path: "c") == [])
        #expect(try CPUList.parse(Array("0-2,2,7\n".utf8), path: "c") == [0, 1, 2, 7])
        #expect(try CPUList.parse(Array("8-9,0-3,2-5,5\n".utf8), path: "c") == [0, 1, 2, 3, 4, 5, 8, 9])
        // A list naming every CPU thousands of times is as cheap as naming them once.
        let repeated = Array(repeating: "0-65535", count: 8192).joined(separator: ",") + "\n"
        #expect(try CPUList.parse(Array(repeated.utf8), path: "c") == Array(0...65535))
        for bad in ["3-1", "a", "1,,2", "0-99999999", "-1", "1-"] {
            #expect(throws: HostMetricsError.self, "\(bad)") { try CPUList.parse(Array(bad.utf8), path: "c") }
        }
    }

    @Test(arguments: Fixture.allCases)
    func cpuInfoMatchesNodeExporter(_ fixture: Fixture) throws {
        let cpus = try CPUInfo.read(fixture.paths)
        #expect(cpus.map(\.processor) == Array(0...7))
        let expected = try fixture.e2eOutput()
        #expect(expected.samples("node_cpu_info").count == cpus.count)
        for cpu in cpus {
            let labels = [
                "package": cpu.physicalID, "core": cpu.coreID, "cpu": String(cpu.processor), "vendor": cpu.vendorID,
                "family": cpu.cpuFamily, "model": cpu.model, "model_name": cpu.modelName, "microcode": cpu.microcode,
                "stepping": cpu.stepping, "cachesize": cpu.cacheSize,
            ]
            #expect(expected.value("node_cpu_info", labels) == 1, "cpu \(cpu.processor)")
        }
        // The e2e run's --collector.cpu.info.flags-include and bugs-include, applied to the first CPU.
        let flags = try Regex("^(aes|avx.?|constant_tsc)$")
        let bugs = try Regex("^(cpu_meltdown|spectre_.*|mds)$")
        let first = try #require(cpus.first)
        #expect(Set(first.flags.filter { (try? flags.wholeMatch(in: $0)) != nil }) == Set(expected.samples("node_cpu_flag_info").compactMap { $0.labels["flag"] }))
        #expect(Set(first.bugs.filter { (try? bugs.wholeMatch(in: $0)) != nil }) == Set(expected.samples("node_cpu_bug_info").compactMap { $0.labels["bug"] }))
        #expect(first.cpuMHz == 799.998)
    }

    @Test(arguments: Fixture.allCases)
    func clockSourcesMatchNodeExporter(_ fixture: Fixture) throws {
        let sources = try ClockSource.read(fixture.paths)
        #expect(sources.count == 1)
        for expected in try fixture.expectedOutputs() {
            for source in sources {
                let device = String(source.device)
                #expect(expected.value("node_time_clocksource_current_info", ["clocksource": source.current, "device": device]) == 1)
                #expect(Set(expected.samples("node_time_clocksource_available_info").compactMap { $0.labels["clocksource"] }) == Set(source.available))
            }
        }
    }
}
