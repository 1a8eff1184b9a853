import Synchronization

/// A fixed block of 64-bit atomics in one allocation, optionally cache-line aligned, owned by
/// the object that made it (which must call `deallocate()` in its `deinit`). Histograms keep
/// their buckets here, and striped handles their per-CPU cells.
@usableFromInline
struct AtomicWords: @unchecked Sendable {
    @usableFromInline let base: UnsafeMutablePointer<Atomic<UInt64>>
    @usableFromInline let count: Int

    init(count: Int, alignment: Int = MemoryLayout<Atomic<UInt64>>.alignment) {
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: max(1, count) * MemoryLayout<Atomic<UInt64>>.stride,
            alignment: alignment
        )
        base = raw.bindMemory(to: Atomic<UInt64>.self, capacity: max(1, count))
        for index in 0..<count {
            (base + index).initialize(to: Atomic(0))
        }
        self.count = count
    }

    /// Views words that an earlier `init(count:alignment:)` allocated.
    @inlinable
    init(existing raw: UnsafeMutableRawPointer, count: Int) {
        base = raw.assumingMemoryBound(to: Atomic<UInt64>.self)
        self.count = count
    }

    @inlinable
    subscript(index: Int) -> Atomic<UInt64> {
        unsafeAddress { UnsafePointer(base + index) }
    }

    func deallocate() {
        base.deinitialize(count: count)
        UnsafeMutableRawPointer(base).deallocate()
    }
}
