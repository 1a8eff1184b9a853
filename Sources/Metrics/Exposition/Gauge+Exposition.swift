extension Gauge {
    static func write(_ gauge: Gauge, labels: SeriesLabels, to writer: inout ExpositionWriter, metadata: FamilyMetadata) {
        writer.writeSample(metadata.sampleName(in: writer.format), labels: labels.rendered, value: gauge.value)
    }
}
