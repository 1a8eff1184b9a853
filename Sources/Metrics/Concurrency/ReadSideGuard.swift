import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lets lock-free lookups read shared tables while writers retire entries safely.
///
/// A reader marks itself active on its CPU's counter for the few nanoseconds of a lookup; a
/// writer that has unlinked an entry (or replaced a whole table) waits until every counter has
/// been seen at zero before it frees what it unlinked. A reader that starts after the unlink
/// can no longer find the entry, so the wait covers exactly the readers that might hold it.
/// Readers never wait; writers only wait on the rare paths (removal, table growth).
final class ReadSideGuard: @unchecked Sendable {
    /// One guard serves the whole process: lookups are short, so writers rarely wait for long.
    static let shared = ReadSideGuard()

    private let counters: AtomicWords
    private let wordsPerStripe = CPUStripes.strideInBytes / MemoryLayout<UInt64>.stride
    private let mask = CPUStripes.count - 1

    private init() {
        counters = AtomicWords(count: CPUStripes.count * wordsPerStripe, alignment: CPUStripes.strideInBytes)
    }

    /// Marks the calling thread as reading; pass the result to `exit`.
    @inline(__always)
    func enter() -> Int {
        let slot = CPUStripes.current(mask: mask) * wordsPerStripe
        counters[slot].wrappingAdd(1, ordering: .sequentiallyConsistent)
        return slot
    }

    /// Ends a read started by `enter`, on the counter it started on.
    @inline(__always)
    func exit(_ slot: Int) {
        counters[slot].wrappingSubtract(1, ordering: .releasing)
    }

    /// Returns once every read that was in progress when it was called has ended.
    func waitForReaders() {
        for stripe in 0...mask {
            var spins = 0
            while counters[stripe * wordsPerStripe].load(ordering: .sequentiallyConsistent) != 0 {
                spins += 1
                if spins > 64 { sched_yield() }
            }
        }
    }
}
