/* liburing/io_uring/bpf_filter.h (hringas-c compat) -- classic-BPF request
 * filters (IORING_REGISTER_BPF_FILTER), as liburing 2.15 ships it beside
 * its uapi header.  Values and layouts are the kernel ABI's.  The
 * registration call itself (io_uring_register_bpf_filter) is not provided:
 * see DIFFERENCES.md. */
#ifndef LINUX_IO_URING_BPF_FILTER_H
#define LINUX_IO_URING_BPF_FILTER_H

#include <linux/types.h>

/* what a filter program sees of a request */
struct io_uring_bpf_ctx {
    __u64 user_data;
    __u8  opcode;
    __u8  sqe_flags;
    __u8  pdu_size;                 /* bytes of per-opcode data below */
    __u8  pad[5];
    union {
        struct {
            __u32 family;
            __u32 type;
            __u32 protocol;
        } socket;
        struct {
            __u64 flags;
            __u64 mode;
            __u64 resolve;
        } open;
    };
};

enum {
    IO_URING_BPF_FILTER_DENY_REST       = 1,    /* deny opcodes without a filter */
    IO_URING_BPF_FILTER_SZ_STRICT       = 2,    /* pdu_size must match the kernel's */
};

struct io_uring_bpf_filter {
    __u32 opcode;                   /* IORING_OP_* filtered */
    __u32 flags;                    /* IO_URING_BPF_FILTER_* */
    __u32 filter_len;               /* BPF instructions */
    __u8  pdu_size;
    __u8  resv[3];
    __u64 filter_ptr;               /* struct sock_filter * */
    __u64 resv2[5];
};

enum {
    IO_URING_BPF_CMD_FILTER             = 1,
};

struct io_uring_bpf {
    __u16 cmd_type;                 /* IO_URING_BPF_CMD_* */
    __u16 cmd_flags;
    __u32 resv;
    union {
        struct io_uring_bpf_filter filter;
    };
};

#endif
