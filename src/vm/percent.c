/*
 * percent.c - printf-style formatting: str % args and bytes % args, with
 * CPython's conversions, flags and error messages.
 *
 * Numbers go through fmt_format (the format-spec code) so that %-formatting
 * and format() print every number the same way; this file parses the
 * conversion specifiers, fetches arguments, and pads text.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vm/vm.h"
#include "vm/long.h"
#include "vm/class.h"

typedef struct Conv {
    bool left, zero, plus, space, alt;
    int32_t width, prec; /* -1: not given */
    char code;
} Conv;

/* The arguments: a tuple's items, or one value; a mapping for %(key)s. */
typedef struct Args {
    Value single;
    const Tuple *tuple; /* NULL when the right operand is not a tuple */
    uint32_t next;
    Value mapping;      /* T_UNBOUND unless the right operand can be subscripted */
} Args;

static bool next_arg(VM *vm, Args *a, Value *out)
{
    uint32_t n = a->tuple ? a->tuple->len : 1;
    if (a->next >= n)
        return vm_raise(vm, EXC_TypeError, "not enough arguments for format string");
    *out = a->tuple ? a->tuple->items[a->next] : a->single;
    a->next++;
    return true;
}

static uint32_t utf8_count(const char *s, uint32_t len)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xc0) != 0x80;
    return n;
}

/* Byte length of the first `chars` code points of s (all of s if fewer). */
static uint32_t utf8_prefix(const char *s, uint32_t len, uint32_t chars, bool bytes)
{
    if (bytes)
        return chars < len ? chars : len;
    uint32_t i = 0, n = 0;
    while (i < len) {
        if (((unsigned char)s[i] & 0xc0) != 0x80) {
            if (n == chars)
                break;
            n++;
        }
        i++;
    }
    return i;
}

/* text, cut to the precision, padded with spaces to the width */
static void add_padded(StrBuf *sb, const char *s, uint32_t len, const Conv *c, bool bytes)
{
    if (c->prec >= 0)
        len = utf8_prefix(s, len, (uint32_t)c->prec, bytes);
    uint32_t chars = bytes ? len : utf8_count(s, len);
    uint32_t fill = c->width > 0 && (uint32_t)c->width > chars ? (uint32_t)c->width - chars : 0;
    if (!c->left)
        for (uint32_t i = 0; i < fill; i++)
            sb_addc(sb, ' ');
    sb_add(sb, s, len);
    if (c->left)
        for (uint32_t i = 0; i < fill; i++)
            sb_addc(sb, ' ');
}

/* %d %i %u %x %X %o: sign, optional 0x/0o prefix, digits padded to the
 * precision with zeros, then to the width with zeros or spaces. */
static bool format_integer(VM *vm, StrBuf *sb, Value v, const Conv *c)
{
    if (v.type == T_FLOAT && strchr("diu", c->code)) {
        if (!long_from_float(vm, truncf(v.u.f), &v)) /* (any size) */
            return false;
    }
    if (!v_is_intlike(v) && v.type != T_LONG) {
        if (strchr("diu", c->code))
            return vm_raise(vm, EXC_TypeError, "%%%c format: a real number is required, not %s", c->code,
                            type_name(v));
        return vm_raise(vm, EXC_TypeError, "%%%c format: an integer is required, not %s", c->code, type_name(v));
    }
    char spec[2] = {strchr("diu", c->code) ? 'd' : c->code, 0};
    StrBuf digits;
    sb_init(&digits);
    VM_ROOT(vm, v);
    bool formatted = fmt_format(vm, &digits, v.type == T_LONG ? v : v_int(v.u.i), spec, 1);
    VM_UNROOT(vm, 1);
    if (!formatted) {
        sb_free(&digits);
        return false;
    }
    bool neg = digits.len > 0 && digits.data[0] == '-';
    const char *d = digits.data + neg;
    uint32_t nd = digits.len - neg;
    char head[4];
    uint32_t nh = 0;
    if (neg)
        head[nh++] = '-';
    else if (c->plus)
        head[nh++] = '+';
    else if (c->space)
        head[nh++] = ' ';
    if (c->alt && c->code != 'd' && c->code != 'i' && c->code != 'u') {
        head[nh++] = '0';
        head[nh++] = c->code == 'o' ? 'o' : c->code;
    }
    uint32_t zeros = c->prec > 0 && (uint32_t)c->prec > nd ? (uint32_t)c->prec - nd : 0;
    uint32_t body = nh + zeros + nd;
    uint32_t fill = c->width > 0 && (uint32_t)c->width > body ? (uint32_t)c->width - body : 0;
    if (!c->left && !c->zero)
        for (uint32_t i = 0; i < fill; i++)
            sb_addc(sb, ' ');
    sb_add(sb, head, nh);
    if (!c->left && c->zero)
        zeros += fill;
    for (uint32_t i = 0; i < zeros; i++)
        sb_addc(sb, '0');
    sb_add(sb, d, nd);
    if (c->left)
        for (uint32_t i = 0; i < fill; i++)
            sb_addc(sb, ' ');
    sb_free(&digits);
    return true;
}

/* %e %E %f %F %g %G: the same text as format() with the equivalent spec */
static bool format_real(VM *vm, StrBuf *sb, Value v, const Conv *c)
{
    if (!v_is_number(v) && v.type != T_LONG)
        return vm_raise(vm, EXC_TypeError, "must be real number, not %s", type_name(v));
    char spec[48];
    int n = snprintf(spec, sizeof spec, "%s%s%s%s", c->left ? "<" : "", c->plus ? "+" : c->space ? " " : "",
                     c->alt ? "#" : "", c->zero && !c->left ? "0" : "");
    if (c->width > 0)
        n += snprintf(spec + n, sizeof spec - (size_t)n, "%ld", (long)c->width);
    n += snprintf(spec + n, sizeof spec - (size_t)n, ".%ld%c", (long)(c->prec >= 0 ? c->prec : 6), c->code);
    return fmt_format(vm, sb, v.type == T_LONG ? v : v_float(v_as_float(v)), spec, (uint32_t)n);
}

/* %c: one character from an int code point or a one-character str/bytes */
static bool format_char(VM *vm, StrBuf *sb, Value v, const Conv *c, bool bytes)
{
    char buf[4];
    uint32_t n = 0;
    if (v.type == T_LONG) /* beyond 32 bits: out of range, as CPython's OverflowError says */
        return vm_raise(vm, EXC_OverflowError, bytes ? "%%c arg not in range(256)" : "%%c arg not in range(0x110000)");
    if (v_is_intlike(v)) {
        int32_t cp = v.u.i;
        if (bytes) {
            if (cp < 0 || cp > 255)
                return vm_raise(vm, EXC_OverflowError, "%%c arg not in range(256)");
            buf[n++] = (char)cp;
        } else {
            if (cp < 0 || cp > 0x10ffff)
                return vm_raise(vm, EXC_OverflowError, "%%c arg not in range(0x110000)");
            if (cp < 0x80) {
                buf[n++] = (char)cp;
            } else if (cp < 0x800) {
                buf[n++] = (char)(0xc0 | (cp >> 6));
                buf[n++] = (char)(0x80 | (cp & 0x3f));
            } else if (cp < 0x10000) {
                buf[n++] = (char)(0xe0 | (cp >> 12));
                buf[n++] = (char)(0x80 | ((cp >> 6) & 0x3f));
                buf[n++] = (char)(0x80 | (cp & 0x3f));
            } else {
                buf[n++] = (char)(0xf0 | (cp >> 18));
                buf[n++] = (char)(0x80 | ((cp >> 12) & 0x3f));
                buf[n++] = (char)(0x80 | ((cp >> 6) & 0x3f));
                buf[n++] = (char)(0x80 | (cp & 0x3f));
            }
        }
    } else if (!bytes && v.type == T_STR && str_charlen(AS(Str, v)) == 1) {
        n = AS(Str, v)->len;
        memcpy(buf, AS(Str, v)->data, n);
    } else if (bytes && (v.type == T_BYTES || v.type == T_BYTEARRAY)) {
        int32_t len = 0;
        if (!vm_len(vm, v, &len))
            return false;
        if (len != 1)
            return vm_raise(vm, EXC_TypeError, "%%c requires an integer in range(256) or a single byte");
        buf[n++] = v.type == T_BYTES ? AS(Str, v)->data[0] : (char)AS(Array, v)->data[0];
    } else {
        if (bytes)
            return vm_raise(vm, EXC_TypeError, "%%c requires an integer in range(256) or a single byte");
        return vm_raise(vm, EXC_TypeError, "%%c requires int or char");
    }
    Conv plain = *c;
    plain.prec = -1;
    add_padded(sb, buf, n, &plain, bytes);
    return true;
}

/* repr with non-ASCII characters escaped, as ascii() does */
bool add_ascii_repr(VM *vm, StrBuf *sb, Value v)
{
    StrBuf r;
    sb_init(&r);
    if (!fmt_repr(vm, &r, v)) {
        sb_free(&r);
        return false;
    }
    for (uint32_t i = 0; i < r.len;) {
        unsigned char b = (unsigned char)r.data[i];
        if (b < 0x80) {
            sb_addc(sb, (char)b);
            i++;
            continue;
        }
        uint32_t n = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2, cp = b & (0x3f >> (n - 1));
        for (uint32_t k = 1; k < n && i + k < r.len; k++)
            cp = (cp << 6) | ((unsigned char)r.data[i + k] & 0x3f);
        char esc[12];
        snprintf(esc, sizeof esc, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x", (unsigned)cp);
        sb_adds(sb, esc);
        i += n;
    }
    sb_free(&r);
    return true;
}

/* %s %r %a (and %b for bytes) */
static bool format_text_conv(VM *vm, StrBuf *sb, Value v, const Conv *c, bool bytes)
{
    StrBuf t;
    sb_init(&t);
    bool ok;
    if (c->code == 'r' || c->code == 'a')
        ok = bytes || c->code == 'a' ? add_ascii_repr(vm, &t, v) : fmt_repr(vm, &t, v);
    else if (!bytes)
        ok = fmt_str(vm, &t, v);
    else if (v.type == T_BYTES)
        ok = (sb_add(&t, AS(Str, v)->data, AS(Str, v)->len), true);
    else if (v.type == T_BYTEARRAY)
        ok = (sb_add(&t, (const char *)AS(Array, v)->data, AS(Array, v)->len), true);
    else
        ok = vm_raise(vm, EXC_TypeError,
                      "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                      type_name(v));
    if (ok)
        add_padded(sb, t.data, t.len, c, bytes);
    sb_free(&t);
    return ok;
}

/* A number for a '*' width or precision */
static bool star_arg(VM *vm, Args *a, int32_t *out)
{
    Value v = v_none();
    if (!next_arg(vm, a, &v))
        return false;
    if (!v_is_intlike(v))
        return vm_raise(vm, EXC_TypeError, "* wants int");
    *out = v.u.i;
    return true;
}

static bool read_number(VM *vm, const char *s, uint32_t n, uint32_t *i, int32_t *out)
{
    int64_t v = 0;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
        v = v * 10 + (s[(*i)++] - '0');
        if (v > INT32_MAX)
            return vm_raise(vm, EXC_ValueError, "width too big");
    }
    *out = (int32_t)v;
    return true;
}

/* Whether a right operand that is not a tuple counts as a mapping (then
 * unused arguments are no error), as CPython decides: a type with a mapping
 * subscript (a deque has none), but no str, and no bytes or bytearray under
 * bytes % (CPython's exclusions). */
static bool mapping_like(Value v, bool bytes)
{
    switch (v.type) {
    case T_DICT: case T_RANGE: case T_ARRAY: case T_MEMVIEW: return true;
    case T_LIST: return !(v.u.obj->flags & LIST_DEQUE);
    case T_BYTES: case T_BYTEARRAY: return !bytes;
    default: return false;
    }
}

static bool percent_format_text(VM *vm, StrBuf *sb, const Str *fmt, Value right, bool bytes)
{
    Args a = {right, NULL, 0, v_unbound()};
    if (right.type == T_TUPLE)
        a.tuple = AS(Tuple, right);
    else if (mapping_like(right, bytes))
        a.mapping = right;
    const char *s = fmt->data;
    uint32_t n = fmt->len;
    for (uint32_t i = 0; i < n;) {
        const char *pct = memchr(s + i, '%', n - i);
        if (!pct) {
            sb_add(sb, s + i, n - i);
            break;
        }
        uint32_t start = (uint32_t)(pct - s);
        sb_add(sb, s + i, start - i);
        i = start + 1;
        Conv c = {false, false, false, false, false, -1, -1, 0};
        Value arg = v_unbound();
        bool have_arg = false;
        if (i < n && s[i] == '(') {
            if (a.mapping.type == T_UNBOUND)
                return vm_raise(vm, EXC_TypeError, "format requires a mapping");
            uint32_t depth = 1, k0 = ++i;
            while (i < n && depth) {
                depth += s[i] == '(';
                depth -= s[i] == ')';
                i++;
            }
            if (depth)
                return vm_raise(vm, EXC_ValueError, "incomplete format key");
            Str *key = bytes ? bytes_new(vm, (const uint8_t *)s + k0, i - 1 - k0) : str_new(vm, s + k0, i - 1 - k0);
            if (!key)
                return false;
            VM_ROOT(vm, v_obj(key));
            bool ok = vm_getitem(vm, a.mapping, v_obj(key), &arg);
            VM_UNROOT(vm, 1);
            if (!ok)
                return false;
            have_arg = true;
            a.tuple = NULL; /* after a key, the mapping is the only argument */
            a.next = 1;
        }
        for (; i < n; i++) {
            char f = s[i];
            if (f == '-')
                c.left = true;
            else if (f == '0')
                c.zero = true;
            else if (f == '+')
                c.plus = true;
            else if (f == ' ')
                c.space = true;
            else if (f == '#')
                c.alt = true;
            else
                break;
        }
        if (i < n && s[i] == '*') {
            i++;
            if (!star_arg(vm, &a, &c.width))
                return false;
            if (c.width < 0) {
                c.left = true;
                c.width = c.width == INT32_MIN ? INT32_MAX : -c.width;
            }
        } else if (!read_number(vm, s, n, &i, &c.width)) {
            return false;
        }
        if (i < n && s[i] == '.') {
            i++;
            if (i < n && s[i] == '*') {
                i++;
                if (!star_arg(vm, &a, &c.prec))
                    return false;
                if (c.prec < 0)
                    c.prec = 0;
            } else if (!read_number(vm, s, n, &i, &c.prec)) {
                return false;
            }
        }
        /* a result wider than the heap cannot be kept: say so before padding it */
        if ((size_t)c.width > vm->cfg.heap_size || (c.prec > 0 && (size_t)c.prec > vm->cfg.heap_size))
            return vm_raise_oom(vm);
        while (i < n && (s[i] == 'h' || s[i] == 'l' || s[i] == 'L')) /* C's length modifiers: ignored */
            i++;
        if (i >= n)
            return vm_raise(vm, EXC_ValueError, "incomplete format");
        c.code = s[i++];
        if (c.code == '%' && i - start == 2) {
            sb_addc(sb, '%');
            continue;
        }
        /* "%5%": CPython takes an argument for it (TypeError when there is
         * none), then refuses the conversion (ValueError, below) */
        if (c.code == '%' && !have_arg && !next_arg(vm, &a, &arg))
            return false;
        if (!strchr("sradiuoxXeEfFgGc", c.code) && !(bytes && c.code == 'b')) {
            unsigned char ch = (unsigned char)c.code;
            uint32_t at = bytes ? i - 1 : utf8_count(s, i - 1), cp = ch;
            if (ch >= 0x80 && !bytes) { /* the whole UTF-8 character's code point */
                uint32_t len = ch >= 0xf0 ? 4 : ch >= 0xe0 ? 3 : 2;
                cp = ch & (0x3f >> (len - 1));
                for (uint32_t k = 1; k < len && i < n; k++)
                    cp = (cp << 6) | ((unsigned char)s[i++] & 0x3f);
            }
            return vm_raise(vm, EXC_ValueError, "unsupported format character '%c' (0x%x) at index %lu",
                            cp >= 32 && cp <= 126 ? (char)cp : '?', (unsigned)cp, (unsigned long)at);
        }
        if (!have_arg && !next_arg(vm, &a, &arg))
            return false;
        bool ok;
        if (arg.type == T_INSTANCE && !strchr("srabc", c.code)) { /* __int__/__float__/__index__ (class.c) */
            bool found;
            Value n;
            if (!class_to_number(vm, arg, strchr("eEfFgG", c.code) != NULL, &n, &found))
                return false;
            if (found)
                arg = n;
        }
        VM_ROOT(vm, arg); /* (a long __int__ made) */
        switch (c.code) {
        case 's': case 'r': case 'a': case 'b':
            ok = format_text_conv(vm, sb, arg, &c, bytes);
            break;
        case 'c':
            ok = format_char(vm, sb, arg, &c, bytes);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            ok = format_real(vm, sb, arg, &c);
            break;
        default:
            ok = format_integer(vm, sb, arg, &c);
        }
        VM_UNROOT(vm, 1);
        if (!ok)
            return false;
    }
    uint32_t nargs = a.tuple ? a.tuple->len : 1;
    if (a.next < nargs && a.mapping.type == T_UNBOUND)
        return vm_raise(vm, EXC_TypeError, "not all arguments converted during %s formatting",
                        bytes ? "bytes" : "string");
    return true;
}

bool percent_format(VM *vm, Value fmt, Value args, Value *out)
{
    if (fmt.type == T_BYTEARRAY) { /* bytes' rules on a copy, the result a new bytearray */
        Str *text = bytes_new(vm, AS(Array, fmt)->data, AS(Array, fmt)->len);
        if (!text)
            return false;
        VM_ROOT(vm, v_obj(text));
        Value r;
        bool ok = percent_format(vm, v_obj(text), args, &r);
        VM_UNROOT(vm, 1);
        if (!ok)
            return false;
        VM_ROOT(vm, r);
        Array *made = bytearray_new(vm, AS(Str, r)->len);
        VM_UNROOT(vm, 1);
        if (!made)
            return false;
        if (made->len)
            memcpy(made->data, AS(Str, r)->data, made->len);
        *out = v_obj(made);
        return true;
    }
    StrBuf sb;
    sb_init(&sb);
    bool bytes = fmt.type == T_BYTES;
    if (!percent_format_text(vm, &sb, AS(Str, fmt), args, bytes)) {
        sb_free(&sb);
        return false;
    }
    if (sb.oom) {
        sb_free(&sb);
        return vm_raise_oom(vm);
    }
    Str *s = bytes ? bytes_new(vm, (const uint8_t *)sb.data, sb.len) : str_new(vm, sb.data, sb.len);
    sb_free(&sb);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}

/* ascii(x): repr with non-ASCII characters escaped (what %a prints) */
static bool ascii_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    StrBuf sb;
    sb_init(&sb);
    if (!add_ascii_repr(vm, &sb, args[0])) {
        sb_free(&sb);
        return false;
    }
    Str *s = sb_to_str(vm, &sb);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}
NATIVE(bi_ascii, "ascii", ascii_fn, 1, 1);
