/*
 * complex.h - complex numbers (vm/complex.c) and the cmath module.
 *
 * A complex is an immutable heap object holding two binary32 parts, as
 * floats are binary32 on this target (docs/language.md). Operations compute
 * in double and round each part once, following CPython 3.11's formulas
 * (a real operand becomes complex(x, 0.0) first).
 */
#ifndef P4_COMPLEX_H
#define P4_COMPLEX_H

#include "vm/vm.h"

typedef struct Complex { /* T_COMPLEX; immutable */
    Obj hdr;
    float re, im;
} Complex;

bool complex_make(VM *vm, double re, double im, Value *out);
/* Is a op b complex arithmetic: a complex with a number or a complex? */
static inline bool complex_operands(Value a, Value b)
{
    bool ca = a.type == T_COMPLEX, cb = b.type == T_COMPLEX;
    bool na = ca || a.type == T_INT || a.type == T_BOOL || a.type == T_FLOAT || a.type == T_LONG;
    bool nb = cb || b.type == T_INT || b.type == T_BOOL || b.type == T_FLOAT || b.type == T_LONG;
    return (ca || cb) && na && nb;
}
/* a op b where either is a complex (the other any value): the result, or
 * the TypeError CPython raises, which names the operator as written
 * (inplace: vm_binary_op's op before its in-place forms became binary). */
bool complex_binary_op(VM *vm, unsigned op, unsigned inplace, Value a, Value b, Value *out);
/* a ** b of two reals whose result is complex (a negative base to a
 * non-integral power): what float ** float gives in CPython. */
bool complex_real_pow(VM *vm, float a, float b, Value *out);
bool complex_equal(VM *vm, Value a, Value b, bool *out);
bool complex_unary_op(VM *vm, unsigned op, Value a, Value *out);
/* CPython's hash (hash(re) + 1000003 * hash(im), -1 becomes -2). */
int64_t complex_hash(Value v);
void complex_repr(StrBuf *sb, Value v);
double complex_abs(Value v);
/* .real, .imag, .conjugate: 1 found, 0 raised, -1 not one of these */
int complex_attr(VM *vm, Value obj, Str *name, Value *out);

extern const Native bi_complex;
extern const TypeObj type_complex;
extern const Module module_cmath;

#endif
