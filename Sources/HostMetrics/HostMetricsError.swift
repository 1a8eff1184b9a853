import Glibc

/// Why reading the host failed. Each case carries the offending path or value and its
/// `description` says what to check.
public enum HostMetricsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file does not exist (or a component of its path is not a directory).
    case fileMissing(path: String)
    /// `open`, `read` or `opendir` failed with this `errno`.
    case fileUnreadable(path: String, errno: Int32)
    /// The file grew past the reader's size limit, so it is not a procfs or sysfs file.
    case fileTooLarge(path: String, limit: Int)
    /// A line does not have the shape the kernel writes. `line` counts from 1; `text` is the
    /// line itself, cut to 200 bytes.
    case malformedLine(path: String, line: Int, text: String, expected: String)
    /// An entry every kernel writes (such as `btime` in `/proc/stat`) is absent.
    case entryMissing(path: String, entry: String)
    /// A textfile is not in the Prometheus text format. `line` counts from 1.
    case invalidTextFormat(path: String, line: Int, reason: String)
    /// A textfile's samples carry timestamps, which the textfile collector does not accept.
    case textfileTimestamps(path: String)
    /// A system call failed with this `errno`.
    case systemCallFailed(call: String, path: String, errno: Int32)
    /// statfs on this mount point did not return within its deadline, or an earlier call on it
    /// still has not returned.
    case statfsTimedOut(mountPoint: String)
    /// A measuring interval must be longer than zero.
    case invalidInterval(Duration)
    /// A node_exporter option holds a regular expression that does not compile.
    case invalidPattern(option: String, pattern: String, reason: String)
    /// No collector has this name.
    case unknownCollector(name: String, known: [String])
    /// The collector exists but is not enabled, so a scrape cannot ask for it.
    case disabledCollector(name: String)

    /// The failure and what to check, in one line.
    public var description: String {
        switch self {
        case .fileMissing(let path):
            return "\(path) does not exist: check that the procfs, sysfs and rootfs paths point at the host's mounts"
        case .fileUnreadable(let path, let code):
            return "\(path) cannot be read: \(Self.reason(code)); check its permissions"
        case .fileTooLarge(let path, let limit):
            return "\(path) is larger than \(limit) bytes, which no procfs or sysfs file is: check the configured paths"
        case .malformedLine(let path, let line, let text, let expected):
            return "\(path) line \(line) is not in the kernel's format (expected \(expected)): \"\(text)\""
        case .entryMissing(let path, let entry):
            return "\(path) has no \"\(entry)\" entry, which every kernel writes: the file is truncated or not from procfs"
        case .invalidTextFormat(let path, let line, let reason):
            return "\(path) line \(line) is not in the Prometheus text format: \(reason); fix the program that writes it"
        case .textfileTimestamps(let path):
            return "\(path) has samples with timestamps, which the textfile collector does not support: the whole file is skipped; write it without timestamps"
        case .systemCallFailed(let call, let path, let code):
            return "\(call)(\(path)) failed: \(Self.reason(code))"
        case .statfsTimedOut(let mountPoint):
            return "statfs(\(mountPoint)) did not return in time; the mount is skipped until that call returns (a hung network filesystem?)"
        case .invalidInterval(let interval):
            return "the interval \(interval) is not longer than zero: pass a positive duration"
        case .invalidPattern(let option, let pattern, let reason):
            return "\(option) \"\(pattern)\" is not a valid regular expression (\(reason)): fix the pattern"
        case .unknownCollector(let name, let known):
            return "missing collector: \(name); the collectors are \(known.joined(separator: ", "))"
        case .disabledCollector(let name):
            return "disabled collector: \(name); enable it with --collector.\(name)"
        }
    }

    /// True when a file or directory does not exist: for most collectors, a kernel without
    /// the feature (node_exporter's "no data").
    var isFileMissing: Bool {
        if case .fileMissing = self { return true }
        return false
    }

    /// True when a sysfs attribute is missing, not permitted, or refused by its driver
    /// (`EINVAL`, `EOPNOTSUPP`, as while an interface is being torn down): procfs then reads the
    /// attribute as absent instead of failing.
    var isAbsentAttribute: Bool {
        switch self {
        case .fileMissing: true
        case .fileUnreadable(_, let code): [EACCES, EPERM, EINVAL, EOPNOTSUPP].contains(code)
        default: false
        }
    }

    private static func reason(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "errno \(code)" }
        return String(cString: message) + " (errno \(code))"
    }
}
