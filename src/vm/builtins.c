/*
 * builtins.c - the table of built-in names, and the numeric built-ins.
 * Text built-ins live in str.c/format.c, container built-ins beside their
 * containers.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/long.h"
#include "vm/vm.h"
#include "vm/class.h"
#include "vm/set.h"
#include "vm/complex.h"
#include "vm/coro.h"
#include "vm/memview.h"
#include "vm/itertools.h"
#include "vm/libobj.h"

#define MAX_ISINSTANCE_DEPTH 200

/* ---- numeric built-ins ------------------------------------------------------ */

static bool abs_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value v = args[0];
    if (v.type == T_INSTANCE) { /* __abs__ */
        bool found;
        if (!class_call_special(vm, v, SN___abs__, NULL, 0, out, &found))
            return false;
        if (found)
            return true;
        if (instance_native(v).type != T_UNBOUND) /* a class derived from int or float */
            v = instance_native(v);
    }
    if (v_is_anyint(v))
        return long_abs(vm, v, out);
    if (v.type == T_FLOAT) {
        *out = v_float(fabsf(v.u.f));
        return true;
    }
    if (v.type == T_COMPLEX) {
        *out = v_float((float)complex_abs(v));
        return true;
    }
    return vm_raise(vm, EXC_TypeError, "bad operand type for abs(): '%s'", type_name(v));
}
NATIVE(bi_abs, "abs", abs_fn, 1, 1);

static bool divmod_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if ((args[0].type == T_FLOAT || args[1].type == T_FLOAT) && v_is_number(args[0]) && v_is_number(args[1]) &&
        v_as_float(args[1]) == 0.0f)
        return vm_raise(vm, EXC_ZeroDivisionError, "float divmod()");
    Tuple *t = tuple_new(vm, 2);
    if (!t)
        return false;
    VM_ROOT(vm, v_obj(t));
    bool ok = vm_binary_op(vm, OP_BINARY_FLOORDIV, args[0], args[1], &t->items[0]) &&
              vm_binary_op(vm, OP_BINARY_MOD, args[0], args[1], &t->items[1]);
    VM_UNROOT(vm, 1);
    if (!ok) {
        /* CPython names divmod's zero division after integer division */
        return false;
    }
    *out = v_obj(t);
    return true;
}
NATIVE(bi_divmod, "divmod", divmod_fn, 2, 2);

static bool pow_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nargs == 2 || args[2].type == T_NONE) /* pow(b, e, None) is b ** e */
        return vm_binary_op(vm, OP_BINARY_POW, args[0], args[1], out);
    if (!v_is_anyint(args[0]) || !v_is_anyint(args[1]) || !v_is_anyint(args[2]))
        return vm_raise(vm, EXC_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    if (args[0].type == T_LONG || args[1].type == T_LONG || args[2].type == T_LONG)
        return long_powmod(vm, args[0], args[1], args[2], out);
    int64_t base = args[0].u.i, exp = args[1].u.i, mod = args[2].u.i;
    if (mod == 0)
        return vm_raise(vm, EXC_ValueError, "pow() 3rd argument cannot be 0");
    /* Python's result takes the sign of the modulus. */
    int64_t m = mod < 0 ? -mod : mod, r = 1 % m;
    base %= m;
    if (base < 0)
        base += m;
    if (exp < 0) {
        /* a negative exponent uses the inverse of base modulo m (extended
         * Euclid on non-negative values below 2**31: no overflow) */
        int64_t g = m, x = base, s0 = 0, s1 = 1;
        while (x != 0) {
            int64_t q = g / x, t = g - q * x;
            g = x;
            x = t;
            t = s0 - q * s1;
            s0 = s1;
            s1 = t;
        }
        if (g != 1)
            return vm_raise(vm, EXC_ValueError, "base is not invertible for the given modulus");
        base = ((s0 % m) + m) % m;
        exp = -exp;
    }
    while (exp > 0) {
        if (exp & 1)
            r = r * base % m;
        base = base * base % m;
        exp >>= 1;
    }
    if (mod < 0 && r != 0)
        r -= m;
    *out = v_int((int32_t)r);
    return true;
}
NATIVE(bi_pow, "pow", pow_fn, 2, 3);

/* round(x, n) of a long for n < 0: to a multiple of p = 10**-n, ties to
 * even, with long arithmetic (each intermediate rooted on the VM). */
static bool round_long(VM *vm, Value x, int32_t n, Value *out)
{
    if (n < -100000) { /* 10**-n is beyond any long's size here: the result is 0 */
        *out = v_int(0);
        return true;
    }
    Value v[4]; /* p, r = x % p, base = x - r, then 2 * r */
    int rooted = 0;
    bool ok = vm_binary_op(vm, OP_BINARY_POW, v_int(10), v_int(-n), &v[0]);
    if (ok)
        VM_ROOT(vm, v[0]), rooted++;
    ok = ok && vm_binary_op(vm, OP_BINARY_MOD, x, v[0], &v[1]);
    if (ok)
        VM_ROOT(vm, v[1]), rooted++;
    ok = ok && vm_binary_op(vm, OP_BINARY_SUB, x, v[1], &v[2]);
    if (ok)
        VM_ROOT(vm, v[2]), rooted++;
    ok = ok && vm_binary_op(vm, OP_BINARY_MUL, v[1], v_int(2), &v[3]);
    if (ok) {
        int c = long_cmp(v[3], v[0]);
        bool up = c > 0;
        if (c == 0) { /* a tie: up when base / p is odd */
            Value q;
            ok = vm_binary_op(vm, OP_BINARY_FLOORDIV, v[2], v[0], &q);
            up = ok && ((q.type == T_LONG ? AS(Long, q)->d[0] : (uint32_t)q.u.i) & 1);
        }
        *out = v[2];
        if (ok && up)
            ok = vm_binary_op(vm, OP_BINARY_ADD, v[2], v[0], out);
    }
    VM_UNROOT(vm, rooted);
    return ok;
}

static bool round_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (args[0].type == T_INSTANCE) { /* __round__ (fractions.Fraction); round(x, None) passes no ndigits */
        bool found;
        int n = nargs == 2 && args[1].type != T_NONE ? 1 : 0;
        if (!class_call_special(vm, args[0], SN___round__, args + 1, n, out, &found))
            return false;
        if (found)
            return true;
    }
    Value x = instance_native(args[0]).type != T_UNBOUND ? instance_native(args[0]) : args[0];
    if (nargs == 2 && !class_index(vm, &args[1])) /* round(x, obj) of an object with __index__ */
        return false;
    bool has_n = nargs == 2 && args[1].type != T_NONE;
    if (x.type == T_LONG && (!has_n || (v_is_intlike(args[1]) && args[1].u.i >= 0))) {
        *out = x; /* round(n) of an int is n itself */
        return true;
    }
    if (x.type == T_LONG && v_is_intlike(args[1]))
        return round_long(vm, x, args[1].u.i, out);
    if (has_n && !v_is_intlike(args[1]))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer",
                        type_name(args[1]));
    int32_t n = has_n ? args[1].u.i : 0;
    if (v_is_intlike(x)) {
        if (n >= 0) {
            *out = v_int(x.u.i);
            return true;
        }
        /* round to 10**-n, ties to even, like Python's int.__round__ */
        int64_t p = 1;
        for (int32_t k = 0; k < -n && p <= 10000000000LL; k++)
            p *= 10;
        int64_t v = x.u.i, q = v / p, r = v % p;
        if (r < 0) {
            r += p;
            q -= 1;
        }
        if (2 * r > p || (2 * r == p && (q & 1)))
            q += 1;
        return long_from_i64(vm, q * p, out);
    }
    if (x.type != T_FLOAT)
        return vm_raise(vm, EXC_TypeError, "type %s doesn't define __round__ method", type_name(x));
    float f = x.u.f;
    if (!has_n) {
        return long_from_float(vm, rintf(f), out); /* rintf: ties to even in the default mode */
    }
    if (isnan(f) || isinf(f) || n > 45) {
        *out = x;
        return true;
    }
    if (n < -38) {
        *out = v_float(0.0f * f);
        return true;
    }
    /* Decimal rounding of the exact binary value, then back to the nearest float32. */
    char buf[128];
    if (n >= 0) {
        fmt_fixed(buf, sizeof buf, (double)f, (int)n);
        *out = v_float(strtof(buf, NULL));
    } else {
        double p = pow(10.0, -n);
        double q = (double)f / p, rq = nearbyint(q);
        *out = v_float((float)(rq * p));
    }
    return true;
}
NATIVE(bi_round, "round", round_fn, 1, 2);

/* isinstance's second argument: a class or a tuple of them, nested to any
 * depth (bounded, as CPython bounds it by its recursion limit). */
static bool instance_of(VM *vm, Value v, Value cls, int depth, bool *out)
{
    if (cls.type == T_TYPE) { /* the exact type first, then the metaclass's __instancecheck__ */
        int hook = type_of(v) == AS(TypeObj, cls) ? -1 : class_meta_check(vm, cls, SN___instancecheck__, v, out);
        if (hook < 0)
            *out = type_isinstance(v, AS(TypeObj, cls));
        return hook != 0;
    }
    if (cls.type != T_TUPLE)
        return vm_raise(vm, EXC_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    if (depth >= MAX_ISINSTANCE_DEPTH)
        return vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded in __instancecheck__");
    Tuple *t = AS(Tuple, cls);
    *out = false;
    for (uint32_t i = 0; i < t->len && !*out; i++)
        if (!instance_of(vm, v, t->items[i], depth + 1, out))
            return false;
    return true;
}

static bool isinstance_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    bool r;
    if (!instance_of(vm, args[0], args[1], 0, &r))
        return false;
    *out = v_bool(r);
    return true;
}
NATIVE(bi_isinstance, "isinstance", isinstance_fn, 2, 2);

static bool bool_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    bool t = false;
    if (nargs == 1 && !class_truthy(vm, args[0], &t)) /* __bool__ / __len__ */
        return false;
    *out = v_bool(t);
    return true;
}
NATIVE(bi_bool, "bool", bool_fn, 0, 1);

static bool hash_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    /* numbers: CPython's full hash (modulo 2**61-1), of which dicts use the low 32 bits */
    if (args[0].type == T_LONG)
        return long_from_i64(vm, long_hash(args[0]), out);
    if (args[0].type == T_FLOAT && !isnan(args[0].u.f))
        return long_from_i64(vm, long_hash_float(args[0].u.f), out);
    if (args[0].type == T_COMPLEX)
        return long_from_i64(vm, complex_hash(args[0]), out);
    uint32_t h;
    if (!vm_hash(vm, args[0], &h))
        return false;
    *out = v_int((int32_t)h);
    return true;
}
NATIVE(bi_hash, "hash", hash_fn, 1, 1);

static bool type_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    if (nargs == 3) { /* type(name, bases, dict): a class, as a class statement makes */
        const TypeObj *meta = &type_type; /* or the bases' metaclass, which then makes it (vm/class_meta.c) */
        if (args[1].type == T_TUPLE &&
            !class_meta_winner(vm, meta, AS(Tuple, args[1])->items, (int)AS(Tuple, args[1])->len, &meta))
            return false;
        if (type_is_user(meta))
            return class_instantiate(vm, (Class *)meta, args, nargs, kw, out);
        return vm_call_method(vm, v_obj((void *)&type_new_native), v_obj((void *)&type_type), args, nargs, kw, out);
    }
    if (nargs != 1)
        return vm_raise(vm, EXC_TypeError, "type() takes 1 or 3 arguments");
    const TypeObj *t = type_of(args[0]);
    if (!t)
        return vm_raise(vm, EXC_TypeError, "type() of a '%s' is not supported by P4JIT", type_name(args[0]));
    *out = v_obj((void *)t);
    return true;
}
NATIVE(bi_type, "type", type_fn, 0, 3);

/* ---- the table LOAD_GLOBAL falls back to ------------------------------------- */

#define B(name) {#name, &bi_##name.hdr}
#define C(name) {#name, &type_##name.hdr}
#define E(name, base) {#name, &exc_types[EXC_##name].hdr},

/* `...` compiles to a load of this built-in (lang/compile_expr.c). */
const Obj ellipsis_obj = {0, T_ELLIPSIS, 0, 0};

const BuiltinEntry builtin_table[] = {
    {"Ellipsis", &ellipsis_obj},
    B(print), B(len), C(range), B(min), B(max), B(abs), B(sum), B(sorted), C(reversed),
    B(round), B(isinstance), C(enumerate), C(zip), B(divmod), B(pow), B(ord), B(chr), B(hex),
    B(oct), B(bin),
    B(repr), B(format), B(hash), C(type), B(open), B(issubclass),
    B(iter), B(next), C(map), C(filter), B(any), B(all), B(callable), B(id), B(getattr), B(hasattr),
    B(setattr), B(delattr), B(ascii), B(exec), B(eval), B(compile), B(globals), B(locals), B(dir), B(vars), B(__import__),
    {"$display", &bi_display.hdr}, /* compile(..., 'single') shows values with it (eval.c) */
    C(object), C(staticmethod), C(classmethod), C(property), C(super),
    {"NotImplemented", &not_implemented.hdr},
    C(int), C(float), C(bool), C(str), C(list), C(tuple), C(dict), C(bytes), C(bytearray), C(slice),
    C(set), C(frozenset), C(complex), C(memoryview),
    P4_EXCEPTIONS(E)
    {"IOError", &exc_types[EXC_OSError].hdr}, /* CPython's aliases of OSError */
    {"EnvironmentError", &exc_types[EXC_OSError].hdr},
};
const uint32_t builtin_count = sizeof builtin_table / sizeof builtin_table[0];

extern const Module module_gc;      /* vm/gcmod.c */
extern const Module module_weakref; /* vm/weakrefmod.c */

const Module *module_find(const char *name, uint32_t len)
{
    static const Module *const modules[] = {&module_math, &module_array, &module_p4, &module_sys, &module_struct,
                                                    &module_time, &module_random, &module_collections,
                                                    &module_functools, &module_io, &module_os, &module_cmath, &module_types, &module_gc, &module_weakref,
                                                    &module_itertools, &module__operator};
    for (unsigned i = 0; i < sizeof modules / sizeof modules[0]; i++)
        if (strlen(modules[i]->name) == len && memcmp(modules[i]->name, name, len) == 0)
            return modules[i];
    return NULL;
}
