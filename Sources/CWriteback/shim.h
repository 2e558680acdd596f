#ifndef TNET_CWRITEBACK_SHIM_H
#define TNET_CWRITEBACK_SHIM_H
/* Starting a file's writeback early: a system call Swift's Glibc module does not import (it
 * needs _GNU_SOURCE), for TNetIO's atomic writes. */
#include <stdint.h>

#if defined(__linux__)
/* glibc's, as <fcntl.h> declares it under _GNU_SOURCE (off64_t is int64_t on Linux). */
extern int sync_file_range(int fd, int64_t offset, int64_t nbytes, unsigned int flags);
#endif

/* Asks the system to start writing `count` bytes of `fd` from `offset` to disk, without
 * waiting (SYNC_FILE_RANGE_WRITE); a later fsync then waits only for what is not yet written.
 * Returns 0, or -1 where there is no such call (nothing is lost: fsync still writes it all). */
static inline int tnet_start_writeback(int fd, int64_t offset, int64_t count) {
#if defined(__linux__)
    return sync_file_range(fd, offset, count, 2 /* SYNC_FILE_RANGE_WRITE */);
#else
    (void)fd; (void)offset; (void)count;
    return -1;
#endif
}

#endif
