/*
 * class.c - user classes: building them (C3 MRO) and looking names up along
 * the MRO. Instances, attributes, descriptors and super(), and the special
 * methods the runtime calls are in class_instance.c, class_attr.c,
 * class_descr.c and class_special.c (what they share: class_internal.h).
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

#include "vm/class_internal.h"
#include "vm/memview.h"
#include "vm/coro.h"
#include "vm/set.h"
#include "vm/libobj.h"
#include "vm/long.h"

bool late_property; /* also read by compiled attribute stores (jit/build.c) */

/* ---- names ------------------------------------------------------------------- */

StaticStr special_strs[SN__COUNT] = {
#define P4_SN_STR(n) {{0, T_STR, STR_ASCII, QID_NONE}, sizeof #n - 1, 0, #n},
    P4_SPECIAL_NAMES(P4_SN_STR)
#undef P4_SN_STR
};

const Descr not_implemented = {{0, T_DESCR, 0, DESCR_NOTIMPLEMENTED}, {0, {0}}, {0, {0}}, {0, {0}}, {0, {0}}};

/* ---- calling Python code from C ---------------------------------------------- */

bool call_nested(VM *vm, Value fn, Value self, bool with_self, Value *args, int nargs, Value *out)
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

/* The MRO of any class as an array: a user class's tuple, or a built-in
 * class's base chain followed by object. */
uint32_t mro_array(const TypeObj *t, const TypeObj **out)
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

static NATIVE(object_init_m, "__init__", object_init, 1, -1);
static NATIVE_WITH_KW(native_init_m, "__init__", native_init, 1, -1);
static NATIVE(object_repr_m, "__repr__", object_repr, 1, 1);
static NATIVE(object_str_m, "__str__", object_str, 1, 1);
static NATIVE(object_eq_m, "__eq__", object_eq, 2, 2);
static NATIVE(object_ne_m, "__ne__", object_ne, 2, 2);
static NATIVE(object_hash_m, "__hash__", object_hash, 1, 1);
static NATIVE(object_setattr_m, "__setattr__", object_setattr, 3, 3);
static NATIVE(object_delattr_m, "__delattr__", object_delattr, 2, 2);
static NATIVE(object_getattribute_m, "__getattribute__", object_getattribute, 2, 2);
static NATIVE_WITH_KW(object_init_subclass_m, "__init_subclass__", object_init_subclass, 0, -1);

/* object.__init_subclass__ is a class method: super() binds the class to it. */
bool is_object_init_subclass(Value cv) { return cv.u.obj == (const Obj *)&object_init_subclass_m; }


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
    {SN___setattr__, &object_setattr_m}, {SN___delattr__, &object_delattr_m},
    {SN___getattribute__, &object_getattribute_m}, {SN___init_subclass__, &object_init_subclass_m},
};
static const NamedNative exc_natives[] = {
    {SN___init__, &exc_init_m}, {SN___str__, &exc_str_m}, {SN___repr__, &exc_repr_m},
};

/* Is cv a method of a built-in class (object.__init__, BaseException.__str__),
 * which binds like a def? Any other native a class holds (`f = abs` in the
 * body) is a plain value, as built-in functions are no descriptors in CPython. */
bool builtin_class_native(Value cv)
{
    if (cv.type != T_NATIVE)
        return false;
    if (cv.u.obj == (const Obj *)&native_init_m || is_type_dunder_method(cv))
        return true;
    for (size_t i = 0; i < sizeof object_natives / sizeof object_natives[0]; i++)
        if (cv.u.obj == (const Obj *)object_natives[i].fn)
            return true;
    for (size_t i = 0; i < sizeof exc_natives / sizeof exc_natives[0]; i++)
        if (cv.u.obj == (const Obj *)exc_natives[i].fn)
            return true;
    return false;
}

/* The built-in types a class may derive from: its instances then carry a
 * value of that type (Instance.native) that inherited behaviour works on. */
/* map, filter, zip, enumerate, reversed: their instances are iterators */
static bool is_iter_class(const TypeObj *t)
{
    return t == &type_map || t == &type_filter || t == &type_zip || t == &type_enumerate || t == &type_reversed;
}

/* The built-in types CPython marks final (no subclass, with its message) */
static bool final_builtin(const TypeObj *t)
{
    static const TypeObj *const final[] = {&type_bool, &type_range, &type_slice, &type_memoryview, &type_NoneType,
                                           &type_function, &type_generator, &type_coroutine,
                                           &type_builtin_function, &type_method};
    for (unsigned i = 0; i < sizeof final / sizeof final[0]; i++)
        if (t == final[i])
            return true;
    return false;
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
bool immutable_builtin(const TypeObj *t)
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
    } else if (k == &type_type) { /* a metaclass's super().__new__(...) */
        return is_dunder(name) && type_dunder_method(name, out);
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
bool mro_lookup_from(VM *vm, const TypeObj *t, uint32_t from, Value name, bool user_only,
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

/* class_special's body, inlined into class_call_special (the metaclass's
 * branch made gcc stop inlining the call there). */
static inline __attribute__((always_inline)) bool special_of(VM *vm, Value obj, enum SpecialName sn, Value *fn)
{
    Class *c = user_class_of(obj);
    bool found = false;
    if (c && !mro_lookup(vm, &c->t, snamev(sn), true, fn, &found))
        return false;
    if (!found)
        fn->type = T_UNBOUND;
    return true;
}

bool class_special(VM *vm, Value obj, enum SpecialName sn, Value *fn) { return special_of(vm, obj, sn, fn); }

bool class_call_special(VM *vm, Value obj, enum SpecialName sn, Value *args, int nargs, Value *out,
                        bool *found)
{
    Value fn;
    *found = false;
    if (!special_of(vm, obj, sn, &fn))
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
bool is_data_descriptor(VM *vm, Value v)
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

/* The nearest base's __init_subclass__(c, **kw) (c and kwvals rooted);
 * object's does nothing and takes no keywords. */
static bool init_subclass(VM *vm, Class *c, Value *kwvals, Tuple *kwnames)
{
    Value fn, r;
    bool found;
    int nkw = kwnames ? (int)kwnames->len : 0;
    if (!mro_lookup_from(vm, &c->t, 1, snamev(SN___init_subclass__), true, &fn, &found))
        return false;
    if (!found)
        return nkw == 0 || vm_raise(vm, EXC_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                                    c->qualname->data);
    VM_ROOT(vm, fn);
    bool ok = vm_recursion_enter(vm, NULL);
    if (ok) {
        if (fn.type == T_DESCR && fn.u.obj->aux == DESCR_CLASSMETHOD)
            ok = vm_call_method(vm, AS(Descr, fn)->a, v_obj(c), kwvals, nkw, kwnames, &r);
        else if (fn.type == T_DESCR && fn.u.obj->aux == DESCR_STATICMETHOD)
            ok = vm_call_method(vm, AS(Descr, fn)->a, v_obj(c), kwvals, nkw, kwnames, &r);
        else
            ok = vm_call_method(vm, fn, v_obj(c), kwvals, nkw, kwnames, &r);
        vm_recursion_leave(vm);
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
    return class_build_meta(vm, name, bases, nbases, ns, NULL, NULL, NULL, out);
}

bool class_build_meta(VM *vm, Value name, Value *bases, int nbases, Value ns, Class *meta, Value *kwvals,
                      Tuple *kwnames, Value *out)
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
        if (final_builtin(b))
            return vm_raise(vm, EXC_TypeError, "type '%s' is not an acceptable base type", b->name);
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

    /* __init_subclass__ is a class method without the decorator */
    Value init_sub;
    bool has_init_sub;
    if (!dict_get(vm, d, snamev(SN___init_subclass__), &init_sub, &has_init_sub))
        return false;
    if (has_init_sub && init_sub.type == T_FUNCTION) {
        Value cm;
        if (!vm_call(vm, v_obj((void *)&type_classmethod), &init_sub, 1, NULL, &cm))
            return false;
        VM_ROOT(vm, cm);
        bool ok = dict_set(vm, d, snamev(SN___init_subclass__), cm);
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
    /* every class has __doc__ in its own dict: the body's docstring, else None (as CPython's type()) */
    bool has_doc = false;
    Value doc;
    if (!dict_get(vm, d, v_obj(sname(SN___doc__)), &doc, &has_doc) ||
        (!has_doc && !dict_set(vm, d, v_obj(sname(SN___doc__)), v_none()))) {
        VM_UNROOT(vm, 4);
        return false;
    }
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
    c->meta = meta;
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
    if (!class_note_attr_hooks(vm, c))
        return false;
    VM_ROOT(vm, v_obj(c));
    bool named = call_set_names(vm, c) && init_subclass(vm, c, kwvals, kwnames);
    VM_UNROOT(vm, 1);
    if (!named)
        return false;
    *out = v_obj(c);
    return true;
}
