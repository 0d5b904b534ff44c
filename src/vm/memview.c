/*
 * memview.c - memoryview over bytes, bytearray and array.array.
 *
 * A view holds its base object and a window (start, len) in items of the
 * base; it reads and writes the base's buffer in place. Items are read and
 * stored through the base's own element functions (array_get/array_set), so
 * a view of an array('h') gives ints as the array does. Slices of a view
 * are views of the same base; only contiguous slices (step 1) are supported.
 *
 * CPython stops a bytearray or array from being resized while a view of it
 * exists (BufferError). P4JIT does not track exports: a view checks the
 * base's size at every access instead, and raises ValueError when its window
 * no longer fits (docs/language.md).
 */
#include <string.h>

#include "vm/memview.h"

static uint32_t base_items(Value base)
{
    return base.type == T_BYTES ? AS(Str, base)->len : AS(Array, base)->len;
}

static uint32_t item_size(const MemView *m)
{
    return m->base.type == T_BYTES ? 1 : array_itemsize(AS(Array, m->base));
}

static uint8_t *base_data(Value base)
{
    return base.type == T_BYTES ? (uint8_t *)AS(Str, base)->data : AS(Array, base)->data;
}

static bool live(VM *vm, const MemView *m)
{
    if ((uint64_t)m->start + m->len <= base_items(m->base))
        return true;
    return vm_raise(vm, EXC_ValueError, "memoryview: the buffer it views was resized");
}

static bool make_view(VM *vm, Value base, uint16_t format, uint8_t flags, uint32_t start, uint32_t len,
                      Value *out)
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
    m->len = len;
    *out = v_obj(m);
    return true;
}

bool memview_bytes(Value v, uint8_t **data, uint32_t *len)
{
    const MemView *m = AS(MemView, v);
    if ((uint64_t)m->start + m->len > base_items(m->base))
        return false;
    uint32_t size = item_size(m);
    *data = base_data(m->base) + (size_t)m->start * size;
    *len = m->len * size;
    return true;
}

uint32_t memview_len(Value v) { return AS(MemView, v)->len; }

bool memview_item(VM *vm, Value v, uint32_t i, Value *out)
{
    const MemView *m = AS(MemView, v);
    if (!live(vm, m))
        return false;
    if (m->base.type == T_BYTES) {
        *out = v_int((uint8_t)AS(Str, m->base)->data[m->start + i]);
        return true;
    }
    return array_get(vm, AS(Array, m->base), m->start + i, out);
}

static bool store_item(VM *vm, MemView *m, uint32_t i, Value value)
{
    if (m->hdr.flags & MEMVIEW_READONLY)
        return vm_raise(vm, EXC_TypeError, "cannot modify read-only memory");
    if (!live(vm, m))
        return false;
    if (m->base.type == T_BYTEARRAY) { /* CPython's messages for format 'B' */
        if (!v_is_intlike(value))
            return vm_raise(vm, EXC_TypeError, "memoryview: invalid type for format 'B'");
        if (value.u.i < 0 || value.u.i > 255)
            return vm_raise(vm, EXC_ValueError, "memoryview: invalid value for format 'B'");
    }
    return array_set(vm, AS(Array, m->base), m->start + i, value);
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

static bool window(VM *vm, const MemView *m, Value key, uint32_t *start, uint32_t *count)
{
    int32_t a, b, step, n;
    if (!slice_indices(vm, AS(Slice, key), (int32_t)m->len, &a, &b, &step, &n))
        return false;
    if (step != 1 && n > 1)
        return vm_raise(vm, EXC_NotImplementedError, "memoryview slices with a step are not supported by P4JIT");
    *start = n > 0 ? (uint32_t)a : 0;
    *count = (uint32_t)n;
    return true;
}

bool memview_getitem(VM *vm, Value v, Value key, Value *out)
{
    MemView *m = AS(MemView, v);
    uint32_t i = 0, n = 0;
    if (v_is_intlike(key) || key.type == T_LONG)
        return position(vm, m, key, &i) && memview_item(vm, v, i, out);
    if (key.type != T_SLICE)
        return vm_raise(vm, EXC_TypeError, "memoryview: invalid slice key");
    if (!window(vm, m, key, &i, &n))
        return false;
    return make_view(vm, m->base, m->hdr.aux, m->hdr.flags, m->start + i, n, out);
}

/* The bytes, item count and format of a buffer value (bytes, bytearray,
 * array or memoryview); false if it is none. */
static bool buffer_of(VM *vm, Value v, uint8_t **data, uint32_t *count, uint16_t *format, bool *ok)
{
    *ok = true;
    uint32_t nbytes;
    if (v.type == T_MEMVIEW) {
        *ok = live(vm, AS(MemView, v));
        if (!*ok || !memview_bytes(v, data, &nbytes))
            return true;
        *count = AS(MemView, v)->len;
        *format = AS(MemView, v)->hdr.aux;
        return true;
    }
    if (v.type != T_BYTES && v.type != T_BYTEARRAY && v.type != T_ARRAY)
        return false;
    *data = base_data(v);
    *count = base_items(v);
    *format = v.type == T_ARRAY ? AS(Array, v)->hdr.aux : 'B';
    return true;
}

bool memview_setitem(VM *vm, Value v, Value key, Value value)
{
    MemView *m = AS(MemView, v);
    uint32_t i = 0, n = 0;
    if (v_is_intlike(key) || key.type == T_LONG)
        return position(vm, m, key, &i) && store_item(vm, m, i, value);
    if (key.type != T_SLICE)
        return vm_raise(vm, EXC_TypeError, "memoryview: invalid slice key");
    if (m->hdr.flags & MEMVIEW_READONLY)
        return vm_raise(vm, EXC_TypeError, "cannot modify read-only memory");
    if (!window(vm, m, key, &i, &n) || !live(vm, m))
        return false;
    uint8_t *src;
    uint32_t count;
    uint16_t format;
    bool ok;
    if (!buffer_of(vm, value, &src, &count, &format, &ok))
        return vm_raise(vm, EXC_TypeError, "a bytes-like object is required, not '%s'", type_name(value));
    if (!ok)
        return false;
    if (count != n || format != m->hdr.aux)
        return vm_raise(vm, EXC_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
    uint32_t size = item_size(m);
    if (n) /* memmove: the source may be this very buffer */
        memmove(base_data(m->base) + (size_t)(m->start + i) * size, src, (size_t)n * size);
    return true;
}

/* Item i of a buffer value, for ==. */
static bool buffer_item(VM *vm, Value v, uint32_t i, Value *out)
{
    switch ((Type)v.type) {
    case T_MEMVIEW:
        return memview_item(vm, v, i, out);
    case T_BYTES:
        *out = v_int((uint8_t)AS(Str, v)->data[i]);
        return true;
    default:
        return array_get(vm, AS(Array, v), i, out);
    }
}

bool memview_equal(VM *vm, Value a, Value b, bool *out)
{
    uint8_t *data;
    uint32_t na, nb;
    uint16_t format;
    bool ok;
    *out = false;
    if (!buffer_of(vm, a, &data, &na, &format, &ok) || !ok)
        return ok;
    if (!buffer_of(vm, b, &data, &nb, &format, &ok) || !ok)
        return ok;
    if (na != nb)
        return true;
    for (uint32_t i = 0; i < na; i++) {
        Value x, y;
        if (!buffer_item(vm, a, i, &x))
            return false;
        VM_ROOT(vm, x); /* an 'I' item may be a new long */
        bool got = buffer_item(vm, b, i, &y);
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
    uint8_t *data;
    uint32_t len;
    if (!live(vm, AS(MemView, *v)) || !memview_bytes(*v, &data, &len))
        return false;
    Str *s = bytes_new(vm, data, len);
    if (!s)
        return false;
    *v = v_obj(s);
    return true;
}

/* ---- memoryview() and its attributes ---------------------------------------------- */

static bool memoryview_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value x = args[0];
    switch ((Type)x.type) {
    case T_BYTES:
        return make_view(vm, x, 'B', MEMVIEW_READONLY, 0, AS(Str, x)->len, out);
    case T_BYTEARRAY:
    case T_ARRAY:
        return make_view(vm, x, x.type == T_ARRAY ? AS(Array, x)->hdr.aux : 'B', 0, 0, AS(Array, x)->len, out);
    case T_MEMVIEW: {
        MemView *m = AS(MemView, x);
        return make_view(vm, m->base, m->hdr.aux, m->hdr.flags, m->start, m->len, out);
    }
    default:
        return vm_raise(vm, EXC_TypeError, "memoryview: a bytes-like object is required, not '%s'", type_name(x));
    }
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

static bool hex_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    uint8_t *data;
    uint32_t len;
    if (!live(vm, AS(MemView, args[0])) || !memview_bytes(args[0], &data, &len))
        return false;
    StrBuf sb;
    sb_init(&sb);
    static const char digits[] = "0123456789abcdef";
    for (uint32_t i = 0; i < len; i++) {
        sb_addc(&sb, digits[data[i] >> 4]);
        sb_addc(&sb, digits[data[i] & 15]);
    }
    Str *s = sb_to_str(vm, &sb);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}
static NATIVE(memview_hex, "hex", hex_fn, 1, 1);

static bool release_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_none(); /* nothing is locked by a view here */
    return true;
}
static NATIVE(memview_release, "release", release_fn, 1, 1);

static const Native *const memview_methods[] = {&memview_tobytes, &memview_tolist, &memview_hex, &memview_release};

int memview_attr(VM *vm, Value obj, Str *name, Value *out)
{
    MemView *m = AS(MemView, obj);
    const char *n = name->data;
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
