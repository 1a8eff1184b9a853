#ifndef C_OBSERVABILITY_CPU_H
#define C_OBSERVABILITY_CPU_H

#if defined(__linux__)
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <sched.h>
#endif

/// The CPU the calling thread runs on, or 0 where the platform cannot tell. On Linux glibc
/// reads it from the thread's rseq area, a few instructions with no system call, which is why
/// per-CPU striping of hot counters can afford to ask on every update.
static inline int current_cpu(void) {
#if defined(__linux__)
    int cpu = sched_getcpu();
    return cpu < 0 ? 0 : cpu;
#else
    return 0;
#endif
}

#endif
