/* version.c -- the run-time version functions of core/hr_version.h: they
 * report the library that was linked, which may differ from the headers a
 * program was compiled with.  Proved by WP (unit `version`; contracts
 * specs/hr_version_spec.h). */
#include "hr_version.h"
#include "hr_version_spec.h"

int hr_version_major(void)
{
    return HR_VERSION_MAJOR;
}

int hr_version_minor(void)
{
    return HR_VERSION_MINOR;
}

int hr_version_patch(void)
{
    return HR_VERSION_PATCH;
}

int hr_check_version(int major, int minor)
{
    return major > HR_VERSION_MAJOR ||
           (major == HR_VERSION_MAJOR && minor > HR_VERSION_MINOR);
}
