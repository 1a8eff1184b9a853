import Foundation
import Logging
import StructuredLog
import Testing

@Test func sensitiveKeysAreRedactedAtEveryDepthAndLayer() throws {
    let collector = LineCollector()
    var logger = collector.logger(metadataProvider: Logger.MetadataProvider { ["token": "provider-secret-1"] })
    logger[metadataKey: "password"] = "handler-secret-2"
    logger.info(
        "login",
        metadata: [
            "Authorization": "Bearer call-site-secret-3",
            "headers": ["AUTHORIZATION": "call-site-secret-4", "accept": "json"],
            "attempts": [["token": "call-site-secret-5"]],
            "user": "ann",
        ]
    )
    logger.info("preset only")
    let raw = collector.lines.joined(separator: "\n")
    #expect(!raw.contains("secret"), "a secret reached the output")
    let objects = try collector.objects()
    let login = objects[0]
    #expect(login["Authorization"] as? String == "[REDACTED]")
    #expect(login["token"] as? String == "[REDACTED]")
    #expect(login["password"] as? String == "[REDACTED]")
    #expect((login["headers"] as? [String: Any])?["AUTHORIZATION"] as? String == "[REDACTED]")
    #expect((login["headers"] as? [String: Any])?["accept"] as? String == "json")
    #expect(((login["attempts"] as? [[String: Any]])?.first)?["token"] as? String == "[REDACTED]")
    #expect(login["user"] as? String == "ann")
    #expect(objects[1]["password"] as? String == "[REDACTED]")
}

@Test func redactedKeysAndTheMarkerAreConfigurable() throws {
    let collector = LineCollector()
    let configuration = JSONLogConfiguration(redactedKeys: ["card_number"], redactionMarker: "***")
    collector.logger(configuration: configuration).info("pay", metadata: ["card_number": "4111", "password": "kept"])
    let object = try #require(try collector.objects().first)
    #expect(object["card_number"] as? String == "***")
    #expect(object["password"] as? String == "kept")
}
