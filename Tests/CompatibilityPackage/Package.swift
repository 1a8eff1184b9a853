// swift-tools-version:6.0
// Proves that an application can depend on this toolkit together with apple/swift-metrics,
// apple/swift-log and swift-server/swift-prometheus: SwiftPM refuses a graph in which two
// targets share a name, so this package only resolves and builds if none of ours collides with
// `Metrics`, `CoreMetrics`, `Logging` or `Prometheus`. CI builds and runs it.
import PackageDescription

let package = Package(
    name: "compatibility-check",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "observability-toolkit", path: "../.."),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .executableTarget(
            name: "CompatibilityCheck",
            dependencies: [
                .product(name: "PrometheusMetrics", package: "observability-toolkit"),
                .product(name: "StructuredLog", package: "observability-toolkit"),
                .product(name: "Alerting", package: "observability-toolkit"),
                .product(name: "HostMetrics", package: "observability-toolkit"),
                .product(name: "MetricsServer", package: "observability-toolkit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
    ]
)
