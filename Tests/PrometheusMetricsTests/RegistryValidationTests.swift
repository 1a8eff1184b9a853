import Testing
@testable import PrometheusMetrics

@Suite struct RegistryValidationTests {
    @Test func sameDefinitionTwiceReturnsTheRegisteredFamily() throws {
        let registry = PrometheusRegistry()
        let first = try registry.makeCounterFamily(name: "jobs_total", help: "Jobs.", labelNames: ["queue"])
        let second = try registry.makeCounterFamily(name: "jobs_total", help: "Jobs.", labelNames: ["queue"])
        #expect(first === second)
        let counter = try registry.makeCounter(name: "runs", help: "Runs.")
        #expect(counter === (try registry.makeCounter(name: "runs_total", help: "Runs.")))
    }

    @Test func conflictingDefinitionNamesBoth() throws {
        let registry = PrometheusRegistry()
        _ = try registry.makeHistogramFamily(name: "latency_seconds", help: "Latency.", labelNames: ["route"], buckets: [0.1, 1])
        let conflicts: [() throws -> Void] = [
            { _ = try registry.makeGaugeFamily(name: "latency_seconds", help: "Latency.", labelNames: ["route"]) },
            { _ = try registry.makeHistogramFamily(name: "latency_seconds", help: "Other help.", labelNames: ["route"], buckets: [0.1, 1]) },
            { _ = try registry.makeHistogramFamily(name: "latency_seconds", help: "Latency.", labelNames: ["path"], buckets: [0.1, 1]) },
            { _ = try registry.makeHistogramFamily(name: "latency_seconds", help: "Latency.", labelNames: ["route"], buckets: [0.2, 1]) },
        ]
        for conflict in conflicts {
            #expect {
                try conflict()
            } throws: { error in
                guard case .conflictingDefinition(let registered, let requested) = error as? PrometheusMetricsError else { return false }
                let message = String(describing: error)
                return registered.name == "latency_seconds" && registered != requested
                    && message.contains(registered.description) && message.contains(requested.description)
            }
        }
    }

    @Test func unsortedAndDuplicateBucketsDefineTheSameHistogram() throws {
        let registry = PrometheusRegistry()
        let first = try registry.makeHistogram(name: "h", help: "H.", buckets: [1, 0.5, 0.5, .infinity])
        let second = try registry.makeHistogram(name: "h", help: "H.", buckets: [0.5, 1])
        #expect(first === second)
        #expect(first.layout.upperBounds == [0.5, 1])
    }

    @Test(arguments: [
        (MetricType.histogram, "le"), (.summary, "quantile"),
    ])
    func typeLabelsAreReserved(type: MetricType, label: String) {
        let registry = PrometheusRegistry()
        #expect(throws: PrometheusMetricsError.reservedLabelName(metric: "x", label: label)) {
            if type == .histogram {
                _ = try registry.makeHistogramFamily(name: "x", help: "X.", labelNames: [label])
            } else {
                _ = try registry.makeSummaryFamily(name: "x", help: "X.", labelNames: [label])
            }
        }
    }

    @Test func leIsAnOrdinaryLabelOnOtherTypes() throws {
        let registry = PrometheusRegistry()
        _ = try registry.makeGaugeFamily(name: "x", help: "X.", labelNames: ["le", "quantile"])
    }

    @Test(arguments: ["", "1abc", "a-b", "__reserved", "é", "a b"])
    func invalidMetricNames(name: String) {
        let registry = PrometheusRegistry()
        #expect(throws: PrometheusMetricsError.invalidMetricName(name)) {
            _ = try registry.makeGauge(name: name, help: "X.")
        }
    }

    @Test(arguments: ["", "1abc", "a:b", "__name__", "a-b"])
    func invalidLabelNames(label: String) {
        let registry = PrometheusRegistry()
        #expect(throws: PrometheusMetricsError.invalidLabelName(metric: "x", label: label)) {
            _ = try registry.makeGaugeFamily(name: "x", help: "X.", labelNames: [label])
        }
    }

    @Test func duplicateLabelNames() {
        let registry = PrometheusRegistry()
        #expect(throws: PrometheusMetricsError.duplicateLabelName(metric: "x", label: "a")) {
            _ = try registry.makeGaugeFamily(name: "x", help: "X.", labelNames: ["a", "b", "a"])
        }
    }

    @Test(arguments: [
        ("x_count", "x"), ("x_sum", "x"), ("x_bucket", "x"), ("x_created", "x"),
    ])
    func sampleNamesOfAHistogramAreTaken(gaugeName: String, histogramName: String) throws {
        let registry = PrometheusRegistry()
        _ = try registry.makeHistogram(name: histogramName, help: "H.")
        #expect(throws: PrometheusMetricsError.sampleNameClash(metric: gaugeName, sampleName: gaugeName, registeredFamily: histogramName)) {
            _ = try registry.makeGauge(name: gaugeName, help: "G.")
        }
    }

    @Test func histogramCannotTakeTheNameOfAnotherFamilysSamples() throws {
        let registry = PrometheusRegistry()
        _ = try registry.makeGauge(name: "x_count", help: "G.")
        #expect(throws: PrometheusMetricsError.self) {
            _ = try registry.makeHistogram(name: "x", help: "H.")
        }
        _ = try registry.makeCounter(name: "requests", help: "C.")
        #expect(throws: PrometheusMetricsError.self) {
            _ = try registry.makeGauge(name: "requests", help: "OpenMetrics family name of the counter.")
        }
    }

    @Test func unitMustBeTheNameSuffix() throws {
        let registry = PrometheusRegistry()
        _ = try registry.makeGauge(name: "size_bytes", help: "S.", unit: "bytes")
        _ = try registry.makeCounter(name: "sent_bytes_total", help: "S.", unit: "bytes")
        #expect(throws: PrometheusMetricsError.invalidUnit(metric: "size", unit: "bytes")) {
            _ = try registry.makeGauge(name: "size", help: "S.", unit: "bytes")
        }
    }

    @Test func nonFiniteBucketsAreRefused() {
        let registry = PrometheusRegistry()
        #expect(throws: PrometheusMetricsError.self) {
            _ = try registry.makeHistogram(name: "h", help: "H.", buckets: [0.1, .nan])
        }
        #expect(throws: PrometheusMetricsError.self) {
            _ = try registry.makeHistogram(name: "h", help: "H.", buckets: [-.infinity, 1])
        }
    }

    @Test func invalidQuantilesAreRefused() {
        let registry = PrometheusRegistry()
        #expect(throws: PrometheusMetricsError.self) {
            _ = try registry.makeSummary(name: "s", help: "S.", configuration: .init(quantiles: [SummaryQuantile(1.5, error: 0.01)]))
        }
        #expect(throws: PrometheusMetricsError.self) {
            _ = try registry.makeSummary(name: "s", help: "S.", configuration: .init(quantiles: [SummaryQuantile(0.5, error: -1)]))
        }
    }

    @Test func bucketHelpers() {
        #expect(Buckets.linear(start: 1, width: 2, count: 3) == [1, 3, 5])
        #expect(Buckets.exponential(start: 1, factor: 10, count: 4) == [1, 10, 100, 1000])
        #expect(Buckets.linear(start: 1, width: 2, count: -1).isEmpty)
        #expect(Buckets.default.count == 11)
    }

    @Test func unregisterRemovesTheFamilyAndFreesItsNames() throws {
        let registry = PrometheusRegistry()
        _ = try registry.makeHistogram(name: "x", help: "H.")
        #expect(registry.unregister(name: "x"))
        _ = try registry.makeGauge(name: "x_count", help: "G.")
        #expect(!registry.unregister(name: "missing"))
        #expect(registry.unregister(name: "x_count"))
        #expect(registry.exposition().isEmpty)
    }

    @Test func errorsReadAsAdvice() {
        let error = PrometheusMetricsError.labelValuesMismatch(metric: "m", labelNames: ["a", "b"], received: ["x"])
        #expect(error.description == "m has labels [\"a\", \"b\"] but was given [\"x\"]: pass one value per label name")
    }
}
