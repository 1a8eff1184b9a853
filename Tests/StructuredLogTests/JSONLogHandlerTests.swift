import Foundation
import Logging
import StructuredLog
import Synchronization
import Testing

@Test func aLineHoldsTheEventFieldsInThePlainForm() throws {
    let collector = LineCollector()
    let logger = collector.logger(label: "app.db")
    logger.notice("connected", metadata: ["pool": "main"])
    let line = try #require(collector.lines.first)
    let object = try parseJSONObject(line)
    #expect(line.hasPrefix("{\"timestamp\":\""))
    #expect(Set(object.keys) == ["timestamp", "level", "logger", "message", "pool", "source"])
    #expect(object["level"] as? String == "notice")
    #expect(object["logger"] as? String == "app.db")
    #expect(object["message"] as? String == "connected")
    #expect(object["source"] as? String == "StructuredLogTests")
    let timestamp = try #require(object["timestamp"] as? String)
    #expect(timestamp.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z/) != nil)
    let parsed = try #require(ISO8601DateFormatter.withFractionalSeconds.date(from: timestamp))
    #expect(abs(parsed.timeIntervalSinceNow) < 60)
}

@Test func metadataMergesHandlerBelowProviderBelowCallSite() throws {
    let collector = LineCollector()
    var logger = collector.logger(metadataProvider: Logger.MetadataProvider { ["layer": "provider", "provided": "p"] })
    logger[metadataKey: "layer"] = "handler"
    logger[metadataKey: "preset"] = "h"
    logger.info("one")
    logger.info("two", metadata: ["layer": "call site", "call": "c"])
    let lines = collector.lines
    let objects = try collector.objects()
    #expect(objects[0]["layer"] as? String == "provider")
    #expect(objects[1]["layer"] as? String == "call site")
    for (line, object) in zip(lines, objects) {
        #expect(occurrences(ofKey: "layer", in: line) == 1)
        #expect(object["preset"] as? String == "h")
        #expect(object["provided"] as? String == "p")
    }
    #expect(objects[1]["call"] as? String == "c")
}

@Test func presetMetadataIsCopiedUntilACallSiteKeyOverridesIt() throws {
    let collector = LineCollector()
    var logger = collector.logger()
    logger[metadataKey: "service"] = "checkout"
    logger[metadataKey: "region"] = "eu"
    logger.info("preset only")
    logger.info("overridden", metadata: ["region": "us"])
    logger[metadataKey: "region"] = nil
    logger.info("removed")
    let objects = try collector.objects()
    #expect(objects[0]["service"] as? String == "checkout" && objects[0]["region"] as? String == "eu")
    #expect(objects[1]["service"] as? String == "checkout" && objects[1]["region"] as? String == "us")
    #expect(objects[2]["service"] as? String == "checkout" && objects[2]["region"] == nil)
    #expect(collector.lines.allSatisfy { occurrences(ofKey: "region", in: $0) <= 1 })
}

@Test func nestedMetadataBecomesJSONObjectsAndArrays() throws {
    let collector = LineCollector()
    collector.logger().info(
        "nested",
        metadata: ["user": ["id": .stringConvertible(42), "roles": ["admin", "dev"], "active": .stringConvertible(true)]]
    )
    let user = try #require(try collector.objects().first?["user"] as? [String: Any])
    #expect((user["id"] as? NSNumber)?.intValue == 42)
    #expect(user["roles"] as? [String] == ["admin", "dev"])
    #expect(collector.lines.first?.contains("\"active\":true") == true)
}

@Test func aMetadataKeyCollidingWithAReservedKeyIsRenamed() throws {
    let collector = LineCollector()
    var logger = collector.logger()
    logger[metadataKey: "level"] = "from handler"
    logger.info("real message", metadata: ["message": "from call site", "fields.message": "already taken"])
    let line = try #require(collector.lines.first)
    let object = try parseJSONObject(line)
    #expect(object["message"] as? String == "real message")
    #expect(object["level"] as? String == "info")
    #expect(object["fields.level"] as? String == "from handler")
    #expect(object["fields.message"] as? String == "already taken")
    #expect(object["fields.fields.message"] as? String == "from call site")
    for key in ["message", "level", "fields.message", "fields.level", "fields.fields.message"] {
        #expect(occurrences(ofKey: key, in: line) == 1, "\(key)")
    }
}

@Test func twoReservedKeysWhoseRenamingsMeetAreStillWrittenOnceEach() throws {
    // A format may name one field as another behind the prefix: "msg" and "fields.msg" are
    // both reserved, and both their renamings would be "fields.fields.msg".
    let format = try JSONLogFormat(message: "msg", errorMessage: "fields.msg")
    let collector = LineCollector()
    collector.logger(configuration: JSONLogConfiguration(format: format))
        .info("real message", metadata: ["msg": "short key", "fields.msg": "long key"])
    let line = try #require(collector.lines.first)
    #expect(occurrences(ofKey: "fields.fields.msg", in: line) == 1, "\(line)")
    let object = try parseJSONObject(line)
    #expect(object["msg"] as? String == "real message")
    let renamed = [object["fields.fields.msg"], object["fields.fields.fields.msg"]].compactMap { $0 as? String }
    #expect(renamed.sorted() == ["long key", "short key"])
    #expect(try pythonCanonicalLines(of: collector.rawWrites.flatMap { $0 }).count == 1)
}

@Test func sourceLocationAndErrorAreWrittenWhenPresent() throws {
    let collector = LineCollector()
    let logger = collector.logger(configuration: JSONLogConfiguration(includesSourceLocation: true))
    let loggedAt = #line + 1
    logger.error("failed", error: Refused())
    let object = try #require(try collector.objects().first)
    #expect(object["file"] as? String == "StructuredLogTests/JSONLogHandlerTests.swift")
    #expect(object["function"] as? String == "sourceLocationAndErrorAreWrittenWhenPresent()")
    #expect((object["line"] as? NSNumber)?.intValue == loggedAt)
    #expect(object["error"] as? String == "Refused()")
    #expect(object["error_type"] as? String == "StructuredLogTests.Refused")
}

@Test func theECSPresetUsesECSFieldNames() throws {
    let collector = LineCollector()
    let logger = collector.logger(configuration: JSONLogConfiguration(format: .ecs, includesSourceLocation: true))
    withRequestContext(RequestIdentity(requestID: "req-1", traceID: "0af7651916cd43dd8448eb211c80319c")) {
        logger.warning("slow", error: CancellationError(), metadata: ["http.request.method": "GET"])
    }
    let object = try #require(try collector.objects().first)
    let expected: Set<String> = [
        "@timestamp", "log.level", "log.logger", "message", "ecs.version", "http.request.id", "trace.id",
        "http.request.method", "log.origin.module", "log.origin.file.name", "log.origin.function",
        "log.origin.file.line", "error.message", "error.type",
    ]
    #expect(Set(object.keys) == expected)
    #expect(object["log.level"] as? String == "warning")
    #expect(object["ecs.version"] as? String == "8.11.0")
    #expect(object["http.request.id"] as? String == "req-1")
}

@Test func theOpenTelemetryPresetUsesLogDataModelNames() throws {
    let collector = LineCollector()
    let logger = collector.logger(configuration: JSONLogConfiguration(format: .openTelemetry))
    let traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
    withRequestContext(RequestIdentity(requestID: traceID, userID: "u-7", traceID: traceID, spanID: "00f067aa0ba902b7")) {
        logger.info("hello")
    }
    let object = try #require(try collector.objects().first)
    #expect(
        Set(object.keys)
            == ["Timestamp", "SeverityText", "SeverityNumber", "otel.scope.name", "Body", "request_id", "user.id", "TraceId", "SpanId", "code.namespace"]
    )
    #expect((object["SeverityNumber"] as? NSNumber)?.intValue == 9)
    #expect(object["Body"] as? String == "hello")
    #expect(object["TraceId"] as? String == traceID)
}

@Test func everyLevelHasItsOpenTelemetrySeverityNumber() throws {
    let collector = LineCollector()
    let logger = collector.logger(configuration: JSONLogConfiguration(format: .openTelemetry))
    for level in Logger.Level.allCases { logger.log(level: level, "x") }
    let numbers = try collector.objects().compactMap { ($0["SeverityNumber"] as? NSNumber)?.intValue }
    #expect(numbers == [1, 5, 9, 10, 13, 17, 21])
}

@Test func aFormatRejectsEmptyLongAndRepeatedNames() throws {
    #expect(throws: StructuredLogError.invalidKeyName("", reason: "it is empty")) { try JSONLogFormat(message: "") }
    #expect(throws: StructuredLogError.invalidKeyName("level", reason: "it names two fields")) {
        try JSONLogFormat(message: "level")
    }
    #expect(throws: StructuredLogError.self) { try JSONLogFormat(logger: String(repeating: "k", count: 65)) }
    #expect(throws: StructuredLogError.self) { try JSONLogFormat(staticFields: ["message": "x"]) }
    let custom = try JSONLogFormat(timestamp: "ts", message: "msg")
    let collector = LineCollector()
    collector.logger(configuration: JSONLogConfiguration(format: custom)).info("custom")
    let object = try #require(try collector.objects().first)
    #expect(object["msg"] as? String == "custom" && object["ts"] != nil && object["message"] == nil)
}

@Test func thePresetsPassTheFormatChecks() throws {
    for preset in [JSONLogFormat.plain, .ecs, .openTelemetry] {
        let checked = try JSONLogFormat(
            timestamp: preset.timestamp, level: preset.level, severityNumber: preset.severityNumber,
            logger: preset.logger, message: preset.message, source: preset.source, file: preset.file,
            function: preset.function, line: preset.line, errorMessage: preset.errorMessage,
            errorType: preset.errorType, requestID: preset.requestID, userID: preset.userID,
            traceID: preset.traceID, spanID: preset.spanID, truncated: preset.truncated,
            renamedKeyPrefix: preset.renamedKeyPrefix, staticFields: preset.staticFields
        )
        #expect(checked == preset)
    }
}

@Test func aFilteredCallWritesNothing() {
    let collector = LineCollector()
    let logger = collector.logger(level: .info)
    logger.debug("hidden")
    logger.trace("hidden")
    #expect(collector.rawWrites.isEmpty)
}

@Test func aCustomSinkReceivesEachLineInOneCall() throws {
    let received = Mutex<[String]>([])
    let sink = LogLineSink { bytes in received.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) } }
    let logger = Logger(label: "sink") { JSONLogHandler(label: $0, writer: sink) }
    logger.info("first")
    logger.error("second")
    let calls = received.withLock { $0 }
    #expect(calls.count == 2)
    #expect(calls.allSatisfy { $0.hasSuffix("}\n") && $0.filter { $0 == "\n" }.count == 1 })
    #expect(try parseJSONObject(calls[1])["message"] as? String == "second")
}
