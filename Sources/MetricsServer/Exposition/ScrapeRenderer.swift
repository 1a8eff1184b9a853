import Logging
import NIOCore
import NIOHTTP1
import PrometheusMetrics

/// Produces a scrape's response on the thread pool: asks the source for a registry, writes it
/// into a pooled workspace, then gzips or copies it into the response body.
struct ScrapeRenderer: Sendable {
    let source: any MetricsSource
    let gzipLevel: Int32?
    let workspaces: ExpositionWorkspacePool
    let instrumentation: MetricHandlerInstrumentation
    let logger: Logger

    /// The response to `request`, gzipped when `gzip` (and gzip is configured). Counts its
    /// status in the instrumentation.
    func render(_ request: ScrapeRequest, gzip: Bool, allocator: ByteBufferAllocator) -> Response {
        let registry: PrometheusRegistry
        do {
            registry = try source.registry(for: request)
        } catch MetricsServerError.badScrapeRequest(let reason) {
            instrumentation.countResponse(.badRequest)
            return .text(.badRequest, reason + "\n")
        } catch {
            instrumentation.countGatheringError()
            instrumentation.countResponse(.internalServerError)
            logger.error("Metrics source failed", metadata: ["error": "\(error)", "path": "\(request.path)"])
            return .text(.internalServerError, "An error has occurred while gathering metrics.\n")
        }
        let workspace = workspaces.take()
        defer { workspaces.giveBack(workspace) }
        registry.write(request.format, into: &workspace.bytes)

        var headers: HTTPHeaders = ["content-type": request.format.contentType]
        let body: ByteBuffer
        if gzip, let compressed = gzipped(workspace, allocator: allocator) {
            headers.add(name: "content-encoding", value: "gzip")
            body = compressed
        } else {
            body = allocator.buffer(bytes: workspace.bytes)
        }
        instrumentation.countResponse(.ok)
        return Response(status: .ok, headers: headers, body: body)
    }

    private func gzipped(_ workspace: ExpositionWorkspace, allocator: ByteBufferAllocator) -> ByteBuffer? {
        guard let level = gzipLevel, let compressor = workspace.compressor(level: level) else { return nil }
        var body = allocator.buffer(capacity: 0)
        return compressor.compress(workspace.bytes, into: &body) ? body : nil
    }
}
