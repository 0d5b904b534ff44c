/*
 * itertools.h - the C itertools module (vm/itertools.c): its iterators are
 * T_ITER of kind ITER_ITERTOOL, reached from the shared iterator code.
 */
#ifndef P4_ITERTOOLS_H
#define P4_ITERTOOLS_H

#include "vm/vm.h"

int itertools_next(VM *vm, Iter *it, Value *out);   /* vm_iternext's: 1, 0 end, -1 raised */
const TypeObj *itertools_type_of(const Iter *it);   /* type(): itertools.count, ... */
/* repr() of count and repeat, which show their state: 1 done, 0 raised, -1 not theirs */
int itertools_repr(VM *vm, StrBuf *sb, const Iter *it);
/* chain.from_iterable: 1 found, -1 no such attribute */
int itertools_type_attr(const TypeObj *cls, const Str *name, Value *out);
extern const Module module_itertools;

#endif
