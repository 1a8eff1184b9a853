import Dispatch
import Synchronization

/// statvfs with a deadline, for node_exporter's filesystem collector.
///
/// A request's calls run one after another on a thread of their own (a fresh serial dispatch
/// queue, whose threads the system adds when others block, and reuses): one thread handoff per
/// scrape however many mounts there are, since a healthy statfs takes microseconds. Whenever no
/// call has answered for a moment (`patience`), one more thread takes on the calls not started
/// yet, so that a slow or hung mount delays no other, and a request starts about as many threads
/// as it meets slow mounts rather than one per mount. The caller waits at most `timeout` in all.
/// A mount point whose call has not returned by then is reported as
/// `HostMetricsError.statfsTimedOut`, and it is not asked again until that call returns: later
/// requests answer `statfsTimedOut` at once. So a hung network mount holds one thread, never a
/// growing pile of them (node_exporter's "stuck mounts"); and at most `threadLimit` calls run at
/// once, hung ones included: past that, mounts are reported `statfsTimedOut` without a call
/// rather than tying up ever more threads.
public final class StatfsWithDeadline: Sendable {
    /// The call that measures one path: `FilesystemStats.read(path:)` unless a test injects one.
    public typealias Statfs = @Sendable (String) throws(HostMetricsError) -> FilesystemStats

    /// How long a request waits for its calls unless it says otherwise.
    public let timeout: Duration
    /// The most threads that run calls at once, those stuck in a hung call included.
    let threadLimit: Int
    private let statfs: Statfs
    private let state = Mutex(State())

    private struct State {
        /// Mount points whose caller stopped waiting, and how many of those calls have not
        /// returned yet (concurrent requests may each have abandoned one).
        var stuck: [String: Int] = [:]
        /// Threads started and not finished.
        var threads = 0
        /// The requests whose caller still waits, by number.
        var requests: [UInt64: Progress] = [:]
        var nextRequest: UInt64 = 0
    }

    /// One request's calls: how many a thread has taken on, how many have answered, and the
    /// answers so far.
    private struct Progress {
        let paths: [String]
        var claimed = 0
        var answered = 0
        var answers: [Result<FilesystemStats, HostMetricsError>?]

        init(paths: [String]) {
            self.paths = paths
            answers = Array(repeating: nil, count: paths.count)
        }
    }

    /// How long the calls of a request may go without an answer before one more thread takes on
    /// the calls not started yet.
    static let patience: DispatchTimeInterval = .milliseconds(10)

    /// A deadline of `timeout` per request (node_exporter's `--collector.filesystem.mount-timeout`
    /// defaults to 5 seconds); `statfs` is the seam a test uses to inject a call that blocks.
    public convenience init(
        timeout: Duration = .seconds(5),
        statfs: @escaping Statfs = { path throws(HostMetricsError) in try FilesystemStats.read(path: path) }
    ) {
        self.init(timeout: timeout, threadLimit: 64, statfs: statfs)
    }

    /// With at most `threadLimit` threads calling statfs at once.
    init(timeout: Duration, threadLimit: Int, statfs: @escaping Statfs) {
        self.timeout = timeout
        self.threadLimit = max(1, threadLimit)
        self.statfs = statfs
    }

    /// The mount points whose calls have not returned yet.
    public var stuckMountPoints: Set<String> {
        state.withLock { Set($0.stuck.keys) }
    }

    /// Measures one path, waiting at most `timeout` (the instance's unless given).
    public func stats(path: String, timeout: Duration? = nil) -> Result<FilesystemStats, HostMetricsError> {
        stats(paths: [path], timeout: timeout)[0]
    }

    /// Measures many paths, all within one `timeout` (the instance's unless given). The results
    /// are in the order of `paths`; a path listed twice is measured once.
    public func stats(paths: [String], timeout: Duration? = nil) -> [Result<FilesystemStats, HostMetricsError>] {
        var seen: Set<String> = []
        let unique = paths.filter { seen.insert($0).inserted }
        let (number, measured) = state.withLock { state in
            defer { state.nextRequest += 1 }
            let measured = unique.filter { state.stuck[$0] == nil }
            state.requests[state.nextRequest] = Progress(paths: measured)
            return (state.nextRequest, measured.count)
        }
        let deadline = DispatchTime.now() + Self.dispatchInterval(timeout ?? self.timeout)
        let group = DispatchGroup()
        if measured > 0, startThread(for: number, in: group) {
            var answered = 0
            while group.wait(timeout: min(deadline, .now() + Self.patience)) == .timedOut, DispatchTime.now() < deadline {
                let (progress, unclaimed) = state.withLock { state in
                    state.requests[number].map { ($0.answered, $0.paths.count - $0.claimed) } ?? (0, 0)
                }
                // No answer for a moment: the threads may all be stuck in calls that hang.
                if unclaimed > 0, progress == answered {
                    _ = startThread(for: number, in: group)
                }
                answered = progress
            }
        }
        let answers = state.withLock { state in
            guard let progress = state.requests.removeValue(forKey: number) else { return [String: Result<FilesystemStats, HostMetricsError>]() }
            var answers: [String: Result<FilesystemStats, HostMetricsError>] = [:]
            for (index, path) in progress.paths.enumerated() {
                if let answer = progress.answers[index] {
                    answers[path] = answer
                } else if index < progress.claimed {
                    // Its call is still running: the mount is stuck until the call returns.
                    state.stuck[path, default: 0] += 1
                }
            }
            return answers
        }
        return paths.map { answers[$0] ?? .failure(.statfsTimedOut(mountPoint: $0)) }
    }

    /// Starts a thread that takes on the request's calls one by one until none is left or its
    /// caller has stopped waiting; a call that returns after that releases its mount. False when
    /// `threadLimit` threads are running already.
    private func startThread(for request: UInt64, in group: DispatchGroup) -> Bool {
        let started = state.withLock { state in
            guard state.threads < threadLimit else { return false }
            state.threads += 1
            return true
        }
        guard started else { return false }
        group.enter()
        DispatchQueue(label: "HostMetrics.statfs").async {
            defer { group.leave() }
            while let (index, path) = self.claim(request) {
                let answer = Result { () throws(HostMetricsError) in try self.statfs(path) }
                let waited = self.state.withLock { state in
                    guard state.requests[request] != nil else {
                        Self.release(path, in: &state)
                        state.threads -= 1
                        return false
                    }
                    state.requests[request]?.answers[index] = answer
                    state.requests[request]?.answered += 1
                    return true
                }
                guard waited else { return }
            }
        }
        return true
    }

    /// The request's next call no thread has taken on; nil, and the thread is no longer
    /// counted, when there is none or its caller has stopped waiting.
    private func claim(_ request: UInt64) -> (Int, String)? {
        state.withLock { state in
            guard let progress = state.requests[request], progress.claimed < progress.paths.count else {
                state.threads -= 1
                return nil
            }
            state.requests[request]?.claimed += 1
            return (progress.claimed, progress.paths[progress.claimed])
        }
    }

    /// The threads running calls or about to, stuck ones included.
    var threads: Int {
        state.withLock { $0.threads }
    }

    /// An abandoned call on `path` returned: the mount is no longer stuck once none is left.
    private static func release(_ path: String, in state: inout State) {
        guard let calls = state.stuck[path] else { return }
        state.stuck[path] = calls > 1 ? calls - 1 : nil
    }

    private static func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return .nanoseconds(0) }
        guard seconds < Int64(Int.max / 1_000_000_000) - 1 else { return .seconds(Int.max / 2) }
        return .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }
}
