extension Counter {
    /// `<name>_total{…} v` (with its exemplar in OpenMetrics), then `_created` if enabled.
    static func write(_ counter: Counter, labels: SeriesLabels, to writer: inout ExpositionWriter, metadata: FamilyMetadata) {
        writer.beginSample(metadata.sampleName(in: writer.format), labels: labels.rendered)
        writer.appendValue(counter.value)
        writer.appendExemplar(counter.exemplar)
        writer.endLine()
        writer.writeCreated(metadata.openMetricsName, labels: labels.rendered, created: counter.created)
    }
}
