/*
 * bytearray.c - the bytes methods of bytearray (find, split, strip, decode,
 * hex, ...).
 *
 * A bytearray shares every non-mutating method with bytes, so rather than a
 * second implementation each one runs the bytes method on a bytes copy of
 * the bytearray (and of any bytearray argument), then turns bytes results
 * back into bytearrays, as CPython returns them: `split` gives a list of
 * bytearrays, `partition` a tuple of them. The copy costs one allocation of
 * the object's size per call; these methods are not on any hot path.
 */
#include <string.h>

#include "vm/strmethods.h"
#include "vm/vm.h"
#include "vm/memview.h"

static const Native *bytes_method(uint16_t qid)
{
    for (uint32_t i = 0; i < n_bytes_methods; i++)
        if (bytes_methods[i].qid == qid)
            return bytes_methods[i].fn;
    return NULL;
}

/* bytes -> bytearray; anything else unchanged. */
static bool to_bytearray(VM *vm, Value *v)
{
    if (v->type != T_BYTES)
        return true;
    Str *s = AS(Str, *v);
    VM_ROOT(vm, *v); /* (a method's fresh result: only this C variable holds it) */
    Array *a = bytearray_new(vm, s->len);
    VM_UNROOT(vm, 1);
    if (!a)
        return false;
    if (s->len)
        memcpy(a->data, s->data, s->len);
    *v = v_obj(a);
    return true;
}

/* The same messages as the interpreter's check of a native's arity. */
static bool arity_error(VM *vm, const Native *n, int given)
{
    int min = n->minargs - 1, max = n->maxargs < 0 ? -1 : n->maxargs - 1;
    if (min == max) {
        if (min == 0)
            return vm_raise(vm, EXC_TypeError, "%s() takes no arguments (%d given)", n->name, given);
        if (min == 1)
            return vm_raise(vm, EXC_TypeError, "%s() takes exactly one argument (%d given)", n->name, given);
        return vm_raise(vm, EXC_TypeError, "%s expected %d arguments, got %d", n->name, min, given);
    }
    if (given < min)
        return vm_raise(vm, EXC_TypeError, "%s expected at least %d argument%s, got %d", n->name, min,
                        min == 1 ? "" : "s", given);
    return vm_raise(vm, EXC_TypeError, "%s expected at most %d argument%s, got %d", n->name, max,
                    max == 1 ? "" : "s", given);
}

static bool via_bytes(VM *vm, uint16_t qid, Value *args, int nargs, Tuple *kw, Value *out)
{
    const Native *m = bytes_method(qid);
    int npos = nargs - (kw ? (int)kw->len : 0);
    if (kw && kw->len && !(m->hdr.flags & NATIVE_KW))
        return vm_raise(vm, EXC_TypeError, "%s() takes no keyword arguments", m->name);
    if (npos < m->minargs || (m->maxargs >= 0 && npos > m->maxargs))
        return arity_error(vm, m, npos - 1);
    /* a copy of the arguments with bytes for bytearrays (the caller's array
     * may be a tuple's items: it is not ours to change) */
    Tuple *copy = tuple_new(vm, (uint32_t)nargs);
    if (!copy)
        return false;
    memcpy(copy->items, args, (size_t)nargs * sizeof(Value));
    VM_ROOT(vm, v_obj(copy));
    bool ok = true;
    for (int i = 0; i < npos && ok; i++) {
        if (copy->items[i].type != T_BYTEARRAY)
            continue;
        Array *a = AS(Array, copy->items[i]);
        Str *b = bytes_new(vm, a->data, a->len);
        if (b)
            copy->items[i] = v_obj(b);
        ok = b != NULL;
    }
    if (ok)
        ok = m->fn(vm, copy->items, nargs, kw, out);
    VM_UNROOT(vm, 1);
    if (!ok)
        return false;
    if (out->type == T_TUPLE || out->type == T_LIST) { /* fresh: split, partition, ... */
        VM_ROOT(vm, *out);
        Value *items = out->type == T_TUPLE ? AS(Tuple, *out)->items : AS(List, *out)->items;
        uint32_t n = out->type == T_TUPLE ? AS(Tuple, *out)->len : AS(List, *out)->len;
        for (uint32_t i = 0; i < n && ok; i++)
            ok = to_bytearray(vm, &items[i]);
        VM_UNROOT(vm, 1);
        return ok;
    }
    return to_bytearray(vm, out);
}

/* One wrapper per bytes method: it only names the method to run. */
#define BYTEARRAY_METHODS(X)                                                                      \
    X(decode) X(join) X(split) X(strip) X(startswith) X(endswith) X(find) X(index) X(count)         \
    X(replace) X(upper) X(lower) BYTES_MORE_METHODS(X)

#define BA_WRAPPER(name)                                                                         \
    static bool ba_##name(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)                  \
    {                                                                                             \
        return via_bytes(vm, Q_##name, args, nargs, kw, out);                                     \
    }                                                                                             \
    static const Native ba_##name##_m = {{0, T_NATIVE, NATIVE_KW, 0}, #name, ba_##name, 1, -1};
BYTEARRAY_METHODS(BA_WRAPPER)
#undef BA_WRAPPER

#define BA_ENTRY(name) {Q_##name, &ba_##name##_m},
const MethodEntry bytearray_methods[] = {BYTEARRAY_METHODS(BA_ENTRY)};
#undef BA_ENTRY
const uint32_t n_bytearray_methods = sizeof bytearray_methods / sizeof bytearray_methods[0];

/* ---- bytes, bytearray and array as byte buffers ---------------------------------- */

bool byte_buffer(Value v, const uint8_t **data, uint32_t *len)
{
    switch ((Type)v.type) {
    case T_BYTES:
        *data = (const uint8_t *)AS(Str, v)->data;
        *len = AS(Str, v)->len;
        return true;
    case T_BYTEARRAY:
    case T_ARRAY:
        *data = AS(Array, v)->data;
        *len = AS(Array, v)->len * array_itemsize(AS(Array, v));
        return true;
    case T_MEMVIEW: /* vm/memview.c */
        return memview_bytes(v, (uint8_t **)data, len);
    default:
        return false;
    }
}

int bytes_concat_buffers(VM *vm, Value a, Value b, bool inplace, Value *out)
{
    const uint8_t *x, *y;
    uint32_t n, m;
    if (a.type != T_BYTES && a.type != T_BYTEARRAY)
        return -1;
    if (!byte_buffer(b, &y, &m))
        return vm_raise(vm, EXC_TypeError, "can't concat %s to %s", type_name(b), type_name(a)), 0;
    byte_buffer(a, &x, &n);
    if ((uint64_t)n + m > (1u << 28))
        return vm_raise_oom(vm), 0;
    if (a.type == T_BYTES) {
        StrBuf sb;
        sb_init(&sb);
        sb_add(&sb, (const char *)x, n);
        sb_add(&sb, (const char *)y, m);
        Str *s = sb.oom ? NULL : bytes_new(vm, (const uint8_t *)(sb.data ? sb.data : ""), sb.len);
        bool oom = sb.oom;
        sb_free(&sb);
        if (oom)
            return vm_raise_oom(vm), 0;
        if (!s)
            return 0;
        *out = v_obj(s);
        return 1;
    }
    if (inplace) { /* bytearray += buffer grows the object itself */
        Array *self = AS(Array, a);
        if (self->len + m > self->cap) {
            uint32_t cap = self->len + m + (self->len + m) / 2;
            VM_ROOT(vm, a);
            VM_ROOT(vm, b);
            uint8_t *data = gc_alloc_raw(vm, cap);
            VM_UNROOT(vm, 2);
            if (!data)
                return 0;
            if (self->len)
                memcpy(data, self->data, self->len);
            uint8_t *old = self->data;
            self->data = data;
            self->cap = cap;
            byte_buffer(b, &y, &m); /* b may be self */
            gc_free_raw(vm, old);
        }
        if (m)
            memmove(self->data + self->len, y, m);
        self->len += m;
        *out = a;
        return 1;
    }
    Array *r = bytearray_new(vm, n + m);
    if (!r)
        return 0;
    byte_buffer(a, &x, &n); /* (unmoved, but reread after the allocation anyway) */
    byte_buffer(b, &y, &m);
    if (n)
        memcpy(r->data, x, n);
    if (m)
        memcpy(r->data + n, y, m);
    *out = v_obj(r);
    return 1;
}

int bytes_order_buffers(Value a, Value b, int *out)
{
    const uint8_t *x, *y;
    uint32_t n, m;
    if (a.type == T_ARRAY || b.type == T_ARRAY || !byte_buffer(a, &x, &n) || !byte_buffer(b, &y, &m))
        return 0;
    uint32_t k = n < m ? n : m;
    int c = k ? memcmp(x, y, k) : 0;
    *out = c < 0 ? -1 : c > 0 ? 1 : n < m ? -1 : n > m;
    return 1;
}
