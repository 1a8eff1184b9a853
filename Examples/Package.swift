// swift-tools-version:6.0
// The example service lives in its own package so that users of the toolkit never build Hummingbird.
import PackageDescription

let package = Package(
    name: "observability-toolkit-examples",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "observability-toolkit", path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        .executableTarget(
            name: "example-service",
            dependencies: [
                .product(name: "PrometheusMetrics", package: "observability-toolkit"),
                .product(name: "StructuredLog", package: "observability-toolkit"),
                .product(name: "Alerting", package: "observability-toolkit"),
                .product(name: "HostMetrics", package: "observability-toolkit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/ExampleService"
        ),
    ]
)
