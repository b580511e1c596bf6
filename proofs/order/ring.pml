/* proofs/order/ring.pml -- the io_uring SQ/CQ/SQPOLL and buffer-ring
 * protocol of hringas-c, both sides, over a memory model weaker than SC.
 *
 * Run by proofs/order/check.sh (make prove-order), which passes the
 * application's orderings DERIVED FROM core/ (-DORD_...), the configuration
 * (-DSQPOLL, -DWEAK, -DSQARRAY, -DBUFRING) and, for the mutants, the
 * program-order switches.  Nothing here is C; every app-side step names the
 * row(s) of proofs/order/sites.tsv it stands for ("step app.xxx").
 *
 * Memory model.  Each CPU has a store buffer (FIFO of address, value,
 * release bit).  A load sees the newest own buffered store, else memory.
 *   TSO  (WEAK=0, x86): the buffer drains oldest first; loads are in order.
 *        Only store->load reordering (store buffering) remains.
 *   WEAK (WEAK=1, aarch64/riscv64-like): any buffered store may drain
 *        before older ones (store->store reordering) unless it is a RELEASE
 *        store (drains only when every older store of its CPU has) or an
 *        older store to the same address is pending (coherence).  Loads:
 *        a relaxed index load (CQ tail) lets the slot read after it be
 *        satisfied early (load->load), and a plain CQ head store may become
 *        visible before the slot read before it (load->store).
 *   fence(p) (smp_mb, __atomic_thread_fence(SEQ_CST), syscall entry/exit,
 *        locked RMW): waits until CPU p's buffer is empty.
 * Counters are free-running modulo W (W a multiple of every ring size, so
 * `c & (entries-1)` and differences are the images of the u32 ones) and
 * start at START = W-1: every run crosses the wrap, like u32 counters that
 * start at 2^32-1.  Payloads carry ghost tags (the absolute sequence number)
 * so a stale slot is told from a fresh one.
 */
#ifndef SQPOLL
#define SQPOLL 1
#endif
#ifndef WEAK
#define WEAK 1
#endif
#ifndef SQARRAY
#define SQARRAY 1
#endif
#ifndef BUFRING
#define BUFRING 0
#endif
#ifndef E_SQ
#define E_SQ 2
#endif
#ifndef E_CQ
#define E_CQ 2
#endif
#ifndef E_BUF
#define E_BUF 2
#endif
#ifndef W
#define W 4
#endif
#ifndef N
#define N 3
#endif
#ifndef START
#define START (W-1)
#endif
#define BS 5

/* orderings of the application's accesses (check.sh derives them from core/) */
#define ACQ 1
#define RLX 0
#define REL 1
#define PLAIN 0
#ifndef ORD_SQ_HEAD_LOAD
#define ORD_SQ_HEAD_LOAD ACQ      /* step app.sq_head_load: NOT a switch of the
   model: the SQE stores after this load depend on its value (control
   dependency), and no x86/arm64/riscv64 core makes a store visible before
   the branch it depends on resolves; so a relaxed SQ head is not refuted
   here.  The acquire is kept because C11 promises nothing for control
   dependencies. */
#endif
#ifndef ORD_SQ_TAIL_STORE
#define ORD_SQ_TAIL_STORE REL     /* step app.sq_tail_store */
#endif
#ifndef WAKEUP_FENCE
#define WAKEUP_FENCE 1            /* step app.wakeup_fence */
#endif
#ifndef ORD_CQ_TAIL_LOAD
#define ORD_CQ_TAIL_LOAD ACQ      /* step app.cq_tail_load */
#endif
#ifndef ORD_CQ_HEAD_STORE
#define ORD_CQ_HEAD_STORE REL     /* step app.cq_head_store */
#endif
#ifndef ORD_BUF_TAIL_STORE
#define ORD_BUF_TAIL_STORE REL    /* step app.buf_tail_store */
#endif
/* program-order mutants (0 = as core/ does it; check.sh checks the order) */
#ifndef TAIL_BEFORE_ARRAY
#define TAIL_BEFORE_ARRAY 0
#endif
#ifndef CQ_HEAD_BEFORE_READ
#define CQ_HEAD_BEFORE_READ 0
#endif
#ifndef BUF_TAIL_BEFORE_ENTRIES
#define BUF_TAIL_BEFORE_ENTRIES 0
#endif
/* kernel-side switch, to show what the app's fence pairs with */
#ifndef KERNEL_FENCE
#define KERNEL_FENCE 1
#endif

/* shared words */
#define SQ_TAIL  0
#define SQ_HEAD  1
#define CQ_TAIL  2
#define CQ_HEAD  3
#define SQ_FLAGS 4
#define BUF_TAIL 5
#define BUF_RET  6             /* ghost: buffers given back through CQEs */
#define LOCK     7             /* kernel: ctx->completion_lock */
#define SQE0     8
#define ARR0     (SQE0 + E_SQ)
#define CQE0     (ARR0 + E_SQ)
#define BUFE0    (CQE0 + E_CQ)
#define NMEM     (BUFE0 + E_BUF)

#define NEED_WAKEUP 1
#define CQ_OVERFLOW 2
#define APP 0
#define KER 1
#define NOTAG 255

#define occ(t, h) (((t) + W - (h)) % W)

byte mem[NMEM];
byte sb_a[2 * BS]; byte sb_v[2 * BS]; bit sb_r[2 * BS]; byte sb_n[2];
byte scr;                      /* scratch of the d_steps, always 0 outside */

/* ghosts */
byte g_cons;                   /* SQEs the kernel has read           */
byte g_reaped;                 /* CQEs the app has read              */
byte g_bufs;                   /* buffer-ring entries the kernel read */
bit  wake;                     /* SQPOLL wait queue token            */
/* kernel-private state (under LOCK) */
byte k_ct = START;             /* ctx->cached_cq_tail                */
byte k_ovf;                    /* overflow backlog length            */
byte ovf_q[N];                 /* overflow backlog (tags, FIFO)      */
byte k_pend;                   /* non-SQPOLL: submitted, not completed */
byte k_next;                   /* non-SQPOLL: tag of the next completion */

#define SB(p, k) ((p) * BS + (k))
/* may entry k of CPU p drain now (WEAK)? not a release, no older same address */
#define ELIG1(p) (sb_r[SB(p,1)] == 0 && sb_a[SB(p,1)] != sb_a[SB(p,0)])
#define ELIG2(p) (sb_r[SB(p,2)] == 0 && sb_a[SB(p,2)] != sb_a[SB(p,0)] && sb_a[SB(p,2)] != sb_a[SB(p,1)])
#define ELIG3(p) (sb_r[SB(p,3)] == 0 && sb_a[SB(p,3)] != sb_a[SB(p,0)] && sb_a[SB(p,3)] != sb_a[SB(p,1)] && \
                  sb_a[SB(p,3)] != sb_a[SB(p,2)])
#define ELIG4(p) (sb_r[SB(p,4)] == 0 && sb_a[SB(p,4)] != sb_a[SB(p,0)] && sb_a[SB(p,4)] != sb_a[SB(p,1)] && \
                  sb_a[SB(p,4)] != sb_a[SB(p,2)] && sb_a[SB(p,4)] != sb_a[SB(p,3)])

inline store(p, a, v, rel) {
  d_step {
    sb_n[p] < BS ->
    sb_a[SB(p, sb_n[p])] = a; sb_v[SB(p, sb_n[p])] = v; sb_r[SB(p, sb_n[p])] = rel;
    sb_n[p]++
  }
}

inline load(p, a, r) {
  d_step {
    r = mem[a];
    scr = 0;
    do
    :: scr < sb_n[p] -> if :: sb_a[SB(p, scr)] == a -> r = sb_v[SB(p, scr)] :: else -> skip fi; scr++
    :: else -> break
    od;
    scr = 0
  }
}

#define fence(p) (sb_n[p] == 0)

/* locked read-modify-write (atomic_or / atomic_andnot): a full barrier */
inline rmw_or(p, a, m)     { fence(p); d_step { mem[a] = mem[a] | m } }
inline rmw_andnot(p, a, m) { fence(p); d_step { mem[a] = mem[a] & (255 - m) } }
inline lock(p)   { fence(p); atomic { mem[LOCK] == 0 -> mem[LOCK] = 1 } }
inline unlock(p) { store(p, LOCK, 0, 1) }

/* drain one buffered store of CPU p; P3 (no slot reuse) is checked here:
   a slot is overwritten only after the other side has finished reading
   its previous occupant. */
proctype Flusher(byte p) {
  byte i, a, v;
end:
  do
  :: atomic {
       sb_n[p] > 0 ->
       if
       :: i = 0
#if WEAK
       :: sb_n[p] > 1 && ELIG1(p) -> i = 1
       :: sb_n[p] > 2 && ELIG2(p) -> i = 2
       :: sb_n[p] > 3 && ELIG3(p) -> i = 3
       :: sb_n[p] > 4 && ELIG4(p) -> i = 4
#endif
       fi;
       a = sb_a[SB(p, i)]; v = sb_v[SB(p, i)];
       assert(!(a >= SQE0 && a < SQE0 + E_SQ) || v < E_SQ || g_cons >= v - E_SQ + 1);   /* P3 */
       assert(!(a >= ARR0 && a < ARR0 + E_SQ) || v < E_SQ || g_cons >= v - E_SQ + 1);   /* P3 */
       assert(!(a >= CQE0 && a < CQE0 + E_CQ) || v < E_CQ || g_reaped >= v - E_CQ + 1); /* P3 */
       assert(!(a >= BUFE0 && a < BUFE0 + E_BUF) || v < E_BUF || g_bufs >= v - E_BUF + 1); /* P3 */
       mem[a] = v;
       do
       :: i + 1 < sb_n[p] ->
            sb_a[SB(p, i)] = sb_a[SB(p, i + 1)]; sb_v[SB(p, i)] = sb_v[SB(p, i + 1)];
            sb_r[SB(p, i)] = sb_r[SB(p, i + 1)]; i++
       :: else -> break
       od;
       sb_n[p]--;
       sb_a[SB(p, sb_n[p])] = 0; sb_v[SB(p, sb_n[p])] = 0; sb_r[SB(p, sb_n[p])] = 0;
       i = 0; a = 0; v = 0
     }
  od
}

#if !BUFRING
/* ---- kernel side (io_uring/io_uring.c, sqpoll.c) ------------------------ */

/* io_cqe_cache_refill / io_commit_cqring / io_cqring_event_overflow, under
   the completion lock: READ_ONCE(cq.head) (control dependency orders the
   CQE store after it), CQE store, smp_store_release(cq.tail); a full CQ or
   a non-empty backlog appends to the backlog and sets IORING_SQ_CQ_OVERFLOW. */
inline post_cqe(p, tag, hd) {
  lock(p);
  load(p, CQ_HEAD, hd);
  if
  :: k_ovf == 0 && occ(k_ct, hd) < E_CQ ->
       store(p, CQE0 + k_ct % E_CQ, tag, 0);
       k_ct = (k_ct + 1) % W;
       store(p, CQ_TAIL, k_ct, 1)
  :: else ->
       ovf_q[k_ovf] = tag; k_ovf++;
       rmw_or(p, SQ_FLAGS, CQ_OVERFLOW)
  fi;
  hd = 0;
  unlock(p)
}

/* __io_cqring_overflow_flush (GETEVENTS), on the caller's CPU */
inline flush_overflow(p, hd) {
  lock(p);
  do
  :: k_ovf > 0 ->
       load(p, CQ_HEAD, hd);
       if
       :: occ(k_ct, hd) < E_CQ ->
            store(p, CQE0 + k_ct % E_CQ, ovf_q[0], 0);
            k_ct = (k_ct + 1) % W;
            store(p, CQ_TAIL, k_ct, 1);
            d_step { scr = 0; do :: scr + 1 < k_ovf -> ovf_q[scr] = ovf_q[scr + 1]; scr++ :: else -> break od;
                     k_ovf--; ovf_q[k_ovf] = 0; scr = 0 }
       :: else -> break
       fi
  :: else -> break
  od;
  if
  :: k_ovf == 0 && (mem[SQ_FLAGS] & CQ_OVERFLOW) -> rmw_andnot(p, SQ_FLAGS, CQ_OVERFLOW)
  :: else -> skip
  fi;
  hd = 0;
  unlock(p)
}

/* io_submit_sqes: smp_load_acquire(sq.tail), array slot, SQE, then
   smp_store_release(sq.head) (io_commit_sqring).  P1 is checked here. */
inline consume_one(p, h, v) {
#if SQARRAY
  load(p, ARR0 + h % E_SQ, v);
  assert(v == g_cons);                                 /* P1: array slot written */
#endif
  load(p, SQE0 + h % E_SQ, v);
  assert(v == g_cons);                                 /* P1: SQE written */
  g_cons++;
  h = (h + 1) % W;
  store(p, SQ_HEAD, h, 1)
}

#if SQPOLL
/* io_sq_thread: consume and complete; when idle, set NEED_WAKEUP,
   smp_mb__after_atomic, re-read the tail, sleep only if still empty. */
proctype SqThread() {
  byte h = START, tl, v, hd;
  do
  :: load(KER, SQ_TAIL, tl);                           /* acquire */
     if
     :: tl != h ->
          consume_one(KER, h, v);
          post_cqe(KER, v, hd); v = 0
     :: else ->
          if
          :: skip                                      /* keep polling */
          :: rmw_or(KER, SQ_FLAGS, NEED_WAKEUP);
#if KERNEL_FENCE
             fence(KER);                               /* smp_mb__after_atomic */
#endif
             load(KER, SQ_TAIL, tl);
             if
             :: tl != h -> skip
             :: else ->
end_sleep:        wake == 1 -> wake = 0
             fi;
             rmw_andnot(KER, SQ_FLAGS, NEED_WAKEUP)
          fi
     fi;
     tl = 0
  od
}
#else
/* completion context of the non-SQPOLL configuration (io-wq / irq) */
proctype Completer() {
  byte tag, hd;
end:
  do
  :: atomic { k_pend > 0 -> k_pend--; tag = k_next; k_next++ };
     post_cqe(KER, tag, hd); tag = 0
  od
}
#endif

/* ---- application side: core/hr_ring.h, step by step --------------------- */
proctype App() {
  byte t = START;        /* sq.sqe_tail */
  byte sh = START;       /* sq.sqe_head == our last SQ tail store */
  byte ch = START;       /* cq.head */
  byte sub, pub;         /* SQEs handed out / published (absolute) */
  byte v, tc, fl, i, pv, hd;
  bit pre, early;
#if !SQPOLL
  byte kh = START;       /* kernel's cached SQ head (ctx->cached_sq_head) */
#endif
  do
  /* hr_get_sqe (hr__sq_refill: step app.sq_head_load) + a prep helper */
  :: sub < N ->
       load(APP, SQ_HEAD, v);
       if
       :: occ(t, v) < E_SQ ->
            store(APP, SQE0 + t % E_SQ, sub, 0);
            t = (t + 1) % W; sub++
       :: else -> skip                                 /* ring full */
       fi;
       v = 0
  /* hr_submit_and_wait: hr_flush_sq, then needs_flush / needs_enter */
  :: t != sh ->
#if TAIL_BEFORE_ARRAY
       store(APP, SQ_TAIL, t, ORD_SQ_TAIL_STORE);      /* mutant */
#endif
#if SQARRAY
       i = sh;                                         /* step app.sq_array_store */
       do
       :: i != t -> store(APP, ARR0 + i % E_SQ, pub + occ(i, sh), 0); i = (i + 1) % W
       :: else -> break
       od;
       i = 0;
#endif
#if !TAIL_BEFORE_ARRAY
       store(APP, SQ_TAIL, t, ORD_SQ_TAIL_STORE);      /* step app.sq_tail_store */
#endif
       sh = t; pub = sub;
#if SQPOLL
       load(APP, SQ_FLAGS, fl);                        /* step app.overflow_flag_load */
       if
       :: (fl & CQ_OVERFLOW) -> fence(APP); flush_overflow(APP, hd)   /* enter(GETEVENTS) */
       :: else -> skip
       fi;
#if WAKEUP_FENCE
       fence(APP);                                     /* step app.wakeup_fence */
#endif
       load(APP, SQ_FLAGS, fl);                        /* step app.wakeup_flags_load */
       if
       :: (fl & NEED_WAKEUP) -> fence(APP); wake = 1   /* enter(SQ_WAKEUP) */
       :: else -> skip
       fi;
       fl = 0
#else
       fence(APP);                                     /* io_uring_enter(to_submit) */
       load(APP, SQ_TAIL, tc);
       do
       :: tc != kh -> consume_one(APP, kh, v); k_pend++
       :: else -> break
       od;
       tc = 0; v = 0
#endif
  /* hr_peek_cqe / hr_copy_cqes_ready (step app.cq_tail_load), the CQE read,
     hr_cq_advance (step app.cq_head_store) */
  :: g_reaped < N ->
#if ORD_CQ_TAIL_LOAD == RLX && WEAK
       if
       :: load(APP, CQE0 + ch % E_CQ, pv); pre = 1     /* slot read done early */
       :: skip
       fi;
#endif
       load(APP, CQ_TAIL, tc);
       if
       :: tc != ch ->
            assert(occ(tc, ch) <= E_CQ);
#if CQ_HEAD_BEFORE_READ
            early = 1;
#elif ORD_CQ_HEAD_STORE == PLAIN && WEAK
            if :: early = 1 :: early = 0 fi;
#endif
            if
            :: early -> store(APP, CQ_HEAD, (ch + 1) % W, ORD_CQ_HEAD_STORE)
            :: else -> skip
            fi;
            if
            :: pre -> v = pv
            :: else -> load(APP, CQE0 + ch % E_CQ, v)
            fi;
            assert(v == g_reaped);                     /* P2 + P5: written, once, in order */
            g_reaped++;
            ch = (ch + 1) % W;
            if
            :: !early -> store(APP, CQ_HEAD, ch, ORD_CQ_HEAD_STORE)
            :: else -> skip
            fi
       :: else -> skip
       fi;
       pre = 0; pv = 0; v = 0; tc = 0; early = 0
  /* hr_wait_cqe_nr: enter(GETEVENTS, min_complete 1): flush the backlog,
     sleep until a CQE is posted (io_cqring_wait).  P4: a lost wakeup or a
     lost CQE leaves the app blocked here: an invalid end state. */
  :: g_reaped < pub ->
       fence(APP);
       do
       :: flush_overflow(APP, hd);
          if
          :: k_ct != ch -> break
          :: else -> (k_ct != ch || k_ovf > 0)
          fi
       od
  :: g_reaped == N -> break
  od;
  assert(g_cons == N && g_reaped == N && k_ovf == 0)   /* P4, P5 */
}

#else
/* ---- buffer rings (io_uring/kbuf.c; core/hr_bufring.h) ------------------ */
proctype BufKernel() {
  byte bh = START, tl, v;
  do
  :: load(KER, BUF_TAIL, tl);                          /* smp_load_acquire(&br->tail) */
     if
     :: tl != bh ->
          load(KER, BUFE0 + bh % E_BUF, v);
          assert(v == g_bufs);                         /* P6: entry written before the tail */
          g_bufs++;
          bh = (bh + 1) % W;
          store(KER, BUF_RET, bh, 1)                   /* the CQE carrying the buffer id */
     :: else -> skip
     fi;
     tl = 0; v = 0
  :: g_bufs == N -> break
  od
}

proctype BufApp() {
  byte bt = START, added, r;
  do
  :: added < N ->
       load(APP, BUF_RET, r);                          /* CQ tail acquire, then the CQE */
       if
       :: occ(bt, r) < E_BUF ->
#if BUF_TAIL_BEFORE_ENTRIES
            store(APP, BUF_TAIL, (bt + 1) % W, ORD_BUF_TAIL_STORE);   /* mutant */
#endif
            store(APP, BUFE0 + bt % E_BUF, added, 0);  /* step app.buf_entry_store */
            bt = (bt + 1) % W; added++;
#if !BUF_TAIL_BEFORE_ENTRIES
            store(APP, BUF_TAIL, bt, ORD_BUF_TAIL_STORE)  /* step app.buf_tail_store */
#endif
       :: else -> skip
       fi;
       r = 0
  :: added == N -> break
  od
}
#endif

init {
  byte k;
  d_step {
    k = 0;
    do
    :: k < NMEM -> mem[k] = NOTAG; k++
    :: else -> break
    od;
    mem[SQ_TAIL] = START; mem[SQ_HEAD] = START; mem[CQ_TAIL] = START; mem[CQ_HEAD] = START;
    mem[BUF_TAIL] = START; mem[BUF_RET] = START; mem[SQ_FLAGS] = 0; mem[LOCK] = 0;
    k = 0
  }
  atomic {
    run Flusher(APP); run Flusher(KER);
#if BUFRING
    run BufKernel(); run BufApp()
#elif SQPOLL
    run SqThread(); run App()
#else
    run Completer(); run App()
#endif
  }
}
