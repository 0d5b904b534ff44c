/*
 * container.c - subscripting, membership, len() and unpacking for every
 * container type, and the aggregating built-ins len, min, max, sum.
 */
#include <string.h>

#include "vm/vm.h"
#include "vm/class.h"
#include "vm/set.h"
#include "vm/memview.h"
#include "vm/long.h"

/* Turns an int index into a position in [0, len), or raises IndexError. */
static bool position(VM *vm, Value key, uint32_t len, const char *what, uint32_t *out)
{
    int64_t i = key.u.i;
    if (i < 0)
        i += len;
    if (i < 0 || i >= (int64_t)len)
        return vm_raise(vm, EXC_IndexError, "%s index out of range", what);
    *out = (uint32_t)i;
    return true;
}

/* An int index beyond 32 bits is past the end of every sequence here. As
 * CPython's (a 64-bit Py_ssize_t): "list index out of range" when it fits
 * 64 bits, else it cannot be converted at all. `what` as for position(),
 * NULL for bytes' bare "index out of range". */
bool vm_long_index_error(VM *vm, Value key, const char *what)
{
    int64_t i;
    if (!long_to_i64(key, &i))
        return vm_raise(vm, EXC_IndexError, "cannot fit 'int' into an index-sized integer");
    return vm_raise(vm, EXC_IndexError, "%s%sindex out of range", what ? what : "", what ? " " : "");
}

static bool bad_index(VM *vm, Value obj, Value key, const char *what)
{
    if (key.type == T_LONG)
        return vm_long_index_error(vm, key, what);
    if (obj.type == T_ARRAY)
        return vm_raise(vm, EXC_TypeError, "array indices must be integers");
    return vm_raise(vm, EXC_TypeError, "%s indices must be integers or slices, not %s", type_name(obj),
                    type_name(key));
}

/* A sequence's index that is an instance: its __index__ (a dict's or a
 * class's own __getitem__ takes the instance itself). */
static bool index_key(VM *vm, Value obj, Value *key)
{
    if (obj.type == T_DICT || obj.type == T_INSTANCE)
        return true;
    return class_index(vm, key);
}

static Value *seq_items(Value v, uint32_t *len)
{
    if (v.type == T_LIST) {
        *len = AS(List, v)->len;
        return AS(List, v)->items;
    }
    *len = AS(Tuple, v)->len;
    return AS(Tuple, v)->items;
}

/* obj[slice] for lists, tuples, arrays and bytearrays */
static bool get_slice(VM *vm, Value obj, Slice *s, Value *out)
{
    int32_t len;
    if (!vm_len(vm, obj, &len))
        return false;
    int32_t start, stop, step, n;
    if (!slice_indices(vm, s, len, &start, &stop, &step, &n))
        return false;
    if (obj.type == T_LIST || obj.type == T_TUPLE) {
        Value *dst;
        if (obj.type == T_LIST) {
            List *l = list_new(vm, (uint32_t)n);
            if (!l)
                return false;
            l->len = (uint32_t)n;
            dst = l->items;
            *out = v_obj(l);
        } else {
            Tuple *t = tuple_new(vm, (uint32_t)n);
            if (!t)
                return false;
            dst = t->items;
            *out = v_obj(t);
        }
        uint32_t slen;
        Value *src = seq_items(obj, &slen);
        for (int32_t k = 0; k < n; k++)
            dst[k] = src[start + (int64_t)k * step];
        return true;
    }
    Array *a = AS(Array, obj);
    uint32_t size = array_itemsize(a);
    Array *r = obj.type == T_BYTEARRAY ? bytearray_new(vm, (uint32_t)n) : array_new(vm, (char)a->hdr.aux, (uint32_t)n);
    if (!r)
        return false;
    a = AS(Array, obj);
    for (int32_t k = 0; k < n; k++)
        memcpy(r->data + (size_t)k * size, a->data + (size_t)(start + (int64_t)k * step) * size, size);
    *out = v_obj(r);
    return true;
}

/* position()'s name of a list or tuple; a deque says "deque index out of
 * range" for reads, stores and deletions alike, as CPython's. */
static const char *seq_what(Value obj, const char *what)
{
    return obj.type == T_LIST && (obj.u.obj->flags & LIST_DEQUE) ? "deque" : what;
}

/* A deque takes no slices (CPython's raises TypeError): true when key is one. */
static bool deque_slice(Value obj, Value key)
{
    return key.type == T_SLICE && obj.type == T_LIST && (obj.u.obj->flags & LIST_DEQUE);
}

static bool class_getitem_of_class(VM *vm, Value cls, Value key, Value *out);

/* C[key] of a user class: its metaclass's __getitem__, else its
 * __class_getitem__, as in CPython. */
static bool meta_getitem(VM *vm, Value cls, Value key, Value *out)
{
    Value fn;
    if (user_class_of(cls) && !class_special(vm, cls, SN___getitem__, &fn))
        return false;
    if (user_class_of(cls) && fn.type != T_UNBOUND)
        return class_getitem(vm, cls, key, out);
    return class_getitem_of_class(vm, cls, key, out);
}

/* C[key] of a user class: C.__class_getitem__(key), implicitly a class
 * method (a plain def found in the class is called with C). */
static bool class_getitem_of_class(VM *vm, Value cls, Value key, Value *out)
{
    Str *name = str_from_cstr(vm, "__class_getitem__");
    if (!name)
        return false;
    VM_ROOT(vm, v_obj(name));
    Value fn;
    bool ok = class_load_attr(vm, cls, name, &fn);
    VM_UNROOT(vm, 1);
    if (!ok) {
        if (vm->exc.type != T_EXCEPTION || !exc_matches(AS(Exception, vm->exc), &exc_types[EXC_AttributeError]))
            return false;
        vm->exc = v_unbound();
        return vm_raise(vm, EXC_TypeError, "type '%s' is not subscriptable", AS(TypeObj, cls)->name);
    }
    VM_ROOT(vm, fn);
    VM_ROOT(vm, key);
    Value *arg = &vm->roots[vm->nroots - 1];
    ok = vm_recursion_enter(vm, NULL);
    if (ok) {
        ok = fn.type == T_FUNCTION ? vm_call_method(vm, fn, cls, arg, 1, NULL, out) : vm_call(vm, fn, arg, 1, NULL, out);
        vm_recursion_leave(vm);
    }
    VM_UNROOT(vm, 2);
    return ok;
}

bool vm_getitem(VM *vm, Value obj, Value key, Value *out)
{
    uint32_t i = 0;
    if (key.type == T_INSTANCE && !index_key(vm, obj, &key))
        return false;
    if (deque_slice(obj, key))
        return vm_raise(vm, EXC_TypeError, "sequence index must be integer, not 'slice'");
    switch ((Type)obj.type) {
    case T_LIST:
    case T_TUPLE: {
        if (v_is_intlike(key)) {
            uint32_t len;
            Value *items = seq_items(obj, &len);
            if (!position(vm, key, len, seq_what(obj, type_name(obj)), &i))
                return false;
            *out = items[i];
            return true;
        }
        if (key.type == T_SLICE)
            return get_slice(vm, obj, AS(Slice, key), out);
        return bad_index(vm, obj, key, seq_what(obj, type_name(obj)));
    }
    case T_ARRAY:
    case T_BYTEARRAY:
        if (v_is_intlike(key)) {
            if (!position(vm, key, AS(Array, obj)->len, obj.type == T_ARRAY ? "array" : "bytearray", &i))
                return false;
            return array_get(vm, AS(Array, obj), i, out);
        }
        if (key.type == T_SLICE)
            return get_slice(vm, obj, AS(Slice, key), out);
        return bad_index(vm, obj, key, obj.type == T_ARRAY ? "array" : "bytearray");
    case T_STR:
    case T_BYTES:
        return str_getitem(vm, AS(Str, obj), key, out);
    case T_DICT: {
        bool found;
        if (!dict_get(vm, AS(Dict, obj), key, out, &found))
            return false;
        if (!found)
            return vm_raise_value(vm, EXC_KeyError, key);
        return true;
    }
    case T_RANGE: {
        Range *r = AS(Range, obj);
        int64_t len = range_len(r);
        if (v_is_intlike(key)) {
            int64_t k = key.u.i < 0 ? key.u.i + len : key.u.i;
            if (k < 0 || k >= len)
                return vm_raise(vm, EXC_IndexError, "range object index out of range");
            *out = v_int((int32_t)(r->start + k * r->step));
            return true;
        }
        if (key.type == T_SLICE) {
            int32_t start, stop, step, n;
            if (AS(Slice, key)->step.type == T_LONG) /* the new range's step: slice_indices would clamp it */
                return vm_raise(vm, EXC_OverflowError, "Python int too large to convert to C int");
            if (len > INT32_MAX)
                return vm_raise(vm, EXC_OverflowError, "integer overflow");
            if (!slice_indices(vm, AS(Slice, key), (int32_t)len, &start, &stop, &step, &n))
                return false;
            /* the stop bound maps like CPython's, so repr(r[5:2]) is range(5, 2) */
            int64_t b = r->start + (int64_t)start * r->step, st = (int64_t)step * r->step;
            int64_t e = r->start + (int64_t)stop * r->step;
            if (st > INT32_MAX || st < INT32_MIN || e > INT32_MAX || e < INT32_MIN)
                return vm_raise(vm, EXC_OverflowError, "integer overflow");
            Range *nr = range_new(vm, (int32_t)b, (int32_t)e, (int32_t)st);
            if (!nr)
                return false;
            *out = v_obj(nr);
            return true;
        }
        if (key.type == T_LONG) /* past either end, whatever its size (CPython computes it as a long) */
            return vm_raise(vm, EXC_IndexError, "range object index out of range");
        return vm_raise(vm, EXC_TypeError, "range indices must be integers or slices, not %s", type_name(key));
    }
    default:
        if (obj.type == T_INSTANCE) /* a user class's special method */
            return class_getitem(vm, obj, key, out);
        if (obj.type == T_MEMVIEW) /* vm/memview.c; out of the way of the switch's common cases */
            return memview_getitem(vm, obj, key, out);
        if (obj.type == T_TYPE && type_is_user(AS(TypeObj, obj)))
            return meta_getitem(vm, obj, key, out);
        return vm_raise(vm, EXC_TypeError, "'%s' object is not subscriptable", type_name(obj));
    }
}

/* Can vm_getiter take v? (To tell "not iterable" from other errors.) */
static bool iterable(Value v)
{
    switch ((Type)v.type) {
    case T_RANGE: case T_LIST: case T_TUPLE: case T_STR: case T_BYTES: case T_BYTEARRAY:
    case T_ARRAY: case T_DICT: case T_DICTVIEW: case T_ITER: case T_SET: case T_FROZENSET: case T_GEN: case T_MEMVIEW:
        return true;
    default:
        return false;
    }
}

/* lst[a:b] = iterable (any length for step 1; equal length otherwise). */
static bool set_list_slice(VM *vm, List *l, Slice *s, Value value)
{
    int32_t start, stop, step, n;
    if (!slice_indices(vm, s, (int32_t)l->len, &start, &stop, &step, &n))
        return false;
    List *src = list_new(vm, 0); /* a copy: also makes l[:] = l work */
    if (!src)
        return false;
    VM_ROOT(vm, v_obj(src));
    VM_ROOT(vm, v_obj(l));
    bool ok = list_extend(vm, src, value);
    if (!ok && !iterable(value)) {
        vm->exc = v_unbound();
        ok = vm_raise(vm, EXC_TypeError, "can only assign an iterable");
    }
    if (ok && step == 1) {
        if (stop < start)
            stop = start;
        uint32_t removed = (uint32_t)(stop - start), added = src->len;
        if (added > removed) {
            for (uint32_t k = 0; k < added - removed && ok; k++)
                ok = list_append(vm, l, v_none());
            if (ok)
                memmove(l->items + start + added, l->items + stop,
                        (l->len - (added - removed) - (uint32_t)stop) * sizeof(Value));
        } else {
            memmove(l->items + start + added, l->items + stop, (l->len - (uint32_t)stop) * sizeof(Value));
            l->len -= removed - added;
        }
        if (ok && added)
            memcpy(l->items + start, src->items, added * sizeof(Value));
    } else if (ok) {
        if ((int32_t)src->len != n)
            ok = vm_raise(vm, EXC_ValueError, "attempt to assign sequence of size %lu to extended slice of size %ld",
                          (unsigned long)src->len, (long)n);
        for (int32_t k = 0; ok && k < n; k++)
            l->items[start + (int64_t)k * step] = src->items[k];
    }
    VM_UNROOT(vm, 2);
    return ok;
}

/* Replaces elements [start, start+removed) of an array or bytearray with
 * `added` elements copied from src (which must not be a's own buffer),
 * growing or shrinking it. a must be reachable (rooted). */
static bool array_splice(VM *vm, Array *a, uint32_t start, uint32_t removed, const Array *src, uint32_t added)
{
    size_t size = array_itemsize(a);
    uint32_t tail = a->len - start - removed; /* elements after the replaced run */
    uint64_t len = (uint64_t)a->len - removed + added;
    if (len * size > (1u << 28))
        return vm_raise_oom(vm);
    if (len > a->cap) {
        uint64_t cap = len + len / 4;
        VM_ROOT(vm, v_obj((void *)src));
        uint8_t *data = gc_alloc_raw(vm, (size_t)cap * size);
        VM_UNROOT(vm, 1);
        if (!data)
            return false;
        if (start) /* a->data may be NULL when empty: no zero-length copies from it */
            memcpy(data, a->data, start * size);
        if (tail)
            memcpy(data + (start + added) * size, a->data + (start + removed) * size, tail * size);
        uint8_t *old = a->data;
        a->data = data;
        a->cap = (uint32_t)cap;
        gc_free_raw(vm, old);
    } else if (tail) {
        memmove(a->data + (start + added) * size, a->data + (start + removed) * size, tail * size);
    }
    if (added)
        memcpy(a->data + start * size, src->data, added * size);
    a->len = (uint32_t)len;
    return true;
}

/* arr[slice] = value. An array takes only an array of its own typecode, a
 * bytearray any bytes-like object or iterable of ints (as in CPython); a
 * plain slice may change the length, an extended one must match it. */
static bool set_array_slice(VM *vm, Array *a, Slice *s, Value value)
{
    int32_t start, stop, step, n;
    if (!slice_indices(vm, s, (int32_t)a->len, &start, &stop, &step, &n))
        return false;
    bool is_bytearray = a->hdr.type == T_BYTEARRAY;
    Array *src = NULL;
    VM_ROOT(vm, v_obj(a));
    VM_ROOT(vm, value);
    if (!is_bytearray) {
        if (value.type != T_ARRAY)
            vm_raise(vm, EXC_TypeError, "can only assign array (not \"%s\") to array slice", type_name(value));
        else if (AS(Array, value)->hdr.aux != a->hdr.aux)
            vm_raise(vm, EXC_TypeError, "bad argument type for built-in operation");
        else if ((src = array_new(vm, (char)a->hdr.aux, AS(Array, value)->len)) && src->len)
            /* a copy, so that a[1:] = a reads the old contents */
            memcpy(src->data, AS(Array, value)->data, (size_t)src->len * array_itemsize(src));
    } else if (value.type == T_STR || !iterable(value)) {
        vm_raise(vm, EXC_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    } else {
        Value copy; /* bytearray(value): checks every element */
        if (bi_bytearray.fn(vm, &vm->roots[vm->nroots - 1], 1, NULL, &copy))
            src = AS(Array, copy);
    }
    if (!src) {
        VM_UNROOT(vm, 2);
        return false;
    }
    VM_ROOT(vm, v_obj(src));
    bool ok = true;
    if (step == 1) {
        if (stop < start)
            stop = start;
        ok = array_splice(vm, a, (uint32_t)start, (uint32_t)(stop - start), src, src->len);
    } else if ((int32_t)src->len != n) {
        ok = vm_raise(vm, EXC_ValueError, "attempt to assign %s of size %lu to extended slice of size %ld",
                      is_bytearray ? "bytes" : "array", (unsigned long)src->len, (long)n);
    } else {
        size_t size = array_itemsize(a);
        for (int32_t k = 0; k < n; k++)
            memcpy(a->data + (size_t)(start + (int64_t)k * step) * size, src->data + (size_t)k * size, size);
    }
    VM_UNROOT(vm, 3);
    return ok;
}

/* The positions a slice selects, in increasing order, for deletion:
 * first index, distance and count. */
static bool slice_for_delete(VM *vm, Slice *s, uint32_t len, int32_t *start, int32_t *step, int32_t *n)
{
    int32_t stop;
    if (!slice_indices(vm, s, (int32_t)len, start, &stop, step, n))
        return false;
    if (*step < 0) { /* the same items, walked forwards */
        *start = *start + (*n - 1) * *step;
        *step = -*step;
    }
    return true;
}

/* Storing into or deleting from a tuple, str, bytes or range: CPython
 * converts an int index to a Py_ssize_t before it finds that the sequence
 * cannot be changed, so one beyond 64 bits is its IndexError, not the
 * TypeError. False when raised. */
static bool immutable_sequence_index(VM *vm, Value obj, Value key)
{
    int64_t i;
    bool seq = obj.type == T_TUPLE || obj.type == T_STR || obj.type == T_BYTES || obj.type == T_RANGE;
    if (seq && key.type == T_LONG && !long_to_i64(key, &i))
        return vm_long_index_error(vm, key, NULL);
    return true;
}

bool vm_setitem(VM *vm, Value obj, Value key, Value value)
{
    uint32_t i = 0;
    if (key.type == T_INSTANCE && !index_key(vm, obj, &key))
        return false;
    if (deque_slice(obj, key))
        return vm_raise(vm, EXC_TypeError, "'slice' object cannot be interpreted as an integer");
    switch ((Type)obj.type) {
    case T_LIST:
        if (v_is_intlike(key)) {
            if (!position(vm, key, AS(List, obj)->len, seq_what(obj, "list assignment"), &i))
                return false;
            AS(List, obj)->items[i] = value;
            return true;
        }
        if (key.type == T_SLICE)
            return set_list_slice(vm, AS(List, obj), AS(Slice, key), value);
        return bad_index(vm, obj, key, seq_what(obj, "list assignment"));
    case T_ARRAY:
    case T_BYTEARRAY:
        if (v_is_intlike(key)) {
            if (!position(vm, key, AS(Array, obj)->len, obj.type == T_ARRAY ? "array assignment" : "bytearray", &i))
                return false;
            return array_set(vm, AS(Array, obj), i, value);
        }
        if (key.type == T_SLICE)
            return set_array_slice(vm, AS(Array, obj), AS(Slice, key), value);
        return bad_index(vm, obj, key, obj.type == T_ARRAY ? "array assignment" : "bytearray");
    case T_DICT:
        if (obj.u.obj->flags & DICT_MODULE_NS)
            return eval_module_dict_store(vm, AS(Dict, obj), key, value);
        return dict_set(vm, AS(Dict, obj), key, value);
    default:
        if (obj.type == T_INSTANCE || (obj.type == T_TYPE && user_class_of(obj))) /* a user class's (metaclass's) special method */
            return class_setitem(vm, obj, key, value);
        if (obj.type == T_MEMVIEW) /* vm/memview.c */
            return memview_setitem(vm, obj, key, value);
        if (!immutable_sequence_index(vm, obj, key))
            return false;
        return vm_raise(vm, EXC_TypeError, "'%s' object does not support item assignment", type_name(obj));
    }
}

bool vm_delitem(VM *vm, Value obj, Value key)
{
    uint32_t i = 0;
    if (key.type == T_INSTANCE && !index_key(vm, obj, &key))
        return false;
    int32_t start, step, n;
    if (deque_slice(obj, key))
        return vm_raise(vm, EXC_TypeError, "'slice' object cannot be interpreted as an integer");
    switch ((Type)obj.type) {
    case T_DICT:
        if (obj.u.obj->flags & DICT_MODULE_NS)
            return eval_module_dict_store(vm, AS(Dict, obj), key, v_unbound());
        return dict_delete(vm, AS(Dict, obj), key);
    case T_LIST: {
        List *l = AS(List, obj);
        if (v_is_intlike(key)) {
            if (!position(vm, key, l->len, seq_what(obj, "list assignment"), &i))
                return false;
            memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(Value));
            l->len--;
            return true;
        }
        if (key.type != T_SLICE)
            return bad_index(vm, obj, key, seq_what(obj, "list assignment"));
        if (!slice_for_delete(vm, AS(Slice, key), l->len, &start, &step, &n))
            return false;
        if (n <= 0)
            return true;
        /* compact the survivors over the deleted positions */
        uint32_t w = (uint32_t)start;
        for (uint32_t r = w, k = 0; r < l->len; r++) {
            if ((int32_t)k < n && r == (uint32_t)(start + (int64_t)k * step)) {
                k++;
                continue;
            }
            l->items[w++] = l->items[r];
        }
        l->len = w;
        return true;
    }
    case T_ARRAY:
    case T_BYTEARRAY: {
        Array *a = AS(Array, obj);
        size_t size = array_itemsize(a);
        if (v_is_intlike(key)) {
            if (!position(vm, key, a->len, obj.type == T_ARRAY ? "array assignment" : "bytearray", &i))
                return false;
            memmove(a->data + i * size, a->data + (i + 1) * size, (a->len - i - 1) * size);
            a->len--;
            return true;
        }
        if (key.type != T_SLICE)
            return bad_index(vm, obj, key, obj.type == T_ARRAY ? "array assignment" : "bytearray");
        if (!slice_for_delete(vm, AS(Slice, key), a->len, &start, &step, &n))
            return false;
        if (n <= 0)
            return true;
        uint32_t w = (uint32_t)start;
        for (uint32_t r = w, k = 0; r < a->len; r++) {
            if ((int32_t)k < n && r == (uint32_t)(start + (int64_t)k * step)) {
                k++;
                continue;
            }
            memmove(a->data + (size_t)w++ * size, a->data + (size_t)r * size, size);
        }
        a->len = w;
        return true;
    }
    default:
        if (obj.type == T_INSTANCE) /* a user class's special method */
            return class_delitem(vm, obj, key);
        if (!immutable_sequence_index(vm, obj, key))
            return false;
        return vm_raise(vm, EXC_TypeError, "'%s' object doesn't support item deletion", type_name(obj));
    }
}

bool vm_contains(VM *vm, Value container, Value item, bool *out)
{
    *out = false;
    switch ((Type)container.type) {
    case T_STR:
    case T_BYTES:
        return str_contains(vm, AS(Str, container), item, out);
    case T_DICT: {
        Value v;
        return dict_get(vm, AS(Dict, container), item, &v, out);
    }
    case T_SET:
    case T_FROZENSET:
        return set_contains(vm, AS(Set, container), item, out);
    case T_DICTVIEW: {
        DictView *dv = AS(DictView, container);
        if (dv->hdr.aux == VIEW_KEYS) {
            Value v;
            return dict_get(vm, dv->dict, item, &v, out);
        }
        break; /* values and items: search by iteration */
    }
    case T_RANGE: {
        Range *r = AS(Range, container);
        if (!v_is_intlike(item))
            break;
        *out = range_index_of(r, item.u.i) >= 0;
        return true;
    }
    case T_BYTEARRAY: {
        Array *a = AS(Array, container);
        if (v_is_intlike(item)) {
            if (item.u.i < 0 || item.u.i > 255)
                return vm_raise(vm, EXC_ValueError, "byte must be in range(0, 256)");
            *out = a->len && memchr(a->data, item.u.i, a->len) != NULL;
            return true;
        }
        if (item.type != T_BYTES && item.type != T_BYTEARRAY)
            return vm_raise(vm, EXC_TypeError, "a bytes-like object is required, not '%s'", type_name(item));
        const uint8_t *needle = item.type == T_BYTES ? (const uint8_t *)AS(Str, item)->data : AS(Array, item)->data;
        uint32_t m = item.type == T_BYTES ? AS(Str, item)->len : AS(Array, item)->len;
        for (uint32_t i = 0; i + m <= a->len && !*out; i++)
            *out = m == 0 || memcmp(a->data + i, needle, m) == 0;
        if (m == 0)
            *out = true;
        return true;
    }
    case T_LIST:
    case T_TUPLE:
        for (uint32_t i = 0;; i++) {
            uint32_t len;
            Value *items = seq_items(container, &len);
            if (i >= len)
                return true;
            if (!vm_equal(vm, items[i], item, out))
                return false;
            if (*out)
                return true;
        }
    default:
        if (container.type == T_INSTANCE || (container.type == T_TYPE && user_class_of(container)))
            return class_contains(vm, container, item, out); /* a user class's (metaclass's) special method */
        break;
    }
    Value it;
    if (!vm_getiter(vm, container, &it)) {
        if (vm->exc.type == T_EXCEPTION && exc_matches(AS(Exception, vm->exc), &exc_types[EXC_TypeError])) {
            vm->exc = v_unbound();
            vm_raise(vm, EXC_TypeError, "argument of type '%s' is not iterable", type_name(container));
        }
        return false;
    }
    VM_ROOT(vm, it);
    bool ok = true;
    for (;;) {
        Value v;
        int r = vm_iternext(vm, it, &v);
        if (r <= 0) {
            ok = r == 0;
            break;
        }
        if (!vm_equal(vm, v, item, out)) {
            ok = false;
            break;
        }
        if (*out)
            break;
    }
    VM_UNROOT(vm, 1);
    return ok;
}

bool vm_len(VM *vm, Value obj, int32_t *out)
{
    switch ((Type)obj.type) {
    case T_STR:       *out = (int32_t)str_charlen(AS(Str, obj)); return true;
    case T_BYTES:     *out = (int32_t)AS(Str, obj)->len; return true;
    case T_TUPLE:     *out = (int32_t)AS(Tuple, obj)->len; return true;
    case T_LIST:      *out = (int32_t)AS(List, obj)->len; return true;
    case T_DICT:      *out = (int32_t)AS(Dict, obj)->len; return true;
    case T_DICTVIEW:  *out = (int32_t)AS(DictView, obj)->dict->len; return true;
    case T_SET:
    case T_FROZENSET: *out = (int32_t)AS(Set, obj)->used; return true;
    case T_ARRAY:
    case T_BYTEARRAY: *out = (int32_t)AS(Array, obj)->len; return true;
    case T_MEMVIEW:   *out = (int32_t)memview_len(obj); return memview_check_released(vm, obj);
    case T_RANGE: {
        int64_t n = range_len(AS(Range, obj));
        if (n > INT32_MAX)
            return vm_raise(vm, EXC_OverflowError, "integer overflow");
        *out = (int32_t)n;
        return true;
    }
    default:
        if (obj.type == T_INSTANCE || (obj.type == T_TYPE && user_class_of(obj))) /* a user class's (metaclass's) special method */
            return class_len(vm, obj, out);
        return vm_raise(vm, EXC_TypeError, "object of type '%s' has no len()", type_name(obj));
    }
}

bool vm_unpack(VM *vm, Value seq, uint32_t n, Value *out)
{
    Value it;
    if (!vm_getiter(vm, seq, &it)) {
        if (vm->exc.type == T_EXCEPTION && exc_matches(AS(Exception, vm->exc), &exc_types[EXC_TypeError])) {
            vm->exc = v_unbound();
            return vm_raise(vm, EXC_TypeError, "cannot unpack non-iterable %s object", type_name(seq));
        }
        return false;
    }
    VM_ROOT(vm, it);
    bool ok = true;
    uint32_t got = 0;
    for (;;) {
        Value v;
        int r = vm_iternext(vm, it, &v);
        if (r < 0) {
            ok = false;
            break;
        }
        if (r == 0) {
            if (got < n)
                ok = vm_raise(vm, EXC_ValueError, "not enough values to unpack (expected %lu, got %lu)",
                              (unsigned long)n, (unsigned long)got);
            break;
        }
        if (got == n) {
            ok = vm_raise(vm, EXC_ValueError, "too many values to unpack (expected %lu)", (unsigned long)n);
            break;
        }
        out[got++] = v;
    }
    VM_UNROOT(vm, 1);
    return ok;
}

/* ---- built-ins ------------------------------------------------------------------------ */

static bool len_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int32_t n;
    if (!vm_len(vm, args[0], &n))
        return false;
    *out = v_int(n);
    return true;
}
NATIVE(bi_len, "len", len_fn, 1, 1);

/* min() and max(): over one iterable or over the arguments, with the
 * keywords key= and default=. Like CPython, the candidate is compared with
 * the best so far (item < best for min, item > best for max), so that the
 * first of equal extremes wins and TypeErrors read the same. */
static bool extreme(VM *vm, Value *args, int nargs, Tuple *kw, bool want_max, const char *name, Value *out)
{
    Value key = v_none(), dflt = v_unbound();
    int npos = nargs - (kw ? (int)kw->len : 0);
    for (uint32_t k = 0; kw && k < kw->len; k++) {
        Str *kname = AS(Str, kw->items[k]);
        if (strcmp(kname->data, "key") == 0)
            key = args[npos + (int)k];
        else if (strcmp(kname->data, "default") == 0)
            dflt = args[npos + (int)k];
        else
            return vm_raise(vm, EXC_TypeError, "'%s' is an invalid keyword argument for %s()", kname->data, name);
    }
    if (npos == 0)
        return vm_raise(vm, EXC_TypeError, "%s expected at least 1 argument, got 0", name);
    if (npos > 1 && dflt.type != T_UNBOUND)
        return vm_raise(vm, EXC_TypeError, "Cannot specify a default for %s() with multiple positional arguments",
                        name);
    Value it;
    if (npos == 1) {
        if (!vm_getiter(vm, args[0], &it))
            return false;
    } else {
        Tuple *t = tuple_new(vm, (uint32_t)npos);
        if (!t)
            return false;
        memcpy(t->items, args, (size_t)npos * sizeof(Value));
        VM_ROOT(vm, v_obj(t));
        bool ok = vm_getiter(vm, v_obj(t), &it);
        VM_UNROOT(vm, 1);
        if (!ok)
            return false;
    }
    /* roots: the iterator, then the best item, its key, the candidate and
     * its key (the key function may run Python code and collect) */
    VM_ROOT(vm, it);
    Value *slot = &vm->roots[vm->nroots];
    for (int k = 0; k < 4; k++)
        VM_ROOT(vm, v_none());
    bool have = false, ok = true;
    bool keyed = key.type != T_NONE;
    for (;;) {
        int r = vm_iternext(vm, it, &slot[2]);
        if (r <= 0) {
            ok = r == 0;
            break;
        }
        if (keyed && !vm_call(vm, key, &slot[2], 1, NULL, &slot[3])) {
            ok = false;
            break;
        }
        if (!keyed)
            slot[3] = slot[2];
        Value better = v_bool(true);
        if (have && !vm_compare(vm, want_max ? OP_COMPARE_GT : OP_COMPARE_LT, slot[3], slot[1], &better)) {
            ok = false;
            break;
        }
        if (better.u.i) {
            slot[0] = slot[2];
            slot[1] = slot[3];
            have = true;
        }
    }
    Value best = slot[0];
    VM_UNROOT(vm, 5);
    if (!ok)
        return false;
    if (!have) {
        if (dflt.type != T_UNBOUND) {
            *out = dflt;
            return true;
        }
        return vm_raise(vm, EXC_ValueError, "%s() arg is an empty sequence", name);
    }
    *out = best;
    return true;
}

static bool min_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return extreme(vm, args, nargs, kw, false, "min", out);
}
NATIVE_WITH_KW(bi_min, "min", min_fn, 0, -1); /* counted inside, with CPython's message */

static bool max_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return extreme(vm, args, nargs, kw, true, "max", out);
}
NATIVE_WITH_KW(bi_max, "max", max_fn, 0, -1);

static bool sum_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value acc = nargs == 2 ? args[1] : v_int(0);
    if (acc.type == T_STR)
        return vm_raise(vm, EXC_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    Value it;
    if (!vm_getiter(vm, args[0], &it))
        return false;
    VM_ROOT(vm, it);
    VM_ROOT(vm, acc);
    bool ok = true;
    for (;;) {
        Value v;
        int r = vm_iternext(vm, it, &v);
        if (r <= 0) {
            ok = r == 0;
            break;
        }
        if (!vm_binary_op(vm, OP_BINARY_ADD, acc, v, &acc)) {
            ok = false;
            break;
        }
        vm->roots[vm->nroots - 1] = acc;
    }
    VM_UNROOT(vm, 2);
    *out = acc;
    return ok;
}
NATIVE(bi_sum, "sum", sum_fn, 1, 2);
