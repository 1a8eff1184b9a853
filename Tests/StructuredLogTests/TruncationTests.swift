import Foundation
import Logging
import StructuredLog
import Testing

@Test func aLongMessageIsCutToTheCapAndTheOtherFieldsSurvive() throws {
    let collector = LineCollector()
    var logger = collector.logger()
    logger[metadataKey: "service"] = "checkout"
    let message = String(repeating: "0123456789é\n", count: 10_000)
    withRequestContext(RequestIdentity(requestID: "req-42")) {
        logger.info("\(message)", metadata: ["order": "o-1", "items": .stringConvertible(3)])
    }
    let write = try #require(collector.rawWrites.first)
    #expect(write.count <= 16_384)
    #expect(write.count > 16_000, "the cut keeps as much as fits")
    let object = try #require(try collector.objects().first)
    #expect(object["truncated"] as? Bool == true)
    let kept = try #require(object["message"] as? String)
    #expect(message.hasPrefix(kept) && kept.count > 1000)
    #expect(object["request_id"] as? String == "req-42")
    #expect(object["order"] as? String == "o-1")
    #expect(object["service"] as? String == "checkout")
    #expect((object["items"] as? NSNumber)?.intValue == 3)
    #expect(object["level"] as? String == "info" && object["logger"] as? String == "test")
}

@Test func longValuesAreCutToACommonLengthKeepingShortOnesWhole() throws {
    let collector = LineCollector()
    let logger = collector.logger(configuration: JSONLogConfiguration(maximumLineBytes: 2000))
    let long = String(repeating: "x", count: 5000)
    logger.info(
        "short message",
        metadata: ["a": .string(long), "b": .string(long), "nested": ["c": .string(long), "list": [.string(long)]], "small": "s"]
    )
    let write = try #require(collector.rawWrites.first)
    #expect(write.count <= 2000)
    let object = try #require(try collector.objects().first)
    #expect(object["message"] as? String == "short message")
    #expect(object["small"] as? String == "s")
    let a = try #require(object["a"] as? String)
    let b = try #require(object["b"] as? String)
    #expect(a == b && a.count > 200 && long.hasPrefix(a))
    let nested = try #require(object["nested"] as? [String: Any])
    #expect(nested["c"] as? String == a)
    #expect((nested["list"] as? [String])?.first == a)
}

@Test func tooManyKeysAreDroppedFromTheEndAndTheLineStaysValid() throws {
    let collector = LineCollector()
    let logger = collector.logger(configuration: JSONLogConfiguration(maximumLineBytes: 600))
    var metadata: Logger.Metadata = [:]
    for index in 0..<300 { metadata["key_with_a_long_name_\(index)"] = .stringConvertible(index) }
    metadata["nested"] = .dictionary(metadata)
    logger.info("many keys", metadata: metadata)
    let write = try #require(collector.rawWrites.first)
    #expect(write.count <= 600)
    let object = try #require(try collector.objects().first)
    #expect(object["truncated"] as? Bool == true)
    #expect(object.count < 300)
    #expect(try pythonCanonicalLines(of: write).count == 1)
}

@Test func everyCapNearTheLineLengthGivesValidJSON() throws {
    let collector = LineCollector()
    let text = "é😀\"\n\u{2028}\\" + String(repeating: "ab\u{1}中", count: 15)
    var lengths: [Int] = []
    for cap in 512...760 {
        collector.logger(configuration: JSONLogConfiguration(maximumLineBytes: cap))
            .info("\(text)", metadata: ["v": .string(text), "w": [.string(text)]])
        lengths.append(cap)
    }
    let writes = collector.rawWrites
    for (cap, write) in zip(lengths, writes) { #expect(write.count <= cap) }
    let objects = try collector.objects()
    #expect(objects.count == lengths.count)
    for object in objects {
        let message = try #require(object["message"] as? String)
        #expect(text.unicodeScalars.starts(with: message.unicodeScalars))
    }
    #expect(objects.contains { $0["truncated"] as? Bool == true } && objects.contains { $0["truncated"] == nil })
    #expect(try pythonCanonicalLines(of: writes.flatMap { $0 }).count == writes.count)
}

@Test func aLineExactlyAtTheCapIsNotTruncated() throws {
    let message = String(repeating: "fits exactly ", count: 60)
    let measuring = LineCollector()
    measuring.logger().info("\(message)", metadata: ["k": "v"])
    let length = try #require(measuring.rawWrites.first?.count)
    #expect(length > JSONLogConfiguration.minimumLineBytes)
    let collector = LineCollector()
    collector.logger(configuration: JSONLogConfiguration(maximumLineBytes: length)).info("\(message)", metadata: ["k": "v"])
    collector.logger(configuration: JSONLogConfiguration(maximumLineBytes: length - 1)).info("\(message)", metadata: ["k": "v"])
    let objects = try collector.objects()
    #expect(objects[0]["truncated"] == nil && objects[0]["k"] as? String == "v")
    #expect(objects[1]["truncated"] as? Bool == true)
    #expect(collector.rawWrites[1].count <= length - 1)
}

@Test func deepNestingIsCutOffAsNull() throws {
    var value: Logger.MetadataValue = "bottom"
    for _ in 0..<200 { value = .dictionary(["down": value]) }
    let collector = LineCollector()
    collector.logger().info("deep", metadata: ["deep": value])
    let object = try #require(try collector.objects().first)
    #expect(object["truncated"] as? Bool == true)
    var level: Any? = object["deep"]
    var depth = 0
    while let dictionary = level as? [String: Any] {
        level = dictionary["down"]
        depth += 1
    }
    #expect(depth == 32 && level is NSNull)
}

@Test func aCapBelowTheMinimumCountsAsTheMinimum() throws {
    let collector = LineCollector()
    collector.logger(configuration: JSONLogConfiguration(maximumLineBytes: 10)).info("\(String(repeating: "x", count: 2000))")
    let write = try #require(collector.rawWrites.first)
    #expect(write.count <= JSONLogConfiguration.minimumLineBytes && write.count > 400)
    #expect(try collector.objects().first?["truncated"] as? Bool == true)
}

@Test func aCapAsLargeAsIntMaxWritesLongLinesWhole() throws {
    let collector = LineCollector()
    let message = String(repeating: "0123456789", count: 5_000)
    collector.logger(configuration: JSONLogConfiguration(maximumLineBytes: .max)).info("\(message)")
    let object = try #require(try collector.objects().first)
    #expect(object["message"] as? String == message)
    #expect(object["truncated"] == nil)
}

@Test func keyNamesThatNeedEscapingStillLeaveRoomForEveryLineAtTheMinimumCap() throws {
    // Each name is 64 bytes, the most a format allows, and twice that once escaped.
    let format = try JSONLogFormat(
        timestamp: String(repeating: "\"", count: 64),
        level: String(repeating: "\\", count: 64),
        severityNumber: String(repeating: "\"\\", count: 32),
        truncated: String(repeating: "\\\"", count: 32)
    )
    let collector = LineCollector()
    collector.logger(configuration: JSONLogConfiguration(format: format, maximumLineBytes: 512))
        .critical("\(String(repeating: "x", count: 2000))", metadata: ["k": "v"])
    #expect(collector.rawWrites.count == 1, "the line was dropped")
    let object = try #require(try collector.objects().first)
    #expect(object[format.level] as? String == "critical")
    #expect(object[format.truncated] as? Bool == true)
    #expect(try pythonCanonicalLines(of: collector.rawWrites.flatMap { $0 }).count == 1)
}
