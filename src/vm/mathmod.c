/*
 * mathmod.c - the `math` module, in single precision like the chip's FPU.
 */
#include <math.h>
#include <string.h>

#include "vm/long.h"
#include "vm/vm.h"
#include "vm/class.h"

static bool number_arg(VM *vm, Value v, float *out)
{
    if (v.type == T_LONG) /* (OverflowError past float32's range) */
        return long_to_float(vm, v, out);
    if (v.type == T_INSTANCE) { /* __float__, __index__, a float subclass (class.c) */
        bool found;
        Value f;
        if (!class_to_number(vm, v, true, &f, &found))
            return false;
        if (found)
            return number_arg(vm, f, out);
    }
    if (!v_is_number(v))
        return vm_raise(vm, EXC_TypeError, "must be real number, not %s", type_name(v));
    *out = v_as_float(v);
    return true;
}

static bool range_error(VM *vm) { return vm_raise(vm, EXC_OverflowError, "math range error"); }

/* A float result: a finite argument giving an infinite result overflowed. */
static bool float_result(VM *vm, float x, float r, Value *out)
{
    if (isinf(r) && isfinite(x))
        return range_error(vm);
    *out = v_float(r);
    return true;
}

static bool domain_error(VM *vm) { return vm_raise(vm, EXC_ValueError, "math domain error"); }

/* A one-argument float function with its domain check. */
#define MATH1(name, expr, domain_ok)                                              \
    static bool math_##name(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) \
    {                                                                             \
        float x = 0;                                                              \
        if (!number_arg(vm, args[0], &x))                                         \
            return false;                                                         \
        if (!(domain_ok))                                                         \
            return domain_error(vm);                                              \
        *out = v_float(expr);                                                     \
        return true;                                                              \
    }                                                                             \
    static NATIVE(math_##name##_n, #name, math_##name, 1, 1);

MATH1(sqrt, sqrtf(x), isnan(x) || x >= 0.0f)
MATH1(log2, log2f(x), isnan(x) || x > 0.0f)
MATH1(log10, log10f(x), isnan(x) || x > 0.0f)
MATH1(sin, sinf(x), !isinf(x))
MATH1(cos, cosf(x), !isinf(x))
MATH1(tan, tanf(x), !isinf(x))
MATH1(atan, atanf(x), 1)
MATH1(fabs, fabsf(x), 1)

/* exp of a finite x too large for a float (float32 here: x > 88.7) is an
 * OverflowError, as CPython's is past its double range; exp(inf) is inf. */
static bool math_exp(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    float x = 0;
    if (!number_arg(vm, args[0], &x))
        return false;
    float r = expf(x);
    if (isinf(r) && !isinf(x))
        return vm_raise(vm, EXC_OverflowError, "math range error");
    *out = v_float(r);
    return true;
}
static NATIVE(math_exp_n, "exp", math_exp, 1, 1);

static bool math_log(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    float x = 0, base = 0;
    if (!number_arg(vm, args[0], &x))
        return false;
    if (!(isnan(x) || x > 0.0f))
        return domain_error(vm);
    if (nargs == 1) {
        *out = v_float(logf(x));
        return true;
    }
    if (!number_arg(vm, args[1], &base))
        return false;
    if (!isnan(base) && (!(base > 0.0f) || base == 1.0f))
        return base == 1.0f ? vm_raise(vm, EXC_ZeroDivisionError, "float division by zero") : domain_error(vm);
    *out = v_float(logf(x) / logf(base));
    return true;
}
static NATIVE(math_log_n, "log", math_log, 1, 2);

static bool math_atan2(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    float y = 0, x = 0;
    if (!number_arg(vm, args[0], &y) || !number_arg(vm, args[1], &x))
        return false;
    *out = v_float(atan2f(y, x));
    return true;
}
static NATIVE(math_atan2_n, "atan2", math_atan2, 2, 2);

/* floor, ceil and trunc return ints of any size (T_LONG past 32 bits). */
static bool to_int(VM *vm, Value v, float (*round_fn)(float), Value *out)
{
    if (v_is_intlike(v)) {
        *out = v_int(v.u.i);
        return true;
    }
    if (v.type == T_LONG) {
        *out = v;
        return true;
    }
    float x = 0;
    if (!number_arg(vm, v, &x))
        return false;
    return long_from_float(vm, round_fn(x), out);
}

static bool math_floor(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return to_int(vm, args[0], floorf, out); }
static bool math_ceil(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return to_int(vm, args[0], ceilf, out); }
static bool math_trunc(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) { return to_int(vm, args[0], long_truncf, out); }
static NATIVE(math_floor_n, "floor", math_floor, 1, 1);
static NATIVE(math_ceil_n, "ceil", math_ceil, 1, 1);
static NATIVE(math_trunc_n, "trunc", math_trunc, 1, 1);

static bool math_isnan(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    float x = 0;
    if (!number_arg(vm, args[0], &x))
        return false;
    *out = v_bool(isnan(x));
    return true;
}
static NATIVE(math_isnan_n, "isnan", math_isnan, 1, 1);

static bool math_isinf(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    float x = 0;
    if (!number_arg(vm, args[0], &x))
        return false;
    *out = v_bool(isinf(x));
    return true;
}
static NATIVE(math_isinf_n, "isinf", math_isinf, 1, 1);

/* The rest of CPython's float functions. Each checks its domain as CPython
 * does (ValueError "math domain error") and reports a finite argument whose
 * result overflows float32 as OverflowError. */
#define MATH1R(name, expr, domain_ok)                                             \
    static bool math_##name(VM *vm, Value *args, int nargs, Tuple *kw, Value *out) \
    {                                                                             \
        float x = 0;                                                              \
        if (!number_arg(vm, args[0], &x))                                         \
            return false;                                                         \
        if (!(domain_ok))                                                         \
            return domain_error(vm);                                              \
        return float_result(vm, x, expr, out);                                    \
    }                                                                             \
    static NATIVE(math_##name##_n, #name, math_##name, 1, 1);

static bool nonpositive_integer(float x) { return x <= 0.0f && isfinite(x) && floorf(x) == x; }

MATH1(asin, asinf(x), isnan(x) || (x >= -1.0f && x <= 1.0f))
MATH1(acos, acosf(x), isnan(x) || (x >= -1.0f && x <= 1.0f))
MATH1R(sinh, sinhf(x), 1)
MATH1R(cosh, coshf(x), 1)
MATH1(tanh, tanhf(x), 1)
MATH1(asinh, asinhf(x), 1)
MATH1(acosh, acoshf(x), isnan(x) || x >= 1.0f)
MATH1(atanh, atanhf(x), isnan(x) || (x > -1.0f && x < 1.0f))
MATH1R(expm1, expm1f(x), 1)
MATH1(log1p, log1pf(x), isnan(x) || x > -1.0f)
MATH1(erf, erff(x), 1)
MATH1(erfc, erfcf(x), 1)
MATH1R(gamma, tgammaf(x), isnan(x) || (!nonpositive_integer(x) && x != -INFINITY))
MATH1R(lgamma, lgammaf(x), isnan(x) || !nonpositive_integer(x))
MATH1(degrees, x * (180.0f / 3.14159265358979f), 1)
MATH1(radians, x * (3.14159265358979f / 180.0f), 1)

static bool math_isfinite(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    float x = 0;
    if (!number_arg(vm, args[0], &x))
        return false;
    *out = v_bool(isfinite(x));
    return true;
}
static NATIVE(math_isfinite_n, "isfinite", math_isfinite, 1, 1);

/* Two float arguments. */
static bool two_args(VM *vm, Value *args, float *x, float *y)
{
    return number_arg(vm, args[0], x) && number_arg(vm, args[1], y);
}

static bool math_copysign(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    float x, y;
    if (!two_args(vm, args, &x, &y))
        return false;
    *out = v_float(copysignf(x, y));
    return true;
}
static NATIVE(math_copysign_n, "copysign", math_copysign, 2, 2);

static bool math_fmod(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    float x, y;
    if (!two_args(vm, args, &x, &y))
        return false;
    if (!isnan(x) && !isnan(y) && (isinf(x) || y == 0.0f))
        return domain_error(vm);
    *out = v_float(fmodf(x, y));
    return true;
}
static NATIVE(math_fmod_n, "fmod", math_fmod, 2, 2);

static bool math_hypot(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    float acc = 0.0f;
    bool inf = false;
    for (int i = 0; i < nargs; i++) {
        float x;
        if (!number_arg(vm, args[i], &x))
            return false;
        inf |= isinf(x);
        acc = hypotf(acc, x);
    }
    *out = v_float(inf ? INFINITY : acc);
    return true;
}
static NATIVE(math_hypot_n, "hypot", math_hypot, 0, -1);

/* math.pow: float powers with C99's special cases, as CPython. */
static bool math_pow(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    float x, y;
    if (!two_args(vm, args, &x, &y))
        return false;
    if (isfinite(x) && isfinite(y)) {
        if (x == 0.0f && y < 0.0f)
            return domain_error(vm);
        if (x < 0.0f && floorf(y) != y)
            return domain_error(vm);
    }
    float r = powf(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y))
        return range_error(vm);
    *out = v_float(r);
    return true;
}
static NATIVE(math_pow_n, "pow", math_pow, 2, 2);

static bool pair(VM *vm, Value a, Value b, Value *out)
{
    Tuple *t = tuple_new(vm, 2);
    if (!t)
        return false;
    t->items[0] = a;
    t->items[1] = b;
    *out = v_obj(t);
    return true;
}

static bool math_modf(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    float x, ip;
    if (!number_arg(vm, args[0], &x))
        return false;
    float frac = isinf(x) ? copysignf(0.0f, x) : modff(x, &ip);
    if (isinf(x))
        ip = x;
    return pair(vm, v_float(frac), v_float(ip), out);
}
static NATIVE(math_modf_n, "modf", math_modf, 1, 1);

static bool math_frexp(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    float x;
    if (!number_arg(vm, args[0], &x))
        return false;
    int e = 0;
    float m = isfinite(x) ? frexpf(x, &e) : x;
    return pair(vm, v_float(m), v_int(e), out);
}
static NATIVE(math_frexp_n, "frexp", math_frexp, 1, 1);

static bool math_ldexp(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    float x;
    if (!number_arg(vm, args[0], &x))
        return false;
    if (!v_is_intlike(args[1]) && args[1].type != T_LONG)
        return vm_raise(vm, EXC_TypeError, "Expected an int as second argument to ldexp.");
    int32_t e = args[1].type == T_LONG ? (long_is_neg(args[1]) ? -100000 : 100000) : args[1].u.i;
    if (e > 100000)
        e = 100000;
    if (e < -100000)
        e = -100000;
    return float_result(vm, x, ldexpf(x, (int)e), out);
}
static NATIVE(math_ldexp_n, "ldexp", math_ldexp, 2, 2);

/* isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) */
static bool math_isclose(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int nkw = kw ? (int)kw->len : 0, npos = nargs - nkw;
    if (npos != 2)
        return vm_raise(vm, EXC_TypeError, "isclose() takes exactly 2 positional arguments (%d given)", npos);
    float a, b, rel = 1e-9f, abs_tol = 0.0f;
    if (!two_args(vm, args, &a, &b))
        return false;
    for (int k = 0; k < nkw; k++) {
        Str *name = AS(Str, kw->items[k]);
        float *dst = strcmp(name->data, "rel_tol") == 0 ? &rel : strcmp(name->data, "abs_tol") == 0 ? &abs_tol : NULL;
        if (!dst)
            return vm_raise(vm, EXC_TypeError, "isclose() got an unexpected keyword argument '%s'", name->data);
        if (!number_arg(vm, args[npos + k], dst))
            return false;
    }
    if (rel < 0.0f || abs_tol < 0.0f)
        return vm_raise(vm, EXC_ValueError, "tolerances must be non-negative");
    if (a == b) {
        *out = v_bool(true);
        return true;
    }
    if (isinf(a) || isinf(b)) {
        *out = v_bool(false);
        return true;
    }
    float diff = fabsf(b - a);
    *out = v_bool(diff <= fabsf(rel * b) || diff <= fabsf(rel * a) || diff <= abs_tol);
    return true;
}
static NATIVE_WITH_KW(math_isclose_n, "isclose", math_isclose, 2, 4);

/* factorial(n) of any size: products through the int operators. */
static bool math_factorial(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value n = args[0];
    if (n.type == T_LONG)
        return long_is_neg(n) ? vm_raise(vm, EXC_ValueError, "factorial() not defined for negative values")
                              : vm_raise(vm, EXC_OverflowError, "factorial() argument should not exceed %ld", 2147483647L);
    if (!v_is_intlike(n))
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(n));
    if (n.u.i < 0)
        return vm_raise(vm, EXC_ValueError, "factorial() not defined for negative values");
    if (n.u.i > 20000)
        return vm_raise(vm, EXC_OverflowError, "P4JIT: factorial() argument too large");
    Value acc = v_int(1);
    VM_ROOT(vm, acc);
    for (int32_t i = 2; i <= n.u.i; i++) {
        if (!vm_binary_op(vm, OP_BINARY_MUL, vm->roots[vm->nroots - 1], v_int(i), &vm->roots[vm->nroots - 1])) {
            VM_UNROOT(vm, 1);
            return false;
        }
    }
    *out = vm->roots[vm->nroots - 1];
    VM_UNROOT(vm, 1);
    return true;
}
static NATIVE(math_factorial_n, "factorial", math_factorial, 1, 1);

/* gcd(*ints) through the int operators (any size). */
static bool math_gcd(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    VM_ROOT(vm, v_int(0));
    Value *acc = &vm->roots[vm->nroots - 1];
    bool ok = true;
    for (int i = 0; i < nargs && ok; i++) {
        if (!v_is_intlike(args[i]) && args[i].type != T_LONG) {
            ok = vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[i]));
            break;
        }
        VM_ROOT(vm, args[i]);
        Value *b = &vm->roots[vm->nroots - 1];
        while (ok) { /* Euclid: (acc, b) = (b, acc % b) */
            bool zero;
            ok = vm_equal(vm, *b, v_int(0), &zero);
            if (!ok || zero)
                break;
            Value r;
            ok = vm_binary_op(vm, OP_BINARY_MOD, *acc, *b, &r);
            if (ok) {
                *acc = *b;
                *b = r;
            }
        }
        VM_UNROOT(vm, 1);
    }
    if (ok) {
        bool neg;
        ok = vm_less(vm, *acc, v_int(0), &neg);
        if (ok && neg)
            ok = vm_unary_op(vm, OP_UNARY_NEG, *acc, acc);
    }
    if (ok)
        *out = *acc;
    VM_UNROOT(vm, 1);
    return ok;
}
static NATIVE(math_gcd_n, "gcd", math_gcd, 0, -1);

/* prod(iterable, /, *, start=1): products through the int and float operators. */
static bool math_prod(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int nkw = kw ? (int)kw->len : 0, npos = nargs - nkw;
    if (npos != 1)
        return vm_raise(vm, EXC_TypeError, "prod() takes exactly 1 positional argument (%d given)", npos);
    Value acc = v_int(1);
    for (int k = 0; k < nkw; k++) {
        Str *name = AS(Str, kw->items[k]);
        if (strcmp(name->data, "start") != 0)
            return vm_raise(vm, EXC_TypeError, "'%s' is an invalid keyword argument for prod()", name->data);
        acc = args[npos + k];
    }
    Value it;
    if (!vm_getiter(vm, args[0], &it))
        return false;
    VM_ROOT(vm, it);
    VM_ROOT(vm, acc);
    VM_ROOT(vm, v_none());
    Value *acc_slot = &vm->roots[vm->nroots - 2], *item = &vm->roots[vm->nroots - 1];
    int r;
    for (;;) {
        r = vm_iternext(vm, it, item);
        if (r <= 0 || !vm_binary_op(vm, OP_BINARY_MUL, *acc_slot, *item, acc_slot))
            break;
    }
    *out = *acc_slot;
    VM_UNROOT(vm, 3);
    return r == 0;
}
static NATIVE_WITH_KW(math_prod_n, "prod", math_prod, 0, -1);

/* fsum(iterable): the exactly rounded sum, by CPython's algorithm (Shewchuk's
 * non-overlapping partials) in single precision: each partial a float32, so
 * the result is the float32 nearest the exact sum of the items' float32
 * values. Float32 partials never overlap, so at most (254 + 24) / 24 + 1 of
 * them exist at once. */
#define FSUM_MAX_PARTIALS 32
static bool math_fsum(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value it;
    if (!vm_getiter(vm, args[0], &it))
        return false;
    VM_ROOT(vm, it);
    float partials[FSUM_MAX_PARTIALS], special = 0.0f, inf_sum = 0.0f;
    int n = 0, r;
    for (;;) {
        Value v;
        float x;
        r = vm_iternext(vm, it, &v);
        if (r <= 0 || !number_arg(vm, v, &x)) {
            r = r <= 0 ? r : -1;
            break;
        }
        float xsave = x;
        int i = 0;
        for (int j = 0; j < n; j++) {
            float y = partials[j];
            if (fabsf(x) < fabsf(y)) {
                float t = x;
                x = y;
                y = t;
            }
            float hi = x + y, lo = y - (hi - x);
            if (lo != 0.0f)
                partials[i++] = lo;
            x = hi;
        }
        n = i;
        if (x == 0.0f)
            continue;
        if (!isfinite(x)) { /* inf or nan items: summed apart; a finite item overflowing is an error */
            if (isfinite(xsave)) {
                r = -1;
                vm_raise(vm, EXC_OverflowError, "intermediate overflow in fsum");
                break;
            }
            if (isinf(xsave))
                inf_sum += xsave;
            special += xsave;
            n = 0;
        } else {
            partials[n++] = x;
        }
    }
    VM_UNROOT(vm, 1);
    if (r != 0)
        return false;
    if (special != 0.0f || isnan(special)) {
        if (isnan(inf_sum))
            return vm_raise(vm, EXC_ValueError, "-inf + inf in fsum");
        *out = v_float(special);
        return true;
    }
    float hi = 0.0f, lo = 0.0f;
    if (n > 0) { /* add the partials from the top until the sum is inexact */
        hi = partials[--n];
        while (n > 0) {
            float x = hi, y = partials[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0f)
                break;
        }
        /* round half to even the way the exact sum says: the rest of the partials tip a tie */
        if (n > 0 && ((lo < 0.0f && partials[n - 1] < 0.0f) || (lo > 0.0f && partials[n - 1] > 0.0f))) {
            float y = lo * 2.0f, x = hi + y;
            if (y == x - hi)
                hi = x;
        }
    }
    *out = v_float(hi);
    return true;
}
static NATIVE(math_fsum_n, "fsum", math_fsum, 1, 1);

/* isqrt(n): the floor of the exact square root, of an int of any size
 * (Newton's iteration from above through the int operators). */
static bool math_isqrt(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Value n = args[0];
    if (n.type == T_INSTANCE && !class_index(vm, &n))
        return false;
    if (!v_is_intlike(n) && n.type != T_LONG)
        return vm_raise(vm, EXC_TypeError, "'%s' object cannot be interpreted as an integer", type_name(n));
    if (long_is_neg(n))
        return vm_raise(vm, EXC_ValueError, "isqrt() argument must be nonnegative");
    if (n.type != T_LONG) {
        uint32_t v = (uint32_t)n.u.i, x = (uint32_t)sqrt((double)v); /* exact to within one; then made exact */
        while ((uint64_t)x * x > v)
            x--;
        while ((uint64_t)(x + 1) * (x + 1) <= v)
            x++;
        *out = v_int((int32_t)x);
        return true;
    }
    VM_ROOT(vm, n);
    VM_ROOT(vm, v_none());
    VM_ROOT(vm, v_none());
    Value *x = &vm->roots[vm->nroots - 2], *y = &vm->roots[vm->nroots - 1];
    bool ok = vm_binary_op(vm, OP_BINARY_LSHIFT, v_int(1), v_int((int32_t)(long_bit_length(n) + 1) / 2), x);
    while (ok) { /* x >= isqrt(n) throughout: y = (x + n // x) // 2 until it stops falling */
        bool smaller;
        ok = vm_binary_op(vm, OP_BINARY_FLOORDIV, vm->roots[vm->nroots - 3], *x, y) &&
             vm_binary_op(vm, OP_BINARY_ADD, *y, *x, y) && vm_binary_op(vm, OP_BINARY_RSHIFT, *y, v_int(1), y) &&
             vm_less(vm, *y, *x, &smaller);
        if (!ok || !smaller)
            break;
        *x = *y;
    }
    *out = *x;
    VM_UNROOT(vm, 3);
    return ok;
}
static NATIVE(math_isqrt_n, "isqrt", math_isqrt, 1, 1);

#define FN(name) static Value get_##name(void) { return v_obj((void *)&math_##name##_n); }
FN(sqrt) FN(exp) FN(log) FN(log2) FN(log10) FN(sin) FN(cos) FN(tan) FN(atan) FN(atan2) FN(fabs)
FN(floor) FN(ceil) FN(trunc) FN(isnan) FN(isinf)
FN(asin) FN(acos) FN(sinh) FN(cosh) FN(tanh) FN(asinh) FN(acosh) FN(atanh) FN(expm1) FN(log1p) FN(erf)
FN(erfc) FN(gamma) FN(lgamma) FN(degrees) FN(radians) FN(isfinite) FN(copysign) FN(fmod) FN(hypot) FN(pow)
FN(modf) FN(frexp) FN(ldexp) FN(isclose) FN(factorial) FN(gcd) FN(prod) FN(fsum) FN(isqrt)
static Value get_tau(void) { return v_float(6.28318530717959f); }
static Value get_pi(void) { return v_float(3.14159265358979f); }
static Value get_e(void) { return v_float(2.71828182845905f); }
static Value get_inf(void) { return v_float(INFINITY); }
static Value get_nan(void) { return v_float(NAN); }

static const ModuleAttr math_attrs[] = {
    {"sqrt", get_sqrt},   {"exp", get_exp},     {"log", get_log},     {"log2", get_log2},
    {"log10", get_log10}, {"sin", get_sin},     {"cos", get_cos},     {"tan", get_tan},
    {"atan", get_atan},   {"atan2", get_atan2}, {"fabs", get_fabs},   {"floor", get_floor},
    {"ceil", get_ceil},   {"trunc", get_trunc}, {"isnan", get_isnan}, {"isinf", get_isinf},
    {"pi", get_pi},       {"e", get_e},         {"inf", get_inf},     {"nan", get_nan},
    {"tau", get_tau},     {"asin", get_asin},   {"acos", get_acos},   {"sinh", get_sinh},
    {"cosh", get_cosh},   {"tanh", get_tanh},   {"asinh", get_asinh}, {"acosh", get_acosh},
    {"atanh", get_atanh}, {"expm1", get_expm1}, {"log1p", get_log1p}, {"erf", get_erf},
    {"erfc", get_erfc},   {"gamma", get_gamma}, {"lgamma", get_lgamma}, {"degrees", get_degrees},
    {"radians", get_radians}, {"isfinite", get_isfinite}, {"copysign", get_copysign},
    {"fmod", get_fmod},   {"hypot", get_hypot}, {"pow", get_pow},     {"modf", get_modf},
    {"frexp", get_frexp}, {"ldexp", get_ldexp}, {"isclose", get_isclose},
    {"factorial", get_factorial}, {"gcd", get_gcd}, {"prod", get_prod}, {"fsum", get_fsum}, {"isqrt", get_isqrt},
};

const Module module_math = {{0, T_MODULE, 0, 0}, "math", math_attrs, sizeof math_attrs / sizeof math_attrs[0]};
