/*
 * class.c - user classes: building them (C3 MRO), instances, attribute
 * lookup with descriptors, super(), and the special methods the runtime calls.
 *
 * Lookups are dict probes along the MRO (a Str key hashes once and caches its
 * hash), so obj.attr is one probe of the instance dict when the attribute is
 * there, and obj.method(...) via LOAD_METHOD allocates no bound method.
 * Special methods are looked up in the user classes only: when none defines
 * one, each hook tells its caller to fall back to the built-in behaviour.
 * Every call of Python code from here goes through vm_recursion_enter, since
 * it nests the interpreter in C.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/class.h"
#include "vm/memview.h"
#include "vm/set.h"
#include "vm/libobj.h"
#include "vm/long.h"

/* Set once any class's namespace gets a property after the class was
 * made; until then a class without properties in its MRO is known by
 * Class.t.hdr.aux (CLASS_NO_PROPERTIES), and attribute stores skip the
 * lookup for a setter. */
bool late_property; /* also read by compiled attribute stores (jit/build.c) */
#define CLASS_NO_PROPERTIES 1
/* Every class of the MRO (object aside) has __slots__: instances take only
 * the attributes those name (Class.t.hdr.aux). */
#define CLASS_SLOTS_ONLY 2

/* ---- names ------------------------------------------------------------------- */

/* Laid out as a Str (obj.h) with room for the longest special name; static,
 * so the collector ignores them; dict probes cache the hash in place. */
typedef struct StaticStr {
    Obj hdr;
    uint32_t len;
    uint32_t hash;
    char data[24];
} StaticStr;

static StaticStr special_strs[SN__COUNT] = {
#define P4_SN_STR(n) {{0, T_STR, STR_ASCII, QID_NONE}, sizeof #n - 1, 0, #n},
    P4_SPECIAL_NAMES(P4_SN_STR)
#undef P4_SN_STR
};

static Str *sname(enum SpecialName sn) { return (Str *)(void *)&special_strs[sn]; }
static Value snamev(enum SpecialName sn) { return v_obj(sname(sn)); }
static bool is_dunder(const Str *s) { return s->len > 4 && s->data[0] == '_' && s->data[1] == '_'; }
static bool name_is(const Str *s, enum SpecialName sn) { return str_equal(s, sname(sn)); }

const Descr not_implemented = {{0, T_DESCR, 0, DESCR_NOTIMPLEMENTED}, {0, {0}}, {0, {0}}, {0, {0}}};
static bool is_notimpl(Value v) { return v.type == T_DESCR && v.u.obj == (Obj *)&not_implemented; }

/* ---- namespace probes ------------------------------------------------------------ */

/* A dict probe for a str key (the dicts of classes and instances): the
 * key's cached hash, a pointer compare before a byte compare, no calls. The
 * probe sequence is dict.c's (linear over the index, -1 empty), and str keys
 * hash as vm_hash hashes them. A dict holding a key that is not a str falls
 * back to dict_get, which compares by Python's rules. */
static bool ns_get(VM *vm, Dict *d, Str *name, Value *out, bool *found)
{
    *found = false;
    if (d->mask == 0)
        return true;
    uint32_t h = str_hash(name);
    for (uint32_t i = h & d->mask;; i = (i + 1) & d->mask) {
        int32_t e = d->index[i];
        if (e < 0)
            return true;
        DictEntry *de = &d->entries[e];
        if (de->hash != h || de->key.type == T_UNBOUND)
            continue;
        if (de->key.type != T_STR)
            return dict_get(vm, d, v_obj(name), out, found);
        if (de->key.u.obj == &name->hdr || str_equal(AS(Str, de->key), name)) {
            *out = de->value;
            *found = true;
            return true;
        }
    }
}

/* ---- calling Python code from C ---------------------------------------------- */

static bool call_nested(VM *vm, Value fn, Value self, bool with_self, Value *args, int nargs, Value *out)
{
    if (!vm_recursion_enter(vm, NULL))
        return false;
    bool ok = with_self ? vm_call_method(vm, fn, self, args, nargs, NULL, out)
                        : vm_call(vm, fn, args, nargs, NULL, out);
    vm_recursion_leave(vm);
    return ok;
}

/* ---- MRO ------------------------------------------------------------------------ */

#define MAX_BASES 16
#define MAX_MRO 64

/* The MRO of any class as an array: a user class's tuple, or a built-in
 * class's base chain followed by object. */
static uint32_t mro_array(const TypeObj *t, const TypeObj **out)
{
    uint32_t n = 0;
    if (type_is_user(t)) {
        Tuple *m = ((const Class *)t)->mro;
        for (uint32_t i = 0; i < m->len && n < MAX_MRO; i++)
            out[n++] = AS(TypeObj, m->items[i]);
        return n;
    }
    for (const TypeObj *k = t; k && n < MAX_MRO - 1; k = k->base)
        out[n++] = k;
    if (t != &type_object)
        out[n++] = &type_object;
    return n;
}

bool type_is_subclass(const TypeObj *t, const TypeObj *cls)
{
    if (t == cls || cls == &type_object)
        return true;
    if (type_is_user(t)) {
        Tuple *m = ((const Class *)t)->mro;
        for (uint32_t i = 0; i < m->len; i++)
            if (m->items[i].u.obj == (const Obj *)cls)
                return true;
        return false;
    }
    for (const TypeObj *k = t; k; k = k->base)
        if (k == cls)
            return true;
    return false;
}

static bool mro_error(VM *vm, const TypeObj **seqs[], const uint32_t *len, const uint32_t *pos, int nseq)
{
    char msg[200] = "Cannot create a consistent method resolution\norder (MRO) for bases ";
    const TypeObj *seen[MAX_BASES + 1];
    int nseen = 0;
    for (int i = 0; i < nseq; i++) {
        if (pos[i] >= len[i])
            continue;
        const TypeObj *h = seqs[i][pos[i]];
        bool dup = false;
        for (int j = 0; j < nseen; j++)
            dup |= seen[j] == h;
        if (dup)
            continue;
        if (nseen)
            strncat(msg, ", ", sizeof msg - strlen(msg) - 1);
        strncat(msg, h->name, sizeof msg - strlen(msg) - 1);
        seen[nseen++] = h;
    }
    return vm_raise(vm, EXC_TypeError, "%s", msg);
}

/* C3 linearisation of the bases (the new class itself goes first later). */
static bool c3_merge(VM *vm, const TypeObj **bases, int nb, const TypeObj **out, uint32_t *nout)
{
    const TypeObj *store[MAX_BASES][MAX_MRO];
    const TypeObj **seqs[MAX_BASES + 1];
    uint32_t len[MAX_BASES + 1], pos[MAX_BASES + 1];
    for (int i = 0; i < nb; i++) {
        len[i] = mro_array(bases[i], store[i]);
        seqs[i] = store[i];
        pos[i] = 0;
    }
    seqs[nb] = bases;
    len[nb] = (uint32_t)nb;
    pos[nb] = 0;
    int nseq = nb + 1;
    uint32_t n = 0;
    for (;;) {
        bool empty = true, progressed = false;
        for (int i = 0; i < nseq && !progressed; i++) {
            if (pos[i] >= len[i])
                continue;
            empty = false;
            const TypeObj *h = seqs[i][pos[i]];
            bool in_tail = false;
            for (int j = 0; j < nseq && !in_tail; j++)
                for (uint32_t k = pos[j] + 1; k < len[j]; k++)
                    if (seqs[j][k] == h) {
                        in_tail = true;
                        break;
                    }
            if (in_tail)
                continue;
            if (n >= MAX_MRO - 1)
                return vm_raise(vm, EXC_TypeError, "P4JIT: class hierarchy deeper than %d classes", MAX_MRO - 1);
            out[n++] = h;
            for (int j = 0; j < nseq; j++)
                if (pos[j] < len[j] && seqs[j][pos[j]] == h)
                    pos[j]++;
            progressed = true;
        }
        if (empty)
            break;
        if (!progressed)
            return mro_error(vm, seqs, len, pos, nseq);
    }
    *nout = n;
    return true;
}

/* ---- lookups ---------------------------------------------------------------------- */

static bool object_init(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
static bool object_repr(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
static bool object_str(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
static bool object_eq(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
static bool object_ne(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
static bool object_hash(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
static bool exc_init(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
static bool exc_str(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
static bool exc_repr(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
static NATIVE(object_init_m, "__init__", object_init, 1, -1);
static bool native_init(VM *vm, Value *args, int nargs, Tuple *kw, Value *out);
static NATIVE_WITH_KW(native_init_m, "__init__", native_init, 1, -1);
static NATIVE(object_repr_m, "__repr__", object_repr, 1, 1);
static NATIVE(object_str_m, "__str__", object_str, 1, 1);
static NATIVE(object_eq_m, "__eq__", object_eq, 2, 2);
static NATIVE(object_ne_m, "__ne__", object_ne, 2, 2);
static NATIVE(object_hash_m, "__hash__", object_hash, 1, 1);

static bool instance_alloc(VM *vm, Class *c, Value *args, int npos, Value *self);

/* object.__new__(cls): an instance of cls with nothing set; what a class's
 * own __new__ calls (super().__new__(cls)). For a class derived from a
 * built-in type, its value comes from the other arguments. */
static bool object_dunder_new(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int npos = nargs - (kw ? (int)kw->len : 0);
    if (args[0].type != T_TYPE)
        return vm_raise(vm, EXC_TypeError, "object.__new__(X): X is not a type object (%s)", type_name(args[0]));
    if (!type_is_user(AS(TypeObj, args[0])) && AS(TypeObj, args[0]) != &type_object)
        return vm_raise(vm, EXC_TypeError, "object.__new__(%s) is not safe, use %s.__new__()", AS(TypeObj, args[0])->name,
                        AS(TypeObj, args[0])->name);
    if (!type_is_user(AS(TypeObj, args[0])))
        return vm_call(vm, args[0], NULL, 0, NULL, out);
    Class *c = AS(Class, args[0]);
    if (!c->native_base && c->t.value_type != T_EXCEPTION && npos > 1)
        return vm_raise(vm, EXC_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    if (!instance_alloc(vm, c, args + 1, npos - 1, out))
        return false;
    if (!c->native_base)
        return true;
    Value v;
    VM_ROOT(vm, *out);
    bool ok = vm_call(vm, v_obj((void *)c->native_base), args + 1, nargs - 1, kw, &v);
    VM_UNROOT(vm, 1);
    if (ok)
        AS(Instance, *out)->native = v;
    return ok;
}
static NATIVE_WITH_KW(object_new_m, "__new__", object_dunder_new, 1, -1);
static NATIVE(exc_init_m, "__init__", exc_init, 1, -1);
static NATIVE(exc_str_m, "__str__", exc_str, 1, 1);
static NATIVE(exc_repr_m, "__repr__", exc_repr, 1, 1);

typedef struct NamedNative {
    enum SpecialName sn;
    const Native *fn;
} NamedNative;
static const NamedNative object_natives[] = {
    {SN___init__, &object_init_m}, {SN___repr__, &object_repr_m}, {SN___str__, &object_str_m},
    {SN___eq__, &object_eq_m},     {SN___ne__, &object_ne_m},     {SN___hash__, &object_hash_m},
    {SN___new__, &object_new_m},
};
static const NamedNative exc_natives[] = {
    {SN___init__, &exc_init_m}, {SN___str__, &exc_str_m}, {SN___repr__, &exc_repr_m},
};

/* The built-in types a class may derive from: its instances then carry a
 * value of that type (Instance.native) that inherited behaviour works on. */
/* map, filter, zip, enumerate, reversed: their instances are iterators */
static bool is_iter_class(const TypeObj *t)
{
    return t == &type_map || t == &type_filter || t == &type_zip || t == &type_enumerate || t == &type_reversed;
}

static bool subclassable_builtin(const TypeObj *t)
{
    return t == &type_list || t == &type_dict || t == &type_tuple || t == &type_str || t == &type_int ||
           t == &type_float || t == &type_bytes || t == &type_bytearray || t == &type_set ||
           t == &type_frozenset || t == &type_array || t == &type_deque || is_iter_class(t) ||
           t == &type_type || t == &type_StringIO;
}

/* Immutable built-ins get their value from the constructor's arguments
 * (__new__), and so does array (its typecode is fixed at creation); mutable
 * ones start empty and __init__ fills them (StringIO too: its __init__ takes
 * the initial value, which a subclass's __init__ passes on or not). */
static bool immutable_builtin(const TypeObj *t)
{
    return t != &type_list && t != &type_dict && t != &type_bytearray && t != &type_set && t != &type_deque &&
           t != &type_StringIO;
}

/* The methods built-in classes offer to user code (object.__init__,
 * BaseException.__str__, ...). */
static bool builtin_class_method(const TypeObj *k, const Str *name, Value *out)
{
    const NamedNative *tab;
    size_t n;
    if (k == &type_object) {
        tab = object_natives;
        n = sizeof object_natives / sizeof object_natives[0];
    } else if (k == &exc_types[EXC_BaseException]) {
        tab = exc_natives;
        n = sizeof exc_natives / sizeof exc_natives[0];
    } else if (subclassable_builtin(k) && name_is(name, SN___init__)) {
        *out = v_obj((void *)&native_init_m); /* list.__init__, ...: super().__init__(items) */
        return true;
    } else {
        return false;
    }
    if (!is_dunder(name))
        return false;
    for (size_t i = 0; i < n; i++)
        if (name_is(name, tab[i].sn)) {
            *out = v_obj((void *)tab[i].fn);
            return true;
        }
    return false;
}

/* Looks name up along t's MRO starting at index `from`: the user classes'
 * dicts and, unless user_only, the built-in classes' methods. */
static bool mro_lookup_from(VM *vm, const TypeObj *t, uint32_t from, Value name, bool user_only,
                            Value *out, bool *found)
{
    *found = false;
    if (type_is_user(t)) { /* the common case, without copying the MRO */
        Tuple *m = ((const Class *)t)->mro;
        for (uint32_t i = from; i < m->len; i++) {
            const TypeObj *k = AS(TypeObj, m->items[i]);
            if (type_is_user(k)) {
                if (!ns_get(vm, ((const Class *)k)->dict, AS(Str, name), out, found))
                    return false;
                if (*found)
                    return true;
            } else if (!user_only && builtin_class_method(k, AS(Str, name), out)) {
                *found = true;
                return true;
            }
        }
        return true;
    }
    const TypeObj *mro[MAX_MRO];
    uint32_t n = mro_array(t, mro);
    for (uint32_t i = from; i < n && !user_only; i++) {
        if (builtin_class_method(mro[i], AS(Str, name), out)) {
            *found = true;
            return true;
        }
    }
    return true;
}

static bool mro_lookup(VM *vm, const TypeObj *t, Value name, bool user_only, Value *out, bool *found)
{
    return mro_lookup_from(vm, t, 0, name, user_only, out, found);
}

bool class_special(VM *vm, Value obj, enum SpecialName sn, Value *fn)
{
    Class *c = user_class_of(obj);
    bool found = false;
    if (c && !mro_lookup(vm, &c->t, snamev(sn), true, fn, &found))
        return false;
    if (!found)
        fn->type = T_UNBOUND;
    return true;
}

bool class_call_special(VM *vm, Value obj, enum SpecialName sn, Value *args, int nargs, Value *out,
                        bool *found)
{
    Value fn;
    *found = false;
    if (!class_special(vm, obj, sn, &fn))
        return false;
    if (fn.type == T_UNBOUND)
        return true;
    *found = true;
    if (fn.type == T_NONE)
        return vm_raise(vm, EXC_TypeError, "'%s' object is not callable", "NoneType");
    VM_ROOT(vm, fn);
    bool ok;
    if (fn.type == T_DESCR && fn.u.obj->aux == DESCR_STATICMETHOD)
        ok = call_nested(vm, AS(Descr, fn)->a, obj, false, args, nargs, out);
    else if (fn.type == T_DESCR && fn.u.obj->aux == DESCR_CLASSMETHOD)
        ok = call_nested(vm, AS(Descr, fn)->a, v_obj((void *)type_of(obj)), true, args, nargs, out);
    else
        ok = call_nested(vm, fn, obj, true, args, nargs, out);
    VM_UNROOT(vm, 1);
    return ok;
}

/* ---- building classes ------------------------------------------------------------- */

/* Is v a data descriptor: a property, or an instance of a class with
 * __set__ or __delete__? Those come before the instance's dict. */
static bool is_data_descriptor(VM *vm, Value v)
{
    if (v.type == T_DESCR)
        return v.u.obj->aux == DESCR_PROPERTY;
    if (v.type != T_INSTANCE)
        return false;
    Value fn;
    bool err = !class_special(vm, v, SN___set__, &fn); /* lookups of str keys in class dicts raise nothing */
    if (!err && fn.type == T_UNBOUND)
        err = !class_special(vm, v, SN___delete__, &fn);
    if (err) {
        vm->exc = v_unbound();
        return false;
    }
    return fn.type != T_UNBOUND;
}

/* __set_name__(owner, name) of each value of a new class's namespace that
 * has one (descriptors learning their attribute name), in definition order,
 * over a snapshot of the namespace (a hook may change it), as CPython does. */
static bool call_set_names(VM *vm, Class *c)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < c->dict->used; i++)
        n += c->dict->entries[i].key.type != T_UNBOUND && c->dict->entries[i].value.type == T_INSTANCE;
    if (n == 0)
        return true;
    Tuple *pairs = tuple_new(vm, 2 * n);
    if (!pairs)
        return false;
    for (uint32_t i = 0, k = 0; i < c->dict->used; i++) {
        DictEntry e = c->dict->entries[i];
        if (e.key.type != T_UNBOUND && e.value.type == T_INSTANCE) {
            pairs->items[k++] = e.key;
            pairs->items[k++] = e.value;
        }
    }
    VM_ROOT(vm, v_obj(pairs));
    bool ok = true;
    for (uint32_t k = 0; k < 2 * n && ok; k += 2) {
        Value args[2] = {v_obj(c), pairs->items[k]}, r;
        bool found;
        ok = class_call_special(vm, pairs->items[k + 1], SN___set_name__, args, 2, &r, &found);
    }
    VM_UNROOT(vm, 1);
    return ok;
}

static Str *module_name_of_caller(VM *vm)
{
    const Program *p = vm->nframes ? vm->frames[vm->nframes - 1].code->program : vm->program;
    if (p != vm->program && vm->modules) {
        for (uint32_t i = 0; i < vm->modules->len; i++) {
            PyModule *m = AS(PyModule, vm->modules->items[i]);
            if (m->program == p)
                return str_from_cstr(vm, m->name);
        }
    }
    return str_from_cstr(vm, "__main__");
}

bool class_build(VM *vm, Value name, Value *bases, int nbases, Value ns, Value *out)
{
    if (name.type != T_STR || ns.type != T_DICT)
        return vm_raise(vm, EXC_TypeError, "class body must give a namespace dict");
    if (nbases > MAX_BASES)
        return vm_raise(vm, EXC_TypeError, "P4JIT: a class may have at most %d bases", MAX_BASES);
    const TypeObj *bt[MAX_BASES];
    int nb = 0;
    for (int i = 0; i < nbases; i++) {
        if (bases[i].type != T_TYPE)
            return vm_raise(vm, EXC_TypeError, "bases must be types");
        const TypeObj *b = AS(TypeObj, bases[i]);
        if (b == &type_bool)
            return vm_raise(vm, EXC_TypeError, "type 'bool' is not an acceptable base type");
        if (!type_is_user(b) && b != &type_object && b->exc < 0 && !subclassable_builtin(b))
            return vm_raise(vm, EXC_TypeError, "P4JIT: cannot subclass the built-in type '%s'", b->name);
        for (int j = 0; j < nb; j++)
            if (bt[j] == b)
                return vm_raise(vm, EXC_TypeError, "duplicate base class %s", b->name);
        bt[nb++] = b;
    }
    bool implicit_object = nb == 0;
    if (implicit_object)
        bt[nb++] = &type_object;
    const TypeObj *mro[MAX_MRO];
    uint32_t nmro = 0; /* (set by c3_merge; gcc cannot tell once class_build grew) */
    if (!c3_merge(vm, bt, nb, mro, &nmro))
        return false;
    int exc = -1;
    for (uint32_t i = 0; i < nmro && exc < 0; i++)
        exc = mro[i]->exc;
    const TypeObj *native_base = NULL; /* one built-in layout at most, as in CPython */
    for (uint32_t i = 0; i < nmro; i++) {
        if (type_is_user(mro[i]) || !subclassable_builtin(mro[i]) || mro[i] == native_base)
            continue;
        if (native_base || exc >= 0)
            return vm_raise(vm, EXC_TypeError, "multiple bases have instance lay-out conflict");
        native_base = mro[i];
    }

    /* A class that defines __eq__ but not __hash__ has unhashable instances. */
    Dict *d = AS(Dict, ns);
    Value v;
    bool has_eq, has_hash;
    if (!dict_get(vm, d, snamev(SN___eq__), &v, &has_eq) || !dict_get(vm, d, snamev(SN___hash__), &v, &has_hash))
        return false;
    if (has_eq && !has_hash) {
        Str *k = str_new(vm, "__hash__", 8);
        if (!k)
            return false;
        VM_ROOT(vm, v_obj(k));
        bool ok = dict_set(vm, d, v_obj(k), v_none());
        VM_UNROOT(vm, 1);
        if (!ok)
            return false;
    }

    /* __new__ is a static method without the decorator, as in CPython */
    Value new_fn;
    bool has_new;
    if (!dict_get(vm, d, snamev(SN___new__), &new_fn, &has_new))
        return false;
    if (has_new && new_fn.type == T_FUNCTION) {
        Value sm;
        if (!vm_call(vm, v_obj((void *)&type_staticmethod), &new_fn, 1, NULL, &sm))
            return false;
        VM_ROOT(vm, sm);
        bool ok = dict_set(vm, d, snamev(SN___new__), sm);
        VM_UNROOT(vm, 1);
        if (!ok)
            return false;
    }

    Tuple *bt_tuple = tuple_new(vm, (uint32_t)nb);
    if (!bt_tuple)
        return false;
    for (int i = 0; i < nb; i++)
        bt_tuple->items[i] = v_obj((void *)bt[i]);
    VM_ROOT(vm, v_obj(bt_tuple));
    Tuple *mro_tuple = tuple_new(vm, nmro + 1);
    if (!mro_tuple) {
        VM_UNROOT(vm, 1);
        return false;
    }
    VM_ROOT(vm, v_obj(mro_tuple));
    /* __module__ given in the namespace (type(name, bases, ns), as
     * collections.namedtuple makes its classes) wins, as in CPython */
    Value given;
    bool has_module = false;
    Str *mkey = str_from_cstr(vm, "__module__");
    if (!mkey || !dict_get(vm, d, v_obj(mkey), &given, &has_module)) {
        VM_UNROOT(vm, 2);
        return false;
    }
    Str *module = has_module && given.type == T_STR ? AS(Str, given) : module_name_of_caller(vm);
    if (!module) {
        VM_UNROOT(vm, 2);
        return false;
    }
    VM_ROOT(vm, v_obj(module));
    /* __qualname__ bound by the body (a nested class) or given to type() is
     * the class's own, not an attribute in its dict, as in CPython */
    Value qualname = name;
    bool has_qualname = false;
    if (!dict_get(vm, d, v_obj(sname(SN___qualname__)), &qualname, &has_qualname)) {
        VM_UNROOT(vm, 3);
        return false;
    }
    if (has_qualname && qualname.type != T_STR) {
        VM_UNROOT(vm, 3);
        return vm_raise(vm, EXC_TypeError, "type __qualname__ must be a str, not %s", type_name(qualname));
    }
    VM_ROOT(vm, qualname);
    if (has_qualname && !dict_delete(vm, d, v_obj(sname(SN___qualname__)))) {
        VM_UNROOT(vm, 4);
        return false;
    }
    if (!has_qualname)
        qualname = name;
    Class *c = gc_alloc(vm, T_TYPE, sizeof(Class));
    VM_UNROOT(vm, 4);
    if (!c)
        return false;
    c->qualname = AS(Str, qualname);
    c->t.hdr.flags = TYPE_USER;
    c->name = AS(Str, name);
    c->t.name = c->name->data;
    c->t.value_type = exc >= 0 ? T_EXCEPTION : T_INSTANCE;
    c->t.exc = (int8_t)exc;
    c->t.base = bt[0];
    c->t.ctor = NULL;
    c->module = module;
    c->bases = bt_tuple;
    c->mro = mro_tuple;
    c->dict = d;
    c->native_base = native_base;
    mro_tuple->items[0] = v_obj(c);
    for (uint32_t i = 0; i < nmro; i++)
        mro_tuple->items[i + 1] = v_obj((void *)mro[i]);
    bool props = false;
    for (uint32_t i = 0; i <= nmro && !props; i++) {
        const TypeObj *k = AS(TypeObj, mro_tuple->items[i]);
        if (!type_is_user(k))
            continue;
        const Dict *kd = ((const Class *)k)->dict;
        for (uint32_t e = 0; e < kd->used && !props; e++)
            props = kd->entries[e].key.type != T_UNBOUND && is_data_descriptor(vm, kd->entries[e].value);
    }
    if (!props)
        c->t.hdr.aux = CLASS_NO_PROPERTIES;
    bool slots = c->t.value_type == T_INSTANCE;
    for (uint32_t i = 0; i <= nmro && slots; i++) {
        const TypeObj *k = AS(TypeObj, mro_tuple->items[i]);
        Value sv;
        bool found = false;
        if (type_is_user(k) && !ns_get(vm, ((const Class *)k)->dict, sname(SN___slots__), &sv, &found))
            return false;
        slots = !type_is_user(k) || found;
    }
    if (slots)
        c->t.hdr.aux |= CLASS_SLOTS_ONLY;
    VM_ROOT(vm, v_obj(c));
    bool named = call_set_names(vm, c);
    VM_UNROOT(vm, 1);
    if (!named)
        return false;
    *out = v_obj(c);
    return true;
}

/* ---- instances ---------------------------------------------------------------------- */

static Dict **dict_slot(Value obj)
{
    if (obj.type == T_INSTANCE)
        return &AS(Instance, obj)->dict;
    if (obj.type == T_EXCEPTION)
        return &AS(Exception, obj)->dict;
    return NULL;
}

/* A new instance of c: an exception with the positional arguments as its
 * args, else a plain instance. */
static bool instance_alloc(VM *vm, Class *c, Value *args, int npos, Value *self)
{
    if (c->t.value_type == T_EXCEPTION) {
        Tuple *a = tuple_new(vm, (uint32_t)npos);
        if (!a)
            return false;
        if (npos > 0)
            memcpy(a->items, args, (size_t)npos * sizeof(Value));
        Exception *e = exc_new(vm, &c->t, a);
        if (!e || !exc_oserror_init(vm, e))
            return false;
        *self = v_obj(e);
        return true;
    }
    Instance *o = gc_alloc(vm, T_INSTANCE, sizeof(Instance));
    if (!o)
        return false;
    o->cls = c;
    *self = v_obj(o);
    return true;
}

/* c(args): __new__ when a class defines one (its result gets __init__ only
 * if it is an instance of c, as in CPython), else a new instance; then
 * __init__. */
bool class_make_exception(VM *vm, Class *c, Value *args, int nargs, bool for_raise, Value *out)
{
    if (!class_call(vm, c, args, nargs, NULL, out))
        return false;
    if (out->type == T_EXCEPTION)
        return true;
    StrBuf sb; /* CPython's words: "calling <class 'm.C'> should have returned ..." */
    sb_init(&sb);
    class_repr_type(&sb, &c->t);
    sb_addc(&sb, '\0');
    vm_raise(vm, EXC_TypeError, "calling %s should have returned an instance of BaseException, not %s%s%s",
             sb.oom ? "?" : sb.data, for_raise ? "<class '" : "", type_name(*out), for_raise ? "'>" : "");
    sb_free(&sb);
    return false;
}

bool class_call(VM *vm, Class *c, Value *args, int nargs, Tuple *kw, Value *out)
{
    int nkw = kw ? (int)kw->len : 0;
    Value self = v_unbound(), newfn = v_unbound();
    bool has_new = false;
    if (!mro_lookup(vm, &c->t, snamev(SN___new__), true, &newfn, &has_new))
        return false;
    if (has_new) {
        if (newfn.type == T_DESCR && newfn.u.obj->aux == DESCR_STATICMETHOD) /* an explicit @staticmethod */
            newfn = AS(Descr, newfn)->a;
        VM_ROOT(vm, newfn);
        bool ok = vm_recursion_enter(vm, NULL);
        if (ok) {
            ok = vm_call_method(vm, newfn, v_obj(c), args, nargs, kw, &self);
            vm_recursion_leave(vm);
        }
        VM_UNROOT(vm, 1);
        if (!ok)
            return false;
        if (!type_is_subclass(type_of(self), &c->t)) {
            *out = self;
            return true;
        }
    } else if (!instance_alloc(vm, c, args, nargs - nkw, &self)) {
        return false;
    }
    VM_ROOT(vm, self);
    Value init = v_unbound(); /* (rooted below even when there is none) */
    bool found;
    bool ok = mro_lookup(vm, &c->t, snamev(SN___init__), true, &init, &found);
    if (ok && c->native_base && !has_new) {
        /* the built-in value: made from the arguments when the type is
         * immutable or the class has no __init__ of its own (then the built-in
         * __init__ is the one that runs), else empty for __init__ to fill */
        bool from_args = immutable_builtin(c->native_base) || !found;
        Value v;
        VM_ROOT(vm, init);
        ok = vm_call(vm, v_obj((void *)c->native_base), args, from_args ? nargs : 0, from_args ? kw : NULL, &v);
        VM_UNROOT(vm, 1);
        if (ok)
            AS(Instance, self)->native = v;
        if (ok && !found) {
            VM_UNROOT(vm, 1);
            *out = self;
            return true;
        }
    }
    if (ok && found) {
        Value r;
        VM_ROOT(vm, init);
        ok = vm_recursion_enter(vm, NULL);
        if (ok) {
            ok = vm_call_method(vm, init, self, args, nargs, kw, &r);
            vm_recursion_leave(vm);
        }
        VM_UNROOT(vm, 1);
        if (ok && r.type != T_NONE)
            ok = vm_raise(vm, EXC_TypeError, "__init__() should return None, not '%s'", type_name(r));
    } else if (ok && has_new) {
        /* __new__ took the arguments */
    } else if (ok && c->t.value_type == T_EXCEPTION && nkw) {
        ok = vm_raise(vm, EXC_TypeError, "%s() takes no keyword arguments", c->t.name);
    } else if (ok && c->t.value_type != T_EXCEPTION && nargs) {
        ok = vm_raise(vm, EXC_TypeError, "%s() takes no arguments", c->t.name);
    }
    VM_UNROOT(vm, 1);
    if (ok)
        *out = self;
    return ok;
}

static bool object_new(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Instance *o = gc_alloc(vm, T_INSTANCE, sizeof(Instance));
    if (!o)
        return false;
    *out = v_obj(o); /* cls NULL: a plain object() */
    return true;
}
static NATIVE(object_ctor, "object", object_new, 0, 0);
const TypeObj type_object = {{0, T_TYPE, 0, 0}, "object", T_INSTANCE, -1, NULL, &object_ctor};

/* ---- binding ---------------------------------------------------------------------- */

static bool boundfunc_new(VM *vm, Value fn, Value self, Value *out)
{
    VM_ROOT(vm, fn);
    VM_ROOT(vm, self);
    BoundMethod *b = gc_alloc(vm, T_BOUNDMETHOD, sizeof(BoundMethod));
    VM_UNROOT(vm, 2);
    if (!b)
        return false;
    b->method = NULL;
    b->self = self;
    b->func = fn;
    *out = v_obj(b);
    return true;
}

/* Is cv a method of a built-in class (object.__init__, BaseException.__str__),
 * which binds like a def? Any other native a class holds (`f = abs` in the
 * body) is a plain value, as built-in functions are no descriptors in CPython. */
static bool builtin_class_native(Value cv)
{
    if (cv.type != T_NATIVE)
        return false;
    if (cv.u.obj == (const Obj *)&native_init_m)
        return true;
    for (size_t i = 0; i < sizeof object_natives / sizeof object_natives[0]; i++)
        if (cv.u.obj == (const Obj *)object_natives[i].fn)
            return true;
    for (size_t i = 0; i < sizeof exc_natives / sizeof exc_natives[0]; i++)
        if (cv.u.obj == (const Obj *)exc_natives[i].fn)
            return true;
    return false;
}

/* Does cv, found in a class, take the object as its first argument? */
static bool binds_self(Value cv) { return cv.type == T_FUNCTION || builtin_class_native(cv); }

/* What obj.name gives for a value cv found in the class t (obj an instance
 * of t, or t itself when is_class). */
static bool bind(VM *vm, Value cv, Value obj, const TypeObj *t, bool is_class, Value *out)
{
    if (cv.type == T_FUNCTION && !is_class)
        return boundfunc_new(vm, cv, obj, out);
    if (builtin_class_native(cv) && !is_class) {
        BoundMethod *b = boundmethod_new(vm, AS(Native, cv), obj);
        if (!b)
            return false;
        *out = v_obj(b);
        return true;
    }
    if (cv.type == T_INSTANCE) { /* a descriptor: an instance of a class with __get__ */
        Value args[2] = {is_class ? v_none() : obj, v_obj((void *)t)};
        bool found;
        if (!class_call_special(vm, cv, SN___get__, args, 2, out, &found))
            return false;
        if (found)
            return true;
    }
    if (cv.type == T_DESCR) {
        Descr *d = AS(Descr, cv);
        switch (d->hdr.aux) {
        case DESCR_STATICMETHOD:
            *out = d->a;
            return true;
        case DESCR_CLASSMETHOD:
            return boundfunc_new(vm, d->a, v_obj((void *)t), out);
        case DESCR_PROPERTY:
            if (is_class)
                break;
            if (d->a.type == T_NONE)
                return vm_raise(vm, EXC_AttributeError, "property object has no getter");
            return call_nested(vm, d->a, obj, false, &obj, 1, out);
        default:
            break;
        }
    }
    *out = cv;
    return true;
}

/* ---- attributes --------------------------------------------------------------------- */

static bool no_attr(VM *vm, Value obj, const Str *name)
{
    if (obj.type == T_TYPE)
        return vm_raise(vm, EXC_AttributeError, "type object '%s' has no attribute '%s'",
                        AS(TypeObj, obj)->name, name->data);
    return vm_raise(vm, EXC_AttributeError, "'%s' object has no attribute '%s'", type_name(obj), name->data);
}

static bool descr_attr(VM *vm, Value obj, Str *name, Value *out);
static bool super_lookup(VM *vm, Descr *s, Str *name, Value *cv, bool *found, const TypeObj **t);

static Value value_or_none(Value v) { return v.type == T_UNBOUND ? v_none() : v; }

/* OSError(errno, strerror[, filename[, winerror[, filename2]]]): CPython
 * names the arguments when there are 2 to 5 of them. */
static bool oserror_attr(Exception *e, const Str *name, Value *out)
{
    static const char *const names[] = {"errno", "strerror", "filename", NULL, "filename2"};
    for (uint32_t i = 0; i < 5; i++) {
        if (names[i] && strlen(names[i]) == name->len && memcmp(names[i], name->data, name->len) == 0) {
            Tuple *a = e->args;
            *out = a->len >= 2 && a->len <= 5 && i < a->len ? a->items[i] : v_none();
            return true;
        }
    }
    return false;
}

/* The attributes every exception has besides its dict. */
static bool exc_special_attr(VM *vm, Exception *e, const Str *name, Value *out)
{
    if (name->len == 4 && memcmp(name->data, "args", 4) == 0)
        *out = v_obj(e->args);
    else if (name_is(name, SN___cause__))
        *out = value_or_none(e->cause);
    else if (name_is(name, SN___context__))
        *out = value_or_none(e->context);
    else if (name_is(name, SN___suppress_context__))
        *out = v_bool(e->suppress_context);
    else if (name->len == 13 && memcmp(name->data, "__traceback__", 13) == 0)
        *out = v_none();
    else if (name->len == 5 && memcmp(name->data, "value", 5) == 0 &&
             exc_matches(e, &exc_types[EXC_StopIteration])) /* what a generator returned */
        *out = e->args->len ? e->args->items[0] : v_none();
    else if (name->len == 4 && memcmp(name->data, "code", 4) == 0 && exc_matches(e, &exc_types[EXC_SystemExit]))
        return sysexit_code(vm, e, out);
    else if (exc_matches(e, &exc_types[EXC_OSError]))
        return oserror_attr(e, name, out);
    else
        return false;
    return true;
}

static bool class_type_attr(VM *vm, const TypeObj *t, Str *name, Value *out, bool *found)
{
    *found = true;
    if (name_is(name, SN___mro__) || name_is(name, SN___bases__)) {
        if (type_is_user(t)) {
            *out = v_obj(name_is(name, SN___mro__) ? ((const Class *)t)->mro : ((const Class *)t)->bases);
            return true;
        }
        const TypeObj *mro[MAX_MRO];
        uint32_t n = mro_array(t, mro);
        bool want_mro = name_is(name, SN___mro__);
        uint32_t first = want_mro ? 0 : 1, count = want_mro ? n : (n > 1 ? 1 : 0);
        Tuple *tu = tuple_new(vm, count);
        if (!tu)
            return false;
        for (uint32_t i = 0; i < count; i++)
            tu->items[i] = v_obj((void *)mro[first + i]);
        *out = v_obj(tu);
        return true;
    }
    if (!type_is_user(t)) {
        *found = false;
        return true;
    }
    const Class *c = (const Class *)t;
    if (name_is(name, SN___class__)) /* the metaclass: always type */
        *out = v_obj((void *)&type_type);
    else if (name_is(name, SN___dict__))
        *out = v_obj(c->dict);
    else if (name_is(name, SN___module__))
        *out = v_obj(c->module);
    else if (name_is(name, SN___qualname__))
        *out = v_obj(c->qualname);
    else if (name->len == 8 && memcmp(name->data, "__name__", 8) == 0)
        *out = v_obj(c->name);
    else
        *found = false;
    return true;
}

static bool find_property(VM *vm, Value obj, Str *name, Value *prop);

bool class_load_attr(VM *vm, Value obj, Str *name, Value *out)
{
    Value cv;
    bool found;
    if (obj.type == T_DESCR)
        return descr_attr(vm, obj, name, out);
    if (obj.type == T_TYPE) {
        const TypeObj *t = AS(TypeObj, obj);
        if (!mro_lookup(vm, t, v_obj(name), false, &cv, &found))
            return false;
        if (found)
            return bind(vm, cv, obj, t, true, out);
        if (!class_type_attr(vm, t, name, out, &found))
            return false;
        if (found)
            return true;
        if (type_is_user(t) && ((const Class *)t)->native_base == &type_int && name->len == 10 &&
            memcmp(name->data, "from_bytes", 10) == 0) /* a class method of int's */
            return int_from_bytes_of(vm, obj, out);
        if (!type_is_user(t) && name->len == 8 && memcmp(name->data, "__name__", 8) == 0) {
            Str *s = str_from_cstr(vm, t->name);
            if (!s)
                return false;
            *out = v_obj(s);
            return true;
        }
        return no_attr(vm, obj, name);
    }
    /* an instance (or exception): its own dict, then its class; a property
     * (a data descriptor) of the class comes first, as in CPython */
    Dict **slot = dict_slot(obj);
    Value prop = v_unbound();
    if (slot && *slot && !find_property(vm, obj, name, &prop))
        return false;
    if (slot && *slot && prop.type == T_UNBOUND) {
        if (!ns_get(vm, *slot, name, out, &found))
            return false;
        if (found)
            return true;
    }
    const TypeObj *t = type_of(obj);
    if (!mro_lookup(vm, t, v_obj(name), false, &cv, &found))
        return false;
    if (found) {
        if (bind(vm, cv, obj, t, false, out))
            return true;
        /* a descriptor's or property's AttributeError: __getattr__ has its say, as in CPython */
        Value ga;
        if (vm->exc.type != T_EXCEPTION || !exc_matches(AS(Exception, vm->exc), &exc_types[EXC_AttributeError]))
            return false;
        Value pending = vm->exc;
        if (!class_special(vm, obj, SN___getattr__, &ga))
            return false;
        if (ga.type == T_UNBOUND) {
            vm->exc = pending;
            return false;
        }
        vm->exc = v_unbound();
        Value arg = v_obj(name);
        return call_nested(vm, ga, obj, true, &arg, 1, out);
    }
    if (is_dunder(name)) {
        if (name_is(name, SN___class__)) {
            *out = v_obj((void *)t);
            return true;
        }
        if (name_is(name, SN___dict__) && slot &&
            !(obj.type == T_INSTANCE && AS(Instance, obj)->cls && (AS(Instance, obj)->cls->t.hdr.aux & CLASS_SLOTS_ONLY))) {
            if (!*slot) {
                Dict *d = dict_new(vm);
                if (!d)
                    return false;
                *slot = d;
            }
            *out = v_obj(*slot);
            return true;
        }
    }
    if (obj.type == T_EXCEPTION && exc_special_attr(vm, AS(Exception, obj), name, out))
        return true;
    if (instance_native(obj).type != T_UNBOUND) { /* list's append, str's upper, ... */
        if (vm_load_attr(vm, instance_native(obj), name, out))
            return true;
        if (vm->exc.type != T_EXCEPTION || !exc_matches(AS(Exception, vm->exc), &exc_types[EXC_AttributeError]))
            return false;
        vm->exc = v_unbound(); /* not there either: __getattr__, or the error naming the class */
    }
    Value ga;
    if (!class_special(vm, obj, SN___getattr__, &ga))
        return false;
    if (ga.type != T_UNBOUND) {
        Value arg = v_obj(name);
        return call_nested(vm, ga, obj, true, &arg, 1, out);
    }
    return no_attr(vm, obj, name);
}

bool class_load_method(VM *vm, Value obj, Str *name, Value out[2])
{
    out[1] = v_unbound();
    if (obj.type == T_INSTANCE || obj.type == T_EXCEPTION) {
        Dict **slot = dict_slot(obj);
        bool found = false;
        if (*slot && !ns_get(vm, *slot, name, &out[0], &found))
            return false;
        if (found)
            return true;
        const TypeObj *t = type_of(obj);
        Value cv;
        if (!mro_lookup(vm, t, v_obj(name), false, &cv, &found))
            return false;
        if (found && binds_self(cv)) {
            out[0] = cv;
            out[1] = obj;
            return true;
        }
        if (found)
            return bind(vm, cv, obj, t, false, &out[0]);
    } else if (obj.type == T_DESCR && obj.u.obj->aux == DESCR_SUPER) {
        Descr *s = AS(Descr, obj);
        Value cv;
        bool found;
        const TypeObj *t;
        if (!super_lookup(vm, s, name, &cv, &found, &t))
            return false;
        if (found && binds_self(cv) && s->b.type != T_TYPE) {
            out[0] = cv;
            out[1] = s->b;
            return true;
        }
    }
    return class_load_attr(vm, obj, name, &out[0]);
}

/* Is name one of the __slots__ of c's MRO (a str, or a tuple or list of them)? */
static bool in_slots(VM *vm, const Class *c, Str *name, bool *out)
{
    *out = false;
    Tuple *mro = c->mro;
    for (uint32_t i = 0; i < mro->len && !*out; i++) {
        const TypeObj *k = AS(TypeObj, mro->items[i]);
        Value sv;
        bool found;
        if (!type_is_user(k))
            continue;
        if (!ns_get(vm, ((const Class *)k)->dict, sname(SN___slots__), &sv, &found))
            return false;
        if (!found)
            continue;
        Value *items = &sv;
        uint32_t n = 1;
        if (sv.type == T_TUPLE) {
            items = AS(Tuple, sv)->items;
            n = AS(Tuple, sv)->len;
        } else if (sv.type == T_LIST) {
            items = AS(List, sv)->items;
            n = AS(List, sv)->len;
        }
        for (uint32_t j = 0; j < n && !*out; j++)
            *out = items[j].type == T_STR && (str_equal(AS(Str, items[j]), name) ||
                                               strcmp(AS(Str, items[j])->data, "__dict__") == 0);
    }
    return true;
}

static bool find_property(VM *vm, Value obj, Str *name, Value *prop)
{
    prop->type = T_UNBOUND;
    Class *c = user_class_of(obj);
    if (!c || ((c->t.hdr.aux & CLASS_NO_PROPERTIES) && !late_property))
        return true;
    Value cv;
    bool found;
    if (!mro_lookup(vm, &c->t, v_obj(name), true, &cv, &found))
        return false;
    if (found && is_data_descriptor(vm, cv))
        *prop = cv;
    return true;
}

bool class_no_properties(const Class *c) { return (c->t.hdr.aux & CLASS_NO_PROPERTIES) && !late_property; }

bool class_plain_store(const Class *c)
{
    return (c->t.hdr.aux & (CLASS_NO_PROPERTIES | CLASS_SLOTS_ONLY)) == CLASS_NO_PROPERTIES && !late_property;
}

bool vm_store_attr(VM *vm, Value obj, Str *name, Value value)
{
    Dict **slot = dict_slot(obj);
    if (slot) {
        Value pv;
        if (!find_property(vm, obj, name, &pv))
            return false;
        if (pv.type == T_INSTANCE) { /* a descriptor's __set__(obj, value) */
            Value args[2] = {obj, value}, r;
            bool found;
            VM_ROOT(vm, pv);
            bool ok = class_call_special(vm, pv, SN___set__, args, 2, &r, &found);
            VM_UNROOT(vm, 1);
            if (ok && !found)
                return vm_raise(vm, EXC_AttributeError, "__set__");
            return ok;
        }
        Descr *prop = pv.type == T_DESCR ? AS(Descr, pv) : NULL;
        if (prop) {
            if (prop->b.type == T_NONE)
                return vm_raise(vm, EXC_AttributeError, "property '%s' of '%s' object has no setter",
                                name->data, type_name(obj));
            Value args[2] = {obj, value};
            VM_ROOT(vm, value);
            Value r;
            bool ok = call_nested(vm, prop->b, obj, true, &args[1], 1, &r);
            VM_UNROOT(vm, 1);
            return ok;
        }
        if (obj.type == T_EXCEPTION && is_dunder(name)) {
            Exception *e = AS(Exception, obj);
            if (name_is(name, SN___cause__) || name_is(name, SN___context__)) {
                if (value.type != T_NONE && value.type != T_EXCEPTION)
                    return vm_raise(vm, EXC_TypeError, "exception cause must be None or derive from BaseException");
                if (name_is(name, SN___cause__)) {
                    e->cause = value;
                    e->suppress_context = true;
                } else {
                    e->context = value;
                }
                return true;
            }
            if (name_is(name, SN___suppress_context__)) {
                e->suppress_context = vm_truthy(value);
                return true;
            }
        }
        if (obj.type == T_EXCEPTION && name->len == 4 && memcmp(name->data, "args", 4) == 0) {
            Value t;
            VM_ROOT(vm, value);
            bool ok = vm_call(vm, v_obj((void *)&type_tuple), &vm->roots[vm->nroots - 1], 1, NULL, &t);
            VM_UNROOT(vm, 1);
            if (!ok)
                return false;
            AS(Exception, obj)->args = AS(Tuple, t);
            return true;
        }
        if (obj.type == T_INSTANCE && !AS(Instance, obj)->cls)
            return no_attr(vm, obj, name);
        if (obj.type == T_INSTANCE && (AS(Instance, obj)->cls->t.hdr.aux & CLASS_SLOTS_ONLY)) {
            bool ok;
            if (!in_slots(vm, AS(Instance, obj)->cls, name, &ok))
                return false;
            if (!ok)
                return no_attr(vm, obj, name);
        }
        if (!*slot) {
            VM_ROOT(vm, value);
            Dict *d = dict_new(vm);
            VM_UNROOT(vm, 1);
            if (!d)
                return false;
            *slot = d;
        }
        return dict_set(vm, *slot, v_obj(name), value);
    }
    if (obj.type == T_TYPE) {
        const TypeObj *t = AS(TypeObj, obj);
        if (type_is_user(t)) {
            if (is_data_descriptor(vm, value)) {
                if (!late_property) /* loads cached an instance dict's entry, now maybe behind a property */
                    memset(vm->attr_cache, 0, sizeof vm->attr_cache);
                late_property = true;
            }
            return dict_set(vm, ((const Class *)t)->dict, v_obj(name), value);
        }
        return vm_raise(vm, EXC_TypeError, "cannot set '%s' attribute of immutable type '%s'", name->data, t->name);
    }
    if (obj.type == T_MODULE && (obj.u.obj->flags & MODULE_PY))
        return module_py_store(vm, AS(PyModule, obj), name, value);
    if (obj.type == T_LIBOBJ && obj.u.obj->aux == LIB_FINALIZE) /* finalize.atexit (vm/weakrefmod.c) */
        return weakref_store_attr(vm, obj, name, value);
    return no_attr(vm, obj, name);
}

bool vm_delete_attr(VM *vm, Value obj, Str *name)
{
    Dict *d = NULL;
    Dict **slot = dict_slot(obj);
    if (slot) {
        Value pv;
        if (!find_property(vm, obj, name, &pv))
            return false;
        if (pv.type == T_INSTANCE) { /* a descriptor's __delete__(obj) */
            Value r;
            bool found;
            VM_ROOT(vm, pv);
            bool ok = class_call_special(vm, pv, SN___delete__, &obj, 1, &r, &found);
            VM_UNROOT(vm, 1);
            if (ok && !found)
                return vm_raise(vm, EXC_AttributeError, "__delete__");
            return ok;
        }
        Descr *prop = pv.type == T_DESCR ? AS(Descr, pv) : NULL;
        if (prop) {
            if (prop->c.type == T_NONE)
                return vm_raise(vm, EXC_AttributeError, "property '%s' of '%s' object has no deleter",
                                name->data, type_name(obj));
            Value r;
            return call_nested(vm, prop->c, obj, true, NULL, 0, &r);
        }
        d = *slot;
    } else if (obj.type == T_TYPE && type_is_user(AS(TypeObj, obj))) {
        d = ((const Class *)AS(TypeObj, obj))->dict;
    }
    if (d) {
        Value v;
        bool found;
        if (!dict_get(vm, d, v_obj(name), &v, &found))
            return false;
        if (found)
            return dict_delete(vm, d, v_obj(name));
    }
    if (obj.type == T_TYPE && !type_is_user(AS(TypeObj, obj)))
        return vm_raise(vm, EXC_TypeError, "cannot delete '%s' attribute of immutable type '%s'", name->data,
                        AS(TypeObj, obj)->name);
    if (obj.type == T_MODULE && (obj.u.obj->flags & MODULE_PY))
        return module_py_store(vm, AS(PyModule, obj), name, v_unbound());
    return no_attr(vm, obj, name);
}

/* ---- descriptors and super ----------------------------------------------------------- */

static bool make_descr(VM *vm, enum DescrKind kind, Value a, Value b, Value c, Value *out)
{
    Descr *d = gc_alloc(vm, T_DESCR, sizeof(Descr)); /* a, b, c are the caller's rooted args */
    if (!d)
        return false;
    d->hdr.aux = (uint16_t)kind;
    d->a = a;
    d->b = b;
    d->c = c;
    *out = v_obj(d);
    return true;
}

static bool staticmethod_new(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return make_descr(vm, DESCR_STATICMETHOD, args[0], v_none(), v_none(), out);
}
static bool classmethod_new(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return make_descr(vm, DESCR_CLASSMETHOD, args[0], v_none(), v_none(), out);
}
static bool property_new(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value p[3] = {v_none(), v_none(), v_none()};
    int npos = nargs - (kw ? (int)kw->len : 0);
    for (int i = 0; i < npos && i < 3; i++)
        p[i] = args[i];
    for (int k = 0; kw && k < (int)kw->len; k++) {
        const Str *n = AS(Str, kw->items[k]);
        int slot = strcmp(n->data, "fget") == 0 ? 0 : strcmp(n->data, "fset") == 0 ? 1
                 : strcmp(n->data, "fdel") == 0 ? 2 : strcmp(n->data, "doc") == 0 ? 3 : -1;
        if (slot < 0)
            return vm_raise(vm, EXC_TypeError, "property() got an unexpected keyword argument '%s'", n->data);
        if (slot < 3)
            p[slot] = args[npos + k];
    }
    return make_descr(vm, DESCR_PROPERTY, p[0], p[1], p[2], out);
}
static NATIVE(staticmethod_ctor, "staticmethod", staticmethod_new, 1, 1);
static NATIVE(classmethod_ctor, "classmethod", classmethod_new, 1, 1);
static NATIVE_WITH_KW(property_ctor, "property", property_new, 0, 4);

static bool prop_with(VM *vm, Value *args, int slot, Value *out)
{
    Descr *p = AS(Descr, args[0]);
    Value v[3] = {p->a, p->b, p->c};
    v[slot] = args[1];
    return make_descr(vm, DESCR_PROPERTY, v[0], v[1], v[2], out);
}
static bool prop_getter(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return prop_with(vm, args, 0, out); }
static bool prop_setter(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return prop_with(vm, args, 1, out); }
static bool prop_deleter(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return prop_with(vm, args, 2, out); }
static NATIVE(prop_getter_m, "getter", prop_getter, 2, 2);
static NATIVE(prop_setter_m, "setter", prop_setter, 2, 2);
static NATIVE(prop_deleter_m, "deleter", prop_deleter, 2, 2);

/* The class whose namespace holds the running function (for super()). */
static const TypeObj *defining_class(const TypeObj *t, const Function *fn)
{
    if (!type_is_user(t))
        return NULL;
    Tuple *mro = ((const Class *)t)->mro;
    for (uint32_t i = 0; i < mro->len; i++) {
        const TypeObj *k = AS(TypeObj, mro->items[i]);
        if (!type_is_user(k))
            continue;
        const Dict *d = ((const Class *)k)->dict;
        for (uint32_t e = 0; e < d->used; e++) {
            Value v = d->entries[e].value;
            if (d->entries[e].key.type == T_UNBOUND)
                continue;
            if (v.type == T_DESCR) {
                const Descr *x = AS(Descr, v);
                if (x->a.u.obj == (const Obj *)fn || x->b.u.obj == (const Obj *)fn || x->c.u.obj == (const Obj *)fn)
                    return k;
            } else if (v.type == T_FUNCTION && v.u.obj == (const Obj *)fn) {
                return k;
            }
        }
    }
    return NULL;
}

static bool super_new(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value start, obj;
    if (nargs == 2) {
        start = args[0];
        obj = args[1];
        if (start.type != T_TYPE)
            return vm_raise(vm, EXC_TypeError, "super() argument 1 must be a type, not %s", type_name(start));
        const TypeObj *t = obj.type == T_TYPE ? AS(TypeObj, obj) : type_of(obj);
        if (!t || !type_is_subclass(t, AS(TypeObj, start)))
            return vm_raise(vm, EXC_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    } else if (nargs == 0) {
        const Frame *f = vm->nframes ? &vm->frames[vm->nframes - 1] : NULL;
        if (!f || !f->func || f->code->nparams == 0)
            return vm_raise(vm, EXC_RuntimeError, "super(): no arguments");
        obj = f->base[0];
        if (obj.type == T_UNBOUND)
            return vm_raise(vm, EXC_RuntimeError, "super(): arg[0] deleted");
        const TypeObj *t = obj.type == T_TYPE ? AS(TypeObj, obj) : type_of(obj);
        const TypeObj *k = t ? defining_class(t, f->func) : NULL;
        if (!k && obj.type == T_TYPE) /* an instance method called on... */
            k = type_of(obj) ? defining_class(type_of(obj), f->func) : NULL;
        if (!k)
            return vm_raise(vm, EXC_RuntimeError, "super(): __class__ cell not found");
        start = v_obj((void *)k);
    } else {
        return vm_raise(vm, EXC_TypeError, "super() takes 0 or 2 arguments");
    }
    VM_ROOT(vm, start);
    VM_ROOT(vm, obj);
    bool ok = make_descr(vm, DESCR_SUPER, start, obj, v_none(), out);
    VM_UNROOT(vm, 2);
    return ok;
}
static NATIVE(super_ctor, "super", super_new, 0, 2);

static bool super_lookup(VM *vm, Descr *s, Str *name, Value *cv, bool *found, const TypeObj **t)
{
    const TypeObj *start = AS(TypeObj, s->a);
    *t = s->b.type == T_TYPE && type_is_subclass(AS(TypeObj, s->b), start) ? AS(TypeObj, s->b) : type_of(s->b);
    const TypeObj *mro[MAX_MRO];
    uint32_t n = mro_array(*t, mro), i = 0;
    while (i < n && mro[i] != start)
        i++;
    return mro_lookup_from(vm, *t, i + 1, v_obj(name), false, cv, found);
}

static bool descr_attr(VM *vm, Value obj, Str *name, Value *out)
{
    Descr *d = AS(Descr, obj);
    switch (d->hdr.aux) {
    case DESCR_SUPER: {
        Value cv;
        bool found;
        const TypeObj *t;
        if (!super_lookup(vm, d, name, &cv, &found, &t))
            return false;
        if (found)
            return bind(vm, cv, d->b, t, d->b.type == T_TYPE && cv.type != T_DESCR, out);
        if (instance_native(d->b).type != T_UNBOUND) /* super().append(x) in a list subclass */
            return vm_load_attr(vm, instance_native(d->b), name, out);
        return vm_raise(vm, EXC_AttributeError, "'super' object has no attribute '%s'", name->data);
    }
    case DESCR_PROPERTY: {
        const Native *m = NULL;
        if (strcmp(name->data, "fget") == 0) { *out = d->a; return true; }
        if (strcmp(name->data, "fset") == 0) { *out = d->b; return true; }
        if (strcmp(name->data, "fdel") == 0) { *out = d->c; return true; }
        if (strcmp(name->data, "getter") == 0) m = &prop_getter_m;
        else if (strcmp(name->data, "setter") == 0) m = &prop_setter_m;
        else if (strcmp(name->data, "deleter") == 0) m = &prop_deleter_m;
        if (m) {
            BoundMethod *b = boundmethod_new(vm, m, obj);
            if (!b)
                return false;
            *out = v_obj(b);
            return true;
        }
        break;
    }
    case DESCR_STATICMETHOD:
    case DESCR_CLASSMETHOD:
        if (strcmp(name->data, "__func__") == 0) {
            *out = d->a;
            return true;
        }
        break;
    default:
        break;
    }
    return no_attr(vm, obj, name);
}

const TypeObj type_staticmethod = {{0, T_TYPE, 0, 0}, "staticmethod", T_DESCR, -1, NULL, &staticmethod_ctor};
const TypeObj type_classmethod = {{0, T_TYPE, 0, 0}, "classmethod", T_DESCR, -1, NULL, &classmethod_ctor};
const TypeObj type_property = {{0, T_TYPE, 0, 0}, "property", T_DESCR, -1, NULL, &property_ctor};
const TypeObj type_super = {{0, T_TYPE, 0, 0}, "super", T_DESCR, -1, NULL, &super_ctor};

const char *descr_type_name(Value v)
{
    static const char *const names[] = {"staticmethod", "classmethod", "property", "super", "NotImplementedType"};
    return names[v.u.obj->aux % 5];
}

/* issubclass(C, B) with a class or a tuple of classes */
static bool subclass_of(VM *vm, const TypeObj *t, Value cls, bool *out)
{
    if (cls.type == T_TYPE) {
        *out = type_is_subclass(t, AS(TypeObj, cls));
        return true;
    }
    if (cls.type != T_TUPLE)
        return vm_raise(vm, EXC_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    if (!vm_recursion_enter(vm, NULL))
        return false;
    bool ok = true;
    *out = false;
    Tuple *tu = AS(Tuple, cls);
    for (uint32_t i = 0; i < tu->len && ok && !*out; i++)
        ok = subclass_of(vm, t, tu->items[i], out);
    vm_recursion_leave(vm);
    return ok;
}
static bool issubclass_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (args[0].type != T_TYPE)
        return vm_raise(vm, EXC_TypeError, "issubclass() arg 1 must be a class");
    bool r;
    if (!subclass_of(vm, AS(TypeObj, args[0]), args[1], &r))
        return false;
    *out = v_bool(r);
    return true;
}
NATIVE(bi_issubclass, "issubclass", issubclass_fn, 2, 2);

/* ---- object's and BaseException's methods ------------------------------------------- */

/* list.__init__(self, ...) and the others: a mutable built-in value is made
 * again from the arguments; an immutable one got them at creation. */
static bool native_init(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_none();
    Value self = args[0];
    const Class *c = user_class_of(self);
    if (self.type != T_INSTANCE || !c || !c->native_base)
        return vm_raise(vm, EXC_TypeError, "descriptor '__init__' requires a built-in-derived object");
    if (immutable_builtin(c->native_base))
        return true;
    Value v;
    if (!vm_call(vm, v_obj((void *)c->native_base), args + 1, nargs - 1, kw, &v))
        return false;
    AS(Instance, self)->native = v;
    return true;
}

static bool object_init(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nargs > 1 || (kw && kw->len))
        return vm_raise(vm, EXC_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
    *out = v_none();
    return true;
}
static void default_repr(StrBuf *sb, Value v)
{
    const TypeObj *t = type_of(v);
    char buf[32];
    sb_addc(sb, '<');
    if (t && type_is_user(t)) {
        const Str *m = ((const Class *)t)->module;
        sb_add(sb, m->data, m->len);
        sb_addc(sb, '.');
    }
    sb_adds(sb, t ? t->name : type_name(v));
    snprintf(buf, sizeof buf, " object at 0x%08lx>", (unsigned long)((uintptr_t)v.u.obj & 0xffffffffu));
    sb_adds(sb, buf);
}
static bool text_result(VM *vm, StrBuf *sb, Value *out)
{
    Str *s = sb_to_str(vm, sb);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}
static bool object_repr(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    StrBuf sb;
    sb_init(&sb);
    /* (in a class derived from a built-in type, super().__repr__() gets here
     * after the built-in type: its repr is the value's) */
    if (args[0].type == T_EXCEPTION || instance_native(args[0]).type != T_UNBOUND) {
        Value v = args[0].type == T_EXCEPTION ? args[0] : instance_native(args[0]);
        if (!fmt_repr(vm, &sb, v)) {
            sb_free(&sb);
            return false;
        }
    } else {
        default_repr(&sb, args[0]);
    }
    return text_result(vm, &sb, out);
}
static bool object_str(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *s = vm_repr(vm, args[0]);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}
static bool object_eq(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (instance_native(args[0]).type != T_UNBOUND) { /* super().__eq__(x) */
        Value other = instance_native(args[1]).type != T_UNBOUND ? instance_native(args[1]) : args[1];
        bool eq;
        if (!vm_equal(vm, instance_native(args[0]), other, &eq))
            return false;
        *out = v_bool(eq);
        return true;
    }
    *out = args[0].u.obj == args[1].u.obj && args[0].type == args[1].type ? v_bool(true)
                                                                        : v_obj((void *)&not_implemented);
    return true;
}
static bool object_ne(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value r;
    if (!class_compare(vm, OP_COMPARE_EQ, args[0], args[1], &r))
        return false;
    bool t;
    if (is_notimpl(r)) {
        *out = r;
        return true;
    }
    if (!class_truthy(vm, r, &t))
        return false;
    *out = v_bool(!t);
    return true;
}
static bool object_hash(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (instance_native(args[0]).type != T_UNBOUND) { /* super().__hash__() of a str subclass, ... */
        uint32_t h;
        if (!vm_hash(vm, instance_native(args[0]), &h))
            return false;
        *out = v_int((int32_t)h);
        return true;
    }
    *out = v_int((int32_t)((uintptr_t)args[0].u.obj >> 3));
    return true;
}

static bool exc_init(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (args[0].type != T_EXCEPTION)
        return vm_raise(vm, EXC_TypeError, "descriptor '__init__' requires a 'BaseException' object");
    if (kw && kw->len)
        return vm_raise(vm, EXC_TypeError, "%s() takes no keyword arguments", type_name(args[0]));
    Tuple *t = tuple_new(vm, (uint32_t)(nargs - 1));
    if (!t)
        return false;
    memcpy(t->items, args + 1, (size_t)(nargs - 1) * sizeof(Value));
    AS(Exception, args[0])->args = t;
    *out = v_none();
    return true;
}
/* str of an exception by BaseException's rules (no user __str__). */
static bool exc_default_str(VM *vm, StrBuf *sb, Exception *e)
{
    if (e->args->len == 0)
        return true;
    if (e->args->len == 1) {
        if (exc_matches(e, &exc_types[EXC_KeyError]))
            return fmt_repr(vm, sb, e->args->items[0]);
        return fmt_str(vm, sb, e->args->items[0]);
    }
    return fmt_repr(vm, sb, v_obj(e->args));
}
static bool exc_str(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (args[0].type != T_EXCEPTION)
        return vm_raise(vm, EXC_TypeError, "descriptor '__str__' requires a 'BaseException' object");
    StrBuf sb;
    sb_init(&sb);
    if (!exc_default_str(vm, &sb, AS(Exception, args[0]))) {
        sb_free(&sb);
        return false;
    }
    return text_result(vm, &sb, out);
}
static bool exc_repr(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (args[0].type != T_EXCEPTION)
        return vm_raise(vm, EXC_TypeError, "descriptor '__repr__' requires a 'BaseException' object");
    Exception *e = AS(Exception, args[0]);
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, e->cls->name);
    bool ok;
    if (e->args->len == 1) {
        sb_addc(&sb, '(');
        ok = fmt_repr(vm, &sb, e->args->items[0]);
        sb_addc(&sb, ')');
    } else {
        ok = fmt_repr(vm, &sb, v_obj(e->args));
    }
    if (!ok) {
        sb_free(&sb);
        return false;
    }
    return text_result(vm, &sb, out);
}

/* ---- special methods ------------------------------------------------------------------ */

typedef struct BinopNames {
    enum SpecialName fwd, refl, inplace;
    const char *sym, *isym;
} BinopNames;

static const BinopNames *binop_names(unsigned op)
{
    static const BinopNames t[] = {
        {SN___add__, SN___radd__, SN___iadd__, "+", "+="},
        {SN___sub__, SN___rsub__, SN___isub__, "-", "-="},
        {SN___mul__, SN___rmul__, SN___imul__, "*", "*="},
        {SN___truediv__, SN___rtruediv__, SN___itruediv__, "/", "/="},
        {SN___floordiv__, SN___rfloordiv__, SN___ifloordiv__, "//", "//="},
        {SN___mod__, SN___rmod__, SN___imod__, "%", "%="},
        {SN___pow__, SN___rpow__, SN___ipow__, "**", "**="},
        {SN___lshift__, SN___rlshift__, SN___ilshift__, "<<", "<<="},
        {SN___rshift__, SN___rrshift__, SN___irshift__, ">>", ">>="},
        {SN___and__, SN___rand__, SN___iand__, "&", "&="},
        {SN___or__, SN___ror__, SN___ior__, "|", "|="},
        {SN___xor__, SN___rxor__, SN___ixor__, "^", "^="},
        {SN___matmul__, SN___rmatmul__, SN___imatmul__, "@", "@="},
    };
    switch (op & ~VM_OP_INPLACE) {
    case OP_BINARY_ADD: case OP_INPLACE_ADD: return &t[0];
    case OP_BINARY_SUB: case OP_INPLACE_SUB: return &t[1];
    case OP_BINARY_MUL: case OP_INPLACE_MUL: return &t[2];
    case OP_BINARY_TRUEDIV: return &t[3];
    case OP_BINARY_FLOORDIV: return &t[4];
    case OP_BINARY_MOD: return &t[5];
    case OP_BINARY_POW: return &t[6];
    case OP_BINARY_LSHIFT: return &t[7];
    case OP_BINARY_RSHIFT: return &t[8];
    case OP_BINARY_AND: case OP_INPLACE_AND: return &t[9];
    case OP_BINARY_OR: case OP_INPLACE_OR: return &t[10];
    case OP_BINARY_XOR: case OP_INPLACE_XOR: return &t[11];
    case OP_BINARY_MATMUL: return &t[12];
    default: return NULL;
    }
}

/* Calls x.sn(y); *got is false when x lacks it or it returned NotImplemented. */
static bool try_special(VM *vm, Value x, enum SpecialName sn, Value y, Value *out, bool *got)
{
    bool found;
    VM_ROOT(vm, y);
    bool ok = class_call_special(vm, x, sn, &vm->roots[vm->nroots - 1], 1, out, &found);
    VM_UNROOT(vm, 1);
    *got = ok && found && !is_notimpl(*out);
    return ok;
}

static bool proper_subclass(Value b, Value a)
{
    const Class *ca = user_class_of(a), *cb = user_class_of(b);
    if (!cb)
        return false;
    const TypeObj *ta = ca ? &ca->t : type_of(a);
    return ta && &cb->t != ta && type_is_subclass(&cb->t, ta);
}

/* b (of a proper subclass of a's type) goes first only when its class
 * overrides a's reflected method (CPython's method_is_overloaded): one it
 * merely inherits runs after a's forward method. */
static bool overrides_reflected(VM *vm, Value a, Value b, enum SpecialName refl, bool *yes)
{
    Value fa, fb;
    if (!class_special(vm, b, refl, &fb) || !class_special(vm, a, refl, &fa))
        return false;
    *yes = fb.type != T_UNBOUND && (fa.type == T_UNBOUND || fa.type != fb.type || fa.u.obj != fb.u.obj);
    return true;
}

bool class_binary_op(VM *vm, unsigned op, Value a, Value b, Value *out)
{
    const BinopNames *n = binop_names(op);
    if (!n)
        return vm_raise(vm, EXC_RuntimeError, "bad binary operator");
    bool got = false;
    bool inplace = (op & VM_OP_INPLACE) || op == OP_INPLACE_ADD || op == OP_INPLACE_MUL || op == OP_INPLACE_SUB ||
                   op == OP_INPLACE_AND || op == OP_INPLACE_OR || op == OP_INPLACE_XOR;
    if (inplace && !try_special(vm, a, n->inplace, b, out, &got))
        return false;
    if (got)
        return true;
    if (a.type == T_DICT && (op == OP_INPLACE_OR || op == (OP_BINARY_OR | VM_OP_INPLACE)))
        return dict_union(vm, AS(Dict, a), b, true, out); /* dict.__ior__ updates or raises: b's __ror__ is not asked */
    bool b_first = proper_subclass(b, a);
    if (b_first && !overrides_reflected(vm, a, b, n->refl, &b_first))
        return false;
    if (!b_first && (op & ~VM_OP_INPLACE) == OP_BINARY_MOD &&
        (a.type == T_STR || a.type == T_BYTES || a.type == T_BYTEARRAY)) {
        /* 's' % x (and s %= x) formats (or raises) whatever x's __rmod__, as in CPython; an
         * instance of a tuple or dict subclass gives its items or keys */
        Value nb = instance_native(b);
        if (nb.type != T_UNBOUND)
            return vm_binary_op(vm, op, a, nb, out);
        out->type = T_UNBOUND;
        return true;
    }
    if (b_first && !try_special(vm, b, n->refl, a, out, &got))
        return false;
    if (got)
        return true;
    if (!try_special(vm, a, n->fwd, b, out, &got))
        return false;
    if (got)
        return true;
    if (!b_first && user_class_of(b) != user_class_of(a) && !try_special(vm, b, n->refl, a, out, &got))
        return false;
    if (got)
        return true;
    Value na = instance_native(a), nb = instance_native(b);
    if (na.type != T_UNBOUND || nb.type != T_UNBOUND) { /* the built-in type's operator */
        if (!vm_binary_op(vm, op, na.type != T_UNBOUND ? na : a, nb.type != T_UNBOUND ? nb : b, out))
            return false;
        if (inplace && na.type != T_UNBOUND && out->type == na.type && out->u.obj == na.u.obj)
            *out = a; /* list += changed the value in place: the result is the instance */
        return true;
    }
    out->type = T_UNBOUND; /* the built-in operators decide (and raise their TypeError) */
    return true;
}

bool class_unary_op(VM *vm, unsigned op, Value a, Value *out)
{
    if (op == OP_UNARY_NOT) {
        bool t;
        if (!class_truthy(vm, a, &t))
            return false;
        *out = v_bool(!t);
        return true;
    }
    enum SpecialName sn = op == OP_UNARY_NEG ? SN___neg__ : op == OP_UNARY_POS ? SN___pos__
                        : op == OP_UNARY_INVERT ? SN___invert__ : SN___abs__;
    bool found;
    if (!class_call_special(vm, a, sn, NULL, 0, out, &found))
        return false;
    if (!found && instance_native(a).type != T_UNBOUND)
        return vm_unary_op(vm, op, instance_native(a), out);
    if (!found)
        out->type = T_UNBOUND;
    return true;
}

static enum SpecialName cmp_name(unsigned op, bool reflected)
{
    switch (op) {
    case OP_COMPARE_LT: return reflected ? SN___gt__ : SN___lt__;
    case OP_COMPARE_LE: return reflected ? SN___ge__ : SN___le__;
    case OP_COMPARE_GT: return reflected ? SN___lt__ : SN___gt__;
    case OP_COMPARE_GE: return reflected ? SN___le__ : SN___ge__;
    case OP_COMPARE_NE: return SN___ne__;
    default:            return SN___eq__;
    }
}

/* x.sn(y), where a missing __ne__ is "not __eq__" as object.__ne__ does. */
static bool try_cmp(VM *vm, Value x, enum SpecialName sn, Value y, Value *out, bool *got)
{
    *got = false;
    if (!user_class_of(x))
        return true;
    Value fn;
    if (sn == SN___ne__) {
        if (!class_special(vm, x, SN___ne__, &fn))
            return false;
        if (fn.type == T_UNBOUND) {
            if (!try_special(vm, x, SN___eq__, y, out, got))
                return false;
            if (*got) {
                bool t;
                if (!class_truthy(vm, *out, &t))
                    return false;
                *out = v_bool(!t);
            }
            return true;
        }
    }
    return try_special(vm, x, sn, y, out, got);
}

bool class_compare(VM *vm, unsigned op, Value a, Value b, Value *out)
{
    bool got = false;
    bool b_first = proper_subclass(b, a);
    if (b_first && !try_cmp(vm, b, cmp_name(op, true), a, out, &got))
        return false;
    if (got)
        return true;
    if (!try_cmp(vm, a, cmp_name(op, false), b, out, &got))
        return false;
    if (got)
        return true;
    if (!b_first && !try_cmp(vm, b, cmp_name(op, true), a, out, &got))
        return false;
    if (got)
        return true;
    Value na = instance_native(a), nb = instance_native(b);
    if (na.type != T_UNBOUND || nb.type != T_UNBOUND)
        return vm_compare(vm, op, na.type != T_UNBOUND ? na : a, nb.type != T_UNBOUND ? nb : b, out);
    if (op == OP_COMPARE_EQ || op == OP_COMPARE_NE) {
        bool same = a.type == b.type && a.u.obj == b.u.obj;
        *out = v_bool(op == OP_COMPARE_EQ ? same : !same);
        return true;
    }
    static const char *const syms[] = {"<", "<=", "==", "!=", ">", ">="};
    return vm_raise(vm, EXC_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                    syms[op - OP_COMPARE_LT], type_name(a), type_name(b));
}

bool class_hash(VM *vm, Value v, uint32_t *out)
{
    Value fn, r;
    if (!class_special(vm, v, SN___hash__, &fn))
        return false;
    if (fn.type == T_UNBOUND && instance_native(v).type != T_UNBOUND)
        return vm_hash(vm, instance_native(v), out);
    if (fn.type == T_UNBOUND) {
        *out = (uint32_t)((uintptr_t)v.u.obj >> 3);
        return true;
    }
    if (fn.type == T_NONE)
        return vm_raise(vm, EXC_TypeError, "unhashable type: '%s'", type_name(v));
    bool found;
    if (!class_call_special(vm, v, SN___hash__, NULL, 0, &r, &found))
        return false;
    if (r.type == T_LONG) /* CPython reduces a wide result as it hashes an int */
        return vm_hash(vm, r, out);
    if (!v_is_intlike(r))
        return vm_raise(vm, EXC_TypeError, "__hash__ method should return an integer");
    *out = (uint32_t)(r.u.i == -1 ? -2 : r.u.i);
    return true;
}

bool class_truthy(VM *vm, Value v, bool *out)
{
    if (v.type != T_INSTANCE) {
        *out = vm_truthy(v);
        return true;
    }
    Value r;
    bool found;
    if (!class_call_special(vm, v, SN___bool__, NULL, 0, &r, &found))
        return false;
    if (found) {
        if (r.type != T_BOOL)
            return vm_raise(vm, EXC_TypeError, "__bool__ should return bool, returned %s", type_name(r));
        *out = r.u.i != 0;
        return true;
    }
    int32_t n;
    Value fn;
    if (!class_special(vm, v, SN___len__, &fn))
        return false;
    if (fn.type == T_UNBOUND && instance_native(v).type != T_UNBOUND)
        return class_truthy(vm, instance_native(v), out);
    if (fn.type == T_UNBOUND) {
        *out = true;
        return true;
    }
    if (!class_len(vm, v, &n))
        return false;
    *out = n != 0;
    return true;
}

bool class_repr(VM *vm, StrBuf *sb, Value v, bool want_str, bool *done)
{
    *done = false;
    if (!user_class_of(v)) {
        if (v.type == T_INSTANCE) { /* object() */
            default_repr(sb, v);
            *done = true;
        }
        return true;
    }
    Value r;
    bool found = false;
    if (want_str && !class_call_special(vm, v, SN___str__, NULL, 0, &r, &found))
        return false;
    bool is_str = found;
    if (!found && (v.type == T_INSTANCE || !want_str) &&
        !class_call_special(vm, v, SN___repr__, NULL, 0, &r, &found))
        return false;
    if (!found && instance_native(v).type != T_UNBOUND) {
        *done = true;
        return want_str ? fmt_str(vm, sb, instance_native(v)) : fmt_repr(vm, sb, instance_native(v));
    }
    if (!found) {
        if (v.type == T_INSTANCE) {
            default_repr(sb, v);
            *done = true;
        }
        return true;
    }
    if (r.type != T_STR)
        return vm_raise(vm, EXC_TypeError, "%s returned non-string (type %s)", is_str ? "__str__" : "__repr__",
                        type_name(r));
    sb_add(sb, AS(Str, r)->data, AS(Str, r)->len);
    *done = true;
    return true;
}

void class_repr_type(StrBuf *sb, const TypeObj *t)
{
    const Class *c = (const Class *)t;
    sb_adds(sb, "<class '");
    sb_add(sb, c->module->data, c->module->len);
    sb_addc(sb, '.');
    sb_add(sb, c->qualname->data, c->qualname->len);
    sb_adds(sb, "'>");
}

bool class_format(VM *vm, StrBuf *sb, Value v, const char *spec, uint32_t speclen)
{
    Value fn;
    if (!class_special(vm, v, SN___format__, &fn))
        return false;
    if (fn.type != T_UNBOUND) {
        Str *s = str_new(vm, spec, speclen);
        if (!s)
            return false;
        Value arg = v_obj(s), r;
        bool found;
        VM_ROOT(vm, arg);
        bool ok = class_call_special(vm, v, SN___format__, &vm->roots[vm->nroots - 1], 1, &r, &found);
        VM_UNROOT(vm, 1);
        if (!ok)
            return false;
        if (r.type != T_STR)
            return vm_raise(vm, EXC_TypeError, "__format__ must return a str, not %s", type_name(r));
        sb_add(sb, AS(Str, r)->data, AS(Str, r)->len);
        return true;
    }
    if (instance_native(v).type != T_UNBOUND)
        return fmt_format(vm, sb, instance_native(v), spec, speclen);
    if (speclen)
        return vm_raise(vm, EXC_TypeError, "unsupported format string passed to %s.__format__", type_name(v));
    return fmt_str(vm, sb, v);
}

bool class_getitem(VM *vm, Value obj, Value key, Value *out)
{
    bool found;
    VM_ROOT(vm, key);
    bool ok = class_call_special(vm, obj, SN___getitem__, &vm->roots[vm->nroots - 1], 1, out, &found);
    VM_UNROOT(vm, 1);
    if (ok && !found && instance_native(obj).type == T_DICT) { /* a dict subclass: __missing__ for a missing key */
        bool has;
        if (!dict_get(vm, AS(Dict, instance_native(obj)), key, out, &has))
            return false;
        if (has)
            return true;
        VM_ROOT(vm, key);
        ok = class_call_special(vm, obj, SN___missing__, &vm->roots[vm->nroots - 1], 1, out, &found);
        VM_UNROOT(vm, 1);
        if (ok && !found)
            return vm_raise_value(vm, EXC_KeyError, key);
        return ok;
    }
    if (ok && !found && instance_native(obj).type != T_UNBOUND)
        return vm_getitem(vm, instance_native(obj), key, out);
    if (ok && !found)
        return vm_raise(vm, EXC_TypeError, "'%s' object is not subscriptable", type_name(obj));
    return ok;
}

bool class_setitem(VM *vm, Value obj, Value key, Value value)
{
    bool found;
    Value r;
    VM_ROOT(vm, key);
    VM_ROOT(vm, value);
    bool ok = class_call_special(vm, obj, SN___setitem__, &vm->roots[vm->nroots - 2], 2, &r, &found);
    VM_UNROOT(vm, 2);
    if (ok && !found && instance_native(obj).type != T_UNBOUND)
        return vm_setitem(vm, instance_native(obj), key, value);
    if (ok && !found)
        return vm_raise(vm, EXC_TypeError, "'%s' object does not support item assignment", type_name(obj));
    return ok;
}

bool class_delitem(VM *vm, Value obj, Value key)
{
    bool found;
    Value r;
    VM_ROOT(vm, key);
    bool ok = class_call_special(vm, obj, SN___delitem__, &vm->roots[vm->nroots - 1], 1, &r, &found);
    VM_UNROOT(vm, 1);
    if (ok && !found && instance_native(obj).type != T_UNBOUND)
        return vm_delitem(vm, instance_native(obj), key);
    if (ok && !found)
        return vm_raise(vm, EXC_TypeError, "'%s' object doesn't support item deletion", type_name(obj));
    return ok;
}

bool class_len(VM *vm, Value obj, int32_t *out)
{
    bool found;
    Value r;
    if (!class_call_special(vm, obj, SN___len__, NULL, 0, &r, &found))
        return false;
    if (!found && instance_native(obj).type != T_UNBOUND)
        return vm_len(vm, instance_native(obj), out);
    if (!found)
        return vm_raise(vm, EXC_TypeError, "object of type '%s' has no len()", type_name(obj));
    if (r.type == T_LONG) /* CPython on a 32-bit target: beyond Py_ssize_t */
        return vm_raise(vm, EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
    if (!v_is_intlike(r))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(r));
    if (r.u.i < 0)
        return vm_raise(vm, EXC_ValueError, "__len__() should return >= 0");
    *out = r.u.i;
    return true;
}

bool class_getiter(VM *vm, Value obj, Value *out)
{
    bool found;
    if (!class_call_special(vm, obj, SN___iter__, NULL, 0, out, &found))
        return false;
    if (!found && instance_native(obj).type == T_ITER) { /* a subclass of map, ...: its own iterator */
        *out = obj;
        return true;
    }
    if (!found && instance_native(obj).type != T_UNBOUND)
        return vm_getiter(vm, instance_native(obj), out);
    if (found)
        return true;
    /* no __iter__: the old sequence protocol, __getitem__(0), (1), ... */
    Value fn;
    if (!class_special(vm, obj, SN___getitem__, &fn))
        return false;
    if (fn.type != T_UNBOUND && fn.type != T_NONE) {
        Iter *it = iter_new(vm, ITER_SEQ, obj);
        if (!it)
            return false;
        *out = v_obj(it);
        return true;
    }
    return vm_raise(vm, EXC_TypeError, "'%s' object is not iterable", type_name(obj));
}

bool class_to_number(VM *vm, Value obj, bool want_float, Value *out, bool *found)
{
    *found = false;
    if (instance_native(obj).type != T_UNBOUND) {
        *out = instance_native(obj);
        *found = true;
        return true;
    }
    if (!user_class_of(obj))
        return true;
    enum SpecialName first = want_float ? SN___float__ : SN___int__;
    if (!class_call_special(vm, obj, first, NULL, 0, out, found))
        return false;
    enum SpecialName used = first;
    if (!*found) {
        used = SN___index__;
        if (!class_call_special(vm, obj, SN___index__, NULL, 0, out, found))
            return false;
        if (!*found)
            return true;
    }
    bool is_int = v_is_intlike(*out) || out->type == T_LONG;
    if (used == SN___float__ ? out->type != T_FLOAT : !is_int)
        return used == SN___float__ /* (CPython 3.11's two wordings) */
                   ? vm_raise(vm, EXC_TypeError, "%s.__float__ returned non-float (type %s)", type_name(obj),
                              type_name(*out))
                   : vm_raise(vm, EXC_TypeError, "%s returned non-int (type %s)", sname(used)->data,
                              type_name(*out));
    if (out->type == T_BOOL)
        *out = v_int(out->u.i);
    if (want_float && out->type != T_FLOAT) {
        if (out->type == T_LONG) {
            float f;
            if (!long_to_float(vm, *out, &f))
                return false;
            *out = v_float(f);
        } else {
            *out = v_float((float)out->u.i);
        }
    }
    return true;
}

bool class_index(VM *vm, Value *v)
{
    if (v->type != T_INSTANCE)
        return true;
    Value native = instance_native(*v);
    if (native.type != T_UNBOUND) {
        if (v_is_intlike(native) || native.type == T_LONG)
            *v = native.type == T_BOOL ? v_int(native.u.i) : native;
        return true;
    }
    bool found;
    Value r;
    if (!class_call_special(vm, *v, SN___index__, NULL, 0, &r, &found))
        return false;
    if (!found)
        return true;
    if (!v_is_intlike(r) && r.type != T_LONG)
        return vm_raise(vm, EXC_TypeError, "__index__ returned non-int (type %s)", type_name(r));
    *v = r.type == T_BOOL ? v_int(r.u.i) : r;
    return true;
}

int class_reversed(VM *vm, Value obj, Value *out)
{
    bool found;
    if (!class_call_special(vm, obj, SN___reversed__, NULL, 0, out, &found))
        return 0;
    if (found)
        return 1;
    if (instance_native(obj).type != T_UNBOUND) {
        Value v = instance_native(obj);
        return vm_call(vm, v_obj((void *)&bi_reversed), &v, 1, NULL, out) ? 1 : 0;
    }
    Value len, item;
    if (!class_special(vm, obj, SN___len__, &len) || !class_special(vm, obj, SN___getitem__, &item))
        return 0;
    if (len.type != T_UNBOUND && item.type != T_UNBOUND)
        return -1;
    vm_raise(vm, EXC_TypeError, "'%s' object is not reversible", type_name(obj));
    return 0;
}

int class_iternext(VM *vm, Value obj, Value *out)
{
    bool found;
    if (!class_call_special(vm, obj, SN___next__, NULL, 0, out, &found))
        return -1; /* StopIteration included: vm_iternext_stop takes its value */
    if (!found && instance_native(obj).type == T_ITER)
        return vm_iternext_raw(vm, instance_native(obj), out);
    if (!found) {
        vm_raise(vm, EXC_TypeError, "'%s' object is not an iterator", type_name(obj));
        return -1;
    }
    return 1;
}

bool class_contains(VM *vm, Value obj, Value item, bool *out)
{
    bool found;
    Value r;
    VM_ROOT(vm, item);
    bool ok = class_call_special(vm, obj, SN___contains__, &vm->roots[vm->nroots - 1], 1, &r, &found);
    VM_UNROOT(vm, 1);
    if (!ok)
        return false;
    if (found)
        return class_truthy(vm, r, out);
    Value fn;
    if (!class_special(vm, obj, SN___iter__, &fn))
        return false;
    if (fn.type == T_UNBOUND && instance_native(obj).type != T_UNBOUND)
        return vm_contains(vm, instance_native(obj), item, out);
    if (fn.type == T_UNBOUND && !class_special(vm, obj, SN___getitem__, &fn)) /* else the old sequence protocol */
        return false;
    if (fn.type == T_UNBOUND || fn.type == T_NONE)
        return vm_raise(vm, EXC_TypeError, "argument of type '%s' is not iterable", type_name(obj));
    /* iterate, comparing each item; the iterator and item stay rooted */
    Value it;
    if (!class_getiter(vm, obj, &it))
        return false;
    VM_ROOT(vm, it);
    VM_ROOT(vm, item);
    VM_ROOT(vm, v_none());
    *out = false;
    int r2;
    ok = true;
    while (ok && (r2 = vm_iternext(vm, it, &vm->roots[vm->nroots - 1])) > 0) {
        bool eq;
        ok = vm_equal(vm, vm->roots[vm->nroots - 1], item, &eq);
        if (ok && eq) {
            *out = true;
            break;
        }
    }
    if (ok && r2 < 0)
        ok = false;
    VM_UNROOT(vm, 3);
    return ok;
}

/* ---- with ---------------------------------------------------------------------------- */

static bool file_exit(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *close = sname(SN_close);
    close->hdr.aux = Q_close; /* looked up as a built-in method */
    Value m[2];
    if (!vm_load_method(vm, args[0], close, m))
        return false;
    Value r;
    if (!call_nested(vm, m[0], args[0], m[1].type != T_UNBOUND, NULL, 0, &r))
        return false;
    *out = v_bool(false);
    return true;
}
static NATIVE(file_exit_m, "__exit__", file_exit, 4, 4);

bool class_enter(VM *vm, Value mgr, Value *exit_fn, Value *entered)
{
    if (mgr.type == T_FILE) {
        BoundMethod *b = boundmethod_new(vm, &file_exit_m, mgr);
        if (!b)
            return false;
        *exit_fn = v_obj(b);
        *entered = mgr;
        return true;
    }
    if (mgr.type == T_LIBOBJ && mgr.u.obj->aux == LIB_STRINGIO) { /* StringIO, text files (iomod.c) */
        BoundMethod *b = boundmethod_new(vm, &stringio_exit, mgr);
        if (!b)
            return false;
        *exit_fn = v_obj(b);
        *entered = mgr;
        return true;
    }
    if (mgr.type == T_MEMVIEW)
        return memview_with(vm, mgr, exit_fn, entered);
    Value enter, exit;
    if (!class_special(vm, mgr, SN___enter__, &enter) || !class_special(vm, mgr, SN___exit__, &exit))
        return false;
    Value native = instance_native(mgr);
    if (enter.type == T_UNBOUND && exit.type == T_UNBOUND && native.type == T_LIBOBJ &&
        native.u.obj->aux == LIB_STRINGIO) { /* a subclass of StringIO: `with` closes it */
        BoundMethod *b = boundmethod_new(vm, &stringio_exit, native);
        if (!b)
            return false;
        *exit_fn = v_obj(b);
        *entered = mgr;
        return true;
    }
    if (enter.type == T_UNBOUND || exit.type == T_UNBOUND)
        return vm_raise(vm, EXC_TypeError, "'%s' object does not support the context manager protocol",
                        type_name(mgr));
    if (!bind(vm, exit, mgr, type_of(mgr), false, exit_fn))
        return false;
    VM_ROOT(vm, *exit_fn);
    bool found;
    bool ok = class_call_special(vm, mgr, SN___enter__, NULL, 0, entered, &found);
    VM_UNROOT(vm, 1);
    return ok;
}
