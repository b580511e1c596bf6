/* copy.c -- copy a file with io_uring, up to QD reads and writes in flight.
 *
 *   usage: copy SRC DST
 *
 * The file is cut into blocks of BS bytes; each of QD slots owns one block
 * at a time: it reads the block, then writes it, then takes the next block.
 * A read or write may transfer fewer bytes than asked (a short read or
 * write: signals, file systems, pipes); the slot then re-issues the rest of
 * its block at the right offset until the block is done.  A read that
 * returns 0 before the block is complete means the source shrank: error.
 * An error retires its slot and stops handing out blocks; the slots still
 * in flight finish theirs, so everything before the failing offset is
 * written (e.g. with `ulimit -f`, a write crossing the limit comes back
 * short, its resumption fails with EFBIG, and DST holds exactly the first
 * limit bytes).  Exit 0 on success, 1 on the first error (printed).
 *
 * Everything the kernel touches (the buffers, the slots) lives in this
 * program's memory, disjoint from struct hr_ring (K-USER, specs/TRUSTED.md).
 * Build: cc copy.c $(pkg-config --cflags --libs hringas)
 */
#include <hringas.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define QD 8                 /* queue depth: slots in flight */
#define BS (32 * 1024)       /* block size */

struct slot {
    uint64_t off;            /* file offset of the block */
    uint32_t len;            /* block length (the last block may be short) */
    uint32_t done;           /* bytes of the current phase already done */
    int writing;             /* 0: reading the block, 1: writing it */
    char buf[BS];
};

static struct slot slots[QD];

/* queue the rest of slot i's current phase (read or write) */
static int queue(struct hr_ring *ring, int in, int out, unsigned i)
{
    struct slot *s = &slots[i];
    struct hr_sqe *sqe = hr_get_sqe(ring);

    if (!sqe)                /* cannot happen: at most QD SQEs outstanding */
        return -1;
    if (s->writing)
        hr_prep_write(sqe, out, s->buf + s->done, s->len - s->done, s->off + s->done);
    else
        hr_prep_read(sqe, in, s->buf + s->done, s->len - s->done, s->off + s->done);
    hr_sqe_set_data64(sqe, i);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s SRC DST\n", argv[0]);
        return 2;
    }
    int in = open(argv[1], O_RDONLY);
    int out = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    struct stat st;
    if (in < 0 || out < 0 || fstat(in, &st) < 0) {
        perror("open");
        return 1;
    }
    const uint64_t size = (uint64_t)st.st_size;

    struct hr_ring ring;
    int ret = hr_ring_init(&ring, QD, 0);
    if (ret < 0) {
        fprintf(stderr, "hr_ring_init: %s\n", hr_strerror(ret));
        return ret == -ENOSYS || ret == -EPERM ? 77 : 1;
    }

    uint64_t next = 0;       /* offset of the next block nobody owns yet */
    unsigned inflight = 0, shorts = 0;
    int status = 0;

    /* give every slot a block */
    for (unsigned i = 0; i < QD && next < size; i++) {
        slots[i].off = next;
        slots[i].len = size - next < BS ? (uint32_t)(size - next) : BS;
        slots[i].done = 0;
        slots[i].writing = 0;
        next += slots[i].len;
        queue(&ring, in, out, i);
        inflight++;
    }

    while (inflight > 0) {
        /* submit what was queued, wait for at least one completion */
        ret = hr_submit_and_wait(&ring, 1);
        if (ret < 0) {
            fprintf(stderr, "submit: %s\n", hr_strerror(ret));
            status = 1;
            break;
        }
        struct hr_cqe cqes[QD];
        int n = hr_copy_cqes(&ring, cqes, QD, 0);
        for (int k = 0; k < n; k++) {
            unsigned i = (unsigned)hr_cqe_get_data64(&cqes[k]);
            struct slot *s = &slots[i];
            int res = cqes[k].res;

            if (res < 0 || (res == 0 && !s->writing)) {
                if (status == 0)             /* report the first error */
                    fprintf(stderr, "%s at %llu: %s\n", s->writing ? "write" : "read",
                            (unsigned long long)(s->off + s->done),
                            res < 0 ? hr_strerror(res) : "unexpected end of file");
                status = 1;
                inflight--;                  /* the slot retires */
                continue;
            }
            s->done += (uint32_t)res;
            if (s->done < s->len) {          /* short read or write: the rest */
                shorts++;
                queue(&ring, in, out, i);
                continue;
            }
            if (!s->writing) {               /* block read: write it */
                s->writing = 1;
                s->done = 0;
                queue(&ring, in, out, i);
                continue;
            }
            if (next < size && status == 0) {/* block written: take the next */
                s->off = next;
                s->len = size - next < BS ? (uint32_t)(size - next) : BS;
                s->done = 0;
                s->writing = 0;
                next += s->len;
                queue(&ring, in, out, i);
            } else {
                inflight--;
            }
        }
    }
    hr_ring_exit(&ring);
    if (status == 0 && (fsync(out) < 0 || close(out) < 0)) {
        perror("close");
        status = 1;
    }
    close(in);
    printf("copy: %s, %llu bytes, queue depth %d, %u short transfers resumed\n",
           status ? "FAILED" : "done", (unsigned long long)size, QD, shorts);
    return status;
}
