import Glibc
import HostMetrics
import PrometheusMetrics

/// The benchmark's collector set (Benchmarks/exporter-benchmark.sh without `defaults`).
let benchmarkSet: Set<String> = [
    "cpu", "diskstats", "filefd", "filesystem", "loadavg", "meminfo", "netdev", "netstat", "os", "pressure", "sockstat", "stat",
    "time", "uname", "vmstat",
]
let arguments = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("--") }
let iterations = arguments.first.flatMap { Int($0) } ?? 2000
let selected = arguments.dropFirst().first ?? "each"
let collectOnly = CommandLine.arguments.contains("--collect-only")

/// User and system CPU seconds of this process so far.
func cpuSeconds() -> (user: Double, system: Double) {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return (
        Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6,
        Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    )
}

/// CPU seconds per scrape of `collectors`: a registry write, or with `--collect-only` the
/// collectors alone.
func measure(_ collectors: Set<String>) throws -> (user: Double, system: Double) {
    var configuration = NodeCollector.Configuration(collectors: collectors)
    configuration.netdevNetlink = false
    let node = try NodeCollector(configuration: configuration)
    let registry = PrometheusRegistry()
    registry.register(collector: node)
    var buffer: [UInt8] = []
    var families: [CollectedFamily] = []
    func scrape() {
        if collectOnly {
            families.removeAll(keepingCapacity: true)
            node.collect(into: &families)
        } else {
            registry.write(.prometheusText, into: &buffer)
        }
    }
    for _ in 0..<50 { scrape() }
    let start = cpuSeconds()
    for _ in 0..<iterations { scrape() }
    let end = cpuSeconds()
    return ((end.user - start.user) / Double(iterations), (end.system - start.system) / Double(iterations))
}

func report(_ name: String, _ collectors: Set<String>) throws {
    let seconds = try measure(collectors)
    let micro = { (value: Double) in String(Int((value * 1e6).rounded())) }
    print(name + String(repeating: " ", count: max(1, 12 - name.count)) + micro(seconds.user + seconds.system) + " µs (user "
        + micro(seconds.user) + ", system " + micro(seconds.system) + ")")
}

do {
    switch selected {
    case "all": try report("all", benchmarkSet)
    case "each":
        try report("all", benchmarkSet)
        for collector in benchmarkSet.sorted() { try report(collector, [collector]) }
    default: try report(selected, [selected])
    }
} catch {
    print("collector-cpu: \(error)")
    exit(1)
}
