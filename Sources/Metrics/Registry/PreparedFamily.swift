/// A collected family made ready to write: names checked, each series' labels rendered in
/// label-name order, series sorted by label values, repeated label sets dropped.
struct PreparedFamily: ExposableFamily {
    let metadata: FamilyMetadata
    private let series: [(labels: [UInt8], value: CollectedMetric.Value)]

    /// `nil` (and a counted rejection) when a name is invalid; a series whose label names are
    /// invalid or repeat is dropped and counted too.
    init?(_ family: CollectedFamily, diagnostics: RegistryDiagnostics) {
        guard MetricNames.isValidMetricName(family.name) else {
            diagnostics.countRejection(family: family.name, reason: .invalidFamily)
            return nil
        }
        metadata = FamilyMetadata(collectedName: family.name, type: family.type, help: family.help, unit: family.unit)
        let reserved = family.type == .histogram ? "le" : family.type == .summary ? "quantile" : nil
        var keyed: [(key: [String], labels: [UInt8], value: CollectedMetric.Value)] = []
        keyed.reserveCapacity(family.metrics.count)
        for metric in family.metrics {
            let labels = metric.labels.sorted { UTF8Bytes.compare($0.0, $1.0) < 0 }
            let namesValid = labels.allSatisfy { MetricNames.isValidLabelName($0.0) && $0.0 != reserved }
            let namesUnique = zip(labels, labels.dropFirst()).allSatisfy { !UTF8Bytes.equal($0.0, $1.0) }
            guard namesValid && namesUnique else {
                diagnostics.countRejection(family: family.name, reason: .invalidFamily)
                continue
            }
            var rendered: [UInt8] = []
            for (index, label) in labels.enumerated() {
                if index > 0 { rendered.append(UInt8(ascii: ",")) }
                ExpositionEscaping.appendLabel(name: label.0, value: label.1, to: &rendered)
            }
            keyed.append((labels.flatMap { [$0.0, $0.1] }, rendered, metric.value))
        }
        keyed.sort { Self.precedes($0.key, $1.key) }
        var series: [(labels: [UInt8], value: CollectedMetric.Value)] = []
        series.reserveCapacity(keyed.count)
        for (index, entry) in keyed.enumerated() {
            if index > 0 && keyed[index - 1].labels == entry.labels {
                diagnostics.countRejection(family: family.name, reason: .duplicateSeries)
                continue
            }
            series.append((entry.labels, entry.value))
        }
        self.series = series
    }

    /// client_golang's order: fewer labels first, then label values compared in name order.
    private static func precedes(_ lhs: [String], _ rhs: [String]) -> Bool {
        if lhs.count != rhs.count { return lhs.count < rhs.count }
        for index in stride(from: 1, to: lhs.count, by: 2) {
            let order = UTF8Bytes.compare(lhs[index], rhs[index])
            if order != 0 { return order < 0 }
        }
        for index in stride(from: 0, to: lhs.count, by: 2) {
            let order = UTF8Bytes.compare(lhs[index], rhs[index])
            if order != 0 { return order < 0 }
        }
        return false
    }

    func write(to writer: inout ExpositionWriter) {
        guard !series.isEmpty else { return }
        writer.writeMetadata(metadata)
        let name = metadata.sampleName(in: writer.format)
        for (labels, value) in series {
            switch value {
            case .sample(let sample):
                writer.writeSample(name, labels: labels, value: sample)
            case .histogram(let buckets, let sum, let count):
                for bucket in buckets where bucket.upperBound != .infinity {
                    writer.beginSample(name, suffix: "_bucket", labels: labels, extraLabel: ("le", GoFloat.spelled(bucket.upperBound, in: writer.format)))
                    writer.appendCount(bucket.cumulativeCount)
                    writer.endLine()
                }
                writer.beginSample(name, suffix: "_bucket", labels: labels, extraLabel: ("le", GoFloat.spelled(.infinity, in: writer.format)))
                writer.appendCount(count)
                writer.endLine()
                writer.writeSample(name, suffix: "_sum", labels: labels, value: sum)
                writer.beginSample(name, suffix: "_count", labels: labels)
                writer.appendCount(count)
                writer.endLine()
            case .summary(let quantiles, let sum, let count):
                for (quantile, estimate) in quantiles {
                    writer.beginSample(name, labels: labels, extraLabel: ("quantile", GoFloat.spelled(quantile, in: writer.format)))
                    writer.appendValue(estimate)
                    writer.endLine()
                }
                writer.writeSample(name, suffix: "_sum", labels: labels, value: sum)
                writer.beginSample(name, suffix: "_count", labels: labels)
                writer.appendCount(count)
                writer.endLine()
            }
        }
    }
}
