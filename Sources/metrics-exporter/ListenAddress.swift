import ArgumentParser
import Glibc

/// `--web.listen-address` as node_exporter (Go's `net.Listen`) reads it: `host:port`, where an
/// empty host (`:9100`) means every interface and an IPv6 host is bracketed (`[::1]:9100`).
struct ListenAddress: Sendable, Equatable {
    /// The host to bind, brackets removed; `::` or `0.0.0.0` for every interface.
    var host: String
    var port: Int

    init(parsing text: String) throws {
        let invalid = ValidationError(
            "--web.listen-address \"\(text)\" is not host:port: write :9100, 127.0.0.1:9100 or [::1]:9100"
        )
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw invalid
        }
        var host = text[..<colon]
        if host.hasPrefix("["), host.hasSuffix("]") {
            host = host.dropFirst().dropLast()
        } else if host.contains(":") {
            throw invalid
        }
        self.host = host.isEmpty ? Self.everyInterface : String(host)
        self.port = port
    }

    /// Every interface: IPv6's `::` (which also accepts IPv4) when the kernel has IPv6, as Go
    /// listens, else `0.0.0.0`.
    private static var everyInterface: String {
        let probe = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
        guard probe >= 0 else { return "0.0.0.0" }
        close(probe)
        return "::"
    }
}
