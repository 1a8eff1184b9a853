#ifndef C_OBSERVABILITY_TIMEX_H
#define C_OBSERVABILITY_TIMEX_H

/// adjtimex(2) and `struct timex`, which Swift's Glibc module does not include.
#include <sys/timex.h>

#endif
