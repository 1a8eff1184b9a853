import Foundation
import Glibc
@testable import HostMetrics
import Logging
import Testing

/// Files kept open between scrapes: read anew each time, opened again when deleted or replaced,
/// closed when they cannot be read or when their collector goes, and never more of them than
/// the collectors have.
@Suite struct KeptFileTests {
    /// This process's descriptors open on a path under `directory` (deleted ones included):
    /// other tests running meanwhile open nothing there.
    private func descriptors(under directory: String) -> Int {
        var count = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + name), target.hasPrefix(directory) {
                count += 1
            }
        }
        return count
    }

    @Test func readsWhatTheFileHoldsNowAndReopensItWhenReplacedOrDeleted() throws {
        try FixtureTree.with { tree in
            let path = tree.root + "/proc/loadavg"
            let file = KeptFile(path)
            #expect(try file.read() == tree.read("proc/loadavg"))
            #expect(descriptors(under: tree.root) == 1)
            // Rewritten in place: the same descriptor reads the new bytes.
            try tree.write("proc/loadavg", "1.00 2.00 3.00 1/100 42\n")
            #expect(try file.read() == Array("1.00 2.00 3.00 1/100 42\n".utf8))
            // Replaced by a rename: the old file is let go and the new one read.
            try Data("4.00 5.00 6.00 1/100 42\n".utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            #expect(try file.read() == Array("4.00 5.00 6.00 1/100 42\n".utf8))
            #expect(descriptors(under: tree.root) == 1)
            // Deleted: an error naming the file, and no descriptor left on the deleted file.
            try tree.remove("proc/loadavg")
            #expect(throws: HostMetricsError.fileMissing(path: path)) { try file.read() }
            #expect(descriptors(under: tree.root) == 0)
            try tree.write("proc/loadavg", "7.00 8.00 9.00 1/100 42\n")
            #expect(try file.read() == Array("7.00 8.00 9.00 1/100 42\n".utf8))
            #expect(descriptors(under: tree.root) == 1)
        }
    }

    @Test func aFileThatCannotBeReadIsClosed() throws {
        try FixtureTree.with { tree in
            let directory = tree.root + "/proc/not-a-file"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let file = KeptFile(directory)
            #expect(throws: HostMetricsError.fileUnreadable(path: directory, errno: EISDIR)) { try file.read() }
            #expect(descriptors(under: tree.root) == 0)
        }
    }

    /// Every collector scraped while its files are deleted, replaced and restored: the
    /// descriptors kept open stay within one per file the collectors read at every scrape, do
    /// not grow from scrape to scrape, and all close with the collectors.
    @Test func collectorsKeepABoundedSetOfDescriptors() throws {
        try FixtureTree.with { tree in
            var configuration = NodeCollector.Configuration(paths: tree.paths, collectors: Set(NodeCollector.collectorNames))
            configuration.filesystemMountTimeout = .seconds(30)
            let quiet = Logger(label: "fd") { _ in SwiftLogNoOpLogHandler() }
            var collector: NodeCollector? = try NodeCollector(configuration: configuration, logger: quiet)
            let churned = ["proc/stat", "proc/meminfo", "proc/net/dev", "proc/diskstats", "proc/1/mounts", "proc/net/netstat"]
            let originals = try churned.map { try tree.read($0) }
            var counts: [Int] = []
            for round in 0..<30 {
                if let collector { _ = CollectedFamilies(collector) }
                counts.append(descriptors(under: tree.root))
                let (index, file) = (round % churned.count, churned[round % churned.count])
                switch round % 3 {
                case 0: try tree.remove(file)
                case 1: try Data(originals[index]).write(to: URL(fileURLWithPath: tree.root + "/" + file), options: .atomic)
                default: try tree.write(file, originals[index])
                }
                if round % 3 == 0 { try tree.write(file, originals[index]) }
            }
            // stat, meminfo, loadavg, vmstat, diskstats, net/{dev,netstat,snmp,snmp6,sockstat,
            // sockstat6,arp,softnet_stat,udp,udp6,stat/nf_conntrack}, pressure/*, the sysctls and
            // the mount table: fewer than 40 files.
            #expect(counts.allSatisfy { $0 > 0 && $0 < 40 }, "\(counts)")
            #expect(Set(counts).count == 1, "the same files are open after every scrape: \(counts)")
            collector = nil
            #expect(descriptors(under: tree.root) == 0)
        }
    }
}
