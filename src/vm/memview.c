/*
 * memview.c - memoryview over bytes, bytearray and array.array.
 *
 * A view holds its base object and a window in bytes of the base's buffer:
 * the offset of item 0, the stride between items (a slice with a step
 * multiplies it; negative goes backwards) and the item count. Items are
 * read and written in place through the view's format (hdr.aux: 'B' for
 * bytes and bytearray, an array's typecode, or what cast() chose), so a
 * view of an array('h') gives ints as the array does, and a cast view
 * reinterprets the same bytes. Formats and sizes are those of array.array
 * ('l'/'L' 4 bytes, 'd' read as float32: docs/language.md) plus 'c' and '?'.
 *
 * CPython stops a bytearray or array from being resized while a view of it
 * exists (BufferError). P4JIT does not track exports: a view checks the
 * base's size at every access instead, and raises ValueError when its window
 * no longer fits (docs/language.md).
 */
#include <stdlib.h>
#include <string.h>

#include "vm/long.h"
#include "vm/memview.h"
#include "vm/strmethods.h"

/* ---- formats ---------------------------------------------------------------------- */

static uint32_t format_size(uint16_t f)
{
    switch (f) {
    case 'b': case 'B': case 'c': case '?': return 1;
    case 'h': case 'H': return 2;
    case 'q': case 'Q': case 'd': return 8;
    case 'i': case 'I': case 'l': case 'L': case 'f': return 4;
    default: return 0; /* not a format */
    }
}

static bool byte_format(uint16_t f) { return f == 'B' || f == 'b' || f == 'c'; }

/* The item at p, as Python value. */
static bool decode(VM *vm, uint16_t f, const uint8_t *p, Value *out)
{
    switch (f) {
    case 'b': *out = v_int((int8_t)p[0]); return true;
    case 'B': *out = v_int(p[0]); return true;
    case '?': *out = v_bool(p[0] != 0); return true;
    case 'c': {
        Str *s = bytes_new(vm, p, 1);
        if (!s)
            return false;
        *out = v_obj(s);
        return true;
    }
    case 'h': { int16_t v; memcpy(&v, p, 2); *out = v_int(v); return true; }
    case 'H': { uint16_t v; memcpy(&v, p, 2); *out = v_int(v); return true; }
    case 'i': case 'l': { int32_t v; memcpy(&v, p, 4); *out = v_int(v); return true; }
    case 'I': case 'L': { uint32_t v; memcpy(&v, p, 4); return long_from_i64(vm, v, out); }
    case 'q': { int64_t v; memcpy(&v, p, 8); return long_from_i64(vm, v, out); }
    case 'Q': return long_from_bytes(vm, p, 8, true, false, out);
    case 'f': { float v; memcpy(&v, p, 4); *out = v_float(v); return true; }
    default: { double v; memcpy(&v, p, 8); *out = v_float((float)v); return true; }
    }
}

/* Stores value at p in format f, with CPython's errors. */
static bool encode(VM *vm, uint16_t f, uint8_t *p, Value value)
{
    char fs[2] = {(char)f, 0};
    if (f == 'f' || f == 'd') {
        if (!v_is_number(value))
            return vm_raise(vm, EXC_TypeError, "memoryview: invalid type for format '%s'", fs);
        if (f == 'f') {
            float x = v_as_float(value);
            memcpy(p, &x, 4);
        } else {
            double x = v_as_float(value);
            memcpy(p, &x, 8);
        }
        return true;
    }
    if (f == 'c') {
        if (value.type != T_BYTES)
            return vm_raise(vm, EXC_TypeError, "memoryview: invalid type for format 'c'");
        if (AS(Str, value)->len != 1)
            return vm_raise(vm, EXC_ValueError, "memoryview: invalid value for format 'c'");
        p[0] = (uint8_t)AS(Str, value)->data[0];
        return true;
    }
    if (f == '?') {
        p[0] = vm_truthy(value);
        return true;
    }
    int64_t x;
    if (!(v_is_intlike(value) || value.type == T_LONG))
        return vm_raise(vm, EXC_TypeError, "memoryview: invalid type for format '%s'", fs);
    bool fits = long_to_i64(value, &x);
    int64_t lo, hi;
    switch (f) {
    case 'b': lo = INT8_MIN; hi = INT8_MAX; break;
    case 'B': lo = 0; hi = UINT8_MAX; break;
    case 'h': lo = INT16_MIN; hi = INT16_MAX; break;
    case 'H': lo = 0; hi = UINT16_MAX; break;
    case 'i': case 'l': lo = INT32_MIN; hi = INT32_MAX; break;
    case 'I': case 'L': lo = 0; hi = UINT32_MAX; break;
    case 'q': lo = INT64_MIN; hi = INT64_MAX; break;
    default: lo = 0; hi = INT64_MAX; break; /* 'Q': values above 2**63 are refused */
    }
    if (!fits || x < lo || x > hi)
        return vm_raise(vm, EXC_ValueError, "memoryview: invalid value for format '%s'", fs);
    uint64_t u = (uint64_t)x;
    for (uint32_t k = 0; k < format_size(f); k++) /* little-endian, as the chip */
        p[k] = (uint8_t)(u >> (8 * k));
    return true;
}

/* ---- the window --------------------------------------------------------------------- */

static uint32_t base_nbytes(Value base)
{
    return base.type == T_BYTES ? AS(Str, base)->len : AS(Array, base)->len * array_itemsize(AS(Array, base));
}

static uint8_t *base_data(Value base)
{
    return base.type == T_BYTES ? (uint8_t *)AS(Str, base)->data : AS(Array, base)->data;
}

static uint32_t item_size(const MemView *m) { return format_size(m->hdr.aux); }

/* CPython's rule: one item is contiguous whatever its stride */
static bool contiguous(const MemView *m) { return m->len == 1 || m->stride == (int32_t)item_size(m); }

static bool fits(const MemView *m)
{
    if (m->len == 0)
        return true;
    int64_t first = m->start, last = (int64_t)m->start + (int64_t)(m->len - 1) * m->stride;
    int64_t lo = first < last ? first : last, hi = (first < last ? last : first) + item_size(m);
    return lo >= 0 && hi <= (int64_t)base_nbytes(m->base);
}

static bool live(VM *vm, const MemView *m)
{
    if (m->hdr.flags & MEMVIEW_RELEASED)
        return vm_raise(vm, EXC_ValueError, "operation forbidden on released memoryview object");
    if (fits(m))
        return true;
    return vm_raise(vm, EXC_ValueError, "memoryview: the buffer it views was resized");
}

static uint8_t *item_at(const MemView *m, uint32_t i)
{
    return base_data(m->base) + (int64_t)m->start + (int64_t)i * m->stride;
}

static bool make_view(VM *vm, Value base, uint16_t format, uint8_t flags, uint32_t start, int32_t stride,
                      uint32_t len, Value *out)
{
    VM_ROOT(vm, base);
    MemView *m = gc_alloc(vm, T_MEMVIEW, sizeof(MemView));
    VM_UNROOT(vm, 1);
    if (!m)
        return false;
    m->hdr.aux = format;
    m->hdr.flags = flags;
    m->base = base;
    m->start = start;
    m->stride = stride;
    m->len = len;
    *out = v_obj(m);
    return true;
}

bool memview_bytes(Value v, uint8_t **data, uint32_t *len)
{
    const MemView *m = AS(MemView, v);
    if ((m->hdr.flags & MEMVIEW_RELEASED) || !fits(m) || !contiguous(m))
        return false;
    *data = item_at(m, 0);
    *len = m->len * item_size(m);
    return true;
}

uint32_t memview_len(Value v) { return AS(MemView, v)->len; }

bool memview_check_released(VM *vm, Value v)
{
    if (!(AS(MemView, v)->hdr.flags & MEMVIEW_RELEASED))
        return true;
    return vm_raise(vm, EXC_ValueError, "operation forbidden on released memoryview object");
}

bool memview_item(VM *vm, Value v, uint32_t i, Value *out)
{
    const MemView *m = AS(MemView, v);
    return live(vm, m) && decode(vm, m->hdr.aux, item_at(m, i), out);
}

static bool store_item(VM *vm, MemView *m, uint32_t i, Value value)
{
    if (m->hdr.flags & MEMVIEW_READONLY)
        return vm_raise(vm, EXC_TypeError, "cannot modify read-only memory");
    return live(vm, m) && encode(vm, m->hdr.aux, item_at(m, i), value);
}

/* An int key as a position in the view, or IndexError. */
static bool position(VM *vm, const MemView *m, Value key, uint32_t *out)
{
    if (key.type == T_LONG)
        return vm_raise(vm, EXC_IndexError, "cannot fit 'int' into an index-sized integer");
    int64_t i = key.u.i;
    if (i < 0)
        i += m->len;
    if (i < 0 || i >= (int64_t)m->len)
        return vm_raise(vm, EXC_IndexError, "index out of bounds on dimension 1");
    *out = (uint32_t)i;
    return true;
}

/* The view's slice key as a view of the same base (not yet allocated). */
static bool sub_window(VM *vm, const MemView *m, Value key, MemView *out)
{
    int32_t a, b, step, n;
    if (!live(vm, m) || !slice_indices(vm, AS(Slice, key), (int32_t)m->len, &a, &b, &step, &n))
        return false;
    *out = *m;
    out->len = (uint32_t)n;
    out->stride = m->stride * step;
    if (n > 0)
        out->start = (uint32_t)((int64_t)m->start + (int64_t)a * m->stride);
    return true;
}

bool memview_getitem(VM *vm, Value v, Value key, Value *out)
{
    MemView *m = AS(MemView, v);
    uint32_t i = 0;
    if (v_is_intlike(key) || key.type == T_LONG)
        return position(vm, m, key, &i) && memview_item(vm, v, i, out);
    if (key.type != T_SLICE)
        return vm_raise(vm, EXC_TypeError, "memoryview: invalid slice key");
    MemView w;
    if (!sub_window(vm, m, key, &w))
        return false;
    return make_view(vm, m->base, w.hdr.aux, w.hdr.flags, w.start, w.stride, w.len, out);
}

/* A buffer value (bytes, bytearray, array or memoryview) as a window: false
 * if it is none. */
static bool window_of(Value v, MemView *out)
{
    if (v.type == T_MEMVIEW) {
        *out = *AS(MemView, v);
        return true;
    }
    if (v.type != T_BYTES && v.type != T_BYTEARRAY && v.type != T_ARRAY)
        return false;
    memset(out, 0, sizeof *out);
    out->hdr.aux = v.type == T_ARRAY ? AS(Array, v)->hdr.aux : 'B';
    out->base = v;
    out->len = v.type == T_BYTES ? AS(Str, v)->len : AS(Array, v)->len;
    out->stride = (int32_t)format_size(out->hdr.aux);
    return true;
}

bool memview_setitem(VM *vm, Value v, Value key, Value value)
{
    MemView *m = AS(MemView, v);
    uint32_t i = 0;
    if (v_is_intlike(key) || key.type == T_LONG)
        return position(vm, m, key, &i) && store_item(vm, m, i, value);
    if (key.type != T_SLICE)
        return vm_raise(vm, EXC_TypeError, "memoryview: invalid slice key");
    if (m->hdr.flags & MEMVIEW_READONLY)
        return vm_raise(vm, EXC_TypeError, "cannot modify read-only memory");
    MemView dst, src;
    if (!sub_window(vm, m, key, &dst) || !live(vm, m))
        return false;
    if (!window_of(value, &src))
        return vm_raise(vm, EXC_TypeError, "a bytes-like object is required, not '%s'", type_name(value));
    if (!live(vm, &src))
        return false;
    if (src.len != dst.len || src.hdr.aux != dst.hdr.aux)
        return vm_raise(vm, EXC_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
    /* through a copy: the source may overlap this very buffer */
    uint32_t size = item_size(&dst), nbytes = dst.len * size;
    uint8_t small[64], *tmp = nbytes <= sizeof small ? small : malloc(nbytes);
    if (!tmp)
        return vm_raise_oom(vm);
    for (uint32_t k = 0; k < dst.len; k++)
        memcpy(tmp + (size_t)k * size, item_at(&src, k), size);
    for (uint32_t k = 0; k < dst.len; k++)
        memcpy(item_at(&dst, k), tmp + (size_t)k * size, size);
    if (tmp != small)
        free(tmp);
    return true;
}

bool memview_equal(VM *vm, Value a, Value b, bool *out)
{
    MemView wa, wb;
    *out = false;
    if (!window_of(a, &wa) || !window_of(b, &wb))
        return true;
    if ((wa.hdr.flags | wb.hdr.flags) & MEMVIEW_RELEASED) { /* a released view equals only itself */
        *out = a.type == b.type && a.u.obj == b.u.obj;
        return true;
    }
    if (!live(vm, &wa) || !live(vm, &wb))
        return false;
    if (wa.len != wb.len)
        return true;
    for (uint32_t i = 0; i < wa.len; i++) {
        Value x, y;
        if (!decode(vm, wa.hdr.aux, item_at(&wa, i), &x))
            return false;
        VM_ROOT(vm, x); /* an 'I' item may be a new long */
        bool got = decode(vm, wb.hdr.aux, item_at(&wb, i), &y);
        if (got) {
            VM_ROOT(vm, y);
            got = vm_equal(vm, x, y, out);
            VM_UNROOT(vm, 1);
        }
        VM_UNROOT(vm, 1);
        if (!got)
            return false;
        if (!*out)
            return true;
    }
    *out = true;
    return true;
}

bool memview_to_bytes(VM *vm, Value *v)
{
    MemView *m = AS(MemView, *v);
    if (!live(vm, m))
        return false;
    uint32_t size = item_size(m), nbytes = m->len * size;
    if (contiguous(m)) {
        Str *s = bytes_new(vm, nbytes ? item_at(m, 0) : NULL, nbytes);
        if (!s)
            return false;
        *v = v_obj(s);
        return true;
    }
    uint8_t *tmp = malloc(nbytes); /* a view with a step: its items gathered */
    if (!tmp)
        return vm_raise_oom(vm);
    for (uint32_t i = 0; i < m->len; i++)
        memcpy(tmp + (size_t)i * size, item_at(m, i), size);
    Str *s = bytes_new(vm, tmp, nbytes);
    free(tmp);
    if (!s)
        return false;
    *v = v_obj(s);
    return true;
}

/* ---- memoryview() and its attributes ---------------------------------------------- */

static bool memoryview_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value x = args[0];
    MemView w;
    if (!window_of(x, &w))
        return vm_raise(vm, EXC_TypeError, "memoryview: a bytes-like object is required, not '%s'", type_name(x));
    uint8_t flags = x.type == T_BYTES ? MEMVIEW_READONLY : w.hdr.flags;
    return make_view(vm, w.base, w.hdr.aux, flags, w.start, w.stride, w.len, out);
}
NATIVE(bi_memoryview, "memoryview", memoryview_fn, 1, 1);

const TypeObj type_memoryview = {{0, T_TYPE, 0, 0}, "memoryview", T_MEMVIEW, -1, NULL, &bi_memoryview};

static bool tobytes_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = args[0];
    return memview_to_bytes(vm, out);
}
static NATIVE(memview_tobytes, "tobytes", tobytes_fn, 1, 1);

static bool tolist_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    MemView *m = AS(MemView, args[0]);
    List *l = list_new(vm, m->len);
    if (!l)
        return false;
    VM_ROOT(vm, v_obj(l));
    bool ok = true;
    for (uint32_t i = 0; i < m->len && ok; i++) {
        Value x;
        ok = memview_item(vm, args[0], i, &x);
        if (ok) {
            VM_ROOT(vm, x);
            ok = list_append(vm, l, x);
            VM_UNROOT(vm, 1);
        }
    }
    VM_UNROOT(vm, 1);
    *out = v_obj(l);
    return ok;
}
static NATIVE(memview_tolist, "tolist", tolist_fn, 1, 1);

/* m.hex([sep[, bytes_per_sep]]): bytes.hex of the viewed bytes. */
static bool hex_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value b = args[0];
    if (!memview_to_bytes(vm, &b))
        return false;
    Value call[3] = {b, nargs > 1 ? args[1] : v_none(), nargs > 2 ? args[2] : v_none()};
    VM_ROOT(vm, b);
    bool ok = strm_hex.fn(vm, call, nargs, kw, out);
    VM_UNROOT(vm, 1);
    return ok;
}
static NATIVE(memview_hex, "hex", hex_fn, 1, 3);

/* m.release(): the view refuses every use after (the buffer it viewed
 * was never locked: P4JIT lets a bytearray be resized under a view). */
static bool release_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    AS(MemView, args[0])->hdr.flags |= MEMVIEW_RELEASED;
    *out = v_none();
    return true;
}
static NATIVE(memview_release, "release", release_fn, 1, 1);

/* with memoryview(b) as m: ... releases m at the end */
static bool enter_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (!memview_check_released(vm, args[0]))
        return false;
    *out = args[0];
    return true;
}
static NATIVE(memview_enter, "__enter__", enter_fn, 1, 1);
static bool exit_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    AS(MemView, args[0])->hdr.flags |= MEMVIEW_RELEASED;
    *out = v_bool(false);
    return true;
}
static NATIVE(memview_exit, "__exit__", exit_fn, 1, 4);

bool memview_with(VM *vm, Value v, Value *exit_fn, Value *entered)
{
    if (!memview_check_released(vm, v))
        return false;
    BoundMethod *b = boundmethod_new(vm, &memview_exit, v);
    if (!b)
        return false;
    *exit_fn = v_obj(b);
    *entered = v;
    return true;
}

/* m.cast(format[, shape]): the same bytes read in another format (one of
 * them a byte format, as CPython requires); one dimension only. */
static bool cast_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    MemView *m = AS(MemView, args[0]);
    Value fv = args[1];
    const Str *fs = fv.type == T_STR ? AS(Str, fv) : NULL;
    if (!fs)
        return vm_raise(vm, EXC_TypeError, "memoryview: format argument must be a string");
    const char *f = fs->data;
    uint32_t flen = fs->len;
    if (flen == 2 && f[0] == '@') {
        f++;
        flen--;
    }
    if (flen != 1 || !format_size((uint16_t)f[0]))
        return vm_raise(vm, EXC_ValueError,
                        "memoryview: destination format must be a native single character format prefixed with an optional '@'");
    uint16_t to = (uint16_t)f[0];
    if (!live(vm, m))
        return false;
    if (!contiguous(m))
        return vm_raise(vm, EXC_TypeError, "memoryview: casts are restricted to C-contiguous views");
    if (!byte_format(m->hdr.aux) && !byte_format(to))
        return vm_raise(vm, EXC_TypeError, "memoryview: cannot cast between two non-byte formats");
    uint32_t nbytes = m->len * item_size(m), size = format_size(to);
    if (nbytes % size)
        return vm_raise(vm, EXC_TypeError, "memoryview: length is not a multiple of itemsize");
    if (nargs > 2) {
        Value shape = args[2];
        if ((shape.type != T_LIST && shape.type != T_TUPLE) ||
            (shape.type == T_LIST ? AS(List, shape)->len : AS(Tuple, shape)->len) != 1)
            return vm_raise(vm, EXC_NotImplementedError, "memoryview: P4JIT casts to one dimension only");
        Value n = shape.type == T_LIST ? AS(List, shape)->items[0] : AS(Tuple, shape)->items[0];
        if (!v_is_intlike(n) || (uint64_t)n.u.i * size != nbytes)
            return vm_raise(vm, EXC_TypeError, "memoryview: product(shape) * itemsize != buffer size");
    }
    return make_view(vm, m->base, to, m->hdr.flags, m->start, (int32_t)size, nbytes / size, out);
}
static NATIVE(memview_cast, "cast", cast_fn, 2, 3);

static bool toreadonly_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    MemView *m = AS(MemView, args[0]);
    return make_view(vm, m->base, m->hdr.aux, m->hdr.flags | MEMVIEW_READONLY, m->start, m->stride, m->len, out);
}
static NATIVE(memview_toreadonly, "toreadonly", toreadonly_fn, 1, 1);

static const Native *const memview_methods[] = {&memview_tobytes, &memview_tolist, &memview_hex,
                                                &memview_release, &memview_cast,   &memview_toreadonly,
                                                &memview_enter,   &memview_exit};

static bool one_tuple(VM *vm, Value v, Value *out)
{
    Tuple *t = tuple_new(vm, 1);
    if (!t)
        return false;
    t->items[0] = v;
    *out = v_obj(t);
    return true;
}

int memview_attr(VM *vm, Value obj, Str *name, Value *out)
{
    MemView *m = AS(MemView, obj);
    const char *n = name->data;
    if ((m->hdr.flags & MEMVIEW_RELEASED) && strcmp(n, "release") != 0 && strcmp(n, "__exit__") != 0 &&
        !memview_check_released(vm, obj)) /* its methods too, on access rather than call */
        return 0;
    for (size_t i = 0; i < sizeof memview_methods / sizeof memview_methods[0]; i++)
        if (strcmp(n, memview_methods[i]->name) == 0) {
            BoundMethod *b = boundmethod_new(vm, memview_methods[i], obj);
            if (!b)
                return 0;
            *out = v_obj(b);
            return 1;
        }
    if (strcmp(n, "itemsize") == 0) {
        *out = v_int((int32_t)item_size(m));
    } else if (strcmp(n, "nbytes") == 0) {
        *out = v_int((int32_t)(m->len * item_size(m)));
    } else if (strcmp(n, "readonly") == 0) {
        *out = v_bool(m->hdr.flags & MEMVIEW_READONLY);
    } else if (strcmp(n, "ndim") == 0) {
        *out = v_int(1);
    } else if (strcmp(n, "obj") == 0) {
        *out = m->base;
    } else if (strcmp(n, "shape") == 0) {
        return one_tuple(vm, v_int((int32_t)m->len), out) ? 1 : 0;
    } else if (strcmp(n, "strides") == 0) {
        return one_tuple(vm, v_int(m->stride), out) ? 1 : 0;
    } else if (strcmp(n, "contiguous") == 0 || strcmp(n, "c_contiguous") == 0 || strcmp(n, "f_contiguous") == 0) {
        *out = v_bool(contiguous(m));
    } else if (strcmp(n, "format") == 0) {
        char f = (char)m->hdr.aux;
        Str *s = str_new(vm, &f, 1);
        if (!s)
            return 0;
        *out = v_obj(s);
    } else {
        return -1;
    }
    return 1;
}
