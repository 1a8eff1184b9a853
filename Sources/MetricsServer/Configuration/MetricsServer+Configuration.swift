extension MetricsServer {
    /// Where a metrics server listens and the limits it enforces. The defaults follow
    /// node_exporter: `/metrics`, at most 40 scrapes at once, gzip when the client accepts it.
    public struct Configuration: Sendable {
        /// The address to bind: `0.0.0.0` for every IPv4 interface, `127.0.0.1` for this host
        /// only, `::` for IPv6.
        public var host: String
        /// The TCP port, 0 to 65535; 0 asks the system for a free one (read it from
        /// ``MetricsServer/localAddress``).
        public var port: Int
        /// Where the exposition is served; a missing leading `/` is added.
        public var metricsPath: String
        /// The most scrapes answered at once; further ones get 503 (node_exporter's
        /// `--web.max-requests`). 0 or less means no limit.
        public var maxConcurrentScrapes: Int
        /// How long one request may take, from its first byte until its response is written: a
        /// client that trickles its request (slowloris) or does not read the response is cut off.
        /// Zero or less means no limit.
        public var requestTimeout: Duration
        /// How long a keep-alive connection may wait for its next request before it is closed.
        /// Zero or less means no limit.
        public var idleTimeout: Duration
        /// The most bytes of a request line and headers together; a larger request is answered
        /// with 431 and its connection closed.
        public var maxHeaderBytes: Int
        /// Whether and how hard to compress expositions for clients that accept gzip.
        public var compression: Compression
        /// The HTML page served at `/`; nil answers `/` with 404.
        public var landingPage: LandingPage?

        /// Only the port has no default: pick one no other exporter on the host uses.
        public init(
            host: String = "0.0.0.0",
            port: Int,
            metricsPath: String = "/metrics",
            maxConcurrentScrapes: Int = 40,
            requestTimeout: Duration = .seconds(30),
            idleTimeout: Duration = .seconds(120),
            maxHeaderBytes: Int = 16 * 1024,
            compression: Compression = .gzip(),
            landingPage: LandingPage? = LandingPage()
        ) {
            self.host = host
            self.port = port
            self.metricsPath = metricsPath
            self.maxConcurrentScrapes = maxConcurrentScrapes
            self.requestTimeout = requestTimeout
            self.idleTimeout = idleTimeout
            self.maxHeaderBytes = maxHeaderBytes
            self.compression = compression
            self.landingPage = landingPage
        }
    }
}
