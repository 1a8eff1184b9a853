import NIOCore
import NIOPosix

/// What every connection of one server shares: the routes, the scrape limit and the renderer.
struct MetricsEndpoint: Sendable {
    /// Where a request path leads.
    enum Route {
        case metrics
        case landingPage(ByteBuffer)
        case health
        case notFound
    }

    let metricsPath: String
    let landingPage: ByteBuffer?
    let maxConcurrentScrapes: Int
    let renderer: ScrapeRenderer
    let threadPool: NIOThreadPool

    var instrumentation: MetricHandlerInstrumentation { renderer.instrumentation }

    /// Whether expositions are gzipped for clients that accept it.
    var compresses: Bool { renderer.gzipLevel != nil }

    /// The metrics path wins over `/` and `/-/healthy` when it is configured as one of them.
    func route(_ path: String) -> Route {
        if path == metricsPath { return .metrics }
        if path == "/", let landingPage { return .landingPage(landingPage) }
        if path == "/-/healthy" { return .health }
        return .notFound
    }
}
