@testable import Alerting
import Foundation
import MetricsTestKit
import Testing

@Suite struct WebhookHandlerTests {
    private static func handler(
        _ url: String, path: String = "/hook", timeout: Duration = .seconds(5),
        configure: (inout WebhookHandler.Configuration) -> Void = { _ in }
    ) throws -> WebhookHandler {
        var configuration = WebhookHandler.Configuration(endpoint: .init(url: try #require(URL(string: url + path)), timeout: timeout))
        configure(&configuration)
        return try WebhookHandler(configuration: configuration)
    }

    @Test func sendsTheHeadersAlertmanagerSendsAndOurOwn() async throws {
        let receiver = try await HTTPReceiver.start { _ in .status(200) }
        let handler = try Self.handler(receiver.url) {
            $0.endpoint.headers = ["X-Team": "payments"]
            $0.endpoint.authorization = .bearer(Secret("tok3n"))
            $0.signature = WebhookSignature(key: Secret("k3y"))
        }
        try await handler.handle(SampleAlert.notification(key: "key-1"))
        try await receiver.stop()

        let request = try #require(receiver.requests.first)
        let captured = try JSON.object(Fixtures.data("alertmanager-0.25-webhook-request-headers.json"))
        let capturedNames = try #require(captured["headers"] as? [String: String]).keys.map { $0.lowercased() }
        #expect(Set(capturedNames).isSubset(of: request.headers.keys))
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["authorization"] == "Bearer tok3n")
        #expect(request.headers["idempotency-key"] == "key-1")
        #expect(request.headers["x-team"] == "payments")
        #expect(request.headers["x-signature-256"] == WebhookSignature(key: Secret("k3y")).value(for: request.body))
        #expect(try JSON.object(request.body)["version"] as? String == "4")
    }

    @Test func sendsBasicCredentialsAndAChosenKeyHeader() async throws {
        let receiver = try await HTTPReceiver.start { _ in .status(204) }
        let handler = try Self.handler(receiver.url) {
            $0.endpoint.authorization = .basic(username: "alice", password: Secret("hunter2"))
            $0.endpoint.headers = ["Authorization": "ignored: ours wins"]
            $0.idempotencyKeyHeader = "X-Request-Key"
        }
        try await handler.handle(SampleAlert.notification(key: "key-2"))
        try await receiver.stop()

        let request = try #require(receiver.requests.first)
        #expect(request.headers["authorization"] == "Basic YWxpY2U6aHVudGVyMg==")
        #expect(request.headers["x-request-key"] == "key-2")
        #expect(request.headers["x-signature-256"] == nil)
    }

    /// Header names are case-insensitive: an endpoint header spelled in another case must not
    /// replace the content type, credentials, idempotency key or signature the handler sets.
    @Test func itsOwnHeadersReplaceEndpointHeadersSpelledInAnyCase() async throws {
        let receiver = try await HTTPReceiver.start { _ in .status(200) }
        let handler = try Self.handler(receiver.url) {
            $0.endpoint.headers = [
                "content-type": "text/plain", "AUTHORIZATION": "Bearer theirs", "user-agent": "theirs",
                "idempotency-key": "theirs", "X-SIGNATURE-256": "theirs", "X-Team": "payments",
            ]
            $0.endpoint.authorization = .bearer(Secret("tok3n"))
            $0.signature = WebhookSignature(key: Secret("k3y"))
        }
        for number in 0..<10 {
            try await handler.handle(SampleAlert.notification(key: "key-\(number)"))
        }
        try await receiver.stop()

        #expect(receiver.requests.count == 10)
        for (number, request) in receiver.requests.enumerated() {
            #expect(request.headers["content-type"] == "application/json")
            #expect(request.headers["authorization"] == "Bearer tok3n")
            #expect(request.headers["user-agent"] == "observability-toolkit-alerting")
            #expect(request.headers["idempotency-key"] == "key-\(number)")
            #expect(request.headers["x-signature-256"] == WebhookSignature(key: Secret("k3y")).value(for: request.body))
            #expect(request.headers["x-team"] == "payments")
        }
    }

    /// Following a redirect, URLSession replays the credentials and the signature to wherever
    /// `Location` points, drops the body (a GET for 301-303, an empty POST for 307 and 308 on
    /// Linux) and reports the other server's 200 as a delivery.
    @Test func takesARedirectAsTheAnswerInsteadOfFollowingIt() async throws {
        let elsewhere = try await HTTPReceiver.start { _ in .status(200) }
        for code in [301, 302, 303, 307, 308] {
            let redirecting = try await HTTPReceiver.start { _ in .status(code, headers: [("Location", elsewhere.url + "/collect")]) }
            let handler = try Self.handler(redirecting.url) {
                $0.endpoint.authorization = .bearer(Secret("tok3n"))
                $0.signature = WebhookSignature(key: Secret("k3y"))
            }
            await #expect(throws: AlertingError.unexpectedStatus(code, endpoint: redirecting.url, retryAfter: nil)) {
                try await handler.handle(SampleAlert.notification())
            }
            try await redirecting.stop()
            #expect(redirecting.requests.count == 1, "\(code)")
        }
        try await elsewhere.stop()

        #expect(elsewhere.requests.isEmpty)
    }

    @Test func reportsStatusRetryAfterRefusalAndTimeoutAsTypedErrors() async throws {
        let receiver = try await HTTPReceiver.start { index in
            index == 0 ? .status(429, headers: [("Retry-After", "7")]) : .delayed(200, by: .seconds(3))
        }
        let handler = try Self.handler(receiver.url, timeout: .milliseconds(100))
        await #expect(throws: AlertingError.unexpectedStatus(429, endpoint: receiver.url, retryAfter: .seconds(7))) {
            try await handler.handle(SampleAlert.notification())
        }
        await #expect(throws: AlertingError.timedOut(after: .milliseconds(100))) {
            try await handler.handle(SampleAlert.notification())
        }
        try await receiver.stop()

        let refusing = HTTPReceiver.refusingURL
        await #expect(throws: AlertingError.transport(endpoint: refusing, reason: "connection refused")) {
            try await Self.handler(refusing).handle(SampleAlert.notification())
        }
    }

    @Test func keepsEverySecretOutOfErrorsAndLogs() async throws {
        let receiver = try await HTTPReceiver.start { _ in .status(401) }
        let secrets = ["us3r", "pa55", "T0SECRETPATH", "q5ecret", "tok3n", "k3y", "X-Api-Value"]
        let withCredentials = receiver.url.replacingOccurrences(of: "http://", with: "http://us3r:pa55@")
        let handler = try Self.handler(withCredentials, path: "/services/T0SECRETPATH?token=q5ecret") {
            $0.endpoint.authorization = .bearer(Secret("tok3n"))
            $0.endpoint.headers = ["X-Api-Key": "X-Api-Value"]
            $0.signature = WebhookSignature(key: Secret("k3y"))
        }
        let logs = LogRecorder()
        let manager = try AlertManager(routes: [Route(handler)], metricsFactory: TestMetrics(), logger: logs.logger)
        await manager.send(SampleAlert.firing)
        await manager.shutdown(deadline: .now + .seconds(10))
        let error = await #expect(throws: AlertingError.self) { try await handler.handle(SampleAlert.notification()) }
        try await receiver.stop()

        #expect(receiver.requests.count == 2)
        #expect(logs.text.contains("401"))
        let errorText = "\(String(describing: error)) \(String(reflecting: error))"
        #expect(errorText.contains("401"))
        for secret in secrets {
            #expect(!logs.text.contains(secret), "\(secret) in the logs")
            #expect(!errorText.contains(secret), "\(secret) in the error")
        }
    }

    @Test func keepsEverySecretOutOfPrintedConfigurationsHandlersAndRoutes() throws {
        var endpoint = HTTPEndpoint(url: try #require(URL(string: "http://us3r:pa55@127.0.0.1:1/services/T0SECRETPATH?token=q5ecret")))
        endpoint.headers = ["X-Api-Key": "X-Api-Value"]
        endpoint.authorization = .bearer(Secret("tok3n"))
        let configuration = WebhookHandler.Configuration(endpoint: endpoint, signature: WebhookSignature(key: Secret("k3y")))
        let webhook = try WebhookHandler(configuration: configuration)
        let alertmanager = try AlertmanagerHandler(configuration: .init(endpoint: endpoint))
        var texts: [String] = []
        for value in [endpoint, configuration, webhook, alertmanager, Route(webhook), Route(alertmanager)] as [Any] {
            var dumped = ""
            dump(value, to: &dumped)
            texts += [String(describing: value), String(reflecting: value), dumped]
        }
        #expect(texts[0].contains("http://127.0.0.1:1") && texts[0].contains("X-Api-Key") && texts[0].contains("Bearer"))
        for text in texts {
            for secret in ["us3r", "pa55", "T0SECRETPATH", "q5ecret", "tok3n", "k3y", "X-Api-Value"] {
                #expect(!text.contains(secret), "\(secret) in \(text)")
            }
        }
    }

    @Test func refusesATimeoutThatIsNotPositive() throws {
        #expect(throws: AlertingError.self) { try Self.handler("http://127.0.0.1:1", timeout: .zero) }
        #expect(throws: AlertingError.self) { try Self.handler("http://127.0.0.1:1", timeout: .seconds(Int64.max)) }
    }
}
