/// What one scrape writes into: the exposition bytes and, once gzip is asked for, a gzip
/// stream. Both keep their capacity from one scrape to the next.
///
/// Unchecked `Sendable`: a workspace belongs to one scrape at a time, handed over under the
/// pool's lock.
final class ExpositionWorkspace: @unchecked Sendable {
    /// The exposition; empty between scrapes.
    var bytes: [UInt8] = []
    private var compressor: GzipCompressor?

    /// This workspace's gzip stream at `level`, made on first use.
    func compressor(level: Int32) -> GzipCompressor? {
        if compressor == nil {
            compressor = GzipCompressor(level: level)
        }
        return compressor
    }
}
