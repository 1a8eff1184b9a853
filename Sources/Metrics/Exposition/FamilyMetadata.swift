/// How one family is named and described in each format.
///
/// Counters differ between the formats: 0.0.4 text names the family after its sample
/// (`jobs_total`), OpenMetrics after the sample without `_total` (`jobs`). Info families
/// are `build_info` gauges in 0.0.4 text and `build` info families in OpenMetrics.
struct FamilyMetadata: Sendable {
    let type: MetricType
    let help: String
    let unit: String?
    /// The family (and `# TYPE`) name in 0.0.4 text; families are sorted by it.
    private(set) var textName: String
    /// The family (and `# TYPE`) name in OpenMetrics.
    let openMetricsName: String
    /// The name of the plain sample of counters (`_total`) and infos (`_info`) in each format;
    /// the family name for the other types.
    private(set) var textSampleName: String
    let openMetricsSampleName: String

    /// Metadata of a family registered with a registry, named as the user gave it, with `_total`
    /// (counters) or `_info` (infos) stripped or added so that both formats agree.
    init(registeredName name: String, type: MetricType, help: String, unit: String?) {
        self.type = type
        self.help = help
        self.unit = unit
        switch type {
        case .counter:
            let base = name.removingSuffix("_total")
            textName = base + "_total"
            openMetricsName = base
            textSampleName = textName
            openMetricsSampleName = textName
        case .info:
            let base = name.removingSuffix("_info")
            textName = base + "_info"
            openMetricsName = base
            textSampleName = textName
            openMetricsSampleName = textName
        default:
            textName = name
            openMetricsName = name
            textSampleName = name
            openMetricsSampleName = name
        }
    }

    /// Metadata of a family a collector produced: its 0.0.4 text name is kept verbatim (as
    /// node_exporter writes it), and OpenMetrics names are derived from it.
    init(collectedName name: String, type: MetricType, help: String, unit: String?) {
        self.init(registeredName: name, type: type, help: help, unit: unit)
        if type == .counter || type == .info {
            textName = name
            textSampleName = name
        }
    }

    func name(in format: ExpositionFormat) -> String {
        format == .prometheusText ? textName : openMetricsName
    }

    func sampleName(in format: ExpositionFormat) -> String {
        format == .prometheusText ? textSampleName : openMetricsSampleName
    }
}

extension String {
    func removingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) && count > suffix.count ? String(dropLast(suffix.count)) : self
    }
}
