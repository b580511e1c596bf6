/* hr_recvmsg_spec.h -- contracts of the multishot recvmsg parsers (bodies:
 * core/hr_recvmsg.h, proved by WP in proofs unit `recvmsg`).
 *
 * A multishot IORING_OP_RECVMSG CQE (IORING_RECV_MULTISHOT, a provided
 * buffer) fills the buffer as
 *
 *     offset 0             struct io_uring_recvmsg_out  (16 bytes: namelen,
 *                          controllen, payloadlen, flags -- kernel-written)
 *     16                   name area:    NL bytes  (NL = msg_namelen asked)
 *     16 + NL              control area: CL bytes  (CL = msg_controllen asked)
 *     16 + NL + CL         payload, up to the CQE's res bytes in all
 *
 * Everything below is stated for ANY bytes in the buffer: the contracts hold
 * whatever the kernel (or anyone) wrote.  The only input that must be right
 * is the extent: buf_len (the CQE's res) readable bytes at buf.
 *
 * The buffer is read as char: void * and char * are one type to WP's memory
 * model, so no pointer cast is left unproved (a cast to a struct pointer is
 * one WP cannot follow).  Multi-byte fields are read byte by byte,
 * little-endian (every target of this library is: x86_64, aarch64, riscv64;
 * core/hr_recvmsg.h refuses a big-endian build).
 *
 * Control messages: struct cmsghdr is { size_t cmsg_len; int cmsg_level;
 * int cmsg_type; } -- 16 bytes on LP64, cmsg_len little-endian u64 at
 * offset 0 -- and the next one starts CMSG_ALIGN(cmsg_len) bytes later,
 * CMSG_ALIGN rounding up to a multiple of sizeof(size_t) == 8.  The constants
 * are defined in core/hr_recvmsg.h (no libc there) and checked against
 * <sys/socket.h> by tests/recvmsg_unit.c.
 */
#ifndef HRINGAS_SPEC_RECVMSG_H
#define HRINGAS_SPEC_RECVMSG_H

/*@
  // Byte i of the buffer, as the unsigned value C's (uint8_t) conversion gives.
  logic integer rm_byte{L}(char *b, integer i) = (uint8_t)b[i];

  // The little-endian u32 at offset i.
  logic integer rm_u32{L}(char *b, integer i) =
    rm_byte(b, i) + 256 * rm_byte(b, i + 1) + 65536 * rm_byte(b, i + 2) +
    16777216 * rm_byte(b, i + 3);

  // The layout the caller's msghdr asked for fits in the len bytes.
  predicate rm_fits(integer len, integer namelen, integer controllen) =
    16 + namelen + controllen <= len;

  // Offset of the control area.
  logic integer rm_cstart(integer namelen) = 16 + namelen;

  // Bytes of control data: the kernel's io_uring_recvmsg_out.controllen
  // (u32 at offset 4), never more than the control area asked for.
  logic integer rm_clen{L}(char *b, integer controllen) =
    rm_u32(b, 4) < controllen ? rm_u32(b, 4) : controllen;

  // cmsg_len (a little-endian u64) of the cmsg at control offset c.
  logic integer rm_cmsg_len{L}(char *b, integer namelen, integer c) =
    rm_u32(b, rm_cstart(namelen) + c) +
    4294967296 * rm_u32(b, rm_cstart(namelen) + c + 4);

  // A usable cmsg at control offset c of control data clen bytes long: its
  // 16-byte header lies inside, and so do its cmsg_len bytes (at least a
  // header's).  The caller may read the header and cmsg_len - 16 data bytes.
  predicate rm_cmsg_in{L}(char *b, integer namelen, integer clen, integer c) =
    0 <= c && c + 16 <= clen && 16 <= rm_cmsg_len(b, namelen, c) <= clen - c;

  // The same for the control data of this buffer (rm_clen).
  predicate rm_cmsg_ok{L}(char *b, integer namelen, integer controllen,
                          integer c) =
    rm_cmsg_in(b, namelen, rm_clen(b, controllen), c);

  // CMSG_ALIGN: round up to a multiple of sizeof(size_t) == 8.
  logic integer rm_align(integer n) = (n + 7) / 8 * 8;

  // Control offset of the cmsg after the one at c.
  logic integer rm_next{L}(char *b, integer namelen, integer c) =
    c + rm_align(rm_cmsg_len(b, namelen, c));

  // Control offset of a pointer into the buffer.
  logic integer rm_cpos(char *p, char *b, integer namelen) =
    (p - b) - rm_cstart(namelen);

  // buf_len readable bytes at buf (none when buf_len <= 0).
  predicate rm_buf{L}(char *buf, integer len) =
    len <= 0 || \valid_read(buf + (0 .. len - 1));
*/

/* Little-endian u32 at b + at (helper of the parsers). */
/*@ requires at <= 0x7ffffffc && \valid_read(b + (at .. at + 3));
    assigns \nothing;
    ensures \result == rm_u32(b, at);
*/
static inline uint32_t hr__rm_u32(const char *b, uint32_t at);

/* 1 if 16 + namelen + controllen <= buf_len (helper). */
/*@ assigns \nothing;
    ensures \result != 0 <==> rm_fits(buf_len, namelen, controllen);
*/
static inline int hr__rm_fits(int32_t buf_len, uint32_t namelen,
                              uint32_t controllen);

/* Bytes of control data: min(kernel's controllen, asked controllen). */
/*@ requires \valid_read(b + (4 .. 7));
    assigns \nothing;
    ensures \result == rm_clen(b, controllen);
*/
static inline uint32_t hr__rm_clen(const char *b, uint32_t controllen);

/* The cmsg_len of a usable cmsg at control offset c of clen bytes, else 0
   (helper; a usable one has cmsg_len >= 16). */
/*@ requires \valid_read(b + (0 .. 16 + namelen + clen - 1));
    requires 16 + namelen + clen < 0x80000000;
    assigns \nothing;
    ensures \result != 0 <==> rm_cmsg_in(b, namelen, clen, c);
    ensures \result != 0 ==> \result == rm_cmsg_len(b, namelen, c);
*/
static inline uint32_t hr__rm_cmsg_ok(const char *b, uint32_t namelen,
                                      uint32_t clen, uint32_t c);

/*@ requires rm_buf((char *)buf, buf_len);
    assigns \nothing;
    ensures fits: \result != \null <==> rm_fits(buf_len, namelen, controllen);
    ensures at: \result == \null || \result == buf;
*/
static inline void *hr_recvmsg_validate(void *buf, int32_t buf_len,
                                        uint32_t namelen, uint32_t controllen);

/*@ requires rm_buf((char *)buf, buf_len);
    assigns \nothing;
    ensures fits: \result != \null <==> rm_fits(buf_len, namelen, controllen);
    ensures at: \result == \null || \result == (char *)buf + 16;
*/
static inline void *hr_recvmsg_name(void *buf, int32_t buf_len,
                                    uint32_t namelen, uint32_t controllen);

/*@ requires rm_buf((char *)buf, buf_len);
    assigns \nothing;
    ensures ok: \result != \null <==> (rm_fits(buf_len, namelen, controllen) &&
                                       rm_cmsg_ok((char *)buf, namelen, controllen, 0));
    ensures at: \result == \null || \result == (char *)buf + rm_cstart(namelen);
*/
static inline void *hr_recvmsg_cmsg_firsthdr(void *buf, int32_t buf_len,
                                             uint32_t namelen,
                                             uint32_t controllen);

/* cmsg: any position in the buffer (normally a cmsg returned by
   hr_recvmsg_cmsg_firsthdr / _nexthdr of the same buffer). */
/*@ requires rm_buf((char *)buf, buf_len);
    requires cmsg_in: \base_addr((char *)cmsg) == \base_addr((char *)buf) &&
             (char *)buf <= (char *)cmsg <= (char *)buf + buf_len;
    assigns \nothing;
    behavior next:
      assumes rm_fits(buf_len, namelen, controllen) &&
              rm_cmsg_ok((char *)buf, namelen, controllen,
                         rm_cpos((char *)cmsg, (char *)buf, namelen)) &&
              rm_cmsg_ok((char *)buf, namelen, controllen,
                         rm_next((char *)buf, namelen,
                                 rm_cpos((char *)cmsg, (char *)buf, namelen)));
      ensures at: \result == (char *)buf + rm_cstart(namelen) +
                  rm_next((char *)buf, namelen,
                          rm_cpos((char *)cmsg, (char *)buf, namelen));
      ensures forward: (char *)cmsg + 16 <= (char *)\result;
    behavior none:
      assumes !(rm_fits(buf_len, namelen, controllen) &&
              rm_cmsg_ok((char *)buf, namelen, controllen,
                         rm_cpos((char *)cmsg, (char *)buf, namelen)) &&
              rm_cmsg_ok((char *)buf, namelen, controllen,
                         rm_next((char *)buf, namelen,
                                 rm_cpos((char *)cmsg, (char *)buf, namelen))));
      ensures \result == \null;
    complete behaviors;
    disjoint behaviors;
*/
static inline void *hr_recvmsg_cmsg_nexthdr(void *buf, int32_t buf_len,
                                            uint32_t namelen,
                                            uint32_t controllen,
                                            const void *cmsg);

/*@ requires rm_buf((char *)buf, buf_len);
    assigns \nothing;
    ensures fits: \result != \null <==> rm_fits(buf_len, namelen, controllen);
    ensures at: \result == \null ||
                \result == (char *)buf + rm_cstart(namelen) + controllen;
*/
static inline void *hr_recvmsg_payload(void *buf, int32_t buf_len,
                                       uint32_t namelen, uint32_t controllen);

/*@ assigns \nothing;
    ensures fits: rm_fits(buf_len, namelen, controllen) ==>
                  \result == buf_len - rm_cstart(namelen) - controllen;
    ensures none: !rm_fits(buf_len, namelen, controllen) ==> \result == 0;
*/
static inline uint32_t hr_recvmsg_payload_length(const void *buf,
                                                 int32_t buf_len,
                                                 uint32_t namelen,
                                                 uint32_t controllen);

#endif
