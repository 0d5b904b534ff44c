/*
 * types.c - the built-in classes of values and isinstance().
 */
#include <string.h>

#include "vm/strmethods.h"
#include "vm/vm.h"
#include "vm/libobj.h"
#include "vm/class.h"
#include "vm/set.h"
#include "vm/complex.h"
#include "vm/coro.h"
#include "vm/memview.h"
#include "vm/itertools.h"

#define TYPE(cname, pyname, vtype, ctor) \
    const TypeObj cname = {{0, T_TYPE, 0, 0}, pyname, vtype, -1, NULL, ctor}

TYPE(type_int, "int", T_INT, &bi_int);
TYPE(type_float, "float", T_FLOAT, &bi_float);
TYPE(type_str, "str", T_STR, &bi_str);
TYPE(type_bytes, "bytes", T_BYTES, &bi_bytes);
TYPE(type_bytearray, "bytearray", T_BYTEARRAY, &bi_bytearray);
TYPE(type_tuple, "tuple", T_TUPLE, &bi_tuple);
TYPE(type_list, "list", T_LIST, &bi_list);
TYPE(type_dict, "dict", T_DICT, &bi_dict);
TYPE(type_range, "range", T_RANGE, &bi_range);
TYPE(type_NoneType, "NoneType", T_NONE, NULL);
TYPE(type_array, "array", T_ARRAY, &bi_array);
TYPE(type_function, "function", T_FUNCTION, NULL);
TYPE(type_slice, "slice", T_SLICE, &bi_slice);
TYPE(type_deque, "deque", T_LIST, &bi_deque);
/* the built-ins that make iterators are their classes (vm/itertypes.c) */
TYPE(type_map, "map", T_ITER, &bi_map);
TYPE(type_filter, "filter", T_ITER, &bi_filter);
TYPE(type_zip, "zip", T_ITER, &bi_zip);
TYPE(type_enumerate, "enumerate", T_ITER, &bi_enumerate);
TYPE(type_reversed, "reversed", T_ITER, &bi_reversed);
/* the classes of classes, generators, built-in functions and bound methods
 * (type() answers them; only `type` can be called, vm/builtins.c) */
TYPE(type_type, "type", T_TYPE, &bi_type);
TYPE(type_generator, "generator", T_GEN, NULL);
TYPE(type_builtin_function, "builtin_function_or_method", T_NATIVE, NULL);
TYPE(type_method, "method", T_BOUNDMETHOD, NULL);
/* object (the root of every class, object() included) is in vm/class.c */
/* bool is a subclass of int, as in Python */
const TypeObj type_bool = {{0, T_TYPE, 0, 0}, "bool", T_BOOL, -1, &type_int, &bi_bool};

const TypeObj *type_of(Value v)
{
    switch ((Type)v.type) {
    case T_NONE:      return &type_NoneType;
    case T_BOOL:      return &type_bool;
    case T_INT:
    case T_LONG:      return &type_int;
    case T_FLOAT:     return &type_float;
    case T_COMPLEX:   return &type_complex;
    case T_MEMVIEW:   return &type_memoryview;
    case T_STR:       return &type_str;
    case T_BYTES:     return &type_bytes;
    case T_BYTEARRAY: return &type_bytearray;
    case T_TUPLE:     return &type_tuple;
    case T_LIST:      return v.u.obj->flags & LIST_DEQUE ? &type_deque : &type_list;
    case T_DICT:      return &type_dict;
    case T_RANGE:     return &type_range;
    case T_SLICE:     return &type_slice;
    case T_ARRAY:     return &type_array;
    case T_FUNCTION:  return &type_function;
    case T_TYPE:      return type_is_user(AS(TypeObj, v)) && AS(Class, v)->meta ? &AS(Class, v)->meta->t : &type_type;
    case T_GEN:       return gen_is_coroutine(AS(Gen, v)) ? &type_coroutine : &type_generator;
    case T_NATIVE:    return &type_builtin_function;
    case T_BOUNDMETHOD: return AS(BoundMethod, v)->method ? &type_builtin_function : &type_method;
    case T_SET:       return &type_set;
    case T_FROZENSET: return &type_frozenset;
    case T_EXCEPTION: return AS(Exception, v)->cls;
    case T_INSTANCE:  return AS(Instance, v)->cls ? &AS(Instance, v)->cls->t : &type_object;
    case T_DESCR: {
        static const TypeObj *const types[] = {&type_staticmethod, &type_classmethod, &type_property, &type_super};
        return v.u.obj->aux < 4 ? types[v.u.obj->aux] : NULL;
    }
    case T_FILE:      return file_type(v);
    case T_LIBOBJ: /* weakref's objects (vm/weakrefmod.c) */
        if (v.u.obj->aux == LIB_STDIO) /* sys.stdout, sys.stderr, sys.stdin */
            return &type_TextIOWrapper;
        if (v.u.obj->aux == LIB_STRINGIO) /* vm/iomod.c */
            return stringio_type(v);
        if (v.u.obj->aux == LIB_OPGETTER) /* vm/opgetters.c */
            return operator_getter_type(v);
        return v.u.obj->aux == LIB_WEAKREF ? &type_weakref : v.u.obj->aux == LIB_FINALIZE ? &type_finalize : NULL;
    case T_ITER:
    case T_DICTVIEW:  return iter_type_of(v); /* vm/itertypes.c */
    default:          return NULL; /* no class object for natives, modules, ... */
    }
}

bool type_isinstance(Value v, const TypeObj *cls)
{
    const TypeObj *t = type_of(v);
    return t ? type_is_subclass(t, cls) : cls == &type_object;
}

/* ---- attributes of the built-in classes ------------------------------------------ */

/* str.upper, list.append, ...: the method without its object. Called with
 * the object first; a BoundMethod whose self is the pair (class, method)
 * checks the object's type before the method sees it. */
static bool unbound_call(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Tuple *pair = AS(Tuple, args[0]);
    const TypeObj *cls = AS(TypeObj, pair->items[0]);
    const Native *m = AS(Native, pair->items[1]);
    int npos = nargs - 1 - (kw ? (int)kw->len : 0);
    bool slot = m->name[0] == '_' && m->name[1] == '_'; /* int.__add__: CPython's slot wrappers word it otherwise */
    if (npos < 1)
        return slot ? vm_raise(vm, EXC_TypeError, "descriptor '%s' of '%s' object needs an argument", m->name, cls->name)
                    : vm_raise(vm, EXC_TypeError, "unbound method %s.%s() needs an argument", cls->name, m->name);
    if (args[1].type == T_INSTANCE && type_isinstance(args[1], cls)) /* a subclass's: its built-in value */
        args[1] = instance_native(args[1]);
    bool is_int = cls == &type_int && (args[1].type == T_LONG || args[1].type == T_BOOL); /* int's other layouts */
    if (!type_isinstance(args[1], cls) || (args[1].type != cls->value_type && !is_int))
        return slot ? vm_raise(vm, EXC_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", m->name,
                               cls->name, type_name(args[1]))
                    : vm_raise(vm, EXC_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                               m->name, cls->name, type_name(args[1]));
    if (kw && kw->len && !(m->hdr.flags & NATIVE_KW))
        return vm_raise(vm, EXC_TypeError, "%s() takes no keyword arguments", m->name);
    if (slot && (npos < m->minargs || (m->maxargs >= 0 && npos > m->maxargs)))
        return vm_raise(vm, EXC_TypeError, "expected %d argument%s, got %d", m->minargs - 1, m->minargs == 2 ? "" : "s",
                        npos - 1);
    if (npos < m->minargs || (m->maxargs >= 0 && npos > m->maxargs))
        return vm_raise(vm, EXC_TypeError, "%s() takes %d argument%s (%d given)", m->name, m->minargs - 1,
                        m->minargs == 2 ? "" : "s", npos - 1);
    return m->fn(vm, args + 1, nargs - 1, kw, out);
}
static const Native unbound_method = {{0, T_NATIVE, NATIVE_KW, 0}, "method", unbound_call, 1, -1};

const Native *type_unbound_method(const BoundMethod *b, const TypeObj **owner)
{
    if (b->method != &unbound_method)
        return NULL;
    const Tuple *pair = AS(Tuple, b->self);
    *owner = AS(TypeObj, pair->items[0]);
    return AS(Native, pair->items[1]);
}

static const Native *find_in(const MethodEntry *t, uint32_t n, uint16_t qid)
{
    for (uint32_t i = 0; i < n; i++)
        if (t[i].qid == qid)
            return t[i].fn;
    return NULL;
}

/* int.__dict__, list.__dict__, ...: a new dict of the type's own methods,
 * each as the type gives it (CPython's is a read-only mappingproxy). */
static bool builtin_type_dict(VM *vm, const TypeObj *cls, Value *out)
{
    Dict *d = dict_new(vm);
    if (!d)
        return false;
    VM_ROOT(vm, v_obj(d));
    const MethodEntry *tables[2];
    uint32_t counts[2];
    unsigned n = attr_method_tables(cls->value_type, tables, counts);
    bool ok = true;
    for (unsigned k = 0; k < n && ok; k++) {
        for (uint32_t i = 0; i < counts[k] && ok; i++) {
            Str *key = str_from_cstr(vm, qid_names[tables[k][i].qid]);
            if (!key) {
                ok = false;
                break;
            }
            key->hdr.aux = tables[k][i].qid; /* built-in methods are found by qid */
            VM_ROOT(vm, v_obj(key));
            Value v;
            ok = vm_load_attr(vm, v_obj((void *)cls), key, &v) && dict_set(vm, d, v_obj(key), v);
            VM_UNROOT(vm, 1);
        }
    }
    /* the class methods found by name, not in the tables (attr.c, above) */
    static const char *const class_methods[] = {"from_bytes", "fromkeys", "maketrans", "fromhex"};
    for (size_t i = 0; i < sizeof class_methods / sizeof class_methods[0] && ok; i++) {
        Str *key = str_from_cstr(vm, class_methods[i]);
        if (!key) {
            ok = false;
            break;
        }
        key->hdr.aux = qid_lookup(key->data, key->len);
        VM_ROOT(vm, v_obj(key));
        Value v;
        if (vm_load_attr(vm, v_obj((void *)cls), key, &v))
            ok = dict_set(vm, d, v_obj(key), v);
        else if (vm->exc.type == T_EXCEPTION && exc_matches(AS(Exception, vm->exc), &exc_types[EXC_AttributeError]))
            vm->exc = v_unbound();
        else
            ok = false;
        VM_UNROOT(vm, 1);
    }
    VM_UNROOT(vm, 1);
    if (ok)
        *out = v_obj(d);
    return ok;
}

int type_attr(VM *vm, const TypeObj *cls, Str *name, Value *out)
{
    const Native *m = NULL;
    if (name->len == 8 && memcmp(name->data, "__dict__", 8) == 0)
        return builtin_type_dict(vm, cls, out) ? 1 : 0;
    int r = type_mro_attr(vm, cls, name, out); /* list.__mro__ (vm/class_attr.c) */
    if (r >= 0)
        return r;
    if (cls == &type_str && strcmp(name->data, "maketrans") == 0) {
        *out = v_obj((void *)&strm_maketrans);
        return 1;
    }
    if (cls == &type_bytes && strcmp(name->data, "fromhex") == 0) {
        *out = v_obj((void *)&strm_fromhex);
        return 1;
    }
    if (cls == &type_type && type_dunder_method(name, out)) /* type.__call__(cls), type.__new__(M, ...) */
        return 1;
    if (cls == &type_dict && strcmp(name->data, "fromkeys") == 0) {
        *out = v_obj((void *)&dict_fromkeys);
        return 1;
    }
    if (cls->value_type == T_ITER && itertools_type_attr(cls, name, out) == 1) /* chain.from_iterable */
        return 1;
    uint16_t qid = name->hdr.aux;
    bool none;
    m = builtin_dunder_of_type(cls, name, &none); /* list.__getitem__, int.__add__, ... (dunder.c) */
    if (none) {
        *out = v_none(); /* list.__hash__ */
        return 1;
    }
    if (!m && qid == QID_NONE && cls != &type_deque)
        return -1;
    switch (m ? T_NONE : (Type)cls->value_type) {
    case T_STR:   m = cls == &type_str ? find_in(str_methods, n_str_methods, qid) : NULL; break;
    case T_BYTES: m = find_in(bytes_methods, n_bytes_methods, qid); break;
    case T_BYTEARRAY:
        m = find_in(array_methods, n_array_methods, qid);
        if (!m)
            m = find_in(bytearray_methods, n_bytearray_methods, qid);
        break;
    case T_ARRAY: /* array.array.append(a, x), super().pop() in a subclass */
        m = find_in(array_methods, n_array_methods, qid);
        if (!m)
            m = find_in(array_own_methods, n_array_own_methods, qid);
        break;
    case T_LIST:
        m = cls == &type_deque ? deque_method(name) : NULL;
        if (!m)
            m = find_in(list_methods, n_list_methods, qid);
        break;
    case T_DICT:  m = find_in(dict_methods, n_dict_methods, qid); break;
    case T_TUPLE: m = find_in(tuple_methods, n_tuple_methods, qid); break;
    case T_RANGE: m = find_in(range_methods, n_range_methods, qid); break;
    case T_FLOAT: m = find_in(float_methods, n_float_methods, qid); break;
    case T_INT:   m = cls == &type_int ? find_in(int_methods, n_int_methods, qid) : NULL; break;
    default: break;
    }
    if (!m)
        return -1;
    Tuple *pair = tuple_new(vm, 2);
    if (!pair)
        return 0;
    pair->items[0] = v_obj((void *)cls);
    pair->items[1] = v_obj((void *)m);
    VM_ROOT(vm, v_obj(pair));
    BoundMethod *b = boundmethod_new(vm, &unbound_method, v_obj(pair));
    VM_UNROOT(vm, 1);
    if (!b)
        return 0;
    *out = v_obj(b);
    return 1;
}
