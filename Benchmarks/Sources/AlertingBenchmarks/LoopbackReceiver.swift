#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A minimal HTTP/1.1 receiver on 127.0.0.1 that answers every request `200` with keep-alive,
/// one thread per connection, so that it costs the benchmark as little as possible.
final class LoopbackReceiver: Sendable {
    let port: Int
    private let listener: Int32
    private let received = Atomic<Int>(0)

    /// Requests answered so far.
    var requestCount: Int { received.load(ordering: .relaxed) }

    init() {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                _ = bind(descriptor, socketAddress, length)
                _ = listen(descriptor, 128)
                _ = getsockname(descriptor, socketAddress, &length)
            }
        }
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in
            while case let connection = accept(descriptor, nil, nil), connection >= 0 {
                Thread.detachNewThread { [self] in serve(connection) }
            }
        }
    }

    /// Stops accepting; open connections end when their client closes them.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        let headerEnd: [UInt8] = Array("\r\n\r\n".utf8)
        let ok: [UInt8] = Array("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".utf8)
        let proceed: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
        while true {
            guard let end = pending.firstRange(of: headerEnd)?.upperBound else {
                guard read(connection, &chunk, &pending) else { return }
                continue
            }
            let head = String(decoding: pending[..<end], as: UTF8.self).lowercased()
            let bodyLength = Self.value(of: "content-length", in: head).flatMap { Int($0) } ?? 0
            if Self.value(of: "expect", in: head) == "100-continue", pending.count == end {
                guard write(connection, proceed) else { return }
            }
            while pending.count < end + bodyLength {
                guard read(connection, &chunk, &pending) else { return }
            }
            pending.removeFirst(end + bodyLength)
            received.add(1, ordering: .relaxed)
            guard write(connection, ok) else { return }
        }
    }

    private func read(_ connection: Int32, _ chunk: inout [UInt8], _ pending: inout [UInt8]) -> Bool {
        let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        pending += chunk[..<count]
        return true
    }

    private func write(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    private static func value(of header: String, in head: String) -> String? {
        head.split(separator: "\r\n").lazy
            .compactMap { line -> Substring? in line.hasPrefix(header + ":") ? line.dropFirst(header.count + 1) : nil }
            .first.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
