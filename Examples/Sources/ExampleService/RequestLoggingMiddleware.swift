import HTTPTypes
import Hummingbird
import StructuredLog

/// The outermost middleware: gives each request its ID (adopting a valid `X-Request-ID`, else a
/// valid `traceparent`'s trace ID, else a new one), binds it for everything the request logs,
/// logs "request started" and "request completed" as JSON, and echoes the ID in the response's
/// `X-Request-ID`, errors included.
struct RequestLoggingMiddleware<Context: RemoteAddressRequestContext>: RouterMiddleware {
    let requestLogger: RequestLogger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let requestContext = RequestIdentity(
            requestIDHeader: request.headers[optional: .requestID],
            traceparentHeader: request.headers[optional: .traceparent])
        return try await withRequestContext(requestContext) {
            let started = requestLogger.started(
                method: request.method.rawValue, path: request.uri.path, clientIP: context.remoteAddress?.ipAddress)
            var response: Response
            do {
                response = try await next(request, context)
                requestLogger.completed(started, statusCode: response.status.code)
            } catch {
                response = try Self.response(for: error, request: request, context: context)
                requestLogger.completed(started, statusCode: response.status.code, error: error)
            }
            if let name = HTTPField.Name.requestID {
                response.headers[name] = requestContext.requestID
            }
            return response
        }
    }

    /// The response Hummingbird would send for `error`: its own for an `HTTPResponseError`, a
    /// bare 500 otherwise (an error's description is not for clients).
    private static func response(for error: any Error, request: Request, context: Context) throws -> Response {
        guard let error = error as? any HTTPResponseError else { return Response(status: .internalServerError) }
        return try error.response(from: request, context: context)
    }
}
