import Synchronization

/// A regular expression from a node_exporter option (a device, mount point, fs type or field
/// filter), matched the way Go's `MatchString` matches: anywhere in the name unless anchored.
///
/// The names a host has (devices, mount points, vmstat and netstat fields) are the same from one
/// scrape to the next, so each answer is remembered and the expression runs once per name.
final class NamePattern: Sendable {
    /// The expression as given.
    let pattern: String
    private let state: Mutex<State>

    /// More distinct names than any host has; past this the answers are forgotten and
    /// relearned, so churning names (container interfaces) cannot grow memory without bound.
    private static let answerLimit = 4096

    private struct State {
        let regex: Regex<AnyRegexOutput>
        var answers: [String: Bool] = [:]
    }

    /// Compiles `pattern`; `option` (such as `--collector.vmstat.fields`) names it in the error.
    init(_ pattern: String, option: String) throws(HostMetricsError) {
        let regex: Regex<AnyRegexOutput>
        do {
            regex = try Regex(pattern).matchingSemantics(.unicodeScalar)
        } catch {
            throw .invalidPattern(option: option, pattern: pattern, reason: "\(error)")
        }
        self.pattern = pattern
        state = Mutex(State(regex: regex))
    }

    /// True when the expression matches somewhere in `name`.
    func matches(_ name: String) -> Bool {
        state.withLock { state in
            if let answer = state.answers[name] { return answer }
            let answer = (try? state.regex.firstMatch(in: name)) != nil
            if state.answers.count >= Self.answerLimit { state.answers.removeAll(keepingCapacity: true) }
            state.answers[name] = answer
            return answer
        }
    }
}
