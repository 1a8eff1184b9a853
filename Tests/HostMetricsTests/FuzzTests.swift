import Foundation
import HostMetrics
import ObservabilityTestSupport
import Testing

/// Every parser fed every prefix of every fixture file (both versions, and this machine's own
/// files), mutated copies and seeded random bytes. None may crash; every failure must be a
/// `malformedLine`, `invalidTextFormat` or `entryMissing` naming a line that exists.
@Suite struct FuzzTests {
    struct Parser: CustomTestStringConvertible, Sendable {
        var name: String
        /// Files under a fixture root, and under `/` for this machine.
        var files: [String]
        /// True when every line stands alone, so a cut at a line end must still parse.
        var linesStandAlone: Bool
        var parse: @Sendable ([UInt8]) throws(HostMetricsError) -> Void

        var testDescription: String { name }
    }

    static let parsers: [Parser] = [
        Parser(name: "KernelStat", files: ["proc/stat"], linesStandAlone: false) { bytes throws(HostMetricsError) in _ = try KernelStat(parsing: bytes) },
        Parser(name: "MemInfo", files: ["proc/meminfo"], linesStandAlone: true) { bytes throws(HostMetricsError) in _ = try MemInfo(parsing: bytes) },
        Parser(name: "LoadAverage", files: ["proc/loadavg"], linesStandAlone: false) { bytes throws(HostMetricsError) in _ = try LoadAverage(parsing: bytes) },
        Parser(name: "VMStat", files: ["proc/vmstat"], linesStandAlone: true) { bytes throws(HostMetricsError) in _ = try VMStat(parsing: bytes) },
        Parser(name: "DiskStats", files: ["proc/diskstats"], linesStandAlone: true) { bytes throws(HostMetricsError) in _ = try DiskStats.parse(bytes) },
        Parser(name: "NetDevStats", files: ["proc/net/dev"], linesStandAlone: true) { bytes throws(HostMetricsError) in _ = try NetDevStats.parse(bytes) },
        Parser(name: "MountInfo", files: ["proc/1/mountinfo", "proc/10/mountinfo"], linesStandAlone: true) { bytes throws(HostMetricsError) in
            _ = try Mount.parseMountInfo(bytes)
        },
        Parser(name: "Mounts", files: ["proc/1/mounts", "proc/mounts"], linesStandAlone: true) { bytes throws(HostMetricsError) in _ = try Mount.parseMounts(bytes) },
        Parser(name: "PressureStats", files: ["proc/pressure/cpu", "proc/pressure/io", "proc/pressure/memory", "proc/pressure/irq"], linesStandAlone: false) {
            bytes throws(HostMetricsError) in _ = try PressureStats(parsing: bytes, path: "p")
        },
        Parser(name: "FileNr", files: ["proc/sys/fs/file-nr"], linesStandAlone: false) { bytes throws(HostMetricsError) in _ = try FileNr(parsing: bytes) },
        Parser(name: "Sockstat", files: ["proc/net/sockstat", "proc/net/sockstat6"], linesStandAlone: true) { bytes throws(HostMetricsError) in
            _ = try Sockstat(parsing: bytes, path: "s")
        },
        Parser(name: "NetStat pairs", files: ["proc/net/netstat", "proc/net/snmp"], linesStandAlone: false) { bytes throws(HostMetricsError) in
            _ = try NetStat(parsingPairs: bytes, path: "n")
        },
        Parser(name: "SNMP6", files: ["proc/net/snmp6"], linesStandAlone: true) { bytes throws(HostMetricsError) in _ = try NetStat(parsingSNMP6: bytes) },
        Parser(name: "OSRelease", files: ["usr/lib/os-release", "etc/os-release"], linesStandAlone: true) { bytes throws(HostMetricsError) in
            _ = try OSRelease(parsing: bytes)
        },
        Parser(name: "ProcessStat", files: ["proc/1/stat", "proc/10/stat", "proc/11/stat", "proc/self/stat"], linesStandAlone: false) {
            bytes throws(HostMetricsError) in _ = try ProcessStat(parsing: bytes, path: "s")
        },
        Parser(name: "ProcessLimits", files: ["proc/self/limits"], linesStandAlone: true) { bytes throws(HostMetricsError) in
            _ = try ProcessLimits(parsing: bytes, path: "l")
        },
        Parser(name: "CPUInfo", files: ["proc/cpuinfo"], linesStandAlone: true) { bytes throws(HostMetricsError) in _ = try CPUInfo.parse(bytes) },
        Parser(name: "CPUList", files: ["sys/devices/system/cpu/isolated", "sys/devices/system/cpu/online"], linesStandAlone: true) {
            bytes throws(HostMetricsError) in _ = try CPUList.parse(bytes, path: "c")
        },
        Parser(name: "UdevProperties", files: ["udev/data/b8:0", "udev/data/b252:1", "udev/data/b259:0"], linesStandAlone: true) {
            bytes throws(HostMetricsError) in _ = try UdevProperties(parsing: bytes, path: "u")
        },
        Parser(name: "ZoneInfo", files: ["proc/zoneinfo"], linesStandAlone: true) { bytes throws(HostMetricsError) in _ = try ZoneInfo(parsing: bytes) },
        Parser(name: "ARPEntry", files: ["proc/net/arp"], linesStandAlone: true) { bytes throws(HostMetricsError) in _ = try ARPEntry.parse(bytes) },
        Parser(name: "SoftnetStat", files: ["proc/net/softnet_stat"], linesStandAlone: true) { bytes throws(HostMetricsError) in
            _ = try SoftnetStat.parse(bytes)
        },
        Parser(name: "ConntrackStat", files: ["proc/net/stat/nf_conntrack"], linesStandAlone: true) { bytes throws(HostMetricsError) in
            _ = try ConntrackStat(parsing: bytes)
        },
        Parser(name: "NetUDPSummary", files: ["proc/net/udp", "proc/net/udp6"], linesStandAlone: true) { bytes throws(HostMetricsError) in
            _ = try NetUDPSummary(parsing: bytes, path: "u")
        },
        Parser(
            name: "TextFormat", files: ["textfile/two_metric_files/metrics1.prom", "textfile/two_metric_files/metrics2.prom"],
            linesStandAlone: true
        ) { bytes throws(HostMetricsError) in _ = try TextFormat.parse(bytes, path: "t.prom") },
    ]

    /// The parser's inputs: its files in both fixture trees and on this machine.
    static func inputs(_ parser: Parser) -> [(String, [UInt8])] {
        let roots = Fixture.allCases.map(\.root) + [""]
        return roots.flatMap { root in
            parser.files.compactMap { file in
                let path = root + "/" + file
                return FileManager.default.contents(atPath: path).map { (path, [UInt8]($0)) }
            }
        }
    }

    /// Runs the parser; a failure must be a parse error naming a line of the input.
    static func check(_ parser: Parser, _ bytes: [UInt8], _ context: @autoclosure () -> String) -> Bool {
        do {
            try parser.parse(bytes)
            return true
        } catch {
            switch error {
            case .malformedLine(_, let line, let text, _):
                let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
                #expect(line >= 1 && line <= lines && text.utf8.count <= 200 * 3, "\(context())")
            case .invalidTextFormat(_, let line, _):
                let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
                #expect(line >= 1 && line <= lines, "\(context())")
            case .entryMissing:
                break
            default:
                Issue.record("\(parser.name) threw \(error) for \(context())")
            }
            return false
        }
    }

    @Test(arguments: parsers)
    func everyPrefixOfEveryFile(_ parser: Parser) {
        let inputs = Self.inputs(parser)
        #expect(!inputs.isEmpty)
        for (path, bytes) in inputs {
            #expect(Self.check(parser, bytes, path), "the whole of \(path) must parse")
            let step = max(1, bytes.count / 800)
            for length in stride(from: 0, to: bytes.count, by: step) {
                let prefix = Array(bytes[..<length])
                let parsed = Self.check(parser, prefix, "\(path) cut at \(length)")
                if parser.linesStandAlone, length > 0, bytes[length - 1] == UInt8(ascii: "\n") {
                    #expect(parsed, "\(path) cut after a whole line (\(length) bytes) must parse")
                }
            }
        }
    }

    @Test(arguments: parsers)
    func mutatedFilesAndRandomBytes(_ parser: Parser) {
        var random = SplitMix64(seed: UInt64(truncatingIfNeeded: parser.name.utf8.reduce(5381) { ($0 << 5) &+ $0 &+ Int($1) }))
        let alphabet = Array("0123456789 \t\n\n:()-=.,/\\_abcxyzMkB|#\"'".utf8)
        for (path, bytes) in Self.inputs(parser) {
            for round in 0..<60 {
                var mutated = bytes
                for _ in 0..<Int(random.next(in: 1...8)) where !mutated.isEmpty {
                    let index = Int(random.next(in: 0...UInt64(mutated.count - 1)))
                    switch random.next(in: 0...3) {
                    case 0: mutated[index] = UInt8(truncatingIfNeeded: random.next())
                    case 1: mutated[index] = alphabet[Int(random.next(in: 0...UInt64(alphabet.count - 1)))]
                    case 2: mutated.remove(at: index)
                    default: mutated.insert(alphabet[Int(random.next(in: 0...UInt64(alphabet.count - 1)))], at: index)
                    }
                }
                _ = Self.check(parser, mutated, "\(path) mutation \(round)")
            }
        }
        for round in 0..<200 {
            let length = Int(random.next(in: 0...600))
            let bytes: [UInt8] = (0..<length).map { _ in
                round.isMultiple(of: 3) ? UInt8(truncatingIfNeeded: random.next()) : alphabet[Int(random.next(in: 0...UInt64(alphabet.count - 1)))]
            }
            _ = Self.check(parser, bytes, "random input \(round)")
        }
    }

    @Test func hugeNumbersAndEmptyInputs() {
        let huge = "99999999999999999999999999"
        for parser in Self.parsers {
            _ = Self.check(parser, [], "empty input")
            _ = Self.check(parser, Array("\n\n\n".utf8), "blank lines")
            _ = Self.check(parser, Array("cpu \(huge) 1 2 3\n\(huge): \(huge) kB\n1 2 sda \(huge)\n".utf8), "huge numbers")
        }
        #expect(throws: HostMetricsError.self) { try MemInfo(parsing: Array("MemTotal: \(huge) kB\n".utf8)) }
        #expect(throws: HostMetricsError.self) { try DiskStats.parse(Array("8 0 sda \(huge) 0 0 0 0 0 0 0 0 0 0\n".utf8)) }
    }
}
