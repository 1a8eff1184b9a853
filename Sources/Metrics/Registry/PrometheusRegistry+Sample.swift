extension PrometheusRegistry {
    /// The value of one sample as a scrape would show it now (`http_requests_total` with
    /// `["method": "GET"]`, `latency_seconds_count`, a collector's `node_load1`), or nil when
    /// there is no sample with exactly that name and label set. It renders the registry, so it
    /// suits rule evaluation every few seconds, not a hot path.
    public func sampleValue(_ name: String, labels: [String: String] = [:]) -> Double? {
        let exposition = exposition(.prometheusText)
        return exposition.withUnsafeBufferPointer { bytes in
            var reader = SampleLineReader(bytes: bytes)
            while let sample = reader.next() {
                if sample.name == name && sample.labels == labels { return sample.value }
            }
            return nil
        }
    }
}

/// Reads the sample lines of a 0.0.4 text exposition this registry wrote: comments skipped,
/// label values unescaped, values in Go's spelling.
private struct SampleLineReader {
    let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func next() -> (name: String, labels: [String: String], value: Double)? {
        while position < bytes.count {
            let start = position
            while position < bytes.count && bytes[position] != UInt8(ascii: "\n") {
                if bytes[position] == UInt8(ascii: "\"") { skipQuoted() } else { position += 1 }
            }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<position])
            position += 1
            if let first = line.first, first != UInt8(ascii: "#"), let sample = Self.parse(line) {
                return sample
            }
        }
        return nil
    }

    private mutating func skipQuoted() {
        position += 1
        while position < bytes.count && bytes[position] != UInt8(ascii: "\"") {
            position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1
        }
        position += 1
    }

    private static func parse(_ line: UnsafeBufferPointer<UInt8>) -> (name: String, labels: [String: String], value: Double)? {
        var index = 0
        while index < line.count && line[index] != UInt8(ascii: "{") && line[index] != UInt8(ascii: " ") { index += 1 }
        let name = String(decoding: line[0..<index], as: UTF8.self)
        var labels: [String: String] = [:]
        if index < line.count && line[index] == UInt8(ascii: "{") {
            index += 1
            while index < line.count && line[index] != UInt8(ascii: "}") {
                let nameStart = index
                while index < line.count && line[index] != UInt8(ascii: "=") { index += 1 }
                let labelName = String(decoding: line[nameStart..<index], as: UTF8.self)
                index += 2
                var value: [UInt8] = []
                while index < line.count && line[index] != UInt8(ascii: "\"") {
                    if line[index] == UInt8(ascii: "\\") && index + 1 < line.count {
                        index += 1
                        value.append(line[index] == UInt8(ascii: "n") ? UInt8(ascii: "\n") : line[index])
                    } else {
                        value.append(line[index])
                    }
                    index += 1
                }
                labels[labelName] = String(decoding: value, as: UTF8.self)
                index += 1
                if index < line.count && line[index] == UInt8(ascii: ",") { index += 1 }
            }
            index += 1
        }
        let text = String(decoding: line[min(index + 1, line.count)...], as: UTF8.self)
        let value: Double? = switch text {
        case "+Inf": .infinity
        case "-Inf": -.infinity
        case "NaN": .nan
        default: Double(text)
        }
        return value.map { (name, labels, $0) }
    }
}
