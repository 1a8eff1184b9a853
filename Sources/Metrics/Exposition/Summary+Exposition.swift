extension Summary {
    /// `{quantile="q"}` lines in increasing order, then `_sum`, `_count` and `_created` if
    /// enabled.
    static func write(_ summary: Summary, labels: SeriesLabels, to writer: inout ExpositionWriter, metadata: FamilyMetadata) {
        let (count, sum, quantiles) = summary.snapshot
        let name = metadata.sampleName(in: writer.format)
        for (quantile, value) in quantiles {
            var spelled: [UInt8] = []
            if writer.format == .openMetrics {
                GoFloat.appendOpenMetrics(quantile, to: &spelled)
            } else {
                GoFloat.append(quantile, to: &spelled)
            }
            writer.beginSample(name, labels: labels.rendered, extraLabel: ("quantile", spelled))
            writer.appendValue(value)
            writer.endLine()
        }
        writer.writeSample(name, suffix: "_sum", labels: labels.rendered, value: sum)
        writer.beginSample(name, suffix: "_count", labels: labels.rendered)
        writer.appendCount(count)
        writer.endLine()
        writer.writeCreated(name, labels: labels.rendered, created: summary.created)
    }
}
