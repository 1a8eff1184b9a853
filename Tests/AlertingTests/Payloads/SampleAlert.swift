import Alerting
import Foundation

/// The alert of the captured samples (`HighErrorRate` on checkout), built the way a user would.
enum SampleAlert {
    static let startsAt = Date(timeIntervalSince1970: 1_795_479_752)  // 2026-11-24T00:22:32Z
    static let generatorURL = "http://127.0.0.1:9090/graph?g0.expr=rate%28http_requests_total%7Bstatus%3D~%225..%22%7D%5B5m%5D%29"

    static var firing: Alert {
        Alert(
            level: .critical, title: "HighErrorRate", message: "5xx ratio is 7.5% (threshold 5%)",
            labels: ["service": "checkout", "instance": "app-1:8080"],
            annotations: ["summary": "High 5xx rate on checkout"],
            startsAt: startsAt, generatorURL: generatorURL)
    }

    /// Resolved at 2026-11-24T00:23:15Z, as in the resolved capture.
    static var resolved: Alert {
        firing.resolved(at: startsAt.addingTimeInterval(43))
    }

    static func notification(_ alert: Alert = firing, key: String = "key-1") -> AlertNotification {
        AlertNotification(alert: alert, idempotencyKey: key)
    }
}
