import Alerting
import Logging
import Testing

@Suite struct LogAlertHandlerTests {
    @Test func logsFiringAlertsAtTheirOwnLevelAndResolvesAtNotice() async throws {
        let logs = LogRecorder()
        let handler = LogAlertHandler(logger: logs.logger)
        for level in AlertLevel.allCases {
            try await handler.handle(SampleAlert.notification(Alert(level: level, title: "Level \(level.name)")))
        }
        try await handler.handle(SampleAlert.notification(SampleAlert.resolved))

        #expect(logs.all.map(\.level) == [.info, .warning, .error, .critical, .notice])
        #expect(logs.all.first?.message == "Level info")
    }

    @Test func putsTheAlertsDetailsInOneMetadataDictionary() async throws {
        let logs = LogRecorder()
        try await LogAlertHandler(logger: logs.logger).handle(SampleAlert.notification())

        let record = try #require(logs.all.first)
        guard case .dictionary(let alert) = record.metadata["alert"] else {
            Issue.record("no alert dictionary in \(record.metadata)")
            return
        }
        #expect(alert["fingerprint"] == "b18ad0197ff501cf")
        #expect(alert["status"] == "firing")
        #expect(alert["message"] == "5xx ratio is 7.5% (threshold 5%)")
        guard case .dictionary(let labels) = alert["labels"] else {
            Issue.record("no labels in \(alert)")
            return
        }
        #expect(labels["service"] == "checkout")
    }
}
