import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lets lock-free lookups read shared tables while writers retire entries safely.
///
/// A reader marks itself active on a counter of its CPU for the few nanoseconds of a lookup;
/// a writer that has unlinked an entry (or replaced a whole table) waits until every reader
/// that might still hold it has left before it frees what it unlinked. Readers never wait;
/// writers only wait on the rare paths (removal, table growth).
///
/// The counters come in two phases, as in userspace RCU. A waiting writer points new readers
/// at the other phase, waits for the one it vacated to drain, then does the same the other way
/// round. Waiting on both phases is what makes it safe: a reader that entered before the unlink
/// is counted in one of them, and one that entered after can no longer find the entry. Moving
/// new readers away is what makes the wait end: with a single set of counters, readers that
/// keep overlapping on one CPU could hold a writer, and the family lock it holds, indefinitely.
final class ReadSideGuard: @unchecked Sendable {
    /// One guard serves the whole process: lookups are short, so writers rarely wait for long.
    static let shared = ReadSideGuard()

    /// `phases × CPUStripes.count` counters, each on lines of its own.
    private let counters: AtomicWords
    /// The phase new readers enter, as readers see it.
    private let phase = Atomic<Int>(0)
    /// The same phase as writers keep it: its lock serialises writers' waits, so that one
    /// writer's flips never strand another's readers.
    private let writersPhase = Locked(0)
    private let wordsPerStripe = CPUStripes.strideInBytes / MemoryLayout<UInt64>.stride
    private let mask = CPUStripes.count - 1

    private init() {
        counters = AtomicWords(count: 2 * CPUStripes.count * wordsPerStripe, alignment: CPUStripes.strideInBytes)
    }

    /// Marks the calling thread as reading; pass the result to `exit`. The reader's loads of
    /// the shared table must be sequentially consistent, so that they are ordered after this
    /// increment in the one order a writer's unlink and counter loads also take part in.
    @inline(__always)
    func enter() -> Int {
        // Relaxed: the phase only steers readers away from the counters being drained; safety
        // never depends on which phase a reader picks, since writers wait on both.
        let phase = self.phase.load(ordering: .relaxed)
        let slot = (phase * (mask + 1) + CPUStripes.current(mask: mask)) * wordsPerStripe
        counters[slot].wrappingAdd(1, ordering: .sequentiallyConsistent)
        return slot
    }

    /// Ends a read started by `enter`, on the counter it started on.
    @inline(__always)
    func exit(_ slot: Int) {
        counters[slot].wrappingSubtract(1, ordering: .releasing)
    }

    /// Returns once every read that was in progress when it was called has ended. Call it
    /// after a sequentially consistent store that unlinks what is to be freed.
    func waitForReaders() {
        writersPhase.withLock { current in
            for _ in 0..<2 {
                let vacated = current
                current = 1 - vacated
                phase.store(current, ordering: .sequentiallyConsistent)
                waitUntilDrained(vacated)
            }
        }
    }

    private func waitUntilDrained(_ phase: Int) {
        for stripe in 0...mask {
            let slot = (phase * (mask + 1) + stripe) * wordsPerStripe
            var spins = 0
            while counters[slot].load(ordering: .sequentiallyConsistent) != 0 {
                spins += 1
                if spins > 64 { sched_yield() }
            }
        }
    }
}
