/*
 * libobj.c - objects of the native library modules (T_LIBOBJ): allocation,
 * type names and attribute lookup. Each kind's methods live beside its
 * module (sysmod.c, collections.c, iomod.c); their tables are listed here.
 *
 * Methods are found by name, not qid: these are rarely called in loops, and
 * it keeps the shared qid table (obj.h) for the hot built-in types.
 */
#include <string.h>

#include "vm/vm.h"
#include "vm/libobj.h"

LibObj *libobj_new(VM *vm, enum LibKind kind, uint32_t nslots)
{
    LibObj *o = gc_alloc(vm, T_LIBOBJ, sizeof(LibObj) + nslots * sizeof(Value));
    if (!o)
        return NULL;
    o->hdr.aux = (uint16_t)kind;
    o->nslots = nslots;
    for (uint32_t i = 0; i < nslots; i++)
        o->slots[i] = v_none();
    return o;
}

const char *libobj_type_name(const LibObj *o)
{
    switch ((enum LibKind)o->hdr.aux) {
    case LIB_STDIO:    return "_io.TextIOWrapper";
    case LIB_STRINGIO: return "_io.StringIO";
    case LIB_OBJECT:   return "object";
    case LIB_NAMESPACE: return "types.SimpleNamespace";
    case LIB_CODE:     return "code";
    case LIB_WEAKREF:  return "weakref.ReferenceType";
    case LIB_FINALIZE: return "finalize";
    case LIB_OPGETTER: return operator_getter_type_name(o);
    default:           return "object";
    }
}

static int namespace_attr(VM *vm, LibObj *o, const Str *name, Value *out)
{
    bool found = false;
    if (!dict_get(vm, AS(Dict, o->slots[0]), v_obj((void *)name), out, &found))
        return 0;
    return found ? 1 : -1;
}
static const LibMethods namespace_methods = {NULL, 0, namespace_attr};

static const LibMethods *const method_tables[LIB__COUNT] = {
    [LIB_NAMESPACE] = &namespace_methods,
    [LIB_STDIO] = &stdio_methods,
    [LIB_STRINGIO] = &stringio_methods,
    [LIB_WEAKREF] = &weakref_methods,
    [LIB_FINALIZE] = &finalize_methods,
};

bool libobj_attr(VM *vm, Value obj, Str *name, Value *out)
{
    LibObj *o = AS(LibObj, obj);
    const LibMethods *t = o->hdr.aux < LIB__COUNT ? method_tables[o->hdr.aux] : NULL;
    for (uint32_t i = 0; t && i < t->n; i++) {
        const Native *m = t->methods[i];
        if (strlen(m->name) == name->len && memcmp(m->name, name->data, name->len) == 0) {
            BoundMethod *b = boundmethod_new(vm, m, obj);
            if (!b)
                return false;
            *out = v_obj(b);
            return true;
        }
    }
    if (t && t->data_attr) {
        int r = t->data_attr(vm, o, name, out);
        if (r >= 0)
            return r == 1;
    }
    return vm_raise(vm, EXC_AttributeError, "'%s' object has no attribute '%s'", libobj_type_name(o),
                    name->data);
}

/* A value kept per VM, made once: sys.argv must stay the same list. */
bool libstate_get(VM *vm, const char *key, bool (*make)(VM *vm, Value *out), Value *out)
{
    if (!vm->libstate && !(vm->libstate = dict_new(vm)))
        return false;
    Str *k = str_from_cstr(vm, key);
    if (!k)
        return false;
    VM_ROOT(vm, v_obj(k));
    bool found = false, ok = dict_get(vm, vm->libstate, v_obj(k), out, &found);
    if (ok && !found) {
        ok = make(vm, out);
        if (ok) {
            VM_ROOT(vm, *out);
            ok = dict_set(vm, vm->libstate, v_obj(k), *out);
            VM_UNROOT(vm, 1);
        }
    }
    VM_UNROOT(vm, 1);
    return ok;
}

bool lib_py_attr(VM *vm, const char *module, const char *name, Value *out)
{
    Str *m = str_from_cstr(vm, module);
    if (!m)
        return false;
    Value mod;
    VM_ROOT(vm, v_obj(m));
    bool ok = module_import(vm, m, &mod);
    VM_UNROOT(vm, 1);
    Str *n = ok ? str_from_cstr(vm, name) : NULL;
    if (!n)
        return false;
    VM_ROOT(vm, v_obj(n));
    ok = vm_load_attr(vm, mod, n, out);
    VM_UNROOT(vm, 1);
    return ok;
}

bool lib_kwargs(VM *vm, Value *args, int nargs, Tuple *kw, const char *fn, const char *const *allowed,
                Value **found, int *npos)
{
    int nkw = kw ? (int)kw->len : 0;
    for (int a = 0; allowed[a]; a++)
        found[a] = NULL;
    *npos = nargs - nkw;
    for (int k = 0; k < nkw; k++) {
        const Str *name = AS(Str, kw->items[k]);
        int a = 0;
        while (allowed[a] && strcmp(allowed[a], name->data) != 0)
            a++;
        if (!allowed[a])
            return vm_raise(vm, EXC_TypeError, "%s() got an unexpected keyword argument '%s'", fn, name->data);
        found[a] = &args[*npos + k];
    }
    return true;
}
