import MetricsServer
import NIOPosix
import Testing

@Suite struct ConnectionDeadlineHandlerTests {
    @Test func aClientTricklingItsRequestIsCutOff() async throws {
        let server = makeServer(registry: try makeRegistry()) { $0.requestTimeout = .seconds(1) }
        let (received, wasCutOff) = try await withRunning(server) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                try await connection.send("GET /metrics HTTP/1.1\r\n")
                // One header byte every 100 ms, for at most a minute: the server must close first.
                for _ in 0..<600 {
                    do {
                        try await connection.send("X")
                    } catch {
                        return (await connection.readUntilClosed(), true)
                    }
                    try await Task.sleep(for: .milliseconds(100))
                }
                return ([], false)
            }
        }
        #expect(wasCutOff)
        #expect(received == [])
    }

    @Test func aConnectionThatSendsNothingIsClosed() async throws {
        let server = makeServer(registry: try makeRegistry()) { $0.requestTimeout = .seconds(1) }
        let received = try await withRunning(server) { port in
            try await RawHTTPConnection.with(port: port) { await $0.readUntilClosed() }
        }
        #expect(received == [])
    }

    @Test func aPipelinedRequestIsUnderTheRequestTimeoutNotTheIdleTimeout() async throws {
        let registry = try makeRegistry()
        let gate = ScrapeGate()
        registry.register(collector: gate)
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        defer { gate.open() }
        let server = makeServer(registry: registry, threadPool: threadPool) { $0.idleTimeout = .seconds(1) }
        let (health, scrape) = try await withRunning(server) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                // Both requests in one write: the scrape waits in the pipelining handler while
                // the health check is answered, then is held past the idle timeout.
                try await connection.send(RawHTTPConnection.request("/-/healthy") + RawHTTPConnection.request("/metrics"))
                let health = try await connection.readResponse()
                await gate.waitUntilEntered()
                try await Task.sleep(for: .seconds(2))
                gate.open()
                return (health, try await connection.readResponse())
            }
        }
        #expect(health.status == 200)
        #expect(scrape.status == 200)
        #expect(scrape.text.contains("gate_passed 1\n"))
        try await threadPool.shutdownGracefully()
    }

    @Test func anIdleKeepAliveConnectionIsClosedAfterItsResponse() async throws {
        let server = makeServer(registry: try makeRegistry()) { $0.idleTimeout = .seconds(1) }
        let (response, rest) = try await withRunning(server) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                (try await connection.exchange("/metrics"), await connection.readUntilClosed())
            }
        }
        #expect(response.status == 200)
        #expect(response.header("connection") == nil)
        #expect(rest == [])
    }
}
