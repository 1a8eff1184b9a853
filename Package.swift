// swift-tools-version:6.0
import PackageDescription

/// The products of the packages this one depends on, named once.
extension Target.Dependency {
    static let logging = product("Logging", of: "swift-log")
    static let inMemoryLogging = product("InMemoryLogging", of: "swift-log")
    static let coreMetrics = product("CoreMetrics", of: "swift-metrics")
    static let swiftMetrics = product("Metrics", of: "swift-metrics")
    static let metricsTestKit = product("MetricsTestKit", of: "swift-metrics")
    static let nioCore = product("NIOCore", of: "swift-nio")
    static let nioPosix = product("NIOPosix", of: "swift-nio")
    static let nioHTTP1 = product("NIOHTTP1", of: "swift-nio")
    static let argumentParser = product("ArgumentParser", of: "swift-argument-parser")
    static let serviceLifecycle = product("ServiceLifecycle", of: "swift-service-lifecycle")

    private static func product(_ product: String, of package: String) -> Target.Dependency {
        .product(name: product, package: package)
    }
}

let package = Package(
    name: "observability-toolkit",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PrometheusMetrics", targets: ["PrometheusMetrics"]),
        .library(name: "StructuredLog", targets: ["StructuredLog"]),
        .library(name: "Alerting", targets: ["Alerting"]),
        .library(name: "HostMetrics", targets: ["HostMetrics"]),
        .library(name: "MetricsServer", targets: ["MetricsServer"]),
        .executable(name: "metrics-exporter", targets: ["metrics-exporter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        .target(name: "CObservabilityCPU"),
        .systemLibrary(
            name: "CObservabilityZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(name: "PrometheusMetrics", dependencies: ["CObservabilityCPU", .coreMetrics], path: "Sources/Metrics"),
        .target(name: "StructuredLog", dependencies: [.logging]),
        .systemLibrary(name: "CObservabilityTimex"),
        .target(name: "HostMetrics", dependencies: ["PrometheusMetrics", "CObservabilityTimex", .logging]),
        .target(
            name: "MetricsServer",
            dependencies: ["PrometheusMetrics", "CObservabilityZlib", .logging, .nioCore, .nioPosix, .nioHTTP1, .serviceLifecycle]
        ),
        .target(name: "Alerting", dependencies: ["PrometheusMetrics", "HostMetrics", .logging, .coreMetrics]),
        .executableTarget(
            name: "metrics-exporter",
            dependencies: ["HostMetrics", "MetricsServer", "StructuredLog", .argumentParser, .logging]
        ),
        .target(name: "ObservabilityTestSupport", path: "Tests/ObservabilityTestSupport"),
        .testTarget(
            name: "PrometheusMetricsTests",
            dependencies: ["PrometheusMetrics", "ObservabilityTestSupport", .coreMetrics, .swiftMetrics]
        ),
        .testTarget(name: "StructuredLogTests", dependencies: ["StructuredLog", "ObservabilityTestSupport", .logging]),
        .testTarget(
            name: "HostMetricsTests",
            dependencies: ["HostMetrics", "PrometheusMetrics", "ObservabilityTestSupport", .logging, .inMemoryLogging]
        ),
        .testTarget(
            name: "MetricsServerTests",
            dependencies: [
                "MetricsServer", "PrometheusMetrics", "ObservabilityTestSupport",
                .logging, .nioCore, .nioHTTP1, .nioPosix, .serviceLifecycle,
            ]
        ),
        .testTarget(
            name: "AlertingTests",
            dependencies: [
                "Alerting", "PrometheusMetrics", "ObservabilityTestSupport",
                .logging, .metricsTestKit, .nioCore, .nioPosix, .nioHTTP1,
            ]
        ),
        .testTarget(name: "MetricsExporterTests", dependencies: ["metrics-exporter", "HostMetrics", "ObservabilityTestSupport"]),
    ]
)
