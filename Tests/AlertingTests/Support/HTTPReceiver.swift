import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 whose answers follow a script, recording every request.
final class HTTPReceiver: Sendable {
    /// How to answer the request with the given index (0 for the first).
    enum Reply: Sendable {
        case status(Int, headers: [(String, String)] = [])
        case delayed(Int, by: TimeAmount)
        /// Answer once the gate opens.
        case gated(Int, Gate)
        /// Never answer; the connection stays open until the receiver stops.
        case hang
    }

    struct Request: Sendable {
        var method: String
        var path: String
        /// Header names in lowercase.
        var headers: [String: String]
        var body: [UInt8]
        /// When the whole request had arrived.
        var receivedAt = Date()
    }

    let port: Int
    var url: String { "http://127.0.0.1:\(port)" }
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let recorded = Mutex<[Request]>([])

    private init(port: Int, group: MultiThreadedEventLoopGroup, channel: any Channel) {
        self.port = port
        self.group = group
        self.channel = channel
    }

    /// Starts listening on an ephemeral loopback port.
    static func start(_ script: @escaping @Sendable (Int) -> Reply) async throws -> HTTPReceiver {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let log = RequestLog()
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(ScriptedHandler(log: log, script: script))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let receiver = HTTPReceiver(port: channel.localAddress?.port ?? 0, group: group, channel: channel)
        log.receiver.withLock { $0 = receiver }
        return receiver
    }

    /// A loopback URL that refuses connections: port 1 is privileged and nothing here listens
    /// on it, while a port freed by a stopped receiver could be taken by a parallel test's.
    static let refusingURL = "http://127.0.0.1:1"

    var requests: [Request] { recorded.withLock { $0 } }

    /// Waits until `count` requests arrived; true if they did. Gives up after a minute, a bound
    /// only a broken test reaches, so a loaded machine never fails a sound one.
    func waitForRequests(_ count: Int) async -> Bool {
        for _ in 0..<6000 {
            if requests.count >= count { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return requests.count >= count
    }

    func stop() async throws {
        try await channel.close()
        try await group.shutdownGracefully()
    }

    fileprivate func record(_ request: Request) -> Int {
        recorded.withLock { requests in
            requests.append(request)
            return requests.count - 1
        }
    }
}

/// Lets the handlers of accepted connections reach the receiver, which exists only after bind.
private final class RequestLog: Sendable {
    let receiver = Mutex<HTTPReceiver?>(nil)

    func record(_ request: HTTPReceiver.Request) -> Int {
        receiver.withLock { $0 }?.record(request) ?? 0
    }
}

private final class ScriptedHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let log: RequestLog
    private let script: @Sendable (Int) -> HTTPReceiver.Reply
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(log: RequestLog, script: @escaping @Sendable (Int) -> HTTPReceiver.Reply) {
        self.log = log
        self.script = script
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
            if head.headers["expect"].first?.lowercased() == "100-continue" {
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .continue))), promise: nil)
            }
        case .body(var buffer):
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let head else { return }
            var headers: [String: String] = [:]
            for (name, value) in head.headers { headers[name.lowercased()] = value }
            let index = log.record(HTTPReceiver.Request(method: "\(head.method)", path: head.uri, headers: headers, body: body))
            let channel = context.channel
            switch script(index) {
            case .status(let code, let extra):
                Self.respond(code, extra, version: head.version, on: channel)
            case .delayed(let code, let delay):
                let version = head.version
                context.eventLoop.scheduleTask(in: delay) { Self.respond(code, [], version: version, on: channel) }
            case .gated(let code, let gate):
                Self.respond(code, version: head.version, on: channel, after: gate)
            case .hang:
                break
            }
        }
    }

    private static func respond(_ code: Int, version: HTTPVersion, on channel: any Channel, after gate: Gate) {
        Task {
            await gate.wait()
            respond(code, [], version: version, on: channel)
        }
    }

    private static func respond(_ code: Int, _ extra: [(String, String)], version: HTTPVersion, on channel: any Channel) {
        var headers = HTTPHeaders([("Content-Length", "0")])
        headers.add(contentsOf: extra)
        channel.write(HTTPServerResponsePart.head(HTTPResponseHead(version: version, status: .init(statusCode: code), headers: headers)), promise: nil)
        channel.writeAndFlush(HTTPServerResponsePart.end(nil), promise: nil)
    }
}
