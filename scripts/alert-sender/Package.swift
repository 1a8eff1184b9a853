// swift-tools-version:6.0
// The sender of scripts/alertmanager-check.sh: its own package, so the toolkit never builds it.
import PackageDescription

let package = Package(
    name: "alert-sender",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "observability-toolkit", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "alert-sender",
            dependencies: [.product(name: "Alerting", package: "observability-toolkit")]
        ),
    ]
)
