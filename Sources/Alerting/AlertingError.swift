/// What went wrong in alerting, with the offending value and what to do about it.
///
/// Endpoints appear as `scheme://host:port` only: paths, queries and credentials may hold
/// tokens (a Slack webhook's path is its secret), so they never reach an error or a log.
public enum AlertingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The receiver answered with a status outside 2xx.
    case unexpectedStatus(Int, endpoint: String, retryAfter: Duration?)
    /// The request never got an answer: connection refused, reset, DNS failure.
    case transport(endpoint: String, reason: String)
    /// No answer arrived within the allowed time.
    case timedOut(after: Duration)
    /// A label name Alertmanager would reject with 400.
    case invalidLabelName(String)
    /// An annotation name Alertmanager would reject with 400: it checks annotation names as it
    /// checks label names.
    case invalidAnnotationName(String)
    /// A label matcher's regular expression does not compile.
    case invalidMatcherPattern(String, reason: String)
    /// A configuration value outside its allowed range.
    case invalidConfiguration(setting: String, value: String, expected: String)
    /// Two routes name their handlers the same, so their metrics would merge.
    case duplicateHandlerName(String)

    /// Whether another attempt may succeed: transport errors, timeouts, 408, 429 and 5xx.
    public var isRetryable: Bool {
        switch self {
        case .unexpectedStatus(let code, _, _): code == 408 || code == 429 || (500...599).contains(code)
        case .transport, .timedOut: true
        case .invalidLabelName, .invalidAnnotationName, .invalidMatcherPattern, .invalidConfiguration, .duplicateHandlerName: false
        }
    }

    /// The problem, the offending value and the advice, without secrets.
    public var description: String {
        switch self {
        case .unexpectedStatus(let code, let endpoint, let retryAfter):
            let advice = isRetryable
                ? "the receiver is overloaded or failing; the notification is retried"
                : "the receiver rejected the request; check its URL, credentials and expected body"
            let wait = retryAfter.map { ", asked to retry after \($0)" } ?? ""
            return "\(endpoint) answered HTTP \(code)\(wait): \(advice)"
        case .transport(let endpoint, let reason):
            return "could not reach \(endpoint) (\(reason)): check that the receiver runs and the address is right"
        case .timedOut(let after):
            return "no answer within \(after): raise the timeout or find out why the receiver is slow"
        case .invalidLabelName(let name):
            return "label name \"\(name)\" must match [a-zA-Z_][a-zA-Z0-9_]*, or Alertmanager rejects the alert"
        case .invalidAnnotationName(let name):
            return "annotation name \"\(name)\" must match [a-zA-Z_][a-zA-Z0-9_]* (runbook_url, not runbook-url), or Alertmanager rejects the alert"
        case .invalidMatcherPattern(let pattern, let reason):
            return "label matcher pattern \"\(pattern)\" does not compile (\(reason))"
        case .invalidConfiguration(let setting, let value, let expected):
            return "\(setting) is \(value) but must be \(expected)"
        case .duplicateHandlerName(let name):
            return "two routes use a handler named \"\(name)\": give each handler its own name so their metrics stay apart"
        }
    }
}
