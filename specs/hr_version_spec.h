/* hr_version_spec.h -- contracts of the run-time version functions
 * (core/version.c, proof unit `version`).  Included by core/version.c only:
 * no other proved code calls them. */
#ifndef HRINGAS_SPEC_VERSION_H
#define HRINGAS_SPEC_VERSION_H

/*@ assigns \nothing;
    ensures \result == HR_VERSION_MAJOR;
*/
int hr_version_major(void);

/*@ assigns \nothing;
    ensures \result == HR_VERSION_MINOR;
*/
int hr_version_minor(void);

/*@ assigns \nothing;
    ensures \result == HR_VERSION_PATCH;
*/
int hr_version_patch(void);

/* 1 exactly when the library is older than major.minor. */
/*@ assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures older: \result == 1 <==>
      major > HR_VERSION_MAJOR || (major == HR_VERSION_MAJOR && minor > HR_VERSION_MINOR);
*/
int hr_check_version(int major, int minor);

#endif
