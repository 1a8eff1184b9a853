import CObservabilityCPU

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How hot handles spread contended updates: one stripe per CPU (a power of two, at most 64),
/// chosen by the CPU the updating thread runs on. Two threads on two CPUs then never write the
/// same cache line, which is what makes a shared counter scale where a single atomic does not.
@usableFromInline
enum CPUStripes {
    /// Bytes between two stripes: two cache lines, so that adjacent-line prefetching never
    /// couples neighbouring stripes.
    static let strideInBytes = 128

    /// The number of stripes.
    static let count: Int = {
        let processors = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_CONF))))
        var stripes = 1
        while stripes < processors && stripes < 64 { stripes <<= 1 }
        return stripes
    }()

    /// The stripe of the calling thread, given `count - 1`. Callers keep the mask in their own
    /// storage: reading a lazily initialised global on every update costs a call.
    @inlinable
    static func current(mask: Int) -> Int {
        Int(current_cpu()) & mask
    }
}
