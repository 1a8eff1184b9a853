import Dispatch
import PrometheusMetrics
import Synchronization

/// A collector that holds every scrape until opened, so a test can keep a scrape in flight
/// without relying on timing. It exposes `gate_passed 1` once through.
final class ScrapeGate: PrometheusCollector {
    private let isOpen = Mutex(false)
    private let opened = DispatchSemaphore(value: 0)
    private let enteredStream: AsyncStream<Void>
    private let entered: AsyncStream<Void>.Continuation

    init() {
        (enteredStream, entered) = AsyncStream.makeStream()
    }

    func collect(into families: inout [CollectedFamily]) {
        entered.yield()
        if !isOpen.withLock({ $0 }) {
            opened.wait()
            opened.signal()
        }
        families.append(CollectedFamily(name: "gate_passed", help: "Scrapes the gate let through.", type: .gauge, metrics: [CollectedMetric(value: 1)]))
    }

    /// Returns once a scrape is being held (or has passed).
    func waitUntilEntered() async {
        for await _ in enteredStream { return }
    }

    /// Lets every held and later scrape through.
    func open() {
        let wasOpen = isOpen.withLock { isOpen in
            defer { isOpen = true }
            return isOpen
        }
        if !wasOpen {
            opened.signal()
        }
    }
}
