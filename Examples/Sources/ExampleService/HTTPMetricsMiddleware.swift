import HTTPTypes
import Hummingbird
import PrometheusMetrics
import StructuredLog

/// Counts and times every request by method and route template (`/items/{id}`, never the raw
/// path, so the number of series stays fixed), tracks the requests in flight, and attaches the
/// request ID as an exemplar to the latency bucket each request falls in and to every 5xx count.
/// Runs inside ``RequestLoggingMiddleware``, whose request ID it reads.
struct HTTPMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The `endpoint` of requests no route matched.
    static var unmatchedEndpoint: String { "unmatched" }

    let metrics: ServiceMetrics
    let serverErrorRatio: ServerErrorRatio

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        metrics.requestsInFlight.inc()
        defer { metrics.requestsInFlight.dec() }
        do {
            let response = try await next(request, context)
            record(request, context: context, status: response.status, duration: ContinuousClock.now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            record(request, context: context, status: status, duration: ContinuousClock.now - start)
            throw error
        }
    }

    private func record(_ request: Request, context: Context, status: HTTPResponse.Status, duration: Duration) {
        let method = request.method.rawValue
        let endpoint = context.endpointPath ?? Self.unmatchedEndpoint
        let exemplar = RequestIdentity.current.map { ["request_id": $0.requestID] }
        // `labels` throws only when the number of values differs from the family's label
        // names, which these fixed calls rule out.
        if let counter = try? metrics.requests.labels(method, endpoint, String(status.code)) {
            if let exemplar, status.kind == .serverError {
                counter.inc(by: 1, exemplar: exemplar)
            } else {
                counter.inc()
            }
        }
        if let histogram = try? metrics.requestDuration.labels(method, endpoint) {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
            if let exemplar {
                histogram.observe(seconds, exemplar: exemplar)
            } else {
                histogram.observe(seconds)
            }
        }
        serverErrorRatio.record(status)
    }
}
