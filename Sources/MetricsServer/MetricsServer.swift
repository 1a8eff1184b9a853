import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import PrometheusMetrics
import ServiceLifecycle

/// An HTTP/1.1 endpoint for Prometheus: the exposition at the metrics path (text 0.0.4 or
/// OpenMetrics, as `Accept` asks, gzipped when `Accept-Encoding` allows), a landing page at `/`,
/// `/-/healthy`, and the limits a public port needs.
///
/// ```swift
/// let server = MetricsServer(configuration: .init(host: "127.0.0.1", port: 9100), registry: .default)
/// try await server.run()
/// ```
///
/// A ServiceLifecycle `Service`: in a `ServiceGroup`, graceful shutdown stops accepting
/// connections, finishes the responses in flight, then closes every connection; cancellation
/// closes them at once. Scrapes run on a thread pool, never on an event loop.
public final class MetricsServer: Service, Sendable {
    /// The configuration the server was made with.
    public let configuration: Configuration
    /// The `promhttp_metric_handler_*` counts of this server. A server made with a registry
    /// registers them there while it runs (unless told not to); with another source, register
    /// them wherever that source's registries should expose them.
    public let instrumentation: MetricHandlerInstrumentation

    private let endpoint: MetricsEndpoint
    private let instrumentedRegistry: PrometheusRegistry?
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger
    private let listening = ListeningState()
    private let connections = ConnectionTracker()

    /// A server exposing `registry`.
    ///
    /// - Parameters:
    ///   - reportsScrapes: register ``instrumentation`` in `registry` while running, as
    ///     client_golang's `promhttp.InstrumentMetricHandler` does.
    ///   - eventLoopGroup: where connections are served.
    ///   - threadPool: where scrapes run; its threads bound how many run at once.
    public convenience init(
        configuration: Configuration,
        registry: PrometheusRegistry = .default,
        reportsScrapes: Bool = true,
        logger: Logger = Logger(label: "MetricsServer"),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        threadPool: NIOThreadPool = .singleton
    ) {
        self.init(
            configuration: configuration,
            source: registry,
            instrumentedRegistry: reportsScrapes ? registry : nil,
            logger: logger,
            eventLoopGroup: eventLoopGroup,
            threadPool: threadPool
        )
    }

    /// A server exposing whatever `source` chooses per scrape, such as a registry per
    /// `collect[]` filter.
    public convenience init(
        configuration: Configuration,
        source: some MetricsSource,
        logger: Logger = Logger(label: "MetricsServer"),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        threadPool: NIOThreadPool = .singleton
    ) {
        self.init(
            configuration: configuration,
            source: source,
            instrumentedRegistry: nil,
            logger: logger,
            eventLoopGroup: eventLoopGroup,
            threadPool: threadPool
        )
    }

    private init(
        configuration: Configuration,
        source: any MetricsSource,
        instrumentedRegistry: PrometheusRegistry?,
        logger: Logger,
        eventLoopGroup: any EventLoopGroup,
        threadPool: NIOThreadPool
    ) {
        var configuration = configuration
        if !configuration.metricsPath.hasPrefix("/") {
            configuration.metricsPath = "/" + configuration.metricsPath
        }
        self.configuration = configuration
        self.instrumentedRegistry = instrumentedRegistry
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        instrumentation = MetricHandlerInstrumentation()
        endpoint = MetricsEndpoint(
            metricsPath: configuration.metricsPath,
            landingPage: configuration.landingPage.map { ByteBuffer(string: $0.html(metricsPath: configuration.metricsPath)) },
            maxConcurrentScrapes: configuration.maxConcurrentScrapes,
            renderer: ScrapeRenderer(
                source: source,
                gzipLevel: configuration.compression.gzipLevel,
                workspaces: ExpositionWorkspacePool(capacity: threadPool.numberOfThreads),
                instrumentation: instrumentation,
                logger: logger
            ),
            threadPool: threadPool
        )
    }

    /// The address the server listens on, once `run()` has bound it (the port the system chose
    /// for port 0). Throws ``MetricsServerError/notListening`` if the server stopped or failed
    /// to bind.
    public var localAddress: SocketAddress {
        get async throws {
            try await listening.address()
        }
    }

    /// The port the server listens on, once `run()` has bound it.
    public var port: Int {
        get async throws {
            guard let port = try await localAddress.port else { throw MetricsServerError.notListening }
            return port
        }
    }

    /// Binds, serves until graceful shutdown or cancellation, and returns once every connection
    /// has closed. A server runs once.
    public func run() async throws {
        try listening.startBinding()
        defer { listening.stopped() }
        // getaddrinfo takes the port as text and wraps it: 65536 would bind an ephemeral port,
        // 70000 port 4464.
        guard (0...65535).contains(configuration.port) else {
            throw MetricsServerError.bindFailed(
                host: configuration.host, port: configuration.port, reason: "a TCP port runs from 0 to 65535")
        }
        let serverChannel: any Channel
        do {
            serverChannel = try await bootstrap().bind(host: configuration.host, port: configuration.port).get()
        } catch {
            throw MetricsServerError.bindFailed(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
        let registration = instrumentedRegistry?.register(collector: instrumentation)
        defer {
            if let registration {
                instrumentedRegistry?.unregister(registration)
            }
        }
        if let address = serverChannel.localAddress {
            listening.listening(at: address)
            logger.info("Listening", metadata: ["address": "\(Self.hostAndPort(address))", "metrics_path": "\(configuration.metricsPath)"])
        }
        let connections = connections
        await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                try? await serverChannel.closeFuture.get()
                connections.quiesce()
                await connections.waitUntilAllClosed()
            } onCancel: {
                serverChannel.close(promise: nil)
                connections.closeAll()
            }
        } onGracefulShutdown: {
            serverChannel.close(promise: nil)
        }
        logger.info("Stopped")
    }

    private func bootstrap() -> ServerBootstrap {
        let endpoint = endpoint
        let connections = connections
        let requestTimeout = Self.timeAmount(configuration.requestTimeout)
        let idleTimeout = Self.timeAmount(configuration.idleTimeout)
        let limits = Self.decoderLimits(maxHeaderBytes: configuration.maxHeaderBytes)
        return ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    guard connections.track(channel) else {
                        channel.close(promise: nil)
                        return
                    }
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(ConnectionDeadlineHandler(requestTimeout: requestTimeout, idleTimeout: idleTimeout))
                    try pipeline.configureHTTPServerPipeline(
                        withPipeliningAssistance: true,
                        withErrorHandling: false,
                        withOutboundHeaderValidation: false,
                        withEncoderConfiguration: .init(),
                        withDecoderLimitConfiguration: limits
                    )
                    try pipeline.addHandler(MetricsRequestHandler(endpoint: endpoint))
                }
            }
    }

    /// NIO's decoder counts the request target and every header name and value against the
    /// list limit, and each of them against the field limit.
    private static func decoderLimits(maxHeaderBytes: Int) -> NIOHTTPDecoderLimitConfiguration {
        var limits = NIOHTTPDecoderLimitConfiguration()
        limits.maxHeaderFieldSize = maxHeaderBytes
        limits.maxHeaderListSize = maxHeaderBytes
        return limits
    }

    /// A configured timeout in NIO's terms; nil (never) for zero or less.
    private static func timeAmount(_ duration: Duration) -> TimeAmount? {
        duration > .zero ? TimeAmount(duration) : nil
    }
}

extension MetricsServer {
    /// `127.0.0.1:9100` or `[::]:9100`, as node_exporter logs its address, rather than NIO's
    /// `[IPv4]127.0.0.1/127.0.0.1:9100`.
    static func hostAndPort(_ address: SocketAddress) -> String {
        let host = address.ipAddress ?? "\(address)"
        let port = address.port.map { ":\($0)" } ?? ""
        return address.protocol == .inet6 ? "[\(host)]\(port)" : host + port
    }
}
