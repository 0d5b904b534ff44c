/*
 * build_ops.c - bytecode to typed SSA: the typed operations (arithmetic,
 * comparisons, truth values) and subscripts of arrays and lists
 * (build_int.h lists the builder's files).
 */
#include "jit/build_int.h"

/* ---- helpers for typed operations ------------------------------------------------ */

int32_t to_float(Builder *b, int32_t v)
{
    if (ty(b, v) == TY_FLOAT)
        return v;
    IrIns *in = &b->ir->ins[v];
    if (in->op == IR_CONST)
        return ir_const_float(b->ir, b->cur, (float)in->k.i);
    return emit(b, IR_ITOF, TY_FLOAT, v, -1, -1);
}

int32_t binary(Builder *b, unsigned op, int32_t x, int32_t y)
{
    IrType tx = ty(b, x), ty_ = ty(b, y);
    char n1[24], n2[24];
    JitType jx = {tx, 0, b->ir->ins[x].aux, NULL}, jy = {ty_, 0, b->ir->ins[y].aux, NULL};
    if (!((is_intlike(tx) || tx == TY_FLOAT) && (is_intlike(ty_) || ty_ == TY_FLOAT))) {
        refuse(b, "operator %s on %s and %s", vm_op_symbol(op), jit_type_name(jx, n1, sizeof n1),
               jit_type_name(jy, n2, sizeof n2));
        return -1;
    }
    int32_t r;
    if (tx == TY_FLOAT || ty_ == TY_FLOAT || op == OP_BINARY_TRUEDIV) {
        int32_t fx = to_float(b, x), fy = to_float(b, y);
        switch (op) {
        case OP_BINARY_ADD: case OP_INPLACE_ADD: return emit(b, IR_FADD, TY_FLOAT, fx, fy, -1);
        case OP_BINARY_SUB: return emit(b, IR_FSUB, TY_FLOAT, fx, fy, -1);
        case OP_BINARY_MUL: case OP_INPLACE_MUL: return emit(b, IR_FMUL, TY_FLOAT, fx, fy, -1);
        case OP_BINARY_TRUEDIV:
            r = emit(b, IR_FDIV, TY_FLOAT, fx, fy, -1);
            witness(b, r, x, y, -1);
            return r;
        case OP_BINARY_POW: {
            IrIns *k = &b->ir->ins[y];
            if (k->op == IR_CONST && (k->type == TY_FLOAT ? k->k.f == 2.0f : k->k.i == 2))
                return emit(b, IR_FMUL, TY_FLOAT, fx, fx, -1);
            /* powf, as the interpreter; when the interpreter would raise
             * (float_pow_raises), the check re-runs ** there */
            int32_t bad = emit(b, IR_CALLRT, TY_INT, fx, fy, -1);
            b->ir->ins[bad].aux = H_FPOWBAD;
            /* a negative base to a fractional power is a complex number:
             * the check deoptimises and the interpreter goes on with it
             * (rv32/emit.c refuses the function where it has no map) */
            int32_t chk = emit(b, IR_CHECK, TY_VOID, bad, -1, -1);
            witness(b, chk, x, y, -1);
            if (b->snap_ok)
                attach_deopt_map(b, chk);
            r = emit(b, IR_CALLRT, TY_FLOAT, fx, fy, -1);
            b->ir->ins[r].aux = H_FPOW;
            return r;
        }
        case OP_BINARY_FLOORDIV: case OP_BINARY_MOD: {
            /* the interpreter's own function; a zero divisor re-runs the
             * operator there, which raises its ZeroDivisionError */
            check_that(b, float_equals(b, fy, 0.0f), x, y, NULL);
            r = emit(b, IR_CALLRT, TY_FLOAT, fx, fy, -1);
            b->ir->ins[r].aux = op == OP_BINARY_MOD ? H_FMOD : H_FFLOORDIV;
            return r;
        }
        default: break;
        }
        refuse(b, "operator %s on %s and %s is not compiled yet", vm_op_symbol(op),
               jit_type_name(jx, n1, sizeof n1), jit_type_name(jy, n2, sizeof n2));
        return -1;
    }
    bool bools = tx == TY_BOOL && ty_ == TY_BOOL;
    IrOp iop;
    switch (op) {
    case OP_BINARY_ADD: case OP_INPLACE_ADD: iop = IR_ADDO; break;
    case OP_BINARY_SUB: iop = IR_SUBO; break;
    case OP_BINARY_MUL: case OP_INPLACE_MUL: iop = IR_MULO; break;
    case OP_BINARY_FLOORDIV: iop = IR_FLOORDIV; break;
    case OP_BINARY_MOD: iop = IR_MOD; break;
    case OP_BINARY_LSHIFT: iop = IR_SHLO; break;
    case OP_BINARY_RSHIFT: iop = IR_SHRO; break;
    case OP_BINARY_AND: return emit(b, IR_AND, bools ? TY_BOOL : TY_INT, x, y, -1);
    case OP_BINARY_OR: return emit(b, IR_OR, bools ? TY_BOOL : TY_INT, x, y, -1);
    case OP_BINARY_XOR: return emit(b, IR_XOR, bools ? TY_BOOL : TY_INT, x, y, -1);
    case OP_BINARY_POW: {
        /* a constant exponent 0..31: square and multiply with checked
         * multiplies. Every partial power is x**m with m <= k, so one
         * overflows only if x**k does: the same OverflowError, re-run by
         * the interpreter from the ** itself (the witnesses). */
        IrIns *k = &b->ir->ins[y];
        if (k->op == IR_CONST && k->k.i >= 0 && k->k.i < 32) {
            int32_t e = k->k.i, acc = -1, sq = x;
            if (e == 0)
                return ir_const_int(b->ir, b->cur, 1);
            for (;;) {
                if (e & 1) {
                    if (acc < 0)
                        acc = sq;
                    else {
                        acc = emit(b, IR_MULO, TY_INT, acc, sq, -1);
                        witness(b, acc, x, y, -1);
                    }
                }
                e >>= 1;
                if (!e)
                    break;
                sq = emit(b, IR_MULO, TY_INT, sq, sq, -1);
                witness(b, sq, x, y, -1);
            }
            if (acc == x && ty(b, x) == TY_BOOL) /* True ** 1 is the int 1 */
                acc = emit(b, IR_COPY, TY_INT, x, -1, -1);
            return acc;
        }
        refuse(b, "operator ** on ints is compiled only for a constant exponent from 0 to 31");
        return -1;
    }
    default:
        refuse(b, "unknown operator");
        return -1;
    }
    r = emit(b, iop, TY_INT, x, y, -1);
    witness(b, r, x, y, -1);
    return r;
}

int32_t compare(Builder *b, unsigned op, int32_t x, int32_t y)
{
    static const uint8_t cond[] = {CC_LT, CC_LE, CC_EQ, CC_NE, CC_GT, CC_GE};
    IrType tx = ty(b, x), ty_ = ty(b, y);
    uint8_t cc = cond[op - OP_COMPARE_LT];
    if (is_intlike(tx) && is_intlike(ty_)) {
        int32_t r = emit(b, IR_CMP, TY_BOOL, x, y, -1);
        b->ir->ins[r].aux = cc;
        return r;
    }
    if ((tx == TY_FLOAT || is_intlike(tx)) && (ty_ == TY_FLOAT || is_intlike(ty_))) {
        /* int against float compares exactly: only ints a float represents exactly
         * (constants up to 2**24) may be converted. */
        int32_t ops[2] = {x, y};
        for (int i = 0; i < 2; i++) {
            IrIns *in = &b->ir->ins[ops[i]];
            if (in->type == TY_FLOAT)
                continue;
            if (in->op != IR_CONST || in->k.i > (1 << 24) || in->k.i < -(1 << 24)) {
                /* exactly, as the interpreter compares (as doubles): int first */
                static const uint8_t swapped[] = {CC_EQ, CC_NE, CC_GT, CC_GE, CC_LT, CC_LE};
                bool int_first = i == 0;
                int32_t fo = int_first ? ops[1] : ops[0];
                if (ty(b, fo) != TY_FLOAT)
                    fo = to_float(b, fo); /* the other int (cannot happen: one side is float) */
                int32_t r = emit(b, IR_CMPIF, TY_BOOL, ops[i], fo, -1);
                b->ir->ins[r].aux = int_first ? cc : swapped[cc];
                return r;
            }
            ops[i] = to_float(b, ops[i]);
        }
        int32_t r = emit(b, IR_FCMP, TY_BOOL, ops[0], ops[1], -1);
        b->ir->ins[r].aux = cc;
        return r;
    }
    if (tx == TY_PTR && ty_ == TY_PTR && b->ir->ins[x].aux == JIT_TC_STR && b->ir->ins[y].aux == JIT_TC_STR) {
        /* strs: objcall.c, as the interpreter compares them */
        bool eq = cc == CC_EQ || cc == CC_NE;
        int32_t c = emit(b, IR_CALLRT, TY_INT, x, y, -1);
        b->ir->ins[c].aux = eq ? H_STREQ : H_STRCMP;
        int32_t r = emit(b, IR_CMP, TY_BOOL, c, ir_const_int(b->ir, b->cur, 0), -1);
        b->ir->ins[r].aux = eq ? (cc == CC_EQ ? CC_NE : CC_EQ) : cc;
        return r;
    }
    refuse(b, "comparison of these types is not compiled");
    return -1;
}

/* Truth value as an int32 0/1 (or any nonzero for BR). */
int32_t truth(Builder *b, int32_t v)
{
    IrType t = ty(b, v);
    if (is_intlike(t))
        return v;
    if (t == TY_FLOAT) {
        int32_t z = ir_const_float(b->ir, b->cur, 0.0f);
        int32_t r = emit(b, IR_FCMP, TY_BOOL, v, z, -1);
        b->ir->ins[r].aux = CC_NE;
        return r;
    }
    refuse(b, "truth value of this type is not compiled");
    return -1;
}

/* ---- subscripts ------------------------------------------------------------------- */

bool array_type(Builder *b, int32_t arr, uint8_t *tc)
{
    IrIns *in = &b->ir->ins[arr];
    if (in->type != TY_PTR || is_instance(in->aux) || is_boxed(in->aux))
        return refuse(b, "subscript of a value that is not an array");
    if (in->aux == JIT_TC_STR)
        return refuse(b, "subscript of a str (it makes a str)");
    *tc = in->aux;
    return true;
}

/* Index checked against len (negative counts from the end). */
int32_t checked_index(Builder *b, int32_t arr, int32_t idx)
{
    if (!is_intlike(ty(b, idx)))
        return refuse(b, "array index is not an int"), -1;
    int32_t len = emit(b, IR_ALEN, TY_INT, arr, -1, -1);
    int32_t r = emit(b, IR_INDEX, TY_INT, len, idx, -1);
    witness(b, r, arr, idx, -1);
    return r;
}

IrType elem_type(uint8_t tc)
{
    return tc == 'f' || tc == 'F' ? TY_FLOAT : tc == 'G' || tc == 'M' ? TY_PTR : TY_INT;
}

/* The aux of a loaded element: its own kind when it is a list (lists of
 * lists), else the container's typecode (which the load also needs). */

uint8_t ptr_obj(uint8_t aux)
{
    return is_instance(aux) ? T_INSTANCE : aux == 'Y' ? T_BYTEARRAY : aux == JIT_TC_STR ? T_STR
         : ir_is_list(aux) || is_guarded_list(aux) ? T_LIST : T_ARRAY;
}

/* Item i's type word and payload (i checked against the length): the
 * items are Values of 8 bytes, read as words 2i and 2i + 1. */
static int32_t item_words(Builder *b, int32_t x, int32_t y, int32_t *data1)
{
    int32_t i = checked_index(b, x, y);
    if (i < 0)
        return -1;
    int32_t data = emit(b, IR_ADATA, TY_PTR, x, -1, -1);
    *data1 = emit(b, IR_ADD, TY_PTR, data, ir_const_int(b->ir, b->cur, IR_LIST_PAYLOAD), -1);
    int32_t w = emit(b, IR_ADD, TY_INT, i, i, -1);
    int32_t tag = emit(b, IR_ALOAD, TY_INT, data, w, -1);
    b->ir->ins[tag].aux = JIT_TC_WORD;
    return tag;
}

/* The guarded kind a list parameter of kind tc is read as in a function
 * that makes calls (Builder.guard_list_params). */
uint8_t guarded_param_kind(uint8_t tc)
{
    return tc == 'N' ? 'l' : tc == 'F' ? 'k' : tc == 'M' ? 'j' : tc == 'G' ? 'g' : tc;
}

/* A call, or a store into a guarded list, is about to be built: list
 * parameters whose kind is trusted could then be changed under this code,
 * so the function is built again with them guarded (jit_build). */
bool list_params_exposed(Builder *b)
{
    if (!b->trusted_list_params)
        return true;
    b->retry_guarded = true;
    return refuse(b, "calls a function or stores into a list while trusting a list argument's kind (built again)");
}

/* lst[i] of a guarded list (x its value, y the index): the item's type
 * word checked, then its payload. */
int32_t guarded_item(Builder *b, int32_t x, int32_t y)
{
    uint8_t tc = b->ir->ins[x].aux;
    if (!is_intlike(ty(b, y)))
        return refuse(b, "list index is not an int"), -1;
    int32_t data1, tag = item_words(b, x, y, &data1);
    if (tag < 0)
        return -1;
    int32_t w = b->ir->ins[tag].b;
    uint32_t want = tc == 'l' ? T_INT : tc == 'k' ? T_FLOAT : T_LIST;
    if (!guard(b, cmp_k(b, CC_NE, tag, (int32_t)want)))
        return -1;
    int32_t v = emit(b, IR_ALOAD, tc == 'k' ? TY_FLOAT : tc == 'l' ? TY_INT : TY_PTR, data1, w, -1);
    b->ir->ins[v].aux = JIT_TC_WORD;
    if (tc == 'j' || tc == 'g') {
        v = emit(b, IR_COPY, TY_PTR, v, -1, -1);
        b->ir->ins[v].aux = tc == 'j' ? 'l' : 'k';
    }
    return v;
}

/* lst[i] = v into a guarded list: a number replaces whatever item is
 * there (its type word and payload), as list assignment does. */
bool guarded_store(Builder *b, int32_t x, int32_t y, int32_t z)
{
    IrType vt = ty(b, z);
    if (vt != TY_INT && vt != TY_BOOL && vt != TY_FLOAT)
        return refuse(b, "storing a value that is not a number into a list");
    if (!is_intlike(ty(b, y)))
        return refuse(b, "list index is not an int");
    if (!list_params_exposed(b))
        return false;
    int32_t data1, tag = item_words(b, x, y, &data1);
    if (tag < 0)
        return false;
    int32_t w = b->ir->ins[tag].b;
    int32_t data = b->ir->ins[tag].a;
    int32_t st = emit(b, IR_ASTORE, TY_VOID, data, w, ir_const_int(b->ir, b->cur, (int32_t)value_tag(vt)));
    b->ir->ins[st].aux = JIT_TC_WORD;
    st = emit(b, IR_ASTORE, TY_VOID, data1, w, z);
    b->ir->ins[st].aux = JIT_TC_WORD;
    return true;
}
