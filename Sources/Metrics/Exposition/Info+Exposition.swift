extension Info {
    static func write(_ info: Info, labels: SeriesLabels, to writer: inout ExpositionWriter, metadata: FamilyMetadata) {
        writer.writeSample(metadata.sampleName(in: writer.format), labels: labels.rendered, value: 1)
    }
}
