@testable import Alerting
import Synchronization

/// A handler that keeps what it is given, for tests of routing, deduplication and rules.
final class RecordingHandler: AlertHandler {
    let name: String
    private let recorded = Mutex<[AlertNotification]>([])

    init(name: String = "recording") {
        self.name = name
    }

    var notifications: [AlertNotification] { recorded.withLock { $0 } }

    func handle(_ notification: AlertNotification) async throws {
        recorded.withLock { $0.append(notification) }
    }
}
