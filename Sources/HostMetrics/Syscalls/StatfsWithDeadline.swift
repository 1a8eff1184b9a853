import Dispatch
import Synchronization

/// statvfs with a deadline, for node_exporter's filesystem collector.
///
/// Every call runs on a thread of its own (a fresh serial dispatch queue, whose threads the
/// system adds when others block, and reuses) while the caller waits at most `timeout`. A mount point
/// whose call has not returned by then is reported as `HostMetricsError.statfsTimedOut`, and it
/// is not asked again until that call returns: later requests answer `statfsTimedOut` at once.
/// So a hung network mount holds one thread, never a growing pile of them (node_exporter's
/// "stuck mounts").
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
        /// Answers that came in time and wait to be collected, by call number.
        var answers: [UInt64: Result<FilesystemStats, HostMetricsError>] = [:]
        /// Calls whose caller stopped waiting, by call number.
        var abandoned: Set<UInt64> = []
        var nextCall: UInt64 = 0
    }

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

    /// Measures many paths at once, each on its own thread, all within one `timeout` (the
    /// instance's unless given). The results are in the order of `paths`; a path listed twice
    /// is measured once.
    public func stats(paths: [String], timeout: Duration? = nil) -> [Result<FilesystemStats, HostMetricsError>] {
        let group = DispatchGroup()
        var calls: [String: UInt64] = [:]
        for path in paths where calls[path] == nil {
            let call: UInt64? = state.withLock { state in
                guard !state.stuck.contains(path) else { return nil }
                defer { state.nextCall += 1 }
                return state.nextCall
            }
            guard let call else { continue }
            calls[path] = call
            group.enter()
            DispatchQueue(label: "HostMetrics.statfs").async {
                let answer = Result { () throws(HostMetricsError) in try self.statfs(path) }
                self.state.withLock { state in
                    if state.abandoned.remove(call) != nil {
                        state.stuck.remove(path)
                    } else {
                        state.answers[call] = answer
                    }
                }
                group.leave()
            }
        }
        _ = group.wait(timeout: .now() + Self.dispatchInterval(timeout ?? self.timeout))
        let answers = state.withLock { state in
            var answers: [String: Result<FilesystemStats, HostMetricsError>] = [:]
            for (path, call) in calls {
                if let answer = state.answers.removeValue(forKey: call) {
                    answers[path] = answer
                } else {
                    state.abandoned.insert(call)
                    state.stuck.insert(path)
                }
            }
            return answers
        }
        return paths.map { answers[$0] ?? .failure(.statfsTimedOut(mountPoint: $0)) }
    }

    private static func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return .nanoseconds(0) }
        guard seconds < Int64(Int.max / 1_000_000_000) - 1 else { return .seconds(Int.max / 2) }
        return .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }
}
