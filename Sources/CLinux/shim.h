// Linux system calls that Swift's Glibc module does not offer.
#ifndef IMPRINT_CLINUX_SHIM_H
#define IMPRINT_CLINUX_SHIM_H
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

// Swaps the two paths in one step (renameat2 with RENAME_EXCHANGE): both must exist.
// Returns 0, or -1 with errno set.
static inline int imprint_exchange(const char *first, const char *second) {
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */);
}
#endif
