import Testing

/// The exporter's endpoint as node_exporter serves it: the landing page, 404s, `collect[]`
/// filters (400 for an unknown or disabled collector), the telemetry path, and leaving out its
/// own metrics.
@Suite struct HTTPTests {
    private func withExporter<Result>(_ arguments: [String] = [], _ body: (ExporterProcess) throws -> Result) throws -> Result {
        let exporter = try ExporterProcess.start(arguments)
        defer { exporter.stop() }
        return try body(exporter)
    }

    @Test func servesTheLandingPageAndNothingElseOutsideTheMetricsPath() throws {
        try withExporter { (exporter) throws in
            let landing = try exporter.fetch("/")
            #expect(landing.status == 200)
            #expect(landing.text.contains("<a href=\"/metrics\">"))
            #expect(try exporter.fetch("/metricsx").status == 404)
            #expect(try exporter.fetch("/nope").status == 404)
            #expect(try exporter.fetch("/metrics", method: "POST").status == 405)
            #expect(try exporter.fetch("/-/healthy").status == 200)
        }
    }

    @Test func servesTheTelemetryPathGiven() throws {
        try withExporter(["--web.telemetry-path=/node"]) { (exporter) throws in
            #expect(try exporter.fetch("/node").text.contains("node_scrape_collector_success{collector=\"cpu\"} 1"))
            #expect(try exporter.fetch("/metrics").status == 404)
            #expect(try exporter.fetch("/").text.contains("<a href=\"/node\">"))
        }
    }

    @Test func narrowsToTheCollectorsOfCollectFilters() throws {
        try withExporter { (exporter) throws in
            let scrape = try exporter.fetch("/metrics?collect[]=meminfo&collect%5B%5D=loadavg")
            #expect(scrape.status == 200)
            let families = Exposition(scrape.text).families
            let successes = families["node_scrape_collector_success"]?.samples ?? []
            #expect(successes == [
                "node_scrape_collector_success{collector=\"loadavg\"} 1", "node_scrape_collector_success{collector=\"meminfo\"} 1",
            ])
            #expect(families.keys.contains("node_load1"))
            #expect(families.keys.contains("node_memory_MemTotal_bytes"))
            #expect(!families.keys.contains("node_cpu_seconds_total"))
            // The exporter's own metrics stay, as in node_exporter.
            #expect(families.keys.contains("process_resident_memory_bytes"))
            #expect(families.keys.contains("promhttp_metric_handler_requests_total"))
            // An unfiltered scrape still has everything.
            #expect(Exposition(try exporter.fetch("/metrics").text).families.keys.contains("node_cpu_seconds_total"))
        }
    }

    @Test func refusesUnknownAndDisabledCollectors() throws {
        try withExporter { (exporter) throws in
            let unknown = try exporter.fetch("/metrics?collect[]=cpu&collect[]=wifi")
            #expect(unknown.status == 400)
            #expect(unknown.text.hasPrefix("Couldn't create filtered metrics handler: missing collector: wifi"))
            let disabled = try exporter.fetch("/metrics?collect[]=processes")
            #expect(disabled.status == 400)
            #expect(disabled.text.hasPrefix("Couldn't create filtered metrics handler: disabled collector: processes"))
            let counted = Exposition(try exporter.fetch("/metrics").text).families["promhttp_metric_handler_requests_total"]
            #expect(counted?.samples.contains("promhttp_metric_handler_requests_total{code=\"400\"} 2") == true)
        }
    }

    @Test func leavesOutItsOwnMetricsWhenAsked() throws {
        try withExporter(["--web.disable-exporter-metrics"]) { (exporter) throws in
            let names = Exposition(try exporter.fetch("/metrics").text).families.keys
            #expect(names.contains("node_cpu_seconds_total"))
            #expect(!names.contains { $0.hasPrefix("process_") || $0.hasPrefix("promhttp_") })
        }
    }
}
