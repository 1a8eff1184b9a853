import ArgumentParser
import Dispatch
import HostMetrics
import Logging
import MetricsServer
import ServiceLifecycle

/// The host exporter: node_exporter's flags, collectors and endpoint, so that it can replace
/// node_exporter on the same port with the same command line.
@main
struct MetricsExporter: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "metrics-exporter",
        abstract: "Prometheus exporter for hardware and OS metrics exposed by the Linux kernel, a drop-in for node_exporter.",
        version: version
    )

    @OptionGroup(title: "Web") var web: WebFlags
    @OptionGroup(title: "Paths") var path: PathFlags
    @OptionGroup(title: "Collectors") var collector: CollectorFlags
    @OptionGroup(title: "Logging") var log: LogFlags
    /// node_exporter's `--runtime.gomaxprocs` (how many CPUs the Go runtime uses), accepted so
    /// that a node_exporter command line starts; it has no Swift counterpart.
    @Option(name: .customLong("runtime.gomaxprocs"), help: .hidden) var goMaxProcs = 1
    /// `--[no-]collector.<name>` of node_exporter's collectors this exporter does not have.
    @Argument(parsing: .allUnrecognized, help: .hidden) var otherCollectorFlags: [String] = []

    /// Runs with node_exporter's command line, `--flag=` (an empty value) included.
    ///
    /// Synchronous on purpose: an async `main` ends the main thread in `dispatch_main`, whose
    /// `pthread_exit` unwinds it, and in a statically linked binary that first unwind reads and
    /// sorts all of `.eh_frame` (2.5 MB kept resident, about 15 ms of CPU at start). The main
    /// thread waits for the command instead, so it never runs main-actor work: nothing here may
    /// be `@MainActor`.
    static func main() {
        let arguments = NodeExporterArguments.normalized(Array(CommandLine.arguments.dropFirst()))
        let finished = DispatchSemaphore(value: 0)
        Task.detached {
            await main(arguments)
            finished.signal()
        }
        finished.wait()
    }

    func validate() throws {
        for flag in otherCollectorFlags where NodeExporterArguments.otherCollector(flag) == nil {
            throw ValidationError("unknown flag \(flag): see --help for the flags this exporter supports")
        }
    }

    func run() async throws {
        let logger = ExporterLogging.bootstrap(log)
        logger.info("Starting metrics-exporter", metadata: ["version": .string(Self.version)])
        for case let (name, true)? in otherCollectorFlags.map(NodeExporterArguments.otherCollector) {
            logger.warning("collector not implemented by this exporter; its metrics are missing", metadata: ["collector": .string(name)])
        }
        for deprecated in collector.deprecatedFlags {
            logger.warning(
                "flag is deprecated; use its replacement",
                metadata: ["flag": .string("--" + deprecated.flag), "replacement": .string("--" + deprecated.replacement)]
            )
        }
        if log.format == .logfmt {
            logger.warning("logfmt is not supported; writing JSON log lines", metadata: ["flag": "--log.format"])
        }
        let nodeCollector: NodeCollector
        do {
            nodeCollector = try NodeCollector(configuration: collector.configuration(paths: path.paths), logger: logger)
        } catch let error as HostMetricsError {
            throw ValidationError(error.description)
        }
        logger.info("Enabled collectors", metadata: ["collectors": .array(nodeCollector.enabledCollectors.map { .string($0) })])
        let source = CollectorFilterSource(nodeCollector: nodeCollector)
        let server = MetricsServer(configuration: try web.serverConfiguration(), source: source, logger: logger)
        if !web.disableExporterMetrics {
            source.exposeExporterMetrics(ProcessCollector())
            source.exposeExporterMetrics(server.instrumentation)
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [.init(service: server)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await group.run()
    }
}
