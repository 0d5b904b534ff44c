/*
 * itertypes.c - the classes of iterators and dict views, so that type(),
 * isinstance() and subclassing see them as CPython does.
 *
 * All of them are T_ITER or T_DICTVIEW values underneath (vm/iter.c); a class
 * only names the kind. map, filter, zip, enumerate and reversed (vm/types.c)
 * are the built-ins themselves (calling the class makes the iterator, as in
 * CPython), the others cannot be called ("cannot create 'list_iterator' instances").
 */
#include <string.h>

#include "vm/vm.h"
#include "vm/itertools.h"

/* The classes nobody calls: one a name type_name() gives (vm/format.c). */
static const TypeObj plain_types[] = {
    {{0, T_TYPE, 0, 0}, "dict_keys", T_DICTVIEW, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "dict_values", T_DICTVIEW, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "dict_items", T_DICTVIEW, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "range_iterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "list_iterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "tuple_iterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "str_ascii_iterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "bytes_iterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "arrayiterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "iterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "dict_keyiterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "dict_valueiterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "dict_itemiterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "dict_reversekeyiterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "dict_reversevalueiterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "dict_reverseitemiterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "bytearray_iterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "memory_iterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "set_iterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "callable_iterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "list_reverseiterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "_deque_iterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "_deque_reverse_iterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "str_iterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "bytearray_iterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "memory_iterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "dict_reversekeyiterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "dict_reversevalueiterator", T_ITER, -1, NULL, NULL},
    {{0, T_TYPE, 0, 0}, "dict_reverseitemiterator", T_ITER, -1, NULL, NULL},
};

const TypeObj *iter_type_of(Value v)
{
    if (v.type == T_ITER) {
        switch (v.u.obj->aux) {
        case ITER_MAP:       return &type_map;
        case ITER_FILTER:    return &type_filter;
        case ITER_ZIP:       return &type_zip;
        case ITER_ENUMERATE: return &type_enumerate;
        case ITER_ITERTOOL:  return itertools_type_of(AS(Iter, v));
        case ITER_REVERSED:
            if (AS(Iter, v)->src.type != T_LIST && AS(Iter, v)->src.type != T_RANGE) /* a list's and a range's have their own, as CPython's */
                return &type_reversed;
            break;
        default:             break;
        }
    }
    const char *name = type_name(v);
    for (size_t i = 0; i < sizeof plain_types / sizeof plain_types[0]; i++)
        if (plain_types[i].value_type == v.type && strcmp(plain_types[i].name, name) == 0)
            return &plain_types[i];
    return NULL;
}
