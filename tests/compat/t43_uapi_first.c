/* the installed <linux/io_uring.h> included before <liburing.h>: the
   compat header keeps it and adds only what it lacks */
#include <linux/io_uring.h>
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 4, 0);
    int p[2];
    CHECK(pipe(p) == 0);
    CHECK(write(p[1], "uapi", 4) == 4);
    char buf[8] = {0};
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_read(s, p[0], buf, sizeof(buf), 0);
    s->user_data = 1;
    s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->user_data = 2;
    CHECK_EQ(io_uring_submit_and_wait(&r, 2), 2);
    ct_reap_sorted(&r, 2, "op", NULL);
    printf("buf=%s\n", buf);
    io_uring_queue_exit(&r);
    return 0;
}
