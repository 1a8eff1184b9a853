/// The path and query of a request's target (`/metrics?collect[]=cpu`), in origin form or in
/// the absolute form proxies send (`http://host:9100/metrics`).
struct RequestTarget {
    /// The percent-decoded path; nil when its escapes are invalid.
    let path: String?
    /// What follows `?`, still encoded; empty without one.
    let query: Substring

    init(_ uri: String) {
        var target = Substring(uri)
        if !target.hasPrefix("/"), let schemeEnd = target.firstRange(of: "://") {
            let authorityAndPath = target[schemeEnd.upperBound...]
            target = authorityAndPath[(authorityAndPath.firstIndex { $0 == "/" || $0 == "?" } ?? authorityAndPath.endIndex)...]
        }
        if let fragment = target.firstIndex(of: "#") {
            target = target[..<fragment]
        }
        let pathPart: Substring
        if let questionMark = target.firstIndex(of: "?") {
            pathPart = target[..<questionMark]
            query = target[target.index(after: questionMark)...]
        } else {
            pathPart = target
            query = ""
        }
        // An absolute form without a path (`http://host`, `http://host?x=1`) asks for `/`.
        path = pathPart.isEmpty ? "/" : PercentDecoding.decode(pathPart.utf8, plusIsSpace: false)
    }
}
