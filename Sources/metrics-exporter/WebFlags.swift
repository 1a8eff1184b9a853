import ArgumentParser
import MetricsServer

/// node_exporter's `--web.*` flags.
struct WebFlags: ParsableArguments {
    @Option(name: .customLong("web.listen-address"), help: "Address on which to expose metrics and web interface.")
    var listenAddress = ":9100"
    @Option(name: .customLong("web.telemetry-path"), help: "Path under which to expose metrics.")
    var telemetryPath = "/metrics"
    @Option(name: .customLong("web.max-requests"), help: "Maximum number of parallel scrape requests. Use 0 to disable.")
    var maxRequests = 40
    @Flag(
        name: .customLong("web.disable-exporter-metrics"),
        help: "Exclude metrics about the exporter itself (promhttp_*, process_*)."
    )
    var disableExporterMetrics = false

    func validate() throws {
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
