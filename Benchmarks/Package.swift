// swift-tools-version:6.0
// Benchmarks live in their own package so that users of the toolkit never build them or the peers.
import PackageDescription

let package = Package(
    name: "observability-toolkit-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "observability-toolkit", path: ".."),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
    ],
    targets: [
        .target(name: "AllocationCounter"),
        .target(name: "BenchmarkSupport", dependencies: ["AllocationCounter"]),
        .executableTarget(
            name: "MetricsBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "PrometheusMetrics", package: "observability-toolkit"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        .executableTarget(
            name: "LogBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "StructuredLog", package: "observability-toolkit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "AlertingBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Alerting", package: "observability-toolkit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
