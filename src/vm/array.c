/*
 * array.c - array.array, bytearray and bytes construction, and the `array`
 * module.
 *
 * Elements are stored packed in a T_RAW buffer, little-endian like the
 * ESP32-P4, so the JIT can load them with one lb/lbu/lh/lhu/lw/flw.
 */
#include <math.h>
#include <string.h>

#include "vm/long.h"
#include "vm/vm.h"
#include "vm/memview.h"

/* Element facts per typecode: size, range, and CPython's overflow messages. */
typedef struct TypeCode {
    char code;
    uint8_t size;
    int64_t min, max;
    const char *too_small, *too_big;
} TypeCode;

static const TypeCode typecodes[] = {
    {'b', 1, -128, 127, "signed char is less than minimum", "signed char is greater than maximum"},
    {'B', 1, 0, 255, "unsigned byte integer is less than minimum", "unsigned byte integer is greater than maximum"},
    {'h', 2, -32768, 32767, "signed short integer is less than minimum", "signed short integer is greater than maximum"},
    {'H', 2, 0, 65535, "unsigned short is less than minimum", "unsigned short is greater than maximum"},
    {'i', 4, INT32_MIN, INT32_MAX, "signed integer is less than minimum", "signed integer is greater than maximum"},
    {'I', 4, 0, UINT32_MAX, "can't convert negative value to unsigned int", "unsigned int is greater than maximum"},
    {'f', 4, 0, 0, NULL, NULL},
};

static const TypeCode *typecode(char c)
{
    for (size_t i = 0; i < sizeof typecodes / sizeof typecodes[0]; i++)
        if (typecodes[i].code == c)
            return &typecodes[i];
    return NULL;
}

static Array *new_packed(VM *vm, Type type, char code, uint32_t len)
{
    const TypeCode *tc = typecode(code);
    if ((uint64_t)len * tc->size > (1u << 28))
        return vm_raise_oom(vm), NULL;
    Array *a = gc_alloc(vm, type, sizeof(Array));
    if (!a)
        return NULL;
    a->hdr.aux = (uint16_t)code;
    if (len == 0)
        return a;
    VM_ROOT(vm, v_obj(a));
    uint8_t *data = gc_alloc_raw(vm, (size_t)len * tc->size);
    VM_UNROOT(vm, 1);
    if (!data)
        return NULL;
    a->data = data;
    a->len = a->cap = len;
    return a;
}

Array *array_new(VM *vm, char code, uint32_t len) { return new_packed(vm, T_ARRAY, code, len); }
Array *bytearray_new(VM *vm, uint32_t len) { return new_packed(vm, T_BYTEARRAY, 'B', len); }

static uint32_t size_of(uint16_t code)
{
    return code == 'b' || code == 'B' ? 1 : code == 'h' || code == 'H' ? 2 : 4;
}

bool array_get(VM *vm, const Array *a, uint32_t i, Value *out)
{
    const uint8_t *p = a->data + (size_t)i * size_of(a->hdr.aux);
    switch (a->hdr.aux) {
    case 'b': *out = v_int((int8_t)p[0]); return true;
    case 'B': *out = v_int(p[0]); return true;
    case 'h': { int16_t v; memcpy(&v, p, 2); *out = v_int(v); return true; }
    case 'H': { uint16_t v; memcpy(&v, p, 2); *out = v_int(v); return true; }
    case 'i': { int32_t v; memcpy(&v, p, 4); *out = v_int(v); return true; }
    case 'I': {
        uint32_t v;
        memcpy(&v, p, 4);
        if (v > INT32_MAX)
            return long_from_i64(vm, v, out); /* an int beyond 32 bits (T_LONG) */
        *out = v_int((int32_t)v);
        return true;
    }
    default: { float f; memcpy(&f, p, 4); *out = v_float(f); return true; }
    }
}

/* Checks x against the element's range and stores it. */
static bool store_int(VM *vm, const Array *a, const TypeCode *tc, uint8_t *p, int64_t x)
{
    if (a->hdr.type == T_BYTEARRAY && (x < 0 || x > 255))
        return vm_raise(vm, EXC_ValueError, "byte must be in range(0, 256)");
    if (x < tc->min)
        return vm_raise(vm, EXC_OverflowError, "%s", tc->too_small);
    if (x > tc->max)
        return vm_raise(vm, EXC_OverflowError, "%s", tc->too_big);
    switch (tc->size) {
    case 1: p[0] = (uint8_t)x; break;
    case 2: { uint16_t h = (uint16_t)x; memcpy(p, &h, 2); break; }
    default: { uint32_t w = (uint32_t)x; memcpy(p, &w, 4); break; }
    }
    return true;
}

/* array_set of anything but a small int or bool: an int beyond 32 bits
 * (stored when in range: 'I' takes up to 2**32-1; saturated to int64 it is
 * out of every range otherwise), else TypeError. Out of line, so array_set's
 * path for small ints is what it was before longs. */
static __attribute__((noinline)) bool set_other(VM *vm, Array *a, uint32_t i, Value v)
{
    const TypeCode *tc = typecode((char)a->hdr.aux);
    uint8_t *p = a->data + (size_t)i * tc->size;
    if (v.type != T_LONG)
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
    int64_t x;
    bool neg = long_is_neg(v);
    /* CPython's messages: its conversion to a C long (64-bit) fails first,
     * then 'b' checks a short's range and 'H' an int's before their own */
    if (!long_to_i64(v, &x)) {
        if (tc->code == 'I')
            return vm_raise(vm, EXC_OverflowError, neg ? "can't convert negative value to unsigned int"
                                                       : "Python int too large to convert to C unsigned long");
        return vm_raise(vm, EXC_OverflowError, "Python int too large to convert to C long");
    }
    if (a->hdr.type == T_ARRAY && tc->code == 'b')
        return vm_raise(vm, EXC_OverflowError, "signed short integer is %s", neg ? "less than minimum" : "greater than maximum");
    if (tc->code == 'H')
        return vm_raise(vm, EXC_OverflowError, "signed integer is %s", neg ? "less than minimum" : "greater than maximum");
    return store_int(vm, a, tc, p, x);
}

bool array_set(VM *vm, Array *a, uint32_t i, Value v)
{
    const TypeCode *tc = typecode((char)a->hdr.aux);
    uint8_t *p = a->data + (size_t)i * tc->size;
    if (tc->code == 'f') {
        if (!v_is_number(v))
            return vm_raise(vm, EXC_TypeError, "must be real number, not %s", type_name(v));
        float f = v_as_float(v);
        memcpy(p, &f, 4);
        return true;
    }
    if (!v_is_intlike(v))
        return set_other(vm, a, i, v);
    int64_t x = v.u.i;
    if (a->hdr.type == T_BYTEARRAY && (x < 0 || x > 255))
        return vm_raise(vm, EXC_ValueError, "byte must be in range(0, 256)");
    if (x < tc->min)
        return vm_raise(vm, EXC_OverflowError, "%s", tc->too_small);
    if (x > tc->max)
        return vm_raise(vm, EXC_OverflowError, "%s", tc->too_big);
    switch (tc->size) {
    case 1: p[0] = (uint8_t)x; break;
    case 2: { uint16_t h = (uint16_t)x; memcpy(p, &h, 2); break; }
    default: { uint32_t w = (uint32_t)x; memcpy(p, &w, 4); break; }
    }
    return true;
}

/* Appends one element, growing the buffer (the array must be reachable). */
static bool array_push(VM *vm, Array *a, Value v)
{
    if (a->len == a->cap) {
        const TypeCode *tc = typecode((char)a->hdr.aux);
        uint32_t cap = a->cap < 8 ? 8 : a->cap + a->cap / 2;
        if ((uint64_t)cap * tc->size > (1u << 28))
            return vm_raise_oom(vm);
        VM_ROOT(vm, v_obj(a));
        VM_ROOT(vm, v);
        uint8_t *data = gc_alloc_raw(vm, (size_t)cap * tc->size);
        VM_UNROOT(vm, 2);
        if (!data)
            return false;
        if (a->len)
            memcpy(data, a->data, (size_t)a->len * tc->size);
        uint8_t *old = a->data;
        a->data = data;
        a->cap = cap;
        gc_free_raw(vm, old);
    }
    a->len++;
    if (!array_set(vm, a, a->len - 1, v)) {
        a->len--;
        return false;
    }
    return true;
}

static bool array_extend(VM *vm, Array *a, Value iterable)
{
    Value it;
    VM_ROOT(vm, v_obj(a));
    bool ok = vm_getiter(vm, iterable, &it);
    if (ok) {
        VM_ROOT(vm, it);
        for (;;) {
            Value v;
            int r = vm_iternext(vm, it, &v);
            if (r <= 0) {
                ok = r == 0;
                break;
            }
            if (!array_push(vm, a, v)) {
                ok = false;
                break;
            }
        }
        VM_UNROOT(vm, 1);
    }
    VM_UNROOT(vm, 1);
    return ok;
}

/* ---- methods ----------------------------------------------------------------------- */

static bool m_append(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_none();
    return array_push(vm, AS(Array, args[0]), args[1]);
}

static bool m_extend(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_none();
    if (args[0].type == T_BYTEARRAY && (args[1].type == T_BYTES || args[1].type == T_BYTEARRAY)) {
        Value self; /* copies the bytes at once: b.extend(b) doubles b */
        return bytes_concat_buffers(vm, args[0], args[1], true, &self) == 1;
    }
    return array_extend(vm, AS(Array, args[0]), args[1]);
}

static bool m_tolist(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Array *a = AS(Array, args[0]);
    List *l = list_new(vm, a->len);
    if (!l)
        return false;
    /* an 'I' element above 2**31-1 is a new long: the list holds (and roots) each as made */
    VM_ROOT(vm, v_obj(l));
    for (uint32_t i = 0; i < a->len; i++) {
        if (!array_get(vm, a, i, &l->items[i])) {
            VM_UNROOT(vm, 1);
            return false;
        }
        l->len = i + 1;
    }
    VM_UNROOT(vm, 1);
    *out = v_obj(l);
    return true;
}

static NATIVE(array_append_m, "append", m_append, 2, 2);
static NATIVE(array_extend_m, "extend", m_extend, 2, 2);
static NATIVE(array_tolist_m, "tolist", m_tolist, 1, 1);

const MethodEntry array_methods[] = {
    {Q_append, &array_append_m}, {Q_extend, &array_extend_m}, {Q_tolist, &array_tolist_m}};
const uint32_t n_array_methods = sizeof array_methods / sizeof array_methods[0];

/* ---- constructors -------------------------------------------------------------------- */

static bool array_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value tcv = args[0];
    if (tcv.type != T_STR || str_charlen(AS(Str, tcv)) != 1)
        return vm_raise(vm, EXC_TypeError, "array() argument 1 must be a unicode character, not %s", type_name(tcv));
    char code = AS(Str, tcv)->data[0];
    if (AS(Str, tcv)->len != 1 || !typecode(code)) /* CPython 3.11's list, though we take fewer */
        return vm_raise(vm, EXC_ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    Value init = nargs == 2 ? args[1] : v_none();
    if (init.type == T_STR)
        return vm_raise(vm, EXC_TypeError, "cannot use a str to initialize an array with typecode '%c'", code);
    if (init.type == T_BYTES || init.type == T_BYTEARRAY) {
        /* like CPython's frombytes(): the bytes are the elements' memory */
        uint32_t nbytes = init.type == T_BYTES ? AS(Str, init)->len : AS(Array, init)->len;
        uint32_t size = size_of((uint16_t)code);
        if (nbytes % size != 0)
            return vm_raise(vm, EXC_ValueError, "bytes length not a multiple of item size");
        Array *b = array_new(vm, code, nbytes / size);
        if (!b)
            return false;
        if (nbytes) /* init is an argument, so rooted; read its data after allocating */
            memcpy(b->data, init.type == T_BYTES ? (const uint8_t *)AS(Str, init)->data : AS(Array, init)->data,
                   nbytes);
        *out = v_obj(b);
        return true;
    }
    Array *a = array_new(vm, code, 0);
    if (!a)
        return false;
    *out = v_obj(a);
    if (nargs == 1)
        return true;
    return array_extend(vm, a, init);
}
NATIVE(bi_array, "array", array_fn, 1, 2);

/* bytes(n) / bytearray(n): zeros; otherwise an iterable of small ints. */
static bool bytes_like(VM *vm, Value *args, int nargs, bool mutable_, Value *out)
{
    if (nargs == 1 && args[0].type == T_MEMVIEW && !memview_to_bytes(vm, &args[0])) /* its bytes (memview.c) */
        return false;
    if (nargs == 1 && v_is_intlike(args[0])) {
        if (args[0].u.i < 0)
            return vm_raise(vm, EXC_ValueError, "negative count");
        Array *a = bytearray_new(vm, (uint32_t)args[0].u.i);
        if (!a)
            return false;
        if (a->len)
            memset(a->data, 0, a->len);
        if (mutable_) {
            *out = v_obj(a);
            return true;
        }
        VM_ROOT(vm, v_obj(a)); /* bytes_new copies from a's buffer after allocating */
        Str *s = bytes_new(vm, a->data, a->len);
        VM_UNROOT(vm, 1);
        if (!s)
            return false;
        *out = v_obj(s);
        return true;
    }
    if (nargs == 1 && args[0].type == T_STR)
        return vm_raise(vm, EXC_TypeError, "string argument without an encoding");
    if (nargs == 1 && args[0].type == T_ARRAY) { /* the buffer's bytes, as CPython copies a buffer */
        Array *src = AS(Array, args[0]);
        uint64_t nbytes = (uint64_t)src->len * array_itemsize(src);
        if (nbytes > (1u << 28))
            return vm_raise_oom(vm);
        VM_ROOT(vm, args[0]);
        Array *a = bytearray_new(vm, (uint32_t)nbytes);
        VM_UNROOT(vm, 1);
        if (!a)
            return false;
        if (nbytes)
            memcpy(a->data, src->data, (size_t)nbytes);
        if (mutable_) {
            *out = v_obj(a);
            return true;
        }
        VM_ROOT(vm, v_obj(a));
        Str *s = bytes_new(vm, a->data, a->len);
        VM_UNROOT(vm, 1);
        if (!s)
            return false;
        *out = v_obj(s);
        return true;
    }
    Array *a = bytearray_new(vm, 0);
    if (!a)
        return false;
    VM_ROOT(vm, v_obj(a));
    bool ok = true;
    if (nargs == 1) {
        if (args[0].type == T_BYTES) {
            Str *b = AS(Str, args[0]);
            for (uint32_t i = 0; i < b->len && ok; i++)
                ok = array_push(vm, a, v_int((uint8_t)b->data[i]));
        } else {
            ok = array_extend(vm, a, args[0]);
        }
    }
    if (ok && !mutable_) {
        Str *s = bytes_new(vm, a->data, a->len);
        ok = s != NULL;
        if (ok)
            *out = v_obj(s);
    } else if (ok) {
        *out = v_obj(a);
    }
    VM_UNROOT(vm, 1);
    return ok;
}

static bool bytes_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nargs > 1) /* bytes(s, encoding[, errors]) */
        return bytes_from_str_args(vm, args, nargs, kw, false, out);
    return bytes_like(vm, args, nargs, false, out);
}
NATIVE_WITH_KW(bi_bytes, "bytes", bytes_fn, 0, 3);

static bool bytearray_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nargs > 1)
        return bytes_from_str_args(vm, args, nargs, kw, true, out);
    return bytes_like(vm, args, nargs, true, out);
}
NATIVE_WITH_KW(bi_bytearray, "bytearray", bytearray_fn, 0, 3);

/* ---- the array module ---------------------------------------------------------------- */

static Value get_array_class(void) { return v_obj((void *)&type_array); }
static const ModuleAttr array_attrs[] = {{"array", get_array_class}};
const Module module_array = {{0, T_MODULE, 0, 0}, "array", array_attrs, 1};

/* Element size in bytes of an array or bytearray. */
uint32_t array_itemsize(const Array *a) { return size_of(a->hdr.aux); }
