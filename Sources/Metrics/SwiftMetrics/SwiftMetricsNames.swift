/// Turns swift-metrics labels and dimension names into Prometheus names:
/// `http.server.request.duration` becomes `http_server_request_duration`.
enum SwiftMetricsNames {
    /// Every character outside `[a-zA-Z0-9_]` becomes one `_`; a leading digit gets a `_` in
    /// front; the reserved `__` prefix is shortened to `_`. Empty stays empty (and is refused).
    static func sanitized(_ label: String) -> String {
        var bytes: [UInt8] = label.unicodeScalars.map { scalar in
            guard scalar.isASCII else { return UInt8(ascii: "_") }
            let byte = UInt8(scalar.value)
            return MetricNames.isLetter(byte) || MetricNames.isDigit(byte) || byte == UInt8(ascii: "_") ? byte : UInt8(ascii: "_")
        }
        if let first = bytes.first, MetricNames.isDigit(first) {
            bytes.insert(UInt8(ascii: "_"), at: 0)
        }
        while bytes.count > 1 && bytes[0] == UInt8(ascii: "_") && bytes[1] == UInt8(ascii: "_") {
            bytes.removeFirst()
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
