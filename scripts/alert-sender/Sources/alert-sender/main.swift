// Sends one alert to an Alertmanager the way a service would: through an AlertManager with an
// AlertmanagerHandler, then a shutdown that drains the queue. Failures are logged to stderr.
import Alerting
import Foundation

let usage = "usage: alert-sender <alertmanager-url> <run-id> <starts-at-unix-seconds> firing|resolved\n"
let arguments = CommandLine.arguments
guard arguments.count == 5,
    let url = URL(string: arguments[1]),
    let startsAt = Double(arguments[3]),
    let status = AlertStatus(rawValue: arguments[4])
else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}

let alert = Alert(
    level: .warning,
    title: "ToolkitIntegrationCheck",
    message: "sent by scripts/alertmanager-check.sh",
    labels: ["run_id": arguments[2], "service": "alert-sender"],
    annotations: ["runbook_url": "https://example.invalid/runbook"],
    startsAt: Date(timeIntervalSince1970: startsAt)
)
let manager = try AlertManager(
    routes: [Route(try AlertmanagerHandler(configuration: .init(endpoint: .init(url: url))))],
    configuration: .init(retry: RetryPolicy(maximumAttempts: 5, deadline: .seconds(20)))
)
await manager.send(status == .firing ? alert : alert.resolved())
await manager.shutdown(deadline: .now + .seconds(30))
print("sent \(status.rawValue) \(alert.fingerprint)")
