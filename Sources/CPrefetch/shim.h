#ifndef TNET_CPREFETCH_SHIM_H
#define TNET_CPREFETCH_SHIM_H
/* Asking the processor to start loading a cache line before it is needed: Swift has no way to
 * say this. For lookups in tables larger than the cache, made many at a time in a known order
 * (TNetIO's ByteKeyTable, resolving a file's million ids). A hint only: it never faults, and
 * does nothing where the compiler has no such instruction. */
static inline void tnet_prefetch(const void *address) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address, 0, 3);
#else
    (void)address;
#endif
}

#endif
