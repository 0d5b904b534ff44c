/*
 * class_instance.c - instances of user classes: making them (cls(...),
 * object.__new__, the exceptions `raise C` makes), and the methods every
 * class inherits from object and BaseException.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/class_internal.h"
#include "vm/memview.h"
#include "vm/set.h"
#include "vm/libobj.h"
#include "vm/long.h"

/* ---- instances ---------------------------------------------------------------------- */

Dict **dict_slot(Value obj)
{
    if (obj.type == T_INSTANCE)
        return &AS(Instance, obj)->dict;
    if (obj.type == T_EXCEPTION)
        return &AS(Exception, obj)->dict;
    return NULL;
}

/* A new instance of c: an exception with the positional arguments as its
 * args, else a plain instance. */
bool instance_alloc(VM *vm, Class *c, Value *args, int npos, Value *self)
{
    if (c->t.value_type == T_EXCEPTION) {
        Tuple *a = tuple_new(vm, (uint32_t)npos);
        if (!a)
            return false;
        if (npos > 0)
            memcpy(a->items, args, (size_t)npos * sizeof(Value));
        Exception *e = exc_new(vm, &c->t, a);
        if (!e || !exc_oserror_init(vm, e))
            return false;
        *self = v_obj(e);
        return true;
    }
    Instance *o = gc_alloc(vm, T_INSTANCE, sizeof(Instance));
    if (!o)
        return false;
    o->cls = c;
    *self = v_obj(o);
    return true;
}

/* c(args): __new__ when a class defines one (its result gets __init__ only
 * if it is an instance of c, as in CPython), else a new instance; then
 * __init__. */
bool class_make_exception(VM *vm, Class *c, Value *args, int nargs, bool for_raise, Value *out)
{
    if (!class_call(vm, c, args, nargs, NULL, out))
        return false;
    if (out->type == T_EXCEPTION)
        return true;
    StrBuf sb; /* CPython's words: "calling <class 'm.C'> should have returned ..." */
    sb_init(&sb);
    class_repr_type(&sb, &c->t);
    sb_addc(&sb, '\0');
    vm_raise(vm, EXC_TypeError, "calling %s should have returned an instance of BaseException, not %s%s%s",
             sb.oom ? "?" : sb.data, for_raise ? "<class '" : "", type_name(*out), for_raise ? "'>" : "");
    sb_free(&sb);
    return false;
}

/* c(...) through its metaclass's __call__ when it has one (*done false when
 * not); out of line, away from the common case. */
static __attribute__((noinline)) bool meta_call(VM *vm, Class *c, Value *args, int nargs, Tuple *kw, Value *out,
                                                bool *done)
{
    Value fn;
    *done = false;
    if (!mro_lookup(vm, &c->meta->t, snamev(SN___call__), true, &fn, done))
        return false;
    if (!*done)
        return true;
    VM_ROOT(vm, fn); /* (c is the caller's, rooted) */
    bool ok = vm_recursion_enter(vm, NULL);
    if (ok) {
        ok = vm_call_method(vm, fn, v_obj(c), args, nargs, kw, out);
        vm_recursion_leave(vm);
    }
    VM_UNROOT(vm, 1);
    return ok;
}

/* The body of class_call and class_instantiate. */
static inline __attribute__((always_inline)) bool instantiate(VM *vm, Class *c, Value *args, int nargs, Tuple *kw,
                                                              Value *out)
{
    int nkw = kw ? (int)kw->len : 0;
    Value self = v_unbound(), newfn = v_unbound();
    bool has_new = false;
    if (!mro_lookup(vm, &c->t, snamev(SN___new__), true, &newfn, &has_new))
        return false;
    if (has_new) {
        if (newfn.type == T_DESCR && newfn.u.obj->aux == DESCR_STATICMETHOD) /* an explicit @staticmethod */
            newfn = AS(Descr, newfn)->a;
        VM_ROOT(vm, newfn);
        bool ok = vm_recursion_enter(vm, NULL);
        if (ok) {
            ok = vm_call_method(vm, newfn, v_obj(c), args, nargs, kw, &self);
            vm_recursion_leave(vm);
        }
        VM_UNROOT(vm, 1);
        if (!ok)
            return false;
        if (!type_is_subclass(type_of(self), &c->t)) {
            *out = self;
            return true;
        }
    } else if (class_is_meta(c)) { /* M(name, bases, ns): type.__new__(M, ...) */
        has_new = true;
        if (!vm_call_method(vm, v_obj((void *)&type_new_native), v_obj(c), args, nargs, kw, &self))
            return false;
    } else if (!instance_alloc(vm, c, args, nargs - nkw, &self)) {
        return false;
    }
    VM_ROOT(vm, self);
    Value init = v_unbound(); /* (rooted below even when there is none) */
    bool found;
    bool ok = mro_lookup(vm, &c->t, snamev(SN___init__), true, &init, &found);
    if (ok && c->native_base && !has_new) {
        /* the built-in value: made from the arguments when the type is
         * immutable or the class has no __init__ of its own (then the built-in
         * __init__ is the one that runs), else empty for __init__ to fill */
        bool from_args = immutable_builtin(c->native_base) || !found;
        Value v;
        VM_ROOT(vm, init);
        ok = vm_call(vm, v_obj((void *)c->native_base), args, from_args ? nargs : 0, from_args ? kw : NULL, &v);
        VM_UNROOT(vm, 1);
        if (ok)
            AS(Instance, self)->native = v;
        if (ok && !found) {
            VM_UNROOT(vm, 1);
            *out = self;
            return true;
        }
    }
    if (ok && found) {
        Value r;
        VM_ROOT(vm, init);
        ok = vm_recursion_enter(vm, NULL);
        if (ok) {
            ok = vm_call_method(vm, init, self, args, nargs, kw, &r);
            vm_recursion_leave(vm);
        }
        VM_UNROOT(vm, 1);
        if (ok && r.type != T_NONE)
            ok = vm_raise(vm, EXC_TypeError, "__init__() should return None, not '%s'", type_name(r));
    } else if (ok && has_new) {
        /* __new__ took the arguments */
    } else if (ok && c->t.value_type == T_EXCEPTION && nkw) {
        ok = vm_raise(vm, EXC_TypeError, "%s() takes no keyword arguments", c->t.name);
    } else if (ok && c->t.value_type != T_EXCEPTION && nargs) {
        ok = vm_raise(vm, EXC_TypeError, "%s() takes no arguments", c->t.name);
    }
    VM_UNROOT(vm, 1);
    if (ok)
        *out = self;
    return ok;
}

bool class_call(VM *vm, Class *c, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (__builtin_expect(c->meta != NULL, 0)) {
        bool done;
        bool ok = meta_call(vm, c, args, nargs, kw, out, &done);
        if (!ok || done)
            return ok;
    }
    return instantiate(vm, c, args, nargs, kw, out);
}

bool class_instantiate(VM *vm, Class *c, Value *args, int nargs, Tuple *kw, Value *out)
{
    return instantiate(vm, c, args, nargs, kw, out);
}

static bool object_new(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Instance *o = gc_alloc(vm, T_INSTANCE, sizeof(Instance));
    if (!o)
        return false;
    *out = v_obj(o); /* cls NULL: a plain object() */
    return true;
}
static NATIVE(object_ctor, "object", object_new, 0, 0);
const TypeObj type_object = {{0, T_TYPE, 0, 0}, "object", T_INSTANCE, -1, NULL, &object_ctor};


/* ---- object's and BaseException's methods ------------------------------------------- */

/* list.__init__(self, ...) and the others: a mutable built-in value is made
 * again from the arguments; an immutable one got them at creation. */
bool native_init(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_none();
    Value self = args[0];
    const Class *c = user_class_of(self);
    if (self.type != T_INSTANCE || !c || !c->native_base)
        return vm_raise(vm, EXC_TypeError, "descriptor '__init__' requires a built-in-derived object");
    if (immutable_builtin(c->native_base))
        return true;
    Value v;
    if (!vm_call(vm, v_obj((void *)c->native_base), args + 1, nargs - 1, kw, &v))
        return false;
    AS(Instance, self)->native = v;
    return true;
}

bool object_init(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nargs > 1 || (kw && kw->len))
        return vm_raise(vm, EXC_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
    *out = v_none();
    return true;
}
void default_repr(StrBuf *sb, Value v)
{
    const TypeObj *t = type_of(v);
    char buf[32];
    sb_addc(sb, '<');
    if (t && type_is_user(t)) {
        const Str *m = ((const Class *)t)->module;
        sb_add(sb, m->data, m->len);
        sb_addc(sb, '.');
    }
    sb_adds(sb, t ? t->name : type_name(v));
    snprintf(buf, sizeof buf, " object at 0x%08lx>", (unsigned long)((uintptr_t)v.u.obj & 0xffffffffu));
    sb_adds(sb, buf);
}
static bool text_result(VM *vm, StrBuf *sb, Value *out)
{
    Str *s = sb_to_str(vm, sb);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}
bool object_repr(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    StrBuf sb;
    sb_init(&sb);
    /* (in a class derived from a built-in type, super().__repr__() gets here
     * after the built-in type: its repr is the value's) */
    if (args[0].type == T_EXCEPTION || instance_native(args[0]).type != T_UNBOUND) {
        Value v = args[0].type == T_EXCEPTION ? args[0] : instance_native(args[0]);
        if (!fmt_repr(vm, &sb, v)) {
            sb_free(&sb);
            return false;
        }
    } else {
        default_repr(&sb, args[0]);
    }
    return text_result(vm, &sb, out);
}
bool object_str(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Str *s = vm_repr(vm, args[0]);
    if (!s)
        return false;
    *out = v_obj(s);
    return true;
}
bool object_eq(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (instance_native(args[0]).type != T_UNBOUND) { /* super().__eq__(x) */
        Value other = instance_native(args[1]).type != T_UNBOUND ? instance_native(args[1]) : args[1];
        bool eq;
        if (!vm_equal(vm, instance_native(args[0]), other, &eq))
            return false;
        *out = v_bool(eq);
        return true;
    }
    *out = args[0].u.obj == args[1].u.obj && args[0].type == args[1].type ? v_bool(true)
                                                                        : v_obj((void *)&not_implemented);
    return true;
}
bool object_ne(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value r;
    if (!class_compare(vm, OP_COMPARE_EQ, args[0], args[1], &r))
        return false;
    bool t;
    if (is_notimpl(r)) {
        *out = r;
        return true;
    }
    if (!class_truthy(vm, r, &t))
        return false;
    *out = v_bool(!t);
    return true;
}
bool object_hash(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (instance_native(args[0]).type != T_UNBOUND) { /* super().__hash__() of a str subclass, ... */
        uint32_t h;
        if (!vm_hash(vm, instance_native(args[0]), &h))
            return false;
        *out = v_int((int32_t)h);
        return true;
    }
    *out = v_int((int32_t)((uintptr_t)args[0].u.obj >> 3));
    return true;
}

/* object.__setattr__(obj, name, value), __delattr__, __getattribute__: the
 * plain store, delete and load that a class's own hooks fall back on. */
static bool attr_name_arg(VM *vm, Value v)
{
    if (v.type != T_STR)
        return vm_raise(vm, EXC_TypeError, "attribute name must be string, not '%s'", type_name(v));
    return true;
}

bool object_setattr(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_none();
    return attr_name_arg(vm, args[1]) && generic_store_attr(vm, args[0], AS(Str, args[1]), args[2]);
}

bool object_delattr(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    *out = v_none();
    return attr_name_arg(vm, args[1]) && generic_delete_attr(vm, args[0], AS(Str, args[1]));
}

bool object_getattribute(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    return attr_name_arg(vm, args[1]) && generic_load_attr(vm, args[0], AS(Str, args[1]), out, false);
}

/* object.__init_subclass__(cls): what super().__init_subclass__() reaches */
bool object_init_subclass(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int npos = nargs - (kw ? (int)kw->len : 0);
    const char *cls = npos == 0 || args[0].type != T_TYPE ? "object"
                      : type_is_user(AS(TypeObj, args[0])) ? AS(Class, args[0])->qualname->data
                                                           : AS(TypeObj, args[0])->name;
    *out = v_none();
    if (kw && kw->len)
        return vm_raise(vm, EXC_TypeError, "%s.__init_subclass__() takes no keyword arguments", cls);
    if (npos > 1)
        return vm_raise(vm, EXC_TypeError, "%s.__init_subclass__() takes no arguments (%d given)", cls, npos - 1);
    return true;
}

bool exc_init(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (args[0].type != T_EXCEPTION)
        return vm_raise(vm, EXC_TypeError, "descriptor '__init__' requires a 'BaseException' object");
    if (kw && kw->len)
        return vm_raise(vm, EXC_TypeError, "%s() takes no keyword arguments", type_name(args[0]));
    Tuple *t = tuple_new(vm, (uint32_t)(nargs - 1));
    if (!t)
        return false;
    memcpy(t->items, args + 1, (size_t)(nargs - 1) * sizeof(Value));
    AS(Exception, args[0])->args = t;
    *out = v_none();
    return true;
}
/* str of an exception by BaseException's rules (no user __str__). */
static bool exc_default_str(VM *vm, StrBuf *sb, Exception *e)
{
    if (e->args->len == 0)
        return true;
    if (e->args->len == 1) {
        if (exc_matches(e, &exc_types[EXC_KeyError]))
            return fmt_repr(vm, sb, e->args->items[0]);
        return fmt_str(vm, sb, e->args->items[0]);
    }
    return fmt_repr(vm, sb, v_obj(e->args));
}
bool exc_str(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (args[0].type != T_EXCEPTION)
        return vm_raise(vm, EXC_TypeError, "descriptor '__str__' requires a 'BaseException' object");
    StrBuf sb;
    sb_init(&sb);
    if (!exc_default_str(vm, &sb, AS(Exception, args[0]))) {
        sb_free(&sb);
        return false;
    }
    return text_result(vm, &sb, out);
}
bool exc_repr(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (args[0].type != T_EXCEPTION)
        return vm_raise(vm, EXC_TypeError, "descriptor '__repr__' requires a 'BaseException' object");
    Exception *e = AS(Exception, args[0]);
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, e->cls->name);
    bool ok;
    if (e->args->len == 1) {
        sb_addc(&sb, '(');
        ok = fmt_repr(vm, &sb, e->args->items[0]);
        sb_addc(&sb, ')');
    } else {
        ok = fmt_repr(vm, &sb, v_obj(e->args));
    }
    if (!ok) {
        sb_free(&sb);
        return false;
    }
    return text_result(vm, &sb, out);
}
