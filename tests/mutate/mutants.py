# tests/mutate/mutants.py -- the committed mutants of core/ (`make mutate`,
# tests/mutate/run.py).  Each mutant is ONE exact text replacement in ONE
# core/ file: `old` must occur exactly once in that file (the runner fails
# loudly otherwise: the code changed, update the mutant).
#   id     short name (MUTANTS="id1 id2" runs a subset)
#   cat    category: safety, arith, enter, flags, setup, teardown, overflow,
#          prep, bufring, wait, recvmsg, register, order
#   file   the core/ file mutated; the proof unit that proves it is looked
#          up in proofs/units.tsv, the host suites in SUITES below
#   what   what the mutant breaks (one line)
#   suites (optional) the host suites to run instead of SUITES[file]

# host suites (make suite-X; no VM suites, no bench) that exercise each file
SUITES = {
    "core/hr_ring.h":     ["sim", "core", "wait"],
    "core/hr_wait.h":     ["sim", "wait", "core", "features"],
    "core/hr_api.h":      ["sim", "core"],
    "core/setup.c":       ["misuse", "core", "register", "features"],
    "core/mem.c":         ["mem", "features"],
    "core/bind.c":        ["misuse", "core"],
    "core/register.c":    ["register", "bufring", "features"],
    "core/bufring.c":     ["bufring"],
    "core/hr_bufring.h":  ["bufring", "sim"],
    "core/hr_recvmsg.h":  ["recvmsg-unit", "recvmsg"],
    "core/hr_prep.h":     ["sqe-diff", "ops", "core", "bufring"],
    "core/hr_sys.h":      ["core", "register", "wait", "misuse"],
    "core/version.c":     ["cxx"],
    "core/strerror.c":    ["cxx"],
}

M = []


def mut(id, cat, file, what, old, new, suites=None):
    M.append(dict(id=id, cat=cat, file=file, what=what, old=old, new=new, suites=suites))


R, W, S, G = "core/hr_ring.h", "core/hr_wait.h", "core/setup.c", "core/register.c"
BR, BC, RM, P = "core/hr_bufring.h", "core/bufring.c", "core/hr_recvmsg.h", "core/hr_prep.h"
Y = "core/hr_sys.h"

# ---- ring: enter arguments and flags (hr_submit_and_wait, hr_copy_cqes) ----
mut("ring-sw-no-getevents", "enter", R,
    "hr_submit_and_wait enters without IORING_ENTER_GETEVENTS when it waits",
    "return hr_enter(r, pending, wait_nr, IORING_ENTER_GETEVENTS, 0, 0);",
    "return hr_enter(r, pending, wait_nr, 0, 0, 0);")
mut("ring-sw-to-submit-0", "enter", R,
    "hr_submit_and_wait waits with to_submit 0 (nothing submitted)",
    "return hr_enter(r, pending, wait_nr, IORING_ENTER_GETEVENTS, 0, 0);",
    "return hr_enter(r, 0, wait_nr, IORING_ENTER_GETEVENTS, 0, 0);")
mut("ring-submit-enters-always", "enter", R,
    "hr_submit enters even when nothing needs it (no SQE, no poller to wake, no flag)",
    "    if (sq_enter || wait_nr > 0 || cq_enter) {",
    "    if (sq_enter || wait_nr > 0 || cq_enter || 1) {")
mut("ring-sqpoll-wait-no-getevents", "enter", R,
    "on an SQPOLL ring hr_submit_and_wait waits without IORING_ENTER_GETEVENTS",
    "        if (wait_nr > 0 || cq_enter)       /* flags",
    "        if (cq_enter)       /* flags")
mut("ring-sw-min-complete-1", "enter", R,
    "SQPOLL/IOPOLL path of hr_submit_and_wait enters with min_complete 1, not wait_nr",
    "return hr_enter(r, pending, wait_nr, flags, 0, 0);",
    "return hr_enter(r, pending, wait_nr ? 1 : 0, flags, 0, 0);")
mut("ring-sw-overflow-no-getevents", "overflow", R,
    "hr_submit_and_wait without waiting does not add GETEVENTS for overflow/IOPOLL",
    "if (wait_nr > 0 || cq_enter)       /* flags",
    "if (wait_nr > 0)       /* flags")
mut("ring-sqpoll-wait-wakeup-lost", "flags", R,
    "on an SQPOLL ring hr_submit_and_wait waits without the SQ_WAKEUP a sleeping poller needs",
    "flags = flags ? IORING_ENTER_GETEVENTS | IORING_ENTER_SQ_WAKEUP",
    "flags = flags ? IORING_ENTER_GETEVENTS")
mut("ring-sqpoll-wakeup-flag", "flags", R,
    "a sleeping SQPOLL thread is not woken (GETEVENTS instead of SQ_WAKEUP)",
    "*flags |= IORING_ENTER_SQ_WAKEUP;",
    "*flags |= IORING_ENTER_GETEVENTS;")
mut("ring-submit-ret", "enter", R,
    "hr_submit returns 0 instead of the SQE count when it need not enter (SQPOLL)",
    "    return (int)pending;\n}",
    "    return 0;\n}")
mut("ring-pending-clamp", "arith", R,
    "a lying SQ head makes hr_submit_and_wait submit 0 instead of clamping to entries",
    "pending = r->sq.entries;            /* a lying head",
    "pending = 0;            /* a lying head")
mut("ring-copy-ignores-overflow", "overflow", R,
    "hr_copy_cqes does not enter when nothing is ready but the kernel flags overflow",
    "        if (wait_nr > 0 || flagged) {",
    "        if (wait_nr > 0 || (flagged && 0)) {")
mut("ring-copy-enters-always", "enter", R,
    "hr_copy_cqes enters even when CQEs are ready",
    "    if (HR_UNLIKELY(ready == 0)) {",
    "    if (HR_UNLIKELY(ready == 0 || 1)) {")
mut("ring-needs-flush-no-taskrun", "flags", R,
    "IORING_SQ_TASKRUN no longer makes the core enter",
    "(IORING_SQ_CQ_OVERFLOW | IORING_SQ_TASKRUN)) != 0;",
    "IORING_SQ_CQ_OVERFLOW) != 0;")
# ---- ring: arithmetic and safety ---------------------------------------------
mut("ring-copy-cnt-unbounded", "safety", R,
    "hr_copy_cqes copies every ready CQE, ignoring the caller's n",
    "const uint32_t want = ready < n ? ready : n;",
    "const uint32_t want = ready < n ? ready : ready;")
mut("ring-copy-eio-off-by-one", "safety", R,
    "a CQ tail entries+1 ahead is accepted",
    "if (HR_UNLIKELY(ready > e))\n        return -HR_EIO;",
    "if (HR_UNLIKELY(ready > e + 1))\n        return -HR_EIO;")
mut("ring-copy-wrap-seg", "arith", R,
    "the wrapped part of a copy starts one slot late",
    "hr__copy_seg(out + seg1, ring, cnt - seg1);",
    "hr__copy_seg(out + seg1, ring + 1, cnt - seg1 - 1);")
mut("ring-copy-head-n", "arith", R,
    "hr_copy_cqes advances the CQ head by n, not by what it copied",
    "r->cq.head = head + cnt;",
    "r->cq.head = head + n;")
mut("ring-sq-refill-check", "safety", R,
    "a kernel SQ head one past our tail is accepted",
    "if (HR_UNLIKELY(room > r->sq.entries ||",
    "if (HR_UNLIKELY(room > r->sq.entries + 1 ||")
mut("ring-flush-array-slot", "arith", R,
    "the SQ array maps every slot to the first one",
    "array[s] = s;",
    "array[s] = first;")
mut("ring-peek-empty-ok", "safety", R,
    "hr_peek_cqe returns 0 with *cqe NULL when nothing is ready",
    "if (HR_UNLIKELY(ready == 0))\n        return -HR_EAGAIN;",
    "if (HR_UNLIKELY(ready == 0))\n        return 0;")
mut("ring-cq-advance-1", "arith", R,
    "hr_cq_advance(r, n) advances by 1",
    "r->cq.head += n;",
    "r->cq.head += n ? 1 : 0;")
mut("ring-space-left-wrap", "arith", R,
    "hr_sq_space_left wraps for a head ahead of our tail",
    "return ready > r->sq.entries ? 0 : r->sq.entries - ready;",
    "return r->sq.entries - ready;")
mut("ring-units-no-shift", "safety", R,
    "CQE32/SQE128 slots are not doubled",
    "return x << s;           /* s is 0 or 1: x or 2x */",
    "return x << (s & 0);           /* s is 0 or 1: x or 2x */")
# ---- ring: memory ordering --------------------------------------------------
mut("ring-cq-head-plain", "order", R,
    "hr_copy_cqes stores the CQ head plainly, not with release",
    "hr_store_release(r->cq.khead, r->cq.head);\n    return (int)cnt;",
    "*r->cq.khead = r->cq.head;\n    return (int)cnt;")
mut("ring-sq-tail-plain", "order", R,
    "hr_flush_sq stores the SQ tail plainly, not with release",
    "hr_store_release(r->sq.ktail, tail);",
    "*r->sq.ktail = tail;")
# ---- ring: hr_wait_cqe_nr loop ----------------------------------------------
mut("ring-wait-nr-no-getevents", "wait", R,
    "hr_wait_cqe_nr enters without GETEVENTS",
    "ret = hr_enter(r, 0, wait_nr, IORING_ENTER_GETEVENTS, 0, 0);",
    "ret = hr_enter(r, 0, wait_nr, 0, 0, 0);")
mut("ring-wait-nr-no-republish", "wait", R,
    "hr_wait_cqe_nr does not store our CQ head before entering",
    "            hr__cq_republish(r);\n            ret = hr_enter(",
    "            ret = hr_enter(")

# ---- wait family (hr_wait.h) --------------------------------------------------
mut("wait-need-ge", "wait", W,
    "a wait enters although wait_nr CQEs are already ready",
    "return wait_nr > avail;",
    "return wait_nr >= avail;")
mut("wait-no-ext-arg-flag", "enter", W,
    "the EXT_ARG enter lacks IORING_ENTER_EXT_ARG",
    "return hr__sys_enter(r, to_submit, min_complete, flags | IORING_ENTER_EXT_ARG,",
    "return hr__sys_enter(r, to_submit, min_complete, flags,")
mut("wait-ext-min-wait-arg", "enter", W,
    "hr__wait_enter does not hand min_wait_usec to the EXT_ARG enter",
    "return hr__sys_enter_ext(r, to_submit, min_complete, flags, sigmask, ts, min_wait_usec);",
    "return hr__sys_enter_ext(r, to_submit, min_complete, flags, sigmask, ts, min_wait_usec & 0);")
mut("wait-min-wait-dropped", "enter", W,
    "min_wait_usec is not passed to the kernel",
    "arg.min_wait_usec = min_wait_usec;",
    "arg.min_wait_usec = min_wait_usec & 0;")
mut("wait-ts-dropped", "enter", W,
    "the timeout is not passed to the kernel",
    "arg.ts = HR_PTR64(ts);",
    "arg.ts = HR_PTR64(ts) & 0;")
mut("wait-sigmask-dropped", "enter", W,
    "the sigmask of a wait without timeout is not passed",
    "return hr_enter(r, to_submit, min_complete, flags, sigmask,\n                        sigmask ? HR_SIGSET_SIZE : 0);",
    "return hr_enter(r, to_submit, min_complete, flags, 0, 0);")
mut("wait-left-all", "arith", W,
    "a short submit is counted as complete",
    "left -= (uint32_t)ret < left ? (uint32_t)ret : left;",
    "left = 0;")
mut("wait-result-err-only", "wait", W,
    "a wait that submitted returns its error, not the SQEs the kernel took",
    "return done ? (int)done : err;",
    "return err ? err : (int)done;")
mut("wait-cqes-sigmask-dropped", "wait", W,
    "hr_wait_cqes does not pass the caller's sigmask",
    "return hr__get_cqe(r, cqe_ptr, 0, wait_nr, ts != 0, sigmask, ts, 0, 0);",
    "(void)sigmask;\n    return hr__get_cqe(r, cqe_ptr, 0, wait_nr, ts != 0, 0, ts, 0, 0);")
mut("wait-submit-timeout-ts-dropped", "wait", W,
    "hr_submit_and_wait_timeout waits without the caller's timeout struct",
    "return hr__get_cqe(r, cqe_ptr, pending, wait_nr, ts != 0, sigmask, ts, 0, 0);",
    "return hr__get_cqe(r, cqe_ptr, pending, wait_nr, ts != 0, sigmask, 0, 0, 0);")
mut("wait-min-timeout-min-lost", "wait", W,
    "hr_wait_cqes_min_timeout does not pass the minimum wait",
    "return hr__get_cqe(r, cqe_ptr, 0, wait_nr, 1, sigmask, ts, min_wait_usec, 0);",
    "(void)min_wait_usec;\n    return hr__get_cqe(r, cqe_ptr, 0, wait_nr, 1, sigmask, ts, 0, 0);")
mut("wait-etime-eintr", "wait", W,
    "a timed-out wait returns -EINTR, not -ETIME",
    "err = -HR_ETIME;                /* liburing's rule */",
    "err = -HR_EINTR;                /* liburing's rule */")
mut("wait-peek-batch-no-flush", "overflow", W,
    "hr_peek_batch_cqe does not flush overflowed CQEs",
    "    uint32_t ready = hr_cq_ready(r);\n    if (ready == 0 && hr_cq_ring_needs_flush(r)) {",
    "    uint32_t ready = hr_cq_ready(r);\n    if (ready == 0 && 0) {")
mut("wait-peek-batch-mixed-no-flush", "overflow", W,
    "on a mixed ring hr_peek_batch_cqe does not flush overflowed CQEs",
    "    uint32_t ready = hr__cq_skip(r);\n    if (ready == 0 && hr_cq_ring_needs_flush(r)) {",
    "    uint32_t ready = hr__cq_skip(r);\n    if (ready == 0 && 0) {")
mut("wait-cq-batch-wrap", "safety", W,
    "hr_cq_batch runs past the end of the ring",
    "uint32_t n = e - s;                         /* slots up to the ring's end */",
    "uint32_t n = e;                         /* slots up to the ring's end */")
mut("wait-cq-at-one-more", "safety", W,
    "hr_for_each_cqe yields one CQE past the tail",
    "pos - head >= ready)",
    "pos - head > ready)")
mut("wait-eventfd-toggle-swap", "flags", W,
    "hr_cq_eventfd_toggle sets the bit when asked to enable",
    "enabled ? flags & ~(uint32_t)IORING_CQ_EVENTFD_DISABLED\n                                           : flags | IORING_CQ_EVENTFD_DISABLED",
    "enabled ? flags | IORING_CQ_EVENTFD_DISABLED\n                                           : flags & ~(uint32_t)IORING_CQ_EVENTFD_DISABLED")
mut("wait-get-events-no-flag", "overflow", W,
    "hr_get_events enters without GETEVENTS",
    "return hr_enter(r, 0, 0, IORING_ENTER_GETEVENTS, 0, 0);",
    "return hr_enter(r, 0, 0, 0, 0, 0);")
mut("wait-submit-get-events-flags", "enter", W,
    "hr_submit_and_get_events enters with no flags",
    "return hr_enter(r, pending, 0, flags, 0, 0);",
    "return hr_enter(r, pending, 0, 0, 0, 0);")
mut("wait-min-timeout-feature-flags", "flags", W,
    "hr_wait_cqes_min_timeout tests the feature in r->flags",
    "if (!(r->features & IORING_FEAT_MIN_TIMEOUT))\n        return -HR_EINVAL;\n    return hr__get_cqe(",
    "if (!(r->flags & IORING_FEAT_MIN_TIMEOUT))\n        return -HR_EINVAL;\n    return hr__get_cqe(")
mut("wait-flush-pending-unclamped", "arith", W,
    "hr__flush_pending does not clamp a lying SQ head",
    "return pending > r->sq.entries ? r->sq.entries : pending;",
    "return pending;")
mut("wait-sqring-wait-flag", "flags", W,
    "hr_sqring_wait enters with GETEVENTS, not SQ_WAIT",
    "return hr_enter(r, 0, 0, IORING_ENTER_SQ_WAIT, 0, 0);",
    "return hr_enter(r, 0, 0, IORING_ENTER_GETEVENTS, 0, 0);")
mut("wait-submit-get-events-none", "enter", W,
    "hr_submit_and_get_events submits nothing (the flushed SQEs stay in the ring)",
    "return hr_enter(r, pending, 0, flags, 0, 0);",
    "return hr_enter(r, 0, 0, flags, 0, 0);")
mut("wait-sqring-wait-with-room", "wait", W,
    "hr_sqring_wait enters although the SQ had room for one SQE",
    "    if (room)\n        return 0;",
    "    if (room > 1)\n        return 0;")
mut("wait-enter2-argsz", "enter", W,
    "hr_enter2 drops the caller's argsz",
    "return hr_enter(r, to_submit, min_complete, flags, arg, argsz);",
    "return hr_enter(r, to_submit, min_complete, flags, arg, argsz & 0);")
mut("wait-dontfork-ring-len", "teardown", W,
    "hr_ring_dontfork advises the rings over the SQE region's length",
    "return hr_sys_madvise(r->ring_mem, r->ring_len, 10 /* MADV_DONTFORK */);",
    "return hr_sys_madvise(r->ring_mem, r->sqe_len, 10 /* MADV_DONTFORK */);")
mut("wait-dontfork-first-error-lost", "teardown", W,
    "hr_ring_dontfork goes on to the rings when advising the SQEs failed",
    "    if (ret < 0)\n        return ret;\n    return hr_sys_madvise(r->ring_mem",
    "    (void)ret;\n    return hr_sys_madvise(r->ring_mem")

# ---- setup fields and teardown (setup.c) --------------------------------------
mut("setup-flags-features-swap", "setup", S,
    "setup stores the kernel's features into r->flags and the flags into r->features",
    "r->flags       = q.flags;\n    r->features    = q.features;",
    "r->flags       = q.features;\n    r->features    = q.flags;")
mut("setup-enter-flags", "setup", S,
    "a fresh ring enters as if its fd were registered",
    "    r->features    = q.features;\n    r->ring_fd     = fd;\n    r->enter_fd    = fd;\n    r->enter_flags = 0;",
    "    r->features    = q.features;\n    r->ring_fd     = fd;\n    r->enter_fd    = fd;\n    r->enter_flags = IORING_ENTER_REGISTERED_RING;")
mut("setup-params-not-returned", "setup", S,
    "the caller's params do not receive the kernel's answer",
    "    *p = q;\n\n",
    "\n\n")
mut("setup-cq-want", "setup", S,
    "the default CQ size is expected equal to the SQ size",
    ": 2u * (uint64_t)sq_want;",
    ": (uint64_t)sq_want;")
mut("setup-entries-zero", "safety", S,
    "0 entries pass the input check",
    "if (entries == 0 || (entries > HR_MAX_SQ_ENTRIES && !clamp))",
    "if (entries > HR_MAX_SQ_ENTRIES && !clamp)")
mut("setup-cqes-align", "safety", S,
    "a CQE array offset aligned to 8 only is accepted",
    "if (cq_cqes % 16 != 0)",
    "if (cq_cqes % 8 != 0)")
mut("setup-cq-mask", "safety", S,
    "the CQ mask is entries, not entries - 1 (hr__bind)",
    "r->cq.mask      = g->cq_entries - 1;",
    "r->cq.mask      = g->cq_entries;")
mut("bind-cq-entries-vs-sq", "setup", S,
    "hr__bind checks the kernel's CQ ring_entries word against the SQ entries",
    "cq_mask == g->cq_entries - 1 && cq_entries == g->cq_entries;\n}",
    "cq_mask == g->cq_entries - 1 && cq_entries == g->sq_entries;\n}")
mut("bind-sqe-units-no-shift", "safety", S,
    "hr__bind counts SQE units without the SQE128 shift",
    "r->sq.sqe_units = g->sq_entries << g->sqe_shift;",
    "r->sq.sqe_units = g->sq_entries;")
mut("bind-sq-shift-from-cq", "setup", S,
    "hr__bind stores the CQ shift as the SQ shift",
    "r->sq.shift     = g->sq_shift;",
    "r->sq.shift     = g->cq_shift;")
mut("exit-closes-enter-fd", "teardown", S,
    "hr_ring_exit closes enter_fd instead of ring_fd",
    "hr_sys_close(r->ring_fd);\n    ring_clear(r);",
    "hr_sys_close(r->enter_fd);\n    ring_clear(r);")
mut("exit-no-unmap", "teardown", S,
    "hr_ring_exit leaves the rings mapped",
    "    hr__unmap_rings(r);\n    if (r->ring_fd >= 0)",
    "    if (r->ring_fd >= 0)")
mut("exit-no-unregister", "teardown", S,
    "hr_ring_exit leaves the ring fd registered",
    "if (r->enter_flags & IORING_ENTER_REGISTERED_RING)\n        hr_unregister_ring_fd(r);",
    "if (r->enter_flags & IORING_ENTER_REGISTERED_RING)\n        (void)0;")
mut("exit-guard-fd-only", "teardown", S,
    "hr_ring_exit decides by the fds, not the mapping, whether there is a ring",
    "    if (r->ring_mem == 0)\n        return;      /* torn down",
    "    if (r->ring_fd < 0 && !(r->enter_flags & IORING_ENTER_REGISTERED_RING))\n        return;      /* torn down")
mut("unmap-sqe-len", "teardown", S,
    "the SQE array is unmapped with the ring's length",
    "hr_sys_munmap(r->sqe_mem, r->sqe_len);",
    "hr_sys_munmap(r->sqe_mem, r->ring_len);")

# ---- registration argument packing (register.c) --------------------------------
mut("reg-do-reg-enter-fd", "register", G,
    "registration calls use enter_fd (a registered index) as the fd",
    "return hr_sys_io_uring_register(r->ring_fd, op, arg, nr);",
    "return hr_sys_io_uring_register(r->enter_fd, op, arg, nr);")
mut("reg-ringfd-no-flag", "register", G,
    "hr_register_ring_fd does not set IORING_ENTER_REGISTERED_RING",
    "r->enter_flags |= IORING_ENTER_REGISTERED_RING;\n    return 1;",
    "return 1;")
mut("reg-unreg-ringfd-ret", "register", G,
    "hr_unregister_ring_fd keeps the registered state on success",
    "if (ret == 1) {\n        r->enter_fd    = r->ring_fd;",
    "if (ret == 0) {\n        r->enter_fd    = r->ring_fd;")
mut("reg-files-sparse-flag", "register", G,
    "hr_register_files_sparse omits IORING_RSRC_REGISTER_SPARSE",
    "IORING_REGISTER_FILES2, nr, IORING_RSRC_REGISTER_SPARSE, 0, 0);",
    "IORING_REGISTER_FILES2, nr, 0, 0, 0);")
mut("reg-files-update-offset", "register", G,
    "hr_register_files_update ignores the offset",
    "up.offset = off;\n    up.resv   = 0;\n    up.fds",
    "up.offset = off & 0;\n    up.resv   = 0;\n    up.fds")
mut("reg-update2-offset", "register", G,
    "the update2 calls ignore the offset",
    "up.offset = off;\n    up.resv   = 0;\n    up.data   = data;",
    "up.offset = off & 0;\n    up.resv   = 0;\n    up.data   = data;")
mut("reg-eventfd-async-op", "register", G,
    "hr_register_eventfd_async registers a plain eventfd",
    "IORING_REGISTER_EVENTFD_ASYNC, &fd, 1);",
    "IORING_REGISTER_EVENTFD, &fd, 1);")
mut("reg-unreg-buf-ring-bgid", "register", G,
    "hr_unregister_buf_ring unregisters group 0",
    "breg.bgid         = (uint16_t)bgid;",
    "breg.bgid         = 0;")
mut("reg-free-buf-ring-no-munmap", "teardown", G,
    "hr_free_buf_ring leaves a kernel-allocated ring mapped",
    "hr_sys_munmap((char *)s->bufs, s->map_len);     /* mapped by hr_setup_buf_ring */",
    "/* mapped by hr_setup_buf_ring */")
mut("reg-unreg-personality-id", "register", G,
    "hr_unregister_personality passes id 0",
    "IORING_UNREGISTER_PERSONALITY, 0, (unsigned)id);",
    "IORING_UNREGISTER_PERSONALITY, 0, (unsigned)id & 0);")

# ---- buffer rings (hr_bufring.h, bufring.c) --------------------------------------
mut("bufring-add-no-offset", "bufring", BR,
    "hr_buf_ring_add ignores the offset",
    "const uint16_t pos = (uint16_t)((s->tail + offset) % 0x10000);",
    "const uint16_t pos = (uint16_t)((s->tail + (offset & 0)) % 0x10000);")
mut("bufring-advance-wrap-2-15", "bufring", BR,
    "hr_buf_ring_advance wraps the tail at 2^15, not 2^16",
    "const uint16_t tail = (uint16_t)((s->tail + count) % 0x10000);",
    "const uint16_t tail = (uint16_t)((s->tail + count) % 0x8000);")
mut("bufring-add-mask-entries", "safety", BR,
    "hr_buf_ring_add masks with entries, not entries - 1",
    "const uint32_t i = pos & s->mask;",
    "const uint32_t i = pos & s->entries;")
mut("bufring-tail-plain", "order", BR,
    "hr_buf_ring_advance stores the tail plainly",
    "hr_store_release16(&s->bufs[0].resv, tail);",
    "s->bufs[0].resv = tail;")
mut("bufring-cq-advance-no-buf", "bufring", BR,
    "hr_buf_ring_cq_advance does not publish the buffers",
    "    hr_buf_ring_advance(s, count);\n    hr_cq_advance(r, count);",
    "    (void)s;\n    hr_cq_advance(r, count);")
mut("bufring-init-no-tail-reset", "bufring", BR,
    "hr_buf_ring_init does not reset the shared tail",
    "hr_store_release16(&mem[0].resv, 0);",
    "(void)0;")
mut("bufring-buffer-id-no-check", "bufring", BR,
    "hr_cqe_buffer_id does not check IORING_CQE_F_BUFFER",
    "if (!(flags & IORING_CQE_F_BUFFER))\n        return -HR_ENOENT;",
    "if (0)\n        return -HR_ENOENT;")
mut("bufring-setup-bgid", "bufring", G,
    "hr_setup_buf_ring registers group 0 whatever bgid is",
    "    breg.bgid         = bgid;",
    "    breg.bgid         = bgid & 0;", suites=["bufring"])
mut("bufring-mmap-offset-bgid", "bufring", G,
    "the kernel-allocated ring is mapped at group 0's offset",
    "return IORING_OFF_PBUF_RING + (uint64_t)bgid * (1ULL << IORING_OFF_PBUF_SHIFT);",
    "(void)bgid; return IORING_OFF_PBUF_RING;", suites=["bufring"])
mut("bufring-setup-flags-lost", "bufring", G,
    "hr_setup_buf_ring registers without the IOU_PBUF_RING_* flags (MMAP, INC)",
    "    breg.pad          = (uint16_t)flags;",
    "    (void)flags; breg.pad = 0;", suites=["bufring"])

# ---- recvmsg parsers (hr_recvmsg.h) --------------------------------------------
mut("recvmsg-fits-no-control", "recvmsg", RM,
    "the validity check ignores controllen",
    "(uint64_t)namelen + controllen <=",
    "(uint64_t)namelen + (controllen & 0) <=")
mut("recvmsg-clen-trusts-kernel", "recvmsg", RM,
    "the control length is the kernel's, not capped by the msghdr's",
    "return k < controllen ? k : controllen;",
    "return k < controllen ? k : k;")
mut("recvmsg-cmsg-hi-ignored", "recvmsg", RM,
    "a cmsg_len >= 2^32 is read as its low word",
    "if (hi != 0) {",
    "if (hi != 0 && 0) {")
mut("recvmsg-next-unaligned", "recvmsg", RM,
    "the next cmsg is not CMSG_ALIGNed",
    "next = c + (len + (HR_CMSG_ALIGN_TO - 1u)) / HR_CMSG_ALIGN_TO * HR_CMSG_ALIGN_TO;",
    "next = c + len;")
mut("recvmsg-payload-length", "recvmsg", RM,
    "the payload length still counts the control area",
    "return (uint32_t)buf_len - HR_RECVMSG_OUT_SIZE - namelen - controllen;",
    "return (uint32_t)buf_len - HR_RECVMSG_OUT_SIZE - namelen;")
mut("recvmsg-payload-ptr", "recvmsg", RM,
    "the payload pointer skips the name only",
    "return b + HR_RECVMSG_OUT_SIZE + namelen + controllen;",
    "return b + HR_RECVMSG_OUT_SIZE + namelen;")

# ---- prep fields (hr_prep.h) ---------------------------------------------------------
mut("prep-rw-personality-stale", "prep", P,
    "hr_prep_rw leaves personality stale",
    "    sqe->personality = 0;\n",
    "")
mut("prep-direct-index", "prep", P,
    "direct-descriptor slots are not stored +1",
    "return slot == IORING_FILE_INDEX_ALLOC ? slot : slot + 1u;",
    "return slot;")
mut("prep-nop-extra-swap", "prep", P,
    "hr_prep_nop_flags swaps extra1 and extra2",
    "hr_prep_rw(IORING_OP_NOP, sqe, fd, extra2, (uint32_t)result, extra1);",
    "hr_prep_rw(IORING_OP_NOP, sqe, fd, extra1, (uint32_t)result, extra2);")
mut("prep-read-multishot-no-bufsel", "prep", P,
    "hr_prep_read_multishot omits IOSQE_BUFFER_SELECT",
    "    sqe->flags = IOSQE_BUFFER_SELECT;\n}",
    "}")
mut("prep-msg-ring-pass", "prep", P,
    "hr_prep_msg_ring_cqe_flags omits IORING_MSG_RING_FLAGS_PASS",
    "sqe->op_flags = IORING_MSG_RING_FLAGS_PASS | flags;",
    "sqe->op_flags = flags;")

# ---- the system call wrappers: what reaches the kernel -----------------------
mut("sys-enter-ring-fd", "enter", Y,
    "io_uring_enter goes to ring_fd even when the ring fd is registered",
    "return hr__sys_io_uring_enter(r->enter_fd, to_submit, min_complete, flags,",
    "return hr__sys_io_uring_enter(r->ring_fd, to_submit, min_complete, flags,")
mut("sys-enter-no-ring-flags", "enter", Y,
    "IORING_ENTER_REGISTERED_RING is not or-ed in for a registered ring fd",
    "                                  r->enter_flags, arg, argsz) /*@ ghost (r) */;",
    "                                  0, arg, argsz) /*@ ghost (r) */;")
mut("wait-ext-sigmask-size", "enter", W,
    "the EXT_ARG struct says the sigset is 0 bytes",
    "arg.sigmask_sz = HR_SIGSET_SIZE;",
    "arg.sigmask_sz = 0;")
mut("sys-munmap-len", "teardown", Y,
    "munmap is passed half the length",
    "hr__syscall(HR_NR_munmap, (long)(uintptr_t)addr, (long)len, 0, 0, 0,",
    "hr__syscall(HR_NR_munmap, (long)(uintptr_t)addr, (long)len / 2, 0, 0, 0,")
mut("sys-close-wrong-number", "teardown", Y,
    "close(2) is issued as munmap(2)",
    "const int ret = (int)hr__syscall(HR_NR_close, fd, 0, 0, 0, 0, 0)",
    "const int ret = (int)hr__syscall(HR_NR_munmap, fd, 0, 0, 0, 0, 0)")
mut("sys-register-nr-args", "register", Y,
    "io_uring_register is passed a count of 0",
    "(long)(uintptr_t)arg, nr_args, 0, 0) /*@ ghost (sys) */;",
    "(long)(uintptr_t)arg, nr_args & 0, 0, 0) /*@ ghost (sys) */;")
mut("unmap-order-ring-first", "teardown", S,
    "the ring region is unmapped twice and the SQE region never",
    "hr_sys_munmap(r->sqe_mem, r->sqe_len);",
    "hr_sys_munmap(r->ring_mem, r->ring_len);")
mut("ring-wait-nr-eagain-ok", "wait", R,
    "hr_wait_cqe_nr returns 0 with no CQE ready",
    "    hr__put_cqe(r, cqe, c);\n    return ret;",
    "    hr__put_cqe(r, cqe, c);\n    return ret == -HR_EAGAIN ? 0 : ret;")

# ---- registered wait regions (hr_register_wait_region, hr_submit_and_wait_reg) ----
mut("wait-reg-bound", "wait", W,
    "an index one past the registered region reaches the kernel",
    "(uint32_t)reg_index >= r->reg_wait_nr",
    "(uint32_t)reg_index > r->reg_wait_nr")
mut("wait-reg-no-flag", "enter", W,
    "the registered wait enters without IORING_ENTER_EXT_ARG_REG",
    "flags | IORING_ENTER_EXT_ARG | HR_ENTER_EXT_ARG_REG,",
    "flags | IORING_ENTER_EXT_ARG,")
mut("wait-reg-offset", "enter", W,
    "the entry index is passed instead of its byte offset",
    "(const void *)(uintptr_t)HR_REG_WAIT_OFF(reg_index),",
    "(const void *)(uintptr_t)reg_index,")
mut("reg-wait-size", "register", G,
    "the region is registered as nr bytes instead of nr entries",
    "rd.size        = (uint64_t)nr * sizeof(struct hr_reg_wait);",
    "rd.size        = (uint64_t)nr;")
mut("reg-wait-flags", "register", G,
    "the region is registered without IORING_MEM_REGION_REG_WAIT_ARG",
    "mr.flags       = HR_MEM_REGION_REG_WAIT_ARG;",
    "mr.flags       = 0;")
mut("reg-wait-count-on-error", "register", G,
    "a failed registration still records the region's size",
    "    if (ret == 0)\n        r->reg_wait_nr = nr;",
    "    r->reg_wait_nr = nr;")

# ---- the plain ring fd closed (hr_close_ring_fd, registrations through the index) ----
mut("close-ring-fd-enter-fd", "teardown", G,
    "hr_close_ring_fd closes the registered index instead of the ring fd",
    "    hr_sys_close(r->ring_fd);   /* the registered index",
    "    hr_sys_close(r->enter_fd);   /* the registered index")
mut("reg-index-no-flag", "register", G,
    "after the ring fd is closed, registrations name the index without USE_REGISTERED_RING",
    "return hr_sys_io_uring_register(r->enter_fd, op | IORING_REGISTER_USE_REGISTERED_RING,",
    "return hr_sys_io_uring_register(r->enter_fd, op,")
mut("exit-closes-closed-fd", "teardown", S,
    "hr_ring_exit closes fd -1 after hr_close_ring_fd",
    "    if (r->ring_fd >= 0)                         /* not closed by hr_close_ring_fd */\n        hr_sys_close(r->ring_fd);",
    "    hr_sys_close(r->ring_fd);")

# ---- resize, REGISTERED_FD_ONLY ----
mut("resize-no-flush", "setup", S,
    "hr_resize_rings does not publish the SQEs handed out (the kernel leaves them behind)",
    "    hr_flush_sq(r);\n    const uint32_t sq_tail = r->sq.sqe_tail;",
    "    const uint32_t sq_tail = r->sq.sqe_tail;")
mut("resize-no-counter-check", "setup", S,
    "hr_resize_rings trusts the counters of the new rings",
    "if (ret == 0 && (r->sq.sqe_tail != sq_tail || r->cq.head != cq_head)) {",
    "if (ret == 0 && 0 && (r->sq.sqe_tail != sq_tail || r->cq.head != cq_head)) {")
mut("resize-dead-fd-kept", "teardown", S,
    "a resize that cannot map the new rings leaves the fd open",
    "            hr_unregister_ring_fd(r);\n        hr_sys_close(r->ring_fd);\n        ring_clear(r);\n        return ret;",
    "            hr_unregister_ring_fd(r);\n        ring_clear(r);\n        return ret;")
mut("mem-fd-only-close", "teardown", "core/mem.c",
    "a failed REGISTERED_FD_ONLY setup closes the index as if it were an fd",
    "    if (flags & IORING_SETUP_REGISTERED_FD_ONLY) {\n        struct io_uring_rsrc_update up;",
    "    if ((flags & IORING_SETUP_REGISTERED_FD_ONLY) && 0) {\n        struct io_uring_rsrc_update up;")

mut("mem-init-buf-skips-page", "setup", "core/mem.c",
    "hr_ring_init_mem places the regions one page into the caller's buffer",
    "char *const mem = (char *)buf;",
    "char *const mem = (char *)buf + 4096;")

# ---- mixed-size CQEs (IORING_SETUP_CQE_MIXED) ----
mut("mixed-skip-any", "wait", R,
    "the padding walk releases every CQE at our head, not only padding ones",
    "           (r->cq.cqes[hr__units(hr__slot(r->cq.head, r->cq.mask, r->cq.shift),\n                                 r->cq.cqe_shift)].flags & IORING_CQE_F_SKIP)) {",
    "           (r->cq.cqes[hr__units(hr__slot(r->cq.head, r->cq.mask, r->cq.shift),\n                                 r->cq.cqe_shift)].flags | IORING_CQE_F_SKIP)) {")
mut("mixed-skip-on-plain-ring", "wait", R,
    "padding CQEs are released on rings without CQE_MIXED too",
    "    if (!(r->flags & IORING_SETUP_CQE_MIXED) || ready > r->cq.entries)\n        return ready;",
    "    if (ready > r->cq.entries)\n        return ready;")
mut("mixed-seen-one-slot", "wait", R,
    "hr_cqe_seen releases one slot of a 32-byte CQE",
    "    return ((r->flags & IORING_SETUP_CQE_MIXED) && (c->flags & IORING_CQE_F_32)) ? 2u : 1u;",
    "    return ((r->flags & IORING_SETUP_CQE_MIXED) && (c->flags & IORING_CQE_F_32)) ? 1u : 1u;")
mut("mixed-no-straddle-check", "safety", R,
    "a 32-byte CQE in the last slot is handed out (its second half past the array)",
    "    if (!(r->flags & IORING_SETUP_CQE_MIXED) || r->cq.cqe_shift != 0 || k != r->cq.mask)\n        return 0;",
    "    if (!(r->flags & IORING_SETUP_CQE_MIXED) || r->cq.cqe_shift != 0 || k != r->cq.mask || 1)\n        return 0;")
mut("mixed-copy-cuts", "wait", R,
    "hr_copy_cqes_ready on a mixed ring copies the first half of a 32-byte CQE and releases it",
    "        if (step > max - off)\n            break;                          /* only its first half is here */",
    "        if (step > max - off + 1)\n            break;                          /* only its first half is here */")
mut("mixed-batch-no-stop-at-skip", "wait", W,
    "peek_batch hands out a padding CQE met after the head",
    "        if (f & IORING_CQE_F_SKIP)\n            break;                  /* released once it is at our head */",
    "        if (f & 0)\n            break;                  /* released once it is at our head */")
mut("mixed-batch-half-published", "safety", W,
    "peek_batch hands out a 32-byte CQE whose second half is not published or past the array",
    "            if (hr__cq_straddles_at(r, head + off) || ready - off < 2)",
    "            if (ready - off < 2)")
mut("mixed-at-straddle", "safety", W,
    "for_each hands out a 32-byte CQE in the last slot",
    "    if (HR_UNLIKELY(hr__cq_straddles_at(r, pos)))\n        return 0;",
    "    if (HR_UNLIKELY(hr__cq_straddles_at(r, pos) && 0))\n        return 0;")
mut("mixed-wait-no-straddle", "safety", W,
    "the wait family hands out a 32-byte CQE in the last slot",
    "    if (c && HR_UNLIKELY(hr__cq_straddles(r))) {",
    "    if (c && 0 && HR_UNLIKELY(hr__cq_straddles(r))) {")
mut("mixed-setup-cqe32", "setup", S,
    "setup accepts CQE32 together with CQE_MIXED",
    "    if ((flags & IORING_SETUP_CQE32) && (flags & IORING_SETUP_CQE_MIXED))\n        return -HR_EINVAL;",
    "    if ((flags & IORING_SETUP_CQE32) && (flags & IORING_SETUP_CQE_MIXED) && 0)\n        return -HR_EINVAL;")

# ---- mixed-size SQEs (IORING_SETUP_SQE_MIXED) ----
mut("sqe128-no-pad", "safety", R,
    "a 128-byte SQE starts in the last slot (its second half past the SQE array)",
    "    const uint32_t pad = hr__slot(t0, r->sq.mask, r->sq.shift) == r->sq.mask;",
    "    const uint32_t pad = hr__slot(t0, r->sq.mask, r->sq.shift) == r->sq.mask && 0;")
mut("sqe128-room-one", "safety", R,
    "hr_get_sqe128 checks room for one SQE only",
    "    const uint32_t room = hr__sq_room(r, 2 + pad);\n    if (room < 2 + pad)",
    "    const uint32_t room = hr__sq_room(r, 1);\n    if (room < 1)")
mut("sqe128-pad-cqe", "flags", R,
    "the padding NOP posts a CQE",
    "    s->flags       = IOSQE_CQE_SKIP_SUCCESS;",
    "    s->flags       = 0;")
mut("sqe128-on-plain-ring", "flags", R,
    "hr_get_sqe128 hands out two slots on a ring without SQE_MIXED",
    "    if (!(r->flags & IORING_SETUP_SQE_MIXED) || r->sq.sqe_shift != 0)\n        return 0;",
    "    if (r->sq.sqe_shift != 0)\n        return 0;")
mut("setup-sqe128-mixed", "setup", S,
    "setup accepts SQE128 together with SQE_MIXED",
    "    if ((flags & IORING_SETUP_SQE128) && (flags & IORING_SETUP_SQE_MIXED))\n        return -HR_EINVAL;",
    "    if ((flags & IORING_SETUP_SQE128) && (flags & IORING_SETUP_SQE_MIXED) && 0)\n        return -HR_EINVAL;")

# ---- version (core/version.c, unit version) ----------------------------------
mut("version-check-same-minor", "arith", "core/version.c",
    "hr_check_version says the library is too old for its own major.minor",
    "(major == HR_VERSION_MAJOR && minor > HR_VERSION_MINOR)",
    "(major == HR_VERSION_MAJOR && minor >= HR_VERSION_MINOR)")

# ---- error names (core/strerror.c, unit strerror) ----------------------------
mut("strerror-last-negative", "arith", "core/strerror.c",
    "hr_strerror(-HR_ERRNO_MAX) is \"unknown error\" (off by one in the negation test)",
    "    if (e < 0 && e >= -HR_ERRNO_MAX)",
    "    if (e < 0 && e > -HR_ERRNO_MAX)")
mut("strerror-empty-row", "safety", "core/strerror.c",
    "an unassigned errno value (an empty row) gives \"\", not \"unknown error\"",
    "    if (hr__errnames[e][0] == '\\0' || hr__errnames[e][HR_ERRNAME_SIZE - 1] != '\\0')",
    "    if (hr__errnames[e][HR_ERRNAME_SIZE - 1] != '\\0')")

# ---- more prep fields (hr_prep.h) ---------------------------------------------
mut("prep-timeout-count-len", "prep", P,
    "hr_prep_timeout swaps the completion count (off) and the timespec count (len)",
    "hr_prep_rw(IORING_OP_TIMEOUT, sqe, -1, HR_PTR64(ts), 1, count);",
    "hr_prep_rw(IORING_OP_TIMEOUT, sqe, -1, HR_PTR64(ts), count, 1);")
mut("prep-timeout-update-no-flag", "prep", P,
    "hr_prep_timeout_update omits IORING_TIMEOUT_UPDATE (it removes the timeout instead)",
    "sqe->op_flags = flags | IORING_TIMEOUT_UPDATE;",
    "sqe->op_flags = flags;")
mut("prep-cancel-fd-no-flag", "prep", P,
    "hr_prep_cancel_fd omits IORING_ASYNC_CANCEL_FD (cancels by user_data 0)",
    "sqe->op_flags = flags | IORING_ASYNC_CANCEL_FD;",
    "sqe->op_flags = flags;")
mut("prep-multishot-accept-ioprio", "prep", P,
    "hr_prep_multishot_accept makes a single-shot accept",
    "sqe->ioprio = IORING_ACCEPT_MULTISHOT;",
    "sqe->ioprio = 0;")
mut("prep-send-bundle-flag", "prep", P,
    "hr_prep_send_bundle sets the multishot bit instead of the bundle bit",
    "sqe->ioprio = IORING_RECVSEND_BUNDLE;",
    "sqe->ioprio = IORING_RECV_MULTISHOT;")
mut("prep-link-timeout-len", "prep", P,
    "hr_prep_link_timeout passes a timespec count of 0",
    "hr_prep_rw(IORING_OP_LINK_TIMEOUT, sqe, -1, HR_PTR64(ts), 1, 0);",
    "hr_prep_rw(IORING_OP_LINK_TIMEOUT, sqe, -1, HR_PTR64(ts), 0, 0);")
mut("prep-waitid-options-lost", "prep", P,
    "hr_prep_waitid drops the waitid options (WEXITED, ...)",
    "sqe->file_index = (uint32_t)options;",
    "(void)options; sqe->file_index = 0;")
mut("prep-futex-wake-mask-val", "prep", P,
    "hr_prep_futex_wake puts val where the mask goes",
    "    sqe->addr3 = mask;\n}\n\n/* Prepare `sqe` for IORING_OP_FUTEX_WAITV",
    "    (void)mask; sqe->addr3 = val;\n}\n\n/* Prepare `sqe` for IORING_OP_FUTEX_WAITV")
mut("prep-send-set-addr-len", "prep", P,
    "hr_prep_send_set_addr drops the address length",
    "sqe->file_index = addr_len;",
    "(void)addr_len; sqe->file_index = 0;")

# ---- more ring-memory setup (core/mem.c) --------------------------------------
mut("mem-cq-not-doubled", "setup", "core/mem.c",
    "the default CQ size is the SQ size, not twice it (the region is too small)",
    "        cq = 2 * sq;",
    "        cq = sq;")
mut("mem-cqe32-not-doubled", "setup", "core/mem.c",
    "the CQE32 rings region is sized for 16-byte CQEs",
    "uint64_t rings = (flags & IORING_SETUP_CQE32) ? 2u * cq_part : cq_part;",
    "uint64_t rings = cq_part;")
mut("mem-retry-no-sqarray", "setup", "core/mem.c",
    "the retry for 6.5 kernels asks again for NO_SQARRAY, which they refuse",
    "flags = orig.flags | IORING_SETUP_NO_MMAP;   /* kernel 6.5: with the SQ array */",
    "flags = orig.flags | IORING_SETUP_NO_MMAP | IORING_SETUP_NO_SQARRAY;")
mut("mem-never-retry", "setup", "core/mem.c",
    "hr_ring_init_mem gives up when a 6.5 kernel refuses NO_SQARRAY (no retry with the SQ array)",
    "    if (fd == -HR_EINVAL && !(orig.flags & IORING_SETUP_NO_SQARRAY)) {",
    "    if (fd == -HR_EINVAL && !(orig.flags & IORING_SETUP_NO_SQARRAY) && 0) {")
