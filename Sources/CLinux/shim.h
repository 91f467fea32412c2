// Linux system calls that Swift's Glibc module does not offer.
#ifndef IMPRINT_CLINUX_SHIM_H
#define IMPRINT_CLINUX_SHIM_H
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/socket.h>
#include <unistd.h>

// Swaps the two paths in one step (renameat2 with RENAME_EXCHANGE): both must exist.
// Returns 0, or -1 with errno set.
static inline int imprint_exchange(const char *first, const char *second) {
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */);
}

// Accepts a connection whose descriptor is closed on exec and does not block (accept4 with
// SOCK_CLOEXEC | SOCK_NONBLOCK), so no child process inherits it. Returns the descriptor,
// or -1 with errno set.
static inline int imprint_accept(int socket) {
    return (int)syscall(SYS_accept4, socket, (void *)0, (void *)0, 02000000 /* SOCK_CLOEXEC */ | 04000 /* SOCK_NONBLOCK */);
}
// Writes out every file system buffer of the file system that holds `descriptor`'s file
// (syncfs, which Swift's Glibc module leaves out). Returns 0, or -1 with errno set.
static inline int imprint_syncfs(int descriptor) {
    return (int)syscall(SYS_syncfs, descriptor);
}
#endif
