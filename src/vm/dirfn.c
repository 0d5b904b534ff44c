/*
 * dirfn.c - dir() and vars(): the names an object answers to, and its
 * namespace dict.
 *
 * dir(x) gathers names without running user code where it can: an
 * instance's dict, its classes' dicts along the MRO, a built-in type's
 * method table, a module's globals. The dunders (__class__, __eq__, ...)
 * are kept only where getattr on the type finds them, so every name dir()
 * lists can be read; P4JIT's built-in types have fewer dunders than
 * CPython's (language.md).
 */
#include <string.h>

#include "vm/vm.h"
#include "vm/class.h"
#include "vm/p4b.h"

/* The dunders dir() offers, each kept when the type has it. */
static const char *const dunder_candidates[] = {
#define P4_SN_NAME(n) #n,
    P4_SPECIAL_NAMES(P4_SN_NAME)
#undef P4_SN_NAME
    "__doc__", "__name__", "__setattr__", "__delattr__", "__getattribute__", "__init_subclass__",
    "__subclasshook__", "__sizeof__", "__reduce__", "__reduce_ex__", "__weakref__", "__file__",
};

static bool add_name(VM *vm, Dict *names, Value key)
{
    return key.type != T_STR || dict_set(vm, names, key, v_none());
}

static bool add_cstr(VM *vm, Dict *names, const char *s)
{
    Str *k = str_from_cstr(vm, s);
    if (!k)
        return false;
    VM_ROOT(vm, v_obj(k));
    bool ok = dict_set(vm, names, v_obj(k), v_none());
    VM_UNROOT(vm, 1);
    return ok;
}

static bool add_dict_keys(VM *vm, Dict *names, const Dict *d)
{
    for (uint32_t i = 0; d && i < d->used; i++)
        if (d->entries[i].key.type != T_UNBOUND && !add_name(vm, names, d->entries[i].key))
            return false;
    return true;
}

/* The methods of a built-in type whose values have type code t. */
static bool add_methods(VM *vm, Dict *names, unsigned t)
{
    const MethodEntry *tables[2];
    uint32_t counts[2];
    unsigned n = attr_method_tables(t, tables, counts);
    for (unsigned k = 0; k < n; k++)
        for (uint32_t i = 0; i < counts[k]; i++)
            if (!add_cstr(vm, names, qid_names[tables[k][i].qid]))
                return false;
    return true;
}

/* A class's own names and its bases', along the MRO. */
static bool add_class(VM *vm, Dict *names, Value cls)
{
    const TypeObj *t = AS(TypeObj, cls);
    if (!type_is_user(t))
        return add_methods(vm, names, t->value_type);
    Tuple *mro = ((const Class *)t)->mro;
    for (uint32_t i = 0; mro && i < mro->len; i++) {
        const TypeObj *m = AS(TypeObj, mro->items[i]);
        if (type_is_user(m) ? !add_dict_keys(vm, names, ((const Class *)m)->dict)
                            : !add_methods(vm, names, m->value_type))
            return false;
    }
    return true;
}

static bool add_module(VM *vm, Dict *names, Value mod)
{
    const Module *m = AS(Module, mod);
    if (!add_cstr(vm, names, "__name__"))
        return false;
    if (!(m->hdr.flags & MODULE_PY)) {
        for (uint32_t i = 0; i < m->nattrs; i++)
            if (!add_cstr(vm, names, m->attrs[i].name))
                return false;
        return true;
    }
    const Program *p = ((const PyModule *)m)->program;
    for (uint32_t g = 0; g < p->nglobals; g++)
        if (p->globals[g].type != T_UNBOUND && !add_name(vm, names, p->strings[p->p4b->globals[g]]))
            return false;
    return add_dict_keys(vm, names, p->extra_names);
}

/* The dunders `where` (a type, or a module) answers to. */
static bool add_dunders(VM *vm, Dict *names, Value where)
{
    for (size_t i = 0; i < sizeof dunder_candidates / sizeof dunder_candidates[0]; i++) {
        Str *k = str_from_cstr(vm, dunder_candidates[i]);
        if (!k)
            return false;
        VM_ROOT(vm, v_obj(k));
        Value v;
        bool ok = true;
        if (vm_load_attr(vm, where, k, &v))
            ok = dict_set(vm, names, v_obj(k), v_none());
        else if (vm->exc.type == T_EXCEPTION && exc_matches(AS(Exception, vm->exc), &exc_types[EXC_AttributeError]))
            vm->exc = v_unbound();
        else
            ok = false;
        VM_UNROOT(vm, 1);
        if (!ok)
            return false;
    }
    return true;
}

static bool sorted_list(VM *vm, Value iterable, Value *out)
{
    VM_ROOT(vm, iterable);
    bool ok = bi_sorted.fn(vm, &vm->roots[vm->nroots - 1], 1, NULL, out);
    VM_UNROOT(vm, 1);
    return ok;
}

static bool dir_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value scope, glob;
    if (nargs == 0) { /* the caller's names; a module's own __name__ too */
        if (!bi_locals.fn(vm, NULL, 0, NULL, &scope))
            return false;
        VM_ROOT(vm, scope); /* a function's locals() is a new dict: kept while globals() allocates */
        bool ok = bi_globals.fn(vm, NULL, 0, NULL, &glob);
        if (ok && scope.type == T_DICT && glob.type == T_DICT && scope.u.obj == glob.u.obj) {
            Dict *names = dict_new(vm);
            ok = names != NULL;
            if (ok) {
                VM_ROOT(vm, v_obj(names));
                ok = add_dict_keys(vm, names, AS(Dict, scope)) && add_cstr(vm, names, "__name__") &&
                     sorted_list(vm, v_obj(names), out);
                VM_UNROOT(vm, 1);
            }
        } else if (ok) {
            ok = sorted_list(vm, scope, out);
        }
        VM_UNROOT(vm, 1);
        return ok;
    }
    Value x = args[0];
    if (x.type == T_INSTANCE) { /* a class's __dir__ decides */
        bool found;
        Value r;
        if (!class_call_special(vm, x, SN___dir__, NULL, 0, &r, &found))
            return false;
        if (found)
            return sorted_list(vm, r, out);
    }
    Dict *names = dict_new(vm);
    if (!names)
        return false;
    VM_ROOT(vm, v_obj(names));
    Value cls = v_none();
    bool ok = x.type == T_MODULE || bi_type.fn(vm, &x, 1, NULL, &cls);
    VM_ROOT(vm, cls);
    if (ok && x.type == T_INSTANCE)
        ok = add_dict_keys(vm, names, AS(Instance, x)->dict);
    if (ok && x.type == T_MODULE)
        ok = add_module(vm, names, x);
    else if (ok && x.type == T_TYPE)
        ok = add_class(vm, names, x) && add_dunders(vm, names, x);
    else if (ok)
        ok = add_class(vm, names, cls) && add_dunders(vm, names, cls);
    VM_UNROOT(vm, 1);
    ok = ok && sorted_list(vm, v_obj(names), out);
    VM_UNROOT(vm, 1);
    return ok;
}
NATIVE(bi_dir, "dir", dir_fn, 0, 1);

static bool vars_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nargs == 0)
        return bi_locals.fn(vm, NULL, 0, NULL, out);
    Str *name = str_from_cstr(vm, "__dict__");
    if (!name)
        return false;
    VM_ROOT(vm, v_obj(name));
    bool ok = vm_load_attr(vm, args[0], name, out);
    VM_UNROOT(vm, 1);
    if (ok)
        return true;
    if (vm->exc.type == T_EXCEPTION && exc_matches(AS(Exception, vm->exc), &exc_types[EXC_AttributeError])) {
        vm->exc = v_unbound();
        return vm_raise(vm, EXC_TypeError, "vars() argument must have __dict__ attribute");
    }
    return false;
}
NATIVE(bi_vars, "vars", vars_fn, 0, 1);
