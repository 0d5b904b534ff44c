/*
 * class_meta.c - metaclasses: `class C(B, metaclass=M, **kw)`, type's own
 * __new__, __init__, __call__ and __prepare__ (what a metaclass's methods
 * reach through super()), and the choice of the most derived metaclass.
 *
 * A class made by a user metaclass M is an ordinary Class whose meta is M:
 * type(C) is M, and user_class_of(C) gives M, so the special-method hooks
 * (repr, __call__, ...) look in M's namespace for C as they look in C's for
 * its instances. A program without metaclasses never gets here but for
 * BUILD_CLASS's look at the bases (each one's meta is NULL).
 */
#include <string.h>

#include "vm/class_internal.h"

#define METACLASS_CONFLICT                                                                        \
    "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the " \
    "metaclasses of all its bases"

bool class_meta_winner(VM *vm, const TypeObj *meta, const Value *bases, int nbases, const TypeObj **out)
{
    const TypeObj *w = meta;
    for (int i = 0; i < nbases; i++) {
        if (bases[i].type != T_TYPE)
            continue; /* class_build names it */
        const TypeObj *bm = type_of(bases[i]);
        if (type_is_subclass(w, bm))
            continue;
        if (!type_is_subclass(bm, w))
            return vm_raise(vm, EXC_TypeError, METACLASS_CONFLICT);
        w = bm;
    }
    *out = w;
    return true;
}

/* type.__new__(mcs, name, bases, ns, **kw): a class whose metaclass is the
 * most derived of mcs and the bases' ones; the keywords go to
 * __init_subclass__. The class owns a copy of ns. */
static bool type_dunder_new(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int nkw = kw ? (int)kw->len : 0, npos = nargs - nkw;
    if (npos < 1)
        return vm_raise(vm, EXC_TypeError, "type.__new__(): not enough arguments");
    if (args[0].type != T_TYPE)
        return vm_raise(vm, EXC_TypeError, "type.__new__(X): X is not a type object (%s)", type_name(args[0]));
    if (!type_is_subclass(AS(TypeObj, args[0]), &type_type))
        return vm_raise(vm, EXC_TypeError, "type.__new__(%s): %s is not a subtype of type", AS(TypeObj, args[0])->name,
                        AS(TypeObj, args[0])->name);
    if (npos != 4)
        return vm_raise(vm, EXC_TypeError, "type.__new__() takes exactly 3 arguments (%d given)", npos - 1);
    if (args[1].type != T_STR)
        return vm_raise(vm, EXC_TypeError, "type.__new__() argument 1 must be str, not %s", type_name(args[1]));
    if (args[2].type != T_TUPLE)
        return vm_raise(vm, EXC_TypeError, "type.__new__() argument 2 must be tuple, not %s", type_name(args[2]));
    Value given = instance_native(args[3]).type == T_DICT ? instance_native(args[3]) : args[3]; /* OrderedDict */
    if (given.type != T_DICT)
        return vm_raise(vm, EXC_TypeError, "type.__new__() argument 3 must be dict, not %s", type_name(args[3]));
    Tuple *bases = AS(Tuple, args[2]);
    const TypeObj *meta;
    if (!class_meta_winner(vm, AS(TypeObj, args[0]), bases->items, (int)bases->len, &meta))
        return false;
    Dict *ns = dict_new(vm);
    if (!ns)
        return false;
    VM_ROOT(vm, v_obj(ns));
    Dict *src = AS(Dict, given);
    bool ok = true;
    for (uint32_t i = 0; i < src->used && ok; i++)
        if (src->entries[i].key.type != T_UNBOUND)
            ok = dict_set(vm, ns, src->entries[i].key, src->entries[i].value);
    if (ok)
        ok = class_build_meta(vm, args[1], bases->items, (int)bases->len, v_obj(ns),
                              type_is_user(meta) ? (Class *)meta : NULL, args + npos, kw, out);
    VM_UNROOT(vm, 1);
    return ok;
}

/* type.__init__(cls, [name, bases, ns], **kw): the class is made already. */
static bool type_dunder_init(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int npos = nargs - (kw ? (int)kw->len : 0);
    if (npos != 2 && npos != 4)
        return vm_raise(vm, EXC_TypeError, "type.__init__() takes 1 or 3 arguments");
    *out = v_none();
    return true;
}

/* type.__call__(cls, ...): what a metaclass's __call__ passes on to. */
static bool type_dunder_call(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (args[0].type != T_TYPE)
        return vm_raise(vm, EXC_TypeError, "descriptor '__call__' requires a 'type' object but received a '%s'",
                        type_name(args[0]));
    if (type_is_user(AS(TypeObj, args[0])))
        return class_instantiate(vm, AS(Class, args[0]), args + 1, nargs - 1, kw, out);
    return vm_call(vm, args[0], args + 1, nargs - 1, kw, out);
}

/* type.__prepare__(name, bases, **kw): the empty namespace. */
static bool type_dunder_prepare(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Dict *d = dict_new(vm);
    if (!d)
        return false;
    *out = v_obj(d);
    return true;
}

NATIVE_WITH_KW(type_new_native, "__new__", type_dunder_new, 0, -1);
static NATIVE_WITH_KW(type_init_m, "__init__", type_dunder_init, 1, -1);
static NATIVE_WITH_KW(type_call_m, "__call__", type_dunder_call, 1, -1);
static NATIVE_WITH_KW(type_prepare_m, "__prepare__", type_dunder_prepare, 0, -1);

bool type_dunder_method(const Str *name, Value *out)
{
    static const Native *const methods[] = {&type_new_native, &type_init_m, &type_call_m};
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        if (strlen(methods[i]->name) == name->len && memcmp(methods[i]->name, name->data, name->len) == 0) {
            *out = v_obj((void *)methods[i]);
            return true;
        }
    if (name_is(name, SN___prepare__)) { /* a class method: binds nothing */
        *out = v_obj((void *)&type_prepare_m);
        return true;
    }
    return false;
}

bool is_type_dunder_method(Value cv)
{
    return cv.u.obj == (const Obj *)&type_new_native || cv.u.obj == (const Obj *)&type_init_m ||
           cv.u.obj == (const Obj *)&type_call_m;
}

/* The namespace the metaclass's __prepare__ gives (called with the name, the
 * bases and the keywords: args less the namespace) under the one the body
 * made: its entries the body did not set are added to ns. The body has run
 * already (deviation 19). */
static bool prepare_namespace(VM *vm, Class *meta, Tuple *args, Tuple *kwnames, Dict *ns)
{
    Value fn, prepared;
    bool found;
    if (!mro_lookup(vm, &meta->t, snamev(SN___prepare__), true, &fn, &found))
        return false;
    if (!found)
        return true;
    if (!bind(vm, fn, v_obj(meta), &meta->t, true, &fn))
        return false;
    VM_ROOT(vm, fn);
    Tuple *pa = tuple_new(vm, args->len - 1);
    bool ok = pa != NULL;
    if (ok) {
        pa->items[0] = args->items[0];
        pa->items[1] = args->items[1];
        memcpy(pa->items + 2, args->items + 3, (size_t)(args->len - 3) * sizeof(Value));
        VM_ROOT(vm, v_obj(pa));
        ok = vm_recursion_enter(vm, NULL);
        if (ok) {
            ok = vm_call(vm, fn, pa->items, (int)pa->len, kwnames, &prepared);
            vm_recursion_leave(vm);
        }
        VM_UNROOT(vm, 1);
    }
    VM_UNROOT(vm, 1);
    if (!ok)
        return false;
    Value pd = instance_native(prepared).type == T_DICT ? instance_native(prepared) : prepared;
    if (pd.type != T_DICT)
        return vm_raise(vm, EXC_TypeError, "%s.__prepare__() must return a mapping, not %s", meta->t.name,
                        type_name(prepared));
    VM_ROOT(vm, prepared);
    Dict *src = AS(Dict, pd);
    for (uint32_t i = 0; i < src->used && ok; i++) {
        Value have;
        bool set;
        if (src->entries[i].key.type == T_UNBOUND)
            continue;
        ok = dict_get(vm, ns, src->entries[i].key, &have, &set);
        if (ok && !set)
            ok = dict_set(vm, ns, src->entries[i].key, src->entries[i].value);
    }
    VM_UNROOT(vm, 1);
    return ok;
}

bool class_build_stmt(VM *vm, Value name, Value *bases, int nbases, Value kw, Value ns, Value *out)
{
    Value meta = v_unbound();
    uint32_t nkw = 0;
    if (kw.type == T_DICT) {
        Dict *d = AS(Dict, kw);
        for (uint32_t i = 0; i < d->used; i++) {
            const DictEntry *e = &d->entries[i];
            if (e->key.type == T_UNBOUND)
                continue;
            if (AS(Str, e->key)->len == 9 && memcmp(AS(Str, e->key)->data, "metaclass", 9) == 0)
                meta = e->value;
            else
                nkw++;
        }
    }
    if (meta.type == T_UNBOUND)
        meta = v_obj((void *)(nbases > 0 && bases[0].type == T_TYPE ? type_of(bases[0]) : &type_type));
    if (meta.type == T_TYPE) {
        const TypeObj *w;
        if (!class_meta_winner(vm, AS(TypeObj, meta), bases, nbases, &w))
            return false;
        meta = v_obj((void *)w);
        if (w == &type_type && nkw == 0)
            return class_build(vm, name, bases, nbases, ns, out); /* no metaclass, no keywords */
    }
    /* the call's arguments: name, bases, ns, then the keywords' values */
    Tuple *args = tuple_new(vm, 3 + nkw);
    if (!args)
        return false;
    VM_ROOT(vm, v_obj(args));
    Tuple *names = nkw ? tuple_new(vm, nkw) : NULL;
    if (nkw && !names) {
        VM_UNROOT(vm, 1);
        return false;
    }
    VM_ROOT(vm, names ? v_obj(names) : v_none());
    Tuple *bt = tuple_new(vm, (uint32_t)nbases);
    bool ok = bt != NULL;
    if (ok) {
        memcpy(bt->items, bases, (size_t)nbases * sizeof(Value));
        args->items[0] = name;
        args->items[1] = v_obj(bt);
        args->items[2] = ns;
        Dict *d = kw.type == T_DICT ? AS(Dict, kw) : NULL;
        for (uint32_t i = 0, k = 0; d && i < d->used; i++) {
            const DictEntry *e = &d->entries[i];
            if (e->key.type == T_UNBOUND ||
                (AS(Str, e->key)->len == 9 && memcmp(AS(Str, e->key)->data, "metaclass", 9) == 0))
                continue;
            names->items[k] = e->key;
            args->items[3 + k++] = e->value;
        }
    }
    if (ok && meta.u.obj == (const Obj *)&type_type) /* keywords for __init_subclass__ only */
        ok = class_build_meta(vm, name, bases, nbases, ns, NULL, args->items + 3, names, out);
    else if (ok) {
        if (meta.type == T_TYPE && type_is_user(AS(TypeObj, meta)))
            ok = prepare_namespace(vm, AS(Class, meta), args, names, AS(Dict, ns));
        if (ok)
            ok = vm_call(vm, meta, args->items, (int)(3 + nkw), names, out);
    }
    VM_UNROOT(vm, 2);
    return ok;
}

/* isinstance(v, cls) and issubclass(v, cls) ask cls's metaclass first, as
 * CPython does: its __instancecheck__ or __subclasscheck__ (sn), whose
 * result's truth is the answer (abc.ABCMeta.register's virtual subclasses).
 * 1 answered (*out), 0 raised, -1 no such hook: the built-in test applies. */
int class_meta_check(VM *vm, Value cls, enum SpecialName sn, Value v, bool *out)
{
    if (cls.type != T_TYPE || !type_is_user(AS(TypeObj, cls)) || !AS(Class, cls)->meta)
        return -1;
    Value res;
    bool found;
    if (!class_call_special(vm, cls, sn, &v, 1, &res, &found))
        return 0;
    if (!found)
        return -1;
    VM_ROOT(vm, res);
    bool ok = class_truthy(vm, res, out);
    VM_UNROOT(vm, 1);
    return ok ? 1 : 0;
}
