/*
 * str.c - str (UTF-8) and bytes, their methods, and the text built-ins
 * str, repr, int, float, ord, chr, hex, print.
 *
 * A str remembers whether it is pure ASCII; then byte index and character
 * index coincide and indexing is O(1). Other strings index by scanning.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/strmethods.h"
#include "vm/long.h"
#include "vm/vm.h"
#include "vm/class.h"

static Str *new_text(VM *vm, Type type, const char *data, uint32_t len)
{
    Str *s = gc_alloc(vm, type, sizeof(Str) + (size_t)len + 1);
    if (!s)
        return NULL;
    s->len = len;
    if (len)
        memcpy(s->data, data, len);
    s->data[len] = '\0';
    s->hdr.aux = QID_NONE;
    bool ascii = true;
    for (uint32_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)data[i] < 0x80;
    s->hdr.flags = ascii ? STR_ASCII : 0;
    return s;
}

Str *str_new(VM *vm, const char *data, uint32_t len)
{
    if (len > (1u << 28))
        return vm_raise_oom(vm), NULL;
    return new_text(vm, T_STR, data, len);
}

Str *str_from_cstr(VM *vm, const char *s) { return str_new(vm, s, (uint32_t)strlen(s)); }

Str *bytes_new(VM *vm, const uint8_t *data, uint32_t len)
{
    if (len > (1u << 28))
        return vm_raise_oom(vm), NULL;
    return new_text(vm, T_BYTES, (const char *)data, len);
}

uint32_t str_charlen(const Str *s)
{
    if (s->hdr.flags & STR_ASCII || s->hdr.type == T_BYTES)
        return s->len;
    uint32_t n = 0;
    for (uint32_t i = 0; i < s->len; i++)
        n += ((unsigned char)s->data[i] & 0xc0) != 0x80;
    return n;
}

/* Byte offset of character index ci (ci <= charlen). */
static uint32_t byte_offset(const Str *s, uint32_t ci)
{
    if (s->hdr.flags & STR_ASCII || s->hdr.type == T_BYTES)
        return ci;
    uint32_t i = 0;
    for (uint32_t n = 0; i < s->len; i++) {
        if (((unsigned char)s->data[i] & 0xc0) != 0x80) {
            if (n == ci)
                return i;
            n++;
        }
    }
    return s->len;
}

bool str_getitem(VM *vm, Str *s, Value key, Value *out)
{
    bool bytes = s->hdr.type == T_BYTES;
    uint32_t len = str_charlen(s);
    if (v_is_intlike(key)) {
        int64_t i = key.u.i;
        if (i < 0)
            i += len;
        if (i < 0 || i >= (int64_t)len)
            return vm_raise(vm, EXC_IndexError, bytes ? "index out of range" : "string index out of range");
        if (bytes) {
            *out = v_int((uint8_t)s->data[i]);
            return true;
        }
        uint32_t b = byte_offset(s, (uint32_t)i), e = byte_offset(s, (uint32_t)i + 1);
        Str *r = str_new(vm, s->data + b, e - b);
        if (!r)
            return false;
        *out = v_obj(r);
        return true;
    }
    if (key.type == T_LONG)
        return vm_long_index_error(vm, key, bytes ? NULL : "string");
    if (key.type != T_SLICE)
        return vm_raise(vm, EXC_TypeError, "%s indices must be integers or slices, not %s",
                        bytes ? "byte" : "string", type_name(key));
    int32_t start, stop, step, n;
    if (!slice_indices(vm, AS(Slice, key), (int32_t)len, &start, &stop, &step, &n))
        return false;
    StrBuf sb;
    sb_init(&sb);
    if (step == 1 && n > 0) {
        uint32_t b = byte_offset(s, (uint32_t)start), e = byte_offset(s, (uint32_t)stop);
        sb_add(&sb, s->data + b, e - b);
    } else {
        for (int32_t k = 0; k < n; k++) {
            uint32_t ci = (uint32_t)(start + (int64_t)k * step);
            uint32_t b = byte_offset(s, ci), e = byte_offset(s, ci + 1);
            sb_add(&sb, s->data + b, e - b);
        }
    }
    if (sb.oom) {
        sb_free(&sb);
        return vm_raise_oom(vm);
    }
    Str *r = bytes ? bytes_new(vm, (const uint8_t *)(sb.data ? sb.data : ""), sb.len)
                   : str_new(vm, sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    if (!r)
        return false;
    *out = v_obj(r);
    return true;
}

/* Byte position of needle in hay from byte `from`, or -1. */
static int64_t find_bytes(const char *hay, uint32_t hlen, const char *needle, uint32_t nlen, uint32_t from)
{
    if (nlen == 0)
        return from <= hlen ? (int64_t)from : -1;
    for (uint32_t i = from; i + nlen <= hlen; i++)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, nlen) == 0)
            return i;
    return -1;
}

bool str_contains(VM *vm, Str *hay, Value needle, bool *out)
{
    if (hay->hdr.type == T_BYTES && v_is_intlike(needle)) {
        if (needle.u.i < 0 || needle.u.i > 255)
            return vm_raise(vm, EXC_ValueError, "byte must be in range(0, 256)");
        *out = hay->len && memchr(hay->data, needle.u.i, hay->len) != NULL;
        return true;
    }
    const uint8_t *buf;
    uint32_t buflen;
    if (hay->hdr.type == T_BYTES && needle.type != T_BYTES && byte_buffer(needle, &buf, &buflen)) {
        *out = find_bytes(hay->data, hay->len, (const char *)buf, buflen, 0) >= 0;
        return true;
    }
    if (needle.type != hay->hdr.type) {
        if (hay->hdr.type == T_STR)
            return vm_raise(vm, EXC_TypeError, "'in <string>' requires string as left operand, not %s",
                            type_name(needle));
        return vm_raise(vm, EXC_TypeError, "a bytes-like object is required, not '%s'", type_name(needle));
    }
    Str *n = AS(Str, needle);
    *out = find_bytes(hay->data, hay->len, n->data, n->len, 0) >= 0;
    return true;
}

Str *str_concat(VM *vm, Str *a, Str *b)
{
    uint64_t len = (uint64_t)a->len + b->len;
    if (len > (1u << 28))
        return vm_raise_oom(vm), NULL;
    VM_ROOT(vm, v_obj(a));
    VM_ROOT(vm, v_obj(b));
    Str *s = gc_alloc(vm, (Type)a->hdr.type, sizeof(Str) + (size_t)len + 1);
    VM_UNROOT(vm, 2);
    if (!s)
        return NULL;
    s->len = (uint32_t)len;
    memcpy(s->data, a->data, a->len);
    memcpy(s->data + a->len, b->data, b->len);
    s->data[len] = '\0';
    s->hdr.aux = QID_NONE;
    s->hdr.flags = a->hdr.flags & b->hdr.flags & STR_ASCII;
    return s;
}

Str *str_repeat(VM *vm, Str *s, int32_t n)
{
    if (n < 0)
        n = 0;
    uint64_t len = (uint64_t)s->len * (uint64_t)n;
    if (len > (1u << 28))
        return vm_raise_oom(vm), NULL;
    VM_ROOT(vm, v_obj(s));
    Str *r = gc_alloc(vm, (Type)s->hdr.type, sizeof(Str) + (size_t)len + 1);
    VM_UNROOT(vm, 1);
    if (!r)
        return NULL;
    r->len = (uint32_t)len;
    for (int32_t k = 0; k < n; k++)
        memcpy(r->data + (uint64_t)k * s->len, s->data, s->len);
    r->data[len] = '\0';
    r->hdr.aux = QID_NONE;
    r->hdr.flags = s->hdr.flags & STR_ASCII;
    return r;
}

int str_compare(const Str *a, const Str *b)
{
    uint32_t n = a->len < b->len ? a->len : b->len;
    int c = n ? memcmp(a->data, b->data, n) : 0;
    if (c)
        return c;
    return a->len < b->len ? -1 : a->len > b->len;
}

bool str_equal(const Str *a, const Str *b)
{
    return a == b || (a->len == b->len && (a->len == 0 || memcmp(a->data, b->data, a->len) == 0));
}

uint32_t str_hash(Str *s)
{
    if (s->hash)
        return s->hash;
    uint32_t h = 2166136261u; /* FNV-1a */
    for (uint32_t i = 0; i < s->len; i++)
        h = (h ^ (uint8_t)s->data[i]) * 16777619u;
    if (h == 0)
        h = 1;
    s->hash = h;
    return h;
}

/* ---- number parsing --------------------------------------------------------------- */

/* The code point of the UTF-8 character at p (valid UTF-8: the runtime only
 * makes valid str) and its length in bytes. */
static uint32_t decode_char(const char *p, const char *end, uint32_t *len)
{
    const unsigned char *u = (const unsigned char *)p;
    uint32_t n = u[0] < 0x80 ? 1 : u[0] < 0xe0 ? 2 : u[0] < 0xf0 ? 3 : 4;
    if ((ptrdiff_t)n > end - p)
        n = 1;
    *len = n;
    switch (n) {
    case 1:  return u[0];
    case 2:  return (u[0] & 0x1fu) << 6 | (u[1] & 0x3fu);
    case 3:  return (u[0] & 0x0fu) << 12 | (u[1] & 0x3fu) << 6 | (u[2] & 0x3fu);
    default: return (u[0] & 0x07u) << 18 | (u[1] & 0x3fu) << 12 | (u[2] & 0x3fu) << 6 | (u[3] & 0x3fu);
    }
}

/* Which characters are whitespace: bytes methods know the six ASCII ones;
 * str methods (isspace, split, strip) also the information separators
 * \x1c-\x1f and Unicode's other spaces; int() and float() of a str strip
 * the Unicode ones but not \x1c-\x1f (all as CPython). */
typedef enum SpaceKind { SPACE_ASCII, SPACE_STR, SPACE_NUMBER } SpaceKind;

static bool space_char(uint32_t cp, SpaceKind kind)
{
    if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
        return true;
    if (kind == SPACE_ASCII)
        return false;
    return (kind == SPACE_STR && cp >= 0x1c && cp <= 0x1f) || cp == 0x85 || cp == 0xa0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f ||
           cp == 0x205f || cp == 0x3000;
}

/* Bytes of the whitespace character at p, or 0. */
static uint32_t space_at(const char *p, const char *end, SpaceKind kind)
{
    uint32_t n = 1, cp = kind == SPACE_ASCII ? (unsigned char)*p : decode_char(p, end, &n);
    return space_char(cp, kind) ? n : 0;
}

/* Bytes of the whitespace character that ends at end (> begin), or 0. */
static uint32_t space_before(const char *begin, const char *end, SpaceKind kind)
{
    const char *q = end - 1;
    if (kind != SPACE_ASCII)
        while (q > begin && ((unsigned char)*q & 0xc0) == 0x80)
            q--;
    return space_at(q, end, kind) == (uint32_t)(end - q) ? (uint32_t)(end - q) : 0;
}

static void trim_space(const char **p, const char **end, SpaceKind kind)
{
    uint32_t n;
    while (*p < *end && (n = space_at(*p, *end, kind)) > 0)
        *p += n;
    while (*end > *p && (n = space_before(*p, *end, kind)) > 0)
        *end -= n;
}

static SpaceKind space_kind(const Str *s) { return s->hdr.type == T_STR ? SPACE_STR : SPACE_ASCII; }

static bool bad_int(VM *vm, const Str *s, int base)
{
    Str *r = vm_repr(vm, v_obj((void *)s));
    if (!r)
        return false;
    return vm_raise(vm, EXC_ValueError, "invalid literal for int() with base %d: %s", base, r->data);
}

bool str_to_int(VM *vm, const Str *s, int base, Value *out)
{
    const char *p = s->data, *end = s->data + s->len;
    trim_space(&p, &end, s->hdr.type == T_STR ? SPACE_NUMBER : SPACE_ASCII);
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    int b = base;
    if (p + 1 < end && p[0] == '0') {
        char x = (char)(p[1] | 32);
        int pb = x == 'x' ? 16 : x == 'o' ? 8 : x == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            b = pb;
            p += 2;
            if (p < end && *p == '_')
                p++;
        }
    }
    if (b == 0) {
        b = 10;
        /* base 0: no leading zeros on a nonzero decimal */
        if (p + 1 < end && p[0] == '0') {
            for (const char *q = p; q < end; q++)
                if (*q != '0' && *q != '_')
                    return bad_int(vm, s, 0);
        }
    }
    if (p >= end)
        return bad_int(vm, s, base);
    /* CPython's limit on decimal (not power-of-two base) text */
    if (b != 2 && b != 4 && b != 8 && b != 16 && b != 32) {
        uint32_t nd = 0;
        for (const char *q = p; q < end; q++)
            nd += *q != '_';
        if (nd > LONG_MAX_STR_DIGITS)
            return vm_raise(vm, EXC_ValueError, "Exceeds the limit (%d digits) for integer string conversion: "
                            "value has %lu digits; use sys.set_int_max_str_digits() to increase the limit",
                            LONG_MAX_STR_DIGITS, (unsigned long)nd);
    }
    /* digits and single underscores between them, of any length (long.c) */
    if (*p == '_' || !long_parse(vm, p, end, b, neg, out))
        return vm->exc.type != T_UNBOUND ? false : bad_int(vm, s, base);
    return true;
}

bool str_to_float(VM *vm, const Str *s, float *out)
{
    const char *p = s->data, *end = s->data + s->len;
    trim_space(&p, &end, SPACE_NUMBER);
    /* the text without underscores, NUL-terminated for strtof: on the stack
     * when short, else on the C heap (a float may be written with any
     * number of digits) */
    char small[128], *buf = small;
    if ((size_t)(end - p) >= sizeof small) {
        buf = malloc((size_t)(end - p) + 1);
        if (!buf)
            return vm_raise_oom(vm);
    }
    uint32_t n = 0;
    bool ok = p < end && !memchr(p, '\0', (size_t)(end - p));
    for (const char *q = p; ok && q < end; q++) {
        if (*q == '_') { /* underscores only between digits */
            ok = q > p && q + 1 < end && q[-1] >= '0' && q[-1] <= '9' && q[1] >= '0' && q[1] <= '9';
            continue;
        }
        buf[n++] = *q;
    }
    if (ok) {
        buf[n] = '\0';
        /* accept only what Python accepts: no hex floats, nothing trailing */
        const char *b = buf + (buf[0] == '+' || buf[0] == '-');
        char lower[16];
        size_t bl = strlen(b);
        for (size_t i = 0; i < bl && i < sizeof lower - 1; i++)
            lower[i] = (char)(b[i] | 32);
        lower[bl < sizeof lower - 1 ? bl : sizeof lower - 1] = '\0';
        if (strcmp(lower, "inf") == 0 || strcmp(lower, "infinity") == 0 || strcmp(lower, "nan") == 0) {
            *out = lower[0] == 'n' ? (buf[0] == '-' ? -NAN : NAN) : buf[0] == '-' ? -INFINITY : INFINITY;
            if (buf != small)
                free(buf);
            return true;
        }
        bool digits = false;
        for (const char *q = b; *q; q++) {
            if (*q >= '0' && *q <= '9')
                digits = true;
            else if (!strchr(".eE+-", *q))
                ok = false;
        }
        if (ok && digits) {
            char *stop;
            errno = 0;
            float f = strtof(buf, &stop);
            if (*stop == '\0') {
                *out = f;
                if (buf != small)
                    free(buf);
                return true;
            }
        }
    }
    if (buf != small)
        free(buf);
    Str *r = vm_repr(vm, v_obj((void *)s));
    if (!r)
        return false;
    return vm_raise(vm, EXC_ValueError, "could not convert string to float: %s", r->data);
}

/* ---- methods ------------------------------------------------------------------------- */

#define SELF(args) AS(Str, (args)[0])

static bool need_same(VM *vm, Value self, Value arg, const char *what)
{
    if (arg.type == self.type)
        return true;
    if (self.type == T_STR)
        return vm_raise(vm, EXC_TypeError, "%s arg must be None or str", what);
    return vm_raise(vm, EXC_TypeError, "a bytes-like object is required, not '%s'", type_name(arg));
}

static bool make_result(VM *vm, Value self, const char *data, uint32_t len, Value *out)
{
    Str *r = self.type == T_BYTES ? bytes_new(vm, (const uint8_t *)data, len) : str_new(vm, data, len);
    if (!r)
        return false;
    *out = v_obj(r);
    return true;
}

static bool m_join(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value it;
    if (!vm_getiter(vm, args[1], &it))
        return false;
    VM_ROOT(vm, it);
    StrBuf sb;
    sb_init(&sb);
    bool ok = true;
    for (uint32_t n = 0;; n++) {
        Value v;
        int r = vm_iternext(vm, it, &v);
        if (r <= 0) {
            ok = r == 0;
            break;
        }
        bool bytearray_item = args[0].type == T_BYTES && v.type == T_BYTEARRAY;
        if (v.type != args[0].type && !bytearray_item) {
            ok = vm_raise(vm, EXC_TypeError, "sequence item %lu: expected %s instance, %s found",
                          (unsigned long)n, args[0].type == T_STR ? "str" : "a bytes-like object", type_name(v));
            break;
        }
        if (n)
            sb_add(&sb, SELF(args)->data, SELF(args)->len);
        if (bytearray_item)
            sb_add(&sb, (const char *)AS(Array, v)->data, AS(Array, v)->len);
        else
            sb_add(&sb, AS(Str, v)->data, AS(Str, v)->len);
    }
    VM_UNROOT(vm, 1);
    if (ok && sb.oom)
        ok = vm_raise_oom(vm);
    if (ok)
        ok = make_result(vm, args[0], sb.data ? sb.data : "", sb.len, out);
    sb_free(&sb);
    return ok;
}

static bool m_split(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *s = SELF(args);
    Value sepv = nargs > 1 ? args[1] : v_none();
    int32_t maxsplit = -1;
    if (nargs > 2) {
        if (!class_index(vm, &args[2])) /* an instance with __index__ */
            return false;
        if (!v_is_intlike(args[2]))
            return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[2]));
        maxsplit = args[2].u.i;
    }
    if (sepv.type != T_NONE && !need_same(vm, args[0], sepv, "must be str or None, not"))
        return false;
    List *l = list_new(vm, 0);
    if (!l)
        return false;
    VM_ROOT(vm, v_obj(l));
    bool ok = true;
    const char *d = s->data;
    uint32_t n = s->len, i = 0;
    int32_t splits = 0;
    if (sepv.type == T_NONE) {
        /* runs of whitespace separate; no empty strings. The last piece,
         * after maxsplit splits, keeps its trailing whitespace. */
        SpaceKind kind = space_kind(s);
        uint32_t w;
        for (;;) {
            while (i < n && (w = space_at(d + i, d + n, kind)) > 0)
                i += w;
            if (i >= n)
                break;
            uint32_t j = i;
            if (maxsplit >= 0 && splits >= maxsplit) {
                j = n;
            } else {
                while (j < n && space_at(d + j, d + n, kind) == 0)
                    j++;
            }
            Value piece;
            if (!(ok = make_result(vm, args[0], d + i, j - i, &piece) && list_append(vm, l, piece)))
                break;
            splits++;
            i = j;
        }
    } else {
        Str *sep = AS(Str, sepv);
        if (sep->len == 0) {
            VM_UNROOT(vm, 1);
            return vm_raise(vm, EXC_ValueError, "empty separator");
        }
        for (;;) {
            int64_t at = (maxsplit >= 0 && splits >= maxsplit) ? -1 : find_bytes(d, n, sep->data, sep->len, i);
            uint32_t j = at < 0 ? n : (uint32_t)at;
            Value piece;
            if (!(ok = make_result(vm, args[0], d + i, j - i, &piece) && list_append(vm, l, piece)))
                break;
            if (at < 0)
                break;
            splits++;
            i = j + sep->len;
        }
    }
    VM_UNROOT(vm, 1);
    *out = v_obj(l);
    return ok;
}

/* Whether the character c (n bytes) occurs in chars as a whole character. */
static bool char_aligned(const char *chars, uint32_t nchars, const char *c, uint32_t n)
{
    for (int64_t at = find_bytes(chars, nchars, c, n, 0); at >= 0;
         at = find_bytes(chars, nchars, c, n, (uint32_t)at + 1))
        if (((unsigned char)chars[at] & 0xc0) != 0x80)
            return true;
    return false;
}

/* strip, lstrip, rstrip: which = 1 left, 2 right, 3 both */
static bool strip(VM *vm, Value *args, int nargs, int which, Value *out)
{
    Str *s = SELF(args);
    const char *chars = NULL;
    uint32_t nchars = 0;
    if (nargs > 1 && args[1].type != T_NONE) {
        if (!need_same(vm, args[0], args[1], "strip"))
            return false;
        chars = AS(Str, args[1])->data;
        nchars = AS(Str, args[1])->len;
    }
    bool unicode = s->hdr.type == T_STR;
    const char *b = s->data, *e = s->data + s->len;
    if (!chars) {
        const char *b0 = b, *e0 = e;
        trim_space(&b0, &e0, space_kind(s));
        if (which & 1)
            b = b0;
        if (which & 2)
            e = e0 < b ? b : e0;
    }
    /* characters (not bytes) of chars are stripped */
    for (;;) {
        if (!chars || !(which & 1) || b >= e)
            break;
        uint32_t n = 1;
        if (unicode)
            decode_char(b, e, &n);
        if (find_bytes(chars, nchars, b, n, 0) < 0 || (unicode && !char_aligned(chars, nchars, b, n)))
            break;
        b += n;
    }
    for (;;) {
        if (!chars || !(which & 2) || e <= b)
            break;
        const char *q = e - 1;
        while (unicode && q > b && ((unsigned char)*q & 0xc0) == 0x80)
            q--;
        uint32_t n = (uint32_t)(e - q);
        if (find_bytes(chars, nchars, q, n, 0) < 0 || (unicode && !char_aligned(chars, nchars, q, n)))
            break;
        e = q;
    }
    if (b == s->data && e == s->data + s->len) { /* nothing stripped: the same object, as in CPython */
        *out = args[0];
        return true;
    }
    return make_result(vm, args[0], b, (uint32_t)(e - b), out);
}

static bool m_strip(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return strip(vm, args, nargs, 3, out); }
static bool m_lstrip(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return strip(vm, args, nargs, 1, out); }
static bool m_rstrip(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return strip(vm, args, nargs, 2, out); }

/* The optional start and end arguments of find, count, startswith, ...
 * (args[2], args[3]: ints or None): character indices adjusted like a
 * slice's, except that start may lie beyond the end (*past_end: then nothing,
 * not even an empty string, is found). *bs and *be are byte offsets. */
static bool search_region(VM *vm, Str *s, Value *args, int nargs, uint32_t *bs, uint32_t *be, bool *past_end)
{
    int64_t len = str_charlen(s), start = 0, end = len;
    for (int k = 2; k < nargs && k < 4; k++) {
        if (args[k].type == T_NONE)
            continue;
        if (!v_is_intlike(args[k]))
            return vm_raise(vm, EXC_TypeError, "slice indices must be integers or None or have an __index__ method");
        int64_t v = args[k].u.i;
        if (v < 0 && (v += len) < 0)
            v = 0;
        if (k == 2)
            start = v;
        else
            end = v > len ? len : v;
    }
    *past_end = start > len;
    *bs = byte_offset(s, (uint32_t)(start > len ? len : start));
    *be = byte_offset(s, (uint32_t)end);
    return true;
}

/* startswith / endswith with a str or a tuple of them, and optional start and end */
static bool affix(VM *vm, Value *args, int nargs, bool at_end, Value *out)
{
    Str *s = SELF(args);
    uint32_t bs, be;
    bool past_end;
    if (!search_region(vm, s, args, nargs, &bs, &be, &past_end))
        return false;
    Value p = args[1];
    Value *cands = &p;
    uint32_t ncands = 1;
    if (p.type == T_TUPLE) {
        cands = AS(Tuple, p)->items;
        ncands = AS(Tuple, p)->len;
    }
    for (uint32_t k = 0; k < ncands; k++) {
        if (cands[k].type != args[0].type)
            return vm_raise(vm, EXC_TypeError, "%s first arg must be %s or a tuple of %s, not %s",
                            at_end ? "endswith" : "startswith", type_name(args[0]), type_name(args[0]),
                            type_name(cands[k]));
        Str *a = AS(Str, cands[k]);
        if (!past_end && be >= bs && a->len <= be - bs &&
            memcmp(s->data + (at_end ? be - a->len : bs), a->data, a->len) == 0) {
            *out = v_bool(true);
            return true;
        }
    }
    *out = v_bool(false);
    return true;
}

static bool m_startswith(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return affix(vm, args, nargs, false, out); }
static bool m_endswith(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return affix(vm, args, nargs, true, out); }

static bool change_case(VM *vm, Value *args, bool upper, Value *out)
{
    Str *s = SELF(args);
    StrBuf sb;
    sb_init(&sb);
    sb_add(&sb, s->data, s->len);
    for (uint32_t i = 0; i < sb.len; i++) {
        char c = sb.data[i];
        if (upper && c >= 'a' && c <= 'z')
            sb.data[i] = (char)(c - 32);
        else if (!upper && c >= 'A' && c <= 'Z')
            sb.data[i] = (char)(c + 32);
    }
    if (sb.oom) {
        sb_free(&sb);
        return vm_raise_oom(vm);
    }
    bool ok = make_result(vm, args[0], sb.data ? sb.data : "", sb.len, out);
    sb_free(&sb);
    return ok;
}

static bool m_upper(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return change_case(vm, args, true, out); }
static bool m_lower(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return change_case(vm, args, false, out); }

static bool m_replace(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (!need_same(vm, args[0], args[1], "replace") || !need_same(vm, args[0], args[2], "replace"))
        return false;
    Str *s = SELF(args), *old = AS(Str, args[1]), *new_ = AS(Str, args[2]);
    int32_t count = -1;
    if (nargs > 3) {
        if (!v_is_intlike(args[3]))
            return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[3]));
        count = args[3].u.i;
    }
    StrBuf sb;
    sb_init(&sb);
    uint32_t i = 0;
    int32_t done = 0;
    while (i <= s->len) {
        int64_t at = (count >= 0 && done >= count) ? -1 : find_bytes(s->data, s->len, old->data, old->len, i);
        if (at < 0) {
            sb_add(&sb, s->data + i, s->len - i);
            break;
        }
        sb_add(&sb, s->data + i, (uint32_t)at - i);
        sb_add(&sb, new_->data, new_->len);
        done++;
        if (old->len == 0) { /* empty pattern: between every character (a str's: all its UTF-8 bytes) */
            uint32_t n = 1;
            while (s->hdr.type != T_BYTES && (uint32_t)at + n < s->len &&
                   ((unsigned char)s->data[at + n] & 0xc0) == 0x80)
                n++;
            if ((uint32_t)at < s->len)
                sb_add(&sb, s->data + at, n);
            i = (uint32_t)at + n;
            if (i > s->len)
                break;
        } else {
            i = (uint32_t)at + old->len;
        }
    }
    if (sb.oom) {
        sb_free(&sb);
        return vm_raise_oom(vm);
    }
    bool ok = make_result(vm, args[0], sb.data ? sb.data : "", sb.len, out);
    sb_free(&sb);
    return ok;
}

/* find / index / count: sub must be the same type (or an int for bytes). */
static bool search_arg(VM *vm, Value *args, const char **needle, uint32_t *nlen, char *byte)
{
    if (args[0].type == T_BYTES && v_is_intlike(args[1])) {
        if (args[1].u.i < 0 || args[1].u.i > 255)
            return vm_raise(vm, EXC_ValueError, "byte must be in range(0, 256)");
        *byte = (char)args[1].u.i;
        *needle = byte;
        *nlen = 1;
        return true;
    }
    if (args[1].type != args[0].type)
        return vm_raise(vm, EXC_TypeError, "must be %s, not %s", type_name(args[0]), type_name(args[1]));
    *needle = AS(Str, args[1])->data;
    *nlen = AS(Str, args[1])->len;
    return true;
}

/* Character index of a byte offset. */
static int32_t char_index(const Str *s, int64_t byte)
{
    if (byte < 0 || s->hdr.flags & STR_ASCII || s->hdr.type == T_BYTES)
        return (int32_t)byte;
    int32_t n = 0;
    for (int64_t i = 0; i < byte; i++)
        n += ((unsigned char)s->data[i] & 0xc0) != 0x80;
    return n;
}

static bool m_find(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    const char *needle = "";
    uint32_t nlen = 0, bs, be;
    char byte;
    bool past_end;
    Str *s = SELF(args);
    if (!search_arg(vm, args, &needle, &nlen, &byte) || !search_region(vm, s, args, nargs, &bs, &be, &past_end))
        return false;
    *out = v_int(past_end || be < bs ? -1 : char_index(s, find_bytes(s->data, be, needle, nlen, bs)));
    return true;
}

static bool m_index(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (!m_find(vm, args, nargs, kw, out))
        return false;
    if (out->u.i < 0)
        return vm_raise(vm, EXC_ValueError, args[0].type == T_STR ? "substring not found" : "subsection not found");
    return true;
}

static bool m_count(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    const char *needle = "";
    uint32_t nlen = 0;
    char byte;
    if (!search_arg(vm, args, &needle, &nlen, &byte))
        return false;
    Str *s = SELF(args);
    uint32_t bs, be;
    bool past_end;
    if (!search_region(vm, s, args, nargs, &bs, &be, &past_end))
        return false;
    if (past_end || be < bs) {
        *out = v_int(0);
        return true;
    }
    if (nlen == 0) { /* between every two characters, and at both ends */
        *out = v_int(char_index(s, be) - char_index(s, bs) + 1);
        return true;
    }
    int32_t n = 0;
    for (int64_t at = find_bytes(s->data, be, needle, nlen, bs); at >= 0;
         at = find_bytes(s->data, be, needle, nlen, (uint32_t)at + nlen))
        n++;
    *out = v_int(n);
    return true;
}

static bool classify(Value *args, int kind, Value *out)
{
    Str *s = SELF(args);
    bool all = s->len > 0;
    for (uint32_t i = 0, n; i < s->len && all; i += n) {
        uint32_t c = s->hdr.type == T_STR ? decode_char(s->data + i, s->data + s->len, &n) : (n = 1, (uint8_t)s->data[i]);
        all = kind == 0 ? (c >= '0' && c <= '9') : kind == 1 ? ((c | 32) >= 'a' && (c | 32) <= 'z')
                                                 : space_char(c, space_kind(s));
    }
    *out = v_bool(all);
    return true;
}

static bool m_isdigit(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return classify(args, 0, out); }
static bool m_isalpha(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return classify(args, 1, out); }
static bool m_isspace(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return classify(args, 2, out); }

/* ---- codecs: utf-8, ascii, latin-1 ------------------------------------------------ */

typedef enum Codec { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1 } Codec;
typedef enum Errors { ERRORS_STRICT, ERRORS_IGNORE, ERRORS_REPLACE, ERRORS_UNKNOWN } Errors;

static const char *const codec_names[] = {"utf-8", "ascii", "latin-1"};

/* A codec by any of CPython's spellings of these three names: case, '-',
 * '_' and ' ' do not matter. */
static bool find_codec(VM *vm, Value name, Codec *out)
{
    if (name.type != T_STR)
        return vm_raise(vm, EXC_TypeError, "encode() argument 'encoding' must be str, not %s", type_name(name));
    Str *n = AS(Str, name);
    char norm[24];
    uint32_t k = 0;
    for (uint32_t i = 0; i < n->len && k + 1 < sizeof norm; i++) {
        char c = n->data[i];
        if (c == '-' || c == '_' || c == ' ')
            continue;
        norm[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    norm[k] = '\0';
    static const struct { const char *alias; Codec codec; } aliases[] = {
        {"utf8", CODEC_UTF8},      {"u8", CODEC_UTF8},          {"utf", CODEC_UTF8},
        {"cp65001", CODEC_UTF8},   {"ascii", CODEC_ASCII},      {"usascii", CODEC_ASCII},
        {"646", CODEC_ASCII},      {"latin1", CODEC_LATIN1},    {"latin", CODEC_LATIN1},
        {"iso88591", CODEC_LATIN1}, {"8859", CODEC_LATIN1},     {"cp819", CODEC_LATIN1},
        {"l1", CODEC_LATIN1},      {"iso885911987", CODEC_LATIN1},
    };
    if (k + 1 < sizeof norm)
        for (unsigned i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
            if (strcmp(norm, aliases[i].alias) == 0) {
                *out = aliases[i].codec;
                return true;
            }
    return vm_raise(vm, EXC_LookupError, "unknown encoding: %.100s", n->data);
}

/* encode(encoding='utf-8', errors='strict') / decode(...): positional or keyword. */
static bool codec_args(VM *vm, const char *fn, Value *args, int nargs, Tuple *kw, Codec *codec, Errors *errors,
                       Str **errors_name)
{
    Value given[2] = {v_none(), v_none()};
    int npos = nargs - (kw ? (int)kw->len : 0);
    for (int i = 1; i < npos; i++)
        given[i - 1] = args[i];
    for (uint32_t k = 0; kw && k < kw->len; k++) {
        Str *name = AS(Str, kw->items[k]);
        int slot = strcmp(name->data, "encoding") == 0 ? 0 : strcmp(name->data, "errors") == 0 ? 1 : -1;
        if (slot < 0)
            return vm_raise(vm, EXC_TypeError, "%s() got an unexpected keyword argument '%s'", fn, name->data);
        if (slot < npos - 1)
            return vm_raise(vm, EXC_TypeError, "argument for %s() given by name ('%s') and position (%d)", fn,
                            name->data, slot + 1);
        given[slot] = args[npos + (int)k];
    }
    *codec = CODEC_UTF8;
    *errors = ERRORS_STRICT;
    *errors_name = NULL;
    if (given[0].type != T_NONE && !find_codec(vm, given[0], codec))
        return false;
    if (given[1].type != T_NONE) {
        if (given[1].type != T_STR)
            return vm_raise(vm, EXC_TypeError, "%s() argument 'errors' must be str, not %s", fn, type_name(given[1]));
        Str *e = AS(Str, given[1]);
        *errors_name = e;
        *errors = strcmp(e->data, "strict") == 0 ? ERRORS_STRICT : strcmp(e->data, "ignore") == 0 ? ERRORS_IGNORE
                : strcmp(e->data, "replace") == 0 ? ERRORS_REPLACE : ERRORS_UNKNOWN;
    }
    return true;
}

/* An error handler other than strict/ignore/replace is looked up, as in
 * CPython, only when an error happens. */
static bool unknown_handler(VM *vm, Str *name)
{
    return vm_raise(vm, EXC_LookupError, "unknown error handler name '%.100s'", name->data);
}

static void escape_char(char *buf, size_t size, uint32_t cp)
{
    snprintf(buf, size, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x", (unsigned)cp);
}

static bool m_encode(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *s = SELF(args);
    Codec codec;
    Errors errors;
    Str *errors_name;
    if (!codec_args(vm, "encode", args, nargs, kw, &codec, &errors, &errors_name))
        return false;
    uint32_t limit = codec == CODEC_ASCII ? 0x80 : 0x100;
    StrBuf sb;
    sb_init(&sb);
    const char *end = s->data + s->len;
    uint32_t pos = 0, n;
    for (const char *p = s->data; p < end; p += n, pos++) {
        uint32_t cp = decode_char(p, end, &n);
        if (codec == CODEC_UTF8 || cp < limit) {
            if (codec == CODEC_UTF8)
                sb_add(&sb, p, n);
            else
                sb_addc(&sb, (char)cp);
            continue;
        }
        if (errors == ERRORS_IGNORE)
            continue;
        if (errors == ERRORS_REPLACE) {
            sb_addc(&sb, '?');
            continue;
        }
        sb_free(&sb);
        if (errors == ERRORS_UNKNOWN)
            return unknown_handler(vm, errors_name);
        /* the run of characters this codec cannot encode */
        uint32_t last = pos, m;
        for (const char *q = p + n; q < end && decode_char(q, end, &m) >= limit; q += m)
            last++;
        const char *range = codec == CODEC_ASCII ? "128" : "256";
        if (last == pos) {
            char esc[16];
            escape_char(esc, sizeof esc, cp);
            vm_raise(vm, EXC_UnicodeEncodeError, "'%s' codec can't encode character '%s' in position %lu: "
                     "ordinal not in range(%s)", codec_names[codec], esc, (unsigned long)pos, range);
        } else {
            vm_raise(vm, EXC_UnicodeEncodeError, "'%s' codec can't encode characters in position %lu-%lu: "
                     "ordinal not in range(%s)", codec_names[codec], (unsigned long)pos, (unsigned long)last, range);
        }
        return exc_set_codec_attrs(vm, codec_names[codec], args[0], pos, last + 1,
                                   codec == CODEC_ASCII ? "ordinal not in range(128)" : "ordinal not in range(256)");
    }
    if (sb.oom) {
        sb_free(&sb);
        return vm_raise_oom(vm);
    }
    Str *b = bytes_new(vm, (const uint8_t *)(sb.data ? sb.data : ""), sb.len);
    sb_free(&sb);
    if (!b)
        return false;
    *out = v_obj(b);
    return true;
}

/* Length of the valid UTF-8 character at d[i..len), or 0 with *bad set to
 * how many bytes CPython names in its error and *why to the reason. */
static uint32_t utf8_char_at(const unsigned char *d, uint32_t i, uint32_t len, uint32_t *bad, const char **why)
{
    unsigned char c = d[i];
    if (c < 0x80)
        return 1;
    uint32_t k = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (k == 0) {
        *bad = 1;
        *why = "invalid start byte";
        return 0;
    }
    for (uint32_t j = 1; j <= k; j++) {
        if (i + j >= len) {
            *bad = j;
            *why = "unexpected end of data";
            return 0;
        }
        unsigned char x = d[i + j];
        /* the second byte's range excludes overlong forms, surrogates and > U+10FFFF */
        unsigned char lo = 0x80, hi = 0xbf;
        if (j == 1) {
            if (c == 0xe0) lo = 0xa0;
            else if (c == 0xed) hi = 0x9f;
            else if (c == 0xf0) lo = 0x90;
            else if (c == 0xf4) hi = 0x8f;
        }
        if (x < lo || x > hi) {
            *bad = j;
            *why = "invalid continuation byte";
            return 0;
        }
    }
    return k + 1;
}

static bool m_decode(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *b = SELF(args);
    Codec codec;
    Errors errors;
    Str *errors_name;
    if (!codec_args(vm, "decode", args, nargs, kw, &codec, &errors, &errors_name))
        return false;
    const unsigned char *d = (const unsigned char *)b->data;
    StrBuf sb;
    sb_init(&sb);
    for (uint32_t i = 0; i < b->len;) {
        uint32_t n = 1, bad = 1;
        const char *why = "ordinal not in range(128)";
        if (codec == CODEC_LATIN1 || d[i] < 0x80) {
            if (d[i] < 0x80)
                sb_addc(&sb, (char)d[i]);
            else {
                sb_addc(&sb, (char)(0xc0 | d[i] >> 6));
                sb_addc(&sb, (char)(0x80 | (d[i] & 0x3f)));
            }
            i++;
            continue;
        }
        if (codec == CODEC_UTF8 && (n = utf8_char_at(d, i, b->len, &bad, &why)) > 0) {
            sb_add(&sb, b->data + i, n);
            i += n;
            continue;
        }
        if (errors == ERRORS_IGNORE || errors == ERRORS_REPLACE) {
            if (errors == ERRORS_REPLACE)
                sb_adds(&sb, "\xef\xbf\xbd"); /* U+FFFD */
            i += bad;
            continue;
        }
        sb_free(&sb);
        if (errors == ERRORS_UNKNOWN)
            return unknown_handler(vm, errors_name);
        if (bad == 1)
            vm_raise(vm, EXC_UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in position %lu: %s",
                     codec_names[codec], d[i], (unsigned long)i, why);
        else
            vm_raise(vm, EXC_UnicodeDecodeError, "'%s' codec can't decode bytes in position %lu-%lu: %s",
                     codec_names[codec], (unsigned long)i, (unsigned long)(i + bad - 1), why);
        /* CPython's object is bytes, also for a bytearray's decode */
        Value object = args[0];
        if (object.type != T_BYTES) {
            Str *copy = bytes_new(vm, d, b->len);
            if (!copy)
                return vm_raise_oom(vm);
            object = v_obj(copy);
        }
        return exc_set_codec_attrs(vm, codec_names[codec], object, i, i + bad, why);
    }
    if (sb.oom) {
        sb_free(&sb);
        return vm_raise_oom(vm);
    }
    Str *s = str_new(vm, sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}

extern const Native str_format_m; /* format.c */

static NATIVE(str_join_m, "join", m_join, 2, 2);
static NATIVE(str_strip_m, "strip", m_strip, 1, 2);
static NATIVE(str_lstrip_m, "lstrip", m_lstrip, 1, 2);
static NATIVE(str_rstrip_m, "rstrip", m_rstrip, 1, 2);
static NATIVE(str_startswith_m, "startswith", m_startswith, 2, 4);
static NATIVE(str_endswith_m, "endswith", m_endswith, 2, 4);
static NATIVE(str_upper_m, "upper", m_upper, 1, 1);
static NATIVE(str_lower_m, "lower", m_lower, 1, 1);
static NATIVE(str_replace_m, "replace", m_replace, 3, 4);
static NATIVE(str_find_m, "find", m_find, 2, 4);
static NATIVE(str_index_m, "index", m_index, 2, 4);
static NATIVE(str_count_m, "count", m_count, 2, 4);
static NATIVE(str_isdigit_m, "isdigit", m_isdigit, 1, 1);
static NATIVE(str_isalpha_m, "isalpha", m_isalpha, 1, 1);
static NATIVE(str_isspace_m, "isspace", m_isspace, 1, 1);
static NATIVE_WITH_KW(str_encode_m, "encode", m_encode, 1, 3);
static NATIVE_WITH_KW(bytes_decode_m, "decode", m_decode, 1, 3);

#define MORE_ENTRY(name) {Q_##name, &strm_##name},
const MethodEntry str_methods[] = {
    STR_MORE_METHODS(MORE_ENTRY)
    {Q_join, &str_join_m},       {Q_format, &str_format_m},   {Q_split, &strm_split_kw},
    {Q_strip, &str_strip_m},     {Q_lstrip, &str_lstrip_m},   {Q_rstrip, &str_rstrip_m},
    {Q_startswith, &str_startswith_m}, {Q_endswith, &str_endswith_m}, {Q_upper, &str_upper_m},
    {Q_lower, &str_lower_m},     {Q_replace, &str_replace_m}, {Q_find, &str_find_m},
    {Q_index, &str_index_m},     {Q_count, &str_count_m},     {Q_isdigit, &str_isdigit_m},
    {Q_isalpha, &str_isalpha_m}, {Q_isspace, &str_isspace_m}, {Q_encode, &str_encode_m},
};
const uint32_t n_str_methods = sizeof str_methods / sizeof str_methods[0];

const MethodEntry bytes_methods[] = {
    BYTES_MORE_METHODS(MORE_ENTRY)
    {Q_decode, &bytes_decode_m}, {Q_join, &str_join_m},     {Q_split, &strm_split_kw},
    {Q_strip, &str_strip_m},     {Q_startswith, &str_startswith_m}, {Q_endswith, &str_endswith_m},
    {Q_find, &str_find_m},       {Q_index, &str_index_m},   {Q_count, &str_count_m},
    {Q_replace, &str_replace_m}, {Q_upper, &str_upper_m},   {Q_lower, &str_lower_m},
};
const uint32_t n_bytes_methods = sizeof bytes_methods / sizeof bytes_methods[0];

/* ---- built-ins ------------------------------------------------------------------------ */

/* bytes(s, encoding[, errors]) and bytearray(...): str.encode (array.c
 * calls this when it has more than one argument). */
bool bytes_from_str_args(VM *vm, Value *args, int nargs, Tuple *kw, bool mutable_, Value *out)
{
    if (args[0].type != T_STR)
        return vm_raise(vm, EXC_TypeError, "encoding without a string argument");
    if (!m_encode(vm, args, nargs, kw, out))
        return false;
    if (!mutable_)
        return true;
    Str *b = AS(Str, *out);
    VM_ROOT(vm, *out);
    Array *a = bytearray_new(vm, b->len);
    VM_UNROOT(vm, 1);
    if (!a)
        return false;
    if (b->len)
        memcpy(a->data, b->data, b->len);
    *out = v_obj(a);
    return true;
}

static bool str_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nargs == 0) {
        Str *s = str_new(vm, "", 0);
        if (!s)
            return false;
        *out = v_obj(s);
        return true;
    }
    if (nargs > 1) { /* str(b, encoding, errors): bytes.decode */
        Value b = args[0];
        if (b.type == T_STR)
            return vm_raise(vm, EXC_TypeError, "decoding str is not supported");
        const uint8_t *bytes;
        uint32_t nbytes;
        if (!byte_buffer(b, &bytes, &nbytes))
            return vm_raise(vm, EXC_TypeError, "decoding to str: need a bytes-like object, %s found", type_name(b));
        Tuple *a = tuple_new(vm, (uint32_t)nargs); /* (the caller's array is not ours to change) */
        if (!a)
            return false;
        memcpy(a->items, args, (size_t)nargs * sizeof(Value));
        VM_ROOT(vm, v_obj(a));
        if (b.type != T_BYTES) { /* decoded from a bytes copy, held by the tuple */
            Str *copy = bytes_new(vm, bytes, nbytes);
            if (!copy) {
                VM_UNROOT(vm, 1);
                return false;
            }
            a->items[0] = v_obj(copy);
        }
        bool ok = m_decode(vm, a->items, nargs, kw, out);
        VM_UNROOT(vm, 1);
        return ok;
    }
    Str *s = vm_str(vm, args[0]);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}
NATIVE_WITH_KW(bi_str, "str", str_fn, 0, 3);

static bool repr_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *s = vm_repr(vm, args[0]);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}
NATIVE(bi_repr, "repr", repr_fn, 1, 1);

static bool int_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nargs == 0) {
        *out = v_int(0);
        return true;
    }
    Value x = args[0];
    if (x.type == T_INSTANCE && nargs == 1) { /* __int__, __index__, a built-in base (class.c) */
        bool found;
        Value n;
        if (!class_to_number(vm, x, false, &n, &found))
            return false;
        if (found)
            return int_fn(vm, &n, 1, NULL, out);
    }
    if (nargs == 2) {
        if (x.type != T_STR && x.type != T_BYTES && x.type != T_BYTEARRAY)
            return vm_raise(vm, EXC_TypeError, "int() can't convert non-string with explicit base");
        if (!v_is_intlike(args[1]) || (args[1].u.i != 0 && (args[1].u.i < 2 || args[1].u.i > 36)))
            return vm_raise(vm, EXC_ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    switch ((Type)x.type) {
    case T_INT:
    case T_BOOL:
        *out = v_int(x.u.i);
        return true;
    case T_LONG:
        *out = x;
        return true;
    case T_FLOAT:
        return long_from_float(vm, x.u.f, out);
    case T_STR:
    case T_BYTES:
        return str_to_int(vm, AS(Str, x), nargs == 2 ? args[1].u.i : 10, out);
    default: {
        const uint8_t *data; /* a bytearray, array or memoryview: parsed as its bytes */
        uint32_t len;
        if (!byte_buffer(x, &data, &len))
            return vm_raise(vm, EXC_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                            type_name(x));
        Str *copy = bytes_new(vm, data, len);
        return copy && str_to_int(vm, copy, nargs == 2 ? args[1].u.i : 10, out);
    }
    }
}
NATIVE(bi_int, "int", int_fn, 0, 2);

static bool float_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nargs == 0) {
        *out = v_float(0.0f);
        return true;
    }
    Value x = args[0];
    if (x.type == T_INSTANCE) { /* __float__, __index__, a built-in base (class.c) */
        bool found;
        Value n;
        if (!class_to_number(vm, x, true, &n, &found))
            return false;
        if (found)
            return float_fn(vm, &n, 1, NULL, out);
    }
    if (v_is_number(x)) {
        *out = v_float(v_as_float(x));
        return true;
    }
    if (x.type == T_LONG) {
        float f;
        if (!long_to_float(vm, x, &f))
            return false;
        *out = v_float(f);
        return true;
    }
    const uint8_t *data; /* bytes-like: parsed as its text */
    uint32_t len;
    if (x.type == T_STR || byte_buffer(x, &data, &len)) {
        Str *text = x.type == T_STR ? AS(Str, x) : str_new(vm, (const char *)data, len);
        float f;
        if (!text)
            return false;
        if (!str_to_float(vm, text, &f)) {
            if (x.type == T_STR)
                return false;
            vm->exc = v_unbound(); /* CPython names the bytes-like object itself */
            Str *r = vm_repr(vm, x);
            return r && vm_raise(vm, EXC_ValueError, "could not convert string to float: %s", r->data);
        }
        *out = v_float(f);
        return true;
    }
    return vm_raise(vm, EXC_TypeError, "float() argument must be a string or a real number, not '%s'", type_name(x));
}
NATIVE(bi_float, "float", float_fn, 0, 1);

static bool ord_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value x = args[0];
    if (x.type == T_BYTES || x.type == T_BYTEARRAY) {
        uint32_t len = x.type == T_BYTES ? AS(Str, x)->len : AS(Array, x)->len;
        if (len != 1)
            return vm_raise(vm, EXC_TypeError, "ord() expected a character, but string of length %lu found", (unsigned long)len);
        *out = v_int(x.type == T_BYTES ? (uint8_t)AS(Str, x)->data[0] : AS(Array, x)->data[0]);
        return true;
    }
    if (x.type != T_STR)
        return vm_raise(vm, EXC_TypeError, "ord() expected string of length 1, but %s found", type_name(x));
    Str *s = AS(Str, x);
    uint32_t n = str_charlen(s);
    if (n != 1)
        return vm_raise(vm, EXC_TypeError, "ord() expected a character, but string of length %lu found", (unsigned long)n);
    const unsigned char *p = (const unsigned char *)s->data;
    uint32_t cp = p[0];
    if (cp >= 0xf0)
        cp = (cp & 0x07) << 18 | (p[1] & 0x3fu) << 12 | (p[2] & 0x3fu) << 6 | (p[3] & 0x3fu);
    else if (cp >= 0xe0)
        cp = (cp & 0x0f) << 12 | (p[1] & 0x3fu) << 6 | (p[2] & 0x3fu);
    else if (cp >= 0xc0)
        cp = (cp & 0x1f) << 6 | (p[1] & 0x3fu);
    *out = v_int((int32_t)cp);
    return true;
}
NATIVE(bi_ord, "ord", ord_fn, 1, 1);

static bool chr_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (!class_index(vm, &args[0]))
        return false;
    if (args[0].type == T_LONG)
        return vm_raise(vm, EXC_OverflowError, "Python int too large to convert to C int");
    if (!v_is_intlike(args[0]))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
    int32_t cp = args[0].u.i;
    if (cp < 0 || cp > 0x10ffff)
        return vm_raise(vm, EXC_ValueError, "chr() arg not in range(0x110000)");
    char u[4];
    uint32_t n;
    uint32_t c = (uint32_t)cp;
    if (c < 0x80) { u[0] = (char)c; n = 1; }
    else if (c < 0x800) { u[0] = (char)(0xc0 | c >> 6); u[1] = (char)(0x80 | (c & 0x3f)); n = 2; }
    else if (c < 0x10000) { u[0] = (char)(0xe0 | c >> 12); u[1] = (char)(0x80 | ((c >> 6) & 0x3f)); u[2] = (char)(0x80 | (c & 0x3f)); n = 3; }
    else { u[0] = (char)(0xf0 | c >> 18); u[1] = (char)(0x80 | ((c >> 12) & 0x3f)); u[2] = (char)(0x80 | ((c >> 6) & 0x3f)); u[3] = (char)(0x80 | (c & 0x3f)); n = 4; }
    Str *s = str_new(vm, u, n);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}
NATIVE(bi_chr, "chr", chr_fn, 1, 1);

/* hex(), oct(), bin() of an int of any size: sign, prefix, digits */
static bool radix_text(VM *vm, Value v, int base, const char *prefix, Value *out)
{
    if (!class_index(vm, &v))
        return false;
    if (!v_is_anyint(v))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
    StrBuf sb;
    sb_init(&sb);
    if (long_is_neg(v))
        sb_addc(&sb, '-');
    sb_adds(&sb, prefix);
    long_digits(&sb, v, base);
    Str *s = sb_to_str(vm, &sb);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}

static bool hex_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return radix_text(vm, args[0], 16, "0x", out);
}
NATIVE(bi_hex, "hex", hex_fn, 1, 1);

static bool oct_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return radix_text(vm, args[0], 8, "0o", out);
}
NATIVE(bi_oct, "oct", oct_fn, 1, 1);

static bool bin_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return radix_text(vm, args[0], 2, "0b", out);
}
NATIVE(bi_bin, "bin", bin_fn, 1, 1);

/* print(*args, sep=' ', end='\n') */
/* print(..., file=obj) for a user object: str(arg), sep, ..., end, each
 * passed to obj.write() by itself. */
static bool print_pieces(VM *vm, Value *args, int npos, const char *sep, uint32_t seplen, const char *end,
                         uint32_t endlen, Value file)
{
    for (int i = 0; i < npos; i++) {
        if (i && !lib_print_to(vm, file, sep, seplen))
            return false;
        StrBuf sb;
        sb_init(&sb);
        bool formatted = fmt_str(vm, &sb, args[i]);
        if (!formatted || sb.oom) {
            sb_free(&sb);
            return formatted ? vm_raise_oom(vm) : false;
        }
        bool ok = lib_print_to(vm, file, sb.data ? sb.data : "", sb.len);
        sb_free(&sb);
        if (!ok)
            return false;
    }
    return lib_print_to(vm, file, end, endlen);
}

static bool print_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int npos = nargs - (kw ? (int)kw->len : 0);
    const char *sep = " ", *end = "\n";
    uint32_t seplen = 1, endlen = 1;
    Value file = v_none();
    for (uint32_t k = 0; kw && k < kw->len; k++) {
        Str *name = AS(Str, kw->items[k]);
        Value v = args[npos + (int)k];
        bool is_sep = strcmp(name->data, "sep") == 0, is_end = strcmp(name->data, "end") == 0;
        if (!is_sep && !is_end) {
            if (strcmp(name->data, "flush") == 0)
                continue;
            if (strcmp(name->data, "file") == 0) {
                file = v;
                continue;
            }
            return vm_raise(vm, EXC_TypeError, "'%s' is an invalid keyword argument for print()", name->data);
        }
        if (v.type == T_NONE)
            continue;
        if (v.type != T_STR)
            return vm_raise(vm, EXC_TypeError, "%s must be None or a string, not %s", name->data, type_name(v));
        if (is_sep) {
            sep = AS(Str, v)->data;
            seplen = AS(Str, v)->len;
        } else {
            end = AS(Str, v)->data;
            endlen = AS(Str, v)->len;
        }
    }
    *out = v_none();
    if (file.type == T_INSTANCE) /* a user object: one write() a piece, as CPython */
        return print_pieces(vm, args, npos, sep, seplen, end, endlen, file);
    StrBuf sb;
    sb_init(&sb);
    for (int i = 0; i < npos; i++) {
        if (i)
            sb_add(&sb, sep, seplen);
        if (!fmt_str(vm, &sb, args[i])) {
            sb_free(&sb);
            return false;
        }
    }
    sb_add(&sb, end, endlen);
    if (sb.oom) {
        sb_free(&sb);
        return vm_raise_oom(vm);
    }
    if (file.type != T_NONE) {
        bool ok = lib_print_to(vm, file, sb.data ? sb.data : "", sb.len); /* vm/iomod.c */
        sb_free(&sb);
        *out = v_none();
        return ok;
    }
    vm_write(vm, 1, sb.data, sb.len);
    sb_free(&sb);
    *out = v_none();
    return true;
}
NATIVE_WITH_KW(bi_print, "print", print_fn, 0, -1);

/* ---- for the methods in strmethods.c ------------------------------------------------- */

uint32_t strx_byte_offset(const Str *s, uint32_t ci) { return byte_offset(s, ci); }
int64_t strx_find(const char *hay, uint32_t hlen, const char *needle, uint32_t nlen, uint32_t from)
{
    return find_bytes(hay, hlen, needle, nlen, from);
}
uint32_t strx_decode(const char *p, const char *end, uint32_t *len) { return decode_char(p, end, len); }
uint32_t strx_space_at(const Str *s, const char *p, const char *end) { return space_at(p, end, space_kind(s)); }
uint32_t strx_space_before(const Str *s, const char *begin, const char *end)
{
    return space_before(begin, end, space_kind(s));
}
bool strx_region(VM *vm, Str *s, Value *args, int nargs, uint32_t *bs, uint32_t *be, bool *past_end)
{
    return search_region(vm, s, args, nargs, bs, be, past_end);
}
bool strx_result(VM *vm, Value self, const char *data, uint32_t len, Value *out)
{
    return make_result(vm, self, data, len, out);
}
int32_t strx_char_index(const Str *s, int64_t byte) { return char_index(s, byte); }
bool strx_split(VM *vm, Value *args, int nargs, Value *out) { return m_split(vm, args, nargs, NULL, out); }
bool strx_strip(VM *vm, Value *args, int nargs, int which, Value *out) { return strip(vm, args, nargs, which, out); }
bool strx_classify(Value *args, int kind, Value *out) { return classify(args, kind, out); }
