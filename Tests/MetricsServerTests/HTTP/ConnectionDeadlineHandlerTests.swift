import MetricsServer
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
