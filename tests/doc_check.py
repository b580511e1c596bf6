#!/usr/bin/env python3
"""doc_check.py -- suite `docs`: every public function has a doc comment.

Scans the public headers (core/*.h except the internal ones listed below)
for every function declared or defined at column 0 whose name starts with
hr_ (names starting hr__ or hr_sys_ are internal).  Each one is a case; it
passes when
  - the line directly above its first line closes a doc comment
    (/* ... */, not an ACSL /*@ ... */ block, not a "/* ---- section" rule);
  - every "Matches io_uring_X" in that comment names a function that exists:
    in liburing.h (Debian 12 ships liburing 2.3) or in NEWER_THAN_2_3 below
    (functions added since, checked against liburing 2.15);
  - if liburing.h has io_uring_<same suffix>, the comment says "Matches".
Prints the failures, then `docs: N passed, N failed, N skipped`.
Exit 0 iff nothing failed.  Usage: doc_check.py [ROOT] [LIBURING_H]
"""
import os
import re
import sys

# Headers whose functions are not public API: trusted bodies (syscalls,
# atomics) and compiler plumbing.
INTERNAL_HEADERS = {"hr_arch.h", "hr_sys.h", "hr_atomic.h", "hr_compiler.h"}

# liburing functions newer than Debian 12's liburing 2.3 that hringas
# mirrors, as named in liburing 2.15 (src/include/liburing.h, liburing.map).
NEWER_THAN_2_3 = {
    # 2.4
    "io_uring_major_version", "io_uring_minor_version", "io_uring_check_version",
    "io_uring_prep_sendmsg_zc", "io_uring_prep_send_set_addr", "io_uring_prep_sendto",
    "io_uring_prep_cmd_sock", "io_uring_register_file_alloc_range",
    "io_uring_prep_msg_ring_cqe_flags", "io_uring_prep_msg_ring_fd",
    "io_uring_prep_msg_ring_fd_alloc", "io_uring_setup_buf_ring", "io_uring_free_buf_ring",
    "io_uring_register_ring_fd", "io_uring_close_ring_fd", "io_uring_prep_fixed_fd_install",
    # 2.5
    "io_uring_prep_read_multishot", "io_uring_prep_waitid", "io_uring_prep_futex_wait",
    "io_uring_prep_futex_wake", "io_uring_prep_futex_waitv", "io_uring_buf_ring_available",
    "io_uring_prep_recv_multishot", "io_uring_prep_cancel_fd",
    "io_uring_queue_init_mem", "io_uring_memory_size", "io_uring_memory_size_params",
    # 2.6
    "io_uring_prep_ftruncate", "io_uring_submit_and_wait_reg", "io_uring_enable_rings",
    "io_uring_prep_socket_direct_alloc",
    # 2.7
    "io_uring_prep_bind", "io_uring_prep_listen", "io_uring_prep_send_bundle",
    "io_uring_clone_buffers", "io_uring_register_napi", "io_uring_unregister_napi",
    "io_uring_set_iowait", "io_uring_wait_cqes_min_timeout",
    "io_uring_submit_and_wait_min_timeout",
    # 2.8 - 2.15
    "io_uring_prep_cmd_discard", "io_uring_register_wait_reg", "io_uring_resize_rings",
    "io_uring_register_region", "io_uring_prep_open_direct", "io_uring_prep_pipe",
    "io_uring_prep_pipe_direct", "io_uring_register_ifq", "io_uring_prep_epoll_wait",
    "io_uring_prep_readv_fixed", "io_uring_prep_writev_fixed",
    "io_uring_prep_sendmsg_zc_fixed", "io_uring_prep_recvmsg_multishot",
    "io_uring_cqe_shift", "io_uring_cqe_index", "io_uring_cqe_nr", "io_uring_cq_has_overflow",
    "io_uring_cq_eventfd_enabled", "io_uring_cq_eventfd_toggle", "io_uring_sqring_wait",
    "io_uring_ring_dontfork", "io_uring_peek_batch_cqe", "io_uring_prep_nop128",
    "io_uring_get_sqe128", "io_uring_prep_uring_cmd128", "io_uring_enter", "io_uring_enter2",
    "io_uring_setup", "io_uring_register", "io_uring_get_events",
    "io_uring_submit_and_get_events", "io_uring_register_sync_cancel",
    "io_uring_register_sync_msg", "io_uring_prep_getxattr", "io_uring_prep_setxattr",
    "io_uring_prep_fgetxattr", "io_uring_prep_fsetxattr", "io_uring_prep_uring_cmd",
    "io_uring_prep_cmd_getsockname",
    "io_uring_prep_waitid", "io_uring_prep_fixed_fd_install", "io_uring_recvmsg_validate",
    "io_uring_recvmsg_name", "io_uring_recvmsg_cmsg_firsthdr", "io_uring_recvmsg_cmsg_nexthdr",
    "io_uring_recvmsg_payload", "io_uring_recvmsg_payload_length",
    "io_uring_register_buf_ring", "io_uring_unregister_buf_ring",
    "io_uring_buf_ring_head", "io_uring_prep_open", "io_uring_prep_fadvise64",
    "io_uring_prep_madvise64",
}

RETURN_TYPE = (r'^(?:static\s+inline\s+|HR_HOT\s+|extern\s+)?'
               r'(?:(?:const|unsigned|signed|struct|union|enum|long|short)\s+)*'
               r'[A-Za-z_][A-Za-z0-9_]*')
DECL = re.compile(RETURN_TYPE + r'[\s*]+\**\s*(hr_[a-z0-9_]+)\s*\(')
# the same declaration written on two lines: the return type alone on one
# line, the name at the start of the next
TYPE_LINE = re.compile(RETURN_TYPE + r'[\s*]*$')
NAME_LINE = re.compile(r'^(hr_[a-z0-9_]+)\s*\(')


def strip_comment(text):
    """Text of a /* */ comment without the delimiters and leading stars."""
    text = re.sub(r'^/\*+', '', text.strip())
    text = re.sub(r'\*/$', '', text)
    lines = [re.sub(r'^\s*\*?\s?', '', l) for l in text.splitlines()]
    return ' '.join(' '.join(lines).split())


def scan(path):
    """Yield (name, line number, doc comment text or None, is_void) per declaration."""
    lines = open(path, encoding='utf-8').read().splitlines()
    in_comment = False
    comment_start = None     # index of the line that opened the last comment
    last_comment = None      # (start, end) line indices of the last complete comment
    for i, line in enumerate(lines):
        if in_comment:
            if '*/' in line:
                in_comment = False
                last_comment = (comment_start, i)
            continue
        stripped = line.strip()
        if stripped.startswith('/*'):
            comment_start = i
            if '*/' not in stripped[2:]:
                in_comment = True
            else:
                last_comment = (i, i)
            continue
        m = DECL.match(line)
        first = i                # the declaration's first line
        if not m and i > 0 and TYPE_LINE.match(lines[i - 1]):
            m = NAME_LINE.match(line)
            first = i - 1
        if not m or line.startswith('#'):
            continue
        name = m.group(1)
        if name.startswith('hr__') or name.startswith('hr_sys_'):
            continue
        doc = None
        if last_comment and last_comment[1] == first - 1:
            text = '\n'.join(lines[last_comment[0]:last_comment[1] + 1])
            if not text.lstrip().startswith('/*@') and not strip_comment(text).startswith('--'):
                doc = strip_comment(text)
        head = ' '.join(lines[first:i + 1])
        is_void = re.match(r'^(?:static\s+inline\s+|HR_HOT\s+)?void\s+hr_', head) is not None
        yield name, i + 1, doc, is_void


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else '.'
    liburing_h = sys.argv[2] if len(sys.argv) > 2 else '/usr/include/liburing.h'
    try:
        liburing = set(re.findall(r'\b(io_uring_[a-z0-9_]+)\b', open(liburing_h).read()))
    except OSError as e:
        print(f"docs: cannot read {liburing_h} ({e.strerror}): apt-get install liburing-dev")
        print("docs: 0 passed, 1 failed, 0 skipped")
        return 1
    known = liburing | NEWER_THAN_2_3

    decls = {}   # name -> list of (header, line, doc, is_void)
    core = os.path.join(root, 'core')
    for h in sorted(os.listdir(core)):
        if not h.endswith('.h') or h in INTERNAL_HEADERS:
            continue
        for name, line, doc, is_void in scan(os.path.join(core, h)):
            decls.setdefault(name, []).append((h, line, doc, is_void))

    passed, failed = 0, []
    no_return_word = []
    for name in sorted(decls):
        occ = decls[name]
        documented = [o for o in occ if o[2]]
        if not documented:
            h, line = occ[0][0], occ[0][1]
            failed.append((h, line, name, "no doc comment directly above"))
            continue
        h, line, doc, is_void = documented[0]
        problems = []
        for m in re.finditer(r'Matches\s+(\S+)', doc):
            ref = m.group(1).rstrip('.,;:()')
            if not ref.startswith('io_uring_'):
                problems.append(f'"Matches {ref}": not an io_uring_ name')
            elif ref not in known:
                problems.append(f'"Matches {ref}": no such liburing function')
        twin = 'io_uring_' + name[len('hr_'):]
        if twin in liburing and 'Matches' not in doc:
            problems.append(f'liburing has {twin}: say "Matches {twin} in liburing."')
        if not is_void and not re.search(r'\breturn|\bnever fails|\byields?\b', doc, re.I):
            no_return_word.append(f"{h}:{line} {name}")
        if problems:
            failed.append((h, line, name, '; '.join(problems)))
        else:
            passed += 1

    by_header = {}
    for h, line, name, why in failed:
        by_header.setdefault(h, []).append((line, name, why))
    for h in sorted(by_header):
        print(f"core/{h}: {len(by_header[h])} without a valid doc comment")
        for line, name, why in sorted(by_header[h]):
            print(f"  FAIL  core/{h}:{line} {name}: {why}")
    if no_return_word:
        print(f"note: {len(no_return_word)} non-void functions whose doc never says what they "
              "return (not counted as failures):")
        for x in no_return_word:
            print(f"  note  {x}")
    print(f"docs: {len(decls)} public functions in core/*.h "
          f"(internal headers skipped: {', '.join(sorted(INTERNAL_HEADERS))})")
    print(f"docs: {passed} passed, {len(failed)} failed, 0 skipped")
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
