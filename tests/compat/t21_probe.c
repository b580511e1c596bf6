/* io_uring_get_probe / get_probe_ring / register_probe / opcode_supported */
#include "ct.h"
int main(void)
{
    struct io_uring_probe *p = io_uring_get_probe();
    if (!p)
        SKIP("no probe (kernel < 5.6)");
    printf("last_op>=SENDMSG_ZC %d ops_len>=last %d\n", p->last_op >= IORING_OP_SENDMSG_ZC,
           p->ops_len >= p->last_op);
    static const int ops[] = { IORING_OP_NOP, IORING_OP_READV, IORING_OP_READ,
                               IORING_OP_SEND_ZC, IORING_OP_URING_CMD, 255, 1000 };
    for (unsigned i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
        printf("op %d supported %d\n", ops[i], io_uring_opcode_supported(p, ops[i]));
    io_uring_free_probe(p);
    struct io_uring r;
    ct_init(&r, 4, 0);
    p = io_uring_get_probe_ring(&r);
    CHECK(p != NULL);
    printf("ring probe: nop %d read %d\n", io_uring_opcode_supported(p, IORING_OP_NOP),
           io_uring_opcode_supported(p, IORING_OP_READ));
    io_uring_free_probe(p);
    size_t len = sizeof(struct io_uring_probe) + 256 * sizeof(struct io_uring_probe_op);
    p = calloc(1, len);
    printf("register_probe=%d\n", io_uring_register_probe(&r, p, 256));
    printf("ops[IORING_OP_WRITE].flags&SUPPORTED=%d\n",
           !!(p->ops[IORING_OP_WRITE].flags & IO_URING_OP_SUPPORTED));
    free(p);
    io_uring_queue_exit(&r);
    return 0;
}
