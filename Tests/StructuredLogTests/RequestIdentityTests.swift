import Foundation
import Logging
import StructuredLog
import Synchronization
import Testing

@Test func theRequestIDReachesChildTasks() async throws {
    let collector = LineCollector()
    let logger = collector.logger()
    await withRequestContext(RequestIdentity(requestID: "parent-1")) {
        logger.info("parent")
        async let child: Void = logger.info("async let")
        await child
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<4 { group.addTask { logger.info("group \(index)") } }
        }
        await Task { logger.info("unstructured task") }.value
        await Task.detached { logger.info("detached") }.value
    }
    let objects = try collector.objects()
    #expect(objects.count == 8)
    for object in objects {
        let message = try #require(object["message"] as? String)
        #expect(object["request_id"] as? String == (message == "detached" ? nil : "parent-1"), "\(message)")
    }
}

@Test func siblingRequestsNeverSeeEachOthersID() async throws {
    let collector = LineCollector()
    let logger = collector.logger()
    await withTaskGroup(of: Void.self) { group in
        for request in 0..<8 {
            group.addTask {
                await withRequestContext(RequestIdentity(requestID: "request-\(request)")) {
                    for step in 0..<25 {
                        logger.info("step", metadata: ["request": "request-\(request)", "step": "\(step)"])
                        await Task.yield()
                    }
                }
            }
        }
    }
    let objects = try collector.objects()
    #expect(objects.count == 200)
    for object in objects {
        #expect(object["request_id"] as? String == object["request"] as? String)
    }
}

@Test func loggerCurrentAndWithLoggerCarryTheRequestID() async throws {
    let collector = LineCollector()
    await withLogger(collector.logger()) { _ in
        await withRequestContext(RequestIdentity(requestID: "bound")) {
            Logger.current.info("through Logger.current")
            withLogger(mergingMetadata: ["step": "inner"]) { logger in
                logger.info("through withLogger(mergingMetadata:)")
                Logger.current.info("and Logger.current inside it")
            }
            async let child: Void = Logger.current.info("child task")
            await child
        }
    }
    let objects = try collector.objects()
    #expect(objects.count == 4)
    #expect(objects.allSatisfy { $0["request_id"] as? String == "bound" })
    #expect(objects[1]["step"] as? String == "inner" && objects[2]["step"] as? String == "inner")
}

@Test func aCallSiteRequestIDOverridesTheContextsAndIsWrittenOnce() throws {
    let collector = LineCollector()
    withRequestContext(RequestIdentity(requestID: "from-context", userID: "u1")) {
        collector.logger().info("override", metadata: ["request_id": "from-call-site"])
    }
    let line = try #require(collector.lines.first)
    #expect(occurrences(ofKey: "request_id", in: line) == 1)
    let object = try parseJSONObject(line)
    #expect(object["request_id"] as? String == "from-call-site")
    #expect(object["user_id"] as? String == "u1")
}

@Test func withoutAContextOrWithContextsTurnedOffNoIDIsWritten() throws {
    let collector = LineCollector()
    collector.logger().info("outside")
    withRequestContext(RequestIdentity(requestID: "ignored")) {
        collector.logger(configuration: JSONLogConfiguration(includesRequestContext: false)).info("turned off")
    }
    #expect(try collector.objects().allSatisfy { $0["request_id"] == nil })
}

/// A `TextOutputStream` for swift-log's `StreamLogHandler` that keeps what it is given.
private final class TextCollector: TextOutputStream, @unchecked Sendable {
    private let text = Mutex("")
    func write(_ string: String) { text.withLock { $0 += string } }
    var contents: String { text.withLock { $0 } }
}

private struct SharedStream: TextOutputStream, Sendable {
    let collector: TextCollector
    mutating func write(_ string: String) { collector.write(string) }
}

@Test func theMetadataProviderGivesOtherHandlersTheContext() {
    let text = TextCollector()
    let logger = Logger(label: "stream") { label in
        StreamLogHandler(label: label, stream: SharedStream(collector: text), metadataProvider: .requestContext())
    }
    let ecsLogger = Logger(label: "stream") { label in
        StreamLogHandler(label: label, stream: SharedStream(collector: text), metadataProvider: .requestContext(.ecs))
    }
    withRequestContext(RequestIdentity(requestID: "abc", userID: "ann", traceID: "t", spanID: "s")) {
        logger.info("with context")
        ecsLogger.info("with ecs names")
    }
    logger.info("without")
    let lines = text.contents.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0].contains("request_id=abc span_id=s trace_id=t user_id=ann"))
    #expect(lines[1].contains("http.request.id=abc span.id=s trace.id=t user.id=ann"))
    #expect(!lines[2].contains("request_id"))
}

@Test func theProviderAndTheHandlerNamingTheSameFieldWriteItOnce() throws {
    let collector = LineCollector()
    let logger = collector.logger(metadataProvider: .requestContext())
    withRequestContext(RequestIdentity(requestID: "once", traceID: "t-1")) { logger.info("both") }
    let line = try #require(collector.lines.first)
    #expect(occurrences(ofKey: "request_id", in: line) == 1)
    #expect(occurrences(ofKey: "trace_id", in: line) == 1)
    #expect(try parseJSONObject(line)["request_id"] as? String == "once")
}

@Test func aRequestIDHeaderIsValidatedBeforeItIsAdopted() throws {
    #expect(try RequestIdentity.validatedRequestID("  f47ac10b-58cc-4372-a567-0e02b2c3d479 ") == "f47ac10b-58cc-4372-a567-0e02b2c3d479")
    #expect(try RequestIdentity.validatedRequestID(String(repeating: "a", count: 128)).count == 128)
    for hostile in ["", "   ", String(repeating: "a", count: 129), "id\"quoted", "line\nbreak", "with space", "é", "<script>"] {
        #expect(throws: StructuredLogError.invalidRequestID(hostile)) { try RequestIdentity.validatedRequestID(hostile) }
    }
}

@Test func anIncomingRequestAdoptsItsIDsInOrderOfTrust() {
    let traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
    let both = RequestIdentity(requestIDHeader: "req-7", traceparentHeader: traceparent)
    #expect(both.requestID == "req-7" && both.traceID == "4bf92f3577b34da6a3ce929d0e0e4736")
    let forged = RequestIdentity(requestIDHeader: "x\n{\"level\":\"critical\"}", traceparentHeader: traceparent)
    #expect(forged.requestID == "4bf92f3577b34da6a3ce929d0e0e4736")
    let invalidTrace = RequestIdentity(requestIDHeader: nil, traceparentHeader: "00-zz")
    #expect(invalidTrace.traceID == nil && isNewRequestID(invalidTrace.requestID))
    #expect(isNewRequestID(RequestIdentity(requestIDHeader: nil, traceparentHeader: nil).requestID))
}

@Test func newRequestIDsAreRandom128BitHex() {
    let ids = (0..<1000).map { _ in RequestIdentity.newRequestID() }
    #expect(ids.allSatisfy(isNewRequestID))
    #expect(Set(ids).count == ids.count)
}

private func isNewRequestID(_ id: String) -> Bool {
    id.utf8.count == 32 && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
}
