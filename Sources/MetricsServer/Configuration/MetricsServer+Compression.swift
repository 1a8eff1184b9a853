extension MetricsServer.Configuration {
    /// Response compression of expositions. Prometheus always accepts gzip; an exposition of
    /// 100 KB shrinks to about a sixth at level 1 and a seventh at level 6, which costs 2.5 times
    /// the CPU, so the default is level 1.
    public struct Compression: Sendable, Hashable {
        /// The zlib level, 1 (fastest) to 9 (smallest); nil never compresses.
        let gzipLevel: Int32?

        /// Never compress.
        public static let disabled = Compression(gzipLevel: nil)

        /// gzip at `level`, clamped to 1...9, for clients whose `Accept-Encoding` allows it.
        public static func gzip(level: Int = 1) -> Compression {
            Compression(gzipLevel: Int32(min(max(level, 1), 9)))
        }
    }
}
