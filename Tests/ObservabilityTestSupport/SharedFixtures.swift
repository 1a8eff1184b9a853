/// The peers' test data in `shared/fixtures`, which sits beside the repository
/// (`<repo>/../shared/fixtures`), found from this file's own path so that tests run from any
/// working directory.
public enum SharedFixtures {
    /// `<repo>/Tests/ObservabilityTestSupport/SharedFixtures.swift` → `<repo>/../shared/fixtures`.
    public static let directory: String = {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/") + "/../shared/fixtures"
    }()

    /// node_exporter's fixture trees and expected outputs (`v1.5.0`, `v1.12.1`).
    public static let nodeExporter = directory + "/node_exporter"
}
