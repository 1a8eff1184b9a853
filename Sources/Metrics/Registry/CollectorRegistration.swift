/// Identifies a registered collector, for `unregister(_:)`.
public struct CollectorRegistration: Sendable, Hashable {
    let id: UInt64
}
