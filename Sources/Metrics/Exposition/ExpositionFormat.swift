/// The two exposition formats Prometheus scrapes, and the choice between them that an
/// HTTP `Accept` header makes.
public enum ExpositionFormat: Sendable, Hashable, CaseIterable {
    /// Prometheus text format 0.0.4: what every Prometheus version reads.
    case prometheusText
    /// OpenMetrics 1.0.0 text: adds units, `_created` samples, exemplars and `# EOF`.
    case openMetrics

    /// The exact `Content-Type` to send with a body in this format. Prometheus 3 fails a scrape
    /// whose content type is missing or unknown.
    public var contentType: String {
        switch self {
        case .prometheusText: "text/plain; version=0.0.4; charset=utf-8"
        case .openMetrics: "application/openmetrics-text; version=1.0.0; charset=utf-8"
        }
    }

    /// The format to answer an `Accept` header with: the supported clause with the highest
    /// `q` (the earlier one on a tie), or the 0.0.4 text format when nothing supported is
    /// acceptable or the header is absent. OpenMetrics is chosen for version 1.0.0 or no version;
    /// the text format for version 0.0.4, no version, `text/*` or `*/*`.
    public static func negotiate(accept: String?) -> ExpositionFormat {
        guard let accept else { return .prometheusText }
        var best: (format: ExpositionFormat, quality: Double)?
        for clause in accept.split(separator: ",") {
            guard let (format, quality) = supportedFormat(in: clause), quality > 0 else { continue }
            if best == nil || quality > best?.quality ?? 0 {
                best = (format, quality)
            }
        }
        return best?.format ?? .prometheusText
    }

    private static func supportedFormat(in clause: Substring) -> (ExpositionFormat, Double)? {
        let parts = clause.split(separator: ";", omittingEmptySubsequences: false)
        guard let mediaType = parts.first?.trimmingSpaces().lowercased() else { return nil }
        var version: Substring?
        var quality = 1.0
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let key = pair[0].trimmingSpaces().lowercased()
            let value = pair[1].trimmingSpaces().trimmingQuotes()
            switch key {
            case "version": version = value
            case "q": quality = Double(value) ?? 0
            default: break
            }
        }
        switch mediaType {
        case "application/openmetrics-text" where version == nil || version == "1.0.0":
            return (.openMetrics, quality)
        case "text/plain" where version == nil || version == "0.0.4":
            return (.prometheusText, quality)
        case "text/*", "*/*":
            return (.prometheusText, quality)
        default:
            return nil
        }
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }

    fileprivate func trimmingQuotes() -> Substring {
        count >= 2 && first == "\"" && last == "\"" ? dropFirst().dropLast() : self
    }
}
