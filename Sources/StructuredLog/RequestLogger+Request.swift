import Logging

extension RequestLogger {
    /// A request between its "started" and "completed" lines.
    public struct Request: Sendable {
        /// The ID both lines carry.
        public let requestID: String
        /// The HTTP method.
        public let method: String
        /// The path, without its query string.
        public let path: String
        /// The client's address, when known.
        public let clientIP: String?
        /// When the request started.
        public let start: ContinuousClock.Instant

        /// The fields both lines carry.
        var metadata: Logger.Metadata {
            var metadata: Logger.Metadata = [
                "request_id": .string(requestID),
                "method": .string(method),
                "path": .string(path),
            ]
            if let clientIP { metadata["client_ip"] = .string(clientIP) }
            return metadata
        }
    }
}
