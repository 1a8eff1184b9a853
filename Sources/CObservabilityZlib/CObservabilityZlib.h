#ifndef C_OBSERVABILITY_ZLIB_H
#define C_OBSERVABILITY_ZLIB_H

#include <zlib.h>

/// zlib's `deflateInit2` is a macro, which Swift cannot call; this is the same call as a function.
static inline int observability_deflateInit2(z_streamp stream, int level, int method, int windowBits, int memLevel, int strategy) {
    return deflateInit2(stream, level, method, windowBits, memLevel, strategy);
}

#endif
