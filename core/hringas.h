/* hringas.h -- a freestanding io_uring library whose ring core is proved
 * with Frama-C WP.  No libc, no allocation: the caller owns struct hr_ring.
 *
 * Conventions
 *   - Every function that can fail returns -errno (never sets errno).
 *   - hr_X follows liburing's io_uring_X (same argument order) where one
 *     exists; prep helpers set every SQE field they own and zero the rest.
 *   - struct hr_sqe / struct hr_cqe are byte-for-byte the kernel's
 *     struct io_uring_sqe / struct io_uring_cqe (static-asserted) and may alias
 *     them (HR_MAY_ALIAS): cast freely.
 *   - Contracts (ACSL) are in the specs/ headers this file includes; what is
 *     taken on trust is listed in specs/TRUSTED.md.
 *
 * Layering of the headers (each includes the one before):
 *   hr_compiler.h   inlining/branch hints, static assert, extern "C" guards
 *   hr_errno.h      the errno values the library returns
 *   hr_abi.h        kernel ABI mirrors, constants newer than the uapi header
 *   hr_types.h      struct hr_ring
 *   hr_bits.h, hr_ring_logic.h, hr_trusted.h        (specs/)  ACSL vocabulary
 *   hr_arch.h, hr_sys.h, hr_atomic.h                (core/)   trusted bodies
 *                                    (and the proved system call wrappers)
 *   hr_ring_spec.h / hr_ring.h     SQ/CQ protocol: contracts / inline bodies
 *   hr_prep_spec.h / hr_prep.h     prep helpers:   contracts / inline bodies
 *   hr_setup.h / hr_setup_spec.h   setup/teardown: prototypes / contracts
 *   hr_mem.h / hr_mem_spec.h       rings in caller memory (NO_MMAP)
 */
#ifndef HRINGAS_H
#define HRINGAS_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

#include "hr_abi.h"
#include "hr_types.h"
#include "hr_trusted.h"
#include "hr_ring.h"
#include "hr_wait.h"
#include "hr_prep.h"
#include "hr_setup.h"
#include "hr_mem.h"
#include "hr_api.h"
#include "hr_register.h"
#include "hr_bufring.h"
#include "hr_recvmsg.h"
#include "hr_version.h"
#include "hr_strerror.h"

HR_END_DECLS
#endif
