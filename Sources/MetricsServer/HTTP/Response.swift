import NIOCore
import NIOHTTP1

/// A whole response before framing: the request handler adds `Content-Length` and
/// `Connection` when it writes one.
struct Response: Sendable {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: ByteBuffer

    /// A plain-text response, such as `404 page not found`.
    static func text(_ status: HTTPResponseStatus, _ text: String, headers: HTTPHeaders = [:]) -> Response {
        var headers = headers
        headers.add(name: "content-type", value: "text/plain; charset=utf-8")
        return Response(status: status, headers: headers, body: ByteBuffer(string: text))
    }
}
