// swift-tools-version:6.0
// CPU per scrape of the exporter's collectors without the HTTP server: the registry's write of
// NodeCollector (the benchmark's 15 collectors, /proc/net/dev for netdev) in a loop, in total and
// per collector, user and system time apart. A small process that valgrind and perf can profile
// (valgrind crashes on the NIO server).
//
//   swift run -c release collector-cpu [ITERATIONS] [COLLECTOR|all] [--collect-only]
import PackageDescription

let package = Package(
    name: "collector-cpu",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "observability-toolkit", path: "../../..")],
    targets: [
        .executableTarget(
            name: "collector-cpu",
            dependencies: [
                .product(name: "HostMetrics", package: "observability-toolkit"),
                .product(name: "PrometheusMetrics", package: "observability-toolkit"),
            ]
        )
    ]
)
