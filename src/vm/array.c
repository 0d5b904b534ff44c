/*
 * array.c - array.array, bytearray and bytes construction, and the `array`
 * module.
 *
 * Elements are stored packed in a T_RAW buffer, little-endian like the
 * ESP32-P4, so the JIT can load them with one lb/lbu/lh/lhu/lw/flw.
 * 'l' and 'L' are the chip's C long (4 bytes, as struct's native 'l'); 'q'
 * and 'Q' are 8-byte ints (longs beyond 32 bits when read), 'd' an IEEE
 * double whose values are read and written as P4JIT's float32 (the JIT
 * compiles none of these five).
 */
#include <math.h>
#include <string.h>

#include "vm/long.h"
#include "vm/vm.h"
#include "vm/memview.h"
#include "vm/class.h"

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
    /* after the hot ones, as typecode() scans */
    {'l', 4, INT32_MIN, INT32_MAX, "signed integer is less than minimum", "signed integer is greater than maximum"},
    {'L', 4, 0, UINT32_MAX, "can't convert negative value to unsigned int", "unsigned int is greater than maximum"},
    {'q', 8, INT64_MIN, INT64_MAX, "int too big to convert", "int too big to convert"},
    {'Q', 8, 0, INT64_MAX, "can't convert negative int to unsigned", "int too big to convert"}, /* (above: set_other) */
    {'d', 8, INT64_MIN, INT64_MAX, NULL, NULL}, /* ints: any (store_wide) */
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
    return code == 'b' || code == 'B' ? 1 : code == 'h' || code == 'H' ? 2 : code == 'q' || code == 'Q' || code == 'd' ? 8 : 4;
}

/* Element i of an array l L q Q d: out of line, so that array_get's code
 * for the others is what it was before these typecodes (sieve's bytearray
 * reads cost 16 more RV32 instructions otherwise). */
static __attribute__((noinline)) bool get_other(VM *vm, const Array *a, uint32_t i, Value *out)
{
    const uint8_t *p = a->data + (size_t)i * size_of(a->hdr.aux);
    switch (a->hdr.aux) {
    case 'l': { int32_t v; memcpy(&v, p, 4); *out = v_int(v); return true; }
    case 'L': {
        uint32_t v;
        memcpy(&v, p, 4);
        return long_from_i64(vm, v, out);
    }
    case 'q': { int64_t v; memcpy(&v, p, 8); return long_from_i64(vm, v, out); }
    case 'Q': return long_from_bytes(vm, p, 8, true, false, out);
    default: { double d; memcpy(&d, p, 8); *out = v_float((float)d); return true; }
    }
}

/* Stores int x (in tc's range) into an 8-byte element. */
static __attribute__((noinline)) void store_wide(const TypeCode *tc, uint8_t *p, int64_t x)
{
    if (tc->code == 'd') { /* through float32, as every float (language.md) */
        double d = (float)x;
        memcpy(p, &d, 8);
    } else {
        memcpy(p, &x, 8);
    }
}

bool array_get(VM *vm, const Array *a, uint32_t i, Value *out)
{
    uint16_t code = a->hdr.aux;
    const uint8_t *p = a->data + (size_t)i * (code == 'b' || code == 'B' ? 1 : code == 'h' || code == 'H' ? 2 : 4);
    switch (code) {
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
    default:
        if (code != 'f')
            return get_other(vm, a, i, out);
        float f;
        memcpy(&f, p, 4);
        *out = v_float(f);
        return true;
    }
}

/* The OverflowError of int x outside tc's range. CPython's 'b' converts
 * through a C short first, so beyond a short's range its message is the
 * short's ("signed short integer is greater than maximum"). */
static __attribute__((noinline, cold)) bool out_of_range(VM *vm, const Array *a, const TypeCode *tc, int64_t x)
{
    if (a->hdr.type == T_ARRAY && tc->code == 'b' && (x < INT16_MIN || x > INT16_MAX))
        return vm_raise(vm, EXC_OverflowError, "signed short integer is %s",
                        x < 0 ? "less than minimum" : "greater than maximum");
    return vm_raise(vm, EXC_OverflowError, "%s", x < tc->min ? tc->too_small : tc->too_big);
}

/* Checks x against the element's range and stores it. */
static bool store_int(VM *vm, const Array *a, const TypeCode *tc, uint8_t *p, int64_t x)
{
    if (a->hdr.type == T_BYTEARRAY && (x < 0 || x > 255))
        return vm_raise(vm, EXC_ValueError, "byte must be in range(0, 256)");
    if (x < tc->min || x > tc->max)
        return out_of_range(vm, a, tc, x);
    switch (tc->size) {
    case 1: p[0] = (uint8_t)x; break;
    case 2: { uint16_t h = (uint16_t)x; memcpy(p, &h, 2); break; }
    case 8: store_wide(tc, p, x); break;
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
    if (tc->code == 'f' || tc->code == 'd') { /* a float into 'd', an int beyond 32 bits into either */
        float f;
        if (v.type == T_LONG) {
            if (!long_to_float(vm, v, &f))
                return false;
        } else if (v_is_number(v)) {
            f = v_as_float(v);
        } else {
            return vm_raise(vm, EXC_TypeError, "must be real number, not %s", type_name(v));
        }
        if (tc->code == 'f') {
            memcpy(p, &f, 4);
        } else {
            double d = f;
            memcpy(p, &d, 8);
        }
        return true;
    }
    if (v.type != T_LONG)
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
    int64_t x;
    bool neg = long_is_neg(v);
    if (tc->code == 'Q') { /* up to 2**64-1: beyond int64 */
        if (neg)
            return vm_raise(vm, EXC_OverflowError, "%s", tc->too_small);
        if (long_bit_length(v) > 64)
            return vm_raise(vm, EXC_OverflowError, "%s", tc->too_big);
        return long_to_bytes(vm, v, 8, true, false, p);
    }
    /* CPython's messages: its conversion to a C long (64-bit) fails first,
     * then 'b' checks a short's range and 'H' an int's before their own */
    if (!long_to_i64(v, &x)) {
        if (tc->code == 'q')
            return vm_raise(vm, EXC_OverflowError, "int too big to convert");
        if (tc->code == 'I' || tc->code == 'L') /* a C unsigned long (64-bit) holds up to 2**64-1 */
            return vm_raise(vm, EXC_OverflowError, neg ? "can't convert negative value to unsigned int"
                            : long_bit_length(v) <= 64 ? tc->too_big
                                                       : "Python int too large to convert to C unsigned long");
        return vm_raise(vm, EXC_OverflowError, "Python int too large to convert to C long");
    }
    if (tc->code == 'H')
        return vm_raise(vm, EXC_OverflowError, "signed integer is %s", neg ? "less than minimum" : "greater than maximum");
    return store_int(vm, a, tc, p, x);
}

bool array_set(VM *vm, Array *a, uint32_t i, Value v)
{
    const TypeCode *tc = typecode((char)a->hdr.aux);
    uint8_t *p = a->data + (size_t)i * tc->size;
    if (tc->code == 'f' && v_is_number(v)) {
        float f = v_as_float(v);
        memcpy(p, &f, 4);
        return true;
    }
    if (!v_is_intlike(v) || tc->code == 'f')
        return set_other(vm, a, i, v);
    int64_t x = v.u.i;
    if (a->hdr.type == T_BYTEARRAY && (x < 0 || x > 255))
        return vm_raise(vm, EXC_ValueError, "byte must be in range(0, 256)");
    if (x < tc->min || x > tc->max)
        return out_of_range(vm, a, tc, x);
    switch (tc->size) { /* store_int's, here inline: the interpreter's path for every store */
    case 1: p[0] = (uint8_t)x; break;
    case 2: { uint16_t h = (uint16_t)x; memcpy(p, &h, 2); break; }
    case 8: store_wide(tc, p, x); break;
    default: { uint32_t w = (uint32_t)x; memcpy(p, &w, 4); break; }
    }
    return true;
}

/* Grows a's buffer to hold at least `need` elements (len unchanged; a and
 * keep stay reachable across the allocation). */
static bool array_reserve(VM *vm, Array *a, uint64_t need, Value keep)
{
    if (need <= a->cap)
        return true;
    const TypeCode *tc = typecode((char)a->hdr.aux);
    uint64_t cap = a->cap < 8 ? 8 : a->cap + a->cap / 2;
    if (cap < need)
        cap = need;
    if (cap * tc->size > (1u << 28))
        return vm_raise_oom(vm);
    VM_ROOT(vm, v_obj(a));
    VM_ROOT(vm, keep);
    uint8_t *data = gc_alloc_raw(vm, (size_t)cap * tc->size);
    VM_UNROOT(vm, 2);
    if (!data)
        return false;
    if (a->len)
        memcpy(data, a->data, (size_t)a->len * tc->size);
    uint8_t *old = a->data;
    a->data = data;
    a->cap = (uint32_t)cap;
    gc_free_raw(vm, old);
    return true;
}

/* a += b for two arrays: a grows itself, as CPython's array.__iadd__ (other
 * names bound to a see the new elements). b may be a. */
bool array_inplace_concat(VM *vm, Array *a, Value b)
{
    if (b.type != T_ARRAY)
        return vm_raise(vm, EXC_TypeError, "can only extend array with array (not \"%s\")", type_name(b));
    Array *y = AS(Array, b);
    if (y->hdr.aux != a->hdr.aux)
        return vm_raise(vm, EXC_TypeError, "can only extend with array of same kind");
    uint32_t size = size_of(a->hdr.aux), m = y->len;
    if (!array_reserve(vm, a, (uint64_t)a->len + m, b))
        return false;
    if (m)
        memmove(a->data + (size_t)a->len * size, y->data, (size_t)m * size); /* y->data re-read: b may be a */
    a->len += m;
    return true;
}

/* a *= n for an array or a bytearray: a repeats itself in place (n <= 0 empties it). */
bool array_inplace_repeat(VM *vm, Array *a, int32_t n)
{
    uint32_t len = a->len, size = size_of(a->hdr.aux);
    if (n <= 0 || len == 0) {
        a->len = 0;
        return true;
    }
    if (!array_reserve(vm, a, (uint64_t)len * (uint64_t)n, v_none()))
        return false;
    for (int32_t k = 1; k < n; k++)
        memcpy(a->data + (size_t)k * len * size, a->data, (size_t)len * size);
    a->len = len * (uint32_t)n;
    return true;
}

/* Appends one element, growing the buffer (the array must be reachable). */
static bool array_push(VM *vm, Array *a, Value v)
{
    if (a->len == a->cap && !array_reserve(vm, a, (uint64_t)a->len + 1, v))
        return false;
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

/* ---- array.array's own methods (bytearray has its own of these names) ---------------- */

#define ASELF(args) AS(Array, (args)[0])

/* An index argument (negative from the end) into [0, len]; false: raised. */
static bool index_arg(VM *vm, Value v, int32_t len, int32_t *out)
{
    if (!class_index(vm, &v)) /* an instance with __index__ */
        return false;
    if (!v_is_intlike(v))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
    int32_t i = v.u.i;
    *out = i < 0 ? i + len : i;
    return true;
}

static bool m_pop(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Array *a = ASELF(args);
    int32_t i = (int32_t)a->len - 1;
    if (nargs > 1 && !index_arg(vm, args[1], (int32_t)a->len, &i))
        return false;
    if (a->len == 0)
        return vm_raise(vm, EXC_IndexError, "pop from empty array");
    if (i < 0 || i >= (int32_t)a->len)
        return vm_raise(vm, EXC_IndexError, "pop index out of range");
    if (!array_get(vm, a, (uint32_t)i, out))
        return false;
    uint32_t size = size_of(a->hdr.aux);
    memmove(a->data + (size_t)i * size, a->data + (size_t)(i + 1) * size, (size_t)(a->len - i - 1) * size);
    a->len--;
    return true;
}

static bool m_insert(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Array *a = ASELF(args);
    int32_t i = 0;
    if (!index_arg(vm, args[1], (int32_t)a->len, &i))
        return false;
    i = i < 0 ? 0 : i > (int32_t)a->len ? (int32_t)a->len : i;
    if (!array_push(vm, a, args[2])) /* checks the value, grows; then moved into place */
        return false;
    uint32_t size = size_of(a->hdr.aux);
    uint8_t item[8];
    memcpy(item, a->data + (size_t)(a->len - 1) * size, size);
    memmove(a->data + (size_t)(i + 1) * size, a->data + (size_t)i * size, (size_t)(a->len - 1 - i) * size);
    memcpy(a->data + (size_t)i * size, item, size);
    *out = v_none();
    return true;
}

/* The first index in [from, to) whose element equals x, or -1; -2: raised. */
static int32_t find_item(VM *vm, Array *a, Value x, int32_t from, int32_t to)
{
    for (int32_t i = from; i < to && i < (int32_t)a->len; i++) {
        Value v;
        bool eq;
        if (!array_get(vm, a, (uint32_t)i, &v) || !vm_equal(vm, v, x, &eq))
            return -2;
        if (eq)
            return i;
    }
    return -1;
}

static bool m_index(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Array *a = ASELF(args);
    int32_t len = (int32_t)a->len, from = 0, to = len;
    if (nargs > 2 && !index_arg(vm, args[2], len, &from))
        return false;
    if (nargs > 3 && !index_arg(vm, args[3], len, &to))
        return false;
    int32_t i = find_item(vm, a, args[1], from < 0 ? 0 : from, to);
    if (i == -2)
        return false;
    if (i < 0)
        return vm_raise(vm, EXC_ValueError, "array.index(x): x not in array");
    *out = v_int(i);
    return true;
}

static bool m_count(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Array *a = ASELF(args);
    int32_t n = 0;
    for (int32_t i = 0;; i++) {
        i = find_item(vm, a, args[1], i, (int32_t)a->len);
        if (i == -2)
            return false;
        if (i < 0)
            break;
        n++;
    }
    *out = v_int(n);
    return true;
}

static bool m_remove(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Array *a = ASELF(args);
    int32_t i = find_item(vm, a, args[1], 0, (int32_t)a->len);
    if (i == -2)
        return false;
    if (i < 0)
        return vm_raise(vm, EXC_ValueError, "array.remove(x): x not in array");
    Value pos = v_int(i), pair[2] = {args[0], pos};
    Value dropped;
    bool ok = m_pop(vm, pair, 2, NULL, &dropped);
    *out = v_none();
    return ok;
}

static bool m_reverse(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Array *a = ASELF(args);
    uint32_t size = size_of(a->hdr.aux);
    uint8_t t[8];
    for (uint32_t i = 0, j = a->len ? a->len - 1 : 0; i < j; i++, j--) {
        memcpy(t, a->data + (size_t)i * size, size);
        memcpy(a->data + (size_t)i * size, a->data + (size_t)j * size, size);
        memcpy(a->data + (size_t)j * size, t, size);
    }
    *out = v_none();
    return true;
}

static bool m_byteswap(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Array *a = ASELF(args);
    uint32_t size = size_of(a->hdr.aux);
    for (uint32_t i = 0; i < a->len; i++) {
        uint8_t *p = a->data + (size_t)i * size;
        for (uint32_t k = 0; k < size / 2; k++) {
            uint8_t t = p[k];
            p[k] = p[size - 1 - k];
            p[size - 1 - k] = t;
        }
    }
    *out = v_none();
    return true;
}

static bool m_tobytes(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Array *a = ASELF(args);
    Str *s = bytes_new(vm, a->data, (size_t)a->len * size_of(a->hdr.aux));
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}

static bool m_frombytes(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Array *a = ASELF(args);
    Value b = args[1];
    const uint8_t *data;
    uint32_t n;
    if (b.type == T_BYTES) {
        data = (const uint8_t *)AS(Str, b)->data;
        n = AS(Str, b)->len;
    } else if (b.type == T_BYTEARRAY || b.type == T_ARRAY) {
        data = AS(Array, b)->data;
        n = AS(Array, b)->len * size_of(AS(Array, b)->hdr.aux);
    } else {
        return vm_raise(vm, EXC_TypeError, "a bytes-like object is required, not '%s'", type_name(b));
    }
    uint32_t size = size_of(a->hdr.aux);
    if (n % size)
        return vm_raise(vm, EXC_ValueError, "bytes length not a multiple of item size");
    /* grow through array_push (zeros), then copy the bytes over them */
    uint32_t start = a->len, count = n / size;
    for (uint32_t i = 0; i < count; i++)
        if (!array_push(vm, a, v_int(0)))
            return false;
    if (b.type != T_BYTES) /* a growing array may have moved b's buffer if b is a */
        data = AS(Array, b)->data;
    else
        data = (const uint8_t *)AS(Str, b)->data;
    memmove(a->data + (size_t)start * size, data, n);
    *out = v_none();
    return true;
}

static bool m_fromlist(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (args[1].type != T_LIST)
        return vm_raise(vm, EXC_TypeError, "arg must be list");
    Array *a = ASELF(args);
    uint32_t len = a->len;
    *out = v_none();
    if (array_extend(vm, a, args[1]))
        return true;
    a->len = len; /* all or nothing, as CPython */
    return false;
}

static bool m_buffer_info(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Array *a = ASELF(args);
    Tuple *t = tuple_new(vm, 2);
    if (!t)
        return false;
    t->items[0] = v_int((int32_t)((uintptr_t)a->data & 0x7fffffff)); /* an address, as an int */
    t->items[1] = v_int((int32_t)a->len);
    *out = v_obj(t);
    return true;
}

static NATIVE(array_pop_m, "pop", m_pop, 1, 2);
static NATIVE(array_insert_m, "insert", m_insert, 3, 3);
static NATIVE(array_index_m, "index", m_index, 2, 4);
static NATIVE(array_count_m, "count", m_count, 2, 2);
static NATIVE(array_remove_m, "remove", m_remove, 2, 2);
static NATIVE(array_reverse_m, "reverse", m_reverse, 1, 1);
static NATIVE(array_byteswap_m, "byteswap", m_byteswap, 1, 1);
static NATIVE(array_tobytes_m, "tobytes", m_tobytes, 1, 1);
static NATIVE(array_frombytes_m, "frombytes", m_frombytes, 2, 2);
static NATIVE(array_fromlist_m, "fromlist", m_fromlist, 2, 2);
static NATIVE(array_buffer_info_m, "buffer_info", m_buffer_info, 1, 1);

const MethodEntry array_own_methods[] = {
    {Q_pop, &array_pop_m},           {Q_insert, &array_insert_m},     {Q_index, &array_index_m},
    {Q_count, &array_count_m},       {Q_remove, &array_remove_m},     {Q_reverse, &array_reverse_m},
    {Q_byteswap, &array_byteswap_m}, {Q_tobytes, &array_tobytes_m},   {Q_frombytes, &array_frombytes_m},
    {Q_fromlist, &array_fromlist_m}, {Q_buffer_info, &array_buffer_info_m},
};
const uint32_t n_array_own_methods = sizeof array_own_methods / sizeof array_own_methods[0];

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

/* Is the pending exception array_set's ValueError for a byte out of range? */
static bool byte_range_error(VM *vm)
{
    if (vm->exc.type != T_EXCEPTION || !exc_matches(AS(Exception, vm->exc), &exc_types[EXC_ValueError]))
        return false;
    Tuple *args = AS(Exception, vm->exc)->args;
    return args->len == 1 && args->items[0].type == T_STR &&
           strcmp(AS(Str, args->items[0])->data, "byte must be in range(0, 256)") == 0;
}

/* bytes(n) / bytearray(n): zeros; otherwise an iterable of small ints. */
static bool bytes_like(VM *vm, Value *args, int nargs, bool mutable_, Value *out)
{
    if (nargs == 1 && instance_native(args[0]).type == T_ARRAY) /* a subclass of array: its buffer */
        args[0] = instance_native(args[0]);
    if (nargs == 1 && args[0].type == T_MEMVIEW) { /* its bytes (memview.c), rooted here: args
                                                     * may be a C caller's array (vm_call), not a root */
        Value b = args[0];
        if (!memview_to_bytes(vm, &b))
            return false;
        VM_ROOT(vm, b);
        bool ok = bytes_like(vm, &b, 1, mutable_, out);
        VM_UNROOT(vm, 1);
        return ok;
    }
    if (nargs == 1 && !mutable_ && args[0].type == T_INSTANCE && instance_native(args[0]).type == T_UNBOUND) {
        bool found; /* bytes(x) asks x.__bytes__() first (bytearray does not) */
        if (!class_call_special(vm, args[0], SN___bytes__, NULL, 0, out, &found))
            return false;
        if (found && out->type != T_BYTES)
            return vm_raise(vm, EXC_TypeError, "__bytes__ returned non-bytes (type %s)", type_name(*out));
        if (found)
            return true;
    }
    if (nargs == 1 && args[0].type == T_INSTANCE && instance_native(args[0]).type == T_UNBOUND &&
        !class_index(vm, &args[0])) /* bytes(n) of an object with __index__ */
        return false;
    if (nargs == 1 && args[0].type == T_LONG) /* a count beyond 32 bits: CPython's words for beyond 64 */
        return vm_raise(vm, EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
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
    if (!ok && !mutable_ && byte_range_error(vm)) /* bytes() words it in the plural, as CPython */
        ok = vm_raise(vm, EXC_ValueError, "bytes must be in range(0, 256)");
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
