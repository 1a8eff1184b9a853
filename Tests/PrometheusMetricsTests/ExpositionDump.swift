import Foundation
import PrometheusMetrics

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
