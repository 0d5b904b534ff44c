/*
 * funcattr.c - the attributes a program gives a function (deviation 43):
 * `f.calls = 0`, `f.__dict__`, and `__name__`, `__qualname__` and `__doc__`
 * assigned, `__module__` read and assigned. A function carries no dict until
 * one is asked for or stored into: most never are.
 *
 * `__name__` and `__qualname__` are not in `__dict__` (CPython keeps them
 * in the function object too); they live in Function.renamed, keyed by their
 * own names, next to an assigned `__doc__` (unassigned, it reads the
 * docstring the code object carries). `__defaults__` stays read-only:
 * compiled calls build the defaults in.
 */
#include <string.h>

#include "vm/class.h"
#include "vm/obj.h"
#include "vm/vm.h"

static bool named(const Str *s, const char *what)
{
    size_t n = strlen(what);
    return s->len == n && memcmp(s->data, what, n) == 0;
}

static bool is_renamed(const Str *name)
{
    return named(name, "__name__") || named(name, "__qualname__") || named(name, "__doc__") ||
           named(name, "__module__");
}

/* *slot, made empty the first time it is needed. */
static Dict *dict_of(VM *vm, Dict **slot)
{
    if (!*slot)
        *slot = dict_new(vm);
    return *slot;
}

/* 1 found (*out), 0 raised, -1 not one of the program's. */
int function_attr(VM *vm, Function *f, Str *name, Value *out)
{
    if (named(name, "__dict__")) {
        Dict *d = dict_of(vm, &f->dict);
        if (!d)
            return 0;
        *out = v_obj(d);
        return 1;
    }
    Dict *d = is_renamed(name) ? f->renamed : f->dict;
    bool found = false;
    if (d && !dict_get(vm, d, v_obj(name), out, &found))
        return 0;
    if (!found && named(name, "__module__")) { /* not assigned: where the def is */
        Str *m = str_from_cstr(vm, module_of_code(vm, f->code));
        if (!m)
            return 0;
        *out = v_obj(m);
        return 1;
    }
    if (!found && named(name, "__doc__")) { /* not assigned: the def's docstring, or None */
        *out = f->code->doc ? v_obj(f->code->doc) : v_none();
        return 1;
    }
    return found ? 1 : -1;
}

/* f.name = value (value T_UNBOUND: del f.name), with CPython's errors. */
bool function_store_attr(VM *vm, Function *f, Str *name, Value value)
{
    bool del = value.type == T_UNBOUND;
    if (named(name, "__name__") || named(name, "__qualname__")) {
        if (value.type != T_STR)
            return vm_raise(vm, EXC_TypeError, "%s must be set to a string object", name->data);
    } else if (named(name, "__dict__")) {
        if (del)
            return vm_raise(vm, EXC_TypeError, "cannot delete __dict__");
        if (value.type != T_DICT)
            return vm_raise(vm, EXC_TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(value));
        f->dict = AS(Dict, value);
        return true;
    } else if (named(name, "__defaults__") || named(name, "__kwdefaults__") || named(name, "__globals__") ||
               named(name, "__closure__") || named(name, "__code__")) {
        return vm_raise(vm, EXC_AttributeError, "attribute '%s' of 'function' objects is not writable by P4JIT",
                        name->data);
    }
    bool renamed = is_renamed(name);
    Dict *d = dict_of(vm, renamed ? &f->renamed : &f->dict);
    if (!d)
        return false;
    if (!del)
        return dict_set(vm, d, v_obj(name), value);
    if (renamed) { /* del f.__doc__: None, as in CPython */
        return dict_set(vm, d, v_obj(name), v_none());
    }
    bool found;
    Value old;
    if (!dict_get(vm, d, v_obj(name), &old, &found))
        return false;
    if (!found)
        return vm_raise(vm, EXC_AttributeError, "'function' object has no attribute '%s'", name->data);
    return dict_delete(vm, d, v_obj(name));
}
