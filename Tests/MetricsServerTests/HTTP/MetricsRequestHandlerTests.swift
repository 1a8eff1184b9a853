import MetricsServer
import PrometheusMetrics
import Testing

@Suite struct MetricsRequestHandlerTests {
    @Test func servesTheRegistryAtTheMetricsPath() async throws {
        let registry = try makeRegistry()
        let response = try await withRunning(makeServer(registry: registry)) { port in
            try await RawHTTPConnection.with(port: port) { try await $0.exchange("/metrics") }
        }
        #expect(response.status == 200)
        #expect(response.header("content-type") == "text/plain; version=0.0.4; charset=utf-8")
        #expect(response.header("content-encoding") == nil)
        #expect(response.body == registry.exposition(.prometheusText))
    }

    @Test func unknownPathsAre404() async throws {
        let responses = try await withRunning(makeServer(registry: try makeRegistry())) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                var responses: [HTTPTestResponse] = []
                for path in ["/nope", "/metrics/", "/metricsx", "/-/ready", "//metrics", "/metrics%2F"] {
                    responses.append(try await connection.exchange(path))
                }
                return responses
            }
        }
        #expect(responses.map(\.status) == [404, 404, 404, 404, 404, 404])
        #expect(responses.allSatisfy { $0.text == "404 page not found\n" })
    }

    @Test func percentEncodedAndAbsoluteTargetsReachTheMetricsPath() async throws {
        let statuses = try await withRunning(makeServer(registry: try makeRegistry())) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                [
                    try await connection.exchange("/%6Detrics").status,
                    try await connection.exchange("http://127.0.0.1:\(port)/metrics?x=1").status,
                ]
            }
        }
        #expect(statuses == [200, 200])
    }

    @Test(arguments: ["/metrics", "/", "/-/healthy"])
    func otherMethodsOnKnownPathsAre405(path: String) async throws {
        let responses = try await withRunning(makeServer(registry: try makeRegistry())) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                var responses: [HTTPTestResponse] = []
                for method in ["PUT", "DELETE", "OPTIONS", "PATCH"] {
                    responses.append(try await connection.exchange(method, path))
                }
                return responses
            }
        }
        #expect(responses.map(\.status) == [405, 405, 405, 405])
        #expect(responses.allSatisfy { $0.header("allow") == "GET, HEAD" })
    }

    @Test func aPostWithABodyIsAnsweredAndTheConnectionClosed() async throws {
        let (response, rest) = try await withRunning(makeServer(registry: try makeRegistry())) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                try await connection.send("POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world")
                return (try await connection.readResponse(), await connection.readUntilClosed())
            }
        }
        #expect(response.status == 405)
        #expect(response.header("connection") == "close")
        #expect(rest == [])
    }

    @Test func headCarriesTheHeadersOfGetWithoutABody() async throws {
        let registry = try makeRegistry()
        let (head, get) = try await withRunning(makeServer(registry: registry)) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                // The GET right after proves that no body followed the HEAD response.
                (try await connection.exchange("HEAD", "/metrics"), try await connection.exchange("GET", "/metrics"))
            }
        }
        #expect(head.status == 200)
        #expect(head.header("content-type") == get.header("content-type"))
        #expect(head.header("content-length") == String(get.body.count))
        #expect(get.body == registry.exposition(.prometheusText))
    }

    @Test func keepAliveConnectionsServeManyRequestsInOrder() async throws {
        let registry = try makeRegistry()
        let responses = try await withRunning(makeServer(registry: registry)) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                var responses: [HTTPTestResponse] = []
                for path in ["/metrics", "/-/healthy", "/metrics"] {
                    responses.append(try await connection.exchange(path))
                }
                // Pipelined: three requests in one write, answered in order.
                try await connection.send(["/-/healthy", "/metrics", "/nope"].map { RawHTTPConnection.request($0) }.joined())
                for _ in 0..<3 {
                    responses.append(try await connection.readResponse())
                }
                return responses
            }
        }
        #expect(responses.map(\.status) == [200, 200, 200, 200, 200, 404])
        #expect(responses.allSatisfy { $0.header("connection") == nil })
        #expect(responses[4].body == registry.exposition(.prometheusText))
    }

    @Test func http10ClientsGetKeepAliveOnlyWhenTheyAskForIt() async throws {
        let (asked, plain, rest) = try await withRunning(makeServer(registry: try makeRegistry())) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                try await connection.send("GET /-/healthy HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                let asked = try await connection.readResponse()
                try await connection.send("GET /-/healthy HTTP/1.0\r\n\r\n")
                return (asked, try await connection.readResponse(), await connection.readUntilClosed())
            }
        }
        #expect(asked.header("connection") == "keep-alive")
        #expect(plain.header("connection") == "close")
        #expect(rest == [])
    }

    @Test func healthAnswersOK() async throws {
        let response = try await withRunning(makeServer(registry: try makeRegistry())) { port in
            try await RawHTTPConnection.with(port: port) { try await $0.exchange("/-/healthy") }
        }
        #expect(response.status == 200)
        #expect(response.text == "OK")
    }

    @Test func theLandingPageLinksToTheMetricsPath() async throws {
        let server = makeServer(registry: try makeRegistry()) { configuration in
            configuration.metricsPath = "custom/path"
            configuration.landingPage = LandingPage(title: "Node <Exporter>", links: [.init(address: "/debug", text: "Debug")])
        }
        let (page, metrics) = try await withRunning(server) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                (try await connection.exchange("/"), try await connection.exchange("/custom/path"))
            }
        }
        #expect(page.status == 200)
        #expect(page.header("content-type") == "text/html; charset=utf-8")
        #expect(page.text.contains("<a href=\"/custom/path\">Metrics</a>"))
        #expect(page.text.contains("<a href=\"/debug\">Debug</a>"))
        #expect(page.text.contains("<title>Node &lt;Exporter&gt;</title>"))
        #expect(metrics.status == 200)
    }

    @Test func withoutALandingPageTheRootIs404() async throws {
        let server = makeServer(registry: try makeRegistry()) { $0.landingPage = nil }
        let response = try await withRunning(server) { port in
            try await RawHTTPConnection.with(port: port) { try await $0.exchange("/") }
        }
        #expect(response.status == 404)
    }

    @Test func oversizedHeadersAre431AndTheConnectionCloses() async throws {
        let server = makeServer(registry: try makeRegistry()) { $0.maxHeaderBytes = 4096 }
        let (fits, tooLarge, rest) = try await withRunning(server) { port in
            let fits = try await RawHTTPConnection.with(port: port) { connection in
                try await connection.exchange("/metrics", headers: ["X-Padding: " + String(repeating: "a", count: 3000)])
            }
            let (tooLarge, rest) = try await RawHTTPConnection.with(port: port) { connection in
                try await connection.send(RawHTTPConnection.request("/metrics", headers: (0..<10).map { "X-Padding-\($0): " + String(repeating: "b", count: 500) }))
                return (try await connection.readResponse(), await connection.readUntilClosed())
            }
            return (fits, tooLarge, rest)
        }
        #expect(fits.status == 200)
        #expect(tooLarge.status == 431)
        #expect(tooLarge.header("connection") == "close")
        #expect(rest == [])
    }

    @Test func anOversizedRequestLineIs431() async throws {
        let server = makeServer(registry: try makeRegistry()) { $0.maxHeaderBytes = 4096 }
        let response = try await withRunning(server) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                try await connection.exchange("/metrics?" + String(repeating: "collect[]=cpu&", count: 400))
            }
        }
        #expect(response.status == 431)
    }

    @Test func garbageIs400AndTheConnectionCloses() async throws {
        let (response, rest) = try await withRunning(makeServer(registry: try makeRegistry())) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                try await connection.send("NOT HTTP AT ALL\r\n\r\n")
                return (try await connection.readResponse(), await connection.readUntilClosed())
            }
        }
        #expect(response.status == 400)
        #expect(rest == [])
    }

    @Test func aMalformedQueryIs400() async throws {
        let response = try await withRunning(makeServer(registry: try makeRegistry())) { port in
            try await RawHTTPConnection.with(port: port) { try await $0.exchange("/metrics?collect[]=%zz") }
        }
        #expect(response.status == 400)
        #expect(response.text.contains("%zz"))
    }
}
