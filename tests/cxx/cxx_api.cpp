// cxx_api.cpp -- the public headers used from C++17: <hringas.h> compiled by
// g++ and clang++ with -Wall -Wextra -Werror, linked against libhringas, and
// a few operations run on the real kernel.  Exit 0 pass, 1 fail, 77 skip
// (io_uring unavailable).  Prints one line per check.
#include <hringas.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <type_traits>

static_assert(HR_VERSION_MAJOR == 0 && HR_VERSION_MINOR >= 2, "version macros");
static_assert(!HR_CHECK_VERSION(0, 2), "headers are at least 0.2");
static_assert(sizeof(hr_sqe) == sizeof(io_uring_sqe), "SQE mirror");
static_assert(sizeof(hr_cqe) == sizeof(io_uring_cqe), "CQE mirror");
static_assert(std::is_trivially_copyable<hr_cqe>::value, "CQEs copy like C structs");

namespace {

int failures = 0;

void check(bool ok, const char *what)
{
    std::printf("  %s  %s\n", ok ? "ok  " : "FAIL", what);
    if (!ok)
        failures++;
}

// RAII owner of a ring: the C API has no allocation, so the struct lives
// inside the object and hr_ring_exit runs once in the destructor.
class Ring {
public:
    explicit Ring(unsigned entries) : ring_(), err_(hr_ring_init(&ring_, entries, 0)) {}
    ~Ring() { hr_ring_exit(&ring_); }
    Ring(const Ring &) = delete;
    Ring &operator=(const Ring &) = delete;
    int error() const { return err_; }
    hr_ring *get() { return &ring_; }

private:
    hr_ring ring_;
    int err_;
};

}  // namespace

int main()
{
    check(hr_version_major() == HR_VERSION_MAJOR && hr_version_minor() == HR_VERSION_MINOR &&
              hr_version_patch() == HR_VERSION_PATCH,
          "run-time version == compile-time version");
    check(hr_check_version(0, 1) == 0 && hr_check_version(HR_VERSION_MAJOR + 1, 0) == 1,
          "hr_check_version: liburing's convention (1 = library too old)");
    check(std::strcmp(hr_strerror(-EINVAL), "EINVAL") == 0 &&
              std::strcmp(hr_strerror(ECANCELED), "ECANCELED") == 0 &&
              std::strcmp(hr_strerror(0), "unknown error") == 0 &&
              std::strcmp(hr_strerror(-100000), "unknown error") == 0,
          "hr_strerror names");
    // every name against glibc's own table (strerrorname_np, glibc 2.32+;
    // g++ and clang++ define _GNU_SOURCE): the same name, or both unnamed
    bool names = true;
    for (int e = 1; e <= HR_ERRNO_MAX + 5; e++) {
        const char *ours = hr_strerror(-e);
        const char *libc = strerrorname_np(e);
        bool same = libc ? std::strcmp(ours, libc) == 0 : std::strcmp(ours, "unknown error") == 0;
        if (!same || std::strlen(ours) >= HR_ERRNAME_SIZE) {
            std::printf("    errno %d: hr_strerror \"%s\", glibc \"%s\"\n", e, ours, libc ? libc : "(none)");
            names = false;
        }
    }
    check(names, "hr_strerror(-e) == strerrorname_np(e) for every e in 1..HR_ERRNO_MAX+5");

    Ring ring(8);
    if (ring.error() == -ENOSYS || ring.error() == -EPERM) {
        std::printf("  SKIP io_uring unavailable: %s\n", hr_strerror(ring.error()));
        return 77;
    }
    check(ring.error() == 0, "hr_ring_init from C++");
    if (ring.error() != 0)
        return 1;

    // eight NOPs, user_data = i, one submit-and-wait
    for (unsigned i = 0; i < 8; i++) {
        hr_sqe *sqe = hr_get_sqe(ring.get());
        if (!sqe)
            break;
        hr_prep_nop(sqe);
        hr_sqe_set_data64(sqe, 100 + i);
    }
    check(hr_submit_and_wait(ring.get(), 8) == 8, "8 NOPs submitted");
    hr_cqe cqes[8];
    int got = hr_copy_cqes(ring.get(), cqes, 8, 8);
    check(got == 8, "8 CQEs copied");
    unsigned long long sum = 0;
    bool res_ok = true;
    for (int i = 0; i < got; i++) {
        sum += hr_cqe_get_data64(&cqes[i]);
        res_ok = res_ok && cqes[i].res == 0;
    }
    check(res_ok && sum == 8 * 100 + 28, "every CQE res 0, user_data 100..107");

    // a NOP carrying a pointer, reaped zero-copy with wait_cqe / cqe_seen
    static int marker;
    hr_sqe *sqe = hr_get_sqe(ring.get());
    hr_prep_nop(sqe);
    hr_sqe_set_data(sqe, &marker);
    hr_cqe *cqe = nullptr;
    check(hr_submit(ring.get()) == 1 && hr_wait_cqe(ring.get(), &cqe) == 0 && cqe &&
              hr_cqe_get_data(cqe) == &marker,
          "pointer user_data round trip (hr_wait_cqe)");
    if (cqe)
        hr_cqe_seen(ring.get(), cqe);

    std::printf("  %s\n", failures ? "some checks failed" : "all checks passed");
    return failures ? 1 : 0;
}
