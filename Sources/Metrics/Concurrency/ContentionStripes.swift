import Synchronization

/// Per-CPU copies of a handle's words, installed the first time a compare-and-swap on the
/// shared words fails (proof that two threads contend), LongAdder-style. Until then a handle
/// costs no extra memory; afterwards each CPU updates its own cache lines.
@usableFromInline
struct ContentionStripes: ~Copyable, @unchecked Sendable {
    @usableFromInline let installed = Atomic<UnsafeMutableRawPointer?>(nil)
    /// Words from one CPU's stripe to the next: whole multiples of `CPUStripes.strideInBytes`.
    @usableFromInline let stride: Int
    /// `CPUStripes.count - 1`.
    @usableFromInline let mask: Int

    /// Stripes of at least `wordsPerStripe` words each.
    init(wordsPerStripe: Int) {
        let wordsPerLine = CPUStripes.strideInBytes / MemoryLayout<UInt64>.stride
        stride = (wordsPerStripe + wordsPerLine - 1) / wordsPerLine * wordsPerLine
        mask = CPUStripes.count - 1
    }

    @inlinable
    var wordCount: Int { (mask + 1) * stride }

    /// The stripes, if contention installed them.
    @inlinable
    var words: AtomicWords? {
        installed.load(ordering: .acquiring).map { AtomicWords(existing: $0, count: wordCount) }
    }

    /// The word at `index` of the calling CPU's stripe.
    @inlinable
    func word(_ index: Int, in words: AtomicWords) -> UnsafeMutablePointer<Atomic<UInt64>> {
        words.base + CPUStripes.current(mask: mask) * stride + index
    }

    /// The stripes, installing them if no other thread has yet.
    @usableFromInline
    func install() -> AtomicWords {
        let fresh = AtomicWords(count: wordCount, alignment: CPUStripes.strideInBytes)
        let (exchanged, existing) = installed.compareExchange(
            expected: nil,
            desired: UnsafeMutableRawPointer(fresh.base),
            ordering: .acquiringAndReleasing
        )
        if exchanged { return fresh }
        fresh.deallocate()
        return existing.map { AtomicWords(existing: $0, count: wordCount) } ?? install()
    }

    /// The sum of word `index` over every stripe (zero before contention).
    func total(of index: Int) -> UInt64 {
        guard let words else { return 0 }
        var total: UInt64 = 0
        for stripe in 0...mask {
            total &+= words[stripe * stride + index].load(ordering: .relaxed)
        }
        return total
    }

    /// The sum of word `index` over every stripe, each read as a `Double`'s bits.
    func floatingTotal(of index: Int) -> Double {
        guard let words else { return 0 }
        var total = 0.0
        for stripe in 0...mask {
            total += Double(bitPattern: words[stripe * stride + index].load(ordering: .relaxed))
        }
        return total
    }

    /// Zeroes word `index` of every stripe.
    func reset(_ index: Int) {
        guard let words else { return }
        for stripe in 0...mask {
            words[stripe * stride + index].store(0, ordering: .relaxed)
        }
    }

    /// Frees the stripes; for the owner's `deinit`.
    func deallocate() {
        words?.deallocate()
    }
}
