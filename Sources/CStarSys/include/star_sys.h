#ifndef STAR_REPORT_SYS_H
#define STAR_REPORT_SYS_H
/* Linux calls that Swift's Glibc module does not expose (they need _GNU_SOURCE). */

/* Swaps two directory entries in one step (renameat2 with RENAME_EXCHANGE). Returns 0 or -1 with
   errno set (EINVAL or ENOSYS where the file system cannot exchange). */
int star_exchange(const char *a, const char *b);

/* Renames without replacing (renameat2 with RENAME_NOREPLACE): EEXIST if `to` exists. */
int star_rename_noreplace(const char *from, const char *to);

/* Flushes every dirty page of the file system holding `fd` (syncfs). */
int star_syncfs(int fd);

/* SIGINT/SIGTERM during a run: a plain signal handler (no Dispatch source, which needs epoll and
   so file descriptors, the very thing a run may have run out of) that removes the run's
   temporary folder (flat: star-report writes no subfolders) and its lock file with
   async-signal-safe calls only, prints `message`, and exits 128 + the signal.
   star_cleanup_set replaces the paths (NULL for none) with the signals held off. */
void star_cleanup_install(const char *message);
void star_cleanup_set(const char *temp_folder, const char *lock_file);

/* A write past the file size limit (`ulimit -f`) raises SIGXFSZ, which ends the process with no
   word; ignored, the write fails with EFBIG instead and the run stops with a message (exit 74). */
void star_ignore_file_size_signal(void);
/* Out of memory anywhere (the Swift runtime traps when malloc fails, with errno ENOMEM): the run's
   temporary folder and lock are removed as for an interruption, `message` is printed and the
   process exits 71. Any other fatal signal goes on to the handler installed before. */
void star_out_of_memory_install(const char *message);
/* Lowers the calling thread's scheduling priority to at least `nice` (Linux: per thread). */
int star_lower_thread_priority(int nice);

#endif
