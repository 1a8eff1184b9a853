import HTTPTypes
import Hummingbird
import PrometheusMetrics

/// `GET /metrics`: the registry in the format the scraper's `Accept` header asks for, OpenMetrics
/// (with exemplars) for a Prometheus started with `--enable-feature=exemplar-storage`, text 0.0.4
/// otherwise.
struct MetricsEndpoint<Context: RequestContext>: Sendable {
    let registry: PrometheusRegistry

    func addRoutes(to router: Router<Context>) {
        router.get("metrics", use: scrape)
    }

    @Sendable func scrape(_ request: Request, context: Context) -> Response {
        let format = ExpositionFormat.negotiate(accept: request.headers[.accept])
        let body = ByteBuffer(bytes: registry.exposition(format))
        return Response(status: .ok, headers: [.contentType: format.contentType], body: ResponseBody(byteBuffer: body))
    }
}
