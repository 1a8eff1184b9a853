import HTTPTypes

extension HTTPField.Name {
    /// `X-Request-ID`: the ID a client or proxy gave the request, echoed in the response.
    /// Optional only because HTTPTypes validates names at run time; this one is valid.
    static let requestID = HTTPField.Name("X-Request-ID")
    /// W3C `traceparent`: the trace a request belongs to.
    static let traceparent = HTTPField.Name("traceparent")
}

extension HTTPFields {
    /// The value of the field named `name`, if the name and the field exist.
    subscript(optional name: HTTPField.Name?) -> String? {
        name.flatMap { self[$0] }
    }
}
