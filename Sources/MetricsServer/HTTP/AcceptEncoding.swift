import NIOHTTP1

/// What a request's `Accept-Encoding` allows.
enum AcceptEncoding {
    /// Whether the response may be gzipped: a `gzip` (or `x-gzip`) coding with a non-zero
    /// `q`, or `*` with a non-zero `q` and no `gzip` coding of its own.
    static func allowsGzip(_ headers: HTTPHeaders) -> Bool {
        var gzipQuality: Double?
        var anyQuality: Double?
        for value in headers["accept-encoding"] {
            for clause in value.split(separator: ",") {
                let parts = clause.split(separator: ";")
                guard let coding = parts.first?.trimmingSpaces().lowercased() else { continue }
                var quality = 1.0
                for parameter in parts.dropFirst() {
                    let pair = parameter.split(separator: "=", maxSplits: 1)
                    if pair.count == 2, pair[0].trimmingSpaces().lowercased() == "q" {
                        quality = Double(pair[1].trimmingSpaces()) ?? 0
                    }
                }
                switch coding {
                case "gzip", "x-gzip": gzipQuality = quality
                case "*": anyQuality = quality
                default: break
                }
            }
        }
        return (gzipQuality ?? anyQuality ?? 0) > 0
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
