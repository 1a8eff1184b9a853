import NIOCore
import NIOPosix
import Synchronization

/// An HTTP/1.1 client that writes and reads raw bytes, so tests can send what Prometheus sends
/// and what hostile clients do, and see exactly what comes back (gzip included).
struct RawHTTPConnection {
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let gaveUp: GiveUp
    private var received: [UInt8] = []

    /// Set when the client closed the connection itself, having waited longer than any test
    /// should for the server.
    private final class GiveUp: Sendable {
        let happened = Atomic(false)
    }

    /// Connects to 127.0.0.1:`port`, runs `body`, and closes the connection. After
    /// `giveUpAfter` the client closes it: reads end, and `readUntilClosed` reports nil.
    static func with<Result: Sendable>(
        port: Int,
        giveUpAfter bound: TimeAmount = .seconds(60),
        _ body: (inout RawHTTPConnection) async throws -> Result
    ) async throws -> Result {
        let (asyncChannel, channel) = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    (try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel), channel)
                }
            }
        let gaveUp = GiveUp()
        let deadline = channel.eventLoop.scheduleTask(in: bound) {
            gaveUp.happened.store(true, ordering: .relaxed)
            channel.close(promise: nil)
        }
        defer { deadline.cancel() }
        return try await asyncChannel.executeThenClose { inbound, outbound in
            var connection = RawHTTPConnection(inbound: inbound.makeAsyncIterator(), outbound: outbound, gaveUp: gaveUp)
            return try await body(&connection)
        }
    }

    /// A `GET` request with the given extra header lines.
    static func request(_ target: String, headers: [String] = []) -> String {
        request("GET", target, headers: headers)
    }

    /// A request without a body, with the given extra header lines.
    static func request(_ method: String, _ target: String, headers: [String] = []) -> String {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for header in headers {
            text += header + "\r\n"
        }
        return text + "\r\n"
    }

    func send(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text))
    }

    /// Sends a `GET` request and reads its response.
    mutating func exchange(_ target: String, headers: [String] = []) async throws -> HTTPTestResponse {
        try await exchange("GET", target, headers: headers)
    }

    /// Sends `request(method, target, headers:)` and reads its response.
    mutating func exchange(_ method: String, _ target: String, headers: [String] = []) async throws -> HTTPTestResponse {
        try await send(Self.request(method, target, headers: headers))
        return try await readResponse(toHead: method == "HEAD")
    }

    /// Reads one response; the body's length comes from `Content-Length`, and a response to
    /// HEAD has none.
    mutating func readResponse(toHead: Bool = false) async throws -> HTTPTestResponse {
        while true {
            if let response = try HTTPTestResponse.parse(&received, toHead: toHead) {
                return response
            }
            guard try await receive() else { throw RawHTTPError.closedBeforeResponse(received) }
        }
    }

    /// Whatever arrives until the server closes the connection (or resets it); nil if the
    /// client gave up waiting first.
    mutating func readUntilClosed() async -> [UInt8]? {
        while (try? await receive()) == true {}
        defer { received = [] }
        return gaveUp.happened.load(ordering: .relaxed) ? nil : received
    }

    private mutating func receive() async throws -> Bool {
        guard var buffer = try await inbound.next() else { return false }
        received += buffer.readBytes(length: buffer.readableBytes) ?? []
        return true
    }
}
