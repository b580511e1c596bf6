/* hr_strerror_spec.h -- contract of hr_strerror (core/strerror.c), proved
 * by WP in unit `strerror`: for every int, the result points to
 * HR_ERRNAME_SIZE readable bytes whose last one is NUL, i.e. a valid C
 * string of at most HR_ERRNAME_SIZE - 1 characters; and which string it
 * is: row |err| of the table of names when that row is a name, else
 * "unknown error".  The prototype and HR_ERRNAME_SIZE: core/hr_strerror.h;
 * the two tables: core/strerror.c, which alone includes this contract (WP
 * never reads the names, core/errnames.c). */
#ifndef HRINGAS_STRERROR_SPEC_H
#define HRINGAS_STRERROR_SPEC_H
/*@ // the errno value err names: err or -err (INT_MIN and values below
    // -HR_ERRNO_MAX have none; they stay negative)
    logic integer errno_of(integer err) = -HR_ERRNO_MAX <= err < 0 ? -err : err;
    // row e of the table is a name: an assigned value, a non-empty row
    // whose last byte is NUL
    predicate err_named(integer e) =
      0 < e <= HR_ERRNO_MAX && hr__errnames[e][0] != '\0' &&
      hr__errnames[e][HR_ERRNAME_SIZE - 1] == '\0';
*/
/*@ assigns \result \from err, hr__errnames[0 .. HR_ERRNO_MAX][0 .. HR_ERRNAME_SIZE - 1];
    ensures valid:      \valid_read(\result + (0 .. HR_ERRNAME_SIZE - 1));
    ensures terminated: \result[HR_ERRNAME_SIZE - 1] == '\0';
    behavior named:
      assumes err_named(errno_of(err));
      ensures \result == &hr__errnames[errno_of(err)][0];
    behavior unknown:
      assumes !err_named(errno_of(err));
      ensures \result == &hr__unknown[0];
    complete behaviors;
    disjoint behaviors;
*/
const char *hr_strerror(int err);
#endif
