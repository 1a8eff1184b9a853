import Foundation
import ObservabilityTestSupport

/// The payloads captured from Alertmanager 0.25 and Prometheus 2.42, kept beside the project in
/// `../shared/fixtures/alertmanager/`.
enum Fixtures {
    static let directory = URL(fileURLWithPath: SharedFixtures.directory + "/alertmanager")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// Every captured webhook body (not the request-headers capture).
    static func webhookBodies() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("alertmanager-0.25-webhook-") && !$0.contains("request-headers") }
            .sorted()
    }
}
