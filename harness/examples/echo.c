/* echo.c -- a TCP echo server on 127.0.0.1 and its client, in one program.
 *
 * Server (this process), one ring, no threads:
 *   - one multishot accept on the listening socket: each new connection is
 *     a CQE with IORING_CQE_F_MORE set while the accept stays armed;
 *   - per connection, one multishot recv that picks its buffers from a
 *     provided-buffer ring (IOSQE_BUFFER_SELECT, group BGID): each CQE
 *     names the buffer it filled (hr_cqe_buffer_id);
 *   - the data is sent back from that same buffer; when the send is
 *     complete the buffer goes back to the buffer ring.  Sends on one
 *     socket are issued one at a time, in order (two sends in flight on
 *     the same stream could complete out of order), and a short send is
 *     resumed with the rest.
 *   - -ENOBUFS (every buffer is waiting for its send) re-arms the recv;
 *     a multishot request that ends (no F_MORE) is re-armed too.
 * Client (a forked child): NCONN connections, ROUNDS messages of varying
 * length on each, every echo compared byte for byte.
 * Exit 0 when the client saw every echo right and the server saw every
 * connection close; 1 otherwise.  An alarm bounds the run to 20 s.
 * Build: cc echo.c $(pkg-config --cflags --libs hringas)
 */
#include <hringas.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define NCONN   4
#define ROUNDS  200
#define NBUF    16           /* buffers in the ring (a power of two) */
#define BUFSZ   2048
#define BGID    7
#define MAXFD   1024

enum { ACCEPT = 1, RECV = 2, SEND = 3 };
#define UD(type, fd, bid) (((uint64_t)(type) << 56) | ((uint64_t)(uint32_t)(fd) << 16) | (bid))
#define UD_TYPE(u) ((int)((u) >> 56))
#define UD_FD(u)   ((int)(uint32_t)((u) >> 16))
#define UD_BID(u)  ((unsigned)((u) & 0xffff))

/* one connection: the buffers waiting to be echoed, in arrival order */
struct conn {
    unsigned q[NBUF], head, n;   /* FIFO of buffer ids */
    unsigned len[NBUF];          /* bytes in buffer bid */
    unsigned sent;               /* bytes of the head buffer already sent */
    int sending, open;
};

static struct conn conns[MAXFD];
static char *bufs;               /* NBUF * BUFSZ bytes, ours, not the ring's */
static struct hr_buf_ring_state br;

static void arm_accept(struct hr_ring *ring, int lfd)
{
    struct hr_sqe *sqe = hr_get_sqe(ring);
    hr_prep_multishot_accept(sqe, lfd, NULL, NULL, 0);
    hr_sqe_set_data64(sqe, UD(ACCEPT, lfd, 0));
}

static void arm_recv(struct hr_ring *ring, int fd)
{
    struct hr_sqe *sqe = hr_get_sqe(ring);
    hr_prep_recv_multishot(sqe, fd, NULL, 0, 0);   /* no buffer: the ring picks */
    hr_sqe_set_flags(sqe, IOSQE_BUFFER_SELECT);
    sqe->buf_index = BGID;                          /* buf_group */
    hr_sqe_set_data64(sqe, UD(RECV, fd, 0));
}

/* send (the rest of) the oldest buffer of connection fd */
static void send_head(struct hr_ring *ring, int fd)
{
    struct conn *c = &conns[fd];
    unsigned bid = c->q[c->head];
    struct hr_sqe *sqe = hr_get_sqe(ring);
    hr_prep_send(sqe, fd, bufs + bid * BUFSZ + c->sent, c->len[bid] - c->sent, MSG_NOSIGNAL);
    hr_sqe_set_data64(sqe, UD(SEND, fd, bid));
    c->sending = 1;
}

/* give buffer bid back to the kernel */
static void recycle(unsigned bid)
{
    hr_buf_ring_add(&br, bufs + bid * BUFSZ, BUFSZ, (uint16_t)bid, 0);
    hr_buf_ring_advance(&br, 1);
}

static int client(uint16_t port)
{
    int fds[NCONN];
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
    char out[BUFSZ * 2], in[BUFSZ * 2];
    int one = 1;

    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < NCONN; i++) {
        fds[i] = socket(AF_INET, SOCK_STREAM, 0);
        if (fds[i] < 0 || connect(fds[i], (struct sockaddr *)&a, sizeof a) < 0 ||
            setsockopt(fds[i], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) < 0) {
            perror("client connect");
            return 1;
        }
    }
    for (int r = 0; r < ROUNDS; r++) {
        for (int i = 0; i < NCONN; i++) {
            size_t len = 1 + (size_t)(r * 37 + i * 101) % sizeof out;  /* 1 .. 4096 */
            for (size_t k = 0; k < len; k++)
                out[k] = (char)(r + i + k);
            if (send(fds[i], out, len, 0) != (ssize_t)len) {
                perror("client send");
                return 1;
            }
            size_t got = 0;
            while (got < len) {               /* the echo may come in pieces */
                ssize_t n = recv(fds[i], in + got, len - got, 0);
                if (n <= 0) {
                    fprintf(stderr, "client recv: %s\n", n ? strerror(errno) : "closed");
                    return 1;
                }
                got += (size_t)n;
            }
            if (memcmp(in, out, len) != 0) {
                fprintf(stderr, "client: echo differs (conn %d round %d)\n", i, r);
                return 1;
            }
        }
    }
    for (int i = 0; i < NCONN; i++)
        close(fds[i]);
    return 0;
}

int main(void)
{
    struct hr_ring ring;
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = 0 };
    socklen_t alen = sizeof a;
    int one = 1;

    alarm(20);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    if (lfd < 0 || setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
        bind(lfd, (struct sockaddr *)&a, sizeof a) < 0 || listen(lfd, 16) < 0 ||
        getsockname(lfd, (struct sockaddr *)&a, &alen) < 0) {
        perror("listen");
        return 1;
    }

    int ret = hr_ring_init(&ring, 64, 0);
    if (ret < 0) {
        fprintf(stderr, "hr_ring_init: %s\n", hr_strerror(ret));
        return ret == -ENOSYS || ret == -EPERM ? 77 : 1;
    }
    /* the buffer ring's memory must be page-aligned: mmap gives that */
    void *ringmem = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    bufs = malloc(NBUF * BUFSZ);
    if (ringmem == MAP_FAILED || !bufs)
        return 1;
    ret = hr_setup_buf_ring(&ring, &br, ringmem, NBUF, BGID, 0);
    if (ret < 0) {
        fprintf(stderr, "hr_setup_buf_ring: %s\n", hr_strerror(ret));
        return 1;
    }
    for (unsigned i = 0; i < NBUF; i++)
        hr_buf_ring_add(&br, bufs + i * BUFSZ, BUFSZ, (uint16_t)i, (uint16_t)i);
    hr_buf_ring_advance(&br, NBUF);

    pid_t pid = fork();
    if (pid == 0)
        _exit(client(ntohs(a.sin_port)));

    arm_accept(&ring, lfd);
    int accepted = 0, closed = 0, status = 0;
    unsigned long long echoed = 0, nobufs = 0;
    while (closed < NCONN && status == 0) {
        struct hr_cqe cqes[32];
        ret = hr_submit_and_wait(&ring, 1);
        if (ret < 0) {
            fprintf(stderr, "submit: %s\n", hr_strerror(ret));
            status = 1;
            break;
        }
        int n = hr_copy_cqes(&ring, cqes, 32, 0);
        for (int k = 0; k < n && status == 0; k++) {
            uint64_t ud = hr_cqe_get_data64(&cqes[k]);
            int res = cqes[k].res, fd = UD_FD(ud);
            int more = (cqes[k].flags & IORING_CQE_F_MORE) != 0;
            struct conn *c;

            switch (UD_TYPE(ud)) {
            case ACCEPT:
                if (res < 0 || res >= MAXFD) {
                    fprintf(stderr, "accept: %s\n", hr_strerror(res));
                    status = 1;
                    break;
                }
                /* no Nagle: an echo in two pieces would wait for an ACK */
                setsockopt(res, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                memset(&conns[res], 0, sizeof conns[res]);
                conns[res].open = 1;
                accepted++;
                arm_recv(&ring, res);
                if (!more)
                    arm_accept(&ring, fd);
                break;
            case RECV:
                c = &conns[fd];
                if (res == -ENOBUFS) {        /* all buffers are being echoed */
                    nobufs++;
                    if (!more)
                        arm_recv(&ring, fd);
                    break;
                }
                if (res < 0) {
                    fprintf(stderr, "recv: %s\n", hr_strerror(res));
                    status = 1;
                    break;
                }
                if (res == 0) {               /* the client closed */
                    if (c->n == 0) {
                        close(fd);
                        closed++;
                    }
                    c->open = 0;
                    break;
                }
                if (hr_cqe_buffer_id(&cqes[k]) < 0) {  /* data without a buffer? */
                    fprintf(stderr, "recv: no buffer id in the CQE\n");
                    status = 1;
                    break;
                }
                {
                    unsigned bid = (unsigned)hr_cqe_buffer_id(&cqes[k]);
                    c->len[bid] = (unsigned)res;
                    c->q[(c->head + c->n++) % NBUF] = bid;
                    if (!c->sending)
                        send_head(&ring, fd);
                }
                if (!more)
                    arm_recv(&ring, fd);
                break;
            case SEND:
                c = &conns[fd];
                if (res < 0) {
                    fprintf(stderr, "send: %s\n", hr_strerror(res));
                    status = 1;
                    break;
                }
                c->sent += (unsigned)res;
                echoed += (unsigned)res;
                c->sending = 0;
                if (c->sent < c->len[UD_BID(ud)]) {   /* short send: the rest */
                    send_head(&ring, fd);
                    break;
                }
                recycle(UD_BID(ud));
                c->sent = 0;
                c->head = (c->head + 1) % NBUF;
                c->n--;
                if (c->n)
                    send_head(&ring, fd);
                else if (!c->open) {
                    close(fd);
                    closed++;
                }
                break;
            }
        }
    }

    int wstatus = 0;
    if (waitpid(pid, &wstatus, 0) < 0 || !WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
        fprintf(stderr, "client failed\n");
        status = 1;
    }
    hr_free_buf_ring(&ring, &br);
    hr_ring_exit(&ring);
    printf("echo: %d connections, %llu bytes echoed, %llu ENOBUFS re-arms: %s\n",
           accepted, echoed, nobufs, status ? "FAILED" : "ok");
    return status;
}
