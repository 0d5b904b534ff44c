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

#include "vm/unicode_data.h"
#include "vm/gen.h"
#include "vm/set.h"
#include "vm/complex.h"
#include "vm/coro.h"
#include "vm/memview.h"
#include "vm/long.h"
#include "vm/vm.h"
#include "vm/class.h"
#include "vm/libobj.h"
#include "vm/itertools.h"

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

/* quote_single: escape ' even between double quotes (CPython's bytearray repr) */
static void repr_text_quoted(StrBuf *sb, const char *d, uint32_t len, bool bytes, bool quote_single)
{
    bool has_single = len && memchr(d, '\'', len), has_double = len && memchr(d, '"', len);
    char q = has_single && !has_double ? '"' : '\'';
    if (bytes)
        sb_addc(sb, 'b');
    sb_addc(sb, q);
    for (uint32_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)d[i];
        char buf[16];
        if (c == (unsigned char)q || c == '\\' || (quote_single && c == '\'')) {
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
        } else if (c >= 0x80) { /* a str's non-ASCII character: shown unless not printable */
            uint32_t n = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4, cp = c & (0x7fu >> n);
            if (i + n > len)
                n = len - i;
            for (uint32_t k = 1; k < n; k++)
                cp = cp << 6 | ((unsigned char)d[i + k] & 0x3fu);
            if (unicode_printable(cp)) {
                sb_add(sb, d + i, n);
            } else {
                snprintf(buf, sizeof buf, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x", (unsigned)cp);
                sb_adds(sb, buf);
            }
            i += n - 1;
        } else {
            sb_addc(sb, (char)c);
        }
    }
    sb_addc(sb, q);
}

static void repr_text(StrBuf *sb, const char *d, uint32_t len, bool bytes) { repr_text_quoted(sb, d, len, bytes, false); }

/* ---- repr and str of everything ----------------------------------------------------- */

const char *type_name(Value v)
{
    switch ((Type)v.type) {
    case T_NONE:        return "NoneType";
    case T_BOOL:        return "bool";
    case T_INT:
    case T_LONG:        return "int";
    case T_FLOAT:       return "float";
    case T_COMPLEX:     return "complex";
    case T_MEMVIEW:     return "memoryview";
    case T_STR:         return "str";
    case T_BYTES:       return "bytes";
    case T_BYTEARRAY:   return "bytearray";
    case T_TUPLE:       return "tuple";
    case T_LIST:        return v.u.obj->flags & LIST_DEQUE ? "collections.deque" : "list";
    case T_DICT:        return "dict";
    case T_DICTVIEW: {
        static const char *const names[] = {"dict_keys", "dict_values", "dict_items"};
        return names[AS(DictView, v)->hdr.aux % 3];
    }
    case T_RANGE:       return "range";
    case T_SLICE:       return "slice";
    case T_ARRAY:       return "array.array";
    case T_FUNCTION:    return "function";
    case T_ELLIPSIS:    return "ellipsis";
    case T_NATIVE:      return "builtin_function_or_method";
    case T_BOUNDMETHOD: return AS(BoundMethod, v)->method ? "builtin_function_or_method" : "method";
    case T_MODULE:      return "module";
    case T_FILE:        return file_type_name(v);
    case T_LIBOBJ:      return libobj_type_name(AS(LibObj, v));
    case T_TYPE:        return type_of(v)->name; /* type, or the class's metaclass */
    case T_SET:         return "set";
    case T_FROZENSET:   return "frozenset";
    case T_GEN:         return gen_is_coroutine(AS(Gen, v)) ? "coroutine" : "generator";
    case T_EXCEPTION:   return AS(Exception, v)->cls->name;
    case T_INSTANCE:    return AS(Instance, v)->cls ? AS(Instance, v)->cls->t.name : "object";
    case T_DESCR:       return descr_type_name(v);
    case T_ITER: {
        static const char *const names[] = {"range_iterator", "iterator", "dict_keyiterator",
                                            "reversed", "enumerate", "zip", "set_iterator", "map", "filter",
                                            "callable_iterator"};
        Iter *it = AS(Iter, v);
        if (it->hdr.aux == ITER_ITERTOOL)
            return itertools_type_of(it)->name;
        if (it->hdr.aux == ITER_DICT) {
            static const char *const dict_names[] = {"dict_keyiterator", "dict_valueiterator", "dict_itemiterator",
                                                     "dict_reversekeyiterator", "dict_reversevalueiterator",
                                                     "dict_reverseitemiterator"};
            return dict_names[(it->aux2 & ~ITER_DICT_REVERSED) % 3 + (it->aux2 & ITER_DICT_REVERSED ? 3 : 0)];
        }
        bool deque = it->src.type == T_LIST && (it->src.u.obj->flags & LIST_DEQUE);
        if (it->hdr.aux == ITER_REVERSED && it->src.type == T_LIST)
            return deque ? "_deque_reverse_iterator" : "list_reverseiterator";
        if (it->hdr.aux == ITER_REVERSED && it->src.type == T_RANGE) /* (CPython's reversed(range) is a range's iterator) */
            return "range_iterator";
        if (it->hdr.aux == ITER_SEQ) {
            switch ((Type)it->src.type) {
            case T_LIST:  return deque ? "_deque_iterator" : "list_iterator";
            case T_TUPLE: return "tuple_iterator";
            case T_STR:   return it->src.u.obj->flags & STR_ASCII ? "str_ascii_iterator" : "str_iterator";
            case T_BYTES: return "bytes_iterator";
            case T_BYTEARRAY: return "bytearray_iterator";
            case T_MEMVIEW: return "memory_iterator";
            case T_INSTANCE: return "iterator"; /* over __getitem__ */
            default:      return "arrayiterator";
            }
        }
        return names[it->hdr.aux % (sizeof names / sizeof names[0])];
    }
    default:            return "object";
    }
}

static bool repr_value(VM *vm, StrBuf *sb, Value v);
static bool repr_namespace(VM *vm, StrBuf *sb, const Dict *d);

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

/* <PREFIXname object at 0x...>, the repr of objects with no repr of their own */
static bool object_at(StrBuf *sb, const char *prefix, Value v)
{
    sb_addc(sb, '<');
    sb_adds(sb, prefix);
    sb_adds(sb, type_name(v));
    sb_adds(sb, " object");
    fake_address(sb, v.u.obj);
    sb_addc(sb, '>');
    return true;
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
        if (v.u.obj->flags & LIST_DEQUE)
            sb_adds(sb, "deque(");
        sb_addc(sb, '[');
        ok = repr_items(vm, sb, v);
        sb_addc(sb, ']');
        if (v.u.obj->flags & LIST_DEQUE) {
            if (v.u.obj->aux != 0xffffu) {
                char m[24];
                snprintf(m, sizeof m, ", maxlen=%u", (unsigned)v.u.obj->aux);
                sb_adds(sb, m);
            }
            sb_addc(sb, ')');
        }
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
    case T_SET:
    case T_FROZENSET: /* set(), {1, 2}, frozenset(), frozenset({1, 2}) */
        if (AS(Set, v)->used == 0) {
            sb_adds(sb, type_name(v));
            sb_adds(sb, "()");
            break;
        }
        if (v.type == T_FROZENSET)
            sb_adds(sb, "frozenset(");
        sb_addc(sb, '{');
        ok = set_repr_items(vm, sb, AS(Set, v));
        sb_addc(sb, '}');
        if (v.type == T_FROZENSET)
            sb_addc(sb, ')');
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
    case T_ELLIPSIS: sb_adds(sb, "Ellipsis"); return true;
    case T_BOOL:  sb_adds(sb, v.u.i ? "True" : "False"); return true;
    case T_INT:   fmt_int(sb, v.u.i); return true;
    case T_LONG:
        if (long_decimal_too_long(v))
            return vm_raise(vm, EXC_ValueError, "Exceeds the limit (%d digits) for integer string conversion; "
                            "use sys.set_int_max_str_digits() to increase the limit", LONG_MAX_STR_DIGITS);
        if (long_is_neg(v))
            sb_addc(sb, '-');
        long_digits(sb, v, 10);
        return true;
    case T_FLOAT: fmt_float(sb, v.u.f); return true;
    case T_COMPLEX: complex_repr(sb, v); return true;
    case T_MEMVIEW:
        sb_adds(sb, v.u.obj->flags & MEMVIEW_RELEASED ? "<released memory" : "<memory"); /* as CPython */
        fake_address(sb, v.u.obj);
        sb_addc(sb, '>');
        return true;
    case T_STR:   repr_text(sb, AS(Str, v)->data, AS(Str, v)->len, false); return true;
    case T_BYTES: repr_text(sb, AS(Str, v)->data, AS(Str, v)->len, true); return true;
    case T_LIST:
    case T_TUPLE:
    case T_DICT:
    case T_DICTVIEW:
    case T_SET:
    case T_FROZENSET:
        return repr_container(vm, sb, v);
    case T_GEN:
        sb_adds(sb, gen_is_coroutine(AS(Gen, v)) ? "<coroutine object " : "<generator object ");
        sb_add(sb, gen_name(AS(Gen, v))->data, gen_name(AS(Gen, v))->len);
        fake_address(sb, v.u.obj);
        sb_addc(sb, '>');
        return true;
    case T_BYTEARRAY:
        sb_adds(sb, "bytearray(");
        repr_text_quoted(sb, (const char *)AS(Array, v)->data, AS(Array, v)->len, true, true);
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
        sb_add(sb, AS(Function, v)->code->qualname->data, AS(Function, v)->code->qualname->len);
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
        if (!b->method) {
            sb_adds(sb, "<bound method ");
            if (b->func.type == T_FUNCTION) { /* CPython names the function by its qualified name */
                const Str *q = AS(Function, b->func)->code->qualname;
                sb_add(sb, q->data, q->len);
            } else if (type_of(b->self)) {
                sb_adds(sb, b->self.type == T_TYPE ? AS(TypeObj, b->self)->name : type_of(b->self)->name);
            }
            sb_adds(sb, " of ");
            if (!repr_value(vm, sb, b->self))
                return false;
            sb_addc(sb, '>');
            return true;
        }
        const TypeObj *owner;
        const Native *unbound = type_unbound_method(b, &owner);
        if (unbound) { /* list.append, int.__add__: CPython's method descriptors and slot wrappers */
            sb_adds(sb, unbound->name[0] == '_' && unbound->name[1] == '_' ? "<slot wrapper '" : "<method '");
            sb_adds(sb, unbound->name);
            sb_adds(sb, "' of '");
            sb_adds(sb, owner->name);
            sb_adds(sb, "' objects>");
            return true;
        }
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
        if (type_is_user(t)) {
            bool done = false; /* a metaclass's __repr__ */
            if (AS(Class, v)->meta && !class_repr(vm, sb, v, false, &done))
                return false;
            if (!done)
                class_repr_type(sb, t);
            return true;
        }
        sb_adds(sb, "<class '");
        if (t == &type_array)
            sb_adds(sb, "array.");
        else if (strncmp(t->name, "_deque", 6) == 0) /* its iterators (vm/itertypes.c) */
            sb_adds(sb, "_collections.");
        else if (t->value_type == T_FILE || t == &type_StringIO)
            sb_adds(sb, "_io.");
        sb_adds(sb, t->name);
        sb_adds(sb, "'>");
        return true;
    }
    case T_INSTANCE: {
        bool done;
        if (!vm_recursion_enter(vm, "while getting the repr of an object"))
            return false;
        bool ok = class_repr(vm, sb, v, false, &done);
        vm_recursion_leave(vm);
        return ok;
    }
    case T_DESCR:
        if (v.u.obj->aux == DESCR_NOTIMPLEMENTED) {
            sb_adds(sb, "NotImplemented");
            return true;
        }
        if (v.u.obj->aux == DESCR_SUPER && AS(Descr, v)->a.type == T_TYPE) { /* CPython's bare type names */
            Value obj = AS(Descr, v)->b;
            sb_adds(sb, "<super: <class '");
            sb_adds(sb, AS(TypeObj, AS(Descr, v)->a)->name);
            sb_adds(sb, "'>, <");
            sb_adds(sb, obj.type == T_TYPE ? AS(TypeObj, obj)->name : type_name(obj));
            sb_adds(sb, " object>>");
            return true;
        }
        return object_at(sb, "", v);
    case T_EXCEPTION: {
        Exception *e = AS(Exception, v);
        if (type_is_user(e->cls)) {
            bool done;
            if (!class_repr(vm, sb, v, false, &done))
                return false;
            if (done)
                return true;
        }
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
    case T_LIBOBJ:
        if (v.u.obj->aux == LIB_NAMESPACE) /* sys.implementation: namespace(name='p4jit', ...) */
            return repr_namespace(vm, sb, AS(Dict, AS(LibObj, v)->slots[0]));
        if (v.u.obj->aux == LIB_OPGETTER) /* operator.itemgetter(1) */
            return operator_getter_repr(vm, sb, v);
        break;
    case T_ITER:
        if (v.u.obj->aux == ITER_ITERTOOL) { /* itertools.count(3), repeat('a', 2) */
            int r = itertools_repr(vm, sb, AS(Iter, v));
            if (r >= 0)
                return r;
            return object_at(sb, "itertools.", v); /* the others, as CPython's */
        }
        break;
    default:
        break;
    }
    return object_at(sb, "", v);
}

bool fmt_repr(VM *vm, StrBuf *sb, Value v) { return repr_value(vm, sb, v); }

/* A SimpleNamespace as CPython prints one: its names in the order set. */
static bool repr_namespace(VM *vm, StrBuf *sb, const Dict *d)
{
    sb_adds(sb, "namespace(");
    bool first = true;
    for (uint32_t i = 0; i < d->used; i++) {
        if (d->entries[i].key.type != T_STR)
            continue;
        if (!first)
            sb_adds(sb, ", ");
        first = false;
        sb_add(sb, AS(Str, d->entries[i].key)->data, AS(Str, d->entries[i].key)->len);
        sb_addc(sb, '=');
        if (!repr_value(vm, sb, d->entries[i].value))
            return false;
    }
    sb_addc(sb, ')');
    return true;
}

bool fmt_str(VM *vm, StrBuf *sb, Value v)
{
    if (v.type == T_STR) {
        sb_add(sb, AS(Str, v)->data, AS(Str, v)->len);
        return true;
    }
    if (v.type == T_INSTANCE || (v.type == T_EXCEPTION && type_is_user(AS(Exception, v)->cls)) ||
        (v.type == T_TYPE && user_class_of(v))) {
        bool done;
        if (!vm_recursion_enter(vm, "while getting the str of an object"))
            return false;
        bool ok = class_repr(vm, sb, v, true, &done);
        vm_recursion_leave(vm);
        if (!ok || done)
            return ok;
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
        if (e->args->len <= 5 && exc_matches(e, &exc_types[EXC_OSError])) { /* [Errno 2] text: 'file' */
            sb_adds(sb, "[Errno ");
            bool ok = fmt_str(vm, sb, e->args->items[0]);
            sb_adds(sb, "] ");
            ok = ok && fmt_str(vm, sb, e->args->items[1]);
            /* the filenames: attributes once the constructor moved them out of args */
            Value file = e->args->len >= 3 ? e->args->items[2] : exc_attr(e, "filename");
            Value file2 = e->args->len >= 5 ? e->args->items[4] : exc_attr(e, "filename2");
            if (ok && file.type != T_UNBOUND && file.type != T_NONE) {
                sb_adds(sb, ": ");
                ok = repr_value(vm, sb, file);
                if (ok && file2.type != T_UNBOUND && file2.type != T_NONE) {
                    sb_adds(sb, " -> ");
                    ok = repr_value(vm, sb, file2);
                }
            }
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
    char fill[5];     /* one character, UTF-8, NUL-terminated */
    char align;       /* < > = ^, after defaults */
    char sign, type, grouping;
    bool alternate;   /* '#' */
    bool coerce_zero; /* 'z': -0.0 prints as 0.0 */
    int group_size;   /* 3, or 4 for '_' with b o x X */
    int width, precision;
    uint32_t type_cp; /* the type character as written, for messages */
} Spec;

/* The type character in a message as CPython shows it: itself when
 * printable ASCII (DEL too), else \x and its hex code. */
static const char *type_text(const Spec *sp, char buf[16])
{
    if (sp->type_cp > ' ' && sp->type_cp <= 0x7f)
        snprintf(buf, 16, "%c", (char)sp->type_cp);
    else
        snprintf(buf, 16, "\\x%x", (unsigned)sp->type_cp);
    return buf;
}

static bool unknown_code(VM *vm, const Spec *sp, const char *kind)
{
    char t[16];
    return vm_raise(vm, EXC_ValueError, "Unknown format code '%s' for object of type '%s'", type_text(sp, t), kind);
}

static uint32_t utf8_char_len(unsigned char lead)
{
    return lead < 0xc0 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
}

static bool is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Parses [[fill]align][sign][z][#][0][width][grouping][.precision][type] as
 * CPython does for an object of class `kind`. default_type and default_align
 * are the class's ('d' and '>' for int, 0 and '>' for float, 's' and '<' for
 * str); a '0' before the width sets the fill (and '=' alignment for numbers)
 * unless they were given. */
static bool parse_spec(VM *vm, const char *s, uint32_t n, const char *kind, char default_type,
                       char default_align, Spec *sp)
{
    memset(sp, 0, sizeof *sp);
    sp->fill[0] = ' ';
    sp->precision = -1;
    sp->group_size = 3;
    uint32_t i = 0;
    bool fill_given = false;
    uint32_t fl = n ? utf8_char_len((unsigned char)s[0]) : 0;
    if (fl < n && is_align(s[fl])) {
        memcpy(sp->fill, s, fl);
        sp->align = s[fl];
        fill_given = true;
        i = fl + 1;
    } else if (n >= 1 && is_align(s[0])) {
        sp->align = s[0];
        i = 1;
    }
    if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' '))
        sp->sign = s[i++];
    if (i < n && s[i] == 'z') {
        sp->coerce_zero = true;
        i++;
    }
    if (i < n && s[i] == '#') {
        sp->alternate = true;
        i++;
    }
    if (i < n && s[i] == '0' && !fill_given) {
        strcpy(sp->fill, "0");
        if (!sp->align && default_align == '>')
            sp->align = '=';
        i++;
    }
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        sp->width = sp->width * 10 + (s[i++] - '0');
        if (sp->width > 100000)
            return vm_raise(vm, EXC_ValueError, "Too many decimal digits in format string");
    }
    if (i < n && (s[i] == ',' || s[i] == '_')) {
        sp->grouping = s[i++];
        if (i < n && (s[i] == ',' || s[i] == '_')) {
            if (s[i] == sp->grouping)
                return vm_raise(vm, EXC_ValueError, "Cannot specify '%c' with '%c'.", s[i], s[i]);
            return vm_raise(vm, EXC_ValueError, "Cannot specify both ',' and '_'.");
        }
    }
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
    /* what is left must be one character: the type */
    uint32_t tl = i < n ? utf8_char_len((unsigned char)s[i]) : 0;
    if (n - i > tl || i + tl > n)
        return vm_raise(vm, EXC_ValueError, "Invalid format specifier '%.*s' for object of type '%s'",
                        (int)(n > 200 ? 200 : n), s, kind);
    sp->type = default_type;
    sp->type_cp = (unsigned char)default_type;
    if (i < n) {
        uint32_t cp = (unsigned char)s[i] & (tl == 1 ? 0xffu : 0x7fu >> tl);
        for (uint32_t k = 1; k < tl; k++)
            cp = cp << 6 | ((unsigned char)s[i + k] & 0x3fu);
        sp->type_cp = cp;
        /* a character that is no type letter: 1 matches no case below */
        sp->type = cp > ' ' && cp < 0x7f ? s[i] : 1;
    }
    if (sp->grouping) {
        switch (sp->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'F': case 'G': case '%': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (sp->grouping == '_') { /* PEP 515: every four digits in these bases */
                sp->group_size = 4;
                break;
            }
            /* fall through */
        default: {
            char t[16];
            return vm_raise(vm, EXC_ValueError, "Cannot specify '%c' with '%s'.", sp->grouping, type_text(sp, t));
        }
        }
    }
    if (!sp->align)
        sp->align = default_align;
    return true;
}

/* Appends the digits with separators every group_size. When the spec pads
 * with '0' after the sign, the padding zeros are digits too and are grouped
 * (CPython: format(1234, '08,') is '0,001,234'); min_len is then the length
 * the grouped digits must reach. */
static void add_grouped(StrBuf *out, const char *digits, uint32_t n, const Spec *sp, uint32_t min_len)
{
    if (!sp->grouping) {
        sb_add(out, digits, n);
        return;
    }
    uint32_t g = (uint32_t)sp->group_size, total = n;
    while (total + (total - 1) / g < min_len)
        total++;
    for (uint32_t k = 0; k < total; k++) {
        if (k > 0 && (total - k) % g == 0)
            sb_addc(out, sp->grouping);
        sb_addc(out, k < total - n ? '0' : digits[k - (total - n)]);
    }
}

/* The length grouped digits must reach so that zero padding is grouped too
 * (see add_grouped); 0 when the spec does not pad with zeros after the sign. */
static uint32_t grouped_min_len(const Spec *sp, uint32_t sign_len, uint32_t tail_len)
{
    if (!sp->grouping || sp->align != '=' || strcmp(sp->fill, "0") != 0)
        return 0;
    int64_t m = (int64_t)sp->width - sign_len - tail_len;
    return m > 0 ? (uint32_t)m : 0;
}

/* Pads body (already signed) to the spec's width. sign_len: bytes of body
 * that are the sign/prefix, after which '=' alignment pads. */
static void pad(StrBuf *sb, const Spec *sp, const char *body, uint32_t len, uint32_t sign_len)
{
    uint32_t chars = 0;
    for (uint32_t i = 0; i < len; i++)
        chars += ((unsigned char)body[i] & 0xc0) != 0x80;
    uint32_t padding = sp->width > (int)chars ? (uint32_t)sp->width - chars : 0;
    char align = sp->align;
    uint32_t left = align == '<' ? 0 : align == '^' ? padding / 2 : padding;
    uint32_t right = padding - left;
    if (align == '=') {
        sb_add(sb, body, sign_len);
        for (uint32_t i = 0; i < padding; i++)
            sb_adds(sb, sp->fill);
        sb_add(sb, body + sign_len, len - sign_len);
        return;
    }
    for (uint32_t i = 0; i < left; i++)
        sb_adds(sb, sp->fill);
    sb_add(sb, body, len);
    for (uint32_t i = 0; i < right; i++)
        sb_adds(sb, sp->fill);
}

static void add_utf8(StrBuf *sb, uint32_t cp)
{
    char u[4];
    uint32_t n;
    if (cp < 0x80) { u[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { u[0] = (char)(0xc0 | cp >> 6); u[1] = (char)(0x80 | (cp & 0x3f)); n = 2; }
    else if (cp < 0x10000) { u[0] = (char)(0xe0 | cp >> 12); u[1] = (char)(0x80 | ((cp >> 6) & 0x3f)); u[2] = (char)(0x80 | (cp & 0x3f)); n = 3; }
    else { u[0] = (char)(0xf0 | cp >> 18); u[1] = (char)(0x80 | ((cp >> 12) & 0x3f)); u[2] = (char)(0x80 | ((cp >> 6) & 0x3f)); u[3] = (char)(0x80 | (cp & 0x3f)); n = 4; }
    sb_add(sb, u, n);
}

/* format() of an int of any size (T_INT, T_BOOL or T_LONG) */
static bool format_int(VM *vm, StrBuf *sb, Value iv, const Spec *sp)
{
    const char *prefix = "";
    bool neg = long_is_neg(iv);
    int base = 10;
    if (sp->precision >= 0)
        return vm_raise(vm, EXC_ValueError, "Precision not allowed in integer format specifier");
    if (sp->coerce_zero)
        return vm_raise(vm, EXC_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
    switch (sp->type) {
    case 'd': case 'n': break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'b': base = 2; prefix = "0b"; break;
    case 'c': {
        if (sp->sign)
            return vm_raise(vm, EXC_ValueError, "Sign not allowed with integer format specifier 'c'");
        if (sp->alternate)
            return vm_raise(vm, EXC_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
        if (iv.type == T_LONG || iv.u.i < 0 || iv.u.i > 0x10ffff)
            return vm_raise(vm, EXC_OverflowError, "%%c arg not in range(0x110000)");
        int32_t v = iv.u.i;
        StrBuf ch;
        sb_init(&ch);
        add_utf8(&ch, (uint32_t)v);
        if (ch.oom) {
            sb_free(&ch);
            return vm_raise_oom(vm);
        }
        pad(sb, sp, ch.data, ch.len, 0);
        sb_free(&ch);
        return true;
    }
    default:
        return unknown_code(vm, sp, "int");
    }
    if (base == 10 && long_decimal_too_long(iv))
        return vm_raise(vm, EXC_ValueError, "Exceeds the limit (%d digits) for integer string conversion; "
                        "use sys.set_int_max_str_digits() to increase the limit", LONG_MAX_STR_DIGITS);
    StrBuf digits;
    sb_init(&digits);
    long_digits(&digits, iv, base);
    if (sp->type == 'X')
        for (uint32_t i = 0; i < digits.len; i++)
            if (digits.data[i] >= 'a')
                digits.data[i] = (char)(digits.data[i] - 'a' + 'A');
    if (digits.oom) {
        sb_free(&digits);
        return vm_raise_oom(vm);
    }
    uint32_t n = digits.len;
    StrBuf body;
    sb_init(&body);
    if (neg)
        sb_addc(&body, '-');
    else if (sp->sign == '+' || sp->sign == ' ')
        sb_addc(&body, sp->sign);
    if (sp->alternate)
        sb_adds(&body, prefix);
    uint32_t sign_len = body.len;
    add_grouped(&body, digits.data, n, sp, grouped_min_len(sp, sign_len, 0));
    sb_free(&digits);
    if (body.oom) {
        sb_free(&body);
        return vm_raise_oom(vm);
    }
    pad(sb, sp, body.data, body.len, sign_len);
    sb_free(&body);
    return true;
}

/* 'g' and the no-type-with-precision form for a finite ax >= 0: p significant
 * digits, exponent notation when the decimal exponent is < -4 or >= p
 * (>= p - 1 for the no-type form, which always shows a fractional part);
 * trailing zeros go unless `alt`. */
static void format_general(StrBuf *out, double ax, int p, bool upper, bool alt, bool add_dot_0)
{
    char digits[1100];
    int nd = p, decpt = 1;
    if (ax == 0.0) {
        memset(digits, '0', (size_t)p);
    } else {
        char tmp[1200];
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, ax); /* d.ddd...e+XX */
        nd = 0;
        char *q = tmp;
        for (; *q && *q != 'e'; q++)
            if (*q >= '0' && *q <= '9')
                digits[nd++] = *q;
        decpt = atoi(q + 1) + 1;
    }
    bool use_exp = decpt <= -4 || decpt > p - (add_dot_0 ? 1 : 0);
    if (!alt)
        while (nd > 1 && digits[nd - 1] == '0')
            nd--;
    if (use_exp) {
        sb_addc(out, digits[0]);
        if (nd > 1 || alt)
            sb_addc(out, '.');
        sb_add(out, digits + 1, (uint32_t)(nd - 1));
        char e[16];
        snprintf(e, sizeof e, "%c%c%02d", upper ? 'E' : 'e', decpt - 1 < 0 ? '-' : '+', abs(decpt - 1));
        sb_adds(out, e);
        return;
    }
    if (decpt <= 0) {
        sb_adds(out, "0.");
        for (int i = 0; i < -decpt; i++)
            sb_addc(out, '0');
        sb_add(out, digits, (uint32_t)nd);
        return;
    }
    if (nd <= decpt) {
        sb_add(out, digits, (uint32_t)nd);
        for (int i = nd; i < decpt; i++)
            sb_addc(out, '0');
        if (alt)
            sb_addc(out, '.');
        else if (add_dot_0)
            sb_adds(out, ".0");
        return;
    }
    sb_add(out, digits, (uint32_t)decpt);
    sb_addc(out, '.');
    sb_add(out, digits + decpt, (uint32_t)(nd - decpt));
}

/* "%.*f" of a finite x. picolibc (the firmware's C library) rounds a value
 * whose first significant digit lies right of the last one printed twice,
 * to one significant digit and then to prec places: 0.49 printed "%.0f"
 * gave "1", 0.049 "%.1f" "0.1" (round() and '%' formats too). Such a value
 * prints as zero or one unit in the last place, decided here exactly (x
 * times 10**prec is exact in a double for a float32 x and prec <= 12; the
 * one exact tie, 0.5 at prec 0, goes to the even 0). */
void fmt_fixed(char *buf, size_t size, double x, int prec)
{
    snprintf(buf, size, "%.*f", prec, x);
    if (prec > 12 || !(fabs(x) < pow(10.0, -prec)))
        return;
    bool one = fabs(x) * pow(10.0, prec) > 0.5;
    size_t len = strlen(buf);
    for (size_t i = 0; i < len; i++)
        if (buf[i] >= '0' && buf[i] <= '9')
            buf[i] = '0';
    if (one && len > 0)
        buf[len - 1] = '1';
}

/* The text of a finite ax >= 0 without sign (the caller checked the type). */
static void float_text(StrBuf *out, double ax, const Spec *sp)
{
    int prec = sp->precision;
    char buf[1200];
    switch (sp->type) {
    case 0:
        if (prec < 0) {
            fmt_float(out, (float)ax);
            return;
        }
        format_general(out, ax, prec == 0 ? 1 : prec, false, sp->alternate, true);
        return;
    case 'g': case 'G': case 'n':
        format_general(out, ax, prec < 0 ? 6 : prec == 0 ? 1 : prec, sp->type == 'G', sp->alternate, false);
        return;
    case 'f': case 'F': case '%':
        fmt_fixed(buf, sizeof buf, sp->type == '%' ? ax * 100.0 : ax, prec < 0 ? 6 : prec);
        sb_adds(out, buf);
        if (sp->alternate && prec == 0)
            sb_addc(out, '.');
        if (sp->type == '%')
            sb_addc(out, '%');
        return;
    case 'e': case 'E': {
        snprintf(buf, sizeof buf, sp->type == 'e' ? "%.*e" : "%.*E", prec < 0 ? 6 : prec, ax);
        char *e = strpbrk(buf, "eE");
        if (sp->alternate && prec == 0 && e) {
            sb_add(out, buf, (uint32_t)(e - buf));
            sb_addc(out, '.');
            sb_adds(out, e);
        } else {
            sb_adds(out, buf);
        }
        return;
    }
    default:
        return;
    }
}

static bool format_float(VM *vm, StrBuf *sb, float f, const Spec *sp)
{
    StrBuf text;
    sb_init(&text);
    bool finite = !isnan(f) && !isinf(f);
    if (finite) {
        float_text(&text, fabs((double)f), sp);
    } else {
        bool upper = sp->type == 'E' || sp->type == 'F' || sp->type == 'G';
        sb_adds(&text, isnan(f) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        if (sp->type == '%')
            sb_addc(&text, '%');
    }
    if (text.oom) {
        sb_free(&text);
        return vm_raise_oom(vm);
    }
    bool neg = signbit(f) && !isnan(f);
    if (neg && finite && sp->coerce_zero) { /* 'z': a result that rounded to zero loses its sign */
        bool zero = true;
        for (const char *q = text.data; *q && *q != 'e' && *q != 'E' && zero; q++)
            zero = !(*q >= '1' && *q <= '9');
        neg = !zero;
    }
    StrBuf body;
    sb_init(&body);
    if (neg)
        sb_addc(&body, '-');
    else if (sp->sign == '+' || sp->sign == ' ')
        sb_addc(&body, sp->sign);
    uint32_t sign_len = body.len;
    if (sp->grouping && finite) {
        uint32_t int_len = (uint32_t)strspn(text.data, "0123456789");
        uint32_t tail_len = text.len - int_len;
        add_grouped(&body, text.data, int_len, sp, grouped_min_len(sp, sign_len, tail_len));
        sb_add(&body, text.data + int_len, tail_len);
    } else {
        sb_add(&body, text.data, text.len);
    }
    sb_free(&text);
    if (body.oom) {
        sb_free(&body);
        return vm_raise_oom(vm);
    }
    pad(sb, sp, body.data, body.len, sign_len);
    sb_free(&body);
    return true;
}

static bool format_text(VM *vm, StrBuf *sb, const char *data, uint32_t len, const Spec *sp)
{
    if (sp->type != 's')
        return unknown_code(vm, sp, "str");
    if (sp->sign)
        return vm_raise(vm, EXC_ValueError, sp->sign == ' ' ? "Space not allowed in string format specifier"
                                                            : "Sign not allowed in string format specifier");
    if (sp->coerce_zero)
        return vm_raise(vm, EXC_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
    if (sp->alternate)
        return vm_raise(vm, EXC_ValueError, "Alternate form (#) not allowed in string format specifier");
    if (sp->align == '=')
        return vm_raise(vm, EXC_ValueError, "'=' alignment not allowed in string format specifier");
    if (sp->precision >= 0) { /* precision truncates strings (in characters) */
        uint32_t chars = 0, i = 0;
        for (; i < len; i++) {
            if (((unsigned char)data[i] & 0xc0) != 0x80) {
                if ((int)chars == sp->precision)
                    break;
                chars++;
            }
        }
        len = i;
    }
    pad(sb, sp, data, len, 0);
    return true;
}

/* format() of a complex: with a type, each part as a float (the imaginary
 * one always signed) and 'j', without parentheses; without one, its str.
 * Padded as a whole. */
static bool format_complex(VM *vm, StrBuf *sb, Value v, const Spec *sp)
{
    if (sp->type && !strchr("eEfFgGn", sp->type))
        return unknown_code(vm, sp, "complex");
    StrBuf body;
    sb_init(&body);
    Spec part = *sp;
    part.width = 0;
    bool ok = true;
    if (!sp->type) {
        complex_repr(&body, v);
    } else {
        ok = format_float(vm, &body, AS(Complex, v)->re, &part);
        part.sign = part.sign ? part.sign : '+';
        ok = ok && format_float(vm, &body, AS(Complex, v)->im, &part);
        sb_addc(&body, 'j');
    }
    if (ok && body.oom)
        ok = vm_raise_oom(vm);
    if (ok)
        pad(sb, sp, body.data, body.len, 0);
    sb_free(&body);
    return ok;
}

bool fmt_format(VM *vm, StrBuf *sb, Value v, const char *spec, uint32_t speclen)
{
    Spec sp;
    if (v.type == T_INSTANCE)
        return class_format(vm, sb, v, spec, speclen); /* __format__, else str() */
    if (v.type == T_BOOL && speclen == 0) { /* format(True, '') is 'True'; with a spec, an int */
        sb_adds(sb, v.u.i ? "True" : "False");
        return true;
    }
    if (v_is_anyint(v)) {
        if (!parse_spec(vm, spec, speclen, type_name(v), 'd', '>', &sp))
            return false;
        if (strchr("eEfFgG%", sp.type) && sp.type) {
            float f;
            if (!long_to_float(vm, v, &f))
                return false;
            return format_float(vm, sb, f, &sp);
        }
        if (sp.type && !strchr("bcdoxXn", sp.type))
            return unknown_code(vm, &sp, type_name(v));
        return format_int(vm, sb, v, &sp);
    }
    if (v.type == T_FLOAT) {
        if (!parse_spec(vm, spec, speclen, "float", 0, '>', &sp))
            return false;
        if (sp.type && !strchr("eEfFgGn%", sp.type))
            return unknown_code(vm, &sp, "float");
        return format_float(vm, sb, v.u.f, &sp);
    }
    if (v.type == T_COMPLEX && speclen > 0)
        return parse_spec(vm, spec, speclen, "complex", 0, '>', &sp) && format_complex(vm, sb, v, &sp);
    if (v.type != T_STR && speclen > 0)
        return vm_raise(vm, EXC_TypeError, "unsupported format string passed to %s.__format__", type_name(v));
    if (v.type == T_STR) {
        if (!parse_spec(vm, spec, speclen, "str", 's', '<', &sp))
            return false;
        return format_text(vm, sb, AS(Str, v)->data, AS(Str, v)->len, &sp);
    }
    return fmt_str(vm, sb, v); /* format(x, '') is str(x) */
}

/* ---- str.format --------------------------------------------------------------------- */

/* Field numbering shared by a format string and the fields nested in its specs. */
typedef struct FieldNumbering {
    int auto_index;
    bool manual, automatic;
} FieldNumbering;

/* Appends s[0..n) with its replacement fields {[index][!conv][:spec]} filled
 * from args[1..nargs). A spec may itself contain fields ('{:{}}'), filled
 * first, one level deep as in CPython. */
/* The accessors of a field, `.name` and `[key]` (key: digits for an int,
 * else a str), applied to *v in place (*v is rooted). */
static bool field_access(VM *vm, const char *s, uint32_t n, Value *v)
{
    uint32_t i = 0;
    while (i < n) {
        bool attr = s[i] == '.';
        uint32_t start = ++i;
        while (i < n && (attr ? s[i] != '.' && s[i] != '[' : s[i] != ']'))
            i++;
        uint32_t len = i - start;
        if (!attr)
            i++; /* the ']' */
        if (len == 0)
            return vm_raise(vm, EXC_ValueError, "Empty attribute in format string");
        bool digits = !attr;
        for (uint32_t k = start; k < start + len && digits; k++)
            digits = s[k] >= '0' && s[k] <= '9';
        if (digits && len < 9) {
            int32_t key = 0;
            for (uint32_t k = start; k < start + len; k++)
                key = key * 10 + (s[k] - '0');
            if (!vm_getitem(vm, *v, v_int(key), v))
                return false;
            continue;
        }
        Str *name = str_new(vm, s + start, len);
        if (!name)
            return false;
        name->hdr.aux = qid_lookup(name->data, name->len); /* attribute lookup is by qid */
        VM_ROOT(vm, v_obj(name));
        bool ok = attr ? vm_load_attr(vm, *v, name, v) : vm_getitem(vm, *v, v_obj(name), v);
        VM_UNROOT(vm, 1);
        if (!ok)
            return false;
    }
    return true;
}

static bool format_fields(VM *vm, StrBuf *sb, const char *s, uint32_t n, Value *args, int nargs, Tuple *kw,
                          FieldNumbering *num, int depth)
{
    if (depth > 2)
        return vm_raise(vm, EXC_ValueError, "Max string recursion exceeded");
    uint32_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c == '}') {
            if (i + 1 < n && s[i + 1] == '}') {
                sb_addc(sb, '}');
                i += 2;
                continue;
            }
            return vm_raise(vm, EXC_ValueError, "Single '}' encountered in format string");
        }
        if (c != '{') {
            sb_addc(sb, c);
            i++;
            continue;
        }
        if (i + 1 < n && s[i + 1] == '{') {
            sb_addc(sb, '{');
            i += 2;
            continue;
        }
        /* {[field][!conv][:spec]}; field: index or keyword name, then .attr and [key] */
        uint32_t j = i + 1;
        int index = -1;
        uint32_t name_start = j, name_len = 0;
        if (j < n && s[j] >= '0' && s[j] <= '9') {
            index = 0;
            while (j < n && s[j] >= '0' && s[j] <= '9' && index < 100000)
                index = index * 10 + (s[j++] - '0');
        } else {
            while (j < n && s[j] != '}' && s[j] != '!' && s[j] != ':' && s[j] != '.' && s[j] != '[' && s[j] != '{')
                j++;
            name_len = j - name_start;
        }
        uint32_t access_start = j;
        while (j < n && (s[j] == '.' || s[j] == '[')) { /* accessors, parsed again when used */
            if (s[j] == '[') {
                while (j < n && s[j] != ']')
                    j++;
                if (j >= n)
                    return vm_raise(vm, EXC_ValueError, "expected '}' before end of string");
                j++;
            } else {
                j++;
                while (j < n && s[j] != '}' && s[j] != '!' && s[j] != ':' && s[j] != '.' && s[j] != '[')
                    j++;
            }
        }
        uint32_t access_end = j;
        if (j < n && s[j] != '}' && s[j] != '!' && s[j] != ':')
            return vm_raise(vm, EXC_ValueError, "expected '}' before end of string");
        char conv = 0;
        if (j < n && s[j] == '!') {
            if (j + 1 >= n)
                return vm_raise(vm, EXC_ValueError, "end of string while looking for conversion specifier");
            conv = s[j + 1];
            j += 2;
        }
        uint32_t spec_start = j, spec_len = 0;
        bool nested = false;
        if (j < n && s[j] == ':') {
            spec_start = j + 1;
            int level = 1;
            for (j = j + 1; j < n; j++) {
                if (s[j] == '{') {
                    level++;
                    nested = true;
                } else if (s[j] == '}' && --level == 0) {
                    break;
                }
            }
            spec_len = j - spec_start;
        }
        if (j >= n || s[j] != '}')
            return vm_raise(vm, EXC_ValueError, "expected '}' before end of string");
        int nkw = kw ? (int)kw->len : 0, npos = nargs - nkw;
        Value v = v_unbound();
        if (name_len) { /* a keyword argument */
            for (int k = 0; k < nkw && v.type == T_UNBOUND; k++) {
                Str *kn = AS(Str, kw->items[k]);
                if (kn->len == name_len && memcmp(kn->data, s + name_start, name_len) == 0)
                    v = args[npos + k];
            }
            if (v.type == T_UNBOUND) {
                Str *key = str_new(vm, s + name_start, name_len);
                return key && vm_raise_value(vm, EXC_KeyError, v_obj(key));
            }
        } else if (index < 0) {
            if (num->manual)
                return vm_raise(vm, EXC_ValueError, "cannot switch from manual field specification to automatic field numbering");
            num->automatic = true;
            index = num->auto_index++;
        } else {
            if (num->automatic)
                return vm_raise(vm, EXC_ValueError, "cannot switch from automatic field numbering to manual field specification");
            num->manual = true;
        }
        if (!name_len && index >= npos - 1)
            return vm_raise(vm, EXC_IndexError, "Replacement index %d out of range for positional args tuple", index);
        if (!name_len)
            v = args[1 + index];
        VM_ROOT(vm, v); /* (what the accessors give is new) */
        if (!field_access(vm, s + access_start, access_end - access_start, &vm->roots[vm->nroots - 1])) {
            VM_UNROOT(vm, 1);
            return false;
        }
        v = vm->roots[vm->nroots - 1];
        if (conv && conv != 'r' && conv != 's' && conv != 'a')
            return vm_raise(vm, EXC_ValueError, "Unknown conversion specifier %c", conv);
        StrBuf spec;
        sb_init(&spec);
        const char *spec_text = s + spec_start;
        if (nested) {
            if (!format_fields(vm, &spec, s + spec_start, spec_len, args, nargs, kw, num, depth + 1)) {
                sb_free(&spec);
                VM_UNROOT(vm, 1);
                return false;
            }
            if (spec.oom) {
                sb_free(&spec);
                VM_UNROOT(vm, 1);
                return vm_raise_oom(vm);
            }
            spec_text = spec.data ? spec.data : "";
            spec_len = spec.len;
        }
        bool ok = true;
        if (conv) {
            StrBuf tmp;
            sb_init(&tmp);
            ok = conv == 'r' ? fmt_repr(vm, &tmp, v) : conv == 'a' ? add_ascii_repr(vm, &tmp, v) : fmt_str(vm, &tmp, v);
            if (ok) {
                Str *t = sb_to_str(vm, &tmp);
                ok = t != NULL && fmt_format(vm, sb, v_obj(t), spec_text, spec_len);
            } else {
                sb_free(&tmp);
            }
        } else {
            ok = fmt_format(vm, sb, v, spec_text, spec_len);
        }
        sb_free(&spec);
        VM_UNROOT(vm, 1);
        if (!ok)
            return false;
        i = j + 1;
    }
    return true;
}

static bool str_format_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *fmt = AS(Str, args[0]);
    FieldNumbering num = {0, false, false};
    StrBuf sb;
    sb_init(&sb);
    if (!format_fields(vm, &sb, fmt->data, fmt->len, args, nargs, kw, &num, 1)) {
        sb_free(&sb);
        return false;
    }
    Str *r = sb_to_str(vm, &sb);
    if (!r)
        return false;
    *out = v_obj(r);
    return true;
}
NATIVE_WITH_KW(str_format_m, "format", str_format_fn, 1, -1);

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
