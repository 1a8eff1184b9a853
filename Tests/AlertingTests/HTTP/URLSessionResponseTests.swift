@testable import Alerting
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite struct URLSessionResponseTests {
    @Test func answersWithTheResponse() async throws {
        let receiver = try await HTTPReceiver.start { _ in .status(202) }
        let request = URLRequest(url: try #require(URL(string: receiver.url + "/hook")))
        let response = try await URLSession(configuration: .ephemeral).response(for: request)
        try await receiver.stop()
        #expect((response as? HTTPURLResponse)?.statusCode == 202)
    }

    /// On Linux, cancelling `URLSession.data(for:)` as its transfer completes deadlocks
    /// (swiftlang/swift-corelibs-foundation#5412), and cancelling the URLSessionTask instead can
    /// stop the process in FoundationNetworking's task registry: with either, this test hangs or
    /// crashes within a few hundred tries. Cancelling at every moment of many short requests must
    /// end every wait promptly.
    @Test func survivesCancellationAtEveryMomentOfARequest() async throws {
        let receiver = try await HTTPReceiver.start { _ in .status(200) }
        let request = URLRequest(url: try #require(URL(string: receiver.url + "/hook")))
        let session = URLSession(configuration: .ephemeral)
        var cancelled = 0
        for attempt in 0..<400 {
            let call = Task { try await session.response(for: request) }
            try await Task.sleep(for: .microseconds(attempt % 40 * 25))
            call.cancel()
            if case .failure = await call.result { cancelled += 1 }
        }
        try await receiver.stop()
        #expect(cancelled > 0, "no request was cancelled in flight, so the race was never run")
    }
}
