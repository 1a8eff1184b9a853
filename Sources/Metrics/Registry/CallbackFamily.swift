/// A single series whose value a closure supplies at scrape time: a gauge for "how many
/// connections are open now", a counter for a total kept elsewhere.
struct CallbackFamily: ExposableFamily {
    let metadata: FamilyMetadata
    let labels: SeriesLabels
    let value: @Sendable () -> Double

    func write(to writer: inout ExpositionWriter) {
        writer.writeMetadata(metadata)
        writer.writeSample(metadata.sampleName(in: writer.format), labels: labels.rendered, value: value())
    }
}
