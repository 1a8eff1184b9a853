import Foundation

/// The samples of a Prometheus text exposition file, such as node_exporter's `e2e-output.txt`.
struct ExpectedOutput {
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    var samples: [Sample]

    init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        samples = try text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(Self.parse)
    }

    /// The samples of a family, in file order.
    func samples(_ name: String) -> [Sample] {
        samples.filter { $0.name == name }
    }

    /// The value of the series with exactly these labels.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    /// The names of all families with samples that start with `prefix`.
    func names(withPrefix prefix: String) -> Set<String> {
        Set(samples.map(\.name).filter { $0.hasPrefix(prefix) })
    }

    private struct Malformed: Error { var line: String }

    /// `name{a="x",b="y"} value`, with `\\`, `\"` and `\n` escapes in label values.
    private static func parse(_ line: Substring) throws -> Sample {
        var index = line.startIndex
        while index < line.endIndex, line[index] != "{", line[index] != " " { index = line.index(after: index) }
        let name = String(line[..<index])
        var labels: [String: String] = [:]
        if index < line.endIndex, line[index] == "{" {
            index = line.index(after: index)
            while line[index] != "}" {
                guard let equals = line[index...].firstIndex(of: "=") else { throw Malformed(line: String(line)) }
                let key = String(line[index..<equals])
                index = line.index(equals, offsetBy: 2)
                var value = ""
                while line[index] != "\"" {
                    if line[index] == "\\" {
                        index = line.index(after: index)
                        value.append(line[index] == "n" ? "\n" : line[index])
                    } else {
                        value.append(line[index])
                    }
                    index = line.index(after: index)
                }
                labels[key] = value
                index = line.index(after: index)
                if line[index] == "," { index = line.index(after: index) }
            }
            index = line.index(after: index)
        }
        guard let value = Double(line[index...].trimmingCharacters(in: .whitespaces)) else {
            throw Malformed(line: String(line))
        }
        return Sample(name: name, labels: labels, value: value)
    }
}
