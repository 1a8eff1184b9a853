import Foundation
@testable import PrometheusMetrics

/// Saves what the tests expose so that CI can hand it to `promtool check metrics` and to
/// Python's `prometheus_client` parsers (`scripts/check-expositions.py`), which must read the
/// same values back. Does nothing unless `EXPOSITION_DUMP_DIR` is set.
enum ExpositionDump {
    static func record(_ name: String, _ format: ExpositionFormat, _ exposition: [UInt8]) throws {
        guard let directory = ProcessInfo.processInfo.environment["EXPOSITION_DUMP_DIR"] else { return }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let suffix = format == .openMetrics ? "om" : "prom"
        let url = URL(fileURLWithPath: directory).appendingPathComponent("\(name).\(suffix)")
        try Data(exposition).write(to: url)
    }
}

extension ExpositionDump {
    /// One sample as the tests recorded it, for the read-back in CI.
    struct Sample: Encodable {
        let name: String
        let labels: [String: String]
        /// Go's spelling (`NaN`, `+Inf`), which Python's `float()` reads.
        let value: String

        init(_ name: String, _ labels: [String: String] = [:], _ value: Double) {
            self.name = name
            self.labels = labels
            self.value = String(decoding: GoFloat.spelled(value, in: .prometheusText), as: UTF8.self)
        }
    }

    static func recordSamples(_ name: String, _ samples: [Sample]) throws {
        guard let directory = ProcessInfo.processInfo.environment["EXPOSITION_DUMP_DIR"] else { return }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let url = URL(fileURLWithPath: directory).appendingPathComponent("\(name).samples.json")
        try JSONEncoder().encode(samples).write(to: url)
    }
}
