/*
 * class_attr.c - attributes of user instances and classes: what a function
 * found in a class binds to, obj.name loads (with descriptors, properties,
 * __getattr__, the special attributes), LOAD_METHOD, stores and deletes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/class_internal.h"
#include "vm/memview.h"
#include "vm/set.h"
#include "vm/libobj.h"
#include "vm/long.h"

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

/* Does cv, found in a class, take the object as its first argument? */
static bool binds_self(Value cv) { return cv.type == T_FUNCTION || builtin_class_native(cv); }

/* What obj.name gives for a value cv found in the class t (obj an instance
 * of t, or t itself when is_class). */
bool bind(VM *vm, Value cv, Value obj, const TypeObj *t, bool is_class, Value *out)
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

bool no_attr(VM *vm, Value obj, const Str *name)
{
    if (obj.type == T_TYPE)
        return vm_raise(vm, EXC_AttributeError, "type object '%s' has no attribute '%s'",
                        AS(TypeObj, obj)->name, name->data);
    return vm_raise(vm, EXC_AttributeError, "'%s' object has no attribute '%s'", type_name(obj), name->data);
}


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

int type_mro_attr(VM *vm, const TypeObj *t, const Str *name, Value *out)
{
    bool want_mro = name_is(name, SN___mro__);
    if (!want_mro && !name_is(name, SN___bases__))
        return -1;
    if (type_is_user(t)) {
        *out = v_obj(want_mro ? ((const Class *)t)->mro : ((const Class *)t)->bases);
        return 1;
    }
    const TypeObj *mro[MAX_MRO];
    uint32_t n = mro_array(t, mro);
    uint32_t first = want_mro ? 0 : 1, count = want_mro ? n : (n > 1 ? 1 : 0);
    Tuple *tu = tuple_new(vm, count);
    if (!tu)
        return 0;
    for (uint32_t i = 0; i < count; i++)
        tu->items[i] = v_obj((void *)mro[first + i]);
    *out = v_obj(tu);
    return 1;
}

static bool class_type_attr(VM *vm, const TypeObj *t, Str *name, Value *out, bool *found)
{
    *found = true;
    int r = type_mro_attr(vm, t, name, out);
    if (r >= 0)
        return r == 1;
    if (!type_is_user(t)) {
        *found = false;
        return true;
    }
    const Class *c = (const Class *)t;
    if (name_is(name, SN___class__)) /* the metaclass */
        *out = v_obj((void *)(c->meta ? &c->meta->t : &type_type));
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

/* Calls obj's __setattr__(name, value), __delattr__(name) or
 * __getattribute__(name) (value NULL but for the first): *done is false when
 * no user class of obj's MRO defines it. */
static bool call_attr_hook(VM *vm, Value obj, enum SpecialName sn, Str *name, const Value *value, Value *out,
                           bool *done)
{
    VM_ROOT(vm, v_obj(name));
    VM_ROOT(vm, value ? *value : v_none());
    bool ok = class_call_special(vm, obj, sn, &vm->roots[vm->nroots - 2], value ? 2 : 1, out, done);
    VM_UNROOT(vm, 2);
    return ok;
}

/* A hook stored into a class after it was made (C.__setattr__ = f): its
 * subclasses' flags do not know it, so every instance looks from then on. */
static bool late_attr_hooks;

static bool has_hook(Value obj, unsigned flag)
{
    const Class *c = instance_class_of(obj); /* (a metaclass's hooks are not called: deviation 19) */
    return c && ((c->t.hdr.aux & flag) || late_attr_hooks);
}

static bool is_attr_hook_name(const Str *name)
{
    return is_dunder(name) &&
           (name_is(name, SN___setattr__) || name_is(name, SN___delattr__) || name_is(name, SN___getattribute__));
}

bool class_note_attr_hooks(VM *vm, Class *c)
{
    static const struct {
        enum SpecialName sn;
        unsigned flag;
    } hooks[] = {{SN___setattr__, CLASS_SETATTR_HOOK},
                 {SN___delattr__, CLASS_SETATTR_HOOK},
                 {SN___getattribute__, CLASS_GETATTRIBUTE_HOOK}};
    for (size_t i = 0; i < sizeof hooks / sizeof hooks[0]; i++) {
        Value fn;
        bool found;
        if (!mro_lookup(vm, &c->t, snamev(hooks[i].sn), true, &fn, &found))
            return false;
        if (found)
            c->t.hdr.aux |= hooks[i].flag;
    }
    /* Compiled code reads and writes instance dicts directly, guarded only
     * on late_property: a program with such a class gives that up. */
    if ((c->t.hdr.aux & (CLASS_SETATTR_HOOK | CLASS_GETATTRIBUTE_HOOK)) && !late_property) {
        memset(vm->attr_cache, 0, sizeof vm->attr_cache);
        late_property = true;
    }
    return true;
}

/* A load of obj.name failed (vm->exc): an AttributeError goes on to
 * __getattr__ when obj's class has one, as in CPython; false otherwise. */
static bool getattr_after_error(VM *vm, Value obj, Str *name, Value *out)
{
    if (vm->exc.type != T_EXCEPTION || !exc_matches(AS(Exception, vm->exc), &exc_types[EXC_AttributeError]))
        return false;
    Value pending = vm->exc, ga;
    VM_ROOT(vm, pending);
    bool ok = class_special(vm, obj, SN___getattr__, &ga);
    VM_UNROOT(vm, 1);
    if (!ok)
        return false;
    if (ga.type == T_UNBOUND) {
        vm->exc = pending;
        return false;
    }
    vm->exc = v_unbound();
    Value arg = v_obj(name);
    return call_nested(vm, ga, obj, true, &arg, 1, out);
}

/* obj.name through a user __getattribute__ (then __getattr__). */
static bool hooked_load_attr(VM *vm, Value obj, Str *name, Value *out, bool *done)
{
    bool ok = call_attr_hook(vm, obj, SN___getattribute__, name, NULL, out, done);
    if (ok || !*done)
        return ok;
    return getattr_after_error(vm, obj, name, out);
}

/* obj.name found nowhere: __getattr__ of obj's class (for a class, of its
 * metaclass) has the last word (ask), as in CPython, else the AttributeError.
 * Out of line: load_attr_plain is inlined into the hot attribute loads. */
static __attribute__((noinline)) bool getattr_or_missing(VM *vm, Value obj, Str *name, Value *out, bool ask)
{
    Value ga = v_unbound();
    if (ask && !class_special(vm, obj, SN___getattr__, &ga))
        return false;
    if (ga.type != T_UNBOUND) {
        Value arg = v_obj(name);
        return call_nested(vm, ga, obj, true, &arg, 1, out);
    }
    return no_attr(vm, obj, name);
}

/* obj.name as object.__getattribute__ finds it, and (with_getattr) then
 * __getattr__. Inlined into class_load_attr, the interpreter's slow path. */
static inline __attribute__((always_inline)) bool load_attr_plain(VM *vm, Value obj, Str *name, Value *out,
                                                                  bool with_getattr)
{
    Value cv;
    bool found;
    if (obj.type == T_DESCR)
        return descr_attr(vm, obj, name, out);
    if (obj.type == T_TYPE) {
        const TypeObj *t = AS(TypeObj, obj);
        /* a class made by a metaclass: the metaclass's data descriptors come
         * first, its other attributes after the class's own, as in CPython */
        const Class *meta = user_class_of(obj);
        Value mv = v_unbound();
        bool in_meta = false;
        if (meta && !mro_lookup(vm, &meta->t, v_obj(name), true, &mv, &in_meta))
            return false;
        if (in_meta && is_data_descriptor(vm, mv))
            return bind(vm, mv, obj, &meta->t, false, out);
        if (!mro_lookup(vm, t, v_obj(name), false, &cv, &found))
            return false;
        if (found)
            return bind(vm, cv, obj, t, true, out);
        if (!class_type_attr(vm, t, name, out, &found))
            return false;
        if (found)
            return true;
        if (in_meta)
            return bind(vm, mv, obj, &meta->t, false, out);
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
        return getattr_or_missing(vm, obj, name, out, meta && with_getattr);
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
        /* a descriptor's or property's AttributeError: __getattr__ has its say */
        return with_getattr && getattr_after_error(vm, obj, name, out);
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
    return getattr_or_missing(vm, obj, name, out, with_getattr);
}

bool generic_load_attr(VM *vm, Value obj, Str *name, Value *out, bool with_getattr)
{
    return load_attr_plain(vm, obj, name, out, with_getattr);
}

bool class_load_attr(VM *vm, Value obj, Str *name, Value *out)
{
    if (has_hook(obj, CLASS_GETATTRIBUTE_HOOK)) {
        bool done;
        if (!hooked_load_attr(vm, obj, name, out, &done))
            return false;
        if (done)
            return true;
    }
    return load_attr_plain(vm, obj, name, out, true);
}


bool class_load_method(VM *vm, Value obj, Str *name, Value out[2])
{
    out[1] = v_unbound();
    if ((obj.type == T_INSTANCE || obj.type == T_EXCEPTION) && !has_hook(obj, CLASS_GETATTRIBUTE_HOOK)) {
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
        if (found && binds_self(cv) && !(s->b.type == T_TYPE && t == AS(TypeObj, s->b))) { /* (a metaclass's method: b is its instance) */
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
    Class *c = instance_class_of(obj);
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

/* obj.name = value as object.__setattr__ does it (inlined into
 * vm_store_attr, the interpreter's slow path). */
static inline __attribute__((always_inline)) bool store_attr_plain(VM *vm, Value obj, Str *name, Value value)
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
            if (is_attr_hook_name(name))
                late_attr_hooks = true;
            if (is_data_descriptor(vm, value) || is_attr_hook_name(name)) {
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
    if (obj.type == T_FUNCTION) /* f.x = 1 (vm/funcattr.c): last, off the instances' path */
        return function_store_attr(vm, AS(Function, obj), name, value);
    return no_attr(vm, obj, name);
}

bool generic_store_attr(VM *vm, Value obj, Str *name, Value value)
{
    return store_attr_plain(vm, obj, name, value);
}

bool vm_store_attr(VM *vm, Value obj, Str *name, Value value)
{
    if (has_hook(obj, CLASS_SETATTR_HOOK)) {
        bool done;
        Value r;
        if (!call_attr_hook(vm, obj, SN___setattr__, name, &value, &r, &done))
            return false;
        if (done)
            return true;
    }
    return store_attr_plain(vm, obj, name, value);
}


bool vm_delete_attr(VM *vm, Value obj, Str *name)
{
    if (obj.type == T_FUNCTION)
        return function_store_attr(vm, AS(Function, obj), name, v_unbound());
    if (has_hook(obj, CLASS_SETATTR_HOOK)) {
        bool done;
        Value r;
        if (!call_attr_hook(vm, obj, SN___delattr__, name, NULL, &r, &done))
            return false;
        if (done)
            return true;
    }
    return generic_delete_attr(vm, obj, name);
}

/* del obj.name as object.__delattr__ does it. */
bool generic_delete_attr(VM *vm, Value obj, Str *name)
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
