import Alerting
import Foundation
import Testing

@Suite struct AlertTests {
    @Test func titleAndLevelBecomeAlertnameAndSeverityUnlessGiven() {
        let plain = Alert(level: .critical, title: "HighErrorRate", labels: ["service": "checkout", "instance": "app-1:8080"])
        #expect(plain.labels == ["alertname": "HighErrorRate", "severity": "critical", "service": "checkout", "instance": "app-1:8080"])
        #expect(plain.fingerprint.description == "b18ad0197ff501cf")

        let explicit = Alert(level: .error, title: "Checkout is failing", labels: ["alertname": "HighErrorRate", "severity": "page"])
        #expect(explicit.labels == ["alertname": "HighErrorRate", "severity": "page"])
    }

    @Test func emptyLabelValuesAreDroppedAsAlertmanagerDrops() {
        let alert = Alert(level: .warning, title: "DiskFull", labels: ["service": "db", "zone": ""])
        #expect(alert.labels["zone"] == nil)
        #expect(alert.fingerprint.description == "fea87206e6e9c5ec")
    }

    @Test func resolvingKeepsTheIdentityAndNeverEndsBeforeTheStart() {
        let start = Date(timeIntervalSince1970: 1_000)
        let alert = Alert(level: .info, title: "Deploy", startsAt: start)
        #expect(alert.status == .firing)
        #expect(alert.endsAt == nil)
        let resolved = alert.resolved(at: Date(timeIntervalSince1970: 1_060))
        #expect(resolved.status == .resolved)
        #expect(resolved.endsAt == Date(timeIntervalSince1970: 1_060))
        #expect(resolved.fingerprint == alert.fingerprint)
        #expect(alert.resolved(at: Date(timeIntervalSince1970: 10)).endsAt == start)
    }
}
