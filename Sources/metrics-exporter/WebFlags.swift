import ArgumentParser
import MetricsServer

/// node_exporter's `--web.*` flags.
struct WebFlags: ParsableArguments {
    /// node_exporter's flag is repeatable, one listener per address; this exporter has one
    /// listener, so a second address is refused rather than silently left out.
    @Option(name: .customLong("web.listen-address"), help: "Address on which to expose metrics and web interface (one).")
    var listenAddresses = [":9100"]
    @Option(name: .customLong("web.telemetry-path"), help: "Path under which to expose metrics.")
    var telemetryPath = "/metrics"
    @Option(name: .customLong("web.max-requests"), help: "Maximum number of parallel scrape requests. Use 0 to disable.")
    var maxRequests = 40
    @Flag(
        name: .customLong("web.disable-exporter-metrics"),
        help: "Exclude metrics about the exporter itself (promhttp_*, process_*)."
    )
    var disableExporterMetrics = false
    /// node_exporter's TLS and basic-auth configuration: an empty value (its default) is
    /// accepted, a file is refused, since this exporter serves plain HTTP only.
    @Option(name: .customLong("web.config.file"), help: .hidden)
    var configFile: String?
    /// node_exporter's systemd socket activation, which this exporter does not do.
    @Flag(name: .customLong("web.systemd-socket"), help: .hidden)
    var systemdSocket = false

    /// The one address to listen on.
    var listenAddress: String {
        listenAddresses.last ?? ":9100"
    }

    func validate() throws {
        if let configFile, !configFile.isEmpty {
            throw ValidationError(
                "--web.config.file (TLS and basic auth) is not supported: this exporter serves plain HTTP; put a TLS-terminating proxy in front"
            )
        }
        if systemdSocket {
            throw ValidationError("--web.systemd-socket is not supported: pass --web.listen-address instead")
        }
        guard listenAddresses.count == 1 else {
            throw ValidationError(
                "--web.listen-address is given \(listenAddresses.count) times (\(listenAddresses.joined(separator: ", "))): this exporter listens on one address; pass one"
            )
        }
        _ = try ListenAddress(parsing: listenAddress)
    }

    /// The metrics server's configuration, with node_exporter's landing page.
    func serverConfiguration() throws -> MetricsServer.Configuration {
        let address = try ListenAddress(parsing: listenAddress)
        return MetricsServer.Configuration(
            host: address.host,
            port: address.port,
            metricsPath: telemetryPath,
            maxConcurrentScrapes: maxRequests,
            landingPage: LandingPage(title: "Node Exporter", description: "Prometheus Node Exporter")
        )
    }
}
