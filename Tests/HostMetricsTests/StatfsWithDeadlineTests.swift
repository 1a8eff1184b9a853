import Dispatch
import Glibc
@testable import HostMetrics
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

    /// Every call on a path starting with `/hung` blocks until the test releases it, call by
    /// call (numbered from 0 in the order they start); the others answer at once.
    final class GatedStatfs: Sendable {
        private struct Counts {
            var hungCalls = 0
            var running = 0
            var mostRunning = 0
            var calls: [String: Int] = [:]
        }

        private let counts = Mutex(Counts())
        private let gates = (0..<8).map { _ in DispatchSemaphore(value: 0) }
        /// Signalled as each hung call starts.
        let started = DispatchSemaphore(value: 0)

        func statfs(_ path: String) throws(HostMetricsError) -> FilesystemStats {
            let hungCall = counts.withLock { counts -> Int? in
                counts.running += 1
                counts.mostRunning = max(counts.mostRunning, counts.running)
                counts.calls[path, default: 0] += 1
                guard path.hasPrefix("/hung") else { return nil }
                defer { counts.hungCalls += 1 }
                return counts.hungCalls
            }
            defer { counts.withLock { $0.running -= 1 } }
            if let hungCall {
                started.signal()
                gates[hungCall].wait()
            }
            return StatfsWithDeadlineTests.healthy
        }

        func release(call: Int) { gates[call].signal() }
        var mostRunning: Int { counts.withLock { $0.mostRunning } }
        func count(_ path: String) -> Int { counts.withLock { $0.calls[path, default: 0] } }
    }

    /// Polls until `condition` holds; the bound only keeps a broken build from hanging.
    private func waitUntil(_ condition: () -> Bool) {
        for _ in 0..<60_000 where !condition() {
            usleep(1000)
        }
    }

    /// Two scrapes at once can each abandon a call on the same hung mount: it stays stuck
    /// until both calls have returned, so a third scrape does not start yet another.
    @Test func aMountStaysStuckUntilEveryAbandonedCallReturns() throws {
        let gated = GatedStatfs()
        let statfs = StatfsWithDeadline(timeout: .seconds(60)) { path throws(HostMetricsError) in try gated.statfs(path) }
        let requests = DispatchGroup()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: requests) {
                _ = statfs.stats(path: "/hung", timeout: .seconds(2))
            }
            // The next request starts only once this one's call is running.
            gated.started.wait()
        }
        requests.wait()
        #expect(statfs.stuckMountPoints == ["/hung"])
        gated.release(call: 0)
        waitUntil { statfs.threads == 1 }
        #expect(statfs.stuckMountPoints == ["/hung"], "one abandoned call still hangs")
        #expect(throws: HostMetricsError.statfsTimedOut(mountPoint: "/hung")) { try statfs.stats(path: "/hung").get() }
        #expect(gated.count("/hung") == 2)
        gated.release(call: 1)
        waitUntil { statfs.stuckMountPoints.isEmpty }
        #expect(statfs.stuckMountPoints.isEmpty)
        #expect(throws: Never.self) { try statfs.stats(path: "/ok").get() }
    }

    /// However many mounts hang, no more than `threadLimit` calls run at once: past it, mounts
    /// are reported as timed out without a call, at once, until hung calls return.
    @Test func hungMountsHoldNoMoreThanTheThreadLimit() throws {
        let gated = GatedStatfs()
        let statfs = StatfsWithDeadline(timeout: .seconds(60), threadLimit: 2) { path throws(HostMetricsError) in try gated.statfs(path) }
        let first = statfs.stats(paths: ["/hung1", "/hung2", "/hung3", "/hung4", "/ok"], timeout: .seconds(2))
        #expect(first.allSatisfy { if case .failure(.statfsTimedOut) = $0 { true } else { false } })
        #expect(statfs.stuckMountPoints == ["/hung1", "/hung2"])
        #expect(gated.count("/hung3") == 0 && gated.count("/hung4") == 0 && gated.count("/ok") == 0)
        // Both threads are stuck: a request starts no call and does not wait for its deadline.
        #expect(throws: HostMetricsError.statfsTimedOut(mountPoint: "/ok")) { try statfs.stats(path: "/ok").get() }
        #expect(gated.count("/ok") == 0)
        gated.release(call: 0)
        gated.release(call: 1)
        waitUntil { statfs.threads == 0 }
        #expect(statfs.stuckMountPoints.isEmpty)
        #expect(try statfs.stats(path: "/ok").get() == Self.healthy)
        #expect(gated.mostRunning <= 2)
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
