import HostMetrics
@testable import metrics_exporter
import Testing

/// node_exporter's command line, as its users type it, parsed by the exporter.
@Suite struct FlagTests {
    private func parse(_ arguments: [String]) throws -> MetricsExporter {
        try MetricsExporter.parse(NodeExporterArguments.normalized(arguments))
    }

    @Test func readsNodeExportersDefaults() throws {
        let command = try parse([])
        #expect(command.web.listenAddress == ":9100")
        #expect(command.web.telemetryPath == "/metrics")
        #expect(command.web.maxRequests == 40)
        #expect(command.path.paths == HostPaths())
        #expect(command.collector.collectors == NodeCollector.defaultCollectors)
        #expect(command.log.level == .info)
        let configuration = try command.collector.configuration(paths: HostPaths())
        #expect(configuration.diskstatsDevices == .diskstatsDefault)
        #expect(configuration.netdevDevices == .all)
        #expect(configuration.filesystemMountTimeout == .seconds(5))
    }

    @Test func readsFlagsWithEqualsOrSpace() throws {
        let command = try parse([
            "--web.listen-address=:9200", "--web.telemetry-path", "/node", "--web.max-requests=3", "--path.procfs=/host/proc",
            "--path.rootfs", "/host", "--log.level=warn", "--collector.filesystem.mount-timeout=1m30s",
        ])
        #expect(command.web.listenAddress == ":9200")
        #expect(command.web.telemetryPath == "/node")
        #expect(command.web.maxRequests == 3)
        #expect(command.path.paths == HostPaths(procfs: "/host/proc", rootfs: "/host"))
        #expect(command.log.level == .warn)
        #expect(try command.collector.configuration(paths: HostPaths()).filesystemMountTimeout == .seconds(90))
    }

    @Test func turnsCollectorsOnAndOff() throws {
        #expect(try parse(["--no-collector.filesystem", "--collector.processes"]).collector.collectors
            == NodeCollector.defaultCollectors.subtracting(["filesystem"]).union(["processes"]))
        #expect(try parse(["--collector.disable-defaults", "--collector.cpu", "--collector.meminfo"]).collector.collectors == ["cpu", "meminfo"])
    }

    @Test func readsDeviceFiltersAsNodeExporterDoes() throws {
        func filters(_ arguments: [String]) throws -> (diskstats: DeviceFilter, netdev: DeviceFilter) {
            let configuration = try parse(arguments).collector.configuration(paths: HostPaths())
            return (configuration.diskstatsDevices, configuration.netdevDevices)
        }
        // An empty value (`--flag=`) filters nothing.
        #expect(try filters(["--collector.netdev.device-exclude="]).netdev == .all)
        #expect(try filters(["--collector.diskstats.device-exclude="]).diskstats == .all)
        // Only an `=` with nothing after it is an empty value; a value may end in `=`.
        #expect(try parse(["--collector.vmstat.fields=^x="]).collector.vmstatFields == "^x=")
        #expect(try filters(["--collector.netdev.device-exclude=a=b="]).netdev == .exclude("a=b="))
        #expect(try filters(["--collector.netdev.device-exclude=^lo$"]).netdev == .exclude("^lo$"))
        // An include replaces diskstats' default exclude.
        #expect(try filters(["--collector.diskstats.device-include=^sd"]).diskstats == .include("^sd"))
        #expect(throws: (any Error).self) {
            try parse(["--collector.netdev.device-exclude=^lo$", "--collector.netdev.device-include=^eth"])
        }
    }

    /// node_exporter 1.5.0 still reads three hidden, deprecated spellings (with a warning), and
    /// refuses each beside its replacement when the collector runs.
    @Test func readsNodeExportersDeprecatedSpellings() throws {
        let command = try parse([
            "--collector.filesystem.ignored-mount-points=^/old", "--collector.filesystem.ignored-fs-types=^oldfs$",
            "--collector.diskstats.ignored-devices=^ram",
        ])
        let configuration = try command.collector.configuration(paths: HostPaths())
        #expect(configuration.filesystemMountPointsExclude == "^/old")
        #expect(configuration.filesystemFSTypesExclude == "^oldfs$")
        #expect(configuration.diskstatsDevices == .exclude("^ram"))
        #expect(command.collector.deprecatedFlags.map(\.replacement) == [
            "collector.diskstats.device-exclude", "collector.filesystem.mount-points-exclude", "collector.filesystem.fs-types-exclude",
        ])
        let defaults = try parse(["--collector.filesystem.ignored-mount-points="]).collector
        #expect(defaults.deprecatedFlags.isEmpty)
        #expect(try defaults.configuration(paths: HostPaths()).filesystemMountPointsExclude == NodeCollector.Configuration().filesystemMountPointsExclude)
        #expect(throws: (any Error).self) {
            try parse(["--collector.filesystem.ignored-mount-points=^/a", "--collector.filesystem.mount-points-exclude=^/b"])
        }
        #expect(throws: (any Error).self) { try parse(["--collector.diskstats.ignored-devices=^a", "--collector.diskstats.device-exclude=^b"]) }
        #expect(throws: (any Error).self) { try parse(["--collector.diskstats.ignored-devices=^a", "--collector.diskstats.device-include=^b"]) }
        // As in node_exporter, only a collector that runs checks its flags.
        #expect(throws: Never.self) {
            try parse(["--no-collector.filesystem", "--collector.filesystem.ignored-fs-types=^a", "--collector.filesystem.fs-types-exclude=^b"])
        }
    }

    @Test func readsTheOptionsOfTheNetworkAndTextfileCollectors() throws {
        let defaults = try parse([]).collector.configuration(paths: HostPaths())
        #expect(defaults.arpDevices == .all)
        #expect(defaults.netclassIgnoredDevices == "^$")
        #expect(!defaults.netclassIgnoresInvalidSpeed)
        #expect(defaults.netdevNetlink)
        #expect(defaults.textfileDirectory == "")
        let configuration = try parse([
            "--collector.arp.device-exclude=nope", "--collector.netclass.ignored-devices=(dmz|int)",
            "--collector.netclass.ignore-invalid-speed", "--no-collector.netdev.netlink",
            "--collector.textfile.directory", "/var/lib/node_exporter", "--no-collector.netclass.netlink",
        ]).collector.configuration(paths: HostPaths())
        #expect(configuration.arpDevices == .exclude("nope"))
        #expect(configuration.netclassIgnoredDevices == "(dmz|int)")
        #expect(configuration.netclassIgnoresInvalidSpeed)
        #expect(!configuration.netdevNetlink)
        #expect(configuration.textfileDirectory == "/var/lib/node_exporter")
        #expect(try parse(["--collector.netdev.netlink"]).collector.configuration(paths: HostPaths()).netdevNetlink)
        #expect(try parse(["--collector.arp.device-include=^eth"]).collector.configuration(paths: HostPaths()).arpDevices == .include("^eth"))
        #expect(try parse(["--no-collector.timex", "--no-collector.udp_queues"]).collector.collectors
            == NodeCollector.defaultCollectors.subtracting(["timex", "udp_queues"]))
        #expect(throws: (any Error).self) { try parse(["--collector.netclass.netlink"]) }
        // netdev's two optional outputs are not published: their defaults are accepted, turning one on is refused.
        #expect(throws: Never.self) { try parse(["--no-collector.netdev.address-info", "--no-collector.netdev.enable-detailed-metrics"]) }
        #expect(throws: (any Error).self) { try parse(["--collector.netdev.address-info"]) }
        #expect(throws: (any Error).self) { try parse(["--collector.netdev.enable-detailed-metrics"]) }
        #expect(throws: (any Error).self) { try parse(["--collector.arp.device-exclude=a", "--collector.arp.device-include=b"]) }
    }

    @Test func acceptsNodeExportersOtherCollectorsAndRefusesUnknownFlags() throws {
        let command = try parse(["--no-collector.wifi", "--collector.systemd", "--no-collector.netdev.netlink"])
        #expect(command.otherCollectorFlags == ["--no-collector.wifi", "--collector.systemd"])
        #expect(throws: (any Error).self) { try parse(["--collector.wifi.fixtures=/x"]) }
        #expect(throws: (any Error).self) { try parse(["--web.listen-adress=:9100"]) }
        #expect(throws: (any Error).self) { try parse(["--log.level=verbose"]) }
        #expect(throws: (any Error).self) { try parse(["--web.listen-address=9100"]) }
        // Go's runtime knob is accepted (and has nothing to tune here).
        #expect(try parse(["--runtime.gomaxprocs=2"]).goMaxProcs == 2)
        // node_exporter's TLS/auth file and socket activation: an empty file is its default and accepted.
        #expect(throws: Never.self) { try parse(["--web.config.file="]) }
        #expect(throws: (any Error).self) { try parse(["--web.config.file=/etc/node_exporter/web.yml"]) }
        #expect(throws: (any Error).self) { try parse(["--web.systemd-socket"]) }
        // node_exporter listens on every address given; this exporter on one, so two are refused.
        #expect(throws: (any Error).self) { try parse(["--web.listen-address=:9100", "--web.listen-address=127.0.0.1:9200"]) }
        #expect(try parse(["--web.listen-address=127.0.0.1:9200"]).web.listenAddress == "127.0.0.1:9200")
    }

    @Test func readsListenAddressesAsGoDoes() throws {
        let all = try ListenAddress(parsing: ":9100")
        #expect(all.port == 9100)
        #expect(all.host == "::" || all.host == "0.0.0.0")
        #expect(try ListenAddress(parsing: "127.0.0.1:0") == ListenAddress(parsing: "127.0.0.1:0"))
        #expect(try ListenAddress(parsing: "[::1]:9100").host == "::1")
        #expect(try ListenAddress(parsing: "localhost:19100").host == "localhost")
        for invalid in ["9100", "::1:9100", "host:99999", "host:port", ""] {
            #expect(throws: (any Error).self, "\(invalid)") { try ListenAddress(parsing: invalid) }
        }
    }

    @Test func readsGoDurations() throws {
        #expect(try GoDuration.parse("5s") == .seconds(5))
        #expect(try GoDuration.parse("1.5s") == .milliseconds(1500))
        #expect(try GoDuration.parse("300ms") == .milliseconds(300))
        #expect(try GoDuration.parse("1h2m3s") == .seconds(3723))
        #expect(try GoDuration.parse("0") == .zero)
        for invalid in ["", "5", "s", "5x", "1..5s"] {
            #expect(throws: (any Error).self, "\(invalid)") { try GoDuration.parse(invalid) }
        }
    }

    @Test func exitsWithAnErrorForAFlagItRefuses() throws {
        let (status, errors) = try ExporterProcess.run(["--collector.netdev.device-exclude=a", "--collector.netdev.device-include=b"])
        #expect(status != 0)
        #expect(errors.contains("mutually exclusive"))
        let (badPattern, patternErrors) = try ExporterProcess.run(["--collector.vmstat.fields=(", "--web.listen-address=127.0.0.1:0"])
        #expect(badPattern != 0)
        #expect(patternErrors.contains("--collector.vmstat.fields"))
    }
}
