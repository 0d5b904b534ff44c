/*
 * iter.h - what iter.c's iterators keep in their fields that others read
 * (format.c names their types).
 */
#ifndef P4_ITER_H
#define P4_ITER_H

/* Flag in Iter.aux2 of an ITER_DICT: walks the entries backwards (reversed()). */
#define DICT_REVERSED 0x100u

#endif
