/* socket / accept / connect / send / recv / shutdown over loopback TCP */
#include "ct.h"
#include <netinet/in.h>
#include <arpa/inet.h>
int main(void)
{
    struct io_uring r;
    ct_init(&r, 8, 0);
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_socket(s, AF_INET, SOCK_STREAM, 0, 0);
    s->user_data = 1;
    io_uring_submit(&r);
    struct io_uring_cqe *c;
    CHECK_EQ(io_uring_wait_cqe(&r, &c), 0);
    int lfd = c->res;
    io_uring_cqe_seen(&r, c);
    if (lfd == -EINVAL)
        SKIP("no IORING_OP_SOCKET (kernel < 5.19)");
    CHECK(lfd >= 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK(bind(lfd, (struct sockaddr *)&a, sizeof(a)) == 0);
    socklen_t al = sizeof(a);
    CHECK(getsockname(lfd, (struct sockaddr *)&a, &al) == 0);
    CHECK(listen(lfd, 4) == 0);
    int cfd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in peer;
    socklen_t plen = sizeof(peer);
    s = ct_sqe(&r);
    io_uring_prep_accept(s, lfd, (struct sockaddr *)&peer, &plen, 0);
    s->user_data = 2;
    s = ct_sqe(&r);
    io_uring_prep_connect(s, cfd, (struct sockaddr *)&a, sizeof(a));
    s->user_data = 3;
    io_uring_submit(&r);
    int afd = -1, cres = 1;
    for (int i = 0; i < 2; i++) {
        CHECK_EQ(io_uring_wait_cqe(&r, &c), 0);
        if (c->user_data == 2)
            afd = c->res;
        else
            cres = c->res;
        io_uring_cqe_seen(&r, c);
    }
    printf("accept ok=%d connect=%d plen=%u family=%d\n", afd >= 0, cres, plen, peer.sin_family);
    s = ct_sqe(&r);
    io_uring_prep_send(s, cfd, "tcp-data", 8, 0);
    s->user_data = 4;
    io_uring_submit(&r);
    ct_reap(&r, "send");
    char buf[16] = {0};
    s = ct_sqe(&r);
    io_uring_prep_recv(s, afd, buf, sizeof(buf), 0);
    s->user_data = 5;
    io_uring_submit(&r);
    ct_reap(&r, "recv");
    printf("buf=%s\n", buf);
    s = ct_sqe(&r);
    io_uring_prep_shutdown(s, cfd, SHUT_WR);
    s->user_data = 6;
    io_uring_submit(&r);
    ct_reap(&r, "shutdown");
    s = ct_sqe(&r);
    io_uring_prep_recv(s, afd, buf, sizeof(buf), 0);
    s->user_data = 7;
    io_uring_submit(&r);
    ct_reap(&r, "recv-eof");
    io_uring_queue_exit(&r);
    return 0;
}
