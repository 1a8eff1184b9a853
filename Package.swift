// swift-tools-version:6.0
import PackageDescription

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
        .target(
            name: "PrometheusMetrics",
            dependencies: ["CObservabilityCPU", .product(name: "CoreMetrics", package: "swift-metrics")],
            path: "Sources/Metrics"
        ),
        .target(
            name: "StructuredLog",
            dependencies: [.product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "HostMetrics",
            dependencies: [
                "PrometheusMetrics",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "MetricsServer",
            dependencies: [
                "PrometheusMetrics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                "CObservabilityZlib",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "Alerting",
            dependencies: [
                "PrometheusMetrics",
                "HostMetrics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        .executableTarget(
            name: "metrics-exporter",
            dependencies: [
                "HostMetrics",
                "MetricsServer",
                "StructuredLog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "ObservabilityTestSupport", path: "Tests/ObservabilityTestSupport"),
        .testTarget(
            name: "PrometheusMetricsTests",
            dependencies: [
                "PrometheusMetrics",
                "ObservabilityTestSupport",
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .testTarget(
            name: "StructuredLogTests",
            dependencies: ["StructuredLog", "ObservabilityTestSupport", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "HostMetricsTests",
            dependencies: [
                "HostMetrics",
                "PrometheusMetrics",
                "ObservabilityTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "MetricsServerTests",
            dependencies: [
                "MetricsServer",
                "PrometheusMetrics",
                "ObservabilityTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "AlertingTests",
            dependencies: [
                "Alerting",
                "PrometheusMetrics",
                "ObservabilityTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "MetricsExporterTests",
            dependencies: ["metrics-exporter", "HostMetrics", "ObservabilityTestSupport"]
        ),
    ]
)
