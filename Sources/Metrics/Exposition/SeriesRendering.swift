/// How a family of one metric type is written: the line prefixes each series renders once at
/// creation, and a writer for all series of the family, specialised per type so that the
/// scrape loop makes no dynamic calls per series.
struct SeriesRendering<Metric: AnyObject & Sendable>: Sendable {
    let prefixes: @Sendable (_ labels: SeriesLabels, _ metadata: FamilyMetadata) -> [[UInt8]]
    let write: @Sendable (_ snapshot: ExpositionSnapshot, _ writer: inout ExpositionWriter, _ metadata: FamilyMetadata) -> Void
}
