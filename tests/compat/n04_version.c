/* (liburing 2.4+ API, compat only) version functions and macros */
#include "ct.h"
int main(void)
{
    CHECK_EQ(io_uring_major_version(), IO_URING_VERSION_MAJOR);
    CHECK_EQ(io_uring_minor_version(), IO_URING_VERSION_MINOR);
    CHECK_EQ(IO_URING_VERSION_MAJOR, 2);
    CHECK_EQ(IO_URING_VERSION_MINOR, 15);
    /* true when the library is OLDER than asked for */
    CHECK(!io_uring_check_version(2, 15));
    CHECK(!io_uring_check_version(2, 0));
    CHECK(io_uring_check_version(2, 16));
    CHECK(io_uring_check_version(3, 0));
#if IO_URING_CHECK_VERSION(2, 15)
    FAIL("IO_URING_CHECK_VERSION(2, 15)");
#endif
#if !IO_URING_CHECK_VERSION(2, 16)
    FAIL("IO_URING_CHECK_VERSION(2, 16)");
#endif
    printf("ok\n");
    return 0;
}
