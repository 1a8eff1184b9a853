import HostMetrics
import Logging
import ObservabilityTestSupport
import PrometheusMetrics
import Testing

/// Every collector fed damaged copies of the fixture's files: the scrape always completes, a
/// collector whose input is garbage reports success 0, and the others still report 1.
@Suite struct CollectorFuzzTests {
    /// A fixture file and the collectors that read it.
    struct Input: CustomTestStringConvertible, Sendable {
        var file: String
        var collectors: Set<String>
        /// False for files in which digits carry no meaning to the parser (mount tables,
        /// os-release), so replacing them need not fail.
        var digitsMatter = true
        /// False for mount tables, where any line of four words is a mount.
        var noiseFails = true

        var testDescription: String { file }
    }

    static let inputs: [Input] = [
        Input(file: "proc/stat", collectors: ["cpu", "stat"]),
        Input(file: "proc/meminfo", collectors: ["meminfo"]),
        Input(file: "proc/loadavg", collectors: ["loadavg"]),
        Input(file: "proc/vmstat", collectors: ["vmstat"]),
        Input(file: "proc/diskstats", collectors: ["diskstats"]),
        Input(file: "proc/net/dev", collectors: ["netdev"]),
        Input(file: "proc/net/netstat", collectors: ["netstat"]),
        Input(file: "proc/net/snmp", collectors: ["netstat"]),
        Input(file: "proc/net/snmp6", collectors: ["netstat"]),
        Input(file: "proc/net/sockstat", collectors: ["sockstat"]),
        Input(file: "proc/net/sockstat6", collectors: ["sockstat"]),
        Input(file: "proc/pressure/cpu", collectors: ["pressure"]),
        Input(file: "proc/pressure/io", collectors: ["pressure"]),
        Input(file: "proc/pressure/memory", collectors: ["pressure"]),
        Input(file: "proc/sys/fs/file-nr", collectors: ["filefd"]),
        Input(file: "proc/sys/kernel/pid_max", collectors: ["processes"]),
        Input(file: "proc/sys/kernel/threads-max", collectors: ["processes"]),
        Input(file: "proc/1/stat", collectors: ["processes"]),
        Input(file: "proc/1/mounts", collectors: ["filesystem"], digitsMatter: false, noiseFails: false),
        Input(file: "usr/lib/os-release", collectors: ["os"], digitsMatter: false),
        Input(file: "proc/net/arp", collectors: ["arp"], digitsMatter: false),
        Input(file: "proc/net/softnet_stat", collectors: ["softnet"]),
        Input(file: "proc/net/stat/nf_conntrack", collectors: ["conntrack"]),
        Input(file: "proc/sys/net/netfilter/nf_conntrack_count", collectors: ["conntrack"]),
        Input(file: "proc/net/udp", collectors: ["udp_queues"]),
        Input(file: "proc/sys/kernel/random/entropy_avail", collectors: ["entropy"]),
    ]

    /// Runs every collector on the damaged tree and checks the outcome.
    private func scrape(_ tree: FixtureTree, damaged input: Input, mustFail: Bool) throws {
        let configuration = NodeCollector.Configuration(paths: tree.paths, collectors: Set(NodeCollector.collectorNames))
        let quiet = Logger(label: "fuzz") { _ in SwiftLogNoOpLogHandler() }
        let successes = CollectedFamilies(try NodeCollector(configuration: configuration, logger: quiet)).successes
        #expect(Set(successes.keys) == Set(NodeCollector.collectorNames))
        for (collector, success) in successes where !input.collectors.contains(collector) {
            #expect(success == 1, "\(collector) failed although only \(input.file) was damaged")
        }
        if mustFail {
            for collector in input.collectors {
                #expect(successes[collector] == 0, "\(collector) succeeded on damaged \(input.file)")
            }
        }
    }

    private static let separators: [UInt8] = [UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "|")]

    @Test(arguments: inputs)
    func randomBytes(_ input: Input) throws {
        var random = SplitMix64(seed: UInt64(input.file.utf8.count) &* 7919)
        for round in 0..<4 {
            try FixtureTree.with { tree in
                // Printable noise without the separators some formats need (`=`, `:`) or skip
                // lines by (`|`), with a letter first so no line starts as a number.
                let bytes = [UInt8(ascii: "x")] + (0..<(64 << round)).map { _ in
                    let byte = UInt8(random.next(in: 32...126))
                    return Self.separators.contains(byte) ? UInt8(ascii: " ") : byte
                }
                try tree.write(input.file, bytes)
                try scrape(tree, damaged: input, mustFail: input.noiseFails)
            }
        }
    }

    @Test(arguments: inputs)
    func digitsReplaced(_ input: Input) throws {
        try FixtureTree.with { tree in
            let bytes = try tree.read(input.file).map { $0.digitValue == nil ? $0 : UInt8(ascii: "x") }
            try tree.write(input.file, bytes)
            try scrape(tree, damaged: input, mustFail: input.digitsMatter)
        }
    }

    /// Cut anywhere, a file may still parse (a shorter meminfo) or not (a number cut in two
    /// stays a number); either way nothing else is affected.
    @Test(arguments: inputs)
    func truncated(_ input: Input) throws {
        try FixtureTree.with { tree in
            let bytes = try tree.read(input.file)
            for cut in Set([0, 1, bytes.count / 3, bytes.count / 2, max(bytes.count - 1, 0)]) {
                try tree.write(input.file, Array(bytes.prefix(cut)))
                try scrape(tree, damaged: input, mustFail: false)
            }
        }
    }

    @Test(arguments: inputs)
    func missing(_ input: Input) throws {
        try FixtureTree.with { tree in
            try tree.remove(input.file)
            // IPv6, snmp6, the rootfs os-release fallbacks and conntrack's statistics are
            // optional; the rest is not.
            let optional = ["proc/net/sockstat6", "proc/net/snmp6", "proc/net/sockstat", "proc/net/stat/nf_conntrack"].contains(input.file)
            try scrape(tree, damaged: input, mustFail: !optional && input.file != "proc/1/stat")
        }
    }
}

extension UInt8 {
    /// The digit's value when the byte is an ASCII digit.
    fileprivate var digitValue: UInt8? {
        self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") ? self - UInt8(ascii: "0") : nil
    }
}
