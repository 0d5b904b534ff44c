/*
 * attr.c - attribute lookup: obj.name and obj.name(...) by qid.
 *
 * The loader tags every string that is a known attribute name with its qid
 * (obj.h, P4_QNAMES), so a lookup is a small table scan on a number.
 */
#include <math.h>
#include <string.h>

#include "vm/coro.h"
#include "vm/gen.h"
#include "vm/set.h"
#include "vm/complex.h"
#include "vm/memview.h"
#include "vm/vm.h"
#include "vm/class.h"

const char *const qid_names[Q__COUNT] = {
#define P4_QID_NAME(n) #n,
    P4_QNAMES(P4_QID_NAME)
#undef P4_QID_NAME
};

/* Each name's length, known at compile time: the loader asks qid_lookup
 * about every string of a module, and strlen over the whole table each time
 * was a quarter of `import asyncio` from a frozen image. */
static const uint8_t qid_lengths[Q__COUNT] = {
#define P4_QID_LENGTH(n) sizeof #n - 1,
    P4_QNAMES(P4_QID_LENGTH)
#undef P4_QID_LENGTH
};

uint16_t qid_lookup(const char *name, uint32_t len)
{
    for (unsigned q = 0; q < Q__COUNT; q++)
        if (qid_lengths[q] == len && qid_names[q][0] == name[0] && memcmp(qid_names[q], name, len) == 0)
            return (uint16_t)q;
    return QID_NONE;
}

static const Native *find_method(const MethodEntry *table, uint32_t n, uint16_t qid)
{
    for (uint32_t i = 0; i < n; i++)
        if (table[i].qid == qid)
            return table[i].fn;
    return NULL;
}

extern const Native slice_indices_method; /* slice.indices(length) (vm/iter.c) */

static const Native *method_of(Value obj, uint16_t qid)
{
    if (qid == QID_NONE)
        return NULL;
    switch ((Type)obj.type) {
    case T_STR:       return find_method(str_methods, n_str_methods, qid);
    case T_BYTES:     return find_method(bytes_methods, n_bytes_methods, qid);
    case T_LIST:      return find_method(list_methods, n_list_methods, qid);
    case T_DICT:      return find_method(dict_methods, n_dict_methods, qid);
    case T_TUPLE:     return find_method(tuple_methods, n_tuple_methods, qid);
    case T_RANGE:     return find_method(range_methods, n_range_methods, qid);
    case T_ARRAY: {
        const Native *m = find_method(array_methods, n_array_methods, qid);
        return m ? m : find_method(array_own_methods, n_array_own_methods, qid);
    }
    case T_BYTEARRAY: {
        const Native *m = find_method(array_methods, n_array_methods, qid);
        return m ? m : find_method(bytearray_methods, n_bytearray_methods, qid);
    }
    case T_FLOAT:     return find_method(float_methods, n_float_methods, qid);
    case T_INT:
    case T_BOOL:
    case T_LONG:      return find_method(int_methods, n_int_methods, qid);
    case T_FILE:      return find_method(file_methods, n_file_methods, qid);
    case T_SET:       return find_method(set_methods, n_set_methods, qid);
    case T_FROZENSET: return find_method(frozenset_methods, n_frozenset_methods, qid);
    case T_DICTVIEW:  /* keys and items views are set-like (set.c) */
        return AS(DictView, obj)->hdr.aux != VIEW_VALUES ? find_method(dictview_methods, n_dictview_methods, qid) : NULL;
    case T_GEN:       return coro_method(obj, qid); /* vm/coro.c */
    default:          return NULL;
    }
}

unsigned attr_method_tables(unsigned type, const MethodEntry **tables, uint32_t *counts)
{
    unsigned n = 0;
#define TABLE(t) (tables[n] = t##_methods, counts[n++] = n_##t##_methods)
    switch ((Type)type) {
    case T_STR:       TABLE(str); break;
    case T_BYTES:     TABLE(bytes); break;
    case T_LIST:      TABLE(list); break;
    case T_DICT:      TABLE(dict); break;
    case T_TUPLE:     TABLE(tuple); break;
    case T_RANGE:     TABLE(range); break;
    case T_ARRAY:     TABLE(array); TABLE(array_own); break;
    case T_BYTEARRAY: TABLE(array); TABLE(bytearray); break;
    case T_FLOAT:     TABLE(float); break;
    case T_INT: case T_BOOL: case T_LONG: TABLE(int); break;
    case T_FILE:      TABLE(file); break;
    case T_SET:       TABLE(set); break;
    case T_FROZENSET: TABLE(frozenset); break;
    case T_GEN:       TABLE(gen); break;
    default:          break;
    }
#undef TABLE
    return n;
}

static bool module_attr_is(const Module *m, uint32_t i, const Str *name)
{
    const char *an = m->attrs[i].name; /* compared as we go: most names differ in the first byte */
    for (uint32_t k = 0; k < name->len; k++)
        if (an[k] == '\0' || an[k] != name->data[k])
            return false;
    return an[name->len] == '\0';
}

/* The index of name among m's attributes, or -1. */
static int32_t module_attr_index(const Module *m, const Str *name)
{
    for (uint32_t i = 0; i < m->nattrs; i++)
        if (module_attr_is(m, i, name))
            return (int32_t)i;
    return -1;
}

static bool module_attr_at(VM *vm, const Module *m, uint32_t i, Value *out)
{
    *out = m->attrs[i].get();
    if (out->type == T_NATIVE && (out->u.obj->flags & NATIVE_GETTER))
        return AS(Native, *out)->fn(vm, NULL, 0, NULL, out);
    return true;
}

/* sys.__dict__: a new dict of a built-in module's attributes (so storing
 * into it changes nothing; CPython's built-in modules take new names). */
static bool builtin_module_dict(VM *vm, const Module *m, Value *out)
{
    Dict *d = dict_new(vm);
    if (!d)
        return false;
    VM_ROOT(vm, v_obj(d));
    Str *modname = str_from_cstr(vm, m->name);
    bool ok = modname != NULL;
    Value v = ok ? v_obj(modname) : v_none();
    VM_ROOT(vm, v);
    ok = ok && dict_set_cstr(vm, d, "__name__", v);
    for (uint32_t i = 0; ok && i < m->nattrs; i++) {
        ok = module_attr_at(vm, m, i, &v);
        vm->roots[vm->nroots - 1] = v; /* the value rooted while its key is made */
        ok = ok && dict_set_cstr(vm, d, m->attrs[i].name, v);
    }
    VM_UNROOT(vm, 2);
    *out = v_obj(d);
    return ok;
}

static bool module_attr(VM *vm, const Module *m, const Str *name, Value *out)
{
    int32_t i = module_attr_index(m, name);
    if (i >= 0)
        return module_attr_at(vm, m, (uint32_t)i, out);
    if (name->hdr.aux == Q___name__) { /* sys.__name__ */
        Str *s = str_from_cstr(vm, m->name);
        if (!s)
            return false;
        *out = v_obj(s);
        return true;
    }
    if (name->len == 8 && memcmp(name->data, "__dict__", 8) == 0)
        return builtin_module_dict(vm, m, out);
    return vm_raise(vm, EXC_AttributeError, "module '%s' has no attribute '%s'", m->name, name->data);
}

/* Data attributes (not methods) of built-in values. */
static bool data_attr(VM *vm, Value obj, uint16_t qid, Value *out)
{
    switch (qid) {
    case Q_typecode:
        if (obj.type == T_ARRAY) {
            char tc = (char)AS(Array, obj)->hdr.aux;
            Str *s = str_new(vm, &tc, 1);
            if (!s)
                return false;
            *out = v_obj(s);
            return true;
        }
        break;
    case Q_itemsize:
        if (obj.type == T_ARRAY) {
            *out = v_int((int32_t)array_itemsize(AS(Array, obj)));
            return true;
        }
        break;
    case Q_start: case Q_stop: case Q_step:
        if (obj.type == T_RANGE) {
            Range *r = AS(Range, obj);
            *out = v_int(qid == Q_start ? r->start : qid == Q_stop ? r->stop : r->step);
            return true;
        }
        if (obj.type == T_SLICE) {
            Slice *s = AS(Slice, obj);
            *out = qid == Q_start ? s->start : qid == Q_stop ? s->stop : s->step;
            return true;
        }
        break;
    case Q_args:
        if (obj.type == T_EXCEPTION) {
            *out = v_obj(AS(Exception, obj)->args);
            return true;
        }
        break;
    case Q_value: /* StopIteration.value: what the generator returned */
        if (obj.type == T_EXCEPTION && exc_matches(AS(Exception, obj), &exc_types[EXC_StopIteration])) {
            Tuple *a = AS(Exception, obj)->args;
            *out = a->len ? a->items[0] : v_none();
            return true;
        }
        break;
    case Q_real:
        if (obj.type == T_LONG) {
            *out = obj;
            return true;
        }
        if (v_is_number(obj)) {
            *out = obj.type == T_BOOL ? v_int(obj.u.i) : obj;
            return true;
        }
        break;
    case Q_imag:
        if (v_is_number(obj) || obj.type == T_LONG) {
            *out = obj.type == T_FLOAT ? v_float(0.0f) : v_int(0);
            return true;
        }
        break;
    case Q_from_bytes:
        if (obj.type == T_TYPE && (AS(TypeObj, obj) == &type_int || AS(TypeObj, obj) == &type_bool))
            return int_from_bytes_of(vm, obj, out);
        break;
    case Q___name__: {
        const char *name = NULL;
        if (obj.type == T_FUNCTION) {
            *out = v_obj(AS(Function, obj)->code->name);
            return true;
        }
        if (obj.type == T_BOUNDMETHOD) { /* the function's name, a method bound or a built-in one */
            const BoundMethod *b = AS(BoundMethod, obj);
            if (!b->method && b->func.type == T_FUNCTION) {
                *out = v_obj(AS(Function, b->func)->code->name);
                return true;
            }
            name = b->method ? b->method->name : NULL;
        }
        if (obj.type == T_TYPE)
            name = AS(TypeObj, obj)->name;
        else if (obj.type == T_NATIVE)
            name = AS(Native, obj)->name;
        else if (obj.type == T_MODULE)
            name = AS(Module, obj)->name;
        if (name) {
            Str *s = str_from_cstr(vm, name);
            if (!s)
                return false;
            *out = v_obj(s);
            return true;
        }
        break;
    }
    default:
        break;
    }
    return false;
}

static bool no_attr(VM *vm, Value obj, const Str *name)
{
    if (obj.type == T_TYPE)
        return vm_raise(vm, EXC_AttributeError, "type object '%s' has no attribute '%s'",
                        AS(TypeObj, obj)->name, name->data);
    return vm_raise(vm, EXC_AttributeError, "'%s' object has no attribute '%s'", type_name(obj),
                    name->data);
}

bool vm_load_attr(VM *vm, Value obj, Str *name, Value *out)
{
    if (class_has_attrs(obj)) /* user instances and classes, exceptions, descriptors */
        return class_load_attr(vm, obj, name, out);
    if (obj.type == T_MODULE)
        return obj.u.obj->flags & MODULE_PY ? module_py_attr(vm, AS(PyModule, obj), name, out)
                                            : module_attr(vm, AS(Module, obj), name, out);
    if (obj.type == T_LIBOBJ)
        return libobj_attr(vm, obj, name, out);
    if (obj.type == T_COMPLEX || obj.type == T_MEMVIEW) { /* vm/complex.c, vm/memview.c */
        int r = obj.type == T_COMPLEX ? complex_attr(vm, obj, name, out) : memview_attr(vm, obj, name, out);
        if (r >= 0)
            return r == 1;
    }
    if (obj.type == T_LIST && (obj.u.obj->flags & LIST_DEQUE)) { /* collections.c */
        int r = deque_attr(vm, obj, name, out);
        if (r >= 0)
            return r == 1;
    }
    if (obj.type == T_TYPE) { /* str.upper, dict.fromkeys, ... (types.c) */
        int r = type_attr(vm, AS(TypeObj, obj), name, out);
        if (r >= 0)
            return r == 1;
    }
    if (obj.type == T_FUNCTION) { /* f.x = 1 before, __name__ assigned (funcattr.c) */
        int r = function_attr(vm, AS(Function, obj), name, out);
        if (r >= 0)
            return r == 1;
    }
    const Native *m = method_of(obj, name->hdr.aux);
    if (m) {
        BoundMethod *b = boundmethod_new(vm, m, obj);
        if (!b)
            return false;
        *out = v_obj(b);
        return true;
    }
    Value pending = vm->exc;
    if (data_attr(vm, obj, name->hdr.aux, out))
        return true;
    if (vm->exc.type == pending.type && vm->exc.u.obj == pending.u.obj) {
        int r = builtin_dunder_attr(vm, obj, name, out); /* {}.__setitem__, ... (dunder.c) */
        if (r >= 0)
            return r == 1;
    }
    if (vm->exc.type != pending.type || vm->exc.u.obj != pending.u.obj)
        return false; /* data_attr itself raised (out of memory) */
    if (obj.type == T_FILE && file_data_attr(obj, name, out) == 1)
        return true;
    if (obj.type == T_FUNCTION && name->len == 11 && memcmp(name->data, "__globals__", 11) == 0)
        return eval_function_globals(vm, AS(Function, obj), out);
    if (obj.type == T_FUNCTION && name->len == 12 && memcmp(name->data, "__defaults__", 12) == 0) {
        const Tuple *d = AS(Function, obj)->defaults; /* (read only: compiled calls build them in) */
        *out = d ? v_obj((void *)d) : v_none();
        return true;
    }
    if (obj.type == T_FUNCTION && name->len == 14 && memcmp(name->data, "__kwdefaults__", 14) == 0) {
        Dict *d = AS(Function, obj)->kwdefaults; /* the function's own: a store into it changes the default */
        *out = d ? v_obj(d) : v_none();
        return true;
    }
    if (name->len == 12 && memcmp(name->data, "__qualname__", 12) == 0) { /* a function's, or a bound one's */
        Value fn = obj.type == T_BOUNDMETHOD && !AS(BoundMethod, obj)->method ? AS(BoundMethod, obj)->func : obj;
        if (fn.type == T_FUNCTION) {
            *out = v_obj(AS(Function, fn)->code->qualname);
            return true;
        }
        if (obj.type == T_NATIVE || obj.type == T_TYPE) { /* print, int: top-level, so the plain name */
            Str *s = str_from_cstr(vm, obj.type == T_NATIVE ? AS(Native, obj)->name : AS(TypeObj, obj)->name);
            if (!s)
                return false;
            *out = v_obj(s);
            return true;
        }
    }
    if (obj.type == T_SLICE && name->len == 7 && memcmp(name->data, "indices", 7) == 0) {
        BoundMethod *b = boundmethod_new(vm, &slice_indices_method, obj);
        if (!b)
            return false;
        *out = v_obj(b);
        return true;
    }
    if (obj.type == T_BOUNDMETHOD && name->len == 8 && memcmp(name->data, "__self__", 8) == 0) {
        *out = AS(BoundMethod, obj)->self;
        return true;
    }
    if (obj.type == T_BOUNDMETHOD && !AS(BoundMethod, obj)->method && name->len == 8 &&
        memcmp(name->data, "__func__", 8) == 0) {
        *out = AS(BoundMethod, obj)->func;
        return true;
    }
    if (name->len == 9 && memcmp(name->data, "__class__", 9) == 0 && type_of(obj)) { /* (1).__class__ is int */
        *out = v_obj((void *)type_of(obj));
        return true;
    }
    if (obj.type == T_BOUNDMETHOD && !AS(BoundMethod, obj)->method && AS(BoundMethod, obj)->func.type == T_FUNCTION) {
        int r = function_attr(vm, AS(Function, AS(BoundMethod, obj)->func), name, out); /* a method's are its function's */
        if (r >= 0)
            return r == 1;
    }
    return no_attr(vm, obj, name);
}

bool vm_load_method(VM *vm, Value obj, Str *name, Value out[2])
{
    if (obj.type == T_MODULE && !(obj.u.obj->flags & MODULE_PY)) { /* math.sqrt(x): a function, no self */
        out[1] = v_unbound();
        return module_attr(vm, AS(Module, obj), name, &out[0]);
    }
    if (class_has_attrs(obj))
        return class_load_method(vm, obj, name, out);
    if (obj.type == T_LIST && (obj.u.obj->flags & LIST_DEQUE) && deque_method(name)) {
        out[0] = v_obj((void *)deque_method(name)); /* collections.c */
        out[1] = obj;
        return true;
    }
    const Native *m = method_of(obj, name->hdr.aux);
    if (m) {
        out[0] = v_obj((void *)m);
        out[1] = obj;
        return true;
    }
    out[1] = v_unbound();
    return vm_load_attr(vm, obj, name, &out[0]);
}

/* ---- inline caches ---------------------------------------------------------- */

#if defined(__GNUC__) || defined(__clang__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* What an AttrCache entry (vm.h) remembers. Each is a hint, checked at
 * every use against the live objects, so it needs no invalidation:
 *   IC_DICT    the instance's dict had the name at entry `index`
 *              (LOAD_ATTR, STORE_ATTR);
 *   IC_METHOD  the instance's dict lacked it, and the dict of the class at
 *              MRO position `depth` had a function there at `index`
 *              (LOAD_METHOD), the classes before it lacking it;
 *   IC_MODULE  a native module (static tables) had it at attrs[index]. */
enum { IC_NONE, IC_DICT, IC_METHOD, IC_MODULE };

#define PROBE_ABSENT (-1)
#define PROBE_UNSURE (-2) /* a key of another type hashes alike: only the general lookup can tell */

/* The entry of d holding the str key equal to name, PROBE_ABSENT or
 * PROBE_UNSURE; the probe of class.c's ns_get, which the lookups use. */
static int32_t probe_str(const Dict *d, Str *name)
{
    if (!d || d->mask == 0)
        return PROBE_ABSENT;
    uint32_t h = str_hash(name);
    for (uint32_t i = h & d->mask;; i = (i + 1) & d->mask) {
        int32_t e = d->index[i];
        if (e < 0)
            return PROBE_ABSENT;
        const DictEntry *de = &d->entries[e];
        if (de->hash != h || de->key.type == T_UNBOUND)
            continue;
        if (de->key.type != T_STR)
            return PROBE_UNSURE;
        if (de->key.u.obj == &name->hdr || str_equal(AS(Str, de->key), name))
            return e;
    }
}

/* Does entry i of d hold exactly the key name (the same object)? */
static inline bool entry_is(const Dict *d, uint32_t i, const Str *name)
{
    return d && i < d->used && d->entries[i].key.type == T_STR && d->entries[i].key.u.obj == &name->hdr;
}

static inline bool is_native_module(Value v)
{
    return v.type == T_MODULE && !(v.u.obj->flags & MODULE_PY);
}

static void cache_set(AttrCache *ic, const uint32_t *site, const Str *name, int kind, uint32_t index,
                      uint32_t depth, const void *module)
{
    if (index > UINT16_MAX || depth > UINT8_MAX)
        return;
    ic->site = site;
    ic->name = name;
    ic->kind = (uint8_t)kind;
    ic->index = (uint16_t)index;
    ic->depth = (uint8_t)depth;
    ic->module = module;
}

/* Remembers where a native module has name (after a lookup that found it). */
static void cache_module(AttrCache *ic, const uint32_t *site, const Module *m, const Str *name)
{
    int32_t i = module_attr_index(m, name);
    if (i >= 0)
        cache_set(ic, site, name, IC_MODULE, (uint32_t)i, 0, m);
}

/* Remembers the entry of the instance's dict that has name, if any. */
static void cache_dict(AttrCache *ic, const uint32_t *site, const Instance *in, const Str *name)
{
    int32_t e = probe_str(in->dict, (Str *)name);
    if (e >= 0 && entry_is(in->dict, (uint32_t)e, name))
        cache_set(ic, site, name, IC_DICT, (uint32_t)e, 0, NULL);
}

/* The misses, out of line: the hits stay small functions. */
static NOINLINE bool load_attr_miss(VM *vm, Value obj, Str *name, AttrCache *ic, const uint32_t *site, Value *out)
{
    if (!vm_load_attr(vm, obj, name, out))
        return false;
    /* obj is on the VM stack (still alive), and no allocation follows */
    if (obj.type == T_INSTANCE && AS(Instance, obj)->cls && class_no_properties(AS(Instance, obj)->cls))
        cache_dict(ic, site, AS(Instance, obj), name); /* (a property would come before the dict) */
    else if (is_native_module(obj))
        cache_module(ic, site, AS(Module, obj), name);
    return true;
}

bool vm_load_attr_cached(VM *vm, Value obj, Str *name, const uint32_t *site, Value *out)
{
    AttrCache *ic = vm_attr_cache(vm, site);
    if (ic->site == site && ic->name == name) {
        if (obj.type == T_INSTANCE && ic->kind == IC_DICT) {
            /* class_load_attr looks in the instance's dict first */
            Dict *d = AS(Instance, obj)->dict;
            if (entry_is(d, ic->index, name)) {
                *out = d->entries[ic->index].value;
                return true;
            }
        } else if (obj.type == T_MODULE && ic->kind == IC_MODULE && ic->module == obj.u.obj) {
            const Module *m = AS(Module, obj);
            if (ic->index < m->nattrs && module_attr_is(m, ic->index, name))
                return module_attr_at(vm, m, ic->index, out);
        }
    }
    if (obj.type != T_INSTANCE && obj.type != T_MODULE)
        return vm_load_attr(vm, obj, name, out);
    return load_attr_miss(vm, obj, name, ic, site, out);
}

/* The function a method call on an instance would get from its class, by
 * the hint: false when the hint does not hold. */
static bool method_by_hint(const AttrCache *ic, const Instance *in, Str *name, Value *fn)
{
    if (probe_str(in->dict, name) != PROBE_ABSENT)
        return false;
    const Tuple *mro = in->cls->mro;
    uint32_t k = ic->depth;
    if (k >= mro->len)
        return false;
    for (uint32_t j = 0; j <= k; j++) {
        const TypeObj *t = AS(TypeObj, mro->items[j]);
        if (!type_is_user(t))
            return false; /* a built-in class's methods are looked up otherwise */
        const Dict *d = ((const Class *)t)->dict;
        if (j < k) {
            if (probe_str(d, name) != PROBE_ABSENT)
                return false;
        } else if (entry_is(d, ic->index, name) && d->entries[ic->index].value.type == T_FUNCTION) {
            *fn = d->entries[ic->index].value;
            return true;
        }
    }
    return false;
}

/* Remembers where the MRO of in's class has the function name. */
static void cache_method(AttrCache *ic, const uint32_t *site, const Instance *in, Str *name)
{
    if (probe_str(in->dict, name) != PROBE_ABSENT)
        return;
    const Tuple *mro = in->cls->mro;
    for (uint32_t j = 0; j < mro->len; j++) {
        const TypeObj *t = AS(TypeObj, mro->items[j]);
        if (!type_is_user(t))
            return;
        const Dict *d = ((const Class *)t)->dict;
        int32_t e = probe_str(d, name);
        if (e == PROBE_ABSENT)
            continue;
        if (e >= 0 && entry_is(d, (uint32_t)e, name) && d->entries[e].value.type == T_FUNCTION)
            cache_set(ic, site, name, IC_METHOD, (uint32_t)e, j, NULL);
        return;
    }
}

static NOINLINE bool load_method_miss(VM *vm, Value obj, Str *name, AttrCache *ic, const uint32_t *site,
                                      Value out[2])
{
    if (!vm_load_method(vm, obj, name, out))
        return false;
    if (obj.type == T_INSTANCE && AS(Instance, obj)->cls) {
        if (out[0].type == T_FUNCTION && out[1].type == T_INSTANCE && out[1].u.obj == obj.u.obj)
            cache_method(ic, site, AS(Instance, obj), name);
    } else if (is_native_module(obj)) {
        cache_module(ic, site, AS(Module, obj), name);
    }
    return true;
}

bool vm_load_method_cached(VM *vm, Value obj, Str *name, const uint32_t *site, Value out[2])
{
    AttrCache *ic = vm_attr_cache(vm, site);
    if (ic->site == site && ic->name == name) {
        if (obj.type == T_INSTANCE && ic->kind == IC_METHOD) {
            /* as class_load_method: the instance's dict, then the MRO's
             * dicts; a function found there is called with self, not bound */
            const Instance *in = AS(Instance, obj);
            if (in->cls && method_by_hint(ic, in, name, &out[0])) {
                out[1] = obj;
                return true;
            }
        } else if (obj.type == T_MODULE && ic->kind == IC_MODULE && ic->module == obj.u.obj) {
            /* math.sqrt(x): a function of a native module, no self */
            const Module *m = AS(Module, obj);
            if (ic->index < m->nattrs && module_attr_is(m, ic->index, name)) {
                out[1] = v_unbound();
                return module_attr_at(vm, m, ic->index, &out[0]);
            }
        }
    }
    if (obj.type != T_INSTANCE && obj.type != T_MODULE)
        return vm_load_method(vm, obj, name, out);
    return load_method_miss(vm, obj, name, ic, site, out);
}

bool vm_store_attr_cached(VM *vm, Value obj, Str *name, const uint32_t *site, Value value)
{
    if (obj.type != T_INSTANCE || !AS(Instance, obj)->cls)
        return vm_store_attr(vm, obj, name, value);
    AttrCache *ic = vm_attr_cache(vm, site);
    Instance *in = AS(Instance, obj);
    /* vm_store_attr's plain case, an existing key: dict_set replaces its value */
    if (ic->site == site && ic->name == name && ic->kind == IC_DICT && entry_is(in->dict, ic->index, name) &&
        class_plain_store(in->cls)) {
        in->dict->entries[ic->index].value = value;
        return true;
    }
    if (!vm_store_attr(vm, obj, name, value))
        return false;
    if (class_plain_store(in->cls))
        cache_dict(ic, site, in, name);
    return true;
}

/* ---- float methods ---------------------------------------------------------- */

static bool float_is_integer(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    float f = args[0].u.f;
    *out = v_bool(isfinite(f) && floorf(f) == f);
    return true;
}
static NATIVE(float_is_integer_m, "is_integer", float_is_integer, 1, 1);

/* x.as_integer_ratio(): the float32's exact value as numerator / 2**k, in lowest terms. */
static bool float_as_integer_ratio(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    float f = args[0].u.f;
    if (isinf(f))
        return vm_raise(vm, EXC_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(f))
        return vm_raise(vm, EXC_ValueError, "cannot convert NaN to integer ratio");
    int e;
    float m = frexpf(f, &e); /* f = m * 2**e, 0.5 <= |m| < 1: 24 bits of mantissa */
    int32_t num = (int32_t)ldexpf(m, 24);
    e -= 24;
    while (e < 0 && num % 2 == 0) {
        num /= 2;
        e++;
    }
    Tuple *t = tuple_new(vm, 2);
    if (!t)
        return false;
    VM_ROOT(vm, v_obj(t));
    bool ok = e >= 0 ? vm_binary_op(vm, OP_BINARY_LSHIFT, v_int(num), v_int(e), &t->items[0])
                     : vm_binary_op(vm, OP_BINARY_LSHIFT, v_int(1), v_int(-e), &t->items[1]);
    if (e < 0)
        t->items[0] = v_int(num);
    else
        t->items[1] = v_int(1);
    VM_UNROOT(vm, 1);
    *out = v_obj(t);
    return ok;
}
static NATIVE(float_as_integer_ratio_m, "as_integer_ratio", float_as_integer_ratio, 1, 1);

const MethodEntry float_methods[] = {{Q_is_integer, &float_is_integer_m},
                                     {Q_as_integer_ratio, &float_as_integer_ratio_m}};
const uint32_t n_float_methods = 2;
