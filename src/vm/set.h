/*
 * set.h - set and frozenset (set.c).
 */
#ifndef P4_SET_H
#define P4_SET_H

#include "vm/vm.h"

static inline bool v_is_anyset(Value v) { return v.type == T_SET || v.type == T_FROZENSET; }

/* An empty set (T_SET) or frozenset (T_FROZENSET). */
Set *set_new(VM *vm, Type type);
/* {items[0], ..., items[n-1]} (items rooted, e.g. on the VM stack); folded:
 * built as CPython builds a display of constants (BUILD_SET_FOLDED) */
bool set_build(VM *vm, const Value *items, uint32_t n, bool folded, Value *out);
/* s.add(key); key must be rooted, s reachable */
bool set_add(VM *vm, Set *s, Value key);
bool set_contains(VM *vm, Set *s, Value key, bool *out);
/* a op b where a or b is a set: | & - ^ (and the in-place forms of them for
 * sets); raises the usual TypeError for other operand types */
bool set_binary_op(VM *vm, unsigned op, Value a, Value b, Value *out);
/* < <= > >= between sets (op is a COMPARE_* opcode) */
bool set_order(VM *vm, unsigned op, Value a, Value b, Value *out);
/* a op b (any COMPARE_* opcode) with a keys or items view on one side and one
 * or a set on the other: as sets, by length and containment, as CPython's
 * dictview_richcompare; *out false for anything else */
bool set_view_compare(VM *vm, unsigned op, Value a, Value b, bool *out);
/* a == b for two sets or frozensets */
bool set_equal(VM *vm, Set *a, Set *b, bool *out);
bool set_hash(VM *vm, Set *s, uint32_t *out);
/* the items of a set, ", "-separated, for repr */
bool set_repr_items(VM *vm, StrBuf *sb, Set *s);
/* next item of an ITER_SET iterator: 1, 0 when exhausted, -1 */
int set_iter_next(VM *vm, Iter *it, Value *out);

extern const MethodEntry set_methods[], frozenset_methods[], dictview_methods[];
extern const uint32_t n_set_methods, n_frozenset_methods, n_dictview_methods;
extern const TypeObj type_set, type_frozenset;
extern const Native bi_set, bi_frozenset;

#endif
