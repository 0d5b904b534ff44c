/*
 * mathmod.c - the `math` module, in single precision like the chip's FPU.
 */
#include <math.h>

#include "vm/long.h"
#include "vm/vm.h"

static bool number_arg(VM *vm, Value v, float *out)
{
    if (!v_is_number(v))
        return vm_raise(vm, EXC_TypeError, "must be real number, not %s", type_name(v));
    *out = v_as_float(v);
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
    if (!(base > 0.0f) || base == 1.0f)
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

#define FN(name) static Value get_##name(void) { return v_obj((void *)&math_##name##_n); }
FN(sqrt) FN(exp) FN(log) FN(log2) FN(log10) FN(sin) FN(cos) FN(tan) FN(atan) FN(atan2) FN(fabs)
FN(floor) FN(ceil) FN(trunc) FN(isnan) FN(isinf)
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
};

const Module module_math = {{0, T_MODULE, 0, 0}, "math", math_attrs, sizeof math_attrs / sizeof math_attrs[0]};
