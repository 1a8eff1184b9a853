import PrometheusMetrics

/// What one scrape asks for, handed to the ``MetricsSource``: the format negotiated from its
/// `Accept` header and its query, such as node_exporter's `?collect[]=cpu&collect[]=meminfo`.
public struct ScrapeRequest: Sendable {
    /// The request path, percent-decoded: the server's metrics path.
    public var path: String
    /// The query parameters in request order, percent-decoded; names may repeat.
    public var queryItems: [QueryItem]
    /// The exposition format the response will be written in.
    public var format: ExpositionFormat

    /// A request as the server builds it; sources rarely need to make one.
    public init(path: String, queryItems: [QueryItem] = [], format: ExpositionFormat = .prometheusText) {
        self.path = path
        self.queryItems = queryItems
        self.format = format
    }

    /// Every value of the parameter `name`, in request order: `values(of: "collect[]")`.
    public func values(of name: String) -> [String] {
        queryItems.compactMap { $0.name == name ? $0.value : nil }
    }
}
