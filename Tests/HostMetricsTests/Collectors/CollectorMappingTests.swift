@testable import HostMetrics
import Logging
import PrometheusMetrics
import Testing

/// Each collector's mapping from parsed structs to node_exporter's families, fed structs parsed
/// from text written here for the case at hand.
@Suite struct CollectorMappingTests {
    let configuration = NodeCollector.Configuration(paths: Fixture.v1_5_0.paths)
    let logger = Logger(label: "test")

    private func families<C: Collector>(_ collector: C, _ reading: C.Reading) -> CollectedFamilies {
        var families: [CollectedFamily] = []
        collector.collect(reading, into: &families)
        return CollectedFamilies(families)
    }

    @Test func meminfoSpellsFieldsAsNodeExporterDoes() throws {
        let memInfo = try MemInfo(parsing: Array("MemTotal: 2 kB\nActive(anon): 3 kB\nHugePages_Total: 4\nFake_total: 5\n".utf8))
        let families = families(MeminfoCollector(configuration: configuration, logger: logger), memInfo)
        #expect(families.value("node_memory_MemTotal_bytes") == 2048)
        #expect(families.value("node_memory_Active_anon_bytes") == 3072)
        #expect(families.value("node_memory_HugePages_Total") == 4)
        #expect(families["node_memory_Active_anon_bytes"]?.help == "Memory information field Active_anon_bytes.")
        #expect(families["node_memory_MemTotal_bytes"]?.type == .gauge)
        // node_exporter makes a counter of a field whose name ends in _total.
        #expect(families["node_memory_Fake_total"]?.type == .counter)
    }

    @Test func sockstatPublishesMemoryInBytesAndInuseAlways() throws {
        let ipv4 = try Sockstat(parsing: Array("sockets: used 7\nTCP: orphan 1 mem 2\nFRAG: inuse 0 memory 9\n".utf8), path: "s")
        let ipv6 = try Sockstat(parsing: Array("TCP6: inuse 3\n".utf8), path: "s6")
        let families = families(SockstatCollector(configuration: configuration, logger: logger), .init(ipv4: ipv4, ipv6: ipv6))
        #expect(families.value("node_sockstat_sockets_used") == 7)
        #expect(families.value("node_sockstat_TCP_inuse") == 0)
        #expect(families.value("node_sockstat_TCP_orphan") == 1)
        #expect(families.value("node_sockstat_TCP_mem") == 2)
        #expect(families.value("node_sockstat_TCP_mem_bytes") == Double(2 * Sysconf.pageSize))
        #expect(families.value("node_sockstat_FRAG_memory") == 9)
        #expect(families.value("node_sockstat_TCP6_inuse") == 3)
        #expect(families["node_sockstat_TCP_tw"] == nil)
        #expect(families["node_sockstat_TCP6_inuse"]?.help == "Number of TCP6 sockets in state inuse.")
    }

    @Test func netstatSelectsFieldsAndNamesThemByProtocol() throws {
        var configuration = configuration
        configuration.netstatFields = "^(Tcp_InSegs|Ip6_InOctets|TcpExt_Listen.*)$"
        let tcp = try NetStat(parsingPairs: Array("Tcp: InSegs OutSegs\nTcp: 5 6\nTcpExt: ListenDrops Other\nTcpExt: 7 8\n".utf8), path: "n")
        let ip6 = try NetStat(parsingSNMP6: Array("Ip6InOctets 9\nIp6OutOctets 10\n".utf8))
        let families = families(try NetStatCollector(configuration: configuration, logger: logger), tcp.protocols + ip6.protocols)
        #expect(families.names == ["node_netstat_Tcp_InSegs", "node_netstat_TcpExt_ListenDrops", "node_netstat_Ip6_InOctets"])
        #expect(families.value("node_netstat_Tcp_InSegs") == 5)
        #expect(families["node_netstat_Tcp_InSegs"]?.help == "Statistic TcpInSegs.")
        #expect(families["node_netstat_Tcp_InSegs"]?.type == .untyped)
    }

    @Test func osVersionIsTheMajorMinorPrefix() {
        #expect(OSCollector.majorMinor("20.04") == 20.04)
        #expect(OSCollector.majorMinor("7.9.2009") == 7.9)
        #expect(OSCollector.majorMinor("12") == 12)
        #expect(OSCollector.majorMinor("20.") == 20)
        #expect(OSCollector.majorMinor("rolling") == nil)
        #expect(OSCollector.majorMinor("") == nil)
    }

    @Test func osPublishesNoVersionWithoutANumber() throws {
        let release = try OSRelease(parsing: Array("NAME=Arch\nID=arch\nVERSION_ID=rolling\n".utf8))
        let families = families(OSCollector(configuration: configuration, logger: logger), release)
        #expect(families.value("node_os_info", [
            "build_id": "", "id": "arch", "id_like": "", "image_id": "", "image_version": "", "name": "Arch", "pretty_name": "",
            "variant": "", "variant_id": "", "version": "", "version_codename": "", "version_id": "rolling",
        ]) == 1)
        #expect(families["node_os_version"] == nil)
    }

    /// node_exporter decodes only `\040` and `\011`, only in mount points; the kernel's other
    /// escapes stay as it wrote them.
    @Test func mountFieldsKeepTheKernelsOtherEscapes() {
        #expect(FilesystemCollector.escaped("/a b\tc", keepingBlanks: true) == "/a b\tc")
        #expect(FilesystemCollector.escaped("/a\\b\nc", keepingBlanks: true) == "/a\\134b\\012c")
        #expect(FilesystemCollector.escaped("my dev\t1", keepingBlanks: false) == "my\\040dev\\0111")
        #expect(FilesystemCollector.escaped("/plain", keepingBlanks: false) == "/plain")
        #expect(FilesystemCollector.escaped("/é", keepingBlanks: false) == "/é")
    }

    /// Older kernels report 11 statistics, newer 15 and 17: a device has only the families its
    /// line has.
    @Test func diskstatsPublishesOnlyTheStatisticsALineHas() throws {
        let lines = """
               8       0 sda 1 2 3 4 5 6 7 8 9 10 11
               8      16 sdb 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17

            """
        let devices = try DiskStats.parse(Array(lines.utf8)).map { DiskstatsCollector.Device(stats: $0, udev: [:]) }
        let families = families(try DiskstatsCollector(configuration: configuration, logger: logger), devices)
        #expect(families.series("node_disk_io_time_weighted_seconds_total").count == 2)
        #expect(families.series("node_disk_discards_completed_total") == [["device": "sdb"]])
        #expect(families.value("node_disk_flush_requests_time_seconds_total", ["device": "sdb"]) == 0.017)
        #expect(families.value("node_disk_read_bytes_total", ["device": "sda"]) == 1536)
        #expect(families.value("node_disk_info", [
            "device": "sda", "major": "8", "minor": "0", "path": "", "wwn": "", "model": "", "serial": "", "revision": "",
        ]) == 1)
        #expect(families["node_disk_ata_write_cache"]?.metrics.isEmpty == true)
    }

    /// The udev database names the disk and says what is on it.
    @Test func diskstatsLabelsDevicesFromUdev() throws {
        let stats = try DiskStats.parse(Array("8 0 sda 1 2 3 4 5 6 7 8 9 10 11\n".utf8))
        let udev = [
            "ID_SERIAL_SHORT": "short", "ID_MODEL": "Disk", "ID_ATA": "1", "ID_ATA_ROTATION_RATE_RPM": "5400",
            "ID_ATA_WRITE_CACHE": "not a number", "ID_FS_TYPE": "ext4", "DM_NAME": "vg-root",
        ]
        let families = families(try DiskstatsCollector(configuration: configuration, logger: logger), [.init(stats: stats[0], udev: udev)])
        #expect(families.series("node_disk_info").first?["serial"] == "short")
        #expect(families.series("node_disk_info").first?["model"] == "Disk")
        #expect(families.value("node_disk_ata_rotation_rate_rpm", ["device": "sda"]) == 5400)
        #expect(families["node_disk_ata_write_cache"]?.metrics.isEmpty == true)
        #expect(families.series("node_disk_filesystem_info") == [["device": "sda", "type": "ext4", "usage": "", "uuid": "", "version": ""]])
        #expect(families.series("node_disk_device_mapper_info").first?["name"] == "vg-root")
    }

    @Test func statPublishesSoftirqVectorsWhenAsked() throws {
        var configuration = configuration
        configuration.statSoftIRQ = true
        let stat = try KernelStat(parsing: Array("""
            cpu 1 2 3 4
            intr 5
            ctxt 6
            btime 7
            processes 8
            procs_running 9
            procs_blocked 10
            softirq 55 1 2 3 4 5 6 7 8 9 10

            """.utf8))
        let families = families(StatCollector(configuration: configuration, logger: logger), stat)
        #expect(families.value("node_softirqs_total", ["vector": "hi"]) == 1)
        #expect(families.value("node_softirqs_total", ["vector": "block_iopoll"]) == 6)
        #expect(families.value("node_softirqs_total", ["vector": "rcu"]) == 10)
        #expect(families.value("node_forks_total") == 8)
        #expect(families["node_forks_total"]?.type == .counter)
        #expect(families["node_procs_running"]?.type == .gauge)
    }

    /// An unknown speed (-1) is -125000 bytes, as node_exporter 1.5.0 publishes it, unless
    /// `--collector.netclass.ignore-invalid-speed`; a property the interface lacks is no series.
    @Test func netclassSpeedsAndMissingProperties() throws {
        var eth0 = NetClassInterface(name: "eth0")
        eth0.speed = 1000
        eth0.operState = "up"
        eth0.mtu = 9000
        var veth = NetClassInterface(name: "veth0")
        veth.speed = -1
        veth.operState = "lowerlayerdown"
        let published = families(try NetClassCollector(configuration: configuration, logger: logger), [eth0, veth])
        #expect(published.value("node_network_speed_bytes", ["device": "eth0"]) == 125_000_000)
        #expect(published.value("node_network_speed_bytes", ["device": "veth0"]) == -125_000)
        #expect(published.value("node_network_up", ["device": "eth0"]) == 1)
        #expect(published.value("node_network_up", ["device": "veth0"]) == 0)
        #expect(published.series("node_network_mtu_bytes") == [["device": "eth0"]])
        #expect(published["node_network_carrier"]?.metrics.isEmpty == true)
        #expect(published["node_network_carrier_changes_total"]?.type == .counter)
        #expect(published["node_network_mtu_bytes"]?.help == "Network device property: mtu_bytes")
        #expect(published.value("node_network_info", [
            "device": "veth0", "address": "", "broadcast": "", "duplex": "", "operstate": "lowerlayerdown", "ifalias": "",
        ]) == 1)
        var ignoring = configuration
        ignoring.netclassIgnoresInvalidSpeed = true
        let ignored = families(try NetClassCollector(configuration: ignoring, logger: logger), [eth0, veth])
        #expect(ignored.series("node_network_speed_bytes") == [["device": "eth0"]])
    }

    @Test func netclassLeavesOutIgnoredDevices() throws {
        var configuration = configuration
        configuration.netclassIgnoredDevices = "^(dmz|int)$"
        let interfaces = try NetClassCollector(configuration: configuration, logger: logger).read()
        #expect(interfaces.map(\.name) == ["bond0"])
        configuration.netclassIgnoredDevices = "("
        #expect(throws: HostMetricsError.self) { try NetClassCollector(configuration: configuration, logger: logger) }
    }

    /// netdev's default (netlink) mode adds receive_nohandler where sysfs has it;
    /// `--no-collector.netdev.netlink` publishes /proc/net/dev alone.
    @Test func netdevAddsReceiveNoHandlerInNetlinkMode() throws {
        let stats = try NetDevStats.parse(Array("eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\nlo: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n".utf8))
        let interfaces = [NetDevCollector.Interface(stats: stats[0], receiveNoHandler: 17), NetDevCollector.Interface(stats: stats[1], receiveNoHandler: nil)]
        let netlink = families(try NetDevCollector(configuration: configuration, logger: logger), interfaces)
        #expect(netlink.series("node_network_receive_nohandler_total") == [["device": "eth0"]])
        #expect(netlink.value("node_network_receive_nohandler_total", ["device": "eth0"]) == 17)
        #expect(netlink["node_network_receive_nohandler_total"]?.help == "Network device statistic receive_nohandler.")
        #expect(netlink.value("node_network_transmit_compressed_total", ["device": "eth0"]) == 16)
        var proc = configuration
        proc.netdevNetlink = false
        let procOnly = families(try NetDevCollector(configuration: proc, logger: logger), interfaces)
        #expect(procOnly["node_network_receive_nohandler_total"] == nil)
        #expect(procOnly.names.count == 16)
    }

    /// adjtimex's units become seconds, ratios and hertz; offset and jitter are nanoseconds
    /// when STA_NANO is set.
    @Test func timexConvertsTheKernelsUnits() throws {
        var timex = Timex(
            state: 5, offset: 1500, frequency: 65536 * 10, maximumError: 16_000_000, estimatedError: 500, status: 0x40, constant: 7,
            tick: 10000, ppsFrequency: 65536, jitter: 2000, shift: 4, stability: 65536 * 2, jitterCount: 1, calibrationCount: 2,
            errorCount: 3, stabilityExceededCount: 4, taiOffset: 37
        )
        let collector = TimexCollector(configuration: configuration, logger: logger)
        var published = families(collector, timex)
        #expect(published.all.count == 17)
        #expect(published.value("node_timex_sync_status") == 0)
        #expect(published.value("node_timex_offset_seconds") == 0.0015)
        #expect(published.value("node_timex_pps_jitter_seconds") == 0.002)
        #expect(published.value("node_timex_frequency_adjustment_ratio") == 1.00001)
        #expect(published.value("node_timex_maxerror_seconds") == 16)
        #expect(published.value("node_timex_estimated_error_seconds") == 0.0005)
        #expect(published.value("node_timex_tick_seconds") == 0.01)
        #expect(published.value("node_timex_pps_frequency_hertz") == 0.000001)
        #expect(published.value("node_timex_pps_stability_hertz") == 0.000002)
        #expect(published.value("node_timex_status") == 64 && published.value("node_timex_loop_time_constant") == 7)
        #expect(published.value("node_timex_pps_shift_seconds") == 4 && published.value("node_timex_tai_offset_seconds") == 37)
        #expect(published.value("node_timex_pps_stability_exceeded_total") == 4)
        #expect(published["node_timex_pps_error_total"]?.type == .counter && published["node_timex_status"]?.type == .gauge)
        timex.state = 0
        timex.status = Timex.nanosecondResolution
        published = families(collector, timex)
        #expect(published.value("node_timex_sync_status") == 1)
        #expect(published.value("node_timex_offset_seconds") == 0.0000015)
    }

    @Test func udpQueuesPerIPVersionAndQueue() throws {
        let collector = UDPQueuesCollector(configuration: configuration, logger: logger)
        let summary = NetUDPSummary(transmitQueueLength: 21, receiveQueueLength: 3, usedSockets: 2)
        let published = families(collector, .init(ipv4: summary, ipv6: nil))
        #expect(published.series("node_udp_queues") == [["queue": "tx", "ip": "v4"], ["queue": "rx", "ip": "v4"]])
        #expect(published.value("node_udp_queues", ["queue": "rx", "ip": "v4"]) == 3)
        try FixtureTree.with { tree in
            try tree.remove("proc/net/udp")
            let missing = UDPQueuesCollector(configuration: .init(paths: tree.paths), logger: logger)
            #expect(throws: HostMetricsError.fileMissing(path: tree.paths.procfs("net/udp6"))) { try missing.read() }
            #expect(UDPQueuesCollector.isNoData(.fileMissing(path: "x")))
        }
    }

    @Test func conntrackWithoutStatisticsAndArpDeviceFilter() throws {
        let conntrack = families(ConntrackCollector(configuration: configuration, logger: logger), .init(entries: 3, limit: 9, statistics: nil))
        #expect(conntrack.names == ["node_nf_conntrack_entries", "node_nf_conntrack_entries_limit"])
        var configuration = configuration
        configuration.arpDevices = .exclude("^eth1$")
        let entries = try ARPEntry.read(Fixture.v1_5_0.paths)
        let arp = families(try ARPCollector(configuration: configuration, logger: logger), entries)
        #expect(arp.series("node_arp_entries").compactMap { $0["device"] }.sorted() == ["eth0", "nope"])
        #expect(arp.value("node_arp_entries", ["device": "eth0"]) == 3)
    }
}
