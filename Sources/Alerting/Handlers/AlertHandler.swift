/// Delivers notifications somewhere: a log, a webhook, Alertmanager.
///
/// The manager calls `handle` from the handler's own worker, one notification at a time, with a
/// per-attempt timeout, and retries it while the thrown error is retryable (see
/// ``AlertingError/isRetryable``; errors of other types are retried too). A handler therefore
/// makes one attempt per call and leaves retrying to the manager.
public protocol AlertHandler: Sendable {
    /// Names the handler in metrics (`handler` dimension) and logs; unique per manager.
    var name: String { get }

    /// Makes one delivery attempt; throws when it did not succeed.
    func handle(_ notification: AlertNotification) async throws

    /// Background work the handler needs while the manager runs (re-sending active alerts, for
    /// one); the manager starts it and cancels it after shutdown has drained the queue.
    func run() async
}

extension AlertHandler {
    /// Most handlers need no background work.
    public func run() async {}
}
