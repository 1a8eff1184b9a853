@testable import Alerting

/// A handler that never finishes an attempt unless cancelled, like a receiver that accepted
/// the connection and went silent.
struct HangingHandler: AlertHandler {
    let name = "hanging"

    func handle(_ notification: AlertNotification) async throws {
        try await Task.sleep(for: .seconds(3600))
    }
}
