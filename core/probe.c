/* probe.c -- IORING_REGISTER_PROBE (declarations: core/hr_register.h).
 * Not proved: struct io_uring_probe ends in a flexible array member
 * (ops[]), whose validity WP's Typed model cannot state (listed with this
 * reason in proofs/no_contract.txt); checked by harness/live_register.c.
 * The rest of the registration code is proved (core/register.c, unit
 * `register`). */
#include "hringas.h"


int hr_register_probe(struct hr_ring *r, struct io_uring_probe *p, unsigned nr_ops)
{
    unsigned i;

    if (!r || !p)
        return -HR_EINVAL;
    const int via_index = r->ring_fd < 0 && (r->enter_flags & IORING_ENTER_REGISTERED_RING);
    if (r->ring_fd < 0 && !via_index)
        return -HR_EBADF;               /* torn down: see core/register.c */
    if (nr_ops > HR_PROBE_OPS)
        nr_ops = HR_PROBE_OPS;          /* opcodes are u8: the kernel clamps too */
    /* The kernel answers -EINVAL unless the whole buffer is zero.  Field by
       field through a volatile pointer: a plain loop may become memset. */
    volatile uint8_t *h = (volatile uint8_t *)p;
    for (i = 0; i < sizeof(*p); i++)
        h[i] = 0;
    for (i = 0; i < nr_ops; i++) {
        volatile struct io_uring_probe_op *op = &p->ops[i];
        op->op    = 0;
        op->resv  = 0;
        op->flags = 0;
        op->resv2 = 0;
    }
    if (via_index)                      /* hr_close_ring_fd closed the plain fd */
        return hr_sys_io_uring_register(r->enter_fd, IORING_REGISTER_PROBE |
                                        IORING_REGISTER_USE_REGISTERED_RING, p, nr_ops);
    return hr_sys_io_uring_register(r->ring_fd, IORING_REGISTER_PROBE, p, nr_ops);
}

int hr_get_probe_ring(struct hr_ring *r, union hr_probe *probe)
{
    if (!probe)
        return -HR_EINVAL;
    return hr_register_probe(r, &probe->hdr, HR_PROBE_OPS);
}

int hr_probe_opcode_supported(const struct io_uring_probe *p, int op)
{
    if (!p || op < 0 || op > p->last_op || op >= p->ops_len)
        return 0;
    return (p->ops[op].flags & IO_URING_OP_SUPPORTED) != 0;
}
