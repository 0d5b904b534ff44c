/*
 * strmethods.c - the str and bytes methods beyond the common ones of str.c:
 * rsplit, partition, justification, case changes, splitlines, rfind,
 * classification, translate, hex/fromhex.
 *
 * Case mapping and the character classes are ASCII, as in str.upper and
 * str.isalpha (docs/language.md lists it); every other character is left as
 * it is and counts as uncased.
 */
#include <stdio.h>
#include <string.h>

#include "vm/strmethods.h"

#define SELF(args) AS(Str, (args)[0])

static bool int_arg(VM *vm, Value v, int32_t *out)
{
    if (!v_is_intlike(v))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(v));
    *out = v.u.i;
    return true;
}

static bool same_type(VM *vm, Value self, Value arg)
{
    if (arg.type == self.type)
        return true;
    if (self.type == T_STR)
        return vm_raise(vm, EXC_TypeError, "must be str, not %s", type_name(arg));
    return vm_raise(vm, EXC_TypeError, "a bytes-like object is required, not '%s'", type_name(arg));
}

static bool buf_result(VM *vm, Value self, StrBuf *sb, Value *out)
{
    if (sb->oom) {
        sb_free(sb);
        return vm_raise_oom(vm);
    }
    bool ok = strx_result(vm, self, sb->data ? sb->data : "", sb->len, out);
    sb_free(sb);
    return ok;
}

/* characters of s: code points for str, bytes for bytes */
static uint32_t nchars(const Str *s) { return s->hdr.type == T_STR ? str_charlen(s) : s->len; }

/* Keyword arguments of split/rsplit (sep=, maxsplit=) moved into place. */
static bool split_args(VM *vm, Value *args, int nargs, Tuple *kw, Value norm[3])
{
    int npos = nargs - (kw ? (int)kw->len : 0);
    if (npos > 3)
        return vm_raise(vm, EXC_TypeError, "split() takes at most 2 arguments (%d given)", npos - 1);
    norm[0] = args[0];
    norm[1] = v_none();
    norm[2] = v_int(-1);
    for (int i = 1; i < npos; i++)
        norm[i] = args[i];
    for (uint32_t k = 0; kw && k < kw->len; k++) {
        const char *name = AS(Str, kw->items[k])->data;
        int slot = strcmp(name, "sep") == 0 ? 1 : strcmp(name, "maxsplit") == 0 ? 2 : 0;
        if (!slot)
            return vm_raise(vm, EXC_TypeError, "'%s' is an invalid keyword argument for split()", name);
        if (slot < npos)
            return vm_raise(vm, EXC_TypeError, "argument for split() given by name ('%s') and position (%d)",
                            name, slot);
        norm[slot] = args[npos + (int)k];
    }
    if (norm[1].type != T_NONE && norm[1].type != args[0].type) {
        if (args[0].type == T_STR)
            return vm_raise(vm, EXC_TypeError, "must be str or None, not %s", type_name(norm[1]));
        return vm_raise(vm, EXC_TypeError, "a bytes-like object is required, not '%s'", type_name(norm[1]));
    }
    return true;
}

static bool m_split_kw(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value norm[3];
    if (!split_args(vm, args, nargs, kw, norm)) /* maxsplit -1 and sep None are the defaults */
        return false;
    return strx_split(vm, norm, 3, out);
}
NATIVE_WITH_KW(strm_split_kw, "split", m_split_kw, 1, 3);

static bool m_rsplit(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value norm[3];
    if (!split_args(vm, args, nargs, kw, norm))
        return false;
    Str *s = SELF(norm);
    Value sepv = norm[1];
    int32_t maxsplit = -1;
    if (!int_arg(vm, norm[2], &maxsplit))
        return false;
    if (sepv.type != T_NONE && sepv.type != args[0].type) {
        if (args[0].type == T_STR)
            return vm_raise(vm, EXC_TypeError, "must be str or None, not %s", type_name(sepv));
        return vm_raise(vm, EXC_TypeError, "a bytes-like object is required, not '%s'", type_name(sepv));
    }
    if (sepv.type != T_NONE && AS(Str, sepv)->len == 0)
        return vm_raise(vm, EXC_ValueError, "empty separator");
    List *l = list_new(vm, 0);
    if (!l)
        return false;
    VM_ROOT(vm, v_obj(l));
    const char *d = s->data;
    uint32_t end = s->len;
    int32_t splits = 0;
    bool ok = true;
    if (sepv.type == T_NONE) {
        /* runs of whitespace from the right; the first piece keeps its
         * leading whitespace once maxsplit is reached */
        uint32_t w;
        for (;;) {
            while (end > 0 && (w = strx_space_before(s, d, d + end)) > 0)
                end -= w;
            if (end == 0)
                break;
            uint32_t j = end;
            if (maxsplit >= 0 && splits >= maxsplit)
                j = 0;
            else
                while (j > 0 && strx_space_before(s, d, d + j) == 0)
                    j--;
            Value piece;
            if (!(ok = strx_result(vm, args[0], d + j, end - j, &piece) && list_append(vm, l, piece)))
                break;
            splits++;
            end = j;
        }
    } else {
        Str *sep = AS(Str, sepv);
        for (;;) {
            int64_t at = -1;
            if (!(maxsplit >= 0 && splits >= maxsplit) && end >= sep->len)
                for (int64_t i = (int64_t)end - sep->len; i >= 0; i--)
                    if (memcmp(d + i, sep->data, sep->len) == 0) {
                        at = i;
                        break;
                    }
            uint32_t j = at < 0 ? 0 : (uint32_t)at + sep->len;
            Value piece;
            if (!(ok = strx_result(vm, args[0], d + j, end - j, &piece) && list_append(vm, l, piece)))
                break;
            if (at < 0)
                break;
            splits++;
            end = (uint32_t)at;
        }
    }
    VM_UNROOT(vm, 1);
    if (!ok)
        return false;
    for (uint32_t i = 0, k = l->len; i + 1 < k; i++, k--) { /* collected right to left */
        Value t = l->items[i];
        l->items[i] = l->items[k - 1];
        l->items[k - 1] = t;
    }
    *out = v_obj(l);
    return true;
}
NATIVE_WITH_KW(strm_rsplit, "rsplit", m_rsplit, 1, 3);

/* partition / rpartition: (head, sep, tail) */
static bool partition(VM *vm, Value *args, bool from_right, Value *out)
{
    if (!same_type(vm, args[0], args[1]))
        return false;
    Str *s = SELF(args), *sep = AS(Str, args[1]);
    if (sep->len == 0)
        return vm_raise(vm, EXC_ValueError, "empty separator");
    int64_t at = -1;
    if (!from_right) {
        at = strx_find(s->data, s->len, sep->data, sep->len, 0);
    } else if (s->len >= sep->len) {
        for (int64_t i = (int64_t)s->len - sep->len; i >= 0 && at < 0; i--)
            if (memcmp(s->data + i, sep->data, sep->len) == 0)
                at = i;
    }
    Tuple *t = tuple_new(vm, 3);
    if (!t)
        return false;
    VM_ROOT(vm, v_obj(t));
    bool ok;
    if (at < 0) {
        Value empty;
        ok = strx_result(vm, args[0], "", 0, &empty);
        t->items[0] = from_right ? empty : args[0];
        t->items[1] = empty;
        t->items[2] = from_right ? args[0] : empty;
    } else {
        t->items[1] = args[1];
        ok = strx_result(vm, args[0], s->data, (uint32_t)at, &t->items[0]) &&
             strx_result(vm, args[0], s->data + at + sep->len, s->len - (uint32_t)at - sep->len, &t->items[2]);
    }
    VM_UNROOT(vm, 1);
    *out = v_obj(t);
    return ok;
}
static bool m_partition(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return partition(vm, args, false, out); }
static bool m_rpartition(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return partition(vm, args, true, out); }
NATIVE(strm_partition, "partition", m_partition, 2, 2);
NATIVE(strm_rpartition, "rpartition", m_rpartition, 2, 2);

/* ---- justification ---------------------------------------------------------------- */

/* The fill character argument: one character of the string's own type. */
static bool fill_arg(VM *vm, const char *fn, Value self, int nargs, Value *args, int at, const char **fill,
                     uint32_t *flen)
{
    *fill = " ";
    *flen = 1;
    if (nargs <= at)
        return true;
    Value f = args[at];
    if (f.type != self.type) {
        if (self.type == T_STR)
            return vm_raise(vm, EXC_TypeError, "The fill character must be a unicode character, not %s",
                            type_name(f));
        return vm_raise(vm, EXC_TypeError, "%s() argument 2 must be a byte string of length 1, not %s", fn,
                        type_name(f));
    }
    if (nchars(AS(Str, f)) != 1) {
        if (self.type == T_STR)
            return vm_raise(vm, EXC_TypeError, "The fill character must be exactly one character long");
        return vm_raise(vm, EXC_TypeError, "%s() argument 2 must be a byte string of length 1, not bytes", fn);
    }
    *fill = AS(Str, f)->data;
    *flen = AS(Str, f)->len;
    return true;
}

/* how: 0 ljust, 1 rjust, 2 center */
static bool justify(VM *vm, Value *args, int nargs, int how, Value *out)
{
    int32_t width = 0;
    const char *fill;
    uint32_t flen;
    if (!int_arg(vm, args[1], &width) || !fill_arg(vm, how == 0 ? "ljust" : how == 1 ? "rjust" : "center", args[0], nargs, args, 2, &fill, &flen))
        return false;
    Str *s = SELF(args);
    uint32_t len = nchars(s);
    if (width <= 0 || (uint32_t)width <= len) {
        *out = args[0];
        return true;
    }
    if ((uint64_t)width * flen > vm->cfg.heap_size) /* cannot be kept: fail before building it */
        return vm_raise_oom(vm);
    uint32_t marg = (uint32_t)width - len, left;
    if (how == 0)
        left = 0;
    else if (how == 1)
        left = marg;
    else /* CPython's centring: the odd space goes left when width is odd */
        left = marg / 2 + (marg & (uint32_t)width & 1);
    StrBuf sb;
    sb_init(&sb);
    for (uint32_t i = 0; i < left; i++)
        sb_add(&sb, fill, flen);
    sb_add(&sb, s->data, s->len);
    for (uint32_t i = left; i < marg; i++)
        sb_add(&sb, fill, flen);
    return buf_result(vm, args[0], &sb, out);
}
static bool m_ljust(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return justify(vm, args, nargs, 0, out); }
static bool m_rjust(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return justify(vm, args, nargs, 1, out); }
static bool m_center(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return justify(vm, args, nargs, 2, out); }
NATIVE(strm_ljust, "ljust", m_ljust, 2, 3);
NATIVE(strm_rjust, "rjust", m_rjust, 2, 3);
NATIVE(strm_center, "center", m_center, 2, 3);

static bool m_zfill(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int32_t width = 0;
    if (!int_arg(vm, args[1], &width))
        return false;
    Str *s = SELF(args);
    uint32_t len = nchars(s);
    if (width <= 0 || (uint32_t)width <= len) {
        *out = args[0];
        return true;
    }
    if ((size_t)width > vm->cfg.heap_size)
        return vm_raise_oom(vm);
    StrBuf sb;
    sb_init(&sb);
    uint32_t sign = s->len > 0 && (s->data[0] == '+' || s->data[0] == '-');
    sb_add(&sb, s->data, sign);
    for (uint32_t i = len; i < (uint32_t)width; i++)
        sb_addc(&sb, '0');
    sb_add(&sb, s->data + sign, s->len - sign);
    return buf_result(vm, args[0], &sb, out);
}
NATIVE(strm_zfill, "zfill", m_zfill, 2, 2);

static bool m_expandtabs(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int32_t tab = 8;
    int npos = nargs - (kw ? (int)kw->len : 0);
    if (kw && (kw->len != 1 || strcmp(AS(Str, kw->items[0])->data, "tabsize") != 0 || npos != 1))
        return vm_raise(vm, EXC_TypeError, "'%s' is an invalid keyword argument for expandtabs()",
                        AS(Str, kw->items[0])->data);
    if (nargs > 1 && !int_arg(vm, args[1], &tab))
        return false;
    Str *s = SELF(args);
    StrBuf sb;
    sb_init(&sb);
    uint32_t col = 0;
    for (uint32_t i = 0; i < s->len; i++) {
        char c = s->data[i];
        if (c == '\t') {
            if (tab > 0) {
                uint32_t n = (uint32_t)tab - col % (uint32_t)tab;
                if ((size_t)sb.len + n > vm->cfg.heap_size) {
                    sb_free(&sb);
                    return vm_raise_oom(vm);
                }
                for (uint32_t k = 0; k < n; k++)
                    sb_addc(&sb, ' ');
                col += n;
            }
        } else {
            sb_addc(&sb, c);
            if (c == '\n' || c == '\r')
                col = 0;
            else if (s->hdr.type == T_BYTES || ((unsigned char)c & 0xc0) != 0x80)
                col++;
        }
        if (sb.oom)
            break;
    }
    return buf_result(vm, args[0], &sb, out);
}
NATIVE_WITH_KW(strm_expandtabs, "expandtabs", m_expandtabs, 1, 2);

/* ---- case ------------------------------------------------------------------------------- */

static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static char to_upper(char c) { return is_lower(c) ? (char)(c - 32) : c; }
static char to_lower(char c) { return is_upper(c) ? (char)(c + 32) : c; }

/* how: 0 title, 1 capitalize, 2 swapcase, 3 casefold (lower) */
static bool recase(VM *vm, Value *args, int how, Value *out)
{
    Str *s = SELF(args);
    StrBuf sb;
    sb_init(&sb);
    sb_add(&sb, s->data, s->len);
    bool prev_cased = false;
    for (uint32_t i = 0; i < sb.len && !sb.oom; i++) {
        char c = sb.data[i];
        bool cased = is_upper(c) || is_lower(c);
        switch (how) {
        case 0: sb.data[i] = prev_cased ? to_lower(c) : to_upper(c); break;
        case 1: sb.data[i] = i == 0 ? to_upper(c) : to_lower(c); break;
        case 2: sb.data[i] = is_upper(c) ? to_lower(c) : to_upper(c); break;
        default: sb.data[i] = to_lower(c); break;
        }
        prev_cased = cased;
    }
    return buf_result(vm, args[0], &sb, out);
}
static bool m_title(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return recase(vm, args, 0, out); }
static bool m_capitalize(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return recase(vm, args, 1, out); }
static bool m_swapcase(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return recase(vm, args, 2, out); }
static bool m_casefold(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return recase(vm, args, 3, out); }
NATIVE(strm_title, "title", m_title, 1, 1);
NATIVE(strm_capitalize, "capitalize", m_capitalize, 1, 1);
NATIVE(strm_swapcase, "swapcase", m_swapcase, 1, 1);
NATIVE(strm_casefold, "casefold", m_casefold, 1, 1);

/* ---- classification ----------------------------------------------------------------- */

enum Class { C_UPPER, C_LOWER, C_TITLE, C_ALNUM, C_DECIMAL, C_IDENT, C_PRINTABLE, C_ASCII };

static bool printable(uint32_t cp)
{
    return cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp <= 0xa0) && cp != 0xad && cp != 0x2028 &&
           cp != 0x2029 && !(cp >= 0xd800 && cp <= 0xdfff) && cp != 0xfeff;
}

static bool classify_all(Value *args, enum Class k, Value *out)
{
    Str *s = SELF(args);
    bool is_str = s->hdr.type == T_STR, any_cased = false, ok = true, prev_cased = false;
    for (uint32_t i = 0, n; i < s->len && ok; i += n) {
        uint32_t cp = is_str ? strx_decode(s->data + i, s->data + s->len, &n) : (n = 1, (uint8_t)s->data[i]);
        char c = cp < 0x80 ? (char)cp : 0;
        bool up = is_upper(c), lo = is_lower(c), digit = c >= '0' && c <= '9';
        switch (k) {
        case C_UPPER: ok = !lo; any_cased |= up; break;
        case C_LOWER: ok = !up; any_cased |= lo; break;
        case C_TITLE:
            /* uppercase only after uncased, lowercase only after cased */
            ok = !(up && prev_cased) && !(lo && !prev_cased);
            any_cased |= up || lo;
            prev_cased = up || lo;
            break;
        case C_ALNUM: ok = up || lo || digit; break;
        case C_DECIMAL: ok = digit; break;
        case C_IDENT: ok = up || lo || c == '_' || cp >= 0x80 || (digit && i > 0); break;
        case C_PRINTABLE: ok = printable(cp); break;
        case C_ASCII: ok = cp < 0x80; break;
        }
    }
    if (k == C_UPPER || k == C_LOWER || k == C_TITLE)
        ok = ok && any_cased;
    else if (k != C_PRINTABLE && k != C_ASCII)
        ok = ok && s->len > 0;
    *out = v_bool(ok);
    return true;
}
#define CLASSIFY(name, k)                                                                 \
    static bool m_##name(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)           \
    {                                                                                     \
        return classify_all(args, k, out);                                                \
    }                                                                                     \
    NATIVE(strm_##name, #name, m_##name, 1, 1);
CLASSIFY(isupper, C_UPPER)
CLASSIFY(islower, C_LOWER)
CLASSIFY(istitle, C_TITLE)
CLASSIFY(isalnum, C_ALNUM)
CLASSIFY(isdecimal, C_DECIMAL)
CLASSIFY(isnumeric, C_DECIMAL)
CLASSIFY(isidentifier, C_IDENT)
CLASSIFY(isprintable, C_PRINTABLE)
CLASSIFY(isascii, C_ASCII)

/* bytes get the classes str has in str.c: isdigit, isalpha, isspace */
static bool m_isdigit(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return strx_classify(args, 0, out); }
static bool m_isalpha(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return strx_classify(args, 1, out); }
static bool m_isspace(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return strx_classify(args, 2, out); }
NATIVE(strm_isdigit, "isdigit", m_isdigit, 1, 1);
NATIVE(strm_isalpha, "isalpha", m_isalpha, 1, 1);
NATIVE(strm_isspace, "isspace", m_isspace, 1, 1);
static bool m_lstrip(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return strx_strip(vm, args, nargs, 1, out); }
static bool m_rstrip(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return strx_strip(vm, args, nargs, 2, out); }
NATIVE(strm_lstrip, "lstrip", m_lstrip, 1, 2);
NATIVE(strm_rstrip, "rstrip", m_rstrip, 1, 2);

/* ---- lines, affixes, searching from the right ------------------------------------ */

/* Bytes of the line break at p, or 0: str knows \v \f \x1c-\x1e \x85
 * \u2028 \u2029 besides \n \r \r\n; bytes only those three. */
static uint32_t line_break(const Str *s, const char *p, const char *end)
{
    if (*p == '\n')
        return 1;
    if (*p == '\r')
        return p + 1 < end && p[1] == '\n' ? 2 : 1;
    if (s->hdr.type == T_BYTES)
        return 0;
    uint32_t n, cp = strx_decode(p, end, &n);
    return cp == 0x0b || cp == 0x0c || (cp >= 0x1c && cp <= 0x1e) || cp == 0x85 || cp == 0x2028 || cp == 0x2029
               ? n
               : 0;
}

static bool m_splitlines(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int npos = nargs - (kw ? (int)kw->len : 0);
    if (kw && (kw->len != 1 || strcmp(AS(Str, kw->items[0])->data, "keepends") != 0 || npos != 1))
        return vm_raise(vm, EXC_TypeError, "'%s' is an invalid keyword argument for splitlines()",
                        AS(Str, kw->items[0])->data);
    bool keep = nargs > 1 && vm_truthy(args[1]);
    Str *s = SELF(args);
    List *l = list_new(vm, 0);
    if (!l)
        return false;
    VM_ROOT(vm, v_obj(l));
    bool ok = true;
    uint32_t start = 0, i = 0;
    while (i < s->len && ok) {
        uint32_t br = line_break(s, s->data + i, s->data + s->len);
        if (!br) {
            i++;
            continue;
        }
        Value piece;
        ok = strx_result(vm, args[0], s->data + start, i - start + (keep ? br : 0), &piece) &&
             list_append(vm, l, piece);
        i += br;
        start = i;
    }
    if (ok && start < s->len) {
        Value piece;
        ok = strx_result(vm, args[0], s->data + start, s->len - start, &piece) && list_append(vm, l, piece);
    }
    VM_UNROOT(vm, 1);
    *out = v_obj(l);
    return ok;
}
NATIVE_WITH_KW(strm_splitlines, "splitlines", m_splitlines, 1, 2);

static bool affix_remove(VM *vm, Value *args, bool suffix, Value *out)
{
    if (!same_type(vm, args[0], args[1]))
        return false;
    Str *s = SELF(args), *a = AS(Str, args[1]);
    if (a->len == 0 || a->len > s->len || memcmp(s->data + (suffix ? s->len - a->len : 0), a->data, a->len) != 0) {
        *out = args[0];
        return true;
    }
    return strx_result(vm, args[0], s->data + (suffix ? 0 : a->len), s->len - a->len, out);
}
static bool m_removeprefix(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return affix_remove(vm, args, false, out); }
static bool m_removesuffix(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return affix_remove(vm, args, true, out); }
NATIVE(strm_removeprefix, "removeprefix", m_removeprefix, 2, 2);
NATIVE(strm_removesuffix, "removesuffix", m_removesuffix, 2, 2);

static bool m_rfind(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *s = SELF(args);
    char byte;
    const char *needle;
    uint32_t nlen;
    if (args[0].type == T_BYTES && v_is_intlike(args[1])) {
        if (args[1].u.i < 0 || args[1].u.i > 255)
            return vm_raise(vm, EXC_ValueError, "byte must be in range(0, 256)");
        byte = (char)args[1].u.i;
        needle = &byte;
        nlen = 1;
    } else if (args[1].type != args[0].type) {
        return vm_raise(vm, EXC_TypeError, "must be %s, not %s", type_name(args[0]), type_name(args[1]));
    } else {
        needle = AS(Str, args[1])->data;
        nlen = AS(Str, args[1])->len;
    }
    uint32_t bs, be;
    bool past_end;
    if (!strx_region(vm, s, args, nargs, &bs, &be, &past_end))
        return false;
    int64_t at = -1;
    if (!past_end && be >= bs && be - bs >= nlen)
        for (int64_t i = (int64_t)be - nlen; i >= (int64_t)bs && at < 0; i--)
            if (memcmp(s->data + i, needle, nlen) == 0)
                at = i;
    *out = v_int(strx_char_index(s, at));
    return true;
}
NATIVE(strm_rfind, "rfind", m_rfind, 2, 4);

static bool m_rindex(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (!m_rfind(vm, args, nargs, kw, out))
        return false;
    if (out->u.i < 0)
        return vm_raise(vm, EXC_ValueError, args[0].type == T_STR ? "substring not found" : "subsection not found");
    return true;
}
NATIVE(strm_rindex, "rindex", m_rindex, 2, 4);

/* ---- translate, maketrans --------------------------------------------------------- */

static void add_cp(StrBuf *sb, uint32_t cp)
{
    char b[4];
    uint32_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (n == 1) {
        b[0] = (char)cp;
    } else {
        for (uint32_t k = n - 1; k > 0; k--) {
            b[k] = (char)(0x80 | (cp & 0x3f));
            cp >>= 6;
        }
        b[0] = (char)((n == 2 ? 0xc0 : n == 3 ? 0xe0 : 0xf0) | cp);
    }
    sb_add(sb, b, n);
}

static bool m_translate(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *s = SELF(args);
    Value table = args[1];
    StrBuf sb;
    sb_init(&sb);
    for (uint32_t i = 0, n; i < s->len; i += n) {
        uint32_t cp = strx_decode(s->data + i, s->data + s->len, &n);
        Value to;
        if (!vm_getitem(vm, table, v_int((int32_t)cp), &to)) {
            if (vm->exc.type == T_EXCEPTION && exc_matches(AS(Exception, vm->exc), &exc_types[EXC_LookupError])) {
                vm->exc = v_unbound(); /* not in the table: kept */
                sb_add(&sb, s->data + i, n);
                continue;
            }
            sb_free(&sb);
            return false;
        }
        if (to.type == T_NONE)
            continue;
        if (to.type == T_STR) {
            sb_add(&sb, AS(Str, to)->data, AS(Str, to)->len);
        } else if (v_is_intlike(to)) {
            if (to.u.i < 0 || to.u.i > 0x10ffff) {
                sb_free(&sb);
                return vm_raise(vm, EXC_ValueError, "character mapping must be in range(0x110000)");
            }
            add_cp(&sb, (uint32_t)to.u.i);
        } else {
            sb_free(&sb);
            return vm_raise(vm, EXC_TypeError, "character mapping must return integer, None or str");
        }
    }
    return buf_result(vm, args[0], &sb, out);
}
NATIVE(strm_translate, "translate", m_translate, 2, 2);

/* str.maketrans(dict) / (from, to[, delete]) */
static bool m_maketrans(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Dict *d = dict_new(vm);
    if (!d)
        return false;
    VM_ROOT(vm, v_obj(d));
    bool ok = true;
    if (nargs == 1) {
        if (args[0].type != T_DICT) {
            VM_UNROOT(vm, 1);
            return vm_raise(vm, EXC_TypeError, "if you give only one argument to maketrans it must be a dict");
        }
        Dict *src = AS(Dict, args[0]);
        for (uint32_t i = 0; i < src->used && ok; i++) {
            Value k = src->entries[i].key;
            if (k.type == T_UNBOUND)
                continue;
            if (k.type == T_STR) {
                if (str_charlen(AS(Str, k)) != 1) {
                    ok = vm_raise(vm, EXC_ValueError, "string keys in translate table must be of length 1");
                    break;
                }
                uint32_t n;
                k = v_int((int32_t)strx_decode(AS(Str, k)->data, AS(Str, k)->data + AS(Str, k)->len, &n));
            } else if (!v_is_intlike(k)) {
                ok = vm_raise(vm, EXC_TypeError, "keys in translate table must be strings or integers");
                break;
            }
            ok = dict_set(vm, d, k, src->entries[i].value);
        }
    } else {
        for (int a = 0; a < nargs && ok; a++)
            if (args[a].type != T_STR)
                ok = vm_raise(vm, EXC_TypeError, "maketrans() argument %d must be str, not %s", a + 1,
                              type_name(args[a]));
        Str *x = ok ? AS(Str, args[0]) : NULL, *y = ok ? AS(Str, args[1]) : NULL;
        if (ok && str_charlen(x) != str_charlen(y))
            ok = vm_raise(vm, EXC_ValueError, "the first two maketrans arguments must have equal length");
        for (uint32_t i = 0, j = 0, n, m; ok && i < x->len; i += n, j += m) {
            uint32_t from = strx_decode(x->data + i, x->data + x->len, &n);
            uint32_t to = strx_decode(y->data + j, y->data + y->len, &m);
            ok = dict_set(vm, d, v_int((int32_t)from), v_int((int32_t)to));
        }
        if (ok && nargs == 3) {
            Str *z = AS(Str, args[2]);
            for (uint32_t i = 0, n; ok && i < z->len; i += n)
                ok = dict_set(vm, d, v_int((int32_t)strx_decode(z->data + i, z->data + z->len, &n)), v_none());
        }
    }
    VM_UNROOT(vm, 1);
    *out = v_obj(d);
    return ok;
}
NATIVE(strm_maketrans, "maketrans", m_maketrans, 1, 3);

/* ---- bytes.hex, bytes.fromhex ------------------------------------------------------ */

/* bytes.hex([sep[, bytes_per_sep]]): sep (one ASCII character, str or
 * bytes) between groups of bytes_per_sep bytes, counted from the right,
 * or from the left when bytes_per_sep is negative. */
static bool m_hex(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *s = SELF(args);
    char sep = 0;
    int32_t group = 1;
    if (nargs > 1) {
        if (args[1].type != T_STR && args[1].type != T_BYTES)
            return vm_raise(vm, EXC_TypeError, "object of type '%s' has no len()", type_name(args[1]));
        const Str *sp = AS(Str, args[1]);
        uint32_t n = 0; /* characters of a str, bytes of a bytes */
        for (uint32_t i = 0; i < sp->len; i++)
            n += args[1].type == T_BYTES || ((unsigned char)sp->data[i] & 0xc0) != 0x80;
        if (n != 1)
            return vm_raise(vm, EXC_ValueError, "sep must be length 1.");
        sep = sp->data[0];
        if ((unsigned char)sep >= 0x80)
            return vm_raise(vm, EXC_ValueError, "sep must be ASCII.");
    }
    if (nargs > 2) {
        if (!v_is_intlike(args[2]))
            return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[2]));
        group = args[2].u.i;
    }
    if (group == 0)
        sep = 0;
    uint32_t every = group < 0 ? (uint32_t)-(int64_t)group : (uint32_t)group;
    StrBuf sb;
    sb_init(&sb);
    static const char digits[] = "0123456789abcdef";
    for (uint32_t i = 0; i < s->len; i++) {
        /* a separator before byte i when a group boundary falls there */
        uint32_t pos = group > 0 ? s->len - i : i;
        if (sep && i > 0 && pos % every == 0)
            sb_addc(&sb, sep);
        sb_addc(&sb, digits[(uint8_t)s->data[i] >> 4]);
        sb_addc(&sb, digits[(uint8_t)s->data[i] & 15]);
    }
    if (sb.oom) {
        sb_free(&sb);
        return vm_raise_oom(vm);
    }
    Str *r = str_new(vm, sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    if (!r)
        return false;
    *out = v_obj(r);
    return true;
}
NATIVE(strm_hex, "hex", m_hex, 1, 3);

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static bool m_fromhex(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value s = args[nargs - 1]; /* bytes.fromhex(s), or called on an instance */
    if (s.type != T_STR)
        return vm_raise(vm, EXC_TypeError, "fromhex() argument must be str, not %s", type_name(s));
    Str *t = AS(Str, s);
    StrBuf sb;
    sb_init(&sb);
    uint32_t i = 0;
    for (;;) {
        while (i < t->len && (t->data[i] == ' ' || (t->data[i] >= '\t' && t->data[i] <= '\r')))
            i++;
        if (i >= t->len)
            break;
        int hi = hex_digit(t->data[i]), lo = i + 1 < t->len ? hex_digit(t->data[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            uint32_t at = hi < 0 ? i : i + 1;
            sb_free(&sb);
            return vm_raise(vm, EXC_ValueError, "non-hexadecimal number found in fromhex() arg at position %ld",
                            (long)strx_char_index(t, at));
        }
        sb_addc(&sb, (char)(hi << 4 | lo));
        i += 2;
    }
    if (sb.oom) {
        sb_free(&sb);
        return vm_raise_oom(vm);
    }
    Str *r = bytes_new(vm, (const uint8_t *)(sb.data ? sb.data : ""), sb.len);
    sb_free(&sb);
    if (!r)
        return false;
    *out = v_obj(r);
    return true;
}
NATIVE(strm_fromhex, "fromhex", m_fromhex, 1, 2);
