/* liburing/io_uring/query.h (hringas-c compat) -- the io_uring query
 * interface (IORING_REGISTER_QUERY, kernel 6.18), as liburing 2.15 ships it
 * beside its uapi header.  Values and layouts are the kernel ABI's. */
#ifndef LINUX_IO_URING_QUERY_H
#define LINUX_IO_URING_QUERY_H

#include <linux/types.h>

/* one query in a chain (next_entry: the next header, or 0) */
struct io_uring_query_hdr {
    __u64 next_entry;
    __u64 query_data;
    __u32 query_op;                 /* IO_URING_QUERY_* */
    __u32 size;
    __s32 result;
    __u32 __resv[3];
};

enum {
    IO_URING_QUERY_OPCODES              = 0,
    IO_URING_QUERY_ZCRX                 = 1,
    IO_URING_QUERY_SCQ                  = 2,

    __IO_URING_QUERY_MAX,
};

/* IO_URING_QUERY_OPCODES (no ring needed) */
struct io_uring_query_opcode {
    __u32 nr_request_opcodes;       /* IORING_OP_* supported */
    __u32 nr_register_opcodes;      /* IORING_[UN]REGISTER_* supported */
    __u64 feature_flags;            /* IORING_FEAT_* */
    __u64 ring_setup_flags;         /* IORING_SETUP_* */
    __u64 enter_flags;              /* IORING_ENTER_* */
    __u64 sqe_flags;                /* IOSQE_* */
    __u32 nr_query_opcodes;
    __u32 __pad;
};

/* IO_URING_QUERY_ZCRX */
struct io_uring_query_zcrx {
    __u64 register_flags;           /* ZCRX_REG_* */
    __u64 area_flags;               /* IORING_ZCRX_AREA_* */
    __u32 nr_ctrl_opcodes;          /* ZCRX_CTRL_* */
    __u32 features;                 /* ZCRX_FEATURE_* */
    __u32 rq_hdr_size;
    __u32 rq_hdr_alignment;
    __u64 __resv2;
};

/* IO_URING_QUERY_SCQ */
struct io_uring_query_scq {
    __u64 hdr_size;                 /* SQ/CQ ring header size */
    __u64 hdr_alignment;
};

#endif
