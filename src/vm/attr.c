/*
 * attr.c - attribute lookup: obj.name and obj.name(...) by qid.
 *
 * The loader tags every string that is a known attribute name with its qid
 * (obj.h, P4_QNAMES), so a lookup is a small table scan on a number.
 */
#include <math.h>
#include <string.h>

#include "vm/gen.h"
#include "vm/set.h"
#include "vm/vm.h"
#include "vm/class.h"

const char *const qid_names[Q__COUNT] = {
#define P4_QID_NAME(n) #n,
    P4_QNAMES(P4_QID_NAME)
#undef P4_QID_NAME
};

uint16_t qid_lookup(const char *name, uint32_t len)
{
    for (unsigned q = 0; q < Q__COUNT; q++)
        if (strlen(qid_names[q]) == len && memcmp(qid_names[q], name, len) == 0)
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
    case T_ARRAY:     return find_method(array_methods, n_array_methods, qid);
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
    case T_GEN:       return find_method(gen_methods, n_gen_methods, qid);
    default:          return NULL;
    }
}

static bool module_attr(VM *vm, const Module *m, const Str *name, Value *out)
{
    for (uint32_t i = 0; i < m->nattrs; i++) {
        if (strlen(m->attrs[i].name) == name->len && memcmp(m->attrs[i].name, name->data, name->len) == 0) {
            *out = m->attrs[i].get();
            if (out->type == T_NATIVE && (out->u.obj->flags & NATIVE_GETTER))
                return AS(Native, *out)->fn(vm, NULL, 0, NULL, out);
            return true;
        }
    }
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
            char tc = (char)AS(Array, obj)->hdr.aux;
            *out = v_int(strchr("bB", tc) ? 1 : strchr("hH", tc) ? 2 : 4);
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
        if (obj.type == T_TYPE && (AS(TypeObj, obj) == &type_int)) {
            *out = v_obj((void *)&int_from_bytes);
            return true;
        }
        break;
    case Q___name__: {
        const char *name = NULL;
        if (obj.type == T_FUNCTION) {
            *out = v_obj(AS(Function, obj)->code->name);
            return true;
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
    if (obj.type == T_TUPLE && obj.u.obj->aux && namedtuple_attr(vm, obj, name, out) == 1) /* collections.c */
        return true;
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
    return no_attr(vm, obj, name);
}

bool vm_load_method(VM *vm, Value obj, Str *name, Value out[2])
{
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

/* ---- float methods ---------------------------------------------------------- */

static bool float_is_integer(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    float f = args[0].u.f;
    *out = v_bool(isfinite(f) && floorf(f) == f);
    return true;
}
static NATIVE(float_is_integer_m, "is_integer", float_is_integer, 1, 1);

const MethodEntry float_methods[] = {{Q_is_integer, &float_is_integer_m}};
const uint32_t n_float_methods = 1;
