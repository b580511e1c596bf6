/* hr_mem.h -- rings in caller memory (IORING_SETUP_NO_MMAP, kernel 6.5+).
 * Bodies: core/mem.c (proved, unit `mem`); contracts: specs/hr_mem_spec.h. */
#ifndef HRINGAS_MEM_H
#define HRINGAS_MEM_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

#include "hr_abi.h"
#include "hr_types.h"
#include "hr_setup.h"

/* The page size the kernel aligns both regions to.  The freestanding core
 * cannot ask the kernel for it, so it is a build constant: 4096, the page
 * size of the default x86_64, aarch64 and riscv64 kernels.  Build with
 * -DHR_PAGE_SIZE=16384 (or 65536) for an aarch64 kernel with larger pages:
 * with a constant smaller than the kernel's page, hr_ring_init_mem gets
 * -EINVAL from the kernel (its regions must start on a kernel page), never
 * a ring outside the buffer. */
#ifndef HR_PAGE_SIZE
#define HR_PAGE_SIZE 4096u
#endif
/* offsetof(struct io_rings, cqes): the ring header the kernel puts before
 * the CQEs (48 bytes of words, cqes[] cache-line aligned), and
 * SMP_CACHE_BYTES, the alignment of the SQ array after the CQEs: 64 on
 * x86_64, aarch64 and riscv64.  Checked live against cq_off.cqes and
 * sq_off.array (suite `mem`). */
#define HR_KRING_HDR       64u
#define HR_SMP_CACHE_BYTES 64u
/* More than any NO_MMAP ring needs (32768 SQE128 SQEs and 65536 CQE32
 * CQEs with the SQ array: 6426624 bytes with 4 KiB pages). */
#define HR_MEM_MAX 0x800000
#ifndef HR_ENOMEM
#define HR_ENOMEM 12
#endif

#include "hr_mem_spec.h"

/* Bytes of caller memory a ring of `entries` SQEs set up from *p
 * (p->flags, and p->cq_entries with IORING_SETUP_CQSIZE) needs with
 * IORING_SETUP_NO_MMAP: the SQEs (128 bytes each with SQE128), rounded up
 * to a page, then the rings (the kernel's struct io_rings header, the CQEs,
 * 32 bytes each with CQE32, and the SQ array unless NO_SQARRAY), rounded up
 * to a page.  Entry counts are clamped (CLAMP) and rounded up to a power of
 * two as the kernel does.  Every byte the kernel pins is inside (proved
 * against the kernel's formula, K-NOMMAP in specs/TRUSTED.md); liburing
 * 2.15 computes a slightly different (not larger) figure for CQE32 and the
 * SQ array.
 * Returns the size (at most HR_MEM_MAX), or -EINVAL (0 entries, too many
 * without CLAMP, CQSIZE with 0 CQ entries or fewer CQ than SQ entries).
 * Matches io_uring_memory_size_params in liburing. */
long hr_ring_memory_size_params(uint32_t entries, const struct io_uring_params *p);

/* hr_ring_memory_size_params with only IORING_SETUP_* `flags` set.
 * Returns the size or -EINVAL, as hr_ring_memory_size_params.
 * Matches io_uring_memory_size in liburing. */
long hr_ring_memory_size(uint32_t entries, uint32_t flags);

/* Set up a ring as hr_ring_init_params does, with IORING_SETUP_NO_MMAP:
 * the kernel puts the SQEs at buf and the rings at the next page boundary
 * after them, inside buf[0 .. buf_size - 1] (proved); nothing is mmapped.
 * buf must be page-aligned (HR_PAGE_SIZE; the kernel checks it: -EINVAL),
 * stay valid and unused by anything else until hr_ring_exit, and be
 * disjoint from *r and *p.  Tries IORING_SETUP_NO_SQARRAY first and falls
 * back without it (kernel 6.5).  p->flags gains IORING_SETUP_NO_MMAP; *p
 * receives the kernel's answer.  On kernels before 6.13 the kernel accepts
 * a region of more than one page only if it lies in one huge page (folio).
 * Returns the number of bytes of buf used (hr_ring_memory_size_params of
 * the request, > 0), or -EINVAL (bad entries or flags, or a kernel without
 * NO_MMAP), -ENOMEM (buf_size smaller than needed: no system call is made),
 * -EIO (the kernel's answer is inconsistent: the ring fd is closed) or the
 * kernel's -errno; on failure r->ring_fd is -1 and no fd stays open.
 * hr_ring_exit on such a ring closes the fd and leaves buf alone.
 * Matches io_uring_queue_init_mem in liburing (which also returns the
 * bytes used). */
int hr_ring_init_mem(struct hr_ring *r, uint32_t entries, struct io_uring_params *p,
                     void *buf, size_t buf_size);

HR_END_DECLS
#endif
