@testable import Alerting
import Testing

@Suite struct DeduplicatorTests {
    private let start = ContinuousClock.now
    private let alert = Fingerprint(labels: ["alertname": "A"])
    private let other = Fingerprint(labels: ["alertname": "B"])

    @Test func admitsEachFingerprintAndStatusOncePerRepeatInterval() {
        var deduplicator = Deduplicator(repeatInterval: .seconds(60), now: start)
        let admitted = [
            deduplicator.admit(alert, status: .firing, at: start),
            deduplicator.admit(alert, status: .firing, at: start + .seconds(30)),
            deduplicator.admit(other, status: .firing, at: start + .seconds(30)),
            deduplicator.admit(alert, status: .firing, at: start + .seconds(60)),
        ]
        #expect(admitted == [true, false, true, true])
    }

    @Test func admitsOneResolveAndAFiringAfterIt() {
        var deduplicator = Deduplicator(repeatInterval: .seconds(60), now: start)
        let admitted = [
            deduplicator.admit(alert, status: .firing, at: start),
            deduplicator.admit(alert, status: .resolved, at: start + .seconds(1)),
            deduplicator.admit(alert, status: .resolved, at: start + .seconds(2)),
            deduplicator.admit(alert, status: .firing, at: start + .seconds(3)),
        ]
        #expect(admitted == [true, true, false, true])
    }

    @Test func aResolveKeptBeingSentIsLetThroughOnceEvenPastTheInterval() {
        var deduplicator = Deduplicator(repeatInterval: .seconds(60), now: start)
        // A health check sending its all-clear every 30 s, for ten minutes after one outage.
        var admitted = [deduplicator.admit(alert, status: .firing, at: start)]
        for check in 1...20 {
            admitted.append(deduplicator.admit(alert, status: .resolved, at: start + .seconds(30 * check)))
        }
        #expect(admitted == [true, true] + Array(repeating: false, count: 19))
    }

    @Test func aResolveIsLetThroughEvenWhenItsFiringWasForgotten() {
        var deduplicator = Deduplicator(repeatInterval: .seconds(60), now: start)
        let admitted = [
            deduplicator.admit(alert, status: .firing, at: start),
            deduplicator.admit(other, status: .firing, at: start + .seconds(3600)),
            deduplicator.admit(alert, status: .resolved, at: start + .seconds(3601)),
            deduplicator.admit(alert, status: .resolved, at: start + .seconds(3602)),
        ]
        #expect(admitted == [true, true, true, false])
    }

    @Test func pruningForgetsOnlyWhatTheIntervalWouldLetThroughAnyway() {
        var deduplicator = Deduplicator(repeatInterval: .seconds(60), now: start)
        // The prune at 70 s drops `alert` (70 s old) and keeps `other` (20 s old).
        let admitted = [
            deduplicator.admit(alert, status: .firing, at: start),
            deduplicator.admit(other, status: .firing, at: start + .seconds(50)),
            deduplicator.admit(alert, status: .firing, at: start + .seconds(70)),
            deduplicator.admit(other, status: .firing, at: start + .seconds(71)),
        ]
        #expect(admitted == [true, true, true, false])
    }

    @Test func forgetsAnUndeliveredNotificationButNotALaterOne() {
        var deduplicator = Deduplicator(repeatInterval: .seconds(60), now: start)
        var admitted = [deduplicator.admit(alert, status: .firing, at: start, key: "k1")]
        deduplicator.forget(alert, key: "k1")
        admitted.append(deduplicator.admit(alert, status: .firing, at: start + .seconds(1), key: "k2"))
        deduplicator.forget(alert, key: "k1")
        admitted.append(deduplicator.admit(alert, status: .firing, at: start + .seconds(2), key: "k3"))
        #expect(admitted == [true, true, false])
    }

    @Test func aZeroIntervalAdmitsEverything() {
        var deduplicator = Deduplicator(repeatInterval: .zero, now: start)
        let admitted = [deduplicator.admit(alert, status: .firing, at: start), deduplicator.admit(alert, status: .firing, at: start)]
        #expect(admitted == [true, true])
    }
}
