import Logging
import MetricsServer
import NIOCore
import NIOPosix
import PrometheusMetrics
import ServiceLifecycle
import Testing

@Suite struct MetricsServerTests {
    @Test func portZeroBindsAnEphemeralPort() async throws {
        let server = makeServer(registry: try makeRegistry())
        let (port, address) = try await withRunning(server) { port in (port, try await server.localAddress) }
        #expect(port > 0)
        #expect(address.port == port)
        #expect(address.ipAddress == "127.0.0.1")
    }

    @Test func aServerRunsOnce() async throws {
        let server = makeServer(registry: try makeRegistry())
        try await withRunning(server) { _ in }
        await #expect(throws: MetricsServerError.alreadyRunning) { try await server.run() }
        await #expect(throws: MetricsServerError.notListening) { try await server.localAddress }
    }

    @Test func aTakenPortFailsToBindWithAClearError() async throws {
        let first = makeServer(registry: try makeRegistry())
        try await withRunning(first) { port in
            let second = MetricsServer(configuration: .init(host: "127.0.0.1", port: port), registry: try makeRegistry())
            await #expect {
                try await second.run()
            } throws: { error in
                guard case MetricsServerError.bindFailed(host: "127.0.0.1", port: port, _) = error else { return false }
                return "\(error)".contains("\(port)")
            }
            await #expect(throws: MetricsServerError.notListening) { try await second.port }
        }
    }

    @Test(arguments: [-1, 65536, 70000])
    func aPortOutsideTheTCPRangeFailsToBindWithAClearError(port: Int) async throws {
        let server = MetricsServer(configuration: .init(host: "127.0.0.1", port: port), registry: try makeRegistry())
        // Run alongside, so that a server which did bind (getaddrinfo wraps the port) is stopped
        // and fails the test rather than hanging it.
        await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            await #expect(throws: MetricsServerError.notListening) { try await server.port }
            group.cancelAll()
            await #expect(throws: MetricsServerError.bindFailed(host: "127.0.0.1", port: port, reason: "a TCP port runs from 0 to 65535")) {
                try await group.next()
            }
        }
    }

    @Test func gracefulShutdownFinishesTheScrapeInFlightThenCloses() async throws {
        let registry = try makeRegistry(series: 200)
        let gate = ScrapeGate()
        registry.register(collector: gate)
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        defer { gate.open() }
        let server = makeServer(registry: registry, threadPool: threadPool)
        let group = ServiceGroup(configuration: .init(services: [.init(service: server)], logger: testLogger))

        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let port = try await server.port
            // An idle keep-alive connection, and one with a scrape held in flight.
            let (idleConnected, idleIsConnected) = AsyncStream<Void>.makeStream()
            async let idle = RawHTTPConnection.with(port: port) { connection in
                let first = try await connection.exchange("/-/healthy")
                idleIsConnected.yield()
                return (first, await connection.readUntilClosed())
            }
            for await _ in idleConnected { break }
            async let inFlight = RawHTTPConnection.with(port: port) { connection in
                let response = try await connection.exchange("/metrics")
                return (response, await connection.readUntilClosed())
            }
            await gate.waitUntilEntered()
            await group.triggerGracefulShutdown()
            #expect(await Self.eventuallyRefused(port: port))
            gate.open()
            let (scrape, afterScrape) = try await inFlight
            #expect(scrape.status == 200)
            #expect(scrape.header("connection") == "close")
            #expect(scrape.text.contains("gate_passed 1\n"))
            #expect(scrape.text.hasPrefix("# HELP gate_passed"))
            #expect(afterScrape == [])
            let (health, afterHealth) = try await idle
            #expect(health.status == 200)
            #expect(afterHealth == [])
            try await tasks.waitForAll()
        }
        try await threadPool.shutdownGracefully()
    }

    @Test func cancellationClosesConnectionsAtOnce() async throws {
        let registry = try makeRegistry()
        let gate = ScrapeGate()
        registry.register(collector: gate)
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        let server = makeServer(registry: registry, threadPool: threadPool)
        let rest = try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await server.run() }
            let port = try await server.port
            async let held = RawHTTPConnection.with(port: port) { connection in
                try await connection.send(RawHTTPConnection.request("/metrics"))
                return await connection.readUntilClosed()
            }
            await gate.waitUntilEntered()
            tasks.cancelAll()
            try await tasks.waitForAll()
            return try await held
        }
        gate.open()
        #expect(rest == [])
        try await threadPool.shutdownGracefully()
    }

    /// Whether connecting fails within a generous bound, once the listening socket closes.
    private static func eventuallyRefused(port: Int) async -> Bool {
        for _ in 0..<300 {
            do {
                _ = try await RawHTTPConnection.with(port: port) { _ in }
            } catch {
                return true
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
