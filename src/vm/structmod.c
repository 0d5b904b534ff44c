/*
 * structmod.c - the `struct` module: pack, unpack, calcsize, unpack_from,
 * pack_into over the codes x c b B ? h H i I l L q Q f d s with the byte
 * orders @ = < > !.
 *
 * Native ('@', the default) sizes and alignment are the ESP32-P4's (RV32:
 * l and L are 4 bytes; q, Q and d are aligned to 8). Ints are 32-bit in
 * P4JIT, so q and Q pack any int but unpack only values that fit one, and
 * I/L/Q above 2**31-1 raise OverflowError (docs/language.md).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "vm/long.h"
#include "vm/vm.h"
#include "vm/memview.h"

/* struct.error, a subclass of Exception */
static const TypeObj struct_error = {{0, T_TYPE, 0, 0}, "error", T_EXCEPTION, EXC_Exception,
                                     &exc_types[EXC_Exception], NULL};

static bool struct_raise(VM *vm, const char *fmt, ...)
{
    char msg[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    Str *s = str_from_cstr(vm, msg);
    if (!s)
        return false;
    VM_ROOT(vm, v_obj(s));
    Tuple *args = tuple_new(vm, 1);
    VM_UNROOT(vm, 1);
    if (!args)
        return false;
    args->items[0] = v_obj(s);
    Exception *e = exc_new(vm, &struct_error, args);
    if (!e)
        return false;
    vm->exc = v_obj(e);
    return false;
}

#define MAX_STRUCT_SIZE 0x7fffffffu

typedef struct Format {
    const char *s;
    uint32_t n, i;
    bool native, little;
} Format;

static uint32_t code_size(char c)
{
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f': return 4;
    case 'q': case 'Q': case 'd': return 8;
    default: return 0;
    }
}

/* IEEE 754 binary16 ('e'), rounding to nearest even; false if x is finite
 * and beyond the format's range (65504). */
static bool float_to_half(float x, uint16_t *out)
{
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    float a = fabsf(x);
    if (isnan(x)) {
        *out = sign | 0x7e00;
        return true;
    }
    if (isinf(x) || a == 0.0f) {
        *out = sign | (isinf(x) ? 0x7c00 : 0);
        return true;
    }
    int e;
    frexpf(a, &e);
    int ue = e - 1; /* a = 1.f * 2**ue */
    if (ue < -14) { /* subnormal: a multiple of 2**-24 */
        float r = rintf(ldexpf(a, 24));
        *out = sign | (uint16_t)r; /* (r == 1024 is the smallest normal: the same bits) */
        return true;
    }
    float r = rintf(ldexpf(a, 10 - ue)); /* in [1024, 2048] */
    if (r >= 2048.0f) {
        r = 1024.0f;
        ue++;
    }
    if (ue > 15)
        return false;
    *out = sign | (uint16_t)((ue + 15) << 10) | (uint16_t)((int)r - 1024);
    return true;
}

static float half_to_float(uint16_t h)
{
    int e = (h >> 10) & 0x1f, frac = h & 0x3ff;
    float v = e == 0 ? ldexpf((float)frac, -24) : e == 31 ? (frac ? NAN : INFINITY) : ldexpf((float)(1024 + frac), e - 25);
    return h & 0x8000 ? -v : v;
}

static bool format_begin(VM *vm, Value fmtv, Format *f)
{
    if (fmtv.type != T_STR && fmtv.type != T_BYTES)
        return vm_raise(vm, EXC_TypeError, "Struct() argument 1 must be a str or bytes object, not %s",
                        type_name(fmtv));
    Str *s = AS(Str, fmtv);
    f->s = s->data;
    f->n = s->len;
    f->i = 0;
    f->native = true;
    const uint16_t one = 1;
    f->little = *(const uint8_t *)&one == 1;
    if (f->n > 0 && strchr("@=<>!", f->s[0]) && f->s[0]) {
        char o = f->s[0];
        f->i = 1;
        f->native = o == '@';
        if (o == '<')
            f->little = true;
        else if (o == '>' || o == '!')
            f->little = false;
    }
    return true;
}

/* The next item: *code, *count (repeat; the length for 's'), at byte
 * *offset (aligned). 1: an item, 0: the end, -1: struct.error raised. */
static int format_next(VM *vm, Format *f, uint64_t *offset, char *code, uint32_t *count)
{
    while (f->i < f->n && (f->s[f->i] == ' ' || (f->s[f->i] >= '\t' && f->s[f->i] <= '\r')))
        f->i++;
    if (f->i >= f->n)
        return 0;
    uint64_t num = 0;
    bool has_num = false;
    while (f->i < f->n && f->s[f->i] >= '0' && f->s[f->i] <= '9') {
        num = num * 10 + (uint64_t)(f->s[f->i++] - '0');
        has_num = true;
        if (num > MAX_STRUCT_SIZE) {
            struct_raise(vm, "total struct size too long");
            return -1;
        }
    }
    if (f->i >= f->n) {
        struct_raise(vm, "repeat count given without format specifier");
        return -1;
    }
    char c = f->s[f->i++];
    uint32_t size = code_size(c);
    if (!size) {
        struct_raise(vm, "bad char in struct format");
        return -1;
    }
    if (f->native && size > 1 && c != 's') /* natural alignment (RV32) */
        *offset = (*offset + size - 1) / size * size;
    *code = c;
    *count = has_num ? (uint32_t)num : 1;
    if (*offset + (uint64_t)size * *count > MAX_STRUCT_SIZE) {
        struct_raise(vm, "total struct size too long");
        return -1;
    }
    return 1;
}

/* Total size and the number of values a format packs. */
static bool format_measure(VM *vm, Value fmtv, uint32_t *size, uint32_t *nvalues)
{
    Format f;
    if (!format_begin(vm, fmtv, &f))
        return false;
    uint64_t off = 0;
    uint32_t nv = 0, count;
    char code;
    int r;
    while ((r = format_next(vm, &f, &off, &code, &count)) == 1) {
        off += (uint64_t)code_size(code) * count;
        if (code == 's')
            nv++;
        else if (code != 'x')
            nv += count;
    }
    if (r < 0)
        return false;
    *size = (uint32_t)off;
    *nvalues = nv;
    return true;
}

static void put_uint(uint8_t *p, uint64_t v, uint32_t size, bool little)
{
    for (uint32_t k = 0; k < size; k++)
        p[little ? k : size - 1 - k] = (uint8_t)(v >> (8 * k));
}

static uint64_t get_uint(const uint8_t *p, uint32_t size, bool little)
{
    uint64_t v = 0;
    for (uint32_t k = 0; k < size; k++)
        v |= (uint64_t)p[little ? k : size - 1 - k] << (8 * k);
    return v;
}

/* An int's 64 bits, two's complement (signed: it fits int64; unsigned:
 * not negative and it fits uint64). false: it does not fit (CPython's
 * "argument out of range"). */
static bool int_bits(Value v, bool is_unsigned, uint64_t *out)
{
    if (v.type != T_LONG) {
        *out = (uint64_t)(int64_t)v.u.i;
        return !is_unsigned || v.u.i >= 0;
    }
    const Long *l = AS(Long, v);
    bool neg = (l->hdr.flags & LONG_NEG) != 0;
    if (l->n > 4 || (neg && is_unsigned))
        return false;
    uint64_t m = 0;
    for (uint32_t i = l->n; i-- > 0;)
        m = m << 16 | l->d[i];
    if (is_unsigned) {
        *out = m;
        return true;
    }
    if (m > (uint64_t)INT64_MAX + neg)
        return false;
    *out = neg ? 0u - m : m;
    return true;
}

static bool pack_one(VM *vm, char code, Value v, uint8_t *p, bool little)
{
    uint32_t size = code_size(code);
    switch (code) {
    case '?':
        *p = vm_truthy(v);
        return true;
    case 'c':
        if (v.type != T_BYTES || AS(Str, v)->len != 1)
            return struct_raise(vm, "char format requires a bytes object of length 1");
        *p = (uint8_t)AS(Str, v)->data[0];
        return true;
    case 'f': case 'd': case 'e': {
        if (!v_is_number(v))
            return struct_raise(vm, "required argument is not a float");
        float x = v_as_float(v);
        if (code == 'e') {
            uint16_t h;
            if (!float_to_half(x, &h))
                return vm_raise(vm, EXC_OverflowError, "float too large to pack with e format");
            put_uint(p, h, 2, little);
        } else if (code == 'f') {
            uint32_t bits;
            memcpy(&bits, &x, 4);
            put_uint(p, bits, 4, little);
        } else {
            double d = x;
            uint64_t bits;
            memcpy(&bits, &d, 8);
            put_uint(p, bits, 8, little);
        }
        return true;
    }
    default: {
        if (!v_is_anyint(v))
            return struct_raise(vm, "required argument is not an integer");
        /* as CPython: B (and H in '<', '=', '@') are read as a signed C
         * long, I, L and Q (and H in '>', '!') as unsigned */
        bool is_unsigned = code == 'I' || code == 'L' || code == 'Q' || (code == 'H' && !little);
        uint64_t u;
        /* CPython's messages on a little-endian host, whose '<', '=' and '@'
         * codes are the native ones and '>' and '!' the standard ones */
        if (!int_bits(v, is_unsigned, &u))
            return struct_raise(vm, !little && size == 8 ? "int too large to convert" : "argument out of range");
        int64_t x = (int64_t)u; /* for the range tests of the narrower codes */
        if (code == 'b' && (x < -128 || x > 127))
            return struct_raise(vm, "byte format requires -128 <= number <= 127");
        if (code == 'B' && (x < 0 || x > 255))
            return struct_raise(vm, "ubyte format requires 0 <= number <= 255");
        if (code == 'h' && (x < -32768 || x > 32767))
            return struct_raise(vm, little ? "short format requires -32768 <= number <= 32767"
                                           : "'h' format requires -32768 <= number <= 32767");
        if (code == 'H' && (x < 0 || x > 65535))
            return struct_raise(vm, little ? "ushort format requires 0 <= number <= 65535"
                                           : "'H' format requires 0 <= number <= 65535");
        if ((code == 'i' || code == 'l') && (x < INT32_MIN || x > INT32_MAX))
            return struct_raise(vm, "'%c' format requires -2147483648 <= number <= 2147483647", code);
        if ((code == 'I' || code == 'L') && u > UINT32_MAX)
            return struct_raise(vm, "'%c' format requires 0 <= number <= 4294967295", code);
        put_uint(p, u, size, little);
        return true;
    }
    }
}

static bool unpack_one(VM *vm, char code, const uint8_t *p, bool little, Value *out)
{
    uint32_t size = code_size(code);
    switch (code) {
    case '?':
        *out = v_bool(*p != 0);
        return true;
    case 'c': {
        Str *s = bytes_new(vm, p, 1);
        if (!s)
            return false;
        *out = v_obj(s);
        return true;
    }
    case 'e':
        *out = v_float(half_to_float((uint16_t)get_uint(p, 2, little)));
        return true;
    case 'f': {
        uint32_t bits = (uint32_t)get_uint(p, 4, little);
        float x;
        memcpy(&x, &bits, 4);
        *out = v_float(x);
        return true;
    }
    case 'd': {
        uint64_t bits = get_uint(p, 8, little);
        double d;
        memcpy(&d, &bits, 8);
        *out = v_float((float)d);
        return true;
    }
    default: {
        uint64_t u = get_uint(p, size, little);
        if (code == 'Q' && u > (uint64_t)INT64_MAX) { /* 2**63 and up: from the bytes (big-endian here) */
            uint8_t be[8];
            put_uint(be, u, 8, false);
            return long_from_bytes(vm, be, 8, false, false, out);
        }
        int64_t x;
        if (code == 'B' || code == 'H' || code == 'I' || code == 'L' || code == 'Q' || size == 8)
            x = (int64_t)u;
        else /* sign-extend */
            x = (int64_t)(u ^ (1ull << (8 * size - 1))) - (int64_t)(1ull << (8 * size - 1));
        return long_from_i64(vm, x, out); /* a small int when it fits */
    }
    }
}

/* Packs values[0..nvalues) into buf (size bytes, zeroed). */
static bool pack_values(VM *vm, Value fmtv, Value *values, int nvalues, uint8_t *buf)
{
    Format f;
    if (!format_begin(vm, fmtv, &f))
        return false;
    uint64_t off = 0;
    uint32_t count;
    char code;
    int r, k = 0;
    while ((r = format_next(vm, &f, &off, &code, &count)) == 1) {
        if (code == 'x') {
            off += count;
            continue;
        }
        if (code == 's') {
            Value v = values[k++];
            if (v.type != T_BYTES && v.type != T_BYTEARRAY)
                return struct_raise(vm, "argument for 's' must be a bytes object");
            uint32_t len = v.type == T_BYTES ? AS(Str, v)->len : AS(Array, v)->len;
            const uint8_t *d = v.type == T_BYTES ? (const uint8_t *)AS(Str, v)->data : AS(Array, v)->data;
            memcpy(buf + off, d, len < count ? len : count);
            off += count;
            continue;
        }
        for (uint32_t j = 0; j < count; j++, k++) {
            if (!pack_one(vm, code, values[k], buf + off, f.little))
                return false;
            off += code_size(code);
        }
    }
    (void)nvalues;
    return r == 0;
}

static bool unpack_values(VM *vm, Value fmtv, const uint8_t *buf, uint32_t nvalues, Value *out)
{
    Tuple *t = tuple_new(vm, nvalues);
    if (!t)
        return false;
    VM_ROOT(vm, v_obj(t));
    Format f;
    bool ok = format_begin(vm, fmtv, &f);
    uint64_t off = 0;
    uint32_t count, k = 0;
    char code;
    int r = 0;
    while (ok && (r = format_next(vm, &f, &off, &code, &count)) == 1) {
        if (code == 'x') {
            off += count;
        } else if (code == 's') {
            Str *s = bytes_new(vm, buf + off, count);
            ok = s != NULL;
            if (ok)
                t->items[k++] = v_obj(s);
            off += count;
        } else {
            for (uint32_t j = 0; j < count && ok; j++, k++) {
                ok = unpack_one(vm, code, buf + off, f.little, &t->items[k]);
                off += code_size(code);
            }
        }
    }
    VM_UNROOT(vm, 1);
    *out = v_obj(t);
    return ok && r == 0;
}

/* The bytes of a buffer argument (bytes, bytearray, array, contiguous memoryview). */
static bool buffer_of(VM *vm, Value v, const uint8_t **data, uint32_t *len)
{
    switch ((Type)v.type) {
    case T_MEMVIEW:
        if (memview_bytes(v, (uint8_t **)data, len))
            return true;
        return vm_raise(vm, EXC_BufferError, "memoryview: underlying buffer is not C-contiguous (or was resized)");
    case T_BYTES:
        *data = (const uint8_t *)AS(Str, v)->data;
        *len = AS(Str, v)->len;
        return true;
    case T_BYTEARRAY:
    case T_ARRAY:
        *data = AS(Array, v)->data;
        *len = AS(Array, v)->len * array_itemsize(AS(Array, v));
        return true;
    default:
        return vm_raise(vm, EXC_TypeError, "a bytes-like object is required, not '%s'", type_name(v));
    }
}

static bool calcsize_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    uint32_t size, nv;
    if (!format_measure(vm, args[0], &size, &nv))
        return false;
    *out = v_int((int32_t)size);
    return true;
}
static NATIVE(struct_calcsize, "calcsize", calcsize_fn, 1, 1);

static bool pack_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    uint32_t size, nv;
    if (!format_measure(vm, args[0], &size, &nv))
        return false;
    if ((uint32_t)(nargs - 1) != nv)
        return struct_raise(vm, "pack expected %lu items for packing (got %d)", (unsigned long)nv, nargs - 1);
    if (size > vm->cfg.heap_size) /* the bytes could not be kept */
        return vm_raise_oom(vm);
    uint8_t *buf = calloc(size ? size : 1, 1);
    if (!buf)
        return vm_raise_oom(vm);
    bool ok = pack_values(vm, args[0], args + 1, nargs - 1, buf);
    Str *s = ok ? bytes_new(vm, buf, size) : NULL;
    free(buf);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}
static NATIVE(struct_pack, "pack", pack_fn, 1, -1);

static bool pack_into_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    uint32_t size, nv;
    if (!format_measure(vm, args[0], &size, &nv))
        return false;
    if (args[1].type != T_BYTEARRAY && args[1].type != T_ARRAY)
        return vm_raise(vm, EXC_TypeError, "argument must be read-write bytes-like object, not %s",
                        type_name(args[1]));
    if ((uint32_t)(nargs - 3) != nv)
        return struct_raise(vm, "pack_into expected %lu items for packing (got %d)", (unsigned long)nv, nargs - 3);
    if (!v_is_intlike(args[2]))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[2]));
    const uint8_t *data;
    uint32_t len;
    buffer_of(vm, args[1], &data, &len);
    int64_t off = args[2].u.i;
    if (off < 0) {
        if (off + (int64_t)len < 0)
            return struct_raise(vm, "offset %ld out of range for %lu-byte buffer", (long)off, (unsigned long)len);
        off += len;
    }
    if ((uint64_t)off + size > len)
        return struct_raise(vm, "pack_into requires a buffer of at least %lu bytes for packing %lu bytes at offset %ld "
                                "(actual buffer size is %lu)",
                            (unsigned long)(size + (uint64_t)off), (unsigned long)size, (long)off, (unsigned long)len);
    uint8_t *buf = calloc(size ? size : 1, 1);
    if (!buf)
        return vm_raise_oom(vm);
    bool ok = pack_values(vm, args[0], args + 3, nargs - 3, buf);
    if (ok)
        memcpy((uint8_t *)data + off, buf, size);
    free(buf);
    *out = v_none();
    return ok;
}
static NATIVE(struct_pack_into, "pack_into", pack_into_fn, 3, -1);

static bool unpack_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    uint32_t size, nv, len;
    const uint8_t *data;
    if (!format_measure(vm, args[0], &size, &nv) || !buffer_of(vm, args[1], &data, &len))
        return false;
    if (len != size)
        return struct_raise(vm, "unpack requires a buffer of %lu bytes", (unsigned long)size);
    return unpack_values(vm, args[0], data, nv, out);
}
static NATIVE(struct_unpack, "unpack", unpack_fn, 2, 2);

static bool unpack_from_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    uint32_t size, nv, len;
    const uint8_t *data;
    int npos = nargs - (kw ? (int)kw->len : 0);
    if (kw && (kw->len != 1 || strcmp(AS(Str, kw->items[0])->data, "offset") != 0 || npos != 2))
        return vm_raise(vm, EXC_TypeError, "unpack_from() got an unexpected keyword argument '%s'",
                        AS(Str, kw->items[0])->data);
    if (!format_measure(vm, args[0], &size, &nv) || !buffer_of(vm, args[1], &data, &len))
        return false;
    int64_t off = 0;
    if (nargs > 2) {
        if (!v_is_intlike(args[2]))
            return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[2]));
        off = args[2].u.i;
    }
    if (off < 0) {
        if (off + (int64_t)len < 0)
            return struct_raise(vm, "offset %ld out of range for %lu-byte buffer", (long)off, (unsigned long)len);
        off += len;
    }
    if ((uint64_t)off + size > len) {
        if (off == 0)
            return struct_raise(vm, "unpack_from requires a buffer of at least %lu bytes for unpacking %lu bytes at "
                                    "offset 0 (actual buffer size is %lu)",
                                (unsigned long)size, (unsigned long)size, (unsigned long)len);
        return struct_raise(vm, "unpack_from requires a buffer of at least %lu bytes for unpacking %lu bytes at "
                                "offset %ld (actual buffer size is %lu)",
                            (unsigned long)(size + (uint64_t)off), (unsigned long)size, (long)off, (unsigned long)len);
    }
    return unpack_values(vm, args[0], data + off, nv, out);
}
static NATIVE_WITH_KW(struct_unpack_from, "unpack_from", unpack_from_fn, 2, 3);

static Value get_pack(void) { return v_obj((void *)&struct_pack); }
static Value get_unpack(void) { return v_obj((void *)&struct_unpack); }
static Value get_calcsize(void) { return v_obj((void *)&struct_calcsize); }
static Value get_pack_into(void) { return v_obj((void *)&struct_pack_into); }
static Value get_unpack_from(void) { return v_obj((void *)&struct_unpack_from); }
static Value get_error(void) { return v_obj((void *)&struct_error); }

static const ModuleAttr struct_attrs[] = {
    {"pack", get_pack},
    {"unpack", get_unpack},
    {"calcsize", get_calcsize},
    {"pack_into", get_pack_into},
    {"unpack_from", get_unpack_from},
    {"error", get_error},
};

const Module module_struct = {{0, T_MODULE, 0, 0}, "struct", struct_attrs,
                              sizeof struct_attrs / sizeof struct_attrs[0]};
