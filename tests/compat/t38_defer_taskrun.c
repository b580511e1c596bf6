/* SINGLE_ISSUER | DEFER_TASKRUN: completions run on get_events / wait */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 8, IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN);
    int p[2];
    CHECK(pipe(p) == 0);
    char buf[8];
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_read(s, p[0], buf, sizeof(buf), 0);
    s->user_data = 1;
    io_uring_submit(&r);
    CHECK(write(p[1], "abcd", 4) == 4);
    usleep(20000);
    printf("cq_ready before get_events=%u\n", io_uring_cq_ready(&r));
    printf("get_events=%d\n", io_uring_get_events(&r));
    printf("cq_ready after=%u\n", io_uring_cq_ready(&r));
    ct_reap(&r, "read");
    s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->user_data = 2;
    printf("submit_and_get_events=%d\n", io_uring_submit_and_get_events(&r));
    ct_reap(&r, "nop");
    io_uring_queue_exit(&r);
    return 0;
}
