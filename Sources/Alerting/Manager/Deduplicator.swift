import Synchronization

/// Decides which notifications reach the handlers, as Alertmanager's notification log does: an
/// identical firing alert (same fingerprint) is let through once per repeat interval, and a
/// resolve once, however often it is sent again, until the alert fires anew. A resolve of an
/// alert not seen before (fired before a restart, say) is let through. As in that log, only a
/// delivered notification counts: one that a handler gave up on or dropped is forgotten, so the
/// next identical alert is let through.
/// A zero interval turns deduplication off.
struct Deduplicator {
    private struct Entry {
        var status: AlertStatus
        var notifiedAt: ContinuousClock.Instant
        /// The last time this alert was sent, let through or not.
        var seenAt: ContinuousClock.Instant
        /// The idempotency key of the notification let through.
        var key: String?
    }

    private let repeatInterval: Duration
    private var entries: [Fingerprint: Entry] = [:]
    private var nextPrune: ContinuousClock.Instant

    init(repeatInterval: Duration, now: ContinuousClock.Instant) {
        self.repeatInterval = repeatInterval
        self.nextPrune = now + repeatInterval
    }

    /// Whether to notify; records the notification (with its idempotency key, for `forget`) when
    /// it is let through.
    mutating func admit(
        _ fingerprint: Fingerprint, status: AlertStatus, at now: ContinuousClock.Instant, key: String? = nil
    ) -> Bool {
        guard repeatInterval > .zero else { return true }
        if now >= nextPrune { prune(at: now) }
        if let entry = entries[fingerprint], entry.status == status,
            status == .resolved || now - entry.notifiedAt < repeatInterval
        {
            entries[fingerprint]?.seenAt = now
            return false
        }
        entries[fingerprint] = Entry(status: status, notifiedAt: now, seenAt: now, key: key)
        return true
    }

    /// Forgets the notification with this key, undelivered, unless a later one of the alert was
    /// let through since. The fingerprint (which sorts the labels) is computed only when the table
    /// holds anything: with deduplication off, a full queue drops without that cost.
    mutating func forget(_ fingerprint: @autoclosure () -> Fingerprint, key: String) {
        guard !entries.isEmpty else { return }
        let fingerprint = fingerprint()
        if entries[fingerprint]?.key == key { entries[fingerprint] = nil }
    }

    /// Forgets alerts not sent for a repeat interval, at most once per interval, so the table
    /// stays as small as the set of recent alerts. A forgotten firing alert would be let through
    /// anyway; a resolve that keeps being sent (a health check's all-clear) is never forgotten.
    private mutating func prune(at now: ContinuousClock.Instant) {
        entries = entries.filter { now - $0.value.seenAt < repeatInterval }
        nextPrune = now + repeatInterval
    }
}

/// The manager's deduplicator, which its workers reach to forget what they could not deliver.
final class SharedDeduplicator: Sendable {
    private let state: Mutex<Deduplicator>

    init(_ deduplicator: Deduplicator) {
        state = Mutex(deduplicator)
    }

    /// ``Deduplicator/admit(_:status:at:key:)``.
    func admit(_ fingerprint: Fingerprint, status: AlertStatus, at now: ContinuousClock.Instant, key: String) -> Bool {
        state.withLock { $0.admit(fingerprint, status: status, at: now, key: key) }
    }

    /// Forgets the notification, which a handler gave up on or dropped.
    func forget(_ notification: AlertNotification) {
        state.withLock { $0.forget(notification.alert.fingerprint, key: notification.idempotencyKey) }
    }
}
