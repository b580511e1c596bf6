/* (compat only) a file table larger than the soft RLIMIT_NOFILE: the
   kernel refuses it (-EMFILE); io_uring_register_files, _files_tags and
   _files_sparse then raise the soft limit once, by the table's size and
   never past the hard limit, and register again, as liburing 2.15 does
   (its test/file-register-nofile.c).  Each case runs in a child, whose
   lowered limits die with it. */
#include "ct.h"
#include <sys/resource.h>
#include <sys/wait.h>

enum { FILES, TAGS, SPARSE };

static int reg(struct io_uring *r, int how, const int *fds, unsigned n)
{
    if (how == FILES)
        return io_uring_register_files(r, fds, n);
    if (how == TAGS)
        return io_uring_register_files_tags(r, fds, NULL, n);
    return io_uring_register_files_sparse(r, n);
}

/* soft limit 64, hard limit `hard`, a table of 80 */
static void child(int how, rlim_t hard)
{
    struct io_uring r;
    struct rlimit rl;
    int fds[80];

    CHECK_EQ(io_uring_queue_init(4, &r, 0), 0);
    const int fd = open("/dev/null", O_RDONLY);
    CHECK(fd >= 0 && fd < 64);
    for (int i = 0; i < 80; i++)
        fds[i] = fd;
    rl.rlim_cur = 64;
    rl.rlim_max = hard;
    CHECK_EQ(setrlimit(RLIMIT_NOFILE, &rl), 0);
    const int ret = reg(&r, how, fds, 80);
    CHECK_EQ(getrlimit(RLIMIT_NOFILE, &rl), 0);
    CHECK_EQ(rl.rlim_max, hard);                       /* the hard limit is never touched */
    if (hard >= 80) {
        CHECK_EQ(ret, 0);                              /* raised, registered */
        CHECK(rl.rlim_cur >= 80 && rl.rlim_cur <= hard);
        CHECK_EQ(io_uring_unregister_files(&r), 0);
    } else {
        CHECK_EQ(ret, -EMFILE);                        /* raised to the hard limit: not enough */
        CHECK_EQ(rl.rlim_cur, hard);
    }
    io_uring_queue_exit(&r);
    exit(0);
}

int main(void)
{
    struct rlimit rl;

    CHECK_EQ(getrlimit(RLIMIT_NOFILE, &rl), 0);
    CHECK(rl.rlim_max >= 96);
    for (int how = FILES; how <= SPARSE; how++)
        for (int h = 0; h < 2; h++) {
            const rlim_t hard = h ? 70 : 96;
            int status;
            fflush(stdout);
            const pid_t pid = fork();
            CHECK(pid >= 0);
            if (pid == 0)
                child(how, hard);
            CHECK_EQ(waitpid(pid, &status, 0), pid);
            CHECK(WIFEXITED(status));
            if (WEXITSTATUS(status) != 0)
                FAIL("case %d, hard limit %d", how, (int)hard);
            printf("register %s, 80 files, soft limit 64, hard limit %d: ok\n",
                   how == FILES ? "files" : how == TAGS ? "files_tags" : "files_sparse",
                   (int)hard);
        }
    return 0;
}
