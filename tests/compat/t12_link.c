/* IOSQE_IO_LINK chains: all succeed; a failing head cancels the rest;
   IOSQE_IO_HARDLINK keeps going */
#include "ct.h"
static void chain(struct io_uring *r, int bad, unsigned linkflag, int base)
{
    char buf[4];
    for (int i = 0; i < 3; i++) {
        struct io_uring_sqe *s = ct_sqe(r);
        if (i == 0 && bad)
            io_uring_prep_read(s, -1, buf, sizeof(buf), 0);
        else
            io_uring_prep_nop(s);
        if (i < 2)
            io_uring_sqe_set_flags(s, linkflag);
        io_uring_sqe_set_data64(s, base + i);
    }
    CHECK_EQ(io_uring_submit(r), 3);
    for (int i = 0; i < 3; i++)
        ct_reap(r, "link");
}
int main(void)
{
    struct io_uring r;
    ct_init(&r, 8, 0);
    chain(&r, 0, IOSQE_IO_LINK, 10);
    chain(&r, 1, IOSQE_IO_LINK, 20);
    chain(&r, 1, IOSQE_IO_HARDLINK, 30);
    io_uring_queue_exit(&r);
    return 0;
}
