import Dispatch
import Synchronization

/// statvfs with a deadline, for node_exporter's filesystem collector.
///
/// A request's calls run one after another on a thread of their own (a fresh serial dispatch
/// queue, whose threads the system adds when others block, and reuses): one thread handoff per
/// scrape however many mounts there are, since a healthy statfs takes microseconds. Calls still
/// running after a moment (`patience`) are not waited for one by one: the calls not yet started
/// each get a thread of their own, so that a slow or hung mount delays no other. The caller waits
/// at most `timeout` in all. A mount point whose call has not returned by then is reported as
/// `HostMetricsError.statfsTimedOut`, and it is not asked again until that call returns: later
/// requests answer `statfsTimedOut` at once. So a hung network mount holds one thread, never a
/// growing pile of them (node_exporter's "stuck mounts").
public final class StatfsWithDeadline: Sendable {
    /// The call that measures one path: `FilesystemStats.read(path:)` unless a test injects one.
    public typealias Statfs = @Sendable (String) throws(HostMetricsError) -> FilesystemStats

    /// How long a request waits for its calls unless it says otherwise.
    public let timeout: Duration
    private let statfs: Statfs
    private let state = Mutex(State())

    private struct State {
        /// Mount points whose abandoned call has not returned.
        var stuck: Set<String> = []
        /// The requests whose caller still waits, by number.
        var requests: [UInt64: Progress] = [:]
        var nextRequest: UInt64 = 0
    }

    /// One request's calls: how many a thread has taken on, and the answers so far.
    private struct Progress {
        let paths: [String]
        var claimed = 0
        var answers: [Result<FilesystemStats, HostMetricsError>?]

        init(paths: [String]) {
            self.paths = paths
            answers = Array(repeating: nil, count: paths.count)
        }
    }

    /// How long the calls of a request may run on one thread before the rest start on threads of
    /// their own.
    static let patience: DispatchTimeInterval = .milliseconds(10)

    /// A deadline of `timeout` per request (node_exporter's `--collector.filesystem.mount-timeout`
    /// defaults to 5 seconds); `statfs` is the seam a test uses to inject a call that blocks.
    public init(
        timeout: Duration = .seconds(5),
        statfs: @escaping Statfs = { path throws(HostMetricsError) in try FilesystemStats.read(path: path) }
    ) {
        self.timeout = timeout
        self.statfs = statfs
    }

    /// The mount points whose calls have not returned yet.
    public var stuckMountPoints: Set<String> {
        state.withLock { $0.stuck }
    }

    /// Measures one path, waiting at most `timeout` (the instance's unless given).
    public func stats(path: String, timeout: Duration? = nil) -> Result<FilesystemStats, HostMetricsError> {
        stats(paths: [path], timeout: timeout)[0]
    }

    /// Measures many paths, all within one `timeout` (the instance's unless given). The results
    /// are in the order of `paths`; a path listed twice is measured once.
    public func stats(paths: [String], timeout: Duration? = nil) -> [Result<FilesystemStats, HostMetricsError>] {
        var unique: [String] = []
        for path in paths where !unique.contains(path) {
            unique.append(path)
        }
        let (number, measured) = state.withLock { state in
            defer { state.nextRequest += 1 }
            let measured = unique.filter { !state.stuck.contains($0) }
            state.requests[state.nextRequest] = Progress(paths: measured)
            return (state.nextRequest, measured.count)
        }
        let deadline = DispatchTime.now() + Self.dispatchInterval(timeout ?? self.timeout)
        let group = DispatchGroup()
        if measured > 0 {
            startThread(for: number, in: group)
            if group.wait(timeout: min(deadline, .now() + Self.patience)) == .timedOut, DispatchTime.now() < deadline {
                let unclaimed = state.withLock { state in state.requests[number].map { $0.paths.count - $0.claimed } ?? 0 }
                for _ in 0..<unclaimed {
                    startThread(for: number, in: group)
                }
                _ = group.wait(timeout: deadline)
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
                    state.stuck.insert(path)
                }
            }
            return answers
        }
        return paths.map { answers[$0] ?? .failure(.statfsTimedOut(mountPoint: $0)) }
    }

    /// Starts a thread that takes on the request's calls one by one until none is left or its
    /// caller has stopped waiting; a call that returns after that releases its mount.
    private func startThread(for request: UInt64, in group: DispatchGroup) {
        group.enter()
        DispatchQueue(label: "HostMetrics.statfs").async {
            defer { group.leave() }
            while let (index, path) = self.claim(request) {
                let answer = Result { () throws(HostMetricsError) in try self.statfs(path) }
                let waited = self.state.withLock { state in
                    guard state.requests[request] != nil else {
                        state.stuck.remove(path)
                        return false
                    }
                    state.requests[request]?.answers[index] = answer
                    return true
                }
                guard waited else { return }
            }
        }
    }

    /// The request's next call no thread has taken on, nil when there is none or its caller
    /// has stopped waiting.
    private func claim(_ request: UInt64) -> (Int, String)? {
        state.withLock { state in
            guard let progress = state.requests[request], progress.claimed < progress.paths.count else { return nil }
            state.requests[request]?.claimed += 1
            return (progress.claimed, progress.paths[progress.claimed])
        }
    }

    private static func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return .nanoseconds(0) }
        guard seconds < Int64(Int.max / 1_000_000_000) - 1 else { return .seconds(Int.max / 2) }
        return .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }
}
