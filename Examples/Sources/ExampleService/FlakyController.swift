import Hummingbird

/// `GET /flaky`: a call to an unreliable downstream that fails with 500 for a share of the
/// requests, so that the error ratio, its alert and the 5xx exemplars have something to show.
struct FlakyController<Context: RequestContext>: Sendable {
    /// The share of requests that fail, from 0 to 1.
    let failureRatio: Double

    func addRoutes(to router: Router<Context>) {
        router.get("flaky", use: call)
    }

    @Sendable func call(_ request: Request, context: Context) async throws -> String {
        try await Task.sleep(for: .milliseconds(Int.random(in: 1...30)))
        if Double.random(in: 0..<1) < failureRatio {
            throw HTTPError(.internalServerError, message: "the downstream service failed")
        }
        return "ok"
    }
}
