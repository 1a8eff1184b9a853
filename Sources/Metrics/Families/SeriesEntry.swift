/// One series of a family: its labels, its metric handle, and the line prefixes its type
/// writes (`name{labels} `, `name_bucket{labels,le="`, …), rendered once at creation. The
/// handle is stored untyped so that tables and lookups need no generic metadata at run time;
/// the family, which made it, knows its type.
final class SeriesEntry: Sendable {
    let labels: SeriesLabels
    let metric: any AnyObject & Sendable
    let prefixes: [[UInt8]]

    init(labels: SeriesLabels, metric: any AnyObject & Sendable, prefixes: [[UInt8]]) {
        self.labels = labels
        self.metric = metric
        self.prefixes = prefixes
    }

    /// The handle as the type its family made it with.
    @inline(__always)
    func metric<Metric: AnyObject>(as type: Metric.Type) -> Metric {
        unsafeDowncast(metric, to: type)
    }
}
