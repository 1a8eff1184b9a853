/// Produces whole families at scrape time, for values that live elsewhere: the host
/// exporter's collectors read `/proc`, a connection pool reports its state. Called on every
/// scrape, from the scraping thread; keep it quick and never block for long.
public protocol PrometheusCollector: Sendable {
    /// Appends the families to expose now. Families are sorted by name and series by label
    /// values for you; series with a label set already seen in the family are dropped and
    /// counted.
    func collect(into families: inout [CollectedFamily])
}
