/// What went wrong running a metrics server or answering a scrape, with the offending value,
/// phrased as advice.
public enum MetricsServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The listening socket could not be opened.
    case bindFailed(host: String, port: Int, reason: String)
    /// `run()` was called on a server that is running or has run; make a new server instead.
    case alreadyRunning
    /// The server is not listening (it stopped, or failed to start), so it has no address.
    case notListening
    /// A query string that is not valid `application/x-www-form-urlencoded` UTF-8; answered
    /// with 400.
    case invalidQuery(String)
    /// A scrape request the metrics source refuses, such as an unknown collector in
    /// `collect[]`; answered with 400 and this reason.
    case badScrapeRequest(reason: String)

    /// The problem and what to do about it.
    public var description: String {
        switch self {
        case .bindFailed(let host, let port, let reason):
            "cannot listen on \(host):\(port): \(reason); choose a free port or an address of this host"
        case .alreadyRunning:
            "this metrics server is running or has run: create a new MetricsServer to run again"
        case .notListening:
            "the metrics server is not listening: it stopped or failed to start"
        case .invalidQuery(let query):
            "query \"\(query)\" is invalid: percent-encode it as UTF-8 (%XX with two hex digits)"
        case .badScrapeRequest(let reason):
            reason
        }
    }
}
