#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "star_sys.h"

int star_exchange(const char *a, const char *b) {
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
}

int star_rename_noreplace(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}

int star_syncfs(int fd) { return syncfs(fd); }

#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>

int star_lower_thread_priority(int nice) {
    // on Linux a thread id given to setpriority names that thread alone
    id_t tid = (id_t)syscall(SYS_gettid);
    errno = 0;
    int now = getpriority(PRIO_PROCESS, tid);
    if (now == -1 && errno != 0) return -1;
    return now >= nice ? 0 : setpriority(PRIO_PROCESS, tid, nice);
}

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>

static char cleanup_temp[PATH_MAX];
static char cleanup_lock[PATH_MAX];
static char cleanup_message[512];

struct star_dirent64 {
    unsigned long long d_ino;
    long long d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

static void remove_flat_folder(const char *path) {
    for (int attempt = 0; attempt < 100; attempt++) {
        int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) return;
        char buffer[4096];
        for (;;) {
            long n = syscall(SYS_getdents64, fd, buffer, sizeof buffer);
            if (n <= 0) break;
            for (long offset = 0; offset < n;) {
                struct star_dirent64 *e = (struct star_dirent64 *)(buffer + offset);
                if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) unlinkat(fd, e->d_name, 0);
                offset += e->d_reclen;
            }
        }
        close(fd);
        if (rmdir(path) == 0 || errno == ENOENT) return;
    }
}

/* Removes the run's temporary folder and lock, prints `message` and ends the process. */
static void clean_up_and_exit(const char *message, int status) {
    if (cleanup_temp[0]) remove_flat_folder(cleanup_temp);
    if (cleanup_lock[0]) unlink(cleanup_lock);
    ssize_t ignored = write(STDERR_FILENO, message, strlen(message));
    (void)ignored;
    _exit(status);
}

static void on_signal(int sig) { clean_up_and_exit(cleanup_message, 128 + sig); }

void star_cleanup_install(const char *message) {
    strncpy(cleanup_message, message, sizeof cleanup_message - 1);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigfillset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    /* a parent may have started us with them blocked (Foundation's Process does) */
    sigset_t these;
    sigemptyset(&these);
    sigaddset(&these, SIGINT);
    sigaddset(&these, SIGTERM);
    pthread_sigmask(SIG_UNBLOCK, &these, NULL);
}

void star_cleanup_set(const char *temp_folder, const char *lock_file) {
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    if (temp_folder) { strncpy(cleanup_temp, temp_folder, PATH_MAX - 1); } else { cleanup_temp[0] = 0; }
    if (lock_file) { strncpy(cleanup_lock, lock_file, PATH_MAX - 1); } else if (!temp_folder) { cleanup_lock[0] = 0; }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

static char memory_message[512];
static struct sigaction memory_previous[32];
static const int memory_signals[] = {SIGABRT, SIGTRAP, SIGILL, SIGSEGV, SIGBUS};

/* The Swift runtime stops the process when malloc returns NULL (a trap or abort, exit 134 with a
   backtrace); malloc has then set errno to ENOMEM in this thread. That errno is what tells an
   exhausted memory from a bug: out of memory cleans up like an interruption and exits 71 with
   a message, anything else goes on to the handler that was there before (the backtrace). */
static void on_fatal_signal(int sig) {
    int saved = errno;
    if (saved == ENOMEM) clean_up_and_exit(memory_message, 71);
    sigaction(sig, &memory_previous[sig], NULL);
    if (sig == SIGABRT) raise(sig);
    errno = saved;
}

void star_out_of_memory_install(const char *message) {
    strncpy(memory_message, message, sizeof memory_message - 1);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_fatal_signal;
    sigemptyset(&action.sa_mask);
    for (unsigned i = 0; i < sizeof memory_signals / sizeof memory_signals[0]; i++)
        sigaction(memory_signals[i], &action, &memory_previous[memory_signals[i]]);
}

void star_ignore_file_size_signal(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_IGN;
    sigaction(SIGXFSZ, &action, NULL);
}
