import Synchronization

/// A `Locked` value that is only allocated the first time something is stored, for state most
/// handles never have (exemplars): until then it costs one pointer.
struct LazyLocked<Value>: ~Copyable, @unchecked Sendable {
    private let installed = Atomic<UnsafeMutableRawPointer?>(nil)

    init() {}

    deinit {
        if let box = installed.load(ordering: .acquiring) {
            Unmanaged<Locked<Value>>.fromOpaque(box).release()
        }
    }

    /// Runs `body` on the value under its lock, creating it as `initial()` first if needed.
    func withLock<Result>(creating initial: () -> Value, _ body: (inout Value) -> Result) -> Result {
        let box: UnsafeMutableRawPointer
        if let existing = installed.load(ordering: .acquiring) {
            box = existing
        } else {
            let fresh = Unmanaged.passRetained(Locked(initial())).toOpaque()
            let (exchanged, winner) = installed.compareExchange(expected: nil, desired: fresh, ordering: .acquiringAndReleasing)
            if exchanged {
                box = fresh
            } else {
                Unmanaged<Locked<Value>>.fromOpaque(fresh).release()
                guard let winner else { return withLock(creating: initial, body) }
                box = winner
            }
        }
        return Unmanaged<Locked<Value>>.fromOpaque(box)._withUnsafeGuaranteedRef { $0.withLock(body) }
    }

    /// Runs `body` on the value under its lock if it was ever created.
    func withLockIfCreated(_ body: (inout Value) -> Void) {
        guard let box = installed.load(ordering: .acquiring) else { return }
        Unmanaged<Locked<Value>>.fromOpaque(box)._withUnsafeGuaranteedRef { $0.withLock(body) }
    }

    /// A copy of the value, or nil while nothing was ever stored.
    var value: Value? {
        guard let box = installed.load(ordering: .acquiring) else { return nil }
        return Unmanaged<Locked<Value>>.fromOpaque(box)._withUnsafeGuaranteedRef { $0.withLock { $0 } }
    }
}
