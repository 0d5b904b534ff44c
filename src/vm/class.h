/*
 * class.h - user classes, their instances, and the descriptors
 * (staticmethod, classmethod, property, super) that class bodies use.
 *
 * A class made by a `class` statement is a Class: a TypeObj header (so every
 * place that takes a class, isinstance, except clauses, type(), works on it
 * unchanged) plus its namespace dict and method resolution order. Its
 * instances are Instances, or Exceptions when the class derives from
 * BaseException (so raising, tracebacks and `args` stay as they were).
 */
#ifndef P4_CLASS_H
#define P4_CLASS_H

#include "vm/vm.h"

typedef struct Class { /* T_TYPE with TYPE_USER in hdr.flags; in the heap */
    TypeObj t;     /* t.name points into name; t.base: the first base; t.exc:
                      the exception kind inherited, or -1; t.value_type:
                      T_INSTANCE or T_EXCEPTION */
    Str *name;
    Str *qualname; /* __qualname__: the body's, else name */
    Str *module;   /* "__main__" or the defining module's name */
    Tuple *bases;
    Tuple *mro;    /* C3 linearisation: this class first, object last */
    Dict *dict;    /* the namespace the class body made */
    const TypeObj *native_base; /* list, dict, str, int, ... when derived from one; else NULL */
    struct Class *meta; /* the metaclass, a user subclass of type; NULL for type itself */
} Class;

typedef struct Instance { /* T_INSTANCE */
    Obj hdr;
    Class *cls;
    Dict *dict; /* instance attributes; NULL until the first is stored */
    Value native; /* for a class derived from a built-in type: the built-in value
                     (a list, str, int...) that its inherited behaviour works on;
                     else T_UNBOUND */
} Instance;

/* The built-in value inside an instance of a class derived from list, str,
 * int, ... (or T_UNBOUND). */
static inline Value instance_native(Value v)
{
    return v.type == T_INSTANCE ? AS(Instance, v)->native : v_unbound();
}

enum DescrKind {
    DESCR_STATICMETHOD, /* a: the function */
    DESCR_CLASSMETHOD,  /* a: the function */
    DESCR_PROPERTY,     /* a, b, c: fget, fset, fdel (None when absent); doc: doc= (None: fget's) */
    DESCR_SUPER,        /* a: the class to start after, b: the object */
    DESCR_NOTIMPLEMENTED,
};

typedef struct Descr { /* T_DESCR; kind in hdr.aux */
    Obj hdr;
    Value a, b, c;
    Value doc; /* a property's doc= argument; None for every other kind */
} Descr;

/* Special method names the runtime looks up in user classes. */
#define P4_SPECIAL_NAMES(X) \
    X(__init__) X(__repr__) X(__str__) X(__format__) X(__hash__) X(__bool__) X(__len__) \
    X(__eq__) X(__ne__) X(__lt__) X(__le__) X(__gt__) X(__ge__) \
    X(__getitem__) X(__setitem__) X(__delitem__) X(__contains__) X(__iter__) X(__next__) \
    X(__call__) X(__enter__) X(__exit__) X(__getattr__) \
    X(__neg__) X(__pos__) X(__abs__) X(__invert__) \
    X(__add__) X(__sub__) X(__mul__) X(__truediv__) X(__floordiv__) X(__mod__) X(__pow__) \
    X(__lshift__) X(__rshift__) X(__and__) X(__or__) X(__xor__) \
    X(__radd__) X(__rsub__) X(__rmul__) X(__rtruediv__) X(__rfloordiv__) X(__rmod__) X(__rpow__) \
    X(__rlshift__) X(__rrshift__) X(__rand__) X(__ror__) X(__rxor__) \
    X(__iadd__) X(__isub__) X(__imul__) X(__itruediv__) X(__ifloordiv__) X(__imod__) X(__ipow__) \
    X(__ilshift__) X(__irshift__) X(__iand__) X(__ior__) X(__ixor__) \
    X(__class__) X(__dict__) X(__mro__) X(__bases__) X(__module__) X(__qualname__) X(__cause__) \
    X(__context__) X(__suppress_context__) X(__slots__) X(close) X(__reversed__) X(__int__) X(__float__) X(__index__) X(__new__) \
    X(__get__) X(__set__) X(__delete__) X(__set_name__) \
    X(__matmul__) X(__rmatmul__) X(__imatmul__) X(__missing__) X(__dir__) X(__bytes__) \
    X(__setattr__) X(__delattr__) X(__getattribute__) X(__init_subclass__) X(__prepare__) \
    X(__round__) X(__doc__) X(__instancecheck__) X(__subclasscheck__)

enum SpecialName {
#define P4_SN_ENUM(n) SN_##n,
    P4_SPECIAL_NAMES(P4_SN_ENUM)
#undef P4_SN_ENUM
    SN__COUNT
};

static inline bool type_is_user(const TypeObj *t) { return (t->hdr.flags & TYPE_USER) != 0; }

/* The user class of an instance, or of an exception of a user exception
 * class; else NULL. */
static inline Class *instance_class_of(Value v)
{
    if (v.type == T_INSTANCE)
        return AS(Instance, v)->cls;
    if (v.type == T_EXCEPTION && type_is_user(AS(Exception, v)->cls))
        return (Class *)AS(Exception, v)->cls;
    return NULL;
}

/* The user class whose special methods act on a value: instance_class_of,
 * or for a class made by a user metaclass, the metaclass; else NULL. */
static inline Class *user_class_of(Value v)
{
    if (v.type == T_TYPE)
        return type_is_user(AS(TypeObj, v)) ? AS(Class, v)->meta : NULL;
    return instance_class_of(v);
}

/* Is c a metaclass (a user class derived from type)? */
static inline bool class_is_meta(const Class *c) { return c->native_base == &type_type; }

extern const Descr not_implemented;
extern const TypeObj type_staticmethod, type_classmethod, type_property, type_super;
extern const Native bi_issubclass;

/* Makes a class from the namespace dict its body returned (ns, name and
 * bases must be rooted, e.g. on the VM stack). */
bool class_build(VM *vm, Value name, Value *bases, int nbases, Value ns, Value *out);
/* The same with a metaclass (NULL: type) and the class keywords passed on to
 * __init_subclass__ (kwvals[0..kwnames->len), rooted; kwnames may be NULL). */
bool class_build_meta(VM *vm, Value name, Value *bases, int nbases, Value ns, Class *meta, Value *kwvals,
                      Tuple *kwnames, Value *out);
/* BUILD_CLASS (class_meta.c): the metaclass given by the `metaclass=`
 * keyword (kw: the dict of class keywords, or NULL) or derived from the
 * bases, called with the name, the bases and the namespace. */
bool class_build_stmt(VM *vm, Value name, Value *bases, int nbases, Value kw, Value ns, Value *out);
/* isinstance/issubclass through cls's metaclass's __instancecheck__ /
 * __subclasscheck__ (sn): 1 answered (*out), 0 raised, -1 no such hook. */
int class_meta_check(VM *vm, Value cls, enum SpecialName sn, Value v, bool *out);
/* The most derived of meta and the bases' metaclasses (false: a conflict). */
bool class_meta_winner(VM *vm, const TypeObj *meta, const Value *bases, int nbases, const TypeObj **out);
/* type.__new__(mcs, name, bases, ns, **kw) (class_meta.c). */
extern const Native type_new_native;
/* type's own __new__, __init__, __call__ and __prepare__ (class_meta.c). */
bool type_dunder_method(const Str *name, Value *out);
/* cls(args...): a new instance, __init__ called; through the metaclass's
 * __call__ when it has one. */
bool class_call(VM *vm, Class *c, Value *args, int nargs, Tuple *kw, Value *out);
/* type.__call__(cls, args...): cls(args...) without the metaclass's __call__. */
bool class_instantiate(VM *vm, Class *c, Value *args, int nargs, Tuple *kw, Value *out);
/* The exception `raise C` or gen.throw(C, v) raises for a user exception
 * class C: C(args...), which (through a __new__) must give an exception;
 * the TypeError otherwise names what it gave by its class's repr for raise,
 * by its type's name for throw, as CPython's two paths do. */
bool class_make_exception(VM *vm, Class *c, Value *args, int nargs, bool for_raise, Value *out);

/* Attributes of user instances and classes, descriptors and super objects;
 * vm_load_attr / vm_load_method hand these values over (attr.c). */
bool class_load_attr(VM *vm, Value obj, Str *name, Value *out);
/* A class's __mro__ or __bases__ (built-in classes too): 1 with *out set, 0 on
 * an error, -1 when name is neither. */
int type_mro_attr(VM *vm, const TypeObj *t, const Str *name, Value *out);
bool class_load_method(VM *vm, Value obj, Str *name, Value out[2]);
/* Is obj.name = v on an instance of c a plain store into its dict (no
 * property can be in the way, no __slots__ limit)? attr.c's store cache. */
bool class_plain_store(const Class *c);
/* No property can be found on c's instances (a load may trust their dict). */
bool class_no_properties(const Class *c);
/* Does class_load_attr handle this value? */
static inline bool class_has_attrs(Value v)
{
    return v.type == T_INSTANCE || v.type == T_DESCR || v.type == T_EXCEPTION ||
           (v.type == T_TYPE && (type_is_user(AS(TypeObj, v)) || AS(TypeObj, v) == &type_object ||
                                 AS(TypeObj, v)->exc >= 0));
}

/* Special-method hooks: each returns false on error; *found (where given)
 * tells whether the user class defines the method at all, so the caller can
 * fall back to the built-in behaviour. */
bool class_special(VM *vm, Value obj, enum SpecialName sn, Value *fn);
bool class_call_special(VM *vm, Value obj, enum SpecialName sn, Value *args, int nargs, Value *out,
                        bool *found);
bool class_binary_op(VM *vm, unsigned op, Value a, Value b, Value *out);
bool class_unary_op(VM *vm, unsigned op, Value a, Value *out);
bool class_compare(VM *vm, unsigned op, Value a, Value b, Value *out);
bool class_hash(VM *vm, Value v, uint32_t *out);
bool class_truthy(VM *vm, Value v, bool *out);
bool class_repr(VM *vm, StrBuf *sb, Value v, bool want_str, bool *done);
bool class_format(VM *vm, StrBuf *sb, Value v, const char *spec, uint32_t speclen);
bool class_getitem(VM *vm, Value obj, Value key, Value *out);
bool class_setitem(VM *vm, Value obj, Value key, Value value);
bool class_delitem(VM *vm, Value obj, Value key);
bool class_contains(VM *vm, Value obj, Value item, bool *out);
bool class_len(VM *vm, Value obj, int32_t *out);
bool class_getiter(VM *vm, Value obj, Value *out);
/* reversed(obj) of an instance: 1 done (__reversed__, or the built-in value
 * of a class derived from a built-in type), -1 go on with __len__ and
 * __getitem__, 0 error (not reversible, or the call raised). */
int class_reversed(VM *vm, Value obj, Value *out);
/* int(obj) / float(obj) of an instance: the built-in value of a class derived
 * from a built-in type, or what __int__ (__float__), then __index__, return
 * (checked to be an int, a float). *found is false when it has none. */
bool class_to_number(VM *vm, Value obj, bool want_float, Value *out, bool *found);
int class_iternext(VM *vm, Value obj, Value *out);
/* An int-like operand (an index, hex()'s argument) that is an instance: *v
 * becomes its int base value or what __index__ returns (checked to be an
 * int); left as it is when it has neither. False: __index__ raised, or
 * returned a non-int. */
bool class_index(VM *vm, Value *v);
/* with: the bound __exit__ and the result of __enter__() */
bool class_enter(VM *vm, Value mgr, Value *exit_fn, Value *entered);
/* The repr of a user class: <class '__main__.C'> */
void class_repr_type(StrBuf *sb, const TypeObj *t);
const char *descr_type_name(Value v);


/* interp.c: calls fn with self before args[0..nargs) (args rooted). */
bool vm_call_method(VM *vm, Value fn, Value self, Value *args, int nargs, Tuple *kw, Value *out);

#endif
