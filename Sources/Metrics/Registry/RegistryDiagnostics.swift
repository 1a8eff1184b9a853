import Synchronization

/// The registry's own account of what it refused or folded, exposed as
/// `prometheus_metrics_rejected_total{family,reason}` and
/// `prometheus_metrics_series_overflow_total{family}` once anything was counted. Only error
/// paths come here, so a lock is fine.
final class RegistryDiagnostics: Sendable {
    static let rejectedName = "prometheus_metrics_rejected_total"
    static let overflowName = "prometheus_metrics_series_overflow_total"

    private struct Counts {
        var rejected: [RejectionKey: UInt64] = [:]
        var overflow: [String: UInt64] = [:]
    }

    private struct RejectionKey: Hashable {
        let family: String
        let reason: RejectionReason
    }

    private let counts = Locked(Counts())

    func countRejection(family: String, reason: RejectionReason) {
        counts.withLock { $0.rejected[RejectionKey(family: family, reason: reason), default: 0] += 1 }
    }

    func countOverflow(family: String) {
        counts.withLock { $0.overflow[family, default: 0] += 1 }
    }

    func rejections(family: String, reason: RejectionReason) -> UInt64 {
        counts.withLock { $0.rejected[RejectionKey(family: family, reason: reason)] ?? 0 }
    }

    func overflows(family: String) -> UInt64 {
        counts.withLock { $0.overflow[family] ?? 0 }
    }

    /// The diagnostic families that have anything to say.
    func collect() -> [CollectedFamily] {
        let snapshot = counts.withLock { $0 }
        var families: [CollectedFamily] = []
        if !snapshot.rejected.isEmpty {
            families.append(CollectedFamily(
                name: Self.rejectedName,
                help: "Updates, series and families the registry did not record as given, by family and reason.",
                type: .counter,
                metrics: snapshot.rejected.map { key, count in
                    CollectedMetric(labels: [("family", key.family), ("reason", key.reason.rawValue)], value: Double(count))
                }
            ))
        }
        if !snapshot.overflow.isEmpty {
            families.append(CollectedFamily(
                name: Self.overflowName,
                help: "New label sets folded into the overflow series because their family reached its series limit.",
                type: .counter,
                metrics: snapshot.overflow.map { family, count in
                    CollectedMetric(labels: [("family", family)], value: Double(count))
                }
            ))
        }
        return families
    }
}
