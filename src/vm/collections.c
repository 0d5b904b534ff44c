/*
 * collections.c - the `collections` module: deque and OrderedDict.
 *
 * A deque is a list flagged LIST_DEQUE (obj.h) with its maxlen in hdr.aux,
 * so len, iteration, indexing, `in`, == and repr work as for lists; its own
 * methods (appendleft, popleft, rotate, ... and append/extend/insert that
 * respect maxlen) come first. The left end costs a move of the items: fine
 * for the queue lengths of a microcontroller program. OrderedDict,
 * defaultdict and Counter are dict subclasses in Python
 * (lib/std/_collections_py.py).
 * namedtuple forwards to lib/std/_namedtuple.py (below).
 */
#include <string.h>

#include "vm/vm.h"
#include "vm/libobj.h"
#include "vm/class.h"
#include "vm/long.h"

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

static bool is_deque(Value v) { return v.type == T_LIST && (v.u.obj->flags & LIST_DEQUE); }

/* n of `deque * n`: -1 when n is no count (the caller's errors apply). */
static int count_of(VM *vm, Value *n, int32_t *count)
{
    if (n->type == T_INSTANCE && !class_index(vm, n))
        return 0;
    int64_t wide;
    if (n->type == T_LONG && long_to_i64(*n, &wide) && wide < 0) { /* CPython's ssize_t holds it */
        *count = 0;
        return 1;
    }
    if (!v_is_intlike(*n))
        return -1;
    *count = n->u.i;
    return 1;
}

/* The operators on deques, as CPython: + and * make a deque with the left
 * one's maxlen, += and *= change the deque itself, and maxlen keeps the
 * rightmost items; a deque and a list do not concatenate. (As a flagged
 * list, a deque would otherwise get the list's operators: a plain list, no
 * maxlen.) */
int deque_binary_op(VM *vm, unsigned op, Value a, Value b, Value *out)
{
    if (!is_deque(a) && !is_deque(b))
        return -1;
    Value seq = a, n = b;
    int32_t count;
    switch (op) {
    case OP_INPLACE_ADD:
    case OP_BINARY_ADD:
        if (op == OP_INPLACE_ADD && !is_deque(a))
            return -1; /* list += deque: extends the list */
        if (!is_deque(a) || (op == OP_BINARY_ADD && !is_deque(b))) {
            if (a.type != T_LIST)
                return -1; /* instance + deque: its own methods decided already */
            const char *left = is_deque(a) ? "deque" : type_name(a); /* CPython's words */
            return vm_raise(vm, EXC_TypeError, "can only concatenate %s (not \"%s\") to %s", left, type_name(b), left), 0;
        }
        if (op == OP_BINARY_ADD) {
            Value self[1] = {a};
            if (!m_copy(vm, self, 1, NULL, &seq))
                return 0;
        }
        VM_ROOT(vm, seq);
        Value ext[2] = {seq, b}, ignored;
        bool ok = extend(vm, ext, false, &ignored);
        VM_UNROOT(vm, 1);
        *out = seq;
        return ok;
    case OP_BINARY_MUL:
    case OP_INPLACE_MUL: {
        if (!is_deque(a)) { /* n * deque, and n *= deque: a new deque */
            seq = b;
            n = a;
            op = OP_BINARY_MUL;
        }
        if (!is_deque(seq))
            return -1;
        int r = count_of(vm, &n, &count);
        if (r <= 0)
            return r;
        if (op == OP_BINARY_MUL) {
            VM_ROOT(vm, n);
            Value self[1] = {seq};
            bool copied = m_copy(vm, self, 1, NULL, &seq);
            VM_UNROOT(vm, 1);
            if (!copied)
                return 0;
        }
        uint32_t max = maxlen_of(AS(List, seq)), len = AS(List, seq)->len;
        if (max != NO_MAXLEN && len && count > (int32_t)(max / len + 1))
            count = (int32_t)(max / len + 1); /* the rightmost maxlen items are the same: no huge copy */
        VM_ROOT(vm, seq);
        bool ok = list_inplace_repeat(vm, AS(List, seq), count);
        VM_UNROOT(vm, 1);
        if (!ok)
            return 0;
        trim(AS(List, seq), true);
        *out = seq;
        return 1;
    }
    default:
        return -1;
    }
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

/* namedtuple is written in Python (lib/std/_namedtuple.py, frozen into the
 * runtime): it makes a real subclass of tuple, which a program can subclass
 * in turn. This forwards the call, naming the caller's module (CPython's
 * `module=` argument) so that the class reads __main__.Point, not
 * _namedtuple.Point. */
static bool caller_module(VM *vm, Value *out)
{
    const Program *p = vm->nframes ? vm->frames[vm->nframes - 1].code->program : vm->program;
    const char *name = "__main__";
    for (uint32_t i = 0; p != vm->program && vm->modules && i < vm->modules->len; i++) {
        PyModule *m = AS(PyModule, vm->modules->items[i]);
        if (m->program == p)
            name = m->name;
    }
    Str *s = str_from_cstr(vm, name);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}

static bool namedtuple_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int nkw = kw ? (int)kw->len : 0;
    bool has_module = false;
    for (int k = 0; k < nkw; k++)
        has_module |= strcmp(AS(Str, kw->items[k])->data, "module") == 0;
    Value fn;
    if (!lib_py_attr(vm, "_namedtuple", "namedtuple", &fn))
        return false;
    VM_ROOT(vm, fn);
    bool ok;
    if (has_module) {
        ok = vm_call(vm, fn, args, nargs, kw, out);
        VM_UNROOT(vm, 1);
        return ok;
    }
    /* the same arguments and module=<the caller's module> */
    Tuple *names = tuple_new(vm, (uint32_t)nkw + 1);
    Tuple *argv = names ? (VM_ROOT(vm, v_obj(names)), tuple_new(vm, (uint32_t)nargs + 1)) : NULL;
    ok = argv != NULL;
    if (ok) {
        VM_ROOT(vm, v_obj(argv));
        memcpy(argv->items, args, (size_t)nargs * sizeof(Value));
        for (int k = 0; k < nkw; k++)
            names->items[k] = kw->items[k];
        Str *key = str_from_cstr(vm, "module");
        if (key)
            names->items[nkw] = v_obj(key); /* (names keeps it alive) */
        ok = key != NULL && caller_module(vm, &argv->items[nargs]) &&
             vm_call(vm, fn, argv->items, nargs + 1, names, out);
        VM_UNROOT(vm, 1);
    }
    if (names)
        VM_UNROOT(vm, 1);
    VM_UNROOT(vm, 1);
    return ok;
}
static NATIVE_WITH_KW(collections_namedtuple, "namedtuple", namedtuple_fn, 2, 2);
static Value get_namedtuple(void) { return v_obj((void *)&collections_namedtuple); }

static Value get_deque(void) { return v_obj((void *)&type_deque); }

/* OrderedDict, defaultdict and Counter are dict subclasses written in
 * Python (lib/std/_collections_py.py, frozen): attributes computed at run
 * time from that module, by the getter's own name. */
#define PY_CLASS(cname)                                                                   \
    static bool cname##_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)          \
    {                                                                                     \
        return lib_py_attr(vm, "_collections_py", #cname, out);                          \
    }                                                                                     \
    static const Native cname##_getter = {{0, T_NATIVE, NATIVE_GETTER, 0}, #cname, cname##_fn, 0, 0}; \
    static Value get_##cname(void) { return v_obj((void *)&cname##_getter); }
PY_CLASS(OrderedDict)
PY_CLASS(defaultdict)
PY_CLASS(Counter)

static const ModuleAttr collections_attrs[] = {
    {"deque", get_deque},
    {"OrderedDict", get_OrderedDict},
    {"defaultdict", get_defaultdict},
    {"Counter", get_Counter},
    {"namedtuple", get_namedtuple},
};

const Module module_collections = {{0, T_MODULE, 0, 0}, "collections", collections_attrs,
                                   sizeof collections_attrs / sizeof collections_attrs[0]};

