import Foundation
import Glibc
import HostMetrics
import Testing

/// Every reader against this machine's real `/proc` and `/sys`: the values must be sane and agree
/// with what the kernel says through other doors (sysconf, getrlimit, `/proc/sys/kernel`).
@Suite struct LiveProcTests {
    let now = Double(time(nil))

    @Test func kernelStat() throws {
        let stat = try KernelStat.read()
        #expect(stat.perCPU.count == sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #expect(stat.perCPU.map(\.cpu) == (try CPUList.readOnline()).map { Optional($0) })
        #expect(Double(stat.bootTime) > 1_000_000_000 && Double(stat.bootTime) < now)
        #expect(stat.total.idle > 0 && stat.contextSwitches > 0 && stat.processesCreated > 0 && stat.processesRunning >= 1)
        #expect(stat.softIRQTotal != nil && stat.softIRQs.count >= 10)
    }

    @Test func memory() throws {
        let memInfo = try MemInfo.read()
        // meminfo's MemTotal is the kernel's totalram pages, as sysconf reports them.
        let physicalBytes = UInt64(sysconf(Int32(_SC_PHYS_PAGES))) * UInt64(Sysconf.pageSize)
        #expect(memInfo["MemTotal"] == physicalBytes)
        let memory = try HostStats().virtualMemory()
        #expect(memory.total > 0 && memory.available <= memory.total && memory.used == memory.total - memory.available)
        #expect(memory.percent >= 0 && memory.percent <= 100)
        let swap = try HostStats().swapMemory()
        #expect(swap.used + swap.free == swap.total)
        let vmStat = try VMStat.read()
        #expect(vmStat["pgfault"] ?? 0 > 0)
        #expect(try ZoneInfo.read().lowWatermarkPages > 0)
    }

    @Test func loadDisksNetworkMounts() throws {
        let load = try LoadAverage.read()
        #expect(load.load1 >= 0 && load.load5 >= 0 && load.load15 >= 0)
        var loads = [Double](repeating: -1, count: 3)
        #expect(getloadavg(&loads, 3) == 3)
        #expect(abs(loads[2] - load.load15) < 1)
        let disks = try DiskStats.read()
        #expect(disks.allSatisfy { [11, 15, 17].contains($0.statCount) })
        let interfaces = try NetDevStats.read()
        #expect(interfaces.contains { $0.interface == "lo" })
        let mounts = try Mount.read()
        #expect(mounts.contains { $0.mountPoint == "/" })
        #expect(mounts.allSatisfy { $0.major != nil })
        #expect(try HostStats().diskUsage(path: "/").total > 0)
    }

    /// sysfs lists the interfaces /proc/net/dev lists, each with its index and MTU and (since
    /// Linux 4.6) rx_nohandler; the ARP table names only those; softnet has a line per CPU; the
    /// UDP and conntrack tables parse.
    @Test func interfacesAndNetworkTables() throws {
        let interfaces = Set(try NetDevStats.read().map(\.interface))
        #expect(Set(try NetClassInterface.interfaceNames()) == interfaces)
        for name in interfaces {
            let interface = try NetClassInterface.read(name: name)
            #expect(interface.ifIndex != nil && interface.mtu != nil && interface.type != nil && !interface.operState.isEmpty, "\(name)")
            #expect(try NetDevStats.readReceiveNoHandler(interface: name) != nil, "\(name)")
        }
        #expect(try NetClassInterface.read(name: "lo").ifIndex == 1)
        #expect(Set(try ARPEntry.read().map(\.device)).isSubset(of: interfaces))
        #expect(try SoftnetStat.read().count == sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        _ = try NetUDPSummary.readIPv4()
        let entropy = try Sysctl.value("kernel.random.entropy_avail")
        let poolSize = try Sysctl.value("kernel.random.poolsize")
        #expect(entropy > 0 && entropy <= poolSize)
        if FileManager.default.fileExists(atPath: "/proc/net/stat/nf_conntrack") {
            _ = try ConntrackStat.read()
        }
    }

    @Test func networkProtocols() throws {
        #expect(try NetStat.readSNMP()["Tcp"]?["ActiveOpens"] != nil)
        #expect(try NetStat.readNetstat()["TcpExt"] != nil)
        let sockstat = try Sockstat.read()
        #expect(sockstat.socketsUsed != nil && sockstat.protocols.contains { $0.name == "TCP" && $0.inUse != nil })
        let fileNr = try FileNr.read()
        #expect(fileNr.allocated > 0 && fileNr.allocated <= fileNr.maximum)
    }

    @Test func pressureIsPresentOrMissing() {
        for resource in PressureStats.Resource.allCases {
            do {
                let stats = try PressureStats.read(resource)
                #expect(stats.some != nil || stats.full != nil)
            } catch {
                // A kernel without CONFIG_PSI (or before 6.1 for irq) has no file.
                #expect(error == .fileMissing(path: "/proc/pressure/" + resource.rawValue))
            }
        }
    }

    @Test func systemIdentity() throws {
        let uname = try Uname.current()
        #expect(uname.sysname == "Linux")
        #expect(try Self.kernelText("osrelease") == uname.release)
        #expect(try Self.kernelText("hostname") == uname.nodename)
        #expect(try Self.kernelText("version") == uname.version)
        #expect(try Self.kernelText("domainname") == uname.domainname)
        let release = try OSRelease.read()
        #expect(!release.id.isEmpty)
        let zone = LocalTimeZone.current()
        #expect(!zone.abbreviation.isEmpty && abs(zone.offsetSeconds) <= 14 * 3600)
        let sources = try ClockSource.read()
        #expect(sources.first.map { $0.available.contains($0.current) } == true)
        #expect(try CPUInfo.read().count == sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    @Test func processes() throws {
        let counts = try ProcessCounts.read()
        #expect(counts.processes > 1 && counts.threads >= Int64(counts.processes))
        #expect(try ProcessCounts.processIDs().contains(getpid()))
        #expect(try Sysctl.value("kernel.pid_max") > 0)
        #expect(try HostStats().processCount() > 1)
    }

    @Test func thisProcess() throws {
        let resources = try ProcessResources.read()
        var limit = rlimit()
        #expect(getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0)
        #expect(resources.maxFileDescriptors == (limit.rlim_cur == rlim_t.max ? nil : UInt64(limit.rlim_cur)))
        #expect(resources.openFileDescriptors >= 3)
        #expect(resources.residentMemoryBytes > 0 && resources.virtualMemoryBytes >= UInt64(resources.residentMemoryBytes))
        #expect(resources.cpuSeconds > 0)
        let boot = try HostStats().bootTime()
        #expect(resources.startTimeSeconds >= boot && resources.startTimeSeconds <= now + 1)
        // getrlimit and self/limits agree; the start time is the same computation.
        let current = try ProcessResources.current(bootTime: try KernelStat.read().bootTime)
        #expect(current.maxFileDescriptors == resources.maxFileDescriptors)
        #expect(current.maxVirtualMemoryBytes == resources.maxVirtualMemoryBytes)
        #expect(current.startTimeSeconds == resources.startTimeSeconds)
        var usage = rusage()
        #expect(getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0)
        let seconds = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        let rusageSeconds = seconds + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        #expect(abs(rusageSeconds - resources.cpuSeconds) < 1)
        #expect(try ProcessStat.read(pid: "self").pid == getpid())
    }

    @Test func cpuPercentOverAnInterval() async throws {
        let host = HostStats()
        let percent = try await host.cpuPercent(interval: .milliseconds(200))
        #expect(percent >= 0 && percent <= 100)
        let perCPU = try await host.perCPUPercent(interval: .milliseconds(200))
        #expect(perCPU.count == sysconf(Int32(_SC_NPROCESSORS_ONLN)) && perCPU.values.allSatisfy { (0...100).contains($0) })
        await #expect(throws: HostMetricsError.invalidInterval(.zero)) { try await host.cpuPercent(interval: .zero) }
        let memory = try host.memoryPercent()
        #expect(memory > 0 && memory < 100)
        #expect((0...100).contains(try host.diskPercent(path: "/")))
    }

    private static func kernelText(_ name: String) throws -> String {
        try String(contentsOfFile: "/proc/sys/kernel/" + name, encoding: .utf8).trimmingCharacters(in: .newlines)
    }
}
