@testable import Alerting
import Foundation
import Testing

@Suite struct FingerprintTests {
    @Test func matchesTheFingerprintsAlertmanagerComputedInTheReference() {
        let samples: [([String: String], String)] = [
            (["alertname": "HighErrorRate", "instance": "app-1:8080", "service": "checkout", "severity": "critical"], "b18ad0197ff501cf"),
            (["alertname": "DiskFull", "service": "db", "severity": "critical"], "0a74ac22130028d9"),
            (["alertname": "DiskFull", "service": "db", "severity": "warning"], "fea87206e6e9c5ec"),
        ]
        for (labels, expected) in samples {
            #expect(Fingerprint(labels: labels).description == expected)
        }
    }

    @Test func matchesEveryAlertInTheCapturedWebhookBodies() throws {
        let names = try Fixtures.webhookBodies()
        #expect(names.count >= 6, "fixtures missing from \(Fixtures.directory.path)")
        var checked = 0
        for name in names {
            let message = try JSONDecoder().decode(AlertmanagerWebhookMessage.self, from: Fixtures.data(name))
            for alert in message.alerts {
                #expect(Fingerprint(labels: alert.labels).description == alert.fingerprint, "\(name)")
                checked += 1
            }
        }
        #expect(checked >= 9)
    }

    @Test func printsSixteenHexDigitsWithLeadingZeros() {
        #expect(Fingerprint(labels: ["alertname": "HighErrorRate", "instance": "app-2:8080", "service": "checkout", "severity": "critical"]).description == "0168d8f3a7ed2cac")
    }

    @Test func dependsOnLabelsNotOnTheirOrderOfInsertion() {
        var forward: [String: String] = [:]
        var backward: [String: String] = [:]
        let pairs = (0..<20).map { ("label\($0)", "value\($0)") }
        for (name, value) in pairs { forward[name] = value }
        for (name, value) in pairs.reversed() { backward[name] = value }
        #expect(Fingerprint(labels: forward) == Fingerprint(labels: backward))
        #expect(Fingerprint(labels: ["a": "bc"]) != Fingerprint(labels: ["ab": "c"]))
    }
}
