/* zig_sockets.c -- Zig-behaviour suite (zt.h): sockets (accept/connect,
 * send/recv, sendmsg/recvmsg, shutdown, multishot accept, send_zc, socket,
 * and setsockopt/bind/listen through the ring). */
#include "zt.h"

/* SOCKET_URING_OP_* (uapi 6.7) may be missing from the installed header */
#ifndef SOCKET_URING_OP_GETSOCKOPT
#define SOCKET_URING_OP_SIOCINQ    0
#define SOCKET_URING_OP_SIOCOUTQ   1
#define SOCKET_URING_OP_GETSOCKOPT 2
#define SOCKET_URING_OP_SETSOCKOPT 3
#endif

/* Zig: test "accept/connect/send/recv" */
static int t_accept_connect_send_recv(void)
{
    RING(r, 16, 0);
    NEED_OP(r, IORING_OP_ACCEPT, "ACCEPT");
    NEED_OP(r, IORING_OP_CONNECT, "CONNECT");
    NEED_OP(r, IORING_OP_SEND, "SEND");
    NEED_OP(r, IORING_OP_RECV, "RECV");
    int srv, cli;
    struct hr_cqe c[2];
    char out[] = "\x01\x00\x01\x01\x00\x00\x00\x01", in[16];
    RUN(zt_ring_tcp_pair(r, &srv, &cli));
    memset(in, 0, sizeof in);

    struct hr_sqe *s = SQE(r);
    hr_prep_send(s, cli, out, 8, 0);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0xeeeeeeee);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_SEND, cli, (uint64_t)(uintptr_t)out, 8, 0);
    e.flags = IOSQE_IO_LINK;
    e.user_data = 0xeeeeeeee;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_recv(s, srv, in, sizeof in, 0);
    hr_sqe_set_data64(s, 0xffffffff);
    CHECK_EQ(hr_submit_and_wait(r, 2), 2);
    WAIT(r, c, 2);
    CHECK_CQE(&c[0], 0xeeeeeeee, 8, 0);
    /* IORING_CQE_F_SOCK_NONEMPTY may be set on the recv: mask it */
    CHECK_EQ(c[1].user_data, 0xffffffff);
    CHECK_EQ(c[1].res, 8);
    CHECK_EQ(c[1].flags & ~(uint32_t)IORING_CQE_F_SOCK_NONEMPTY, 0);
    CHECK(memcmp(out, in, 8) == 0);
    return HR_PASS;
}

/* Zig: test "sendmsg/recvmsg" */
static int t_sendmsg_recvmsg(void)
{
    RING(r, 2, 0);
    NEED_OP(r, IORING_OP_SENDMSG, "SENDMSG");
    NEED_OP(r, IORING_OP_RECVMSG, "RECVMSG");
    struct sockaddr_in sa, ca, from;
    socklen_t al = sizeof sa;
    struct hr_cqe c[2];
    unsigned char out[32], in[32];
    int srv = zt_fd(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    int cli = zt_fd(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    TRYC(srv);
    TRYC(cli);
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ca = sa;
    TRYC(bind(srv, (struct sockaddr *)&sa, sizeof sa));
    TRYC(getsockname(srv, (struct sockaddr *)&sa, &al));
    TRYC(bind(cli, (struct sockaddr *)&ca, sizeof ca));
    al = sizeof ca;
    TRYC(getsockname(cli, (struct sockaddr *)&ca, &al));
    zt_fill(out, sizeof out, 11);
    memset(in, 0, sizeof in);
    memset(&from, 0, sizeof from);

    struct iovec ov = { out, sizeof out }, iv = { in, sizeof in };
    struct msghdr sm = { .msg_name = &sa, .msg_namelen = sizeof sa, .msg_iov = &ov,
                         .msg_iovlen = 1 };
    struct msghdr rm = { .msg_name = &from, .msg_namelen = sizeof from, .msg_iov = &iv,
                         .msg_iovlen = 1 };
    struct hr_sqe *s = SQE(r);
    hr_prep_sendmsg(s, cli, &sm, 0);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0x11111111);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_SENDMSG, cli, (uint64_t)(uintptr_t)&sm, 1, 0);
    e.flags = IOSQE_IO_LINK;
    e.user_data = 0x11111111;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_recvmsg(s, srv, &rm, 0);
    hr_sqe_set_data64(s, 0x22222222);
    e = zt_sqe_expect(IORING_OP_RECVMSG, srv, (uint64_t)(uintptr_t)&rm, 1, 0);
    e.user_data = 0x22222222;
    CHECK_SQE(s, &e);

    CHECK_EQ(hr_sq_ready(r), 2);
    CHECK_EQ(hr_submit_and_wait(r, 2), 2);
    CHECK_EQ(hr_sq_ready(r), 0);
    CHECK_EQ(hr_cq_ready(r), 2);
    CHECK_EQ(hr_copy_cqes(r, c, 2, 0), 2);
    CHECK_EQ(hr_cq_ready(r), 0);
    SKIP_IF_UNSUPPORTED(c[0].res, "IORING_OP_SENDMSG");
    CHECK_CQE(&c[0], 0x11111111, (int)sizeof out, 0);
    CHECK_CQE(&c[1], 0x22222222, (int)sizeof in, 0);
    CHECK(memcmp(out, in, sizeof in) == 0);
    CHECK_EQ(rm.msg_namelen, sizeof from);
    CHECK_EQ(from.sin_port, ca.sin_port);
    CHECK_EQ(from.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
    return HR_PASS;
}

/* Zig: test "shutdown" */
static int t_shutdown(void)
{
    RING(r, 2, 0);
    NEED_OP(r, IORING_OP_SHUTDOWN, "SHUTDOWN");
    struct sockaddr_in a;
    struct hr_cqe c;
    int lfd = zt_tcp_listener(&a);
    TRY(lfd);
    struct hr_sqe *s = SQE(r);
    hr_prep_shutdown(s, lfd, SHUT_RD);
    hr_sqe_set_data64(s, 0x445445445);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_SHUTDOWN, lfd, 0, SHUT_RD, 0);
    e.user_data = 0x445445445;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_SHUTDOWN");
    CHECK_CQE(&c, 0x445445445, 0, 0);

    int u = zt_fd(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    TRYC(u);
    s = SQE(r);
    hr_prep_shutdown(s, u, SHUT_RDWR);
    hr_sqe_set_data64(s, 0x445445446);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    CHECK_CQE(&c, 0x445445446, -ENOTCONN, 0);
    return HR_PASS;
}

/* Zig: test "accept multishot" */
static int t_accept_multishot(void)
{
    RING(r, 4, 0);
    NEED_OP(r, IORING_OP_ACCEPT, "ACCEPT");
    NEED_OP(r, IORING_OP_ASYNC_CANCEL, "ASYNC_CANCEL");
    struct sockaddr_in a;
    struct hr_cqe c, cc[2];
    int lfd = zt_tcp_listener(&a);
    TRY(lfd);
    struct hr_sqe *s = SQE(r);
    hr_prep_multishot_accept(s, lfd, NULL, NULL, 0);
    hr_sqe_set_data64(s, 0xaaaaaaaa);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_ACCEPT, lfd, 0, 0, 0);
    e.ioprio = IORING_ACCEPT_MULTISHOT;
    e.user_data = 0xaaaaaaaa;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);

    for (int i = 0; i < 4; i++) {
        int cfd = zt_tcp_connect(&a);
        TRY(cfd);
        WAIT(r, &c, 1);
        if (i == 0 && (c.res == -EINVAL || c.res == -EOPNOTSUPP))
            SKIP_BECAUSE("kernel lacks multishot accept%s", zt_errname(c.res));
        CHECK_EQ(c.user_data, 0xaaaaaaaa);
        if (c.res < 0)
            FAILF("accept %d: %d%s", i, c.res, zt_errname(c.res));
        zt_fd(c.res);
        CHECK_EQ(c.flags, IORING_CQE_F_MORE);
        /* the accepted socket is this client's peer */
        struct sockaddr_in pa, la;
        socklen_t l1 = sizeof pa, l2 = sizeof la;
        TRYC(getpeername(c.res, (struct sockaddr *)&pa, &l1));
        TRYC(getsockname(cfd, (struct sockaddr *)&la, &l2));
        CHECK_EQ(pa.sin_port, la.sin_port);
        zt_close(c.res);
        zt_close(cfd);
    }
    /* cancel: the final CQE has no F_MORE */
    s = SQE(r);
    hr_prep_cancel64(s, 0xaaaaaaaa, 0);
    hr_sqe_set_data64(s, 0x99999999);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, cc, 2);
    CHECK_CQE(FIND(cc, 2, 0xaaaaaaaa), 0xaaaaaaaa, -ECANCELED, 0);
    CHECK_CQE(FIND(cc, 2, 0x99999999), 0x99999999, 0, 0);
    return HR_PASS;
}

/* Zig: test "accept/connect/send_zc/recv" */
static int t_send_zc(void)
{
    RING(r, 16, 0);
    NEED_OP(r, IORING_OP_ACCEPT, "ACCEPT");
    NEED_OP(r, IORING_OP_CONNECT, "CONNECT");
    NEED_OP(r, IORING_OP_SEND_ZC, "SEND_ZC");
    NEED_OP(r, IORING_OP_RECV, "RECV");
    int srv, cli;
    unsigned char out[64], in[64];
    struct hr_cqe c[3];
    RUN(zt_ring_tcp_pair(r, &srv, &cli));
    zt_fill(out, sizeof out, 30);
    memset(in, 0, sizeof in);

    struct hr_sqe *s = SQE(r);
    hr_prep_send_zc(s, cli, out, sizeof out, 0, 0);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0xeeeeeeee);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_SEND_ZC, cli, (uint64_t)(uintptr_t)out,
                                    sizeof out, 0);
    e.flags = IOSQE_IO_LINK;
    e.user_data = 0xeeeeeeee;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_recv(s, srv, in, sizeof in, 0);
    hr_sqe_set_data64(s, 0xffffffff);
    CHECK_EQ(hr_submit(r), 2);
    WAIT(r, c, 1);
    SKIP_IF_UNSUPPORTED(c[0].res, "IORING_OP_SEND_ZC");
    WAIT(r, c + 1, 2);

    /* send result first (F_MORE), its notification after it (F_NOTIF) */
    int isend = -1, inotif = -1, irecv = -1;
    for (int i = 0; i < 3; i++) {
        if (c[i].user_data == 0xffffffff)
            irecv = i;
        else if (c[i].user_data == 0xeeeeeeee && !(c[i].flags & IORING_CQE_F_NOTIF))
            isend = i;
        else if (c[i].user_data == 0xeeeeeeee)
            inotif = i;
    }
    if (isend < 0 || inotif < 0 || irecv < 0)
        FAILF("CQEs: ud %llx/%llx/%llx flags %x/%x/%x: want send, notif, recv",
              (unsigned long long)c[0].user_data, (unsigned long long)c[1].user_data,
              (unsigned long long)c[2].user_data, c[0].flags, c[1].flags, c[2].flags);
    CHECK(isend < inotif);
    CHECK_CQE(&c[isend], 0xeeeeeeee, (int)sizeof out, IORING_CQE_F_MORE);
    CHECK_CQE(&c[inotif], 0xeeeeeeee, 0, IORING_CQE_F_NOTIF);
    CHECK_EQ(c[irecv].res, (int)sizeof in);
    CHECK_EQ(c[irecv].flags & ~(uint32_t)IORING_CQE_F_SOCK_NONEMPTY, 0);
    CHECK(memcmp(out, in, sizeof in) == 0);
    return HR_PASS;
}

/* Zig: test "socket" */
static int t_socket(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_SOCKET, "SOCKET");
    struct hr_cqe c;
    int type = 0;
    socklen_t tl = sizeof type;
    struct hr_sqe *s = SQE(r);
    hr_prep_socket(s, AF_INET, SOCK_STREAM, 0, 0);
    hr_sqe_set_data64(s, 0x5050);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_SOCKET, AF_INET, 0, 0, SOCK_STREAM);
    e.user_data = 0x5050;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_SOCKET");
    if (c.res < 0)
        FAILF("socket: %d%s", c.res, zt_errname(c.res));
    zt_fd(c.res);
    CHECK_EQ(c.user_data, 0x5050);
    CHECK_EQ(c.flags, 0);
    TRYC(getsockopt(c.res, SOL_SOCKET, SO_TYPE, &type, &tl));
    CHECK_EQ(type, SOCK_STREAM);
    return HR_PASS;
}

/* Zig: test "bind/listen/connect" */
static int cmd_sock(struct hr_ring *r, uint32_t op, int fd, int level, int optname,
                    void *optval, int optlen, uint8_t flags, uint64_t ud)
{
    struct hr_sqe *s = SQE(r);
    hr_prep_cmd_sock(s, (int)op, fd, level, optname, optval, optlen);
    hr_sqe_set_flags(s, flags);
    hr_sqe_set_data64(s, ud);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_URING_CMD, fd,
                                    (uint64_t)(uint32_t)level | (uint64_t)(uint32_t)optname << 32,
                                    0, op);
    e.file_index = (uint32_t)optlen;
    e.addr3 = (uint64_t)(uintptr_t)optval;
    e.flags = flags;
    e.user_data = ud;
    CHECK_SQE(s, &e);
    return HR_PASS;
}

static int t_bind_listen_connect(void)
{
    RING(r, 8, 0);
    struct hr_cqe c[5];
    int p = zt_op_supported(r, HR_OP_LISTEN);
    if (p == 0)
        SKIP_BECAUSE("kernel lacks IORING_OP_LISTEN (probe)");
    if (p < 0)
        FAILF("IORING_REGISTER_PROBE failed");
    NEED_OP(r, HR_OP_BIND, "BIND");
    NEED_OP(r, IORING_OP_URING_CMD, "URING_CMD");
    NEED_OP(r, IORING_OP_SOCKET, "SOCKET");

    /* the listening socket, made and set up through the ring */
    struct hr_sqe *s = SQE(r);
    hr_prep_socket(s, AF_INET, SOCK_STREAM, 0, 0);
    hr_sqe_set_data64(s, 1);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, c, 1);
    if (c[0].res < 0)
        FAILF("socket: %d%s", c[0].res, zt_errname(c[0].res));
    int lfd = zt_fd(c[0].res);

    int one = 1;
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    RUN(cmd_sock(r, SOCKET_URING_OP_SETSOCKOPT, lfd, SOL_SOCKET, SO_REUSEADDR, &one,
                 sizeof one, IOSQE_IO_LINK, 2));
    RUN(cmd_sock(r, SOCKET_URING_OP_SETSOCKOPT, lfd, SOL_SOCKET, SO_REUSEPORT, &one,
                 sizeof one, IOSQE_IO_LINK, 3));
    s = SQE(r);
    hr_prep_bind(s, lfd, (struct sockaddr *)&a, sizeof a);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 4);
    struct hr_sqe e = zt_sqe_expect(HR_OP_BIND, lfd, (uint64_t)(uintptr_t)&a, 0, sizeof a);
    e.flags = IOSQE_IO_LINK;
    e.user_data = 4;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_listen(s, lfd, 128);
    hr_sqe_set_data64(s, 5);
    e = zt_sqe_expect(HR_OP_LISTEN, lfd, 0, 128, 0);
    e.user_data = 5;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 4);
    WAIT(r, c, 4);
    for (int i = 0; i < 4; i++)
        CHECK_CQE(&c[i], (uint64_t)i + 2, 0, 0);

    /* GETSOCKOPT through the ring reads back SO_REUSEADDR */
    int val = 0;
    RUN(cmd_sock(r, SOCKET_URING_OP_GETSOCKOPT, lfd, SOL_SOCKET, SO_REUSEADDR, &val,
                 sizeof val, 0, 6));
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, c, 1);
    CHECK_CQE(&c[0], 6, (int)sizeof val, 0);
    CHECK_EQ(val, 1);

    socklen_t al = sizeof a;
    TRYC(getsockname(lfd, (struct sockaddr *)&a, &al));
    CHECK(a.sin_port != 0);
    int acc = 0;
    TRYC(getsockopt(lfd, SOL_SOCKET, SO_ACCEPTCONN, &acc, &al));
    CHECK_EQ(acc, 1);

    /* a client socket through the ring; accept + connect */
    s = SQE(r);
    hr_prep_socket(s, AF_INET, SOCK_STREAM, 0, 0);
    hr_sqe_set_data64(s, 7);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, c, 1);
    if (c[0].res < 0)
        FAILF("socket: %d%s", c[0].res, zt_errname(c[0].res));
    int cfd = zt_fd(c[0].res);
    s = SQE(r);
    hr_prep_accept(s, lfd, NULL, NULL, 0);
    hr_sqe_set_data64(s, 8);
    s = SQE(r);
    hr_prep_connect(s, cfd, (struct sockaddr *)&a, sizeof a);
    hr_sqe_set_data64(s, 9);
    CHECK_EQ(hr_submit(r), 2);
    WAIT(r, c, 2);
    const struct hr_cqe *ac = FIND(c, 2, 8);
    if (ac->res < 0)
        FAILF("accept: %d%s", ac->res, zt_errname(ac->res));
    int sfd = zt_fd(ac->res);
    CHECK_CQE(FIND(c, 2, 9), 9, 0, 0);

    /* send / recv both ways */
    for (int dir = 0; dir < 2; dir++) {
        unsigned char out[24], in[24];
        zt_fill(out, sizeof out, 410 + (unsigned)dir);
        memset(in, 0, sizeof in);
        s = SQE(r);
        hr_prep_send(s, dir ? sfd : cfd, out, sizeof out, 0);
        hr_sqe_set_flags(s, IOSQE_IO_LINK);
        hr_sqe_set_data64(s, 10);
        s = SQE(r);
        hr_prep_recv(s, dir ? cfd : sfd, in, sizeof in, MSG_WAITALL);
        hr_sqe_set_data64(s, 11);
        CHECK_EQ(hr_submit(r), 2);
        WAIT(r, c, 2);
        CHECK_CQE(&c[0], 10, (int)sizeof out, 0);
        CHECK_EQ(c[1].user_data, 11);
        CHECK_EQ(c[1].res, (int)sizeof in);
        CHECK(memcmp(out, in, sizeof in) == 0);
    }

    /* linked SHUTDOWN -> CLOSE of the client; the server then reads EOF */
    s = SQE(r);
    hr_prep_shutdown(s, cfd, SHUT_WR);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 12);
    s = SQE(r);
    hr_prep_close(s, cfd);
    hr_sqe_set_data64(s, 13);
    CHECK_EQ(hr_submit(r), 2);
    WAIT(r, c, 2);
    CHECK_CQE(&c[0], 12, 0, 0);
    CHECK_CQE(&c[1], 13, 0, 0);
    zt_untrack(cfd);
    char b;
    s = SQE(r);
    hr_prep_recv(s, sfd, &b, 1, 0);
    hr_sqe_set_data64(s, 14);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, c, 1);
    /* EOF; TCP reports "readable" (F_SOCK_NONEMPTY) on a finished stream */
    CHECK_EQ(c[0].user_data, 14);
    CHECK_EQ(c[0].res, 0);
    CHECK_EQ(c[0].flags & ~(uint32_t)IORING_CQE_F_SOCK_NONEMPTY, 0);
    return HR_PASS;
}

const struct hr_case zig_sockets_cases[] = {
    { "accept+connect, linked send+recv over TCP: bytes arrive", t_accept_connect_send_recv },
    { "sendmsg+recvmsg over UDP: bytes and the sender's address", t_sendmsg_recvmsg },
    { "shutdown: of a listener 0, of an unconnected socket -ENOTCONN", t_shutdown },
    { "multishot accept: 4 clients with F_MORE; cancel ends it", t_accept_multishot },
    { "send_zc: result with F_MORE, then F_NOTIF; recv gets the bytes", t_send_zc },
    { "socket: makes a SOCK_STREAM socket", t_socket },
    { "socket, setsockopt, bind, listen through the ring; data both ways; shutdown+close",
      t_bind_listen_connect },
};
const int zig_sockets_ncases = ZT_NCASES(zig_sockets_cases);
