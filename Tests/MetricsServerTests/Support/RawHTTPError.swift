/// Why ``RawHTTPConnection`` could not read a response.
enum RawHTTPError: Error {
    /// The server closed the connection first; what it had sent.
    case closedBeforeResponse([UInt8])
    /// A status or header line that is not HTTP/1.x.
    case malformedResponse(String)
}
