/*
 * complex.c - the complex type: construction, arithmetic, equality, hash,
 * repr, attributes, and the cmath module.
 *
 * Every operation here is off the interpreter's fast paths: ops.c hands a
 * binary or unary operation over only when an operand is a complex (or a
 * float power has a complex result). Arithmetic follows CPython 3.11's
 * formulas (Objects/complexobject.c: a real operand is converted to
 * complex(x, 0.0) first, Smith's division, integral powers by repeated
 * squaring) so that signs of zero and the results print alike; it computes
 * in double and stores binary32 parts.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/complex.h"
#include "vm/class.h"
#include "vm/long.h"

bool complex_make(VM *vm, double re, double im, Value *out)
{
    Complex *c = gc_alloc(vm, T_COMPLEX, sizeof(Complex));
    if (!c)
        return false;
    c->re = (float)re;
    c->im = (float)im;
    *out = v_obj(c);
    return true;
}

/* A number as complex parts: 1 done, 0 not a number, -1 raised (an int too
 * large for a float). */
static int parts_of(VM *vm, Value v, double *re, double *im)
{
    *im = 0.0;
    switch ((Type)v.type) {
    case T_INT:
    case T_BOOL:
        *re = v.u.i;
        return 1;
    case T_FLOAT:
        *re = v.u.f;
        return 1;
    case T_LONG: {
        float f;
        if (!long_to_float(vm, v, &f))
            return -1;
        *re = f;
        return 1;
    }
    case T_COMPLEX:
        *re = AS(Complex, v)->re;
        *im = AS(Complex, v)->im;
        return 1;
    default:
        return 0;
    }
}

typedef struct { double re, im; } Cx;

static Cx cx_mul(Cx a, Cx b) { return (Cx){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

/* Smith's algorithm as CPython's _Py_c_quot; false for a zero divisor. */
static bool cx_div(Cx a, Cx b, Cx *r)
{
    double abr = fabs(b.re), abi = fabs(b.im);
    if (abr >= abi) {
        if (abr == 0.0)
            return false;
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        *r = (Cx){(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
    } else if (abi >= abr) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        *r = (Cx){(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
    } else { /* a NaN in the divisor */
        *r = (Cx){NAN, NAN};
    }
    return true;
}

/* a ** b: 0 done, 1 zero to a negative or complex power. */
static int cx_pow(Cx a, Cx b, Cx *r)
{
    if (b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0) { /* CPython's c_powi */
        long n = (long)b.re;
        unsigned long u = (unsigned long)(n < 0 ? -n : n);
        Cx acc = {1.0, 0.0}, x = a;
        for (unsigned long mask = 1; mask > 0 && mask <= u; mask <<= 1) {
            if (u & mask)
                acc = cx_mul(acc, x);
            x = cx_mul(x, x);
        }
        if (n >= 0) {
            *r = acc;
            return 0;
        }
        return cx_div((Cx){1.0, 0.0}, acc, r) ? 0 : 1;
    }
    if (b.re == 0.0 && b.im == 0.0) {
        *r = (Cx){1.0, 0.0};
        return 0;
    }
    if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0)
            return 1;
        *r = (Cx){0.0, 0.0};
        return 0;
    }
    double vabs = hypot(a.re, a.im), len = pow(vabs, b.re), at = atan2(a.im, a.re), phase = at * b.re;
    if (b.im != 0.0) {
        len /= exp(at * b.im);
        phase += b.im * log(vabs);
    }
    *r = (Cx){len * cos(phase), len * sin(phase)};
    return 0;
}

static bool pow_result(VM *vm, Cx a, Cx b, Value *out)
{
    Cx r;
    if (cx_pow(a, b, &r))
        return vm_raise(vm, EXC_ZeroDivisionError, "0.0 to a negative or complex power");
    /* the parts are binary32: a finite power beyond FLT_MAX overflows */
    if ((isinf((float)r.re) || isinf((float)r.im)) && isfinite(a.re) && isfinite(a.im) && isfinite(b.re) &&
        isfinite(b.im))
        return vm_raise(vm, EXC_OverflowError, "complex exponentiation");
    return complex_make(vm, r.re, r.im, out);
}

bool complex_real_pow(VM *vm, float a, float b, Value *out)
{
    return pow_result(vm, (Cx){a, 0.0}, (Cx){b, 0.0}, out);
}

bool complex_binary_op(VM *vm, unsigned op, unsigned inplace, Value a, Value b, Value *out)
{
    Cx x, y;
    int ka = parts_of(vm, a, &x.re, &x.im);
    if (ka < 0)
        return false;
    int kb = ka ? parts_of(vm, b, &y.re, &y.im) : 0;
    if (kb < 0)
        return false;
    if (!ka || !kb)
        return vm_raise_binop(vm, vm_op_symbol(inplace), a, b);
    Cx r;
    switch (op) {
    case OP_BINARY_ADD:
    case OP_INPLACE_ADD:
        r = (Cx){x.re + y.re, x.im + y.im};
        break;
    case OP_BINARY_SUB:
        r = (Cx){x.re - y.re, x.im - y.im};
        break;
    case OP_BINARY_MUL:
    case OP_INPLACE_MUL:
        r = cx_mul(x, y);
        break;
    case OP_BINARY_TRUEDIV:
        if (!cx_div(x, y, &r))
            return vm_raise(vm, EXC_ZeroDivisionError, "complex division by zero");
        break;
    case OP_BINARY_POW:
        return pow_result(vm, x, y, out);
    default:
        return vm_raise_binop(vm, vm_op_symbol(inplace), a, b);
    }
    return complex_make(vm, r.re, r.im, out);
}

bool complex_unary_op(VM *vm, unsigned op, Value a, Value *out)
{
    Complex *c = AS(Complex, a);
    if (op == OP_UNARY_NEG)
        return complex_make(vm, -c->re, -c->im, out);
    if (op == OP_UNARY_POS) {
        *out = a;
        return true;
    }
    return vm_raise(vm, EXC_TypeError, "bad operand type for unary ~: 'complex'");
}

bool complex_equal(VM *vm, Value a, Value b, bool *out)
{
    if (b.type == T_COMPLEX) {
        Value t = a;
        a = b;
        b = t;
    }
    Complex *c = AS(Complex, a);
    if (b.type == T_COMPLEX) {
        *out = c->re == AS(Complex, b)->re && c->im == AS(Complex, b)->im;
        return true;
    }
    if (v_is_number(b)) { /* exact, as float == int */
        Value re = v_float(c->re), eq;
        if (c->im != 0.0f) {
            *out = false;
            return true;
        }
        if (!vm_compare(vm, OP_COMPARE_EQ, re, b, &eq))
            return false;
        *out = eq.u.i != 0;
        return true;
    }
    if (b.type == T_LONG) {
        Value eq;
        if (c->im != 0.0f) {
            *out = false;
            return true;
        }
        if (!vm_compare(vm, OP_COMPARE_EQ, v_float(c->re), b, &eq))
            return false;
        *out = eq.u.i != 0;
        return true;
    }
    *out = false;
    return true;
}

int64_t complex_hash(Value v)
{
    Complex *c = AS(Complex, v);
    uint64_t hr = (uint64_t)long_hash_float(c->re), hi = (uint64_t)long_hash_float(c->im);
    int64_t h = (int64_t)(hr + 1000003u * hi);
    return h == -1 ? -2 : h;
}

double complex_abs(Value v)
{
    Complex *c = AS(Complex, v);
    return hypot(c->re, c->im);
}

/* A part as CPython's complex repr writes it: the float's repr without a
 * trailing ".0". */
static void part_repr(StrBuf *sb, float f)
{
    uint32_t start = sb->len;
    fmt_float(sb, f);
    if (!sb->oom && sb->len >= start + 2 && sb->data[sb->len - 2] == '.' && sb->data[sb->len - 1] == '0')
        sb->len -= 2;
}

void complex_repr(StrBuf *sb, Value v)
{
    Complex *c = AS(Complex, v);
    if (c->re == 0.0f && !signbit(c->re)) { /* a positive zero real part: just the imaginary */
        part_repr(sb, c->im);
        sb_addc(sb, 'j');
        return;
    }
    sb_addc(sb, '(');
    part_repr(sb, c->re);
    if (isnan(c->im) || !signbit(c->im))
        sb_addc(sb, '+');
    part_repr(sb, isnan(c->im) ? NAN : c->im);
    sb_adds(sb, "j)");
}

/* ---- attributes ------------------------------------------------------------------ */

static bool conjugate_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Complex *c = AS(Complex, args[0]);
    return complex_make(vm, c->re, -c->im, out);
}
static NATIVE(complex_conjugate, "conjugate", conjugate_fn, 1, 1);

int complex_attr(VM *vm, Value obj, Str *name, Value *out)
{
    Complex *c = AS(Complex, obj);
    if (strcmp(name->data, "real") == 0) {
        *out = v_float(c->re);
        return 1;
    }
    if (strcmp(name->data, "imag") == 0) {
        *out = v_float(c->im);
        return 1;
    }
    if (strcmp(name->data, "conjugate") == 0) {
        BoundMethod *b = boundmethod_new(vm, &complex_conjugate, obj);
        if (!b)
            return 0;
        *out = v_obj(b);
        return 1;
    }
    return -1;
}

/* ---- complex(): numbers, strings, __complex__ -------------------------------------- */

/* Does [p, p + strlen(word)) spell the lowercase word in any case? */
static bool word_at(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - p) < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((p[i] | 32) != word[i])
            return false;
    return true;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* A float at *p (sign, digits with one '.', exponent; inf, infinity, nan):
 * advances *p past it and sets *v; false (nothing consumed) otherwise. */
static bool scan_float(const char **p, const char *end, float *v)
{
    const char *s = *p, *q = s;
    if (q < end && (*q == '+' || *q == '-'))
        q++;
    static const char *const words[] = {"infinity", "inf", "nan"};
    for (int w = 0; w < 3; w++) {
        size_t n = strlen(words[w]);
        if (word_at(q, end, words[w])) {
            float x = w == 2 ? NAN : INFINITY;
            *v = *s == '-' ? -x : x;
            *p = q + n;
            return true;
        }
    }
    const char *digits = q;
    while (q < end && *q >= '0' && *q <= '9')
        q++;
    bool any = q > digits;
    if (q < end && *q == '.') {
        const char *frac = ++q;
        while (q < end && *q >= '0' && *q <= '9')
            q++;
        any = any || q > frac;
    }
    if (!any)
        return false;
    if (q < end && (*q == 'e' || *q == 'E')) {
        const char *e = q + 1;
        if (e < end && (*e == '+' || *e == '-'))
            e++;
        const char *ed = e;
        while (e < end && *e >= '0' && *e <= '9')
            e++;
        if (e > ed)
            q = e;
    }
    char buf[128];
    size_t n = (size_t)(q - s);
    if (n >= sizeof buf)
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    *v = strtof(buf, NULL);
    *p = q;
    return true;
}

static bool from_string(VM *vm, const Str *s, Value *out)
{
    const char *p = s->data, *end = s->data + s->len;
    float re = 0.0f, im = 0.0f, x;
    while (p < end && is_space(*p))
        p++;
    bool paren = p < end && *p == '(';
    if (paren)
        for (p++; p < end && is_space(*p); p++)
            ;
    bool ok = true;
    if (scan_float(&p, end, &x)) {
        if (p < end && (*p == '+' || *p == '-')) { /* real, then the imaginary part */
            re = x;
            const char *q = p;
            if (scan_float(&q, end, &im)) {
                p = q;
            } else {
                im = *p == '-' ? -1.0f : 1.0f;
                p++;
            }
            ok = p < end && (*p == 'j' || *p == 'J');
            p++;
        } else if (p < end && (*p == 'j' || *p == 'J')) {
            im = x;
            p++;
        } else {
            re = x;
        }
    } else {
        float sign = 1.0f;
        if (p < end && (*p == '+' || *p == '-'))
            sign = *p++ == '-' ? -1.0f : 1.0f;
        ok = p < end && (*p == 'j' || *p == 'J');
        im = sign;
        p++;
    }
    if (ok) {
        while (p < end && is_space(*p))
            p++;
        if (paren) {
            ok = p < end && *p == ')';
            for (p++; p < end && is_space(*p); p++)
                ;
        }
        ok = ok && p == end;
    }
    if (!ok)
        return vm_raise(vm, EXC_ValueError, "complex() arg is a malformed string");
    return complex_make(vm, re, im, out);
}

/* An instance's __complex__ (1 found, *out a complex; 0 none; -1 raised),
 * else its __float__ through class_to_number. */
static int instance_complex(VM *vm, Value x, Value *out)
{
    Str *name = str_from_cstr(vm, "__complex__");
    if (!name)
        return -1;
    VM_ROOT(vm, v_obj(name));
    Value m[2];
    bool got = class_load_method(vm, x, name, m);
    VM_UNROOT(vm, 1);
    if (!got) {
        if (vm->exc.type != T_EXCEPTION || !exc_matches(AS(Exception, vm->exc), &exc_types[EXC_AttributeError]))
            return -1;
        vm->exc = v_unbound();
        bool found;
        if (!class_to_number(vm, x, true, out, &found))
            return -1;
        if (!found)
            return 0;
        double re, im;
        if (parts_of(vm, *out, &re, &im) <= 0) /* a float, or an int of any size from __index__ */
            return vm->exc.type != T_UNBOUND ? -1
                   : (vm_raise(vm, EXC_TypeError, "__float__ returned non-float (type %s)", type_name(*out)), -1);
        return complex_make(vm, re, 0.0, out) ? 1 : -1;
    }
    bool ok = m[1].type == T_UNBOUND ? vm_call(vm, m[0], NULL, 0, NULL, out)
                                     : vm_call_method(vm, m[0], m[1], NULL, 0, NULL, out);
    if (!ok)
        return -1;
    if (out->type != T_COMPLEX) {
        vm_raise(vm, EXC_TypeError, "__complex__ returned non-complex (type %s)", type_name(*out));
        return -1;
    }
    return 1;
}

/* One argument of complex(re, im) as parts; false with the TypeError. */
static bool arg_parts(VM *vm, Value *x, bool first, double *re, double *im)
{
    if (x->type == T_INSTANCE) {
        int r = instance_complex(vm, *x, x);
        if (r < 0)
            return false;
        if (r == 0)
            goto bad;
    }
    int k = parts_of(vm, *x, re, im);
    if (k < 0)
        return false;
    if (k > 0)
        return true;
bad:
    return vm_raise(vm, EXC_TypeError, "complex() %s, not '%s'",
                    first ? "first argument must be a string or a number" : "second argument must be a number",
                    type_name(*x));
}

static bool complex_positional(VM *vm, Value *args, int nargs, Value *out)
{
    if (nargs == 0)
        return complex_make(vm, 0.0, 0.0, out);
    if (args[0].type == T_STR) {
        if (nargs == 2)
            return vm_raise(vm, EXC_TypeError, "complex() can't take second arg if first is a string");
        return from_string(vm, AS(Str, args[0]), out);
    }
    if (nargs == 2 && args[1].type == T_STR)
        return vm_raise(vm, EXC_TypeError, "complex() second arg can't be a string");
    if (nargs == 1 && args[0].type == T_COMPLEX) {
        *out = args[0];
        return true;
    }
    double ar, ai, br = 0.0, bi = 0.0;
    if (!arg_parts(vm, &args[0], true, &ar, &ai))
        return false;
    if (nargs == 2 && !arg_parts(vm, &args[1], false, &br, &bi))
        return false;
    /* as CPython: parts are added only where an argument is complex, so
     * complex(0.0, -0.0) keeps its negative zero */
    double re = nargs == 2 && args[1].type == T_COMPLEX ? ar - bi : ar;
    double im = nargs < 2 ? ai : args[0].type == T_COMPLEX ? ai + br : br;
    return complex_make(vm, re, im, out);
}

/* complex(real=0, imag=0): keywords bound to the two positions. */
static bool complex_fn(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    int nkw = kw ? (int)kw->len : 0, npos = nargs - nkw;
    if (!nkw)
        return complex_positional(vm, args, nargs, out);
    Value bound[2] = {v_unbound(), v_unbound()};
    for (int i = 0; i < npos; i++)
        bound[i] = args[i];
    for (int k = 0; k < nkw; k++) {
        const char *name = AS(Str, kw->items[k])->data;
        int slot = strcmp(name, "real") == 0 ? 0 : strcmp(name, "imag") == 0 ? 1 : -1;
        if (slot < 0)
            return vm_raise(vm, EXC_TypeError, "'%s' is an invalid keyword argument for complex()", name);
        if (bound[slot].type != T_UNBOUND)
            return vm_raise(vm, EXC_TypeError, "argument for complex() given by name ('%s') and position (%d)", name,
                            slot + 1);
        bound[slot] = args[npos + k];
    }
    if (bound[0].type == T_UNBOUND)
        bound[0] = v_int(0);
    return complex_positional(vm, bound, bound[1].type == T_UNBOUND ? 1 : 2, out);
}
NATIVE_WITH_KW(bi_complex, "complex", complex_fn, 0, 2);

const TypeObj type_complex = {{0, T_TYPE, 0, 0}, "complex", T_COMPLEX, -1, NULL, &bi_complex};

/* ---- cmath -------------------------------------------------------------------------- */

/* A cmath argument as parts: numbers, complex, __complex__ / __float__. */
static bool cmath_arg(VM *vm, Value *x, Cx *z)
{
    if (x->type == T_INSTANCE) {
        int r = instance_complex(vm, *x, x);
        if (r < 0)
            return false;
        if (r == 0)
            return vm_raise(vm, EXC_TypeError, "must be real number, not %s", type_name(*x));
    }
    int k = parts_of(vm, *x, &z->re, &z->im);
    if (k < 0)
        return false;
    if (k == 0)
        return vm_raise(vm, EXC_TypeError, "must be real number, not %s", type_name(*x));
    return true;
}

static Cx cx_sqrt(Cx z)
{
    if (z.re == 0.0 && z.im == 0.0)
        return (Cx){0.0, z.im};
    double s = sqrt((fabs(z.re) + hypot(z.re, z.im)) / 2.0), d = z.im / (2.0 * s);
    return z.re >= 0.0 ? (Cx){s, d} : (Cx){fabs(d), copysign(s, z.im)};
}
static Cx cx_exp(Cx z)
{
    double m = exp(z.re);
    return (Cx){m * cos(z.im), m * sin(z.im)};
}
static Cx cx_log(Cx z) { return (Cx){log(hypot(z.re, z.im)), atan2(z.im, z.re)}; }
static Cx cx_log10(Cx z)
{
    Cx l = cx_log(z);
    return (Cx){l.re / M_LN10, l.im / M_LN10};
}
static Cx cx_cos(Cx z) { return (Cx){cos(z.re) * cosh(z.im), -sin(z.re) * sinh(z.im)}; }
static Cx cx_sin(Cx z) { return (Cx){sin(z.re) * cosh(z.im), cos(z.re) * sinh(z.im)}; }

static bool cmath_unary(VM *vm, Value *args, Cx (*f)(Cx), Value *out)
{
    Cx z;
    if (!cmath_arg(vm, &args[0], &z))
        return false;
    Cx r = f(z);
    return complex_make(vm, r.re, r.im, out);
}

#define CMATH_UNARY(name)                                                                   \
    static bool cmath_##name(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)       \
    {                                                                                       \
        return cmath_unary(vm, args, cx_##name, out);                                       \
    }                                                                                       \
    static NATIVE(cmath_##name##_n, #name, cmath_##name, 1, 1);
CMATH_UNARY(sqrt) CMATH_UNARY(exp) CMATH_UNARY(log10) CMATH_UNARY(cos) CMATH_UNARY(sin)

static bool cmath_log(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Cx z, base;
    if (!cmath_arg(vm, &args[0], &z))
        return false;
    Cx r = cx_log(z);
    if (nargs == 2) {
        if (!cmath_arg(vm, &args[1], &base))
            return false;
        if (!cx_div(r, cx_log(base), &r))
            return vm_raise(vm, EXC_ZeroDivisionError, "complex division by zero");
    }
    return complex_make(vm, r.re, r.im, out);
}
static NATIVE(cmath_log_n, "log", cmath_log, 1, 2);

static bool cmath_phase(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Cx z;
    if (!cmath_arg(vm, &args[0], &z))
        return false;
    *out = v_float((float)atan2(z.im, z.re));
    return true;
}
static NATIVE(cmath_phase_n, "phase", cmath_phase, 1, 1);

static bool cmath_polar(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Cx z;
    if (!cmath_arg(vm, &args[0], &z))
        return false;
    Tuple *t = tuple_new(vm, 2);
    if (!t)
        return false;
    t->items[0] = v_float((float)hypot(z.re, z.im));
    t->items[1] = v_float((float)atan2(z.im, z.re));
    *out = v_obj(t);
    return true;
}
static NATIVE(cmath_polar_n, "polar", cmath_polar, 1, 1);

static bool cmath_rect(VM *vm, Value *args, int nargs, Tuple *kw, Value *out)
{
    Cx r, phi;
    if (!cmath_arg(vm, &args[0], &r) || !cmath_arg(vm, &args[1], &phi))
        return false;
    if (r.im != 0.0 || phi.im != 0.0)
        return vm_raise(vm, EXC_TypeError, "must be real number, not complex");
    return complex_make(vm, r.re * cos(phi.re), r.re * sin(phi.re), out);
}
static NATIVE(cmath_rect_n, "rect", cmath_rect, 2, 2);

#define CFN(name) static Value cget_##name(void) { return v_obj((void *)&cmath_##name##_n); }
CFN(sqrt) CFN(exp) CFN(log) CFN(log10) CFN(cos) CFN(sin) CFN(phase) CFN(polar) CFN(rect)
static Value cget_pi(void) { return v_float(3.14159265358979f); }
static Value cget_e(void) { return v_float(2.71828182845905f); }

static const ModuleAttr cmath_attrs[] = {
    {"sqrt", cget_sqrt}, {"exp", cget_exp},     {"log", cget_log},     {"log10", cget_log10},
    {"cos", cget_cos},   {"sin", cget_sin},     {"phase", cget_phase}, {"polar", cget_polar},
    {"rect", cget_rect}, {"pi", cget_pi},       {"e", cget_e},
};

const Module module_cmath = {{0, T_MODULE, 0, 0}, "cmath", cmath_attrs, sizeof cmath_attrs / sizeof cmath_attrs[0]};
