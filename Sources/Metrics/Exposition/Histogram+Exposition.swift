extension Histogram {
    /// Cumulative `_bucket` lines in increasing `le` order ending at `+Inf` (with bucket
    /// exemplars in OpenMetrics), then `_sum`, `_count` and `_created` if enabled.
    static func write(_ histogram: Histogram, labels: SeriesLabels, to writer: inout ExpositionWriter, metadata: FamilyMetadata) {
        let (bucketCounts, sum) = histogram.snapshot
        let exemplars = writer.format == .openMetrics ? histogram.exemplars : []
        let bounds = histogram.layout.bounds(in: writer.format)
        let name = metadata.sampleName(in: writer.format)
        var cumulative: UInt64 = 0
        for (index, count) in bucketCounts.enumerated() {
            cumulative &+= count
            writer.beginSample(name, suffix: "_bucket", labels: labels.rendered, extraLabel: ("le", bounds[index]))
            writer.appendCount(cumulative)
            if index < exemplars.count { writer.appendExemplar(exemplars[index]) }
            writer.endLine()
        }
        writer.writeSample(name, suffix: "_sum", labels: labels.rendered, value: sum)
        writer.beginSample(name, suffix: "_count", labels: labels.rendered)
        writer.appendCount(cumulative)
        writer.endLine()
        writer.writeCreated(name, labels: labels.rendered, created: histogram.created)
    }
}
