// The alert path's two costs: how many alerts per second the manager delivers to a webhook on
// loopback, and what `send` costs the caller while a handler hangs (its queue full, so every
// send also drops the oldest notification).
import Alerting
import BenchmarkSupport
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A handler that never finishes an attempt, like a receiver that accepted and went silent.
struct HangingHandler: AlertHandler {
    let name = "hanging"

    func handle(_ notification: AlertNotification) async throws {
        try await Task.sleep(for: .seconds(86_400))
    }
}

/// Runs `body` to completion from synchronous code, for `measure`.
func blocking(_ body: @escaping @Sendable () async throws -> Void) {
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { try await body() } catch { print("benchmark failed: \(error)") }
        done.signal()
    }
    done.wait()
}

/// Distinct alerts (different `instance` labels), so deduplication never skips one.
func alerts(_ count: Int) -> [Alert] {
    (0..<count).map { Alert(level: .critical, title: "HighErrorRate", labels: ["service": "checkout", "instance": "app-\($0)"]) }
}

let receiver = LoopbackReceiver()
let url = URL(string: "http://127.0.0.1:\(receiver.port)/hook") ?? URL(fileURLWithPath: "/")
let deliveries = 2_000
let pool = alerts(deliveries)

// The floor: URLSession posting a webhook-sized body in a loop, with nothing of ours around it.
let session = URLSession(configuration: .ephemeral)
let floor = measure(iterations: deliveries) { count in
    blocking {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(repeating: UInt8(ascii: " "), count: 900)
        for _ in 0..<count { _ = try await session.data(for: request) }
    }
}
print(
    "URLSession alone, POST to 127.0.0.1: \(formatted(1e9 / floor.nanosecondsPerOperation, decimals: 0)) requests/s"
        + " (\(formatted(floor.nanosecondsPerOperation / 1000, decimals: 1)) µs and \(formatted(floor.allocationsPerOperation, decimals: 0)) allocations per request)")

let throughput = measure(iterations: deliveries) { count in
    blocking {
        let manager = try AlertManager(
            routes: [Route(try WebhookHandler(configuration: .init(endpoint: .init(url: url))))],
            configuration: .init(queueCapacity: count))
        for alert in pool.prefix(count) { await manager.send(alert) }
        await manager.shutdown(deadline: .now + .seconds(600))
    }
}
receiver.stop()
let expected = 2 * (deliveries / 10 + 7 * deliveries)
print(
    "webhook delivery through AlertManager to 127.0.0.1: \(formatted(1e9 / throughput.nanosecondsPerOperation, decimals: 0)) alerts/s"
        + " (\(formatted(throughput.nanosecondsPerOperation / 1000, decimals: 1)) µs and \(formatted(throughput.allocationsPerOperation, decimals: 0)) allocations per alert;"
        + " receiver answered \(receiver.requestCount) of \(expected))")

let sends = 100_000
let hanging = alerts(sends)
let manager = try AlertManager(routes: [Route(HangingHandler())], configuration: .init(repeatInterval: .zero))
let latency = measure(iterations: sends) { count in
    blocking {
        for alert in hanging.prefix(count) { await manager.send(alert) }
    }
}
await manager.shutdown(deadline: .now)
print(
    "send with a hanging handler attached (caller side, queue full): \(formatted(latency.nanosecondsPerOperation, decimals: 0)) ns"
        + " and \(formatted(latency.allocationsPerOperation, decimals: 1)) allocations per call")
