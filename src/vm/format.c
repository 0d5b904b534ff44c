/*
 * format.c - turning values into text: repr(), str(), float formatting, the
 * format-spec mini-language and str.format.
 *
 * Text is built in a StrBuf (malloc'd, outside the object heap) so that
 * formatting never triggers a collection; only the final str is allocated.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm.h"

#define MAX_REPR_DEPTH 200

/* ---- StrBuf ----------------------------------------------------------------------- */

void sb_init(StrBuf *sb)
{
    sb->data = NULL;
    sb->len = sb->cap = 0;
    sb->oom = false;
}

void sb_free(StrBuf *sb)
{
    free(sb->data);
    sb_init(sb);
}

void sb_add(StrBuf *sb, const char *s, uint32_t len)
{
    if (sb->oom)
        return;
    if ((uint64_t)sb->len + len + 1 > sb->cap) {
        uint64_t cap = sb->cap ? sb->cap : 64;
        while (cap < (uint64_t)sb->len + len + 1)
            cap *= 2;
        char *nd = cap > (1u << 28) ? NULL : realloc(sb->data, (size_t)cap);
        if (!nd) {
            sb->oom = true;
            return;
        }
        sb->data = nd;
        sb->cap = (uint32_t)cap;
    }
    memcpy(sb->data + sb->len, s, len);
    sb->len += len;
    sb->data[sb->len] = '\0';
}

void sb_addc(StrBuf *sb, char c) { sb_add(sb, &c, 1); }
void sb_adds(StrBuf *sb, const char *s) { sb_add(sb, s, (uint32_t)strlen(s)); }

Str *sb_to_str(VM *vm, StrBuf *sb)
{
    if (sb->oom) {
        sb_free(sb);
        vm_raise_oom(vm);
        return NULL;
    }
    Str *s = str_new(vm, sb->data ? sb->data : "", sb->len);
    sb_free(sb);
    return s;
}

/* ---- numbers ------------------------------------------------------------------------- */

static void fmt_int(StrBuf *sb, int32_t v)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%ld", (long)v);
    sb_adds(sb, buf);
}

/* The shortest decimal digits that read back (strtof) as f: digits and a
 * decimal exponent such that f = 0.d1d2d3... * 10**exp10. */
static int shortest_digits(float f, char *digits, int *exp10)
{
    char buf[32];
    for (int prec = 1; prec <= 9; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, (double)f);
        if (strtof(buf, NULL) == f || prec == 9) {
            /* buf is d.ddde[+-]xx */
            int n = 0;
            char *p = buf;
            for (; *p && *p != 'e'; p++)
                if (*p >= '0' && *p <= '9')
                    digits[n++] = *p;
            while (n > 1 && digits[n - 1] == '0')
                n--;
            digits[n] = '\0';
            *exp10 = atoi(p + 1) + 1;
            return n;
        }
    }
    return 0;
}

void fmt_float(StrBuf *sb, float f)
{
    if (isnan(f)) {
        sb_adds(sb, "nan");
        return;
    }
    if (isinf(f)) {
        sb_adds(sb, f < 0 ? "-inf" : "inf");
        return;
    }
    if (f == 0.0f) {
        sb_adds(sb, signbit(f) ? "-0.0" : "0.0");
        return;
    }
    if (f < 0) {
        sb_addc(sb, '-');
        f = -f;
    }
    char digits[16];
    int exp10;
    int n = shortest_digits(f, digits, &exp10);
    /* Python's repr: positional for 1e-4 <= |f| < 1e16, else scientific */
    if (exp10 > -4 && exp10 <= 16) {
        if (exp10 <= 0) {
            sb_adds(sb, "0.");
            for (int i = 0; i < -exp10; i++)
                sb_addc(sb, '0');
            sb_add(sb, digits, (uint32_t)n);
        } else if (n <= exp10) {
            sb_add(sb, digits, (uint32_t)n);
            for (int i = n; i < exp10; i++)
                sb_addc(sb, '0');
            sb_adds(sb, ".0");
        } else {
            sb_add(sb, digits, (uint32_t)exp10);
            sb_addc(sb, '.');
            sb_add(sb, digits + exp10, (uint32_t)(n - exp10));
        }
        return;
    }
    sb_addc(sb, digits[0]);
    if (n > 1) {
        sb_addc(sb, '.');
        sb_add(sb, digits + 1, (uint32_t)(n - 1));
    }
    char e[16];
    snprintf(e, sizeof e, "e%c%02d", exp10 - 1 < 0 ? '-' : '+', abs(exp10 - 1));
    sb_adds(sb, e);
}

/* ---- repr of strings ---------------------------------------------------------------- */

static void repr_text(StrBuf *sb, const char *d, uint32_t len, bool bytes)
{
    bool has_single = len && memchr(d, '\'', len), has_double = len && memchr(d, '"', len);
    char q = has_single && !has_double ? '"' : '\'';
    if (bytes)
        sb_addc(sb, 'b');
    sb_addc(sb, q);
    for (uint32_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)d[i];
        char buf[8];
        if (c == (unsigned char)q || c == '\\') {
            sb_addc(sb, '\\');
            sb_addc(sb, (char)c);
        } else if (c == '\n') {
            sb_adds(sb, "\\n");
        } else if (c == '\t') {
            sb_adds(sb, "\\t");
        } else if (c == '\r') {
            sb_adds(sb, "\\r");
        } else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) {
            snprintf(buf, sizeof buf, "\\x%02x", c);
            sb_adds(sb, buf);
        } else {
            sb_addc(sb, (char)c);
        }
    }
    sb_addc(sb, q);
}

/* ---- repr and str of everything ----------------------------------------------------- */

const char *type_name(Value v)
{
    switch ((Type)v.type) {
    case T_NONE:        return "NoneType";
    case T_BOOL:        return "bool";
    case T_INT:         return "int";
    case T_FLOAT:       return "float";
    case T_STR:         return "str";
    case T_BYTES:       return "bytes";
    case T_BYTEARRAY:   return "bytearray";
    case T_TUPLE:       return "tuple";
    case T_LIST:        return "list";
    case T_DICT:        return "dict";
    case T_DICTVIEW: {
        static const char *const names[] = {"dict_keys", "dict_values", "dict_items"};
        return names[AS(DictView, v)->hdr.aux % 3];
    }
    case T_RANGE:       return "range";
    case T_SLICE:       return "slice";
    case T_ARRAY:       return "array.array";
    case T_FUNCTION:    return "function";
    case T_NATIVE:
    case T_BOUNDMETHOD: return "builtin_function_or_method";
    case T_MODULE:      return "module";
    case T_FILE:        return "_io.BufferedReader";
    case T_TYPE:        return "type";
    case T_EXCEPTION:   return AS(Exception, v)->cls->name;
    case T_ITER: {
        static const char *const names[] = {"range_iterator", "iterator", "dict_keyiterator",
                                            "reversed", "enumerate", "zip"};
        Iter *it = AS(Iter, v);
        if (it->hdr.aux == ITER_SEQ) {
            switch ((Type)it->src.type) {
            case T_LIST:  return "list_iterator";
            case T_TUPLE: return "tuple_iterator";
            case T_STR:   return "str_ascii_iterator";
            case T_BYTES: return "bytes_iterator";
            default:      return "arrayiterator";
            }
        }
        return names[it->hdr.aux % 6];
    }
    default:            return "object";
    }
}

static bool repr_value(VM *vm, StrBuf *sb, Value v);

/* Elements of a list/tuple/array, separated by ", ". */
static bool repr_items(VM *vm, StrBuf *sb, Value seq)
{
    for (uint32_t i = 0;; i++) {
        Value item;
        if (seq.type == T_LIST) {
            if (i >= AS(List, seq)->len)
                break;
            item = AS(List, seq)->items[i];
        } else if (seq.type == T_TUPLE) {
            if (i >= AS(Tuple, seq)->len)
                break;
            item = AS(Tuple, seq)->items[i];
        } else {
            if (i >= AS(Array, seq)->len)
                break;
            if (!array_get(vm, AS(Array, seq), i, &item))
                return false;
        }
        if (i)
            sb_adds(sb, ", ");
        if (!repr_value(vm, sb, item))
            return false;
    }
    return true;
}

static bool repr_dict_entries(VM *vm, StrBuf *sb, Dict *d, int kind)
{
    bool first = true;
    for (uint32_t i = 0; i < d->used; i++) {
        DictEntry *e = &d->entries[i];
        if (e->key.type == T_UNBOUND)
            continue;
        if (!first)
            sb_adds(sb, ", ");
        first = false;
        if (kind == VIEW_ITEMS)
            sb_addc(sb, '(');
        if (kind != VIEW_VALUES && !repr_value(vm, sb, e->key))
            return false;
        if (kind == VIEW_ITEMS)
            sb_adds(sb, ", ");
        else if (kind < 0)
            sb_adds(sb, ": ");
        if (kind != VIEW_KEYS && !repr_value(vm, sb, d->entries[i].value))
            return false;
        if (kind == VIEW_ITEMS)
            sb_addc(sb, ')');
    }
    return true;
}

static void fake_address(StrBuf *sb, const void *p)
{
    char buf[32];
    snprintf(buf, sizeof buf, " at 0x%08lx", (unsigned long)((uintptr_t)p & 0xffffffffu));
    sb_adds(sb, buf);
}

/* Objects being printed, to show a container that contains itself as [...]. */
static bool in_progress(VM *vm, Value v)
{
    for (uint32_t i = 0; i < vm->nroots; i++)
        if (vm->roots[i].type == v.type && v_is_obj(v) && vm->roots[i].u.obj == v.u.obj &&
            i + 1 < vm->nroots && vm->roots[i + 1].type == T_UNBOUND && vm->roots[i + 1].u.i == 0x7e9)
            return true;
    return false;
}

static bool repr_container(VM *vm, StrBuf *sb, Value v)
{
    if (in_progress(vm, v)) {
        sb_adds(sb, v.type == T_LIST ? "[...]" : v.type == T_DICT ? "{...}" : "(...)");
        return true;
    }
    if (vm->nroots + 2 > VM_MAX_ROOTS || vm->repr_depth >= MAX_REPR_DEPTH || vm_c_stack_low(vm))
        return vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
    /* mark v as in progress: the object followed by a marker root */
    Value marker = v_unbound();
    marker.u.i = 0x7e9;
    VM_ROOT(vm, v);
    VM_ROOT(vm, marker);
    vm->repr_depth++;
    bool ok = true;
    switch ((Type)v.type) {
    case T_LIST:
        sb_addc(sb, '[');
        ok = repr_items(vm, sb, v);
        sb_addc(sb, ']');
        break;
    case T_TUPLE:
        sb_addc(sb, '(');
        ok = repr_items(vm, sb, v);
        if (AS(Tuple, v)->len == 1)
            sb_addc(sb, ',');
        sb_addc(sb, ')');
        break;
    case T_DICT:
        sb_addc(sb, '{');
        ok = repr_dict_entries(vm, sb, AS(Dict, v), -1);
        sb_addc(sb, '}');
        break;
    default: { /* dict views */
        DictView *dv = AS(DictView, v);
        sb_adds(sb, type_name(v));
        sb_adds(sb, "([");
        ok = repr_dict_entries(vm, sb, dv->dict, dv->hdr.aux);
        sb_adds(sb, "])");
        break;
    }
    }
    vm->repr_depth--;
    VM_UNROOT(vm, 2);
    return ok;
}

static bool repr_value(VM *vm, StrBuf *sb, Value v)
{
    switch ((Type)v.type) {
    case T_NONE:  sb_adds(sb, "None"); return true;
    case T_BOOL:  sb_adds(sb, v.u.i ? "True" : "False"); return true;
    case T_INT:   fmt_int(sb, v.u.i); return true;
    case T_FLOAT: fmt_float(sb, v.u.f); return true;
    case T_STR:   repr_text(sb, AS(Str, v)->data, AS(Str, v)->len, false); return true;
    case T_BYTES: repr_text(sb, AS(Str, v)->data, AS(Str, v)->len, true); return true;
    case T_LIST:
    case T_TUPLE:
    case T_DICT:
    case T_DICTVIEW:
        return repr_container(vm, sb, v);
    case T_BYTEARRAY:
        sb_adds(sb, "bytearray(");
        repr_text(sb, (const char *)AS(Array, v)->data, AS(Array, v)->len, true);
        sb_addc(sb, ')');
        return true;
    case T_ARRAY: {
        Array *a = AS(Array, v);
        char head[16];
        snprintf(head, sizeof head, "array('%c'", (char)a->hdr.aux);
        sb_adds(sb, head);
        if (a->len) {
            sb_adds(sb, ", [");
            if (!repr_items(vm, sb, v))
                return false;
            sb_addc(sb, ']');
        }
        sb_addc(sb, ')');
        return true;
    }
    case T_RANGE: {
        Range *r = AS(Range, v);
        char buf[64];
        if (r->step == 1)
            snprintf(buf, sizeof buf, "range(%ld, %ld)", (long)r->start, (long)r->stop);
        else
            snprintf(buf, sizeof buf, "range(%ld, %ld, %ld)", (long)r->start, (long)r->stop, (long)r->step);
        sb_adds(sb, buf);
        return true;
    }
    case T_SLICE: {
        Slice *s = AS(Slice, v);
        sb_adds(sb, "slice(");
        if (!repr_value(vm, sb, s->start))
            return false;
        sb_adds(sb, ", ");
        if (!repr_value(vm, sb, s->stop))
            return false;
        sb_adds(sb, ", ");
        if (!repr_value(vm, sb, s->step))
            return false;
        sb_addc(sb, ')');
        return true;
    }
    case T_FUNCTION:
        sb_adds(sb, "<function ");
        sb_add(sb, AS(Function, v)->code->name->data, AS(Function, v)->code->name->len);
        fake_address(sb, v.u.obj);
        sb_addc(sb, '>');
        return true;
    case T_NATIVE:
        sb_adds(sb, "<built-in function ");
        sb_adds(sb, AS(Native, v)->name);
        sb_addc(sb, '>');
        return true;
    case T_BOUNDMETHOD: {
        BoundMethod *b = AS(BoundMethod, v);
        sb_adds(sb, "<built-in method ");
        sb_adds(sb, b->method->name);
        sb_adds(sb, " of ");
        sb_adds(sb, type_name(b->self));
        sb_adds(sb, " object");
        fake_address(sb, b->self.u.obj);
        sb_addc(sb, '>');
        return true;
    }
    case T_MODULE:
        sb_adds(sb, "<module '");
        sb_adds(sb, AS(Module, v)->name);
        if (v.u.obj->flags & MODULE_PY) {
            const Str *file = AS(PyModule, v)->program->filename;
            sb_adds(sb, "' from '");
            sb_add(sb, file->data, file->len);
            sb_adds(sb, "'>");
        } else {
            sb_adds(sb, "' (built-in)>");
        }
        return true;
    case T_TYPE: {
        const TypeObj *t = AS(TypeObj, v);
        sb_adds(sb, "<class '");
        if (t == &type_array)
            sb_adds(sb, "array.");
        sb_adds(sb, t->name);
        sb_adds(sb, "'>");
        return true;
    }
    case T_EXCEPTION: {
        Exception *e = AS(Exception, v);
        sb_adds(sb, e->cls->name);
        if (e->args->len == 1) {
            sb_addc(sb, '(');
            if (!repr_value(vm, sb, e->args->items[0]))
                return false;
            sb_addc(sb, ')');
            return true;
        }
        return repr_value(vm, sb, v_obj(e->args));
    }
    default:
        sb_addc(sb, '<');
        sb_adds(sb, type_name(v));
        sb_adds(sb, " object");
        fake_address(sb, v.u.obj);
        sb_addc(sb, '>');
        return true;
    }
}

bool fmt_repr(VM *vm, StrBuf *sb, Value v) { return repr_value(vm, sb, v); }

bool fmt_str(VM *vm, StrBuf *sb, Value v)
{
    if (v.type == T_STR) {
        sb_add(sb, AS(Str, v)->data, AS(Str, v)->len);
        return true;
    }
    if (v.type == T_EXCEPTION) {
        Exception *e = AS(Exception, v);
        if (e->args->len == 0)
            return true;
        if (e->args->len == 1) {
            if (exc_matches(e, &exc_types[EXC_KeyError]))
                return repr_value(vm, sb, e->args->items[0]);
            /* an exception whose argument is an exception, and so on */
            if (!vm_recursion_enter(vm, "while getting the str of an object"))
                return false;
            bool ok = fmt_str(vm, sb, e->args->items[0]);
            vm_recursion_leave(vm);
            return ok;
        }
        return repr_value(vm, sb, v_obj(e->args));
    }
    return repr_value(vm, sb, v);
}

Str *vm_repr(VM *vm, Value v)
{
    StrBuf sb;
    sb_init(&sb);
    if (!fmt_repr(vm, &sb, v)) {
        sb_free(&sb);
        return NULL;
    }
    return sb_to_str(vm, &sb);
}

Str *vm_str(VM *vm, Value v)
{
    if (v.type == T_STR)
        return AS(Str, v);
    StrBuf sb;
    sb_init(&sb);
    if (!fmt_str(vm, &sb, v)) {
        sb_free(&sb);
        return NULL;
    }
    return sb_to_str(vm, &sb);
}

/* ---- the format-spec mini-language ------------------------------------------------- */

typedef struct Spec {
    char fill, align, sign, type, grouping;
    bool alternate, zero;
    int width, precision;
} Spec;

static bool parse_spec(VM *vm, const char *s, uint32_t n, Spec *sp)
{
    memset(sp, 0, sizeof *sp);
    sp->fill = ' ';
    sp->precision = -1;
    uint32_t i = 0;
    if (n >= 2 && strchr("<>=^", s[1])) {
        sp->fill = s[0];
        sp->align = s[1];
        i = 2;
    } else if (n >= 1 && strchr("<>=^", s[0])) {
        sp->align = s[0];
        i = 1;
    }
    if (i < n && strchr("+- ", s[i]))
        sp->sign = s[i++];
    if (i < n && s[i] == '#') {
        sp->alternate = true;
        i++;
    }
    if (i < n && s[i] == '0') {
        sp->zero = true;
        i++;
    }
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        sp->width = sp->width * 10 + (s[i++] - '0');
        if (sp->width > 100000)
            return vm_raise(vm, EXC_ValueError, "Too many decimal digits in format string");
    }
    if (i < n && (s[i] == ',' || s[i] == '_'))
        sp->grouping = s[i++];
    if (i < n && s[i] == '.') {
        i++;
        if (i >= n || s[i] < '0' || s[i] > '9')
            return vm_raise(vm, EXC_ValueError, "Format specifier missing precision");
        sp->precision = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            sp->precision = sp->precision * 10 + (s[i++] - '0');
            if (sp->precision > 1000)
                return vm_raise(vm, EXC_ValueError, "precision too big");
        }
    }
    if (i < n)
        sp->type = s[i++];
    if (i < n)
        return vm_raise(vm, EXC_ValueError, "Invalid format specifier");
    return true;
}

/* Inserts thousands separators into the integer digits of text. */
static void group_digits(StrBuf *out, const char *digits, uint32_t n, char sep)
{
    for (uint32_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            sb_addc(out, sep);
        sb_addc(out, digits[i]);
    }
}

/* Pads body (already signed) to the spec's width. sign_len: characters of
 * body that are the sign/prefix, after which '=' alignment pads. */
static void pad(StrBuf *sb, const Spec *sp, const char *body, uint32_t len, uint32_t sign_len, char default_align)
{
    char align = sp->align ? sp->align : (sp->zero ? '=' : default_align);
    char fill = sp->align ? sp->fill : (sp->zero ? '0' : sp->fill);
    uint32_t chars = 0;
    for (uint32_t i = 0; i < len; i++)
        chars += ((unsigned char)body[i] & 0xc0) != 0x80;
    uint32_t padding = sp->width > (int)chars ? (uint32_t)sp->width - chars : 0;
    uint32_t left = align == '<' ? 0 : align == '^' ? padding / 2 : padding;
    uint32_t right = padding - left;
    if (align == '=') {
        sb_add(sb, body, sign_len);
        for (uint32_t i = 0; i < padding; i++)
            sb_addc(sb, fill);
        sb_add(sb, body + sign_len, len - sign_len);
        return;
    }
    for (uint32_t i = 0; i < left; i++)
        sb_addc(sb, fill);
    sb_add(sb, body, len);
    for (uint32_t i = 0; i < right; i++)
        sb_addc(sb, fill);
}

static bool format_int(VM *vm, StrBuf *sb, int64_t v, const Spec *sp)
{
    char digits[72];
    uint64_t mag = v < 0 ? (uint64_t)(-v) : (uint64_t)v;
    char type = sp->type ? sp->type : 'd';
    const char *prefix = "";
    int base = 10;
    switch (type) {
    case 'd': case 'n': break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'b': base = 2; prefix = "0b"; break;
    case 'c': {
        if (v < 0 || v > 0x10ffff)
            return vm_raise(vm, EXC_OverflowError, "%%c arg not in range(0x110000)");
        char u[5] = {0};
        uint32_t cp = (uint32_t)v;
        if (cp < 0x80) u[0] = (char)cp;
        else if (cp < 0x800) { u[0] = (char)(0xc0 | cp >> 6); u[1] = (char)(0x80 | (cp & 0x3f)); }
        else if (cp < 0x10000) { u[0] = (char)(0xe0 | cp >> 12); u[1] = (char)(0x80 | ((cp >> 6) & 0x3f)); u[2] = (char)(0x80 | (cp & 0x3f)); }
        else { u[0] = (char)(0xf0 | cp >> 18); u[1] = (char)(0x80 | ((cp >> 12) & 0x3f)); u[2] = (char)(0x80 | ((cp >> 6) & 0x3f)); u[3] = (char)(0x80 | (cp & 0x3f)); }
        pad(sb, sp, u, (uint32_t)strlen(u), 0, '<');
        return true;
    }
    default:
        return vm_raise(vm, EXC_ValueError, "Unknown format code '%c' for object of type 'int'", type);
    }
    int n = 0;
    do {
        int d = (int)(mag % (uint64_t)base);
        digits[n++] = (char)(d < 10 ? '0' + d : (type == 'X' ? 'A' : 'a') + d - 10);
        mag /= (uint64_t)base;
    } while (mag);
    for (int i = 0; i < n / 2; i++) {
        char t = digits[i];
        digits[i] = digits[n - 1 - i];
        digits[n - 1 - i] = t;
    }
    StrBuf body;
    sb_init(&body);
    if (v < 0)
        sb_addc(&body, '-');
    else if (sp->sign == '+' || sp->sign == ' ')
        sb_addc(&body, sp->sign);
    if (sp->alternate)
        sb_adds(&body, prefix);
    uint32_t sign_len = body.len;
    if (sp->grouping)
        group_digits(&body, digits, (uint32_t)n, sp->grouping);
    else
        sb_add(&body, digits, (uint32_t)n);
    if (body.oom) {
        sb_free(&body);
        return vm_raise_oom(vm);
    }
    pad(sb, sp, body.data, body.len, sign_len, '>');
    sb_free(&body);
    return true;
}

static bool format_float(VM *vm, StrBuf *sb, float f, const Spec *sp)
{
    char type = sp->type;
    int prec = sp->precision;
    StrBuf body;
    sb_init(&body);
    double x = (double)f;
    bool neg = signbit(f) && !isnan(f);
    if (neg)
        sb_addc(&body, '-');
    else if (sp->sign == '+' || sp->sign == ' ')
        sb_addc(&body, sp->sign);
    uint32_t sign_len = body.len;
    double ax = fabs(x);
    char buf[512];
    if (isnan(f) || isinf(f)) {
        const char *t = isnan(f) ? "nan" : "inf";
        if (type == 'E' || type == 'F' || type == 'G')
            t = isnan(f) ? "NAN" : "INF";
        snprintf(buf, sizeof buf, "%s%s", t, type == '%' ? "%" : "");
    } else if (type == 0 && prec < 0) {
        StrBuf r;
        sb_init(&r);
        fmt_float(&r, (float)ax);
        snprintf(buf, sizeof buf, "%s", r.data ? r.data : "");
        sb_free(&r);
    } else {
        switch (type) {
        case 'f': case 'F': snprintf(buf, sizeof buf, "%.*f", prec < 0 ? 6 : prec, ax); break;
        case 'e': case 'E': snprintf(buf, sizeof buf, type == 'e' ? "%.*e" : "%.*E", prec < 0 ? 6 : prec, ax); break;
        case '%': snprintf(buf, sizeof buf, "%.*f%%", prec < 0 ? 6 : prec, ax * 100.0); break;
        case 'g': case 'G': case 0: {
            /* no type with a precision: like 'g' but at least one digit after the point */
            int p = prec < 0 ? 6 : prec == 0 ? 1 : prec;
            snprintf(buf, sizeof buf, (type == 'G') ? "%.*G" : "%.*g", p, ax);
            if (type == 0 && !strpbrk(buf, ".eE") && strlen(buf) < sizeof buf - 3)
                strcat(buf, ".0");
            break;
        }
        default:
            sb_free(&body);
            return vm_raise(vm, EXC_ValueError, "Unknown format code '%c' for object of type 'float'", type);
        }
    }
    if (sp->grouping && !isnan(f) && !isinf(f)) {
        char *dot = strpbrk(buf, ".eE%");
        uint32_t int_len = dot ? (uint32_t)(dot - buf) : (uint32_t)strlen(buf);
        group_digits(&body, buf, int_len, sp->grouping);
        sb_adds(&body, buf + int_len);
    } else {
        sb_adds(&body, buf);
    }
    if (body.oom) {
        sb_free(&body);
        return vm_raise_oom(vm);
    }
    pad(sb, sp, body.data, body.len, sign_len, '>');
    sb_free(&body);
    return true;
}

bool fmt_format(VM *vm, StrBuf *sb, Value v, const char *spec, uint32_t speclen)
{
    Spec sp;
    if (!parse_spec(vm, spec, speclen, &sp))
        return false;
    if (v.type == T_BOOL && speclen == 0) {
        /* format(True, '') is 'True'; with any spec it formats as an int */
        pad(sb, &sp, v.u.i ? "True" : "False", v.u.i ? 4 : 5, 0, '<');
        return true;
    }
    if (v_is_intlike(v)) {
        if (sp.type && strchr("eEfFgG%", sp.type))
            return format_float(vm, sb, (float)v.u.i, &sp);
        if (sp.precision >= 0)
            return vm_raise(vm, EXC_ValueError, "Precision not allowed in integer format specifier");
        return format_int(vm, sb, v.u.i, &sp);
    }
    if (v.type == T_FLOAT) {
        if (sp.type && strchr("dxXobc", sp.type))
            return vm_raise(vm, EXC_ValueError, "Unknown format code '%c' for object of type 'float'", sp.type);
        return format_float(vm, sb, v.u.f, &sp);
    }
    StrBuf text;
    sb_init(&text);
    bool ok = fmt_str(vm, &text, v);
    if (ok && v.type != T_STR && speclen > 0) {
        sb_free(&text);
        return vm_raise(vm, EXC_TypeError, "unsupported format string passed to %s.__format__", type_name(v));
    }
    if (ok && sp.type && sp.type != 's') {
        sb_free(&text);
        return vm_raise(vm, EXC_ValueError, "Unknown format code '%c' for object of type 'str'", sp.type);
    }
    if (ok) {
        uint32_t len = text.len;
        if (sp.precision >= 0) { /* precision truncates strings (in characters) */
            uint32_t chars = 0, i = 0;
            for (; i < len; i++) {
                if (((unsigned char)text.data[i] & 0xc0) != 0x80) {
                    if ((int)chars == sp.precision)
                        break;
                    chars++;
                }
            }
            len = i;
        }
        pad(sb, &sp, text.data ? text.data : "", len, 0, '<');
    }
    sb_free(&text);
    return ok;
}

/* ---- str.format --------------------------------------------------------------------- */

static bool str_format_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *fmt = AS(Str, args[0]);
    const char *s = fmt->data;
    uint32_t n = fmt->len, i = 0;
    int auto_index = 0;
    bool manual = false, automatic = false;
    StrBuf sb;
    sb_init(&sb);
    while (i < n) {
        char c = s[i];
        if (c == '}' ) {
            if (i + 1 < n && s[i + 1] == '}') {
                sb_addc(&sb, '}');
                i += 2;
                continue;
            }
            sb_free(&sb);
            return vm_raise(vm, EXC_ValueError, "Single '}' encountered in format string");
        }
        if (c != '{') {
            sb_addc(&sb, c);
            i++;
            continue;
        }
        if (i + 1 < n && s[i + 1] == '{') {
            sb_addc(&sb, '{');
            i += 2;
            continue;
        }
        /* {[index][!conv][:spec]} */
        uint32_t j = i + 1;
        int index = -1;
        if (j < n && s[j] >= '0' && s[j] <= '9') {
            index = 0;
            while (j < n && s[j] >= '0' && s[j] <= '9' && index < 100000)
                index = index * 10 + (s[j++] - '0');
        } else if (j < n && s[j] != '}' && s[j] != '!' && s[j] != ':') {
            sb_free(&sb);
            if (strchr(s + j, '}'))
                return vm_raise(vm, EXC_KeyError, "named fields are not supported by P4JIT");
            return vm_raise(vm, EXC_ValueError, "expected '}' before end of string");
        }
        char conv = 0;
        if (j < n && s[j] == '!') {
            if (j + 1 >= n) {
                sb_free(&sb);
                return vm_raise(vm, EXC_ValueError, "end of string while looking for conversion specifier");
            }
            conv = s[j + 1];
            j += 2;
        }
        uint32_t spec_start = j, spec_len = 0;
        if (j < n && s[j] == ':') {
            spec_start = j + 1;
            int depth = 1;
            for (j = j + 1; j < n; j++) {
                if (s[j] == '{')
                    depth++;
                else if (s[j] == '}' && --depth == 0)
                    break;
            }
            spec_len = j - spec_start;
        }
        if (j >= n || s[j] != '}') {
            sb_free(&sb);
            return vm_raise(vm, EXC_ValueError, "expected '}' before end of string");
        }
        if (index < 0) {
            if (manual) {
                sb_free(&sb);
                return vm_raise(vm, EXC_ValueError, "cannot switch from manual field specification to automatic field numbering");
            }
            automatic = true;
            index = auto_index++;
        } else {
            if (automatic) {
                sb_free(&sb);
                return vm_raise(vm, EXC_ValueError, "cannot switch from automatic field numbering to manual field specification");
            }
            manual = true;
        }
        if (index >= nargs - 1) {
            sb_free(&sb);
            return vm_raise(vm, EXC_IndexError, "Replacement index %d out of range for positional args tuple", index);
        }
        Value v = args[1 + index];
        bool ok = true;
        if (conv == 'r' || conv == 's') {
            StrBuf tmp;
            sb_init(&tmp);
            ok = conv == 'r' ? fmt_repr(vm, &tmp, v) : fmt_str(vm, &tmp, v);
            if (ok) {
                Str *t = sb_to_str(vm, &tmp);
                ok = t != NULL;
                if (ok)
                    ok = fmt_format(vm, &sb, v_obj(t), s + spec_start, spec_len);
            } else {
                sb_free(&tmp);
            }
        } else if (conv) {
            sb_free(&sb);
            return vm_raise(vm, EXC_ValueError, "Unknown conversion specifier %c", conv);
        } else {
            ok = fmt_format(vm, &sb, v, s + spec_start, spec_len);
        }
        if (!ok) {
            sb_free(&sb);
            return false;
        }
        i = j + 1;
    }
    Str *r = sb_to_str(vm, &sb);
    if (!r)
        return false;
    *out = v_obj(r);
    return true;
}
NATIVE(str_format_m, "format", str_format_fn, 1, -1);

/* format(value[, spec]) */
static bool format_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value spec = nargs == 2 ? args[1] : v_none();
    if (nargs == 2 && spec.type != T_STR)
        return vm_raise(vm, EXC_TypeError, "format() argument 2 must be str, not %s", type_name(spec));
    StrBuf sb;
    sb_init(&sb);
    bool ok = nargs == 2 ? fmt_format(vm, &sb, args[0], AS(Str, spec)->data, AS(Str, spec)->len)
                         : fmt_format(vm, &sb, args[0], "", 0);
    if (!ok) {
        sb_free(&sb);
        return false;
    }
    Str *r = sb_to_str(vm, &sb);
    if (!r)
        return false;
    *out = v_obj(r);
    return true;
}
NATIVE(bi_format, "format", format_fn, 1, 2);
