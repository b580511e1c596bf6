/* (liburing 2.8+ flag, compat only) io_uring_register_buf_ring's `flags`
   argument is ORed into reg->flags, as in liburing (src/register.c); the
   core takes IOU_PBUF_RING_* in reg only.  liburing 2.15's
   test/recvmsg-inc-tail.c registered with IOU_PBUF_RING_INC this way and
   was refused with -EINVAL before. */
#include "ct.h"
#include <sys/mman.h>

#define NBUFS 8
#define BGID 3

int main(void)
{
    struct io_uring r;
    ct_init(&r, 8, 0);
    size_t len = NBUFS * sizeof(struct io_uring_buf);
    void *mem = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(mem != MAP_FAILED);
    struct io_uring_buf_ring *br = mem;
    io_uring_buf_ring_init(br);

    struct io_uring_buf_reg reg;
    /* probe: IOU_PBUF_RING_INC set in reg itself (kernel 6.12+) */
    memset(&reg, 0, sizeof(reg));
    reg.ring_addr = (unsigned long)br;
    reg.ring_entries = NBUFS;
    reg.bgid = BGID;
    reg.flags = IOU_PBUF_RING_INC;
    int ret = io_uring_register_buf_ring(&r, &reg, 0);
    if (ret == -EINVAL)
        SKIP("no IOU_PBUF_RING_INC (kernel < 6.12)");
    CHECK_EQ(ret, 0);
    CHECK_EQ(io_uring_unregister_buf_ring(&r, BGID), 0);

    /* the same flag through the argument */
    memset(&reg, 0, sizeof(reg));
    reg.ring_addr = (unsigned long)br;
    reg.ring_entries = NBUFS;
    reg.bgid = BGID;
    ret = io_uring_register_buf_ring(&r, &reg, IOU_PBUF_RING_INC);
    CHECK_EQ(ret, 0);
    CHECK_EQ(reg.flags, IOU_PBUF_RING_INC);
    /* the group is there: registering its id again is refused */
    ret = io_uring_register_buf_ring(&r, &reg, IOU_PBUF_RING_INC);
    CHECK_EQ(ret, -EEXIST);
    CHECK_EQ(io_uring_unregister_buf_ring(&r, BGID), 0);
    munmap(mem, len);
    io_uring_queue_exit(&r);
    printf("ok\n");
    return 0;
}
