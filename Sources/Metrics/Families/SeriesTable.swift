import Synchronization

/// A family's series, found by label values without a lock and without allocating.
///
/// Open addressing over a power-of-two array of atomic slots, each empty, a tombstone, or an
/// unretained pointer to a `SeriesEntry` that the owning family keeps alive. Readers load the
/// current array and probe it; writers (serialised by the family's lock) publish new entries
/// with release stores, and grow by publishing a new array. What writers unlink is freed only
/// after `ReadSideGuard` has seen every reader leave, so a reader never touches freed memory.
final class SeriesTable: @unchecked Sendable {
    private static var empty: UInt64 { 0 }
    private static var tombstone: UInt64 { 1 }

    private final class Slots {
        let words: AtomicWords
        let mask: Int
        /// Slots that are not empty (entries and tombstones); written under the family's lock.
        var used = 0

        init(capacity: Int) {
            words = AtomicWords(count: capacity)
            mask = capacity - 1
        }

        deinit { words.deallocate() }
    }

    private let current: Atomic<UnsafeMutableRawPointer>
    /// Held here so that lookups need not touch a lazily initialised global.
    private let readers = ReadSideGuard.shared
    /// This table's hash of label values, with its own seed.
    let hasher = LabelHash.random()
    /// Live entries; written under the family's lock.
    private var count = 0

    init() {
        current = Atomic(Unmanaged.passRetained(Slots(capacity: 8)).toOpaque())
    }

    deinit {
        Unmanaged<Slots>.fromOpaque(current.load(ordering: .acquiring)).release()
    }

    /// The metric of the entry with these label values, if any. Lock-free.
    @inline(__always)
    func findMetric<Key: LabelValuesKey>(_ key: Key, hash: Int) -> (any AnyObject & Sendable)? {
        find(key, hash: hash) { $0.metric }
    }

    /// The entry with these label values, if any. Lock-free.
    func findEntry<Key: LabelValuesKey>(_ key: Key, hash: Int) -> SeriesEntry? {
        find(key, hash: hash) { $0 }
    }

    /// Applies `body` to the entry with these label values while readers are guarded, so that
    /// what it returns is retained before a writer may free the entry.
    @inline(__always)
    private func find<Key: LabelValuesKey, Result>(
        _ key: Key,
        hash: Int,
        _ body: (SeriesEntry) -> Result
    ) -> Result? {
        let guardSlot = readers.enter()
        defer { readers.exit(guardSlot) }
        // Sequentially consistent, not just acquiring: these loads must come after the guard's
        // increment in the single order that writers' unlinks and counter loads are in, or a
        // writer could miss this reader and free what it is about to read. (On x86 such a load
        // is a plain load, as an acquiring one is.)
        let slots = Unmanaged<Slots>.fromOpaque(current.load(ordering: .sequentiallyConsistent))
        return slots._withUnsafeGuaranteedRef { table in
            var index = hash & table.mask
            while true {
                let bits = table.words[index].load(ordering: .sequentiallyConsistent)
                if bits == Self.empty { return nil }
                if bits != Self.tombstone, let pointer = UnsafeRawPointer(bitPattern: UInt(bits)) {
                    let entry = Unmanaged<SeriesEntry>.fromOpaque(pointer)
                    let found: Result? = entry._withUnsafeGuaranteedRef { candidate in
                        candidate.labels.hash == hash && key.matches(candidate.labels.values) ? body(candidate) : nil
                    }
                    if let found { return found }
                }
                index = (index + 1) & table.mask
            }
        }
    }

    /// Adds an entry that `find` does not know yet. Caller holds the family's lock and keeps the
    /// entry alive until it calls `remove`.
    func insert(_ entry: SeriesEntry) {
        var slots = Unmanaged<Slots>.fromOpaque(current.load(ordering: .acquiring)).takeUnretainedValue()
        if (slots.used + 1) * 2 > slots.mask + 1 {
            slots = rebuild(capacity: max(8, Self.capacity(for: count + 1)), from: slots)
        }
        Self.place(entry, in: slots)
        count += 1
    }

    /// Unlinks an entry; when it returns, no reader can still see it. Caller holds the lock.
    func remove(_ entry: SeriesEntry) {
        let slots = Unmanaged<Slots>.fromOpaque(current.load(ordering: .acquiring)).takeUnretainedValue()
        let target = Self.bits(of: entry)
        var index = entry.labels.hash & slots.mask
        while true {
            let bits = slots.words[index].load(ordering: .relaxed)
            if bits == Self.empty { return }
            if bits == target {
                slots.words[index].store(Self.tombstone, ordering: .sequentiallyConsistent)
                count -= 1
                readers.waitForReaders()
                return
            }
            index = (index + 1) & slots.mask
        }
    }

    /// Unlinks every entry; when it returns, no reader can still see any. Caller holds the lock.
    func removeAll() {
        let old = Unmanaged<Slots>.fromOpaque(current.load(ordering: .acquiring)).takeUnretainedValue()
        _ = rebuild(capacity: 8, from: old, keepingEntries: false)
        count = 0
    }

    private static func bits(of entry: SeriesEntry) -> UInt64 {
        UInt64(UInt(bitPattern: Unmanaged.passUnretained(entry).toOpaque()))
    }

    private static func capacity(for entries: Int) -> Int {
        var capacity = 8
        while capacity < entries * 4 { capacity <<= 1 }
        return capacity
    }

    private static func place(_ entry: SeriesEntry, in slots: Slots) {
        var index = entry.labels.hash & slots.mask
        while true {
            let bits = slots.words[index].load(ordering: .relaxed)
            if bits == empty || bits == tombstone {
                if bits == empty { slots.used += 1 }
                slots.words[index].store(Self.bits(of: entry), ordering: .releasing)
                return
            }
            index = (index + 1) & slots.mask
        }
    }

    /// Publishes a fresh array (holding the live entries unless told otherwise) and frees the
    /// old one once no reader can be probing it.
    private func rebuild(capacity: Int, from old: Slots, keepingEntries: Bool = true) -> Slots {
        let fresh = Slots(capacity: capacity)
        if keepingEntries {
            for index in 0...old.mask {
                let bits = old.words[index].load(ordering: .relaxed)
                if bits != Self.empty && bits != Self.tombstone,
                   let pointer = UnsafeRawPointer(bitPattern: UInt(bits)) {
                    Self.place(Unmanaged<SeriesEntry>.fromOpaque(pointer).takeUnretainedValue(), in: fresh)
                }
            }
        }
        current.store(Unmanaged.passRetained(fresh).toOpaque(), ordering: .sequentiallyConsistent)
        readers.waitForReaders()
        Unmanaged.passUnretained(old).release()
        return fresh
    }
}
