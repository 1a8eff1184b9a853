/// How one family is named and described in each format, with its metadata lines rendered once.
///
/// Counters differ between the formats: 0.0.4 text names the family after its sample
/// (`jobs_total`), OpenMetrics after the sample without `_total` (`jobs`). Info families
/// are `build_info` gauges in 0.0.4 text and `build` info families in OpenMetrics.
struct FamilyMetadata: Sendable {
    let type: MetricType
    let help: String
    let unit: String?
    /// Whether OpenMetrics' `# UNIT` line is written: not for a unit it would refuse (only a
    /// collected family can have one).
    let writesUnit: Bool
    /// The family (and `# TYPE`) name in 0.0.4 text; families are sorted by it.
    let textName: String
    /// The family (and `# TYPE`) name in OpenMetrics.
    let openMetricsName: String
    /// The name of the plain sample of counters (`_total`) and infos (`_info`) in each format;
    /// the family name for the other types.
    let textSampleName: String
    let openMetricsSampleName: String
    /// `# HELP` and `# TYPE` lines (0.0.4) and `# TYPE`, `# UNIT`, `# HELP` (OpenMetrics).
    private let textHeader: [UInt8]
    private let openMetricsHeader: [UInt8]

    /// Metadata of a family registered with a registry, named as the user gave it, with `_total`
    /// (counters) or `_info` (infos) stripped or added so that both formats agree.
    init(registeredName name: String, type: MetricType, help: String, unit: String?) {
        self.init(name: name, verbatim: false, type: type, help: help, unit: unit)
    }

    /// Metadata of a family a collector produced: its 0.0.4 text name is kept verbatim (as
    /// node_exporter writes it), and OpenMetrics names are derived from it.
    init(collectedName name: String, type: MetricType, help: String, unit: String?) {
        self.init(name: name, verbatim: true, type: type, help: help, unit: unit)
    }

    private init(name: String, verbatim: Bool, type: MetricType, help: String, unit: String?) {
        self.type = type
        self.help = help
        self.unit = unit
        writesUnit = unit.map { Self.isValidUnit($0, name: name, type: type) } ?? false
        if let suffix = Self.sampleSuffix(of: type) {
            let base = Self.openMetricsName(name, type: type)
            textName = verbatim ? name : base + suffix
            openMetricsName = base
            textSampleName = textName
            openMetricsSampleName = base + suffix
        } else {
            textName = name
            openMetricsName = name
            textSampleName = name
            openMetricsSampleName = name
        }
        textHeader = Self.header(textName, type: type == .info ? "gauge" : type.rawValue, help: help, unit: nil, format: .prometheusText)
        openMetricsHeader = Self.header(openMetricsName, type: type == .untyped ? "unknown" : type.rawValue, help: help, unit: writesUnit ? unit : nil, format: .openMetrics)
    }

    /// The OpenMetrics family name of `name`: without the `_total` of a counter or the `_info`
    /// of an info.
    static func openMetricsName(_ name: String, type: MetricType) -> String {
        sampleSuffix(of: type).map { name.removingSuffix($0) } ?? name
    }

    /// Whether OpenMetrics lets `unit` describe the family `name`: letters, digits and `_`,
    /// the suffix of its OpenMetrics name (`seconds` of `disk_read_seconds_total`), and never
    /// on an info family.
    static func isValidUnit(_ unit: String, name: String, type: MetricType) -> Bool {
        guard type != .info, !unit.isEmpty,
              unit.utf8.allSatisfy({ MetricNames.isLetter($0) || MetricNames.isDigit($0) || $0 == UInt8(ascii: "_") }) else {
            return false
        }
        return openMetricsName(name, type: type).hasSuffix("_" + unit)
    }

    /// What the plain sample of a type adds to its OpenMetrics family name.
    private static func sampleSuffix(of type: MetricType) -> String? {
        switch type {
        case .counter: "_total"
        case .info: "_info"
        case .gauge, .histogram, .summary, .untyped: nil
        }
    }

    func sampleName(in format: ExpositionFormat) -> String {
        format == .prometheusText ? textSampleName : openMetricsSampleName
    }

    /// The family's metadata lines in `format`.
    func header(in format: ExpositionFormat) -> [UInt8] {
        format == .prometheusText ? textHeader : openMetricsHeader
    }

    /// `# HELP`/`# TYPE` for 0.0.4 text (HELP escapes `\` and line feeds), or `# TYPE`/`# UNIT`/
    /// `# HELP` for OpenMetrics (HELP escapes quotes too). An empty HELP is left out.
    private static func header(_ name: String, type: String, help: String, unit: String?, format: ExpositionFormat) -> [UInt8] {
        var bytes: [UInt8] = []
        func comment(_ keyword: String, _ text: () -> Void) {
            bytes.append(contentsOf: "# \(keyword) \(name) ".utf8)
            text()
            bytes.append(UInt8(ascii: "\n"))
        }
        let writesHelp = !help.isEmpty
        if format == .prometheusText, writesHelp {
            comment("HELP") { ExpositionEscaping.appendEscaped(help, quotes: false, to: &bytes) }
        }
        comment("TYPE") { bytes.append(contentsOf: type.utf8) }
        if format == .openMetrics {
            if let unit {
                comment("UNIT") { bytes.append(contentsOf: unit.utf8) }
            }
            if writesHelp {
                comment("HELP") { ExpositionEscaping.appendEscaped(help, quotes: true, to: &bytes) }
            }
        }
        return bytes
    }
}

extension String {
    func removingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) && count > suffix.count ? String(dropLast(suffix.count)) : self
    }
}
