#ifndef C_OBSERVABILITY_CPU_H
#define C_OBSERVABILITY_CPU_H

#if defined(__linux__)
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <sched.h>
#if __has_include(<sys/rseq.h>)
#include <sys/rseq.h>
#endif
#endif

/// The CPU the calling thread runs on, or 0 where the platform cannot tell. Where glibc has
/// registered restartable sequences (2.35 and later) the kernel keeps the current CPU in the
/// thread's rseq area, and reading it is one load; otherwise `sched_getcpu`. That is why
/// per-CPU striping of hot counters can afford to ask on every update.
static inline int current_cpu(void) {
#if defined(__linux__)
#if defined(RSEQ_SIG) && (defined(__x86_64__) || defined(__aarch64__))
    if (__rseq_size > 0) {
        const struct rseq *area = (const struct rseq *)((char *)__builtin_thread_pointer() + __rseq_offset);
        int cpu = (int)__atomic_load_n(&area->cpu_id, __ATOMIC_RELAXED);
        if (cpu >= 0) {
            return cpu;
        }
    }
#endif
    int cpu = sched_getcpu();
    return cpu < 0 ? 0 : cpu;
#else
    return 0;
#endif
}

#endif
