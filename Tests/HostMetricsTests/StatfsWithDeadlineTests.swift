import Dispatch
import Glibc
import HostMetrics
import Synchronization
import Testing

/// statfs with a deadline, with an injected call that blocks like a hung NFS mount.
@Suite struct StatfsWithDeadlineTests {
    static let healthy = FilesystemStats(
        blockSize: 4096, fragmentSize: 4096, blocks: 100, freeBlocks: 50, availableBlocks: 40, files: 10, freeFiles: 5, isReadOnly: false
    )

    /// Counts calls per path; `/hung` blocks until `release` is signalled, the first time only.
    final class InjectedStatfs: Sendable {
        let release = DispatchSemaphore(value: 0)
        let calls = Mutex<[String: Int]>([:])

        func statfs(_ path: String) throws(HostMetricsError) -> FilesystemStats {
            let call = calls.withLock { calls in
                calls[path, default: 0] += 1
                return calls[path, default: 0]
            }
            if path == "/hung", call == 1 { release.wait() }
            if path == "/gone" { throw .systemCallFailed(call: "statvfs", path: path, errno: ENOENT) }
            return StatfsWithDeadlineTests.healthy
        }

        func count(_ path: String) -> Int { calls.withLock { $0[path, default: 0] } }
    }

    @Test func aHungMountIsADeviceErrorAndIsNotAskedAgainUntilItReturns() throws {
        let injected = InjectedStatfs()
        // A long deadline: a request returns as soon as its calls answer, so only the request
        // that is given a short deadline ever waits for one.
        let statfs = StatfsWithDeadline(timeout: .seconds(60)) { path throws(HostMetricsError) in try injected.statfs(path) }

        // /hung answers only when released, so it cannot beat any deadline.
        #expect(throws: HostMetricsError.statfsTimedOut(mountPoint: "/hung")) {
            try statfs.stats(path: "/hung", timeout: .milliseconds(50)).get()
        }
        #expect(statfs.stuckMountPoints == ["/hung"])

        // While that call hangs, later requests answer it at once and start no new call.
        for _ in 0..<5 {
            let again = statfs.stats(paths: ["/ok", "/hung", "/gone"])
            #expect(try again[0].get() == Self.healthy)
            #expect(throws: HostMetricsError.statfsTimedOut(mountPoint: "/hung")) { try again[1].get() }
            #expect(throws: HostMetricsError.systemCallFailed(call: "statvfs", path: "/gone", errno: ENOENT)) { try again[2].get() }
        }
        #expect(injected.count("/hung") == 1)
        #expect(injected.count("/ok") == 5)

        // The hung call returns: the mount is asked again and answers.
        injected.release.signal()
        var polls = 0
        while !statfs.stuckMountPoints.isEmpty, polls < 60_000 {
            usleep(1000)
            polls += 1
        }
        #expect(statfs.stuckMountPoints.isEmpty, "the released call never reported back")
        #expect(try statfs.stats(path: "/hung").get() == Self.healthy)
        #expect(injected.count("/hung") == 2)
    }

    /// The calls of a request run one after another on one thread; when one hangs, the calls
    /// after it soon start on threads of their own and answer within the same request.
    @Test func mountsAfterAHungOneAreStillMeasured() throws {
        let injected = InjectedStatfs()
        let statfs = StatfsWithDeadline(timeout: .seconds(60)) { path throws(HostMetricsError) in try injected.statfs(path) }
        let first = statfs.stats(paths: ["/ok", "/hung", "/later", "/gone"], timeout: .seconds(2))
        #expect(try first[0].get() == Self.healthy)
        #expect(throws: HostMetricsError.statfsTimedOut(mountPoint: "/hung")) { try first[1].get() }
        #expect(try first[2].get() == Self.healthy)
        #expect(throws: HostMetricsError.systemCallFailed(call: "statvfs", path: "/gone", errno: ENOENT)) { try first[3].get() }
        #expect(statfs.stuckMountPoints == ["/hung"])
        injected.release.signal()
        var polls = 0
        while !statfs.stuckMountPoints.isEmpty, polls < 60_000 {
            usleep(1000)
            polls += 1
        }
        // The thread of the released call does not go on to calls of the finished request.
        #expect(statfs.stuckMountPoints.isEmpty)
        #expect(injected.count("/later") == 1 && injected.count("/hung") == 1)
    }

    @Test func aPathListedTwiceIsMeasuredOnce() throws {
        let injected = InjectedStatfs()
        let statfs = StatfsWithDeadline(timeout: .seconds(30)) { path throws(HostMetricsError) in try injected.statfs(path) }
        let results = statfs.stats(paths: ["/ok", "/ok"])
        #expect(try results.map { try $0.get() } == [Self.healthy, Self.healthy])
        #expect(injected.count("/ok") == 1)
    }

    @Test func realStatvfs() throws {
        let statfs = StatfsWithDeadline(timeout: .seconds(30))
        let root = try statfs.stats(path: "/").get()
        #expect(root.blocks > 0 && root.blockSize > 0 && root.freeBlocks >= root.availableBlocks)
        #expect(root.sizeBytes == Double(root.blocks) * Double(root.blockSize))
        #expect(throws: HostMetricsError.systemCallFailed(call: "statvfs", path: "/no/such/mount", errno: ENOENT)) {
            try statfs.stats(path: "/no/such/mount").get()
        }
        #expect(statfs.stuckMountPoints.isEmpty)
    }
}
