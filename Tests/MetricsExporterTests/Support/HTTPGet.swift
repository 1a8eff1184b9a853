import Foundation
import Glibc

/// A blocking HTTP/1.1 client for one request per connection, over a plain socket to
/// 127.0.0.1: enough to scrape the exporter as Prometheus does and see every byte of the answer.
struct HTTPResponse {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends `method target` with `Connection: close` and reads the response to the end.
    static func fetch(port: Int, _ target: String, method: String = "GET", headers: [String] = []) throws -> HTTPResponse {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect to 127.0.0.1:\(port): errno \(errno)") }
        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for header in headers {
            request += header + "\r\n"
        }
        let bytes = Array((request + "\r\n").utf8)
        guard bytes.withUnsafeBytes({ send(socket, $0.baseAddress, $0.count, 0) }) == bytes.count else {
            throw Failure(description: "send: errno \(errno)")
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            guard count > 0 else { throw Failure(description: "recv: errno \(errno)") }
            received += chunk[..<count]
        }
        return try parse(received)
    }

    private static func parse(_ bytes: [UInt8]) throws -> HTTPResponse {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0...max(0, bytes.count - separator.count)).first(where: { bytes[$0..<min($0 + 4, bytes.count)].elementsEqual(separator) })
        else { throw Failure(description: "no header end in \(String(decoding: bytes, as: UTF8.self))") }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusFields = lines[0].split(separator: " ")
        guard statusFields.count >= 2, let status = Int(statusFields[1]) else { throw Failure(description: "status line \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(end + 4)...])
        if let length = headers["content-length"].flatMap(Int.init) {
            body = Array(body.prefix(length))
        } else if headers["transfer-encoding"]?.lowercased() == "chunked" {
            body = try dechunked(body)
        }
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    private static func dechunked(_ bytes: [UInt8]) throws -> [UInt8] {
        var body: [UInt8] = []
        var rest = bytes[...]
        while let lineEnd = rest.firstIndex(of: UInt8(ascii: "\r")) {
            guard let size = Int(String(decoding: rest[..<lineEnd], as: UTF8.self), radix: 16) else {
                throw Failure(description: "bad chunk size")
            }
            rest = rest[(lineEnd + 2)...]
            if size == 0 { break }
            body += rest.prefix(size)
            rest = rest.dropFirst(size + 2)
        }
        return body
    }
}
