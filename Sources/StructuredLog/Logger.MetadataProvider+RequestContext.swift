import Logging

extension Logger.MetadataProvider {
    /// Provides the fields of the current ``RequestIdentity`` as metadata, named by `format`, so
    /// that handlers other than ``JSONLogHandler`` (which reads the context itself) carry them.
    public static func requestContext(_ format: JSONLogFormat = .plain) -> Logger.MetadataProvider {
        let (requestID, userID, traceID, spanID) = (format.requestID, format.userID, format.traceID, format.spanID)
        return Logger.MetadataProvider {
            guard let context = RequestIdentity.current else { return [:] }
            var metadata: Logger.Metadata = [requestID: .string(context.requestID)]
            if let user = context.userID { metadata[userID] = .string(user) }
            if let trace = context.traceID { metadata[traceID] = .string(trace) }
            if let span = context.spanID { metadata[spanID] = .string(span) }
            return metadata
        }
    }
}
