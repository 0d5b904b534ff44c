/*
 * ops.c - Python's operators: arithmetic on 32-bit ints and binary32 floats,
 * comparisons, equality, hashing, truth.
 *
 * The interpreter inlines the int fast paths; everything else comes here.
 * Int results that do not fit 32 bits become T_LONG (long.c), never wrap.
 */
#include <math.h>
#include <string.h>

#include "vm/long.h"
#include "vm/vm.h"
#include "vm/class.h"
#include "vm/set.h"
#include "vm/complex.h"
#include "vm/memview.h"

/* ---- ints -------------------------------------------------------------------- */

/* The result of a op b does not fit int32: compute it in long.c. */
static bool wide(VM *vm, unsigned op, int32_t a, int32_t b, Value *out)
{
    return long_binary_op(vm, op, v_int(a), v_int(b), out);
}

static bool int_pow(VM *vm, int32_t base, int32_t exp, Value *out)
{
    const int32_t base0 = base, exp0 = exp;
    if (exp < 0) {
        if (base == 0)
            return vm_raise(vm, EXC_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        *out = v_float(powf((float)base, (float)exp));
        return true;
    }
    int32_t r = 1, b = base;
    /* Squaring the base only while exponent bits remain: if that square
     * overflows, so would the result (|base| >= 2). */
    while (exp) {
        if ((exp & 1) && __builtin_mul_overflow(r, b, &r))
            return wide(vm, OP_BINARY_POW, base0, exp0, out);
        exp >>= 1;
        if (exp && __builtin_mul_overflow(b, b, &b))
            return wide(vm, OP_BINARY_POW, base0, exp0, out);
    }
    *out = v_int(r);
    return true;
}

static bool int_op(VM *vm, unsigned op, int32_t a, int32_t b, Value *out)
{
    int32_t r;
    switch (op) {
    case OP_BINARY_ADD:
    case OP_INPLACE_ADD:
        if (__builtin_add_overflow(a, b, &r))
            return wide(vm, op, a, b, out);
        break;
    case OP_BINARY_SUB:
        if (__builtin_sub_overflow(a, b, &r))
            return wide(vm, op, a, b, out);
        break;
    case OP_BINARY_MUL:
    case OP_INPLACE_MUL:
        if (__builtin_mul_overflow(a, b, &r))
            return wide(vm, op, a, b, out);
        break;
    case OP_BINARY_TRUEDIV:
        if (b == 0)
            return vm_raise(vm, EXC_ZeroDivisionError, "division by zero");
        *out = v_float((float)a / (float)b);
        return true;
    case OP_BINARY_FLOORDIV:
        if (b == 0)
            return vm_raise(vm, EXC_ZeroDivisionError, "integer division or modulo by zero");
        if (a == INT32_MIN && b == -1)
            return wide(vm, op, a, b, out);
        r = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0)))
            r--;
        break;
    case OP_BINARY_MOD:
        if (b == 0)
            return vm_raise(vm, EXC_ZeroDivisionError, "integer modulo by zero");
        if (b == -1) {
            r = 0;
            break;
        }
        r = a % b;
        if (r != 0 && ((r < 0) != (b < 0)))
            r += b;
        break;
    case OP_BINARY_POW:
        return int_pow(vm, a, b, out);
    case OP_BINARY_LSHIFT:
        if (b < 0)
            return vm_raise(vm, EXC_ValueError, "negative shift count");
        if (a == 0) {
            r = 0;
            break;
        }
        if (b >= 32)
            return wide(vm, op, a, b, out);
        {
            int64_t w = (int64_t)a * ((int64_t)1 << b);
            if (w > INT32_MAX || w < INT32_MIN)
                return wide(vm, op, a, b, out);
            r = (int32_t)w;
        }
        break;
    case OP_BINARY_RSHIFT:
        if (b < 0)
            return vm_raise(vm, EXC_ValueError, "negative shift count");
        if (b >= 32)
            r = a < 0 ? -1 : 0;
        else
            r = a < 0 ? ~(~a >> b) : a >> b; /* arithmetic shift, portably */
        break;
    case OP_BINARY_AND: r = a & b; break;
    case OP_BINARY_OR:  r = a | b; break;
    case OP_BINARY_XOR: r = a ^ b; break;
    default:
        return false;
    }
    *out = v_int(r);
    return true;
}

/* ---- floats (Python's float semantics in binary32) ------------------------------ */

bool float_to_int(VM *vm, float f, int32_t *out)
{
    if (isnan(f))
        return vm_raise(vm, EXC_ValueError, "cannot convert float NaN to integer");
    if (isinf(f))
        return vm_raise(vm, EXC_OverflowError, "cannot convert float infinity to integer");
    if (f >= 2147483648.0f || f < -2147483648.0f)
        return vm_raise(vm, EXC_OverflowError, "integer overflow");
    *out = (int32_t)f;
    return true;
}

/* a // b or a % b for b != 0, as CPython's float divmod: the remainder
 * takes the divisor's sign, and the quotient is exact-ish from (a - mod) / b.
 * Compiled code calls this too (jit.c), so both round alike. */
float float_floor_mod(float a, float b, bool want_mod)
{
    float mod = fmodf(a, b), div = (a - mod) / b, floordiv;
    if (mod != 0.0f) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1.0f;
        }
    } else {
        mod = copysignf(0.0f, b);
    }
    if (want_mod)
        return mod;
    if (div != 0.0f) {
        floordiv = floorf(div);
        if (div - floordiv > 0.5f)
            floordiv += 1.0f;
    } else {
        floordiv = copysignf(0.0f, a / b);
    }
    return floordiv;
}

/* Whether a ** b raises (0.0 to a finite negative power - to -inf it is
 * inf, as in C99 and CPython; a negative number to a finite non-integral
 * power). Compiled code asks this too (jit.c). */
bool float_pow_raises(float a, float b)
{
    return (a == 0.0f && b < 0.0f && isfinite(b)) || (a < 0.0f && b != floorf(b) && isfinite(b));
}

static inline __attribute__((always_inline)) bool float_op(VM *vm, unsigned op, float a, float b, Value *out)
{
    float r;
    switch (op) {
    case OP_BINARY_ADD:
    case OP_INPLACE_ADD: r = a + b; break;
    case OP_BINARY_SUB:  r = a - b; break;
    case OP_BINARY_MUL:
    case OP_INPLACE_MUL: r = a * b; break;
    case OP_BINARY_TRUEDIV:
        if (b == 0.0f)
            return vm_raise(vm, EXC_ZeroDivisionError, "float division by zero");
        r = a / b;
        break;
    case OP_BINARY_FLOORDIV:
    case OP_BINARY_MOD:
        if (b == 0.0f)
            return vm_raise(vm, EXC_ZeroDivisionError, op == OP_BINARY_MOD ? "float modulo"
                                                                         : "float floor division by zero");
        r = float_floor_mod(a, b, op == OP_BINARY_MOD);
        break;
    case OP_BINARY_POW:
        if (float_pow_raises(a, b)) {
            if (a == 0.0f)
                return vm_raise(vm, EXC_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return complex_real_pow(vm, a, b, out); /* a negative base: a complex result, as CPython */
        }
        r = powf(a, b);
        break;
    default:
        return false; /* shifts and bitwise ops are not defined on floats */
    }
    *out = v_float(r);
    return true;
}

const char *vm_op_symbol(unsigned op)
{
    if (op & VM_OP_INPLACE) {
        static const struct { unsigned op; const char *sym; } aug[] = {
            {OP_BINARY_TRUEDIV, "/="}, {OP_BINARY_FLOORDIV, "//="}, {OP_BINARY_MOD, "%="}, {OP_BINARY_POW, "**="},
            {OP_BINARY_LSHIFT, "<<="}, {OP_BINARY_RSHIFT, ">>="}, {OP_BINARY_MATMUL, "@="},
        };
        for (size_t i = 0; i < sizeof aug / sizeof aug[0]; i++)
            if (aug[i].op == (op & ~VM_OP_INPLACE))
                return aug[i].sym;
        op &= ~VM_OP_INPLACE;
    }
    switch (op) {
    case OP_BINARY_MATMUL:   return "@";
    case OP_BINARY_ADD:      return "+";
    case OP_INPLACE_ADD:     return "+=";
    case OP_BINARY_SUB:      return "-";
    case OP_BINARY_MUL:      return "*";
    case OP_INPLACE_MUL:     return "*=";
    case OP_BINARY_TRUEDIV:  return "/";
    case OP_BINARY_FLOORDIV: return "//";
    case OP_BINARY_MOD:      return "%";
    case OP_BINARY_POW:      return "** or pow()";
    case OP_BINARY_LSHIFT:   return "<<";
    case OP_BINARY_RSHIFT:   return ">>";
    case OP_BINARY_AND:      return "&";
    case OP_BINARY_OR:       return "|";
    case OP_BINARY_XOR:      return "^";
    case OP_INPLACE_SUB:     return "-=";
    case OP_INPLACE_AND:     return "&=";
    case OP_INPLACE_OR:      return "|=";
    case OP_INPLACE_XOR:     return "^=";
    default:                 return "?";
    }
}

static bool is_seq(Value v)
{
    return v.type == T_LIST || v.type == T_TUPLE || v.type == T_STR || v.type == T_BYTES ||
           v.type == T_ARRAY || v.type == T_BYTEARRAY;
}

/* An int of any size (T_LONG) with another number: int operators in long.c,
 * float ones on the long converted to float (OverflowError when too large,
 * as in CPython). */
static bool long_mixed_op(VM *vm, unsigned op, Value a, Value b, Value *out)
{
    if (v_is_anyint(a) && v_is_anyint(b)) {
        if (long_binary_op(vm, op, a, b, out))
            return true;
        if (vm->exc.type != T_UNBOUND)
            return false;
        return vm_raise_binop(vm, vm_op_symbol(op), a, b);
    }
    float x, y;
    if (!long_to_float(vm, a, &x) || !long_to_float(vm, b, &y))
        return false;
    if (float_op(vm, op, x, y, out))
        return true;
    if (vm->exc.type != T_UNBOUND)
        return false;
    return vm_raise_binop(vm, vm_op_symbol(op), a, b);
}

static bool binary_op_objects(VM *vm, unsigned op, unsigned inplace, Value a, Value b, Value *out);

bool vm_binary_op(VM *vm, unsigned op, Value a, Value b, Value *out)
{
    unsigned inplace = op; /* keeps VM_OP_INPLACE for the instances' __i*__ */
    op &= ~VM_OP_INPLACE;
    if (op >= OP_INPLACE_SUB) /* the in-place forms after INPLACE_ADD/MUL: numbers treat them as binary */
        op = binary_of_inplace(op);
    if (v_is_intlike(a) && v_is_intlike(b)) {
        /* bool & | ^ bool stays bool */
        if (a.type == T_BOOL && b.type == T_BOOL &&
            (op == OP_BINARY_AND || op == OP_BINARY_OR || op == OP_BINARY_XOR)) {
            int32_t r = op == OP_BINARY_AND ? (a.u.i & b.u.i) : op == OP_BINARY_OR ? (a.u.i | b.u.i) : (a.u.i ^ b.u.i);
            *out = v_bool(r != 0);
            return true;
        }
        if (int_op(vm, op, a.u.i, b.u.i, out))
            return true;
        if (vm->exc.type != T_UNBOUND)
            return false;
        return vm_raise_binop(vm, vm_op_symbol(inplace), a, b);
    }
    if (v_is_number(a) && v_is_number(b)) {
        if (float_op(vm, op, v_as_float(a), v_as_float(b), out))
            return true;
        if (vm->exc.type != T_UNBOUND)
            return false;
        return vm_raise_binop(vm, vm_op_symbol(inplace), a, b);
    }
    return binary_op_objects(vm, op, inplace, a, b, out);
}

/* vm_binary_op past the numbers: longs, instances, sequences, sets. Not
 * inlined, so that the number paths above keep a small frame (the
 * interpreter calls them for every / // % << >> & | ^). */
static __attribute__((noinline)) bool binary_op_objects(VM *vm, unsigned op, unsigned inplace, Value a, Value b,
                                                        Value *out)
{
    if ((a.type == T_LONG || b.type == T_LONG) && (v_is_number(a) || a.type == T_LONG) &&
        (v_is_number(b) || b.type == T_LONG))
        return long_mixed_op(vm, op, a, b, out);
    if (a.type == T_INSTANCE || b.type == T_INSTANCE) { /* __add__, __radd__, __iadd__, ... */
        if (!class_binary_op(vm, inplace, a, b, out))
            return false;
        if (out->type != T_UNBOUND)
            return true;
    }
    if (op == OP_BINARY_MATMUL) /* no built-in type has @ */
        return vm_raise_binop(vm, vm_op_symbol(inplace), a, b);
    if (complex_operands(a, b))
        return complex_binary_op(vm, op, inplace, a, b, out); /* vm/complex.c */
    if (op == OP_BINARY_MOD && (a.type == T_STR || a.type == T_BYTES || a.type == T_BYTEARRAY))
        return percent_format(vm, a, b, out); /* printf-style: vm/percent.c */
    if (op == OP_BINARY_OR && a.type == T_DICT && (b.type == T_DICT || inplace == OP_INPLACE_OR))
        return dict_union(vm, AS(Dict, a), b, inplace == OP_INPLACE_OR, out);
    bool list_extend = op == OP_INPLACE_ADD && a.type == T_LIST; /* list or deque += any iterable, a set too */
    if (!list_extend && (v_is_anyset(a) || v_is_anyset(b) || a.type == T_DICTVIEW || b.type == T_DICTVIEW))
        return set_binary_op(vm, inplace & ~VM_OP_INPLACE, a, b, out);
    int dq = deque_binary_op(vm, op, a, b, out); /* a deque stays one, maxlen kept (collections.c) */
    if (dq >= 0)
        return dq;
    switch (op) {
    case OP_INPLACE_ADD:
        if (a.type == T_LIST) {
            if (!list_inplace_concat(vm, AS(List, a), b))
                return false;
            *out = a;
            return true;
        }
        if (a.type == T_ARRAY) {
            if (!array_inplace_concat(vm, AS(Array, a), b))
                return false;
            *out = a;
            return true;
        }
        /* fall through */
    case OP_BINARY_ADD:
        if ((a.type == T_STR || a.type == T_BYTES) && a.type == b.type) {
            Str *s = str_concat(vm, AS(Str, a), AS(Str, b));
            if (!s)
                return false;
            *out = v_obj(s);
            return true;
        }
        if (a.type == T_BYTES || a.type == T_BYTEARRAY) { /* with any buffer (bytearray.c) */
            int r = bytes_concat_buffers(vm, a, b, op == OP_INPLACE_ADD, out);
            if (r >= 0)
                return r;
        }
        if (is_seq(a) && a.type == b.type)
            return seq_concat(vm, a, b, out);
        if (a.type == T_STR || a.type == T_LIST || a.type == T_TUPLE || a.type == T_BYTES)
            return vm_raise(vm, EXC_TypeError, "can only concatenate %s (not \"%s\") to %s",
                            type_name(a), type_name(b), type_name(a));
        break;
    case OP_INPLACE_MUL: {
        bool packed = a.type == T_ARRAY || a.type == T_BYTEARRAY;
        if ((a.type == T_LIST || packed) && b.type == T_INSTANCE && !class_index(vm, &b))
            return false;
        int64_t wide;
        if ((a.type == T_LIST || packed) && b.type == T_LONG && long_to_i64(b, &wide) && wide < 0)
            b = v_int(0); /* any count < 0 that CPython's ssize_t holds empties it */
        if (a.type == T_LIST && v_is_intlike(b)) {
            if (!list_inplace_repeat(vm, AS(List, a), b.u.i))
                return false;
            *out = a;
            return true;
        }
        if (packed && v_is_intlike(b)) { /* array and bytearray repeat themselves, as CPython */
            if (!array_inplace_repeat(vm, AS(Array, a), b.u.i))
                return false;
            *out = a;
            return true;
        }
    }
        /* fall through */
    case OP_BINARY_MUL: {
        Value seq = a, n = b;
        if (v_is_intlike(a) || ((a.type == T_INSTANCE || a.type == T_LONG) && is_seq(b))) {
            seq = b;
            n = a;
        }
        if (n.type == T_INSTANCE && is_seq(seq) && !class_index(vm, &n)) /* [0] * obj with __index__ */
            return false;
        if (is_seq(seq) && n.type == T_LONG) { /* negative: empty, as any count < 0 CPython's ssize_t holds */
            int64_t wide;
            if (!long_to_i64(n, &wide) || wide >= 0)
                return vm_raise(vm, EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
            n = v_int(0);
        }
        if (is_seq(seq) && v_is_intlike(n)) {
            if (seq.type == T_STR || seq.type == T_BYTES) {
                Str *s = str_repeat(vm, AS(Str, seq), n.u.i);
                if (!s)
                    return false;
                *out = v_obj(s);
                return true;
            }
            return seq_repeat(vm, seq, n.u.i, out);
        }
        if (is_seq(seq) && (v_is_number(n) || n.type == T_COMPLEX))
            return vm_raise(vm, EXC_TypeError, "can't multiply sequence by non-int of type '%s'",
                            type_name(n));
        break;
    }
    default:
        break;
    }
    return vm_raise_binop(vm, vm_op_symbol(inplace), a, b);
}

/* __neg__ / __pos__ / __invert__ of a user instance. Returns true when the
 * class has no such method (the caller raises its TypeError); false when it
 * is done: out set (a result) or T_UNBOUND (an error is pending). */
static bool instance_unary(VM *vm, unsigned op, Value a, Value *out)
{
    if (!class_unary_op(vm, op, a, out)) {
        out->type = T_UNBOUND;
        return false;
    }
    return out->type == T_UNBOUND;
}

bool vm_unary_op(VM *vm, unsigned op, Value a, Value *out)
{
    switch (op) {
    case OP_UNARY_NOT:
        if (a.type == T_INSTANCE)
            return class_unary_op(vm, op, a, out); /* __bool__, __len__ */
        *out = v_bool(!vm_truthy(a));
        return true;
    case OP_UNARY_NEG:
        if (v_is_intlike(a) && a.u.i != INT32_MIN) {
            *out = v_int(-a.u.i);
            return true;
        }
        if (v_is_anyint(a))
            return long_neg(vm, a, out);
        if (a.type == T_FLOAT) {
            *out = v_float(-a.u.f);
            return true;
        }
        if (a.type == T_INSTANCE && !instance_unary(vm, op, a, out))
            return out->type != T_UNBOUND;
        if (a.type == T_COMPLEX)
            return complex_unary_op(vm, op, a, out);
        return vm_raise(vm, EXC_TypeError, "bad operand type for unary -: '%s'", type_name(a));
    case OP_UNARY_POS:
        if (v_is_number(a) || a.type == T_LONG) {
            *out = a.type == T_BOOL ? v_int(a.u.i) : a;
            return true;
        }
        if (a.type == T_INSTANCE && !instance_unary(vm, op, a, out))
            return out->type != T_UNBOUND;
        if (a.type == T_COMPLEX)
            return complex_unary_op(vm, op, a, out);
        return vm_raise(vm, EXC_TypeError, "bad operand type for unary +: '%s'", type_name(a));
    case OP_UNARY_INVERT:
        if (v_is_intlike(a)) {
            *out = v_int(~a.u.i);
            return true;
        }
        if (a.type == T_INSTANCE && !instance_unary(vm, op, a, out))
            return out->type != T_UNBOUND;
        if (a.type == T_LONG)
            return long_invert(vm, a, out);
        return vm_raise(vm, EXC_TypeError, "bad operand type for unary ~: '%s'", type_name(a));
    default:
        return vm_raise(vm, EXC_RuntimeError, "bad unary operator");
    }
}

/* ---- truth, equality, ordering, hashing ----------------------------------------- */

bool vm_truthy(Value v)
{
    switch ((Type)v.type) {
    case T_NONE:
    case T_UNBOUND:   return false;
    case T_BOOL:
    case T_INT:       return v.u.i != 0;
    case T_FLOAT:     return v.u.f != 0.0f;
    case T_COMPLEX:   return AS(Complex, v)->re != 0.0f || AS(Complex, v)->im != 0.0f;
    case T_MEMVIEW:   return memview_len(v) != 0;
    case T_STR:
    case T_BYTES:     return AS(Str, v)->len != 0;
    case T_TUPLE:     return AS(Tuple, v)->len != 0;
    case T_LIST:      return AS(List, v)->len != 0;
    case T_DICT:      return AS(Dict, v)->len != 0;
    case T_SET:
    case T_FROZENSET: return AS(Set, v)->used != 0;
    case T_DICTVIEW:  return AS(DictView, v)->dict->len != 0;
    case T_ARRAY:
    case T_BYTEARRAY: return AS(Array, v)->len != 0;
    case T_RANGE: {
        Range *r = AS(Range, v);
        return r->step > 0 ? r->start < r->stop : r->start > r->stop;
    }
    default:          return true;
    }
}

static bool is_num(Value v) { return v_is_number(v) || v.type == T_LONG; }

/* cmp_num with an int of any size: exact, in long.c. Out of line, so
 * cmp_num stays small enough to inline for immediates. */
static __attribute__((noinline)) int cmp_long(Value a, Value b)
{
    if (a.type != T_FLOAT && b.type != T_FLOAT)
        return long_cmp(a, b);
    if (b.type == T_FLOAT)
        return long_cmp_float(a, b.u.f);
    int c = long_cmp_float(b, a.u.f);
    return c == 2 ? 2 : -c;
}

/* Compares an int and a float exactly (both fit a double); ints of any
 * size through cmp_long. */
static inline int cmp_num(Value a, Value b)
{
    if (__builtin_expect(a.type == T_LONG || b.type == T_LONG, 0))
        return cmp_long(a, b);
    /* same kinds without double: the P4 computes doubles in software */
    if (a.type != T_FLOAT && b.type != T_FLOAT)
        return a.u.i < b.u.i ? -1 : a.u.i > b.u.i;
    if (a.type == T_FLOAT && b.type == T_FLOAT)
        return a.u.f < b.u.f ? -1 : a.u.f > b.u.f ? 1 : a.u.f == b.u.f ? 0 : 2;
    double x = a.type == T_FLOAT ? (double)a.u.f : (double)a.u.i;
    double y = b.type == T_FLOAT ? (double)b.u.f : (double)b.u.i;
    return x < y ? -1 : x > y ? 1 : x == y ? 0 : 2; /* 2: unordered (NaN) */
}

#define MAX_COMPARE_DEPTH 200

static bool seq_items(Value v, Value **items, uint32_t *len)
{
    if (v.type == T_LIST) {
        *items = AS(List, v)->items;
        *len = AS(List, v)->len;
        return true;
    }
    if (v.type == T_TUPLE) {
        *items = AS(Tuple, v)->items;
        *len = AS(Tuple, v)->len;
        return true;
    }
    return false;
}

static bool equal(VM *vm, Value a, Value b, bool *out, unsigned depth);

static bool equal_items(VM *vm, Value a, Value b, bool *out, unsigned depth)
{
    Value *x = NULL, *y = NULL;
    uint32_t n = 0, m = 0;
    seq_items(a, &x, &n);
    seq_items(b, &y, &m);
    if (n != m) {
        *out = false;
        return true;
    }
    for (uint32_t i = 0; i < n; i++) {
        /* the lists may change under us only through our own calls: re-read */
        seq_items(a, &x, &n);
        seq_items(b, &y, &m);
        if (i >= n || i >= m) {
            *out = false;
            return true;
        }
        if (!equal(vm, x[i], y[i], out, depth + 1))
            return false;
        if (!*out)
            return true;
    }
    *out = true;
    return true;
}

static bool equal_dicts(VM *vm, Dict *a, Dict *b, bool *out, unsigned depth)
{
    if (a->len != b->len) {
        *out = false;
        return true;
    }
    for (uint32_t i = 0; i < a->used; i++) {
        if (a->entries[i].key.type == T_UNBOUND)
            continue;
        Value other;
        bool found;
        if (!dict_get(vm, b, a->entries[i].key, &other, &found))
            return false;
        if (!found) {
            *out = false;
            return true;
        }
        if (!equal(vm, a->entries[i].value, other, out, depth + 1))
            return false;
        if (!*out)
            return true;
    }
    *out = true;
    return true;
}

static bool equal(VM *vm, Value a, Value b, bool *out, unsigned depth)
{
    if (is_num(a) && is_num(b)) { /* numbers do not recurse: before the depth checks */
        *out = cmp_num(a, b) == 0;
        return true;
    }
    if (depth > MAX_COMPARE_DEPTH || vm_c_stack_low(vm))
        return vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded in comparison");
    /* a complex compares by value (nan != nan), but inside containers by
     * identity first, as CPython's containers compare */
    if ((a.type == T_COMPLEX || b.type == T_COMPLEX) && a.type != T_INSTANCE && b.type != T_INSTANCE &&
        (depth == 0 || a.u.obj != b.u.obj))
        return complex_equal(vm, a, b, out);
    if (v_is_obj(a) && a.u.obj == b.u.obj && a.type == b.type) {
        *out = true; /* identity implies equality for containers, as in CPython */
        return true;
    }
    if (a.type == T_INSTANCE || b.type == T_INSTANCE) { /* __eq__ */
        Value r;
        return class_compare(vm, OP_COMPARE_EQ, a, b, &r) && class_truthy(vm, r, out);
    }
    if (v_is_anyset(a) && v_is_anyset(b))
        return set_equal(vm, AS(Set, a), AS(Set, b), out);
    if (a.type == T_DICTVIEW || b.type == T_DICTVIEW) /* keys and items views as sets; values views by identity */
        return set_view_compare(vm, OP_COMPARE_EQ, a, b, out);
    if (a.type == T_MEMVIEW || b.type == T_MEMVIEW)
        return memview_equal(vm, a, b, out); /* item by item with any buffer */
    if (a.type != b.type) {
        /* array == array, bytes == bytearray are the only cross-type equalities left */
        if ((a.type == T_BYTES && b.type == T_BYTEARRAY) || (a.type == T_BYTEARRAY && b.type == T_BYTES)) {
            const uint8_t *x = a.type == T_BYTES ? (const uint8_t *)AS(Str, a)->data : AS(Array, a)->data;
            const uint8_t *y = b.type == T_BYTES ? (const uint8_t *)AS(Str, b)->data : AS(Array, b)->data;
            uint32_t n = a.type == T_BYTES ? AS(Str, a)->len : AS(Array, a)->len;
            uint32_t m = b.type == T_BYTES ? AS(Str, b)->len : AS(Array, b)->len;
            *out = n == m && (n == 0 || memcmp(x, y, n) == 0);
            return true;
        }
        *out = false;
        return true;
    }
    switch ((Type)a.type) {
    case T_NONE:
        *out = true;
        return true;
    case T_STR:
    case T_BYTES:
        *out = str_equal(AS(Str, a), AS(Str, b));
        return true;
    case T_LIST:
        if ((a.u.obj->flags ^ b.u.obj->flags) & LIST_DEQUE) { /* a deque never equals a list */
            *out = false;
            return true;
        }
        /* fall through */
    case T_TUPLE:
        return equal_items(vm, a, b, out, depth);
    case T_DICT:
        return equal_dicts(vm, AS(Dict, a), AS(Dict, b), out, depth);
    case T_RANGE: {
        Range *x = AS(Range, a), *y = AS(Range, b);
        int64_t nx = 0, ny = 0;
        if (x->step > 0 ? x->start < x->stop : x->start > x->stop)
            nx = ((int64_t)x->stop - x->start + x->step + (x->step > 0 ? -1 : 1)) / x->step;
        if (y->step > 0 ? y->start < y->stop : y->start > y->stop)
            ny = ((int64_t)y->stop - y->start + y->step + (y->step > 0 ? -1 : 1)) / y->step;
        *out = nx == ny && (nx == 0 || (x->start == y->start && (nx == 1 || x->step == y->step)));
        return true;
    }
    case T_ARRAY:
    case T_BYTEARRAY: {
        Array *x = AS(Array, a), *y = AS(Array, b);
        if (x->len != y->len) {
            *out = false;
            return true;
        }
        for (uint32_t i = 0; i < x->len; i++) {
            Value p, q;
            if (!array_get(vm, x, i, &p))
                return false;
            VM_ROOT(vm, p); /* an 'I' element may be a new long */
            bool got = array_get(vm, y, i, &q);
            VM_UNROOT(vm, 1);
            if (!got)
                return false;
            if (cmp_num(p, q) != 0) {
                *out = false;
                return true;
            }
        }
        *out = true;
        return true;
    }
    case T_BOUNDMETHOD: {
        BoundMethod *x = AS(BoundMethod, a), *y = AS(BoundMethod, b);
        *out = x->method == y->method && x->self.u.obj == y->self.u.obj && x->func.u.obj == y->func.u.obj;
        return true;
    }
    default:
        *out = a.u.obj == b.u.obj;
        return true;
    }
}

bool vm_equal(VM *vm, Value a, Value b, bool *out)
{
    return equal(vm, a, b, out, 0);
}

static bool unorderable(VM *vm, const char *sym, Value a, Value b)
{
    return vm_raise(vm, EXC_TypeError, "'%s' not supported between instances of '%s' and '%s'", sym,
                    type_name(a), type_name(b));
}

/* Three-way ordering: *out < 0, 0, > 0; 2 for unordered floats. */
static bool order(VM *vm, const char *sym, Value a, Value b, int *out, unsigned depth)
{
    if (is_num(a) && is_num(b)) { /* numbers do not recurse: before the depth checks */
        *out = cmp_num(a, b);
        return true;
    }
    if (depth > MAX_COMPARE_DEPTH || vm_c_stack_low(vm))
        return vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded in comparison");
    if (a.type == T_INSTANCE || b.type == T_INSTANCE) { /* __lt__ ...: the answer to the one question asked */
        bool less = sym[0] == '<';
        unsigned op = less ? (sym[1] ? OP_COMPARE_LE : OP_COMPARE_LT) : (sym[1] ? OP_COMPARE_GE : OP_COMPARE_GT);
        Value r;
        bool t;
        if (!class_compare(vm, op, a, b, &r) || !class_truthy(vm, r, &t))
            return false;
        *out = t == less ? -1 : 1;
        return true;
    }
    if ((a.type == T_STR || a.type == T_BYTES) && a.type == b.type) {
        int c = str_compare(AS(Str, a), AS(Str, b));
        *out = c < 0 ? -1 : c > 0;
        return true;
    }
    if (bytes_order_buffers(a, b, out)) /* bytes with bytearray */
        return true;
    if ((a.type == T_LIST || a.type == T_TUPLE) && a.type == b.type) {
        for (uint32_t i = 0;; i++) {
            Value *x = NULL, *y = NULL;
            uint32_t n = 0, m = 0;
            seq_items(a, &x, &n);
            seq_items(b, &y, &m);
            if (i >= n || i >= m) {
                *out = n < m ? -1 : n > m;
                return true;
            }
            bool eq;
            if (!equal(vm, x[i], y[i], &eq, depth + 1))
                return false;
            if (!eq)
                return order(vm, sym, x[i], y[i], out, depth + 1);
        }
    }
    if ((a.type == T_ARRAY || a.type == T_BYTEARRAY) && a.type == b.type) {
        Array *x = AS(Array, a), *y = AS(Array, b);
        for (uint32_t i = 0;; i++) {
            if (i >= x->len || i >= y->len) {
                *out = x->len < y->len ? -1 : x->len > y->len;
                return true;
            }
            Value p, q;
            if (!array_get(vm, x, i, &p))
                return false;
            VM_ROOT(vm, p); /* an 'I' element may be a new long */
            bool got = array_get(vm, y, i, &q);
            VM_UNROOT(vm, 1);
            if (!got)
                return false;
            int c = cmp_num(p, q);
            if (c != 0) {
                *out = c;
                return true;
            }
        }
    }
    if (v_is_anyset(a) && v_is_anyset(b)) /* subset order: only vm_compare gets here with sets */
        return vm_raise(vm, EXC_TypeError, "sets are only partially ordered");
    return unorderable(vm, sym, a, b);
}

bool vm_compare(VM *vm, unsigned op, Value a, Value b, Value *out)
{
    if (v_is_number(a) && v_is_number(b)) { /* floats: the interpreter inlines only int < int */
        int c = cmp_num(a, b);
        bool r;
        switch (op) {
        case OP_COMPARE_LT: r = c == -1; break;
        case OP_COMPARE_LE: r = c == -1 || c == 0; break;
        case OP_COMPARE_EQ: r = c == 0; break;
        case OP_COMPARE_NE: r = c != 0; break;
        case OP_COMPARE_GT: r = c == 1; break;
        default:            r = c == 1 || c == 0; break;
        }
        *out = v_bool(r);
        return true;
    }
    if (a.type == T_INSTANCE || b.type == T_INSTANCE)
        return class_compare(vm, op, a, b, out); /* rich comparison: any result, not only bools */
    if (op == OP_COMPARE_EQ || op == OP_COMPARE_NE) {
        bool eq;
        if (!vm_equal(vm, a, b, &eq))
            return false;
        *out = v_bool(op == OP_COMPARE_EQ ? eq : !eq);
        return true;
    }
    if (v_is_anyset(a) || v_is_anyset(b) || a.type == T_DICTVIEW || b.type == T_DICTVIEW)
        return set_order(vm, op, a, b, out);
    static const char *const sym[] = {"<", "<=", "", "", ">", ">="};
    int c;
    if (!order(vm, sym[op - OP_COMPARE_LT], a, b, &c, 0))
        return false;
    bool r;
    switch (op) {
    case OP_COMPARE_LT: r = c == -1; break;
    case OP_COMPARE_LE: r = c == -1 || c == 0; break;
    case OP_COMPARE_GT: r = c == 1; break;
    default:            r = c == 1 || c == 0; break;
    }
    *out = v_bool(r);
    return true;
}

bool vm_less(VM *vm, Value a, Value b, bool *out)
{
    int c;
    if (!order(vm, "<", a, b, &c, 0))
        return false;
    *out = c == -1;
    return true;
}

static uint32_t mix(uint32_t h, uint32_t x)
{
    h ^= x + 0x9e3779b9u + (h << 6) + (h >> 2);
    return h;
}

bool vm_hash(VM *vm, Value v, uint32_t *out)
{
    switch ((Type)v.type) {
    case T_NONE:
        *out = 0x2a5e11u;
        return true;
    case T_BOOL:
    case T_INT:
        /* as CPython: -1 is reserved for errors in its C API, so hash(-1) is -2 */
        *out = (uint32_t)(v.u.i == -1 ? -2 : v.u.i);
        return true;
    case T_LONG:
        /* the low 32 bits of CPython's hash, as for small ints */
        *out = (uint32_t)long_hash(v);
        return true;
    case T_FLOAT: {
        float f = v.u.f;
        /* equal numbers hash equal: 2.0 hashes like 2, 2.0**40 like 2**40 */
        if (!isnan(f)) {
            *out = (uint32_t)long_hash_float(f);
        } else {
            uint32_t bits;
            memcpy(&bits, &f, sizeof bits);
            *out = mix(0x7f4a7c15u, bits);
        }
        return true;
    }
    case T_STR:
    case T_BYTES:
        *out = str_hash(AS(Str, v));
        return true;
    case T_TUPLE: {
        Tuple *t = AS(Tuple, v);
        uint32_t h = 0x345678u + t->len;
        if (!vm_recursion_enter(vm, "while hashing a tuple")) /* tuples nest as deep as the heap allows */
            return false;
        bool ok = true;
        for (uint32_t i = 0; i < t->len && ok; i++) {
            uint32_t x;
            ok = vm_hash(vm, t->items[i], &x);
            h = mix(h, x);
        }
        vm_recursion_leave(vm);
        *out = h;
        return ok;
    }
    case T_INSTANCE:
        return class_hash(vm, v, out);
    case T_RANGE: { /* equal ranges (same elements) hash alike: by length, first and step */
        const Range *r = AS(Range, v);
        int64_t n = range_len(r);
        *out = mix(mix((uint32_t)n, n ? (uint32_t)r->start : 0), n > 1 ? (uint32_t)r->step : 0);
        return true;
    }
    case T_COMPLEX:
        *out = (uint32_t)complex_hash(v);
        return true;
    case T_DESCR:
    case T_FUNCTION:
    case T_NATIVE:
    case T_TYPE:
    case T_MODULE:
    case T_EXCEPTION:
    case T_ITER:
    case T_LIBOBJ:
    case T_ELLIPSIS:
        *out = (uint32_t)((uintptr_t)v.u.obj >> 3);
        return true;
    case T_BOUNDMETHOD: { /* equal bound methods (same function, same object) hash alike */
        const BoundMethod *m = AS(BoundMethod, v);
        uintptr_t fn = m->method ? (uintptr_t)m->method : (uintptr_t)m->func.u.obj;
        *out = (uint32_t)((fn >> 3) * 1000003u ^ ((uintptr_t)m->self.u.obj >> 3));
        return true;
    }
    case T_FROZENSET:
        return set_hash(vm, AS(Set, v), out);
    case T_GEN:
        *out = (uint32_t)((uintptr_t)v.u.obj >> 3);
        return true;
    case T_DICTVIEW:
        /* values views hash by identity; keys and items views are set-like
         * and unhashable, as in CPython */
        if (AS(DictView, v)->hdr.aux == VIEW_VALUES) {
            *out = (uint32_t)((uintptr_t)v.u.obj >> 3);
            return true;
        }
        return vm_raise(vm, EXC_TypeError, "unhashable type: '%s'", type_name(v));
    default:
        return vm_raise(vm, EXC_TypeError, "unhashable type: '%s'", type_name(v));
    }
}
