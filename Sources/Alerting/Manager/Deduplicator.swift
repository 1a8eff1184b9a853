/// Lets through the first notification of each fingerprint and status, and again once the repeat
/// interval has passed: an identical firing alert is sent once per interval, a resolve once.
/// A zero interval turns deduplication off.
struct Deduplicator {
    private struct Entry {
        var status: AlertStatus
        var notifiedAt: ContinuousClock.Instant
    }

    private let repeatInterval: Duration
    private var entries: [Fingerprint: Entry] = [:]
    private var nextPrune: ContinuousClock.Instant

    init(repeatInterval: Duration, now: ContinuousClock.Instant) {
        self.repeatInterval = repeatInterval
        self.nextPrune = now + repeatInterval
    }

    /// Whether to notify; records the notification when it is let through.
    mutating func admit(_ fingerprint: Fingerprint, status: AlertStatus, at now: ContinuousClock.Instant) -> Bool {
        guard repeatInterval > .zero else { return true }
        if now >= nextPrune { prune(at: now) }
        if let entry = entries[fingerprint], entry.status == status, now - entry.notifiedAt < repeatInterval {
            return false
        }
        entries[fingerprint] = Entry(status: status, notifiedAt: now)
        return true
    }

    /// Forgets entries older than the repeat interval (they would be let through anyway), at most
    /// once per interval, so the table stays as small as the set of recent alerts.
    private mutating func prune(at now: ContinuousClock.Instant) {
        entries = entries.filter { now - $0.value.notifiedAt < repeatInterval }
        nextPrune = now + repeatInterval
    }
}
