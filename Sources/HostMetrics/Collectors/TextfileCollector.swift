import Glibc
import Logging
import PrometheusMetrics
import Synchronization

/// node_exporter's `textfile` collector: the metrics that cron jobs and scripts write as
/// `*.prom` files in `--collector.textfile.directory` (a glob may name several directories),
/// merged into the scrape, plus `node_textfile_mtime_seconds{file}` for each file read and
/// `node_textfile_scrape_error`.
///
/// As in node_exporter 1.5.0: the directory is empty by default, which disables the collector's
/// reading; a file that does not parse or whose samples carry timestamps is skipped whole and
/// sets `node_textfile_scrape_error 1`; a family without HELP gets "Metric read from" and the
/// files that have it; a family whose HELP or type differs from the same family in an earlier
/// file is dropped from the later file; series with fewer label names than others of their
/// family get the missing ones as empty values.
final class TextfileCollector: Collector {
    static let name = "textfile"

    /// One file that was read.
    struct File {
        var path: String
        /// Its modification time, whole seconds since the epoch.
        var modified: Int64
        var families: [TextFormat.Family]
    }

    struct Reading {
        var files: [File]
        /// A directory could not be listed or a file was skipped.
        var failed: Bool
    }

    /// Something to log: a file or directory that could not be read, or a family conflict.
    struct Problem {
        var message: Logger.Message
        var metadata: Logger.Metadata
        var error: HostMetricsError?

        /// What tells one problem from another across scrapes.
        var key: String { "\(message) \(metadata.sorted { $0.key < $1.key }) \(error?.description ?? "")" }
    }

    private let directory: String
    private let logger: Logger
    /// The reading problems and the conflicts logged at the last scrape: each problem is logged
    /// when it appears, not on every scrape.
    private let loggedProblems = Mutex<(reading: Set<String>, conflicts: Set<String>)>(([], []))

    init(configuration: NodeCollector.Configuration, logger: Logger) {
        directory = configuration.textfileDirectory
        self.logger = logger
    }

    func read() -> Reading {
        var reading = Reading(files: [], failed: false)
        var problems: [Problem] = []
        for directory in Self.directories(matching: directory) {
            let names: [String]
            do {
                names = try Self.promFiles(in: directory)
            } catch {
                // node_exporter ignores the unset (empty) directory and reports any other.
                guard !directory.isEmpty else { continue }
                reading.failed = true
                problems.append(Problem(message: "failed to read textfile collector directory", metadata: ["path": .string(directory)], error: error))
                continue
            }
            for name in names {
                let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                do {
                    reading.files.append(try Self.read(path))
                } catch {
                    reading.failed = true
                    problems.append(Problem(message: "failed to collect textfile data", metadata: ["file": .string(name)], error: error))
                }
            }
        }
        report(problems, \.reading)
        return reading
    }

    func collect(_ reading: Reading, into families: inout [CollectedFamily]) {
        var files: [String: [String]] = [:]
        for file in reading.files {
            for family in file.families {
                files[family.name, default: []].append(file.path)
            }
        }
        var merged: [CollectedFamily] = []
        var indices: [String: Int] = [:]
        var conflicts: [Problem] = []
        for file in reading.files {
            for family in file.families {
                let help = family.help ?? "Metric read from " + files[family.name, default: []].joined(separator: ", ")
                let metrics = Self.metrics(of: family)
                guard let index = indices[family.name] else {
                    indices[family.name] = merged.count
                    merged.append(CollectedFamily(name: family.name, help: help, type: family.type, metrics: metrics))
                    continue
                }
                guard merged[index].help == help, merged[index].type == family.type else {
                    let reason = merged[index].help == help ? "type differs" : "HELP differs"
                    conflicts.append(Problem(
                        message: "textfile family conflicts with an earlier file, skipped",
                        metadata: ["family": .string(family.name), "file": .string(file.path), "reason": .string(reason)]
                    ))
                    continue
                }
                merged[index].metrics += metrics
            }
        }
        report(conflicts, \.conflicts)
        families += merged
        families.append(CollectedFamily(
            name: "node_textfile_mtime_seconds",
            help: "Unixtime mtime of textfiles successfully read.",
            type: .gauge,
            metrics: reading.files.map { CollectedMetric(labels: [("file", $0.path)], value: Double($0.modified)) }
        ))
        families.append(CollectedFamily(
            name: "node_textfile_scrape_error",
            help: "1 if there was an error opening or reading a file, 0 otherwise",
            type: .gauge,
            value: reading.failed ? 1 : 0
        ))
    }

    /// The family's series as node_exporter converts them: every series with every label name
    /// of the family (absent ones empty), buckets and quantiles sorted with the last of equal
    /// bounds kept.
    private static func metrics(of family: TextFormat.Family) -> [CollectedMetric] {
        var names: [String] = []
        for metric in family.metrics {
            for (name, _) in metric.labels where !names.contains(name) {
                names.append(name)
            }
        }
        return family.metrics.map { metric in
            var labels = metric.labels
            for name in names where !labels.contains(where: { $0.0 == name }) {
                labels.append((name, ""))
            }
            switch metric.value {
            case .histogram(let buckets, let sum, let count):
                return CollectedMetric(labels: labels, value: .histogram(buckets: lastOfEqualBounds(buckets), sum: sum, count: count))
            case .summary(let quantiles, let sum, let count):
                return CollectedMetric(labels: labels, value: .summary(quantiles: lastOfEqualBounds(quantiles), sum: sum, count: count))
            case .sample:
                return CollectedMetric(labels: labels, value: metric.value)
            }
        }
    }

    /// Pairs sorted by their first element, keeping the last pair of each (a Go map's result).
    private static func lastOfEqualBounds<Value>(_ pairs: [(Double, Value)]) -> [(Double, Value)] {
        var sorted: [(Double, Value)] = []
        for pair in pairs.enumerated().sorted(by: { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }).map(\.element) {
            if let last = sorted.last, last.0 == pair.0 { sorted.removeLast() }
            sorted.append(pair)
        }
        return sorted
    }

    /// Reads and parses one file; its timestamps, if any, reject it.
    private static func read(_ path: String) throws(HostMetricsError) -> File {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path)
        } catch .fileUnreadable(_, let code) where code == EISDIR {
            // node_exporter reads a directory named `*.prom` as an empty file.
            bytes = []
        }
        let families = try TextFormat.parse(bytes, path: path)
        guard !families.contains(where: { $0.metrics.contains { $0.timestamp != nil } }) else {
            throw .textfileTimestamps(path: path)
        }
        // Read after parsing, as node_exporter does, so that a file being rewritten does not
        // look fresh before it parses.
        let modified = try FileReader.modificationTime(path) ?? .zero
        return File(path: path, modified: modified.components.seconds, families: families)
    }

    /// The names ending in `.prom` in a directory, sorted.
    private static func promFiles(in directory: String) throws(HostMetricsError) -> [String] {
        var names: [String] = []
        try FileReader.forEachEntry(in: directory) { entry in
            if entry.name.count > 5, entry.name.suffix(5).elementsEqual(".prom".utf8) {
                names.append(String(decoding: entry.name, as: UTF8.self))
            }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The directories a `--collector.textfile.directory` value names: the matches of it as a
    /// glob, sorted, or the value itself when it matches nothing (as Go's `filepath.Glob`).
    private static func directories(matching pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard !pattern.isEmpty, glob(pattern, 0, nil, &matches) == 0 else { return [pattern] }
        let paths = (0..<Int(matches.gl_pathc)).compactMap { matches.gl_pathv[$0].map { String(cString: $0) } }
        return paths.isEmpty ? [pattern] : paths
    }

    /// Logs the problems not logged at the last scrape, and remembers this scrape's.
    private func report(_ problems: [Problem], _ kind: WritableKeyPath<(reading: Set<String>, conflicts: Set<String>), Set<String>> & Sendable) {
        let keys = problems.map(\.key)
        let previous = loggedProblems.withLock { logged in
            defer { logged[keyPath: kind] = Set(keys) }
            return logged[keyPath: kind]
        }
        for (problem, key) in zip(problems, keys) where !previous.contains(key) {
            var metadata = problem.metadata
            metadata["collector"] = "textfile"
            logger.error(problem.message, error: problem.error, metadata: metadata)
        }
    }
}
