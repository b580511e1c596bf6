/* register_personality / unregister_personality, sqe->personality */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 8, 0);
    int id = io_uring_register_personality(&r);
    printf("personality>0: %d\n", id > 0);
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->personality = id;
    s->user_data = 1;
    io_uring_submit(&r);
    ct_reap(&r, "nop-personality");
    s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->personality = id + 100;
    s->user_data = 2;
    io_uring_submit(&r);
    ct_reap(&r, "nop-bad-personality");
    printf("unregister=%d again=%d\n", io_uring_unregister_personality(&r, id),
           io_uring_unregister_personality(&r, id));
    io_uring_queue_exit(&r);
    return 0;
}
