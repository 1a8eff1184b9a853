import ArgumentParser

/// Durations as node_exporter's flags spell them (Go's `time.ParseDuration`): a sequence of
/// decimal numbers with units, such as `5s`, `1.5s`, `300ms` or `1m30s`.
enum GoDuration {
    private static let units: [(suffix: String, nanoseconds: Double)] = [
        ("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
    ]

    static func parse(_ text: String) throws -> Duration {
        var rest = Substring(text)
        guard !rest.isEmpty else { throw invalid(text) }
        if rest == "0" { return .zero }
        var nanoseconds = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard let value = Double(number) else { throw invalid(text) }
            rest = rest.dropFirst(number.count)
            let unit = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            guard let scale = units.first(where: { $0.suffix == unit })?.nanoseconds else { throw invalid(text) }
            rest = rest.dropFirst(unit.count)
            nanoseconds += value * scale
        }
        guard nanoseconds < Double(Int64.max) else { throw invalid(text) }
        return .nanoseconds(Int64(nanoseconds))
    }

    private static func invalid(_ text: String) -> ValidationError {
        ValidationError("\"\(text)\" is not a duration: write a number and a unit (ns, us, ms, s, m, h), such as 5s or 500ms")
    }
}
