import NIOCore
import NIOHTTP1
import PrometheusMetrics

/// Answers each request of one connection: scrapes at the metrics path (on the thread pool),
/// the landing page, the health check, and 400, 404, 405, 431 and 503 where they belong.
///
/// Every request is answered from its head; a request with a body is answered and its
/// connection closed, since no endpoint reads one.
final class MetricsRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let endpoint: MetricsEndpoint
    /// A scrape is running on the thread pool for this connection.
    private var isScraping = false
    private var isActive = true
    /// A protocol error arrived while a scrape was running: close once it is answered.
    private var closesAfterResponse = false

    init(endpoint: MetricsEndpoint) {
        self.endpoint = endpoint
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(let head) = unwrapInboundIn(data) else { return }
        context.triggerUserOutboundEvent(RequestStarted(), promise: nil)
        let keepAlive = head.isKeepAlive && !head.hasBody
        let target = RequestTarget(head.uri)
        guard let path = target.path else {
            write(.text(.badRequest, "400 Bad Request: the path is not valid percent-encoded UTF-8\n"), to: head, keepAlive: keepAlive, context: context)
            return
        }
        let isReadOnly = head.method == .GET || head.method == .HEAD
        switch endpoint.route(path) {
        case .metrics where isReadOnly:
            scrape(path: path, query: target.query, head: head, keepAlive: keepAlive, context: context)
        case .metrics:
            endpoint.instrumentation.countResponse(.methodNotAllowed)
            write(Self.methodNotAllowed, to: head, keepAlive: keepAlive, context: context)
        case .landingPage(let page) where isReadOnly:
            write(Response(status: .ok, headers: ["content-type": "text/html; charset=utf-8"], body: page), to: head, keepAlive: keepAlive, context: context)
        case .health where isReadOnly:
            write(.text(.ok, "OK"), to: head, keepAlive: keepAlive, context: context)
        case .landingPage, .health:
            write(Self.methodNotAllowed, to: head, keepAlive: keepAlive, context: context)
        case .notFound:
            write(.text(.notFound, "404 page not found\n"), to: head, keepAlive: keepAlive, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        isActive = false
        context.fireChannelInactive()
    }

    /// A request the HTTP decoder cannot parse gets 431 (headers over the limit) or 400, and
    /// its connection is closed; other errors close the connection at once.
    func errorCaught(context: ChannelHandlerContext, error: Error) {
        guard let parserError = error as? HTTPParserError else {
            context.close(promise: nil)
            return
        }
        guard !isScraping else {
            closesAfterResponse = true
            return
        }
        let response: Response = parserError == .headerOverflow
            ? .text(.requestHeaderFieldsTooLarge, "431 Request Header Fields Too Large\n")
            : .text(.badRequest, "400 Bad Request\n")
        write(response, version: .http1_1, keepAlive: false, isHead: false, context: context)
    }

    private static let methodNotAllowed = Response.text(.methodNotAllowed, "405 method not allowed\n", headers: ["allow": "GET, HEAD"])

    private func scrape(path: String, query: Substring, head: HTTPRequestHead, keepAlive: Bool, context: ChannelHandlerContext) {
        let instrumentation = endpoint.instrumentation
        let queryItems: [QueryItem]
        do {
            queryItems = try QueryItem.items(of: query)
        } catch {
            instrumentation.countResponse(.badRequest)
            write(.text(.badRequest, "\(error)\n"), to: head, keepAlive: keepAlive, context: context)
            return
        }
        guard instrumentation.admitScrape(limit: endpoint.maxConcurrentScrapes) else {
            instrumentation.countResponse(.serviceUnavailable)
            let message = "Limit of concurrent requests reached (\(endpoint.maxConcurrentScrapes)), try again later.\n"
            write(.text(.serviceUnavailable, message), to: head, keepAlive: keepAlive, context: context)
            return
        }
        let accept = head.headers["accept"]
        let request = ScrapeRequest(
            path: path,
            queryItems: queryItems,
            format: .negotiate(accept: accept.count > 1 ? accept.joined(separator: ",") : accept.first)
        )
        let gzip = endpoint.compresses && AcceptEncoding.allowsGzip(head.headers)
        let renderer = endpoint.renderer
        let allocator = context.channel.allocator
        isScraping = true
        endpoint.threadPool.runIfActive(eventLoop: context.eventLoop) {
            renderer.render(request, gzip: gzip, allocator: allocator)
        }.assumeIsolated().whenComplete { result in
            instrumentation.finishScrape()
            self.isScraping = false
            let response: Response
            switch result {
            case .success(let rendered):
                response = rendered
            case .failure:
                // The thread pool has shut down.
                instrumentation.countResponse(.internalServerError)
                response = .text(.internalServerError, "500 Internal Server Error: the scrape thread pool has stopped\n")
            }
            guard self.isActive else { return }
            self.write(response, to: head, keepAlive: keepAlive, context: context)
        }
    }

    private func write(_ response: Response, to head: HTTPRequestHead, keepAlive: Bool, context: ChannelHandlerContext) {
        write(response, version: head.version, keepAlive: keepAlive, isHead: head.method == .HEAD, context: context)
    }

    /// Writes `response` with its framing headers; a HEAD response carries the headers of the
    /// GET response, `Content-Length` included, without the body.
    private func write(_ response: Response, version: HTTPVersion, keepAlive: Bool, isHead: Bool, context: ChannelHandlerContext) {
        let closes = !keepAlive || closesAfterResponse
        var headers = response.headers
        headers.add(name: "content-length", value: String(response.body.readableBytes))
        if closes {
            headers.add(name: "connection", value: "close")
        } else if version.minor == 0 {
            headers.add(name: "connection", value: "keep-alive")
        }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: response.status, headers: headers))), promise: nil)
        if !isHead && response.body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(.byteBuffer(response.body))), promise: nil)
        }
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            if closes {
                channel.close(promise: nil)
            } else {
                channel.triggerUserOutboundEvent(ResponseCompleted(), promise: nil)
            }
        }
    }
}

extension HTTPRequestHead {
    /// Whether a body follows the head.
    fileprivate var hasBody: Bool {
        if headers.contains(name: "transfer-encoding") { return true }
        guard let length = headers.first(name: "content-length") else { return false }
        return length != "0"
    }
}
