import Foundation
import Logging
import StructuredLog
import Testing

@Test func aRequestIsLoggedWhenItStartsAndWhenItCompletes() throws {
    let collector = LineCollector()
    let requestLogger = RequestLogger(logger: collector.logger())
    withRequestContext(RequestIdentity(requestID: "req-9")) {
        let request = requestLogger.started(method: "POST", path: "/orders?token=abc", clientIP: "203.0.113.7")
        requestLogger.completed(request, statusCode: 201)
    }
    let lines = collector.lines
    let objects = try collector.objects()
    #expect(objects.map { $0["message"] as? String } == ["request started", "request completed"])
    for (line, object) in zip(lines, objects) {
        #expect(object["request_id"] as? String == "req-9")
        #expect(occurrences(ofKey: "request_id", in: line) == 1)
        #expect(object["method"] as? String == "POST")
        #expect(object["path"] as? String == "/orders")
        #expect(object["client_ip"] as? String == "203.0.113.7")
        #expect(object["level"] as? String == "info")
        #expect(object["source"] as? String == "StructuredLogTests", "the caller's module, not StructuredLog")
    }
    #expect((objects[1]["status_code"] as? NSNumber)?.intValue == 201)
    let duration = try #require((objects[1]["duration_seconds"] as? NSNumber)?.doubleValue)
    #expect(duration >= 0)
    #expect(!lines.joined().contains("token=abc"))
}

@Test(arguments: [(200, "info"), (302, "info"), (404, "warning"), (429, "warning"), (500, "error"), (503, "error")])
func theCompletionLevelFollowsTheStatus(status: Int, level: String) throws {
    let collector = LineCollector()
    let requestLogger = RequestLogger(logger: collector.logger())
    requestLogger.completed(requestLogger.started(method: "GET", path: "/", clientIP: nil), statusCode: status)
    let completed = try #require(try collector.objects().last)
    #expect(completed["level"] as? String == level)
    #expect(completed["client_ip"] == nil)
}

@Test func aFailedRequestCarriesItsErrorAndOutsideAContextGetsAnID() throws {
    let collector = LineCollector()
    let requestLogger = RequestLogger(logger: collector.logger(), startedLevel: .debug)
    struct Timeout: Error {}
    let request = requestLogger.started(method: "GET", path: "/slow", clientIP: "::1")
    requestLogger.completed(request, statusCode: 504, error: Timeout())
    let objects = try collector.objects()
    #expect(objects[0]["level"] as? String == "debug")
    #expect(objects[1]["error"] as? String == "Timeout()")
    #expect(request.requestID.utf8.count == 32)
    #expect(objects.allSatisfy { $0["request_id"] as? String == request.requestID })
}
