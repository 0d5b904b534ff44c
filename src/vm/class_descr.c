/*
 * class_descr.c - the descriptors class bodies use (staticmethod,
 * classmethod, property), super(), and issubclass().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/class_internal.h"
#include "vm/memview.h"
#include "vm/set.h"
#include "vm/libobj.h"
#include "vm/long.h"

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
    d->doc = v_none();
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
    Value p[4] = {v_none(), v_none(), v_none(), v_none()};
    int npos = nargs - (kw ? (int)kw->len : 0);
    for (int i = 0; i < npos && i < 4; i++)
        p[i] = args[i];
    for (int k = 0; kw && k < (int)kw->len; k++) {
        const Str *n = AS(Str, kw->items[k]);
        int slot = strcmp(n->data, "fget") == 0 ? 0 : strcmp(n->data, "fset") == 0 ? 1
                 : strcmp(n->data, "fdel") == 0 ? 2 : strcmp(n->data, "doc") == 0 ? 3 : -1;
        if (slot < 0)
            return vm_raise(vm, EXC_TypeError, "'%s' is an invalid keyword argument for property()", n->data);
        p[slot] = args[npos + k];
    }
    if (!make_descr(vm, DESCR_PROPERTY, p[0], p[1], p[2], out))
        return false;
    AS(Descr, *out)->doc = p[3];
    return true;
}
static NATIVE(staticmethod_ctor, "staticmethod", staticmethod_new, 1, 1);
static NATIVE(classmethod_ctor, "classmethod", classmethod_new, 1, 1);
static NATIVE_WITH_KW(property_ctor, "property", property_new, 0, 4);

static bool prop_with(VM *vm, Value *args, int slot, Value *out)
{
    Descr *p = AS(Descr, args[0]);
    Value v[3] = {p->a, p->b, p->c};
    v[slot] = args[1];
    if (!make_descr(vm, DESCR_PROPERTY, v[0], v[1], v[2], out))
        return false;
    AS(Descr, *out)->doc = AS(Descr, args[0])->doc; /* a doc= given stays; else the (new) getter's is read */
    return true;
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

bool super_lookup(VM *vm, Descr *s, Str *name, Value *cv, bool *found, const TypeObj **t)
{
    const TypeObj *start = AS(TypeObj, s->a);
    *t = s->b.type == T_TYPE && type_is_subclass(AS(TypeObj, s->b), start) ? AS(TypeObj, s->b) : type_of(s->b);
    const TypeObj *mro[MAX_MRO];
    uint32_t n = mro_array(*t, mro), i = 0;
    while (i < n && mro[i] != start)
        i++;
    return mro_lookup_from(vm, *t, i + 1, v_obj(name), false, cv, found);
}

bool descr_attr(VM *vm, Value obj, Str *name, Value *out)
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
            return bind(vm, cv, d->b, t,
                        d->b.type == T_TYPE && t == AS(TypeObj, d->b) && cv.type != T_DESCR && !is_object_init_subclass(cv),
                        out);
        if (instance_native(d->b).type != T_UNBOUND) /* super().append(x) in a list subclass */
            return vm_load_attr(vm, instance_native(d->b), name, out);
        return vm_raise(vm, EXC_AttributeError, "'super' object has no attribute '%s'", name->data);
    }
    case DESCR_PROPERTY: {
        const Native *m = NULL;
        if (strcmp(name->data, "fget") == 0) { *out = d->a; return true; }
        if (strcmp(name->data, "fset") == 0) { *out = d->b; return true; }
        if (strcmp(name->data, "fdel") == 0) { *out = d->c; return true; }
        if (strcmp(name->data, "__doc__") == 0) { /* doc=, else the getter's docstring, as CPython's */
            if (d->doc.type != T_NONE) {
                *out = d->doc;
                return true;
            }
            int r = d->a.type == T_FUNCTION ? function_attr(vm, AS(Function, d->a), name, out) : -1;
            if (r < 0)
                *out = v_none();
            return r != 0;
        }
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
    if (cls.type == T_TYPE) { /* the metaclass's __subclasscheck__ first */
        int hook = class_meta_check(vm, cls, SN___subclasscheck__, v_obj((void *)t), out);
        if (hook < 0)
            *out = type_is_subclass(t, AS(TypeObj, cls));
        return hook != 0;
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
