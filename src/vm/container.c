/*
 * container.c - subscripting, membership, len() and unpacking for every
 * container type, and the aggregating built-ins len, min, max, sum.
 */
#include <string.h>

#include "vm/vm.h"

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

static bool bad_index(VM *vm, Value obj, Value key)
{
    return vm_raise(vm, EXC_TypeError, "%s indices must be integers or slices, not %s",
                    obj.type == T_ARRAY ? "array" : type_name(obj), type_name(key));
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

bool vm_getitem(VM *vm, Value obj, Value key, Value *out)
{
    uint32_t i = 0;
    switch ((Type)obj.type) {
    case T_LIST:
    case T_TUPLE: {
        if (v_is_intlike(key)) {
            uint32_t len;
            Value *items = seq_items(obj, &len);
            if (!position(vm, key, len, type_name(obj), &i))
                return false;
            *out = items[i];
            return true;
        }
        if (key.type == T_SLICE)
            return get_slice(vm, obj, AS(Slice, key), out);
        return bad_index(vm, obj, key);
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
        return bad_index(vm, obj, key);
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
            if (len > INT32_MAX)
                return vm_raise(vm, EXC_OverflowError, "integer overflow");
            if (!slice_indices(vm, AS(Slice, key), (int32_t)len, &start, &stop, &step, &n))
                return false;
            int64_t b = r->start + (int64_t)start * r->step, st = (int64_t)step * r->step;
            int64_t e = b + (int64_t)n * st;
            if (st > INT32_MAX || st < INT32_MIN || e > INT32_MAX || e < INT32_MIN)
                return vm_raise(vm, EXC_OverflowError, "integer overflow");
            Range *nr = range_new(vm, (int32_t)b, (int32_t)e, (int32_t)st);
            if (!nr)
                return false;
            *out = v_obj(nr);
            return true;
        }
        return vm_raise(vm, EXC_TypeError, "range indices must be integers or slices, not %s", type_name(key));
    }
    default:
        return vm_raise(vm, EXC_TypeError, "'%s' object is not subscriptable", type_name(obj));
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
    bool ok = list_extend(vm, src, value);
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
    VM_UNROOT(vm, 1);
    return ok;
}

bool vm_setitem(VM *vm, Value obj, Value key, Value value)
{
    uint32_t i = 0;
    switch ((Type)obj.type) {
    case T_LIST:
        if (v_is_intlike(key)) {
            if (!position(vm, key, AS(List, obj)->len, "list assignment", &i))
                return false;
            AS(List, obj)->items[i] = value;
            return true;
        }
        if (key.type == T_SLICE)
            return set_list_slice(vm, AS(List, obj), AS(Slice, key), value);
        return bad_index(vm, obj, key);
    case T_ARRAY:
    case T_BYTEARRAY:
        if (v_is_intlike(key)) {
            if (!position(vm, key, AS(Array, obj)->len, obj.type == T_ARRAY ? "array assignment" : "bytearray", &i))
                return false;
            return array_set(vm, AS(Array, obj), i, value);
        }
        if (key.type == T_SLICE) {
            Array *a = AS(Array, obj);
            int32_t start, stop, step, n;
            if (!slice_indices(vm, AS(Slice, key), (int32_t)a->len, &start, &stop, &step, &n))
                return false;
            int32_t vlen;
            if (!vm_len(vm, value, &vlen))
                return false;
            if (vlen != n)
                return vm_raise(vm, EXC_ValueError, "slice assignment of a different length is not supported by P4JIT arrays");
            for (int32_t k = 0; k < n; k++) {
                Value v;
                if (!vm_getitem(vm, value, v_int(k), &v) ||
                    !array_set(vm, a, (uint32_t)(start + (int64_t)k * step), v))
                    return false;
            }
            return true;
        }
        return bad_index(vm, obj, key);
    case T_DICT:
        return dict_set(vm, AS(Dict, obj), key, value);
    default:
        return vm_raise(vm, EXC_TypeError, "'%s' object does not support item assignment", type_name(obj));
    }
}

bool vm_delitem(VM *vm, Value obj, Value key)
{
    if (obj.type == T_DICT)
        return dict_delete(vm, AS(Dict, obj), key);
    if (obj.type == T_LIST) {
        List *l = AS(List, obj);
        if (v_is_intlike(key)) {
            uint32_t i = 0;
            if (!position(vm, key, l->len, "list assignment", &i))
                return false;
            memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(Value));
            l->len--;
            return true;
        }
        if (key.type == T_SLICE) {
            int32_t start, stop, step, n;
            if (!slice_indices(vm, AS(Slice, key), (int32_t)l->len, &start, &stop, &step, &n))
                return false;
            if (step < 0) { /* delete the same items, walking forwards */
                start = start + (n - 1) * step;
                step = -step;
            }
            uint32_t w = (uint32_t)(n > 0 ? start : 0);
            for (uint32_t r = w, k = 0; r < l->len; r++) {
                if ((int32_t)k < n && r == (uint32_t)(start + (int64_t)k * step)) {
                    k++;
                    continue;
                }
                l->items[w++] = l->items[r];
            }
            if (n > 0)
                l->len = w;
            return true;
        }
        return bad_index(vm, obj, key);
    }
    return vm_raise(vm, EXC_TypeError, "'%s' object doesn't support item deletion", type_name(obj));
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
        int64_t x = item.u.i;
        bool inside = r->step > 0 ? (x >= r->start && x < r->stop) : (x <= r->start && x > r->stop);
        *out = inside && (x - r->start) % r->step == 0;
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
    case T_ARRAY:
    case T_BYTEARRAY: *out = (int32_t)AS(Array, obj)->len; return true;
    case T_RANGE: {
        int64_t n = range_len(AS(Range, obj));
        if (n > INT32_MAX)
            return vm_raise(vm, EXC_OverflowError, "integer overflow");
        *out = (int32_t)n;
        return true;
    }
    default:
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

/* min() and max(): over one iterable or over the arguments. */
static bool extreme(VM *vm, Value *args, int nargs, bool want_max, const char *name, Value *out)
{
    if (nargs == 0)
        return vm_raise(vm, EXC_TypeError, "%s expected at least 1 argument, got 0", name);
    Value it;
    if (nargs == 1) {
        if (!vm_getiter(vm, args[0], &it))
            return false;
    } else {
        Tuple *t = tuple_new(vm, (uint32_t)nargs);
        if (!t)
            return false;
        memcpy(t->items, args, (size_t)nargs * sizeof(Value));
        VM_ROOT(vm, v_obj(t));
        bool ok = vm_getiter(vm, v_obj(t), &it);
        VM_UNROOT(vm, 1);
        if (!ok)
            return false;
    }
    VM_ROOT(vm, it);
    bool have = false, ok = true;
    Value best = v_none();
    for (;;) {
        Value v;
        int r = vm_iternext(vm, it, &v);
        if (r <= 0) {
            ok = r == 0;
            break;
        }
        if (!have) {
            best = v;
            have = true;
            VM_ROOT(vm, best);
            continue;
        }
        bool better;
        if (!vm_less(vm, want_max ? best : v, want_max ? v : best, &better)) {
            ok = false;
            break;
        }
        if (better) {
            best = v;
            vm->roots[vm->nroots - 1] = best;
        }
    }
    if (have)
        VM_UNROOT(vm, 1);
    VM_UNROOT(vm, 1);
    if (!ok)
        return false;
    if (!have)
        return vm_raise(vm, EXC_ValueError, "%s() arg is an empty sequence", name);
    *out = best;
    return true;
}

static bool min_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return extreme(vm, args, nargs, false, "min", out);
}
NATIVE(bi_min, "min", min_fn, 1, -1);

static bool max_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return extreme(vm, args, nargs, true, "max", out);
}
NATIVE(bi_max, "max", max_fn, 1, -1);

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
