/* hr_recvmsg.h -- parsers of multishot recvmsg buffers, static inline.
 * Contracts and the buffer layout: specs/hr_recvmsg_spec.h.  Proved by WP in
 * proofs unit `recvmsg`: no function reads outside [buf, buf + buf_len),
 * whatever lengths the kernel wrote into the buffer.
 *
 * liburing's io_uring_recvmsg_* take the struct msghdr the request was
 * prepared with and trust the lengths in the buffer.  Ours take, in its
 * place, the two numbers of it that matter -- msg_namelen and msg_controllen
 * as the caller set them -- plus the buffer and its length (the CQE's res),
 * and check every length they use:
 *   - every function returns NULL (payload_length: 0) unless
 *     16 + namelen + controllen <= buf_len (liburing: only validate checks);
 *   - the control data is min(out->controllen, controllen) bytes (liburing
 *     trusts out->controllen);
 *   - a cmsg is returned only if its 16-byte header AND its cmsg_len bytes
 *     lie inside the control data and cmsg_len >= 16 (liburing's firsthdr
 *     checks neither, its nexthdr wants CMSG_ALIGN(cmsg_len) inside), so the
 *     caller may read cmsg_len - 16 data bytes -- also of a cmsg the kernel
 *     truncated (MSG_CTRUNC), whose cmsg_len is what it could write;
 *   - validate returns void * (the buffer), not struct io_uring_recvmsg_out *,
 *     and name / firsthdr / nexthdr / payload take the buffer rather than
 *     that struct: C converts void * both ways, so liburing-style code reads
 *     the same; WP cannot follow a pointer cast to a struct type.
 * The name area holds min(out->namelen, namelen) bytes of the sender's
 * address (out->namelen > namelen: truncated).  Control messages start at
 * buf + 16 + namelen: with a namelen that is not a multiple of 8 (e.g.
 * sizeof(struct sockaddr_in6) == 28) they are misaligned for struct cmsghdr
 * (copy the header out, or ask for a namelen rounded up to 8).
 *
 * Walking the control messages, as with liburing:
 *     for (struct cmsghdr *c = hr_recvmsg_cmsg_firsthdr(buf, res, nl, cl); c;
 *          c = hr_recvmsg_cmsg_nexthdr(buf, res, nl, cl, c))
 *         ...
 * Each step moves forward by at least 16 bytes, so the walk ends.
 */
#ifndef HRINGAS_RECVMSG_H
#define HRINGAS_RECVMSG_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

#include "hr_abi.h"
#include "hr_recvmsg_spec.h"

/* Layout constants (LP64: x86_64, aarch64, riscv64).  The cmsghdr ones are
 * checked against <sys/socket.h> in tests/recvmsg_unit.c (no libc here). */
#define HR_RECVMSG_OUT_SIZE  16u  /* sizeof(struct io_uring_recvmsg_out) */
#define HR_CMSG_HDR_SIZE     16u  /* sizeof(struct cmsghdr)              */
#define HR_CMSG_LEN_SIZE      8u  /* sizeof(cmsg_len) == sizeof(size_t)  */
#define HR_CMSG_ALIGN_TO      8u  /* CMSG_ALIGN rounds up to sizeof(size_t) */

HR_STATIC_ASSERT(sizeof(struct io_uring_recvmsg_out) == HR_RECVMSG_OUT_SIZE,
               "io_uring_recvmsg_out size");
HR_STATIC_ASSERT(offsetof(struct io_uring_recvmsg_out, namelen) == 0, "namelen");
HR_STATIC_ASSERT(offsetof(struct io_uring_recvmsg_out, controllen) == 4, "controllen");
HR_STATIC_ASSERT(offsetof(struct io_uring_recvmsg_out, payloadlen) == 8, "payloadlen");
HR_STATIC_ASSERT(offsetof(struct io_uring_recvmsg_out, flags) == 12, "flags");
HR_STATIC_ASSERT(sizeof(size_t) == HR_CMSG_LEN_SIZE, "LP64 only: cmsg_len is 8 bytes");
#ifdef __BYTE_ORDER__
HR_STATIC_ASSERT(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
                 "hr_recvmsg.h reads the kernel's fields little-endian");
#endif

/* Little-endian u32 at b + at.  Sums, not shifts and ors, so that WP can
   relate it to the bytes; no term overflows (the total is < 2^32). */
static inline uint32_t hr__rm_u32(const char *b, uint32_t at)
{
    return (uint32_t)(uint8_t)b[at] + 256u * (uint8_t)b[at + 1u] +
           65536u * (uint8_t)b[at + 2u] + 16777216u * (uint8_t)b[at + 3u];
}

static inline int hr__rm_fits(int32_t buf_len, uint32_t namelen,
                              uint32_t controllen)
{
    /* u64: the sum of two u32 cannot wrap */
    return buf_len >= (int32_t)HR_RECVMSG_OUT_SIZE &&
           (uint64_t)namelen + controllen <=
               (uint64_t)(buf_len - (int32_t)HR_RECVMSG_OUT_SIZE);
}

static inline uint32_t hr__rm_clen(const char *b, uint32_t controllen)
{
    const uint32_t k = hr__rm_u32(b, 4u);   /* io_uring_recvmsg_out.controllen */

    return k < controllen ? k : controllen;
}

static inline uint32_t hr__rm_cmsg_ok(const char *b, uint32_t namelen,
                                      uint32_t clen, uint32_t c)
{
    uint32_t at, hi, lo;

    if (c > clen || clen - c < HR_CMSG_HDR_SIZE)
        return 0;
    at = HR_RECVMSG_OUT_SIZE + namelen + c;
    /*@ assert at == rm_cstart(namelen) + c; */
    /* cmsg_len is a u64: its upper half must be 0, its lower half in
       [16, bytes left] */
    hi = hr__rm_u32(b, at + 4u);
    lo = hr__rm_u32(b, at);
    /*@ assert len: rm_cmsg_len(b, namelen, c) == lo + 4294967296 * hi; */
    if (hi != 0) {
        /*@ assert rm_cmsg_len(b, namelen, c) >= 4294967296; */
        return 0;
    }
    /*@ assert rm_cmsg_len(b, namelen, c) == lo; */
    return lo >= HR_CMSG_HDR_SIZE && lo <= clen - c ? lo : 0;
}

/* Check that the buffer of a multishot recvmsg CQE (buf_len = its res) holds
   the header, name and control areas the msghdr asked for (namelen,
   controllen = its msg_namelen, msg_controllen).  Returns buf (read it as a
   struct io_uring_recvmsg_out *), or NULL.  Matches
   io_uring_recvmsg_validate in liburing, which takes the struct msghdr * and
   returns struct io_uring_recvmsg_out *. */
static inline void *hr_recvmsg_validate(void *buf, int32_t buf_len,
                                        uint32_t namelen, uint32_t controllen)
{
    return hr__rm_fits(buf_len, namelen, controllen) ? buf : NULL;
}

/* The sender's address in a multishot recvmsg buffer: buf + 16, whose
   min(out->namelen, namelen) bytes were written.  Returns NULL if the buffer
   fails hr_recvmsg_validate.  Matches io_uring_recvmsg_name in liburing,
   which takes the struct io_uring_recvmsg_out * and never fails. */
static inline void *hr_recvmsg_name(void *buf, int32_t buf_len,
                                    uint32_t namelen, uint32_t controllen)
{
    char *const b = (char *)buf;

    return hr__rm_fits(buf_len, namelen, controllen) ? b + HR_RECVMSG_OUT_SIZE
                                                     : NULL;
}

/* The first control message (a struct cmsghdr *) of a multishot recvmsg
   buffer, at buf + 16 + namelen.  Returns NULL if the buffer fails
   hr_recvmsg_validate or no usable cmsg is there: header and cmsg_len bytes
   (>= 16) within min(out->controllen, controllen).  Matches
   io_uring_recvmsg_cmsg_firsthdr in liburing, which checks only
   out->controllen >= 16. */
static inline void *hr_recvmsg_cmsg_firsthdr(void *buf, int32_t buf_len,
                                             uint32_t namelen,
                                             uint32_t controllen)
{
    char *const b = (char *)buf;

    if (!hr__rm_fits(buf_len, namelen, controllen))
        return NULL;
    if (!hr__rm_cmsg_ok(b, namelen, hr__rm_clen(b, controllen), 0))
        return NULL;
    return b + HR_RECVMSG_OUT_SIZE + namelen;
}

/* The control message after cmsg, CMSG_ALIGN(cmsg->cmsg_len) bytes on;
   cmsg must point into the buffer, [buf, buf + buf_len] (normally the last
   result of hr_recvmsg_cmsg_firsthdr / _nexthdr on the same buffer).
   Returns NULL if the buffer fails hr_recvmsg_validate, cmsg is not a usable
   cmsg of this buffer, or the next one is not (same test as
   hr_recvmsg_cmsg_firsthdr).  Matches io_uring_recvmsg_cmsg_nexthdr in
   liburing, which trusts out->controllen and the current cmsg_len. */
static inline void *hr_recvmsg_cmsg_nexthdr(void *buf, int32_t buf_len,
                                            uint32_t namelen,
                                            uint32_t controllen,
                                            const void *cmsg)
{
    char *const b = (char *)buf;
    const char *const p = (const char *)cmsg;
    const char *ctl;
    uint32_t clen, c, len, next;

    if (!hr__rm_fits(buf_len, namelen, controllen))
        return NULL;
    ctl = b + HR_RECVMSG_OUT_SIZE + namelen;
    if (p < ctl)
        return NULL;
    clen = hr__rm_clen(b, controllen);
    if (p - ctl > (ptrdiff_t)clen)
        return NULL;
    c = (uint32_t)(p - ctl);
    /*@ assert c == rm_cpos((char *)p, b, namelen); */
    len = hr__rm_cmsg_ok(b, namelen, clen, c);
    if (!len)
        return NULL;
    /* cmsg_len <= clen - c < 2^31: aligning it cannot wrap */
    next = c + (len + (HR_CMSG_ALIGN_TO - 1u)) / HR_CMSG_ALIGN_TO * HR_CMSG_ALIGN_TO;
    /*@ assert next == rm_next(b, namelen, c) && next >= c + 16; */
    if (!hr__rm_cmsg_ok(b, namelen, clen, next))
        return NULL;
    return b + HR_RECVMSG_OUT_SIZE + namelen + next;
}

/* The payload of a multishot recvmsg buffer: buf + 16 + namelen +
   controllen.  Returns NULL if the buffer fails hr_recvmsg_validate.
   Matches io_uring_recvmsg_payload in liburing, which never fails. */
static inline void *hr_recvmsg_payload(void *buf, int32_t buf_len,
                                       uint32_t namelen, uint32_t controllen)
{
    char *const b = (char *)buf;

    if (!hr__rm_fits(buf_len, namelen, controllen))
        return NULL;
    return b + HR_RECVMSG_OUT_SIZE + namelen + controllen;
}

/* Payload bytes in the buffer: buf_len - 16 - namelen - controllen
   (out->payloadlen is what recvmsg returned: with MSG_TRUNC in the
   request's flags, the datagram's size, which may be larger).  Returns
   0 if the buffer fails hr_recvmsg_validate.  Matches
   io_uring_recvmsg_payload_length in liburing, which returns 0 only for
   buf_len < 0 (and a wrapped difference for a buffer too short). */
static inline uint32_t hr_recvmsg_payload_length(const void *buf,
                                                 int32_t buf_len,
                                                 uint32_t namelen,
                                                 uint32_t controllen)
{
    (void)buf;
    if (!hr__rm_fits(buf_len, namelen, controllen))
        return 0;
    return (uint32_t)buf_len - HR_RECVMSG_OUT_SIZE - namelen - controllen;
}

HR_END_DECLS
#endif
