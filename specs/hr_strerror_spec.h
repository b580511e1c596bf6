/* hr_strerror_spec.h -- contract of hr_strerror (core/strerror.c), proved
 * by WP in unit `strerror`: for every int, the result points to
 * HR_ERRNAME_SIZE readable bytes whose last one is NUL, i.e. a valid C
 * string of at most HR_ERRNAME_SIZE - 1 characters.  The prototype and
 * HR_ERRNAME_SIZE: core/hr_strerror.h. */
#ifndef HRINGAS_STRERROR_SPEC_H
#define HRINGAS_STRERROR_SPEC_H

/*@ assigns \result \from err;
    ensures valid:      \valid_read(\result + (0 .. HR_ERRNAME_SIZE - 1));
    ensures terminated: \result[HR_ERRNAME_SIZE - 1] == '\0';
*/
const char *hr_strerror(int err);

#endif
