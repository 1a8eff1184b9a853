import Logging
import PrometheusMetrics
import Synchronization

/// node_exporter's collectors as one `PrometheusCollector`: register it with a registry and every
/// scrape runs the enabled collectors, each publishing node_exporter's families, plus
/// `node_scrape_collector_duration_seconds{collector}` and
/// `node_scrape_collector_success{collector}`.
///
/// ```swift
/// let node = try NodeCollector(configuration: .init(paths: HostPaths(procfs: "/host/proc")))
/// registry.register(collector: node)
/// ```
///
/// A collector that fails reports success 0 and logs the error once (again only when the error
/// changes); the scrape still answers with everything else.
public final class NodeCollector: PrometheusCollector {
    /// Every collector this package implements, by node_exporter's name, sorted.
    public static let collectorNames: [String] = available.map { $0.type.name }.sorted()

    /// The collectors node_exporter 1.5.0 enables unless told otherwise (all of ours but
    /// `processes`).
    public static let defaultCollectors: Set<String> = Set(available.filter(\.enabledByDefault).map { $0.type.name })

    private static let available: [(type: any Collector.Type, enabledByDefault: Bool)] = [
        (ARPCollector.self, true),
        (ConntrackCollector.self, true),
        (CPUCollector.self, true),
        (DiskstatsCollector.self, true),
        (EntropyCollector.self, true),
        (FileFDCollector.self, true),
        (FilesystemCollector.self, true),
        (LoadavgCollector.self, true),
        (MeminfoCollector.self, true),
        (NetClassCollector.self, true),
        (NetDevCollector.self, true),
        (NetStatCollector.self, true),
        (OSCollector.self, true),
        (PressureCollector.self, true),
        (ProcessesCollector.self, false),
        (SockstatCollector.self, true),
        (SoftnetCollector.self, true),
        (StatCollector.self, true),
        (TextfileCollector.self, true),
        (TimeCollector.self, true),
        (TimexCollector.self, true),
        (UDPQueuesCollector.self, true),
        (UnameCollector.self, true),
        (VMStatCollector.self, true),
    ]

    private let members: [Member]
    private let logger: Logger

    /// Prepares the collectors `configuration` enables. Throws for an unknown collector name or
    /// an option node_exporter would refuse (a pattern that does not compile).
    public init(configuration: Configuration, logger: Logger = Logger(label: "HostMetrics.NodeCollector")) throws(HostMetricsError) {
        for name in configuration.collectors.sorted() where !Self.collectorNames.contains(name) {
            throw .unknownCollector(name: name, known: Self.collectorNames)
        }
        var members: [Member] = []
        for (type, _) in Self.available where configuration.collectors.contains(type.name) {
            members.append(Member(collector: try type.init(configuration: configuration, logger: logger)))
        }
        self.members = members.sorted { $0.name < $1.name }
        self.logger = logger
    }

    private init(members: [Member], logger: Logger) {
        self.members = members
        self.logger = logger
    }

    /// The names of the collectors that run, sorted.
    public var enabledCollectors: [String] {
        members.map(\.name)
    }

    /// The same collectors (sharing their state) narrowed to `names`, for node_exporter's
    /// `?collect[]=` filter. A name that no collector has, or whose collector is not enabled, is
    /// an error (node_exporter answers both with 400).
    public func filtered(_ names: some Sequence<String>) throws(HostMetricsError) -> NodeCollector {
        let wanted = Set(names)
        for name in wanted.sorted() where !enabledCollectors.contains(name) {
            throw Self.collectorNames.contains(name) ? .disabledCollector(name: name) : .unknownCollector(name: name, known: Self.collectorNames)
        }
        return NodeCollector(members: members.filter { wanted.contains($0.name) }, logger: logger)
    }

    /// Runs every collector and appends its families, then the duration and success of each.
    public func collect(into families: inout [CollectedFamily]) {
        var durations: [CollectedMetric] = []
        var successes: [CollectedMetric] = []
        durations.reserveCapacity(members.count)
        successes.reserveCapacity(members.count)
        let clock = ContinuousClock()
        for member in members {
            let start = clock.now
            let succeeded = member.update(into: &families, logger: logger)
            let (seconds, attoseconds) = (clock.now - start).components
            durations.append(CollectedMetric(labels: member.labels, value: Double(seconds) + Double(attoseconds) * 1e-18))
            successes.append(CollectedMetric(labels: member.labels, value: succeeded ? 1 : 0))
        }
        families.append(CollectedFamily(
            name: "node_scrape_collector_duration_seconds",
            help: "node_exporter: Duration of a collector scrape.",
            type: .gauge,
            metrics: durations
        ))
        families.append(CollectedFamily(
            name: "node_scrape_collector_success",
            help: "node_exporter: Whether a collector succeeded.",
            type: .gauge,
            metrics: successes
        ))
    }

    /// One collector and the last failure it logged, so that a failure is logged once and
    /// again only when it changes or after the collector recovered.
    private final class Member: Sendable {
        let name: String
        /// `collector="<name>"`, the label of its scrape series.
        let labels: [(String, String)]
        let collector: any Collector
        private let loggedFailure = Mutex<String?>(nil)

        init(collector: any Collector) {
            name = type(of: collector).name
            labels = [("collector", name)]
            self.collector = collector
        }

        /// Runs the collector; false when it failed.
        func update(into families: inout [CollectedFamily], logger: Logger) -> Bool {
            do throws(HostMetricsError) {
                try Self.update(collector, into: &families)
            } catch {
                let description = error.description
                let isNew = loggedFailure.withLock { logged in
                    defer { logged = description }
                    return logged != description
                }
                if isNew {
                    let level: Logger.Level = type(of: collector).isNoData(error) ? .debug : .error
                    logger.log(level: level, "collector failed", error: error, metadata: ["collector": .string(name)])
                }
                return false
            }
            let recovered = loggedFailure.withLock { logged in
                defer { logged = nil }
                return logged != nil
            }
            if recovered {
                logger.info("collector recovered", metadata: ["collector": .string(name)])
            }
            return true
        }

        private static func update<C: Collector>(_ collector: C, into families: inout [CollectedFamily]) throws(HostMetricsError) {
            collector.collect(try collector.read(), into: &families)
        }
    }
}
