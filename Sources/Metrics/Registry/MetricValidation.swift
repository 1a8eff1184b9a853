/// The checks a definition passes before it is registered, and the sample names it claims.
enum MetricValidation {
    static func validate(_ definition: MetricDefinition) throws(PrometheusMetricsError) {
        let name = definition.name
        guard MetricNames.isValidMetricName(name) else { throw .invalidMetricName(name) }
        var seen: Set<String> = []
        for label in definition.labelNames {
            guard MetricNames.isValidLabelName(label) else { throw .invalidLabelName(metric: name, label: label) }
            if (definition.type == .histogram && label == "le") || (definition.type == .summary && label == "quantile") {
                throw .reservedLabelName(metric: name, label: label)
            }
            guard seen.insert(label).inserted else { throw .duplicateLabelName(metric: name, label: label) }
        }
        if let unit = definition.unit, !FamilyMetadata.isValidUnit(unit, name: name, type: definition.type) {
            throw .invalidUnit(metric: name, unit: unit)
        }
    }

    /// Every name the family's samples and metadata use in either format: `x`, `x_total` and
    /// `x_created` for counter `x`; `x`, `x_bucket`, `x_sum`, `x_count`, `x_created` for
    /// histogram `x`; and so on. Two families may not share any.
    static func sampleNames(of definition: MetricDefinition) -> Set<String> {
        let metadata = FamilyMetadata(registeredName: definition.name, type: definition.type, help: "", unit: nil)
        let base = metadata.openMetricsName
        switch definition.type {
        case .counter:
            return [base, metadata.textName, base + "_created"]
        case .histogram:
            return [base, base + "_bucket", base + "_sum", base + "_count", base + "_created"]
        case .summary:
            return [base, base + "_sum", base + "_count", base + "_created"]
        case .info:
            return [base, metadata.textName]
        case .gauge, .untyped:
            return [base]
        }
    }
}
