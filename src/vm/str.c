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

#include "vm/vm.h"

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

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static bool bad_int(VM *vm, const Str *s, int base)
{
    Str *r = vm_repr(vm, v_obj((void *)s));
    if (!r)
        return false;
    return vm_raise(vm, EXC_ValueError, "invalid literal for int() with base %d: %s", base, r->data);
}

bool str_to_int(VM *vm, const Str *s, int base, int32_t *out)
{
    const char *p = s->data, *end = s->data + s->len;
    while (p < end && is_space(*p))
        p++;
    while (end > p && is_space(end[-1]))
        end--;
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
    int64_t v = 0;
    bool last_underscore = true; /* no leading underscore */
    for (; p < end; p++) {
        char c = *p;
        if (c == '_') {
            if (last_underscore)
                return bad_int(vm, s, base);
            last_underscore = true;
            continue;
        }
        int d = c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'z' ? (c | 32) - 'a' + 10 : 99;
        if (d >= b)
            return bad_int(vm, s, base);
        v = v * b + d;
        if (v > 2147483648LL)
            v = 2147483649LL; /* saturate: only the overflow matters now */
        last_underscore = false;
    }
    if (last_underscore)
        return bad_int(vm, s, base);
    if (neg)
        v = -v;
    if (v > INT32_MAX || v < INT32_MIN)
        return vm_raise(vm, EXC_OverflowError, "integer overflow");
    *out = (int32_t)v;
    return true;
}

bool str_to_float(VM *vm, const Str *s, float *out)
{
    const char *p = s->data, *end = s->data + s->len;
    while (p < end && is_space(*p))
        p++;
    while (end > p && is_space(end[-1]))
        end--;
    char buf[128];
    uint32_t n = 0;
    bool ok = p < end && (size_t)(end - p) < sizeof buf;
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
        if (strcmp(lower, "inf") == 0 || strcmp(lower, "infinity") == 0) {
            *out = buf[0] == '-' ? -INFINITY : INFINITY;
            return true;
        }
        if (strcmp(lower, "nan") == 0) {
            *out = buf[0] == '-' ? -NAN : NAN;
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
                return true;
            }
        }
    }
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
        if (v.type != args[0].type) {
            ok = vm_raise(vm, EXC_TypeError, "sequence item %lu: expected %s instance, %s found",
                          (unsigned long)n, args[0].type == T_STR ? "str" : "a bytes-like object", type_name(v));
            break;
        }
        if (n)
            sb_add(&sb, SELF(args)->data, SELF(args)->len);
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
        /* runs of whitespace separate; no empty strings */
        for (;;) {
            while (i < n && is_space(d[i]))
                i++;
            if (i >= n)
                break;
            uint32_t j = i;
            if (maxsplit >= 0 && splits >= maxsplit) {
                j = n;
                while (j > i && is_space(d[j - 1]))
                    j--;
            } else {
                while (j < n && !is_space(d[j]))
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
    uint32_t b = 0, e = s->len;
#define STRIPPED(c) (chars ? (nchars && memchr(chars, (c), nchars) != NULL) : is_space(c))
    if (which & 1)
        while (b < e && STRIPPED(s->data[b]))
            b++;
    if (which & 2)
        while (e > b && STRIPPED(s->data[e - 1]))
            e--;
#undef STRIPPED
    return make_result(vm, args[0], s->data + b, e - b, out);
}

static bool m_strip(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return strip(vm, args, nargs, 3, out); }
static bool m_lstrip(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return strip(vm, args, nargs, 1, out); }
static bool m_rstrip(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return strip(vm, args, nargs, 2, out); }

/* startswith / endswith with a str or a tuple of them */
static bool affix(VM *vm, Value *args, int nargs, bool at_end, Value *out)
{
    Str *s = SELF(args);
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
        if (a->len <= s->len && memcmp(s->data + (at_end ? s->len - a->len : 0), a->data, a->len) == 0) {
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
        if (old->len == 0) { /* empty pattern: between every character */
            if ((uint32_t)at < s->len)
                sb_addc(&sb, s->data[at]);
            i = (uint32_t)at + 1;
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
    uint32_t nlen = 0;
    char byte;
    if (!search_arg(vm, args, &needle, &nlen, &byte))
        return false;
    Str *s = SELF(args);
    *out = v_int(char_index(s, find_bytes(s->data, s->len, needle, nlen, 0)));
    return true;
}

static bool m_index(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (!m_find(vm, args, nargs, kw, out))
        return false;
    if (out->u.i < 0)
        return vm_raise(vm, EXC_ValueError, "substring not found");
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
    if (nlen == 0) {
        *out = v_int((int32_t)str_charlen(s) + 1);
        return true;
    }
    int32_t n = 0;
    for (int64_t at = find_bytes(s->data, s->len, needle, nlen, 0); at >= 0;
         at = find_bytes(s->data, s->len, needle, nlen, (uint32_t)at + nlen))
        n++;
    *out = v_int(n);
    return true;
}

static bool classify(Value *args, int kind, Value *out)
{
    Str *s = SELF(args);
    bool all = s->len > 0;
    for (uint32_t i = 0; i < s->len && all; i++) {
        char c = s->data[i];
        all = kind == 0 ? (c >= '0' && c <= '9') : kind == 1 ? ((c | 32) >= 'a' && (c | 32) <= 'z') : is_space(c);
    }
    *out = v_bool(all);
    return true;
}

static bool m_isdigit(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return classify(args, 0, out); }
static bool m_isalpha(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return classify(args, 1, out); }
static bool m_isspace(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return classify(args, 2, out); }

static bool m_encode(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *s = SELF(args);
    Str *b = bytes_new(vm, (const uint8_t *)s->data, s->len);
    if (!b)
        return false;
    *out = v_obj(b);
    return true;
}

static bool m_decode(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *b = SELF(args);
    /* only UTF-8: validate it */
    for (uint32_t i = 0; i < b->len;) {
        unsigned char c = (unsigned char)b->data[i];
        uint32_t k = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2 : (c & 0xf8) == 0xf0 ? 3 : 9;
        bool ok = k < 9 && i + k < b->len;
        for (uint32_t j = 1; ok && j <= k; j++)
            ok = ((unsigned char)b->data[i + j] & 0xc0) == 0x80;
        if (!ok)
            return vm_raise(vm, EXC_ValueError, "'utf-8' codec can't decode byte 0x%02x in position %lu: invalid start byte",
                            c, (unsigned long)i);
        i += k + 1;
    }
    Str *s = str_new(vm, b->data, b->len);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}

extern const Native str_format_m; /* format.c */

static NATIVE(str_join_m, "join", m_join, 2, 2);
static NATIVE(str_split_m, "split", m_split, 1, 3);
static NATIVE(str_strip_m, "strip", m_strip, 1, 2);
static NATIVE(str_lstrip_m, "lstrip", m_lstrip, 1, 2);
static NATIVE(str_rstrip_m, "rstrip", m_rstrip, 1, 2);
static NATIVE(str_startswith_m, "startswith", m_startswith, 2, 2);
static NATIVE(str_endswith_m, "endswith", m_endswith, 2, 2);
static NATIVE(str_upper_m, "upper", m_upper, 1, 1);
static NATIVE(str_lower_m, "lower", m_lower, 1, 1);
static NATIVE(str_replace_m, "replace", m_replace, 3, 4);
static NATIVE(str_find_m, "find", m_find, 2, 2);
static NATIVE(str_index_m, "index", m_index, 2, 2);
static NATIVE(str_count_m, "count", m_count, 2, 2);
static NATIVE(str_isdigit_m, "isdigit", m_isdigit, 1, 1);
static NATIVE(str_isalpha_m, "isalpha", m_isalpha, 1, 1);
static NATIVE(str_isspace_m, "isspace", m_isspace, 1, 1);
static NATIVE(str_encode_m, "encode", m_encode, 1, 2);
static NATIVE(bytes_decode_m, "decode", m_decode, 1, 2);

const MethodEntry str_methods[] = {
    {Q_join, &str_join_m},       {Q_format, &str_format_m},   {Q_split, &str_split_m},
    {Q_strip, &str_strip_m},     {Q_lstrip, &str_lstrip_m},   {Q_rstrip, &str_rstrip_m},
    {Q_startswith, &str_startswith_m}, {Q_endswith, &str_endswith_m}, {Q_upper, &str_upper_m},
    {Q_lower, &str_lower_m},     {Q_replace, &str_replace_m}, {Q_find, &str_find_m},
    {Q_index, &str_index_m},     {Q_count, &str_count_m},     {Q_isdigit, &str_isdigit_m},
    {Q_isalpha, &str_isalpha_m}, {Q_isspace, &str_isspace_m}, {Q_encode, &str_encode_m},
};
const uint32_t n_str_methods = sizeof str_methods / sizeof str_methods[0];

const MethodEntry bytes_methods[] = {
    {Q_decode, &bytes_decode_m}, {Q_join, &str_join_m},     {Q_split, &str_split_m},
    {Q_strip, &str_strip_m},     {Q_startswith, &str_startswith_m}, {Q_endswith, &str_endswith_m},
    {Q_find, &str_find_m},       {Q_index, &str_index_m},   {Q_count, &str_count_m},
    {Q_replace, &str_replace_m}, {Q_upper, &str_upper_m},   {Q_lower, &str_lower_m},
};
const uint32_t n_bytes_methods = sizeof bytes_methods / sizeof bytes_methods[0];

/* ---- built-ins ------------------------------------------------------------------------ */

static bool str_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nargs == 0) {
        Str *s = str_new(vm, "", 0);
        if (!s)
            return false;
        *out = v_obj(s);
        return true;
    }
    Str *s = vm_str(vm, args[0]);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}
NATIVE(bi_str, "str", str_fn, 0, 1);

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
    if (nargs == 2) {
        if (x.type != T_STR && x.type != T_BYTES)
            return vm_raise(vm, EXC_TypeError, "int() can't convert non-string with explicit base");
        if (!v_is_intlike(args[1]) || (args[1].u.i != 0 && (args[1].u.i < 2 || args[1].u.i > 36)))
            return vm_raise(vm, EXC_ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    int32_t v = 0;
    switch ((Type)x.type) {
    case T_INT:
    case T_BOOL:
        *out = v_int(x.u.i);
        return true;
    case T_FLOAT:
        if (!float_to_int(vm, x.u.f, &v))
            return false;
        *out = v_int(v);
        return true;
    case T_STR:
    case T_BYTES:
        if (!str_to_int(vm, AS(Str, x), nargs == 2 ? args[1].u.i : 10, &v))
            return false;
        *out = v_int(v);
        return true;
    default:
        return vm_raise(vm, EXC_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                        type_name(x));
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
    if (v_is_number(x)) {
        *out = v_float(v_as_float(x));
        return true;
    }
    if (x.type == T_STR) {
        float f;
        if (!str_to_float(vm, AS(Str, x), &f))
            return false;
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

static bool hex_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (!v_is_intlike(args[0]))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
    int64_t v = args[0].u.i;
    char buf[24];
    snprintf(buf, sizeof buf, "%s0x%llx", v < 0 ? "-" : "", (unsigned long long)(v < 0 ? -v : v));
    Str *s = str_from_cstr(vm, buf);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}
NATIVE(bi_hex, "hex", hex_fn, 1, 1);

/* print(*args, sep=' ', end='\n') */
static bool print_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int npos = nargs - (kw ? (int)kw->len : 0);
    const char *sep = " ", *end = "\n";
    uint32_t seplen = 1, endlen = 1;
    for (uint32_t k = 0; kw && k < kw->len; k++) {
        Str *name = AS(Str, kw->items[k]);
        Value v = args[npos + (int)k];
        bool is_sep = strcmp(name->data, "sep") == 0, is_end = strcmp(name->data, "end") == 0;
        if (!is_sep && !is_end) {
            if (strcmp(name->data, "flush") == 0)
                continue;
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
    vm_write(vm, 1, sb.data, sb.len);
    sb_free(&sb);
    *out = v_none();
    return true;
}
NATIVE_WITH_KW(bi_print, "print", print_fn, 0, -1);
