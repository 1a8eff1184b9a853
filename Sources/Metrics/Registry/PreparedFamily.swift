/// A collected family made ready to write: names checked, each series' labels in label-name
/// order, series sorted by label values, repeated label sets dropped. Labels are escaped
/// straight into the exposition when written, so preparing allocates only when a collector
/// hands labels out of order.
struct PreparedFamily: ExposableFamily {
    let metadata: FamilyMetadata
    private let metrics: [CollectedMetric]

    /// Prepares `family`, whose name `metadata` has checked; a series whose label names are
    /// invalid or repeat, or whose value no exposition could hold (`isReady(for:)`, even once
    /// sorted), is dropped and counted.
    init(_ family: CollectedFamily, metadata: FamilyMetadata, diagnostics: RegistryDiagnostics) {
        self.metadata = metadata
        let reserved = family.type == .histogram ? "le" : family.type == .summary ? "quantile" : nil
        var metrics = family.metrics
        var index = 0
        while index < metrics.count {
            if !Self.isSortedByName(metrics[index].labels) {
                metrics[index].labels.sort { UTF8Bytes.compare($0.0, $1.0) < 0 }
            }
            let namesAreValid = Self.hasValidNames(metrics[index].labels, reserved: reserved)
            if namesAreValid && metrics[index].value.isReady(for: family.type) {
                index += 1
            } else if namesAreValid, let sorted = metrics[index].value.sorted(for: family.type) {
                metrics[index].value = sorted
                index += 1
            } else {
                diagnostics.countRejection(family: family.name, reason: .invalidFamily)
                metrics.remove(at: index)
            }
        }
        // Collectors usually report series in order already; then there is nothing to sort or
        // de-duplicate.
        let inOrder = zip(metrics, metrics.dropFirst()).allSatisfy { Self.order($0.labels, $1.labels) < 0 }
        guard !inOrder else {
            self.metrics = metrics
            return
        }
        metrics.sort { Self.order($0.labels, $1.labels) < 0 }
        var unique: [CollectedMetric] = []
        unique.reserveCapacity(metrics.count)
        for metric in metrics {
            if let last = unique.last, Self.order(last.labels, metric.labels) == 0 {
                diagnostics.countRejection(family: family.name, reason: .duplicateSeries)
            } else {
                unique.append(metric)
            }
        }
        self.metrics = unique
    }

    private static func isSortedByName(_ labels: [(String, String)]) -> Bool {
        zip(labels, labels.dropFirst()).allSatisfy { UTF8Bytes.compare($0.0, $1.0) < 0 }
    }

    /// Valid, not the type's own label, and (being sorted) no name twice.
    private static func hasValidNames(_ labels: [(String, String)], reserved: String?) -> Bool {
        labels.allSatisfy { MetricNames.isValidLabelName($0.0) && $0.0 != reserved }
            && zip(labels, labels.dropFirst()).allSatisfy { !UTF8Bytes.equal($0.0, $1.0) }
    }

    /// client_golang's order: fewer labels first, then label values compared in name order
    /// (then names, for series whose label names differ).
    private static func order(_ lhs: [(String, String)], _ rhs: [(String, String)]) -> Int {
        if lhs.count != rhs.count { return lhs.count - rhs.count }
        for (left, right) in zip(lhs, rhs) {
            let order = UTF8Bytes.compare(left.1, right.1)
            if order != 0 { return order }
        }
        for (left, right) in zip(lhs, rhs) {
            let order = UTF8Bytes.compare(left.0, right.0)
            if order != 0 { return order }
        }
        return 0
    }

    func write(to writer: inout ExpositionWriter) {
        guard !metrics.isEmpty else { return }
        writer.writeMetadata(metadata)
        let name = metadata.sampleName(in: writer.format)
        for metric in metrics {
            let labels = metric.labels
            switch metric.value {
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
                if writer.writesSumAndCount(lowestBound: buckets.first?.upperBound) {
                    Self.writeSumAndCount(name, labels: labels, sum: sum, count: count, to: &writer)
                }
            case .summary(let quantiles, let sum, let count):
                for (quantile, estimate) in quantiles {
                    writer.beginSample(name, labels: labels, extraLabel: ("quantile", GoFloat.spelled(quantile, in: writer.format)))
                    writer.appendValue(estimate)
                    writer.endLine()
                }
                Self.writeSumAndCount(name, labels: labels, sum: sum, count: count, to: &writer)
            }
        }
    }

    private static func writeSumAndCount(_ name: String, labels: [(String, String)], sum: Double, count: UInt64, to writer: inout ExpositionWriter) {
        writer.writeSample(name, suffix: "_sum", labels: labels, value: sum)
        writer.beginSample(name, suffix: "_count", labels: labels)
        writer.appendCount(count)
        writer.endLine()
    }
}
