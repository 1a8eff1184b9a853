import Alerting
import Synchronization

/// A handler with background work that runs until cancelled, like the Alertmanager handler's
/// re-sends, reporting when that work starts and stops.
final class BackgroundWorkHandler: AlertHandler {
    let name = "background"
    private let phase = Mutex<(isRunning: Bool, hasStopped: Bool)>((false, false))

    func handle(_ notification: AlertNotification) async throws {}

    func run() async {
        phase.withLock { $0.isRunning = true }
        while (try? await Task.sleep(for: .seconds(3600))) != nil {}
        phase.withLock { $0.hasStopped = true }
    }

    /// Whether `run` started, waiting up to a minute for it.
    func waitUntilRunning() async -> Bool {
        await poll { $0.isRunning }
    }

    /// Whether `run` returned, waiting up to a minute for it.
    func waitUntilStopped() async -> Bool {
        await poll { $0.hasStopped }
    }

    private func poll(_ condition: ((isRunning: Bool, hasStopped: Bool)) -> Bool) async -> Bool {
        for _ in 0..<6000 {
            if phase.withLock({ condition($0) }) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }
}
