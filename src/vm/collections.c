/*
 * collections.c - the `collections` module: deque and OrderedDict.
 *
 * A deque is a list flagged LIST_DEQUE (obj.h) with its maxlen in hdr.aux,
 * so len, iteration, indexing, `in`, == and repr work as for lists; its own
 * methods (appendleft, popleft, rotate, ... and append/extend/insert that
 * respect maxlen) come first. The left end costs a move of the items: fine
 * for the queue lengths of a microcontroller program. OrderedDict is dict
 * (dicts keep insertion order); move_to_end and popitem(last=) are missing.
 * namedtuple makes tagged tuples (below).
 */
#include <string.h>

#include "vm/vm.h"
#include "vm/libobj.h"

#define NO_MAXLEN 0xffffu

static uint32_t maxlen_of(const List *l) { return l->hdr.aux; }

/* Drops items from the left (from_left) or the right until len <= maxlen. */
static void trim(List *l, bool from_left)
{
    uint32_t max = maxlen_of(l);
    if (max == NO_MAXLEN || l->len <= max)
        return;
    uint32_t extra = l->len - max;
    if (from_left)
        memmove(l->items, l->items + extra, (size_t)max * sizeof(Value));
    l->len = max;
}

static bool push_left(VM *vm, List *l, Value v)
{
    if (maxlen_of(l) == 0)
        return true;
    if (!list_append(vm, l, v)) /* grows the list; then shift right by one */
        return false;
    memmove(l->items + 1, l->items, (size_t)(l->len - 1) * sizeof(Value));
    l->items[0] = v;
    trim(l, false);
    return true;
}

static bool push_right(VM *vm, List *l, Value v)
{
    if (maxlen_of(l) == 0)
        return true;
    if (!list_append(vm, l, v))
        return false;
    trim(l, true);
    return true;
}

#define SELF(args) AS(List, (args)[0])

static bool m_append(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_none();
    return push_right(vm, SELF(args), args[1]);
}
static bool m_appendleft(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_none();
    return push_left(vm, SELF(args), args[1]);
}

static bool pop_end(VM *vm, Value *args, bool left, Value *out)
{
    List *l = SELF(args);
    if (l->len == 0)
        return vm_raise(vm, EXC_IndexError, "pop from an empty deque");
    if (left) {
        *out = l->items[0];
        memmove(l->items, l->items + 1, (size_t)(l->len - 1) * sizeof(Value));
    } else {
        *out = l->items[l->len - 1];
    }
    l->len--;
    return true;
}
static bool m_pop(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return pop_end(vm, args, false, out); }
static bool m_popleft(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return pop_end(vm, args, true, out); }

static bool extend(VM *vm, Value *args, bool left, Value *out)
{
    Value it, v;
    /* d.extend(d): iterate over a copy, as CPython does */
    Value src = args[1];
    if (src.u.obj == args[0].u.obj) {
        List *copy = list_new(vm, SELF(args)->len);
        if (!copy)
            return false;
        for (uint32_t i = 0; i < SELF(args)->len; i++)
            copy->items[i] = SELF(args)->items[i];
        copy->len = SELF(args)->len;
        src = v_obj(copy);
    }
    VM_ROOT(vm, src);
    bool ok = vm_getiter(vm, src, &it);
    if (ok) {
        VM_ROOT(vm, it);
        int r;
        while ((r = vm_iternext(vm, it, &v)) == 1 &&
               (ok = left ? push_left(vm, SELF(args), v) : push_right(vm, SELF(args), v)))
            ;
        ok = ok && r == 0;
        VM_UNROOT(vm, 1);
    }
    VM_UNROOT(vm, 1);
    *out = v_none();
    return ok;
}
static bool m_extend(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return extend(vm, args, false, out); }
static bool m_extendleft(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return extend(vm, args, true, out); }

static bool m_rotate(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    List *l = SELF(args);
    int32_t n = 1;
    if (nargs > 1) {
        if (!v_is_intlike(args[1]))
            return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[1]));
        n = args[1].u.i;
    }
    *out = v_none();
    if (l->len < 2)
        return true;
    int64_t k = ((int64_t)n % l->len + l->len) % l->len; /* to the right by k */
    for (int64_t s = 0; s < k; s++) { /* k moves of one: O(n*k), no scratch memory */
        Value last = l->items[l->len - 1];
        memmove(l->items + 1, l->items, (size_t)(l->len - 1) * sizeof(Value));
        l->items[0] = last;
    }
    return true;
}

static bool m_insert(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    List *l = SELF(args);
    if (maxlen_of(l) != NO_MAXLEN && l->len >= maxlen_of(l))
        return vm_raise(vm, EXC_IndexError, "deque already at its maximum size");
    if (!v_is_intlike(args[1]))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[1]));
    int64_t i = args[1].u.i, len = l->len;
    if (i < 0 && (i += len) < 0)
        i = 0;
    if (i > len)
        i = len;
    if (!list_append(vm, l, args[2]))
        return false;
    memmove(l->items + i + 1, l->items + i, (size_t)(len - i) * sizeof(Value));
    l->items[i] = args[2];
    *out = v_none();
    return true;
}

static bool m_copy(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    List *l = SELF(args), *c = list_new(vm, l->len);
    if (!c)
        return false;
    if (l->len)
        memcpy(c->items, l->items, (size_t)l->len * sizeof(Value));
    c->len = l->len;
    c->hdr.flags |= LIST_DEQUE;
    c->hdr.aux = l->hdr.aux;
    *out = v_obj(c);
    return true;
}

static NATIVE(deque_append, "append", m_append, 2, 2);
static NATIVE(deque_appendleft, "appendleft", m_appendleft, 2, 2);
static NATIVE(deque_pop, "pop", m_pop, 1, 1);
static NATIVE(deque_popleft, "popleft", m_popleft, 1, 1);
static NATIVE(deque_extend, "extend", m_extend, 2, 2);
static NATIVE(deque_extendleft, "extendleft", m_extendleft, 2, 2);
static NATIVE(deque_rotate, "rotate", m_rotate, 1, 2);
static NATIVE(deque_insert, "insert", m_insert, 3, 3);
static NATIVE(deque_copy, "copy", m_copy, 1, 1);

static const Native *const deque_list[] = {&deque_append, &deque_appendleft, &deque_pop, &deque_popleft,
                                           &deque_extend, &deque_extendleft, &deque_rotate, &deque_insert,
                                           &deque_copy};

/* The deque's own method for a name, or NULL (then the list's apply). */
const Native *deque_method(const Str *name)
{
    for (unsigned i = 0; i < sizeof deque_list / sizeof deque_list[0]; i++)
        if (strlen(deque_list[i]->name) == name->len && memcmp(deque_list[i]->name, name->data, name->len) == 0)
            return deque_list[i];
    return NULL;
}

/* deque.maxlen and the methods lists lack: 1 found, 0 raised, -1 none */
int deque_attr(VM *vm, Value obj, Str *name, Value *out)
{
    if (name->len == 6 && memcmp(name->data, "maxlen", 6) == 0) {
        uint32_t m = maxlen_of(AS(List, obj));
        *out = m == NO_MAXLEN ? v_none() : v_int((int32_t)m);
        return 1;
    }
    const Native *m = deque_method(name);
    if (!m)
        return -1;
    BoundMethod *b = boundmethod_new(vm, m, obj);
    if (!b)
        return 0;
    *out = v_obj(b);
    return 1;
}

/* deque(iterable=(), maxlen=None) */
static bool deque_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    static const char *const names[] = {"iterable", "maxlen", NULL};
    Value *found[2];
    int npos;
    if (!lib_kwargs(vm, args, nargs, kw, "deque", names, found, &npos))
        return false;
    if (npos > 2)
        return vm_raise(vm, EXC_TypeError, "deque() takes at most 2 arguments (%d given)", npos);
    Value iterable = npos > 0 ? args[0] : found[0] ? *found[0] : v_none();
    Value maxlen = npos > 1 ? args[1] : found[1] ? *found[1] : v_none();
    uint32_t max = NO_MAXLEN;
    if (maxlen.type != T_NONE) {
        if (!v_is_intlike(maxlen))
            return vm_raise(vm, EXC_TypeError, "an integer is required");
        if (maxlen.u.i < 0)
            return vm_raise(vm, EXC_ValueError, "maxlen must be non-negative");
        if (maxlen.u.i >= (int32_t)NO_MAXLEN)
            return vm_raise(vm, EXC_ValueError, "maxlen above %u is not supported by P4JIT", NO_MAXLEN - 1);
        max = (uint32_t)maxlen.u.i;
    }
    List *l = list_new(vm, 0);
    if (!l)
        return false;
    l->hdr.flags |= LIST_DEQUE;
    l->hdr.aux = (uint16_t)max;
    *out = v_obj(l);
    if (iterable.type == T_NONE)
        return true;
    VM_ROOT(vm, *out);
    Value ext[2] = {*out, iterable}, ignored;
    bool ok = extend(vm, ext, false, &ignored);
    VM_UNROOT(vm, 1);
    return ok;
}
NATIVE_WITH_KW(bi_deque, "deque", deque_fn, 0, 3);

/* ---- namedtuple ------------------------------------------------------------------ */

/* A namedtuple instance is a tuple whose hdr.aux is 1 + the index of its
 * class in the per-VM list "collections.namedtuple" (libstate): each class
 * there is the tuple (typename, field names). Everything a tuple does it
 * does; attributes name its items and repr shows them. The class is a
 * bound method of nt_new with the class tuple as self. */

static bool make_registry(VM *vm, Value *out)
{
    List *l = list_new(vm, 0);
    if (!l)
        return false;
    *out = v_obj(l);
    return true;
}

static bool registry(VM *vm, List **out)
{
    Value v;
    if (!libstate_get(vm, "collections.namedtuple", make_registry, &v))
        return false;
    *out = AS(List, v);
    return true;
}

/* the class tuple of a namedtuple instance, or NULL */
static Tuple *class_of(VM *vm, Value v)
{
    if (v.type != T_TUPLE || v.u.obj->aux == 0 || !vm->libstate)
        return NULL;
    List *reg;
    if (!registry(vm, &reg) || v.u.obj->aux > reg->len) {
        vm->exc = v_unbound();
        return NULL;
    }
    return AS(Tuple, reg->items[v.u.obj->aux - 1]);
}

int namedtuple_attr(VM *vm, Value obj, Str *name, Value *out)
{
    Tuple *cls = class_of(vm, obj);
    if (!cls)
        return -1;
    Tuple *fields = AS(Tuple, cls->items[1]);
    for (uint32_t i = 0; i < fields->len && i < AS(Tuple, obj)->len; i++)
        if (str_equal(AS(Str, fields->items[i]), name)) {
            *out = AS(Tuple, obj)->items[i];
            return 1;
        }
    return -1;
}

bool namedtuple_repr(VM *vm, StrBuf *sb, Value v, bool *done)
{
    Tuple *cls = class_of(vm, v);
    *done = cls != NULL;
    if (!cls)
        return true;
    Tuple *t = AS(Tuple, v), *fields = AS(Tuple, cls->items[1]);
    sb_add(sb, AS(Str, cls->items[0])->data, AS(Str, cls->items[0])->len);
    sb_addc(sb, '(');
    for (uint32_t i = 0; i < t->len; i++) {
        if (i)
            sb_adds(sb, ", ");
        sb_add(sb, AS(Str, fields->items[i])->data, AS(Str, fields->items[i])->len);
        sb_addc(sb, '=');
        if (!fmt_repr(vm, sb, t->items[i]))
            return false;
    }
    sb_addc(sb, ')');
    return true;
}

/* Point(1, 2) / Point(x=1, y=2): args[0] is (typename, fields, index) */
static bool nt_new(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Tuple *cls = AS(Tuple, args[0]), *fields = AS(Tuple, cls->items[1]);
    const char *tname = AS(Str, cls->items[0])->data;
    int nkw = kw ? (int)kw->len : 0, npos = nargs - 1 - nkw;
    if ((uint32_t)npos > fields->len)
        return vm_raise(vm, EXC_TypeError, "%s.__new__() takes %lu positional arguments but %d were given", tname,
                        (unsigned long)fields->len + 1, npos + 1);
    Tuple *t = tuple_new(vm, fields->len);
    if (!t)
        return false;
    for (uint32_t i = 0; i < fields->len; i++)
        t->items[i] = v_unbound();
    for (int i = 0; i < npos; i++)
        t->items[i] = args[1 + i];
    for (int k = 0; k < nkw; k++) {
        uint32_t i = 0;
        while (i < fields->len && !str_equal(AS(Str, fields->items[i]), AS(Str, kw->items[k])))
            i++;
        if (i == fields->len)
            return vm_raise(vm, EXC_TypeError, "%s.__new__() got an unexpected keyword argument '%s'", tname,
                            AS(Str, kw->items[k])->data);
        if (t->items[i].type != T_UNBOUND)
            return vm_raise(vm, EXC_TypeError, "%s.__new__() got multiple values for argument '%s'", tname,
                            AS(Str, kw->items[k])->data);
        t->items[i] = args[1 + npos + k];
    }
    for (uint32_t i = 0; i < fields->len; i++)
        if (t->items[i].type == T_UNBOUND) {
            for (uint32_t j = 0; j < fields->len; j++)
                t->items[j] = v_none(); /* a valid tuple for the collector */
            return vm_raise(vm, EXC_TypeError, "%s.__new__() missing required argument: '%s'", tname,
                            AS(Str, fields->items[i])->data);
        }
    t->hdr.aux = (uint16_t)cls->items[2].u.i;
    *out = v_obj(t);
    return true;
}
static const Native nt_new_native = {{0, T_NATIVE, NATIVE_KW, 0}, "namedtuple", nt_new, 1, -1};

static bool valid_field(const Str *s)
{
    if (s->len == 0 || (s->data[0] >= '0' && s->data[0] <= '9') || s->data[0] == '_')
        return false;
    for (uint32_t i = 0; i < s->len; i++) {
        char c = s->data[i];
        if (!((c | 32) >= 'a' && (c | 32) <= 'z') && !(c >= '0' && c <= '9') && c != '_' && (unsigned char)c < 0x80)
            return false;
    }
    return true;
}

/* namedtuple(typename, field_names): names as a list/tuple of str or one str
 * separated by commas and whitespace */
static bool namedtuple_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (kw && kw->len)
        return vm_raise(vm, EXC_TypeError, "namedtuple() keyword arguments are not supported by P4JIT");
    if (args[0].type != T_STR)
        return vm_raise(vm, EXC_TypeError, "namedtuple() typename must be str, not %s", type_name(args[0]));
    List *names = list_new(vm, 0);
    if (!names)
        return false;
    VM_ROOT(vm, v_obj(names));
    bool ok = true;
    if (args[1].type == T_STR) {
        Str *s = AS(Str, args[1]);
        for (uint32_t i = 0; i < s->len && ok;) {
            while (i < s->len && (s->data[i] == ',' || s->data[i] == ' ' || (s->data[i] >= '\t' && s->data[i] <= '\r')))
                i++;
            uint32_t j = i;
            while (j < s->len && !(s->data[j] == ',' || s->data[j] == ' ' || (s->data[j] >= '\t' && s->data[j] <= '\r')))
                j++;
            if (j > i) {
                Str *f = str_new(vm, s->data + i, j - i);
                ok = f && list_append(vm, names, v_obj(f));
            }
            i = j;
        }
    } else {
        ok = list_extend(vm, names, args[1]);
    }
    for (uint32_t i = 0; ok && i < names->len; i++) {
        if (names->items[i].type != T_STR) {
            ok = vm_raise(vm, EXC_TypeError, "Type names and field names must be strings");
            break;
        }
        if (AS(Str, names->items[i])->data[0] == '_')
            ok = vm_raise(vm, EXC_ValueError, "Field names cannot start with an underscore: '%s'",
                          AS(Str, names->items[i])->data);
        else if (!valid_field(AS(Str, names->items[i])))
            ok = vm_raise(vm, EXC_ValueError, "Type names and field names must be valid identifiers: '%s'",
                          AS(Str, names->items[i])->data);
        for (uint32_t j = 0; ok && j < i; j++)
            if (str_equal(AS(Str, names->items[i]), AS(Str, names->items[j])))
                ok = vm_raise(vm, EXC_ValueError, "Encountered duplicate field name: '%s'",
                              AS(Str, names->items[i])->data);
    }
    List *reg = NULL;
    ok = ok && registry(vm, &reg);
    if (ok && reg->len >= 0xfffe)
        ok = vm_raise(vm, EXC_MemoryError, "too many namedtuple classes");
    Tuple *cls = ok ? tuple_new(vm, 3) : NULL;
    ok = cls != NULL;
    if (ok) {
        VM_ROOT(vm, v_obj(cls));
        cls->items[0] = args[0];
        Tuple *fields = tuple_new(vm, names->len);
        ok = fields != NULL;
        if (ok) {
            for (uint32_t i = 0; i < names->len; i++)
                fields->items[i] = names->items[i];
            cls->items[1] = v_obj(fields);
            cls->items[2] = v_int((int32_t)reg->len + 1);
            ok = list_append(vm, reg, v_obj(cls));
        }
        BoundMethod *b = ok ? boundmethod_new(vm, &nt_new_native, v_obj(cls)) : NULL;
        ok = b != NULL;
        if (ok)
            *out = v_obj(b);
        VM_UNROOT(vm, 1);
    }
    VM_UNROOT(vm, 1);
    return ok;
}
static NATIVE_WITH_KW(collections_namedtuple, "namedtuple", namedtuple_fn, 2, 2);
static Value get_namedtuple(void) { return v_obj((void *)&collections_namedtuple); }

static Value get_deque(void) { return v_obj((void *)&type_deque); }
static Value get_ordered_dict(void) { return v_obj((void *)&type_dict); }

static const ModuleAttr collections_attrs[] = {
    {"deque", get_deque},
    {"OrderedDict", get_ordered_dict},
    {"namedtuple", get_namedtuple},
};

const Module module_collections = {{0, T_MODULE, 0, 0}, "collections", collections_attrs,
                                   sizeof collections_attrs / sizeof collections_attrs[0]};

