/*
 * emit.c - RV32IMAFC code for one specialisation: the calling convention,
 * instruction selection and emission through the RV32 assembler (asm.h).
 *
 * Calling convention of compiled functions (docs/jit.md):
 *   int, bool and pointer arguments in a0..a7 in order, floats in fa0..fa7;
 *   arguments beyond those (a ninth int, a ninth float) on the stack, one
 *   word each in parameter order, from the caller's sp up (JIT_MAX_PARAMS
 *   in all; the caller's frame has that outgoing area at its bottom);
 *   returns a0 = 0 and the result in a1 (int, bool) or fa0 (float), or
 *   a0 = 1 when an exception is pending (the runtime already made it);
 *   the standard ilp32f callee-saved registers are preserved.
 * An entry stub `int entry(const uint32_t *args, uint32_t *result)` lets C
 * call it.
 *
 * Registers t0-t4 and ft0-ft2 are scratch: operands that live in stack
 * slots are loaded into them, check sequences use them; the allocator never
 * hands them out. t3 and t4 are also PIE's scratch (its x operands can only
 * be x8-x15, x24-x31); q0, q1 and QACC belong to the PIE ops alone.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jit/jit_int.h"
#include "jit/rega.h"
#include "rv32/asm.h"
#include "vm/obj.h"

enum {
    ZERO = 0, RA = 1, SP = 2, T0 = 5, T1 = 6, T2 = 7, A0 = 10, A1 = 11, A2 = 12, A3 = 13, T3 = 28, T4 = 29,
    FT0 = 0, FT1 = 1, FT2 = 2, FA0 = 10,
};

/* The object layouts compiled code reads, on RV32 (checked below when this
 * file is built for RV32). */
#define ARRAY_LEN_OFF 8
#define ARRAY_DATA_OFF 16
#if UINTPTR_MAX == 0xffffffffu
_Static_assert(offsetof(Array, len) == ARRAY_LEN_OFF, "Array.len moved");
_Static_assert(offsetof(Array, data) == ARRAY_DATA_OFF, "Array.data moved");
/* lists share alen/adata with arrays: the same offsets */
_Static_assert(offsetof(List, len) == ARRAY_LEN_OFF, "List.len moved");
_Static_assert(offsetof(List, items) == ARRAY_DATA_OFF, "List.items moved");
#if UINTPTR_MAX == 0xffffffffu /* the target; on a host, code is only listed */
_Static_assert(sizeof(Value) == 1u << 3 && offsetof(Value, u) == IR_LIST_PAYLOAD, "Value layout on RV32");
#endif
#endif

static const uint8_t x_caller[] = {30, 31, 17, 16, 15, 14, 13, 12, 11, 10};
/* s11 holds the recursion budget in compiled code: the calls the running
 * function may still make. The entry stub sets it; a caller tests it before
 * each call (RecursionError at the call, as the interpreter raises it), and a
 * function that makes calls counts it down in its prologue and up again in
 * its epilogues, which costs nothing on the early-return path of a leaf. It
 * is never allocated. */
enum { DEPTH = 27 };
_Static_assert(DEPTH == JIT_DEPTH_REG, "jit_rt_deopt reads s11 from the saved registers");
static const uint8_t x_callee[] = {8, 9, 18, 19, 20, 21, 22, 23, 24, 25, 26};
static const uint8_t f_caller[] = {3, 4, 5, 6, 7, 28, 29, 30, 31, 17, 16, 15, 14, 13, 12, 11, 10};
static const uint8_t f_callee[] = {8, 9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27};
static const RegaTarget rv32_target = {
    x_caller, x_callee, f_caller, f_callee,
    sizeof x_caller, sizeof x_callee, sizeof f_caller, sizeof f_callee,
    10, 10, 10, 10, /* arguments from a0/fa0 up; the result in a0 or fa0 */
    0xff00ff00u,    /* PIE's x fields name x8-x15 and x24-x31 only */
};

typedef struct Emit {
    JitState *js;
    JitSpec *spec;
    Ir *ir;
    RvAsm a;
    RvFarMarks far_marks;  /* branches that need the long form (assemble) */
    uint32_t far_seen;     /* marked after the last attempt */
    int far_tries;         /* attempts with marks after the first */
    RegaResult ra;
    uint8_t *fused;
    uint8_t *stepped;       /* per value: a pointer add a PIE load's post-increment made (post_step) */
    int32_t *order;
    uint32_t norder;
    uint32_t *block_label;
    uint32_t *fail_label;   /* per value: its failure stub, or 0 */
    uint32_t *site_of;      /* per value: site number */
    uint32_t deopt_label;   /* the function's deopt stub (0: no guard has a map) */
    uint64_t deopt_regs;    /* the registers deopt maps name: bit r x r, bit 32 + r f r */
    int32_t last_dm;        /* the last map encoded (Ir.lists index), */
    uint32_t last_dmap;     /* and where (JitSite.dmap): the guards of one instruction share it */
    uint32_t err_label, ret_label, body_label;
    bool ret_used;          /* a return jumps to ret_label (long epilogues) */
    uint32_t frame, spill_base; /* spill slots from spill_base: calls' stack arguments below them */
    bool calls;             /* makes calls: counts the recursion budget */
    bool oom;               /* a table for the moves could not be had: refuse */
    bool lost_type_guard;   /* a type change's guard without its deopt map (a PIE copy's): refuse */
    bool lost_overflow_guard; /* an int overflow check without its deopt map: refuse */
    int32_t tested_block;   /* the block whose test early_return already ran, */
    int32_t tested_succ;    /* and the successor left after it (or -1) */
    int32_t hw_skip;        /* a hardware loop's counter step, not emitted in its body (-1: none) */
    int32_t hw_fuse;        /* the VMAC of a hardware loop's body emitted with a fused load (-1: none) */
    bool hw_fuse_bc;        /* that load: the next broadcast element (else the next lanes of b) */
    bool hw_fuse_t4;        /* a row pair's c walks in t4 (its register is not one PIE can name) */
    bool hw_fuse_taps;      /* a VMACN: its last tap loads the next 16 broadcast elements */
    uint32_t hwloops;       /* hardware loops laid out */
    uint32_t *readers;      /* per value: the instructions that read it (read_outside; NULL: not counted yet) */
} Emit;

/* ---- small emitters ------------------------------------------------------------ */

static void ins(Emit *e, RvOp op, unsigned rd, unsigned rs1, unsigned rs2, int32_t imm)
{
    RvInsn in;
    memset(&in, 0, sizeof in);
    in.op = (uint16_t)op, in.len = 4, in.rd = (uint8_t)rd, in.rs1 = (uint8_t)rs1, in.rs2 = (uint8_t)rs2;
    in.imm = imm;
    if (op >= RV_FMADD_S && op <= RV_FCVT_S_WU && op != RV_FSGNJ_S && op != RV_FSGNJN_S && op != RV_FSGNJX_S &&
        op != RV_FMIN_S && op != RV_FMAX_S && op != RV_FMV_X_W && op != RV_FEQ_S && op != RV_FLT_S &&
        op != RV_FLE_S && op != RV_FCLASS_S && op != RV_FMV_W_X)
        in.rm = op == RV_FCVT_W_S ? RV_RM_RTZ : RV_RM_RNE;
    rv_asm_emit(&e->a, &in);
}

static void csr(Emit *e, RvOp op, unsigned rd, unsigned rs1, uint16_t num)
{
    RvInsn in;
    memset(&in, 0, sizeof in);
    in.op = (uint16_t)op, in.len = 4, in.rd = (uint8_t)rd, in.rs1 = (uint8_t)rs1, in.csr = num;
    rv_asm_emit(&e->a, &in);
}

/* A PIE instruction: fields set by the caller, encoded for cfg.pie (RvAsm.rev). */
static RvInsn pie_ins(RvOp op)
{
    RvInsn in;
    memset(&in, 0, sizeof in);
    in.op = (uint16_t)op, in.len = 4;
    return in;
}

static bool fits12(int32_t v) { return v >= -2048 && v <= 2047; }

static int32_t slot_off(Emit *e, uint16_t slot) { return (int32_t)(e->spill_base + slot * 4u); }

static IrIns *I(Emit *e, int32_t v) { return &e->ir->ins[v]; }

/* A register holding int value v (scratch when it is not in one). */
static unsigned xuse(Emit *e, int32_t v, unsigned scratch)
{
    IrIns *in = I(e, v);
    if (in->op == IR_CONST) {
        if (in->k.i == 0)
            return ZERO;
        rv_asm_li(&e->a, scratch, in->k.i);
        return scratch;
    }
    RegaLoc *l = &e->ra.loc[v];
    if (l->kind == LOC_REG)
        return l->reg;
    ins(e, RV_LW, scratch, SP, 0, slot_off(e, l->slot));
    return scratch;
}

/* xuse into a register PIE can name (rv32_target.x_narrow); scratch must be one. */
static unsigned xuse_pie(Emit *e, int32_t v, unsigned scratch)
{
    unsigned r = xuse(e, v, scratch);
    if (rv32_target.x_narrow >> r & 1)
        return r;
    rv_asm_mv(&e->a, scratch, r);
    return scratch;
}

static unsigned fuse_(Emit *e, int32_t v, unsigned scratch)
{
    RegaLoc *l = &e->ra.loc[v];
    if (l->kind == LOC_REG)
        return l->reg;
    if (l->kind == LOC_STACK) {
        ins(e, RV_FLW, scratch, SP, 0, slot_off(e, l->slot));
        return scratch;
    }
    uint32_t bits;
    memcpy(&bits, &I(e, v)->k.f, 4);
    rv_asm_li(&e->a, T4, (int32_t)bits);
    ins(e, RV_FMV_W_X, scratch, T4, 0, 0);
    return scratch;
}

/* Where to compute v's result; xdone/fdone store it if it lives in memory. */
static unsigned xdef(Emit *e, int32_t v) { RegaLoc *l = &e->ra.loc[v]; return l->kind == LOC_REG ? l->reg : T2; }
static unsigned fdef(Emit *e, int32_t v) { RegaLoc *l = &e->ra.loc[v]; return l->kind == LOC_REG ? l->reg : FT2; }
static void xdone(Emit *e, int32_t v, unsigned r)
{
    RegaLoc *l = &e->ra.loc[v];
    if (l->kind == LOC_STACK)
        ins(e, RV_SW, 0, SP, r, slot_off(e, l->slot));
}
static void fdone(Emit *e, int32_t v, unsigned r)
{
    RegaLoc *l = &e->ra.loc[v];
    if (l->kind == LOC_STACK)
        ins(e, RV_FSW, 0, SP, r, slot_off(e, l->slot));
}

static void fail_if(Emit *e, RvOp br, unsigned r1, unsigned r2, int32_t v)
{
    rv_asm_branch(&e->a, br, r1, r2, e->fail_label[v]);
}

/* ---- parallel moves ------------------------------------------------------------------ */

/* A location for moves: kind LOC_REG/LOC_STACK, or a constant source. */
typedef struct MLoc {
    uint8_t kind; /* LOC_REG, LOC_STACK, 3 = int constant, 4 = float constant, MLOC_SP */
    uint8_t fp;
    uint16_t n;   /* reg or slot */
    int32_t k;
} MLoc;
/* A word at sp + 4n: a stack argument, outgoing (below the spill slots) or
 * incoming (above the frame); never a spill slot */
enum { MLOC_SP = 5 };

/* Stack arguments of a call or a function: those after the first eight of
 * their class (an int, bool or pointer; a float) in parameter order. */
static bool on_stack(unsigned *nx, unsigned *nf, bool fp)
{
    return fp ? (*nf)++ >= 8 : (*nx)++ >= 8;
}

typedef struct Move {
    MLoc dst, src;
    bool done;
    uint32_t readers; /* parallel_move: pending moves that read dst */
} Move;

/* The same register, or the same stack slot: rega.c reuses a slot for an
 * int and later a float, so a slot is one place whatever its class. */
static bool mloc_eq(MLoc a, MLoc b)
{
    return a.kind == b.kind && a.n == b.n && (a.kind == LOC_STACK || a.kind == MLOC_SP || (a.kind == LOC_REG && a.fp == b.fp));
}

static MLoc loc_of(Emit *e, int32_t v)
{
    MLoc m = {0, 0, 0, 0};
    IrIns *in = I(e, v);
    m.fp = in->type == TY_FLOAT;
    RegaLoc *l = &e->ra.loc[v];
    if (l->kind != LOC_NONE) {
        m.kind = l->kind;
        m.n = l->kind == LOC_REG ? l->reg : l->slot;
    } else if (in->op == IR_CONST) {
        m.kind = m.fp ? 4 : 3;
        m.k = in->k.i;
    }
    return m;
}

static void move1(Emit *e, MLoc d, MLoc s)
{
    if (mloc_eq(d, s))
        return;
    unsigned tmp = d.fp ? FT1 : T1, r;
    if (s.kind == LOC_REG)
        r = s.n;
    else if (s.kind == LOC_STACK || s.kind == MLOC_SP) {
        r = d.kind == LOC_REG ? d.n : tmp;
        ins(e, d.fp ? RV_FLW : RV_LW, r, SP, 0, s.kind == MLOC_SP ? 4 * (int32_t)s.n : slot_off(e, s.n));
    } else if (s.kind == 3) {
        r = d.kind == LOC_REG ? d.n : tmp;
        rv_asm_li(&e->a, r, s.k);
    } else {
        r = d.kind == LOC_REG ? d.n : tmp;
        rv_asm_li(&e->a, T1, s.k);
        ins(e, RV_FMV_W_X, r, T1, 0, 0);
    }
    if (d.kind == LOC_REG) {
        if (r != d.n)
            ins(e, d.fp ? RV_FSGNJ_S : RV_ADDI, d.n, r, d.fp ? r : 0, 0);
    } else
        ins(e, d.fp ? RV_FSW : RV_SW, 0, SP, r, d.kind == MLOC_SP ? 4 * (int32_t)d.n : slot_off(e, d.n));
}

/* Performs the moves as if all at once: a move runs once no other pending
 * move still reads its destination (its count of readers is 0); a cycle
 * goes through t0 / ft0, which no move writes. Counting the readers once
 * and updating them as moves complete keeps an edge with hundreds of phis
 * quadratic, not cubic. */
static void parallel_move(Emit *e, Move *m, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        m[i].readers = 0;
        for (uint32_t j = 0; j < n; j++)
            m[i].readers += j != i && !m[j].done && mloc_eq(m[j].src, m[i].dst);
    }
    for (uint32_t left = n; left;) {
        bool progress = false;
        for (uint32_t i = 0; i < n; i++) {
            if (m[i].done || m[i].readers)
                continue;
            move1(e, m[i].dst, m[i].src);
            m[i].done = true;
            left--;
            progress = true;
            for (uint32_t k = 0; k < n; k++) /* m[i] no longer reads its source */
                if (!m[k].done && k != i && mloc_eq(m[i].src, m[k].dst))
                    m[k].readers--;
        }
        if (!progress) { /* a cycle: park one source in scratch */
            for (uint32_t i = 0; i < n; i++)
                if (!m[i].done) {
                    MLoc from = m[i].src, tmp = {LOC_REG, from.fp, from.fp ? FT0 : T0, 0};
                    move1(e, tmp, from);
                    for (uint32_t j = 0; j < n; j++) {
                        if (m[j].done || !mloc_eq(m[j].src, from))
                            continue;
                        m[j].src = tmp;
                        for (uint32_t k = 0; k < n; k++)
                            if (!m[k].done && k != j && mloc_eq(from, m[k].dst))
                                m[k].readers--;
                    }
                    break;
                }
        }
    }
}

/* Phi moves on the edge from -> to: one per phi, however many (a table from
 * the arena, sized by the phis at the head of the block). */
static bool phi_moves(Emit *e, int32_t from, int32_t to)
{
    IrBlock *t = &e->ir->blocks[to];
    uint32_t p = 0, n = 0, nphis = 0;
    while (p < t->npreds && t->preds[p] != from)
        p++;
    while (nphis < t->nins && I(e, t->ins[nphis])->op == IR_PHI)
        nphis++;
    if (!nphis)
        return true;
    IrTmpMark mark = ir_tmp_mark(e->ir);
    Move *moves = ir_tmp(e->ir, nphis * sizeof *moves);
    if (!moves) {
        e->oom = true;
        return false;
    }
    for (uint32_t i = 0; i < nphis; i++) {
        int32_t phi = t->ins[i];
        if (e->ra.loc[phi].kind == LOC_NONE)
            continue;
        int32_t src = e->ir->lists[I(e, phi)->list + (int32_t)p];
        if (src < 0 || I(e, src)->op == IR_UNDEF)
            continue;
        moves[n].dst = loc_of(e, phi), moves[n].src = loc_of(e, src), moves[n].done = false;
        n++;
    }
    parallel_move(e, moves, n);
    ir_tmp_release(e->ir, mark);
    return true;
}

/* ---- instruction selection ------------------------------------------------------------- */

static RvOp load_op(uint8_t tc)
{
    switch (tc) {
    case 'b': return RV_LB;
    case 'B': case 'Y': return RV_LBU;
    case 'h': return RV_LH;
    case 'H': return RV_LHU;
    case 'f': return RV_FLW;
    default: return RV_LW;
    }
}


/* Address of element idx of data into T3 (or base + offset when constant). */
static unsigned elem_addr(Emit *e, int32_t data, int32_t idx, uint8_t tc, int32_t *off)
{
    unsigned rd = xuse(e, data, T0);
    IrIns *ii = I(e, idx);
    unsigned sh = ir_elem_shift(tc);
    int32_t payload = ir_is_list(tc) ? IR_LIST_PAYLOAD : 0;
    if (ii->op == IR_CONST && ii->k.i >= 0 && ii->k.i < (1 << 20) && fits12((ii->k.i << sh) + payload)) {
        *off = (ii->k.i << sh) + payload;
        return rd;
    }
    unsigned ri = xuse(e, idx, T1);
    *off = payload;
    if (sh) {
        ins(e, RV_SLLI, T3, ri, 0, (int32_t)sh);
        ins(e, RV_ADD, T3, T3, rd, 0);
    } else
        ins(e, RV_ADD, T3, ri, rd, 0);
    return T3;
}

static void cmp_value(Emit *e, IrCond cc, unsigned rd, unsigned x, unsigned y)
{
    switch (cc) {
    case CC_LT: ins(e, RV_SLT, rd, x, y, 0); break;
    case CC_GT: ins(e, RV_SLT, rd, y, x, 0); break;
    case CC_LE: ins(e, RV_SLT, rd, y, x, 0); ins(e, RV_XORI, rd, rd, 0, 1); break;
    case CC_GE: ins(e, RV_SLT, rd, x, y, 0); ins(e, RV_XORI, rd, rd, 0, 1); break;
    case CC_EQ: ins(e, RV_XOR, rd, x, y, 0); ins(e, RV_SLTIU, rd, rd, 0, 1); break;
    default: ins(e, RV_XOR, rd, x, y, 0); ins(e, RV_SLTU, rd, ZERO, rd, 0); break;
    }
}

static void branch_on(Emit *e, IrCond cc, unsigned x, unsigned y, uint32_t label)
{
    switch (cc) {
    case CC_LT: rv_asm_branch(&e->a, RV_BLT, x, y, label); break;
    case CC_GE: rv_asm_branch(&e->a, RV_BGE, x, y, label); break;
    case CC_GT: rv_asm_branch(&e->a, RV_BLT, y, x, label); break;
    case CC_LE: rv_asm_branch(&e->a, RV_BGE, y, x, label); break;
    case CC_EQ: rv_asm_branch(&e->a, RV_BEQ, x, y, label); break;
    default: rv_asm_branch(&e->a, RV_BNE, x, y, label); break;
    }
}

static IrCond negate(IrCond cc)
{
    static const IrCond n[] = {CC_NE, CC_EQ, CC_GE, CC_GT, CC_LE, CC_LT};
    return n[cc];
}

static int32_t const_of(Emit *e, int32_t v, bool *is)
{
    IrIns *in = I(e, v);
    *is = in->op == IR_CONST && in->type != TY_FLOAT;
    return *is ? in->k.i : 0;
}

static bool power_of_two(int32_t k, unsigned *sh)
{
    if (k <= 0 || (k & (k - 1)))
        return false;
    *sh = (unsigned)__builtin_ctz((unsigned)k);
    return true;
}

static void emit_int_binop(Emit *e, int32_t v)
{
    IrIns *in = I(e, v);
    bool kb;
    int32_t k = const_of(e, in->b, &kb);
    unsigned rd = xdef(e, v), ra = xuse(e, in->a, T0), rb;
    switch ((IrOp)in->op) {
    case IR_ADD: case IR_ADDO:
        if (kb && fits12(k))
            ins(e, RV_ADDI, rd, ra, 0, k);
        else
            ins(e, RV_ADD, rd, ra, xuse(e, in->b, T1), 0);
        if (in->op == IR_ADDO) {
            if (kb)
                k > 0 ? fail_if(e, RV_BLT, rd, ra, v) : fail_if(e, RV_BLT, ra, rd, v);
            else {
                rb = xuse(e, in->b, T1);
                ins(e, RV_SLT, T3, rd, ra, 0);
                ins(e, RV_SLT, T4, rb, ZERO, 0);
                fail_if(e, RV_BNE, T3, T4, v);
            }
        }
        break;
    case IR_SUB: case IR_SUBO:
        if (kb && k != INT32_MIN && fits12(-k))
            ins(e, RV_ADDI, rd, ra, 0, -k);
        else
            ins(e, RV_SUB, rd, ra, xuse(e, in->b, T1), 0);
        if (in->op == IR_SUBO) {
            if (kb)
                k > 0 ? fail_if(e, RV_BLT, ra, rd, v) : fail_if(e, RV_BLT, rd, ra, v);
            else {
                rb = xuse(e, in->b, T1);
                ins(e, RV_SLT, T3, rd, ra, 0);
                ins(e, RV_SLT, T4, ZERO, rb, 0);
                fail_if(e, RV_BNE, T3, T4, v);
            }
        }
        break;
    case IR_MUL: case IR_MULO:
        if (in->op == IR_MUL && kb && k > 0 && (k & (k - 1)) == 0) { /* wrapping: a shift, a cycle sooner */
            ins(e, RV_SLLI, rd, ra, 0, __builtin_ctz((uint32_t)k));
            break;
        }
        rb = xuse(e, in->b, T1);
        ins(e, RV_MUL, rd, ra, rb, 0);
        if (in->op == IR_MULO) {
            ins(e, RV_MULH, T3, ra, rb, 0);
            ins(e, RV_SRAI, T4, rd, 0, 31);
            fail_if(e, RV_BNE, T3, T4, v);
        }
        break;
    case IR_AND: case IR_OR: case IR_XOR: {
        static const RvOp reg[] = {RV_AND, RV_OR, RV_XOR}, imm[] = {RV_ANDI, RV_ORI, RV_XORI};
        int i = in->op == IR_AND ? 0 : in->op == IR_OR ? 1 : 2;
        if (kb && fits12(k))
            ins(e, imm[i], rd, ra, 0, k);
        else
            ins(e, reg[i], rd, ra, xuse(e, in->b, T1), 0);
        break;
    }
    case IR_SHL: case IR_SHR:
        if (kb)
            ins(e, in->op == IR_SHL ? RV_SLLI : RV_SRAI, rd, ra, 0, k & 31);
        else
            ins(e, in->op == IR_SHL ? RV_SLL : RV_SRA, rd, ra, xuse(e, in->b, T1), 0);
        break;
    case IR_SHLO:
        if (kb && k >= 0 && k < 32) {
            ins(e, RV_SLLI, rd, ra, 0, k);
            ins(e, RV_SRAI, T3, rd, 0, k);
            fail_if(e, RV_BNE, T3, ra, v);
        } else {
            uint32_t big = rv_asm_new_label(&e->a), done = rv_asm_new_label(&e->a);
            rb = xuse(e, in->b, T1);
            fail_if(e, RV_BLT, rb, ZERO, v);                    /* negative shift count */
            ins(e, RV_SLTIU, T3, rb, 0, 32);
            rv_asm_branch(&e->a, RV_BEQ, T3, ZERO, big);
            ins(e, RV_SLL, rd, ra, rb, 0);
            ins(e, RV_SRA, T3, rd, rb, 0);
            fail_if(e, RV_BNE, T3, ra, v);                      /* bits shifted out */
            rv_asm_jump(&e->a, ZERO, done);
            rv_asm_bind(&e->a, big);
            fail_if(e, RV_BNE, ra, ZERO, v);                    /* only 0 << 32+ fits */
            ins(e, RV_ADDI, rd, ZERO, 0, 0);
            rv_asm_bind(&e->a, done);
        }
        break;
    case IR_SHRO:
        if (kb && k >= 0) {
            ins(e, RV_SRAI, rd, ra, 0, k > 31 ? 31 : k);
        } else {
            uint32_t ok = rv_asm_new_label(&e->a);
            rb = xuse(e, in->b, T1);
            fail_if(e, RV_BLT, rb, ZERO, v);
            ins(e, RV_ADDI, T3, rb, 0, 0);
            ins(e, RV_SLTIU, T4, rb, 0, 32);
            rv_asm_branch(&e->a, RV_BNE, T4, ZERO, ok);
            ins(e, RV_ADDI, T3, ZERO, 0, 31);
            rv_asm_bind(&e->a, ok);
            ins(e, RV_SRA, rd, ra, T3, 0);
        }
        break;
    case IR_FLOORDIV: {
        unsigned sh;
        if (kb && power_of_two(k, &sh)) {
            ins(e, RV_SRAI, rd, ra, 0, (int32_t)sh);  /* an arithmetic shift is floor division */
            break;
        }
        rb = xuse(e, in->b, T1);
        if (!kb || k == 0)
            fail_if(e, RV_BEQ, rb, ZERO, v);
        if (!kb || k == -1) { /* INT_MIN // -1 overflows */
            uint32_t ok = rv_asm_new_label(&e->a);
            ins(e, RV_ADDI, T3, ZERO, 0, -1);
            rv_asm_branch(&e->a, RV_BNE, rb, T3, ok);
            ins(e, RV_LUI, T3, 0, 0, 0x80000);
            fail_if(e, RV_BEQ, ra, T3, v);
            rv_asm_bind(&e->a, ok);
        }
        uint32_t done = rv_asm_new_label(&e->a);
        ins(e, RV_DIV, rd, ra, rb, 0);
        ins(e, RV_REM, T3, ra, rb, 0);
        rv_asm_branch(&e->a, RV_BEQ, T3, ZERO, done);
        ins(e, RV_XOR, T3, T3, rb, 0);
        rv_asm_branch(&e->a, RV_BGE, T3, ZERO, done);
        ins(e, RV_ADDI, rd, rd, 0, -1);
        rv_asm_bind(&e->a, done);
        break;
    }
    case IR_MOD: {
        unsigned sh;
        if (kb && power_of_two(k, &sh) && fits12(k - 1)) {
            ins(e, RV_ANDI, rd, ra, 0, k - 1); /* the floor modulus of a power of two */
            break;
        }
        rb = xuse(e, in->b, T1);
        if (!kb || k == 0)
            fail_if(e, RV_BEQ, rb, ZERO, v);
        uint32_t done = rv_asm_new_label(&e->a);
        ins(e, RV_REM, rd, ra, rb, 0); /* INT_MIN % -1 is 0 on RISC-V, as in Python */
        rv_asm_branch(&e->a, RV_BEQ, rd, ZERO, done);
        ins(e, RV_XOR, T3, rd, rb, 0);
        rv_asm_branch(&e->a, RV_BGE, T3, ZERO, done);
        ins(e, RV_ADD, rd, rd, rb, 0);
        rv_asm_bind(&e->a, done);
        break;
    }
    default:
        break;
    }
    xdone(e, v, rd);
}

static void emit_float_op(Emit *e, int32_t v)
{
    IrIns *in = I(e, v);
    unsigned fa = fuse_(e, in->a, FT0), rd;
    switch ((IrOp)in->op) {
    case IR_FADD: case IR_FSUB: case IR_FMUL: case IR_FDIV: {
        unsigned fb = fuse_(e, in->b, FT1);
        if (in->op == IR_FDIV) { /* x / 0.0 and x / -0.0 raise */
            ins(e, RV_FMV_X_W, T3, fb, 0, 0);
            ins(e, RV_SLLI, T3, T3, 0, 1);
            fail_if(e, RV_BEQ, T3, ZERO, v);
        }
        static const RvOp ops[] = {RV_FADD_S, RV_FSUB_S, RV_FMUL_S, RV_FDIV_S};
        rd = fdef(e, v);
        ins(e, ops[in->op - IR_FADD], rd, fa, fb, 0);
        break;
    }
    case IR_FNEG: rd = fdef(e, v); ins(e, RV_FSGNJN_S, rd, fa, fa, 0); break;
    case IR_FABS: rd = fdef(e, v); ins(e, RV_FSGNJX_S, rd, fa, fa, 0); break;
    case IR_FSQRT:
        ins(e, RV_FMV_W_X, FT1, ZERO, 0, 0);
        ins(e, RV_FLT_S, T3, fa, FT1, 0);          /* sqrt of a negative number raises */
        fail_if(e, RV_BNE, T3, ZERO, v);
        rd = fdef(e, v);
        ins(e, RV_FSQRT_S, rd, fa, 0, 0);
        break;
    default:
        return;
    }
    fdone(e, v, rd);
}

static void emit_call(Emit *e, int32_t v)
{
    IrIns *in = I(e, v);
    JitSpec *callee = e->ir->extra[v].callee;
    /* the recursion budget (s11): RecursionError where the interpreter raises it */
    fail_if(e, RV_BGE, ZERO, DEPTH, v);
    Move m[JIT_MAX_PARAMS];
    unsigned nx = 0, nf = 0, ns = 0;
    for (uint32_t i = 0; i < in->nargs; i++) {
        int32_t arg = e->ir->lists[in->list + (int32_t)i];
        m[i].src = loc_of(e, arg);
        m[i].dst.fp = I(e, arg)->type == TY_FLOAT;
        if (on_stack(&nx, &nf, m[i].dst.fp)) /* the outgoing area: sp + 4 * ns */
            m[i].dst.kind = MLOC_SP, m[i].dst.n = (uint16_t)ns++;
        else
            m[i].dst.kind = LOC_REG, m[i].dst.n = (uint16_t)(m[i].dst.fp ? FA0 + nf - 1 : A0 + nx - 1);
        m[i].dst.k = 0;
        m[i].done = false;
    }
    parallel_move(e, m, in->nargs);
    if (callee == e->spec)
        rv_asm_jump(&e->a, RA, e->body_label);
    else if (callee->vm_callee) { /* into the interpreter (vmcall.c): the call stub in t0 */
        rv_asm_li(&e->a, T0, (int32_t)(uint32_t)(uintptr_t)callee);
        rv_asm_call(&e->a, (uint32_t)(uintptr_t)(e->js->code + e->js->vm_call_tramp - 1));
    } else
        rv_asm_call(&e->a, (uint32_t)(uintptr_t)(e->js->code + callee->body));
    /* the exception return point (ra + 0): add this frame to the traceback;
     * a normal return comes back past it (ra + 4) */
    rv_asm_jump_wide(&e->a, ZERO, e->fail_label[v] + 1);
    if (e->ra.loc[v].kind != LOC_NONE) {
        if (in->type == TY_FLOAT) {
            unsigned rd = fdef(e, v);
            if (rd != FA0)
                ins(e, RV_FSGNJ_S, rd, FA0, FA0, 0);
            fdone(e, v, rd);
        } else {
            unsigned rd = xdef(e, v);
            if (rd != A0)
                ins(e, RV_ADDI, rd, A0, 0, 0);
            xdone(e, v, rd);
        }
    }
}

static void *const helper_fn[H__COUNT] = {
#define IR_HELPER_FN(name, fn) (void *)fn,
    IR_HELPERS(IR_HELPER_FN)
#undef IR_HELPER_FN
};

static void emit_range_len(Emit *e, int32_t v)
{
    IrIns *in = I(e, v);
    unsigned rd = xdef(e, v);
    unsigned rstart = xuse(e, in->a, T0), rstop = xuse(e, in->b, T1), rstep = xuse(e, in->c, T2);
    uint32_t neg = rv_asm_new_label(&e->a), zero = rv_asm_new_label(&e->a), done = rv_asm_new_label(&e->a);
    fail_if(e, RV_BEQ, rstep, ZERO, v); /* range() arg 3 must not be zero */
    rv_asm_branch(&e->a, RV_BLT, rstep, ZERO, neg);
    rv_asm_branch(&e->a, RV_BGE, rstart, rstop, zero);
    ins(e, RV_SUB, T3, rstop, rstart, 0);   /* exact as unsigned: (stop - start - 1) / step + 1 */
    ins(e, RV_ADDI, T3, T3, 0, -1);
    ins(e, RV_DIVU, T3, T3, rstep, 0);
    ins(e, RV_ADDI, rd, T3, 0, 1);
    rv_asm_jump(&e->a, ZERO, done);
    rv_asm_bind(&e->a, neg);
    rv_asm_branch(&e->a, RV_BGE, rstop, rstart, zero);
    ins(e, RV_SUB, T3, rstart, rstop, 0);
    ins(e, RV_ADDI, T3, T3, 0, -1);
    ins(e, RV_SUB, T4, ZERO, rstep, 0);
    ins(e, RV_DIVU, T3, T3, T4, 0);
    ins(e, RV_ADDI, rd, T3, 0, 1);
    rv_asm_jump(&e->a, ZERO, done);
    rv_asm_bind(&e->a, zero);
    ins(e, RV_ADDI, rd, ZERO, 0, 0);
    rv_asm_bind(&e->a, done);
    xdone(e, v, rd);
}

/* The compare-and-branch of BR instruction v; next: the block laid out
 * after this code (-1: none, a copy of a loop test at a jump). */
static void restore_and_return(Emit *e, bool raised);

static void emit_branch(Emit *e, int32_t v, int32_t next_block)
{
    IrIns *in = I(e, v);
    IrBlock *b = &e->ir->blocks[in->block];
    int32_t t = b->succ[0], f = b->succ[1];
    IrIns *c = I(e, in->a);
    IrCond cc = CC_NE;
    unsigned x, y = ZERO;
    if (e->fused[in->a]) {
        cc = (IrCond)c->aux;
        x = xuse(e, c->a, T0);
        y = xuse(e, c->b, T1);
    } else
        x = xuse(e, in->a, T0);
    if (t == next_block)
        branch_on(e, negate(cc), x, y, e->block_label[f]);
    else {
        branch_on(e, cc, x, y, e->block_label[t]);
        if (f != next_block)
            rv_asm_jump(&e->a, ZERO, e->block_label[f]);
    }
}

static void emit_elementwise(Emit *e, int32_t v); /* the PIE elementwise section at the end */

/* -X jit-deopt-stress=N (tests): before a guard with a deopt map, count
 * jit_deopt_countdown down and deoptimise there when it reaches 0 (no
 * scratch register is live between instructions) */
static void deopt_stress(Emit *e, int32_t v)
{
    uint32_t addr = (uint32_t)(uintptr_t)&jit_deopt_countdown;
    int32_t lo = (int32_t)(addr << 20) >> 20;
    ins(e, RV_LUI, T3, 0, 0, (int32_t)((addr - (uint32_t)lo) >> 12));
    ins(e, RV_LW, T4, T3, 0, lo);
    ins(e, RV_ADDI, T4, T4, 0, -1);
    ins(e, RV_SW, 0, T3, T4, lo);
    rv_asm_branch(&e->a, RV_BEQ, T4, ZERO, e->fail_label[v]);
}

static void reads_slot(Ir *ir, int32_t *slot, void *ctx)
{
    (void)ir;
    int32_t *p = ctx;
    if (*slot == p[0])
        p[1] = 1;
}

/* Does instruction w read value p (an operand, a witness, a call's argument,
 * a value of its deopt map, which the deopt stub reads from p's register)? */
static bool reads(Emit *e, int32_t w, int32_t p)
{
    int32_t ctx[2] = {p, 0};
    ir_for_operands(e->ir, w, reads_slot, ctx);
    return ctx[1] != 0;
}

/* A multiply-accumulate's load can step its pointer itself (post-increment)
 * when the next instruction of the block that reads the pointer p is
 * `q = p + k` with q in p's register (so p dies there): k a constant the
 * .ip immediate holds (a multiple of 1 << shift, 8 bits signed), or, with
 * xp, a value in a register PIE can name (the .xp form: *rs2). That add is
 * then not emitted: a tap of a vectorised loop saves an instruction or two
 * (issue 12). Returns k (0: no step; *rs2 set: a register step). */
static int32_t post_step(Emit *e, int32_t vmac, int32_t p, unsigned reg, unsigned shift, unsigned *rs2)
{
    const IrIns *m = I(e, vmac);
    const RegaLoc *lp = &e->ra.loc[p];
    if (lp->kind != LOC_REG || lp->reg != reg || m->a == m->b)
        return 0;
    const IrBlock *b = &e->ir->blocks[m->block];
    uint32_t j = 0;
    while (j < b->nins && b->ins[j] != vmac)
        j++;
    for (j++; j < b->nins; j++) {
        int32_t w = b->ins[j];
        const IrIns *u = I(e, w);
        if (!reads(e, w, p))
            continue;
        const RegaLoc *lq = &e->ra.loc[w], *ls = &e->ra.loc[u->b];
        if (u->op != IR_ADD || u->a != p || lq->kind != LOC_REG || lq->reg != reg)
            return 0;
        bool kb;
        int32_t k = const_of(e, u->b, &kb);
        if (kb && (k == 0 || k % (1 << shift) != 0 || k / (1 << shift) < -128 || k / (1 << shift) > 127))
            return 0;
        if (!kb) { /* a register step: .xp, when PIE can name it */
            if (!rs2 || ls->kind != LOC_REG || !(rv32_target.x_narrow >> ls->reg & 1) || ls->reg == reg)
                return 0;
            *rs2 = ls->reg;
            k = 1;
        }
        e->stepped[w] = 1;
        return k;
    }
    return 0;
}

static void emit_ins(Emit *e, int32_t v, int32_t next_block);

/* ---- hardware loops (esp.lp.setup) ---------------------------------------------------------
 *
 * An innermost counted loop whose test block is phis and `k < lim` and
 * whose body is one block that cannot fail, call or branch out,
 *
 *     H: k = phi(k0, k + s); if k < lim goto B else X      B: ...; k += s; goto H
 *
 * is emitted once (vec5a; before, a branch loop ran the first iteration
 * and a second copy of B the rest): where B stands, behind H's test,
 *
 *     B:  k1 = k + s; if k1 >= lim goto body      (n = 1: straight in)
 *         n = ((lim - k - 1) >> log2(s)) + 1      (exact, unsigned: k < lim)
 *         [k = k + n*s]                           (the counter's last value, when
 *         esp.lp.setup 0, n, end                   nothing in B but its step reads it)
 *     body: B's instructions and its phi moves back to H, no jump
 *     end: goto X                                 (or X's own test: hw_exit)
 *
 * A loop of one iteration pays the add and the branch, as the branch
 * loop's test did; the set-up is paid only by loops that go round. A body
 * entered for n = 1 runs without a set-up: the loop registers left by the
 * last loop (count 0: every loop runs out, nothing leaves a body early)
 * send nothing back. With a fused load (below) the first operand is
 * loaded before the set-up, and n = 1 runs an unpipelined copy of B
 * instead (the preload would cost it a 128-bit load). The rules kept
 * (docs/pie-semantics.md, "Hardware loops"): a count of at
 * least 2 at a set-up (ESP-DSP: "the esp.lp.setup instruction is not
 * working with loop count 1"; the count register is taken as 32 bits
 * wide: it is a CSR, 0x7c8, and esp.lp.setup reads a whole x register);
 * loop id 0 only, never
 * nested (innermost loops, no calls in the body); nothing leaves the body
 * early (no failing instruction), so no loop stays armed; the last
 * instruction is 4 bytes (the body is not compressed), not a branch or
 * jump, and no branch inside the body targets the address after it (a
 * 32-bit nop is added then). */
/* HW_BODY_MAX: the unrolled scalar rests of a vector loop (27
 * instructions) cost more to compile and in code (uncompressed) than
 * their few iterations save */
enum { HW_BODY_MAX = 12 };

typedef struct HwLoop {
    int32_t body, phi, lim, step_ins; /* B, k, lim, k + s (the back edge's value) */
    unsigned shift;                   /* s = 1 << shift */
    bool elide;                       /* k + s is done before the loop, not in it */
    int32_t fuse;                     /* B's VMAC given a fused load, or -1 */
    bool fuse_bc;                     /* the broadcast element's load (else b's lanes) */
    bool fuse_t4;                     /* a row pair's c walks in t4 (emit_row_pair) */
    bool fuse_taps;                   /* B's VMACN (16 taps): the next a[k .. k+15] ride on the last tap */
} HwLoop;

typedef struct ReaderCount {
    uint32_t *readers;
    int32_t *last; /* per value: the last instruction counted as its reader */
    int32_t w;     /* the instruction walked */
} ReaderCount;

static void count_reader(Ir *ir, int32_t *slot, void *ctx)
{
    ReaderCount *rc = ctx;
    (void)ir;
    if (rc->last[*slot] != rc->w) /* (an instruction reading p twice is one reader, as for reads) */
        rc->last[*slot] = rc->w, rc->readers[*slot]++;
}

/* Is value p read anywhere but in block b? Its readers are counted once,
 * in one walk of the function, at the first question: walking the whole
 * function for each (a hardware loop asks two or three) was a tenth of
 * compiling a dot-product kernel. */
static bool read_outside(Emit *e, int32_t p, int32_t b)
{
    Ir *ir = e->ir;
    if (!e->readers) { /* (released with the emitter's other tables, at the end of jit_emit_rv32) */
        ReaderCount rc = {ir_tmp0(ir, (ir->nins + 1) * sizeof *rc.readers),
                          ir_tmp(ir, (ir->nins + 1) * sizeof *rc.last), -1};
        if (!rc.readers || !rc.last) {
            e->oom = true;
            return true; /* (the answer that changes nothing; the function is refused) */
        }
        for (uint32_t v = 0; v < ir->nins; v++)
            rc.last[v] = -1;
        for (uint32_t k = 0; k < e->norder; k++) {
            const IrBlock *bl = &ir->blocks[e->order[k]];
            for (uint32_t i = 0; i < bl->nins; i++) {
                rc.w = bl->ins[i];
                ir_for_operands(ir, rc.w, count_reader, &rc);
            }
        }
        e->readers = rc.readers;
    }
    uint32_t inside = 0;
    const IrBlock *bl = &ir->blocks[b];
    for (uint32_t i = 0; i < bl->nins; i++)
        inside += reads(e, bl->ins[i], p);
    return e->readers[p] > inside;
}

/* A row pair's multiply-accumulate (vector.c, IR_VMAC aux 4): the lanes
 * at a (shared: x) times those at b into XACC (this row) and those at c
 * into QACC (the next row): one load of x for 32 products. In a hardware
 * loop (e->hw_fuse) b's and c's next lanes ride on the multiplies
 * (hw_loop loaded the first into q1 and q2): vld + 2 x vmulas.ld.ip, 9
 * modelled cycles for 32 MACs. */
static void emit_row_pair(Emit *e, int32_t v, const IrIns *in)
{
    bool distinct = in->a != in->b && in->a != in->c && in->b != in->c;
    unsigned pa = xuse_pie(e, in->a, T3);
    RvInsn la = pie_ins(RV_ESP_VLD_128_IP);
    la.qu = 0, la.rs1 = (uint8_t)pa;
    la.imm = distinct ? post_step(e, v, in->a, pa, 4, NULL) : 0;
    rv_asm_emit(&e->a, &la);
    bool t4 = v == e->hw_fuse && e->hw_fuse_t4; /* c walks in t4 (hw_loop), b is narrow */
    unsigned pb = xuse_pie(e, in->b, T4), pc = t4 ? T4 : xuse_pie(e, in->c, T3); /* (T3 is free again) */
    int32_t sb = distinct ? post_step(e, v, in->b, pb, 4, NULL) : 0;
    int32_t sc = distinct && pc != pb ? post_step(e, v, in->c, t4 ? e->ra.loc[in->c].reg : pc, 4, NULL) : 0;
    if (v == e->hw_fuse) { /* software-pipelined: q1, q2 hold this iteration's rows */
        RvInsn fb = pie_ins(RV_ESP_VMULAS_S8_XACC_LD_IP), fc = pie_ins(RV_ESP_VMULAS_S8_QACC_LD_IP);
        fb.qx = 0, fb.qy = 1, fb.qu = 1, fb.rs1 = (uint8_t)pb, fb.imm = 16;
        fc.qx = 0, fc.qy = 2, fc.qu = 2, fc.rs1 = (uint8_t)pc, fc.imm = 16;
        rv_asm_emit(&e->a, &fb);
        rv_asm_emit(&e->a, &fc);
        return;
    }
    RvInsn lb = pie_ins(RV_ESP_VLD_128_IP), lc = pie_ins(RV_ESP_VLD_128_IP);
    lb.qu = 1, lb.rs1 = (uint8_t)pb, lb.imm = sb;
    lc.qu = 2, lc.rs1 = (uint8_t)pc, lc.imm = sc;
    rv_asm_emit(&e->a, &lb);
    rv_asm_emit(&e->a, &lc);
    RvInsn mx = pie_ins(RV_ESP_VMULAS_S8_XACC), mq = pie_ins(RV_ESP_VMULAS_S8_QACC);
    mx.qx = 0, mx.qy = 1, mq.qx = 0, mq.qy = 2;
    rv_asm_emit(&e->a, &mx);
    rv_asm_emit(&e->a, &mq);
}

/* T0 = the sum of QACC's 16 int32 lanes: QACC stored below the stack
 * pointer's 64 bytes taken for it (st.qacc: 16 bytes each, unaligned
 * allowed by IR_VCFG), read back and added. The sum cannot wrap: it is a
 * row's products, at most 131071 of them (vector.c's guard). */
static void qacc_lane_sum(Emit *e)
{
    static const RvOp part[] = {RV_ESP_ST_QACC_L_L_128_IP, RV_ESP_ST_QACC_L_H_128_IP, RV_ESP_ST_QACC_H_L_128_IP,
                                RV_ESP_ST_QACC_H_H_128_IP};
    ins(e, RV_ADDI, SP, SP, 0, -64);
    rv_asm_mv(&e->a, T3, SP);
    for (int i = 0; i < 4; i++) {
        RvInsn st = pie_ins(part[i]);
        st.rs1 = T3, st.imm = 16;
        rv_asm_emit(&e->a, &st);
    }
    ins(e, RV_LW, T0, SP, 0, 0);
    for (int w = 1; w < 16; w += 2) {
        ins(e, RV_LW, T1, SP, 0, 4 * w);
        if (w + 1 < 16)
            ins(e, RV_LW, T2, SP, 0, 4 * (w + 1));
        ins(e, RV_ADD, T0, T0, T1, 0);
        if (w + 1 < 16)
            ins(e, RV_ADD, T0, T0, T2, 0);
    }
    ins(e, RV_ADDI, SP, SP, 0, 64);
}

/* A 16-tap VMACN (vector_taps.c) in a hardware loop: the taps' lanes at a
 * (q2, one 128-bit load per 16 taps) step by 16, so the last tap's
 * multiply loads the next 16 (esp.vsmulas.s8.qacc.ld.incp: the MAC reads
 * q2, then q2 = 16 bytes at a, a += 16), software-pipelined as the VMAC's
 * fused loads below (hw_loop loads the first). The model charges a fused
 * MAC+load as a load (issue 3): the tap's multiply is what rides, 66
 * modelled cycles per 16 taps instead of 67 (vec9). The taps' lanes of b
 * step by a row's length (esp.vld.128.xp) and cannot carry the other 15
 * multiplies: vsmulas's only fused load steps by 16 (.ld.incp;
 * pie-encodings/rev1.tsv and rev3.tsv). The last iteration loads 16 bytes
 * past the last tap's: as the VMAC's fused loads below. */
static void hw_fuse_taps(Emit *e, int32_t h, HwLoop *L, int32_t mac)
{
    const IrIns *m = I(e, mac);
    const RegaLoc *la = &e->ra.loc[m->a];
    if (m->aux != 16 || m->a == m->b || m->a == m->c || la->kind != LOC_REG ||
        !(rv32_target.x_narrow >> la->reg & 1) || I(e, m->a)->op != IR_PHI || I(e, m->a)->block != h ||
        read_outside(e, m->a, L->body))
        return;
    if (post_step(e, mac, m->a, la->reg, 4, NULL) != 16)
        return; /* (post_step marks the step it finds: the VMACN's own emission finds the same) */
    L->fuse = mac, L->fuse_taps = true, L->fuse_bc = L->fuse_t4 = false;
}

/* Fused loads (issue 12, task 2): the one VMAC of a hardware loop's body
 * loads the next iteration's operand in the multiply, software-pipelined
 * (the first is loaded before esp.lp.setup):
 *   - a broadcast element stepping by 1: esp.vldbc.8.ip + vld + vmulas
 *     becomes vld + esp.vmulas.s8.qacc.ldbc.incp (6 modelled cycles, not 7);
 *   - lanes of b stepping by 16 (.ip): vld + vld + vmulas becomes vld +
 *     esp.vmulas.s8.{qacc,xacc}.ld.ip.
 * The last iteration loads one element (1 byte) or one vector (16 bytes)
 * past the last one used: inside the array, or in the next heap block or
 * the 16 bytes the heap keeps after its end, as the 16-lane loads'
 * over-read (docs/jit.md). The pointer ends one step further than the
 * branch loop leaves it, so it must not be read after the loop. */
static void hw_fuse_of(Emit *e, int32_t h, HwLoop *L)
{
    const IrBlock *bb = &e->ir->blocks[L->body];
    int32_t mac = -1;
    L->fuse = -1, L->fuse_taps = false;
    for (uint32_t i = 0; i < bb->nins; i++) {
        IrOp op = (IrOp)I(e, bb->ins[i])->op;
        if ((op == IR_VMAC || op == IR_VMACN) && mac < 0)
            mac = bb->ins[i];
        else if (op == IR_VMAC || op == IR_VMACN || (op >= IR_EWLD && op <= IR_EWSAR))
            return; /* (q0 and q1 would not be this VMAC's alone) */
    }
    if (mac < 0)
        return;
    const IrIns *m = I(e, mac);
    if (m->op == IR_VMACN) {
        hw_fuse_taps(e, h, L, mac);
        return;
    }
    bool bc = !(m->aux & 1);
    int32_t p = bc ? m->a : m->b;
    const RegaLoc *lp = &e->ra.loc[p];
    if (m->a == m->b || lp->kind != LOC_REG || !(rv32_target.x_narrow >> lp->reg & 1) || I(e, p)->op != IR_PHI ||
        I(e, p)->block != h || read_outside(e, p, L->body))
        return;
    L->fuse_t4 = false;
    if (m->aux & 4) { /* a row pair (vector.c): c, QACC's row, is pipelined beside b; in t4
                         when PIE cannot name its register (b's is narrow: t4 is free) */
        const RegaLoc *lc = &e->ra.loc[m->c];
        if (m->c == m->a || m->c == m->b || lc->kind != LOC_REG || lc->reg == lp->reg ||
            I(e, m->c)->op != IR_PHI || I(e, m->c)->block != h || read_outside(e, m->c, L->body))
            return;
        L->fuse_t4 = !(rv32_target.x_narrow >> lc->reg & 1);
    }
    unsigned rs2 = 0;
    int32_t k = post_step(e, mac, p, lp->reg, bc ? 0 : 4, bc ? NULL : &rs2);
    if (rs2 || k != (bc ? 1 : 16))
        return;
    if (m->aux & 4 && (post_step(e, mac, m->c, e->ra.loc[m->c].reg, 4, &rs2) != 16 || rs2))
        return; /* (post_step marks the steps it finds: the VMAC's own emission finds the same) */
    L->fuse = mac, L->fuse_bc = bc;
}

static bool hw_loop_of(Emit *e, int32_t h, HwLoop *L)
{
    Ir *ir = e->ir;
    const IrBlock *hb = &ir->blocks[h];
    if (!e->js->cfg.pie || e->js->cfg.no_hwloop || h == e->tested_block || hb->nins < 3 || hb->nsucc != 2 ||
        hb->npreds != 2)
        return false;
    const IrIns *br = I(e, hb->ins[hb->nins - 1]), *c = I(e, hb->ins[hb->nins - 2]);
    if (br->op != IR_BR || br->a != hb->ins[hb->nins - 2] || c->op != IR_CMP || !e->fused[br->a] ||
        (IrCond)c->aux != CC_LT)
        return false;
    for (uint32_t i = 0; i + 2 < hb->nins; i++)
        if (I(e, hb->ins[i])->op != IR_PHI)
            return false;
    int32_t k = c->a, b = hb->succ[0];
    const IrBlock *bb = &ir->blocks[b];
    if (b == h || bb->npreds != 1 || bb->nsucc != 1 || bb->succ[0] != h || bb->nins > HW_BODY_MAX ||
        I(e, k)->op != IR_PHI || I(e, k)->block != h || I(e, c->b)->block == h || I(e, c->b)->block == b)
        return false;
    uint32_t from_b = hb->preds[0] == b ? 0 : 1;
    if (hb->preds[1 - from_b] == b)
        return false;
    int32_t kn = ir->lists[I(e, k)->list + (int32_t)from_b];
    const IrIns *st = I(e, kn);
    bool kc;
    int32_t s = st->op == IR_ADD && st->a == k ? const_of(e, st->b, &kc) : 0;
    if (st->op != IR_ADD || st->block != b || st->a != k || !kc || !power_of_two(s, &L->shift) || s > 1024)
        return false;
    for (uint32_t i = 0; i < bb->nins; i++) {
        int32_t w = bb->ins[i];
        IrOp op = (IrOp)I(e, w)->op;
        if (i + 1 == bb->nins ? op != IR_JMP : (op == IR_JMP || op == IR_BR || op == IR_RET))
            return false;
        if (e->fail_label[w] || op == IR_CALL || op == IR_CALLRT || op == IR_NEWBYTES || op == IR_VSTQ ||
            (ir_opinfo[op].flags & IR_FAILS))
            return false;
    }
    L->body = b, L->phi = k, L->lim = c->b, L->step_ins = kn;
    /* the counter's step can go before the loop when nothing else in B
     * reads k or k + s and both live in one register */
    const RegaLoc *lk = &e->ra.loc[k], *ln = &e->ra.loc[kn];
    L->elide = lk->kind == LOC_REG && ln->kind == LOC_REG && lk->reg == ln->reg;
    for (uint32_t i = 0; i < bb->nins && L->elide; i++) {
        int32_t w = bb->ins[i];
        if ((w != kn && reads(e, w, k)) || reads(e, w, kn))
            L->elide = false;
    }
    for (uint32_t i = 0; i + 2 < hb->nins && L->elide; i++) /* the back edge's other phis */
        if (hb->ins[i] != k && ir->lists[I(e, hb->ins[i])->list + (int32_t)from_b] == kn)
            L->elide = false;
    hw_fuse_of(e, h, L);
    return true;
}

/* Is a label bound at the current end of the code (a branch's target)? */
static bool label_here(const RvAsm *a)
{
    for (uint32_t i = 0; i < a->nlabels; i++)
        if (a->labels[i] == (uint32_t)a->len)
            return true;
    return false;
}

/* Emits B's instructions and its phi moves back to H; with `hw`, none
 * compressed and a last instruction a hardware loop can end on. */
static void hw_body(Emit *e, int32_t h, const HwLoop *L, bool hw)
{
    RvAsm *a = &e->a;
    bool rvc = a->rvc;
    a->rvc = rvc && !hw; /* every instruction 4 bytes: the last one must be */
    size_t start = a->len;
    const IrBlock *bb = &e->ir->blocks[L->body];
    for (uint32_t i = 0; i + 1 < bb->nins; i++)
        emit_ins(e, bb->ins[i], -1);
    phi_moves(e, L->body, h);
    uint32_t last = 0;
    if (a->len >= start + 4 && a->len <= a->cap)
        memcpy(&last, a->code + a->len - 4, 4);
    uint32_t opc = last & 0x7f; /* branch, jal, jalr, esp.lp.*: not the last instruction */
    if (hw && (a->len < start + 4 || opc == 0x63 || opc == 0x6f || opc == 0x67 || opc == 0x2b || label_here(a)))
        ins(e, RV_ADDI, ZERO, ZERO, 0, 0);
    a->rvc = rvc;
}

/* Block b, or the block it only jumps to (no moves: no phis there). */
static int32_t through(Emit *e, int32_t b)
{
    for (int n = 0; n < 4; n++) {
        const IrBlock *bl = &e->ir->blocks[b];
        if (bl->nins != 1 || I(e, bl->ins[0])->op != IR_JMP || b == e->tested_block)
            break;
        const IrBlock *to = &e->ir->blocks[bl->succ[0]];
        if (to->nins && I(e, to->ins[0])->op == IR_PHI)
            break;
        b = bl->succ[0];
    }
    return b;
}

/* After a hardware loop, the way on to H's exit X (k >= lim), the block
 * `next` laid out after it. When X is a lone compare-branch (no phi, no
 * other instruction: a 16-tap loop's scalar-tail guard, k < K, at every
 * output vector), its test is made here instead of a jump to it: a taken
 * branch to X's second successor (predicted once the BHT has seen it: one
 * modelled cycle) and a jump to its first, or one branch when a successor
 * comes next, not a jump, X's branch and often X's jump (5 cycles). The
 * operands are where X reads them (one location per value), and an edge
 * from a branch carries no moves (phis' edges are split). */
static void hw_exit(Emit *e, int32_t x, int32_t next)
{
    const IrBlock *xb = &e->ir->blocks[x];
    const IrIns *c = xb->nins == 2 ? I(e, xb->ins[0]) : NULL, *br = c ? I(e, xb->ins[1]) : NULL;
    if (!c || c->op != IR_CMP || br->op != IR_BR || br->a != xb->ins[0] || !e->fused[br->a] ||
        x == e->tested_block || xb->nsucc != 2) {
        rv_asm_jump(&e->a, ZERO, e->block_label[x]);
        return;
    }
    int32_t t = through(e, xb->succ[0]), f = through(e, xb->succ[1]);
    IrCond cc = (IrCond)c->aux;
    unsigned ra = xuse(e, c->a, T0), rb = xuse(e, c->b, T1);
    if (f == next)
        branch_on(e, cc, ra, rb, e->block_label[t]);
    else {
        branch_on(e, negate(cc), ra, rb, e->block_label[f]);
        if (t != next)
            rv_asm_jump(&e->a, ZERO, e->block_label[t]);
    }
}

/* B, entered from H's test (k < lim), in place of its branch loop (see
 * above); instead of B's jump back to H, the way to H's exit (k >= lim:
 * hw_exit). */
static void hw_loop(Emit *e, int32_t h, const HwLoop *L, int32_t next)
{
    RvAsm *a = &e->a;
    const IrBlock *hb = &e->ir->blocks[h];
    uint32_t end = rv_asm_new_label(a), body = rv_asm_new_label(a), multi = rv_asm_new_label(a);
    uint32_t exit = e->block_label[hb->succ[1]];
    unsigned rk = xuse(e, L->phi, T0), rl = xuse(e, L->lim, T1);
    int32_t s = 1 << L->shift;
    bool fuse = L->fuse >= 0;
    /* k1 = k + s is the value B's own step makes (a plain add: it fits);
     * n = 1 when k1 >= lim. With B's step elided, k1 goes to k's register
     * at once (B, entered straight or as the copy, does not make it), so
     * that n = 1 costs the add and the branch, as the branch loop's test
     * did - except for pipelined lanes (dot products: n = 1 is rare),
     * whose copy makes its step and whose set-up is one instruction
     * shorter. lim - k (exact as an unsigned number: k < lim) is taken
     * before k changes when nothing is between (no copy). A VMACN's fused
     * taps have no copy: n = 1 enters the pipelined B after the preload of
     * q2, its last tap's load wasted (2 cycles; the copy would be 33
     * instructions). */
    bool copy1 = fuse && !L->fuse_taps;
    bool k1_in_k = L->elide && (!copy1 || L->fuse_bc);
    bool lim_k_first = k1_in_k && !copy1;
    unsigned k1 = k1_in_k ? rk : T3;
    if (lim_k_first)
        ins(e, RV_SUB, T2, rl, rk, 0);
    ins(e, RV_ADDI, k1, rk, 0, s);
    e->hw_skip = k1_in_k ? L->step_ins : -1;
    if (copy1) { /* n = 1: B once, unpipelined (a copy), then out */
        rv_asm_branch(a, RV_BLT, k1, rl, multi);
        hw_body(e, h, L, false);
        rv_asm_jump(a, ZERO, exit);
        rv_asm_bind(a, multi);
    } else { /* n = 1: straight into B, no set-up */
        if (fuse) { /* the first 16 broadcast elements of the VMACN's taps, into q2 */
            RvInsn l = pie_ins(RV_ESP_VLD_128_IP);
            l.qu = 2, l.rs1 = (uint8_t)e->ra.loc[I(e, L->fuse)->a].reg, l.imm = 16;
            rv_asm_emit(a, &l);
        }
        rv_asm_branch(a, RV_BGE, k1, rl, body);
    }
    if (!lim_k_first) { /* T2 = lim - k */
        ins(e, RV_SUB, T2, rl, rk, 0);
        if (k1_in_k)
            ins(e, RV_ADDI, T2, T2, 0, s); /* (k's register holds k1) */
    }
    if (L->shift) { /* n = ((lim - k - 1) >> log2(s)) + 1, exact unsigned */
        ins(e, RV_ADDI, T2, T2, 0, -1);
        ins(e, RV_SRLI, T2, T2, 0, (int32_t)L->shift);
        ins(e, RV_ADDI, T2, T2, 0, 1);
    }
    if (L->elide) { /* k = its value after n steps */
        if (!L->shift && k1_in_k)
            rv_asm_mv(a, rk, rl); /* = lim */
        else if (!L->shift)
            ins(e, RV_ADD, rk, rk, T2, 0);
        else {
            ins(e, RV_SLLI, T3, T2, 0, (int32_t)L->shift);
            ins(e, RV_ADD, rk, rk, T3, 0);
            if (k1_in_k)
                ins(e, RV_ADDI, rk, rk, 0, -s);
        }
        e->hw_skip = L->step_ins;
    }
    if (fuse && L->fuse_taps) /* (q2 loaded above) */
        e->hw_fuse = L->fuse, e->hw_fuse_taps = true;
    else if (fuse) { /* the first operand of the pipelined multiply */
        const IrIns *m = I(e, L->fuse);
        RvInsn l = pie_ins(L->fuse_bc ? RV_ESP_VLDBC_8_IP : RV_ESP_VLD_128_IP);
        l.qu = L->fuse_bc ? 0 : 1, l.rs1 = (uint8_t)e->ra.loc[L->fuse_bc ? m->a : m->b].reg;
        l.imm = L->fuse_bc ? 1 : 16;
        rv_asm_emit(a, &l);
        if (m->aux & 4) { /* a row pair: QACC's row's first lanes too, into q2 */
            l.qu = 2, l.rs1 = (uint8_t)e->ra.loc[m->c].reg;
            if (L->fuse_t4) { /* (its register stays behind: c is dead after the loop) */
                rv_asm_mv(a, T4, l.rs1);
                l.rs1 = T4;
            }
            rv_asm_emit(a, &l);
        }
        e->hw_fuse = L->fuse, e->hw_fuse_bc = L->fuse_bc, e->hw_fuse_t4 = L->fuse_t4;
    }
    rv_asm_lp_setup(a, 0, T2, end);
    rv_asm_bind(a, body);
    hw_body(e, h, L, true);
    rv_asm_bind(a, end);
    e->hw_skip = e->hw_fuse = -1;
    e->hw_fuse_t4 = e->hw_fuse_taps = false;
    e->hwloops++;
    if (e->spec->nhw < JIT_MAX_HWNOTES) { /* --jit-report (report.c) */
        JitHwNote *n = &e->spec->hw[e->spec->nhw];
        const IrBlock *bb = &e->ir->blocks[L->body];
        bool panel = false; /* taps on a packed panel: each tap's load fused (emit_panel_taps) */
        n->pc = hb->bc_start, n->pie = false;
        for (uint32_t i = 0; i < bb->nins; i++) {
            const IrIns *in = I(e, bb->ins[i]);
            IrOp op = (IrOp)in->op;
            bool kc;
            n->pie |= op == IR_VMAC || op == IR_VMACN || op == IR_VSTQ || op == IR_EWLD || op == IR_EWST ||
                      op == IR_EWOP;
            panel |= op == IR_VMACN && const_of(e, in->c, &kc) == 16 && kc;
        }
        n->fuse = L->fuse < 0 ? (panel ? JIT_HW_VSMULAS_LD_INCP : JIT_HW_NOFUSE)
                  : L->fuse_taps ? JIT_HW_VSMULAS_LD_INCP : L->fuse_bc ? JIT_HW_LDBC_INCP
                  : I(e, L->fuse)->aux & 8 ? JIT_HW_XACC16_LD_IP
                  : I(e, L->fuse)->aux & 2 ? JIT_HW_XACC_LD_IP : JIT_HW_QACC_LD_IP;
    }
    e->spec->nhw++;
    hw_exit(e, hb->succ[1], next); /* k >= lim now */
}

/* A VMACN's taps over a packed panel (vector_panel.c: each tap's 16 lanes
 * right after the last's, at walk): the first lanes loaded, then every tap
 * but the last loads the next tap's lanes in its multiply
 * (esp.vsmulas.s8.qacc.ld.incp, walk += 16: one 3-cycle load a tap in
 * p4sim's model instead of a load and a MAC, 4), into q1 and q3 in turn;
 * the last tap loads the next 16 broadcast elements at pa into q2 when
 * hw_loop pipelines them (pa not 0), as the unpacked taps' last. The
 * walk ends 16 * taps further, as the unpacked taps' post-increments. */
static void emit_panel_taps(Emit *e, unsigned taps, unsigned walk, unsigned pa)
{
    RvInsn ld = pie_ins(RV_ESP_VLD_128_IP);
    ld.qu = 1, ld.rs1 = (uint8_t)walk, ld.imm = 16;
    rv_asm_emit(&e->a, &ld);
    for (unsigned t = 0; t < taps; t++) {
        unsigned cur = t % 2 ? 3 : 1;
        RvInsn m = pie_ins(RV_ESP_VSMULAS_S8_QACC);
        if (t + 1 < taps)
            m = pie_ins(RV_ESP_VSMULAS_S8_QACC_LD_INCP), m.qu = (uint8_t)(4 - cur), m.rs1 = (uint8_t)walk;
        else if (pa)
            m = pie_ins(RV_ESP_VSMULAS_S8_QACC_LD_INCP), m.qu = 2, m.rs1 = (uint8_t)pa;
        m.qx = (uint8_t)cur, m.qy = 2, m.sel = (uint8_t)t;
        rv_asm_emit(&e->a, &m);
    }
}

/* VMACN v's 16 taps step pointer b by c each (esp.vld.128.xp): when the
 * next reader of b in the block is `b' = b + c*16` in b's own register
 * (vector_taps.c's qb: b dies there), the taps walk b's register and that
 * add is not emitted (a copy, a spilled step reloaded and an add saved per
 * 16 taps). */
static bool taps_walk_in_place(Emit *e, int32_t v, unsigned reg)
{
    const IrIns *m = I(e, v);
    const RegaLoc *lp = &e->ra.loc[m->b];
    if (m->aux != 16 || lp->kind != LOC_REG || lp->reg != reg || m->a == m->b || m->c == m->b)
        return false;
    const IrBlock *b = &e->ir->blocks[m->block];
    uint32_t j = 0;
    while (j < b->nins && b->ins[j] != v)
        j++;
    for (j++; j < b->nins; j++) {
        int32_t w = b->ins[j];
        if (!reads(e, w, m->b))
            continue;
        const IrIns *u = I(e, w);
        const RegaLoc *lq = &e->ra.loc[w];
        if (u->op != IR_ADD || (u->a != m->b && u->b != m->b) || u->a == u->b || lq->kind != LOC_REG ||
            lq->reg != reg)
            return false;
        int32_t by = u->a == m->b ? u->b : u->a; /* b + 16c, either order */
        bool kc, kj;
        int32_t c = const_of(e, m->c, &kc), jmp = const_of(e, by, &kj);
        const IrIns *mul = I(e, by);
        bool sixteen = (kc && kj && (int64_t)jmp == (int64_t)c * 16) ||
                       (mul->op == IR_MUL && ((mul->a == m->c && const_of(e, mul->b, &kj) == 16 && kj) ||
                                              (mul->b == m->c && const_of(e, mul->a, &kj) == 16 && kj)));
        if (!sixteen)
            return false;
        e->stepped[w] = 1;
        return true;
    }
    return false;
}

static void emit_ins(Emit *e, int32_t v, int32_t next_block)
{
    IrIns *in = I(e, v);
    unsigned rd, ra;
    if (e->stepped[v] || v == e->hw_skip) /* done by a PIE load's post-increment, or by hw_loop */
        return;
    if (e->js->cfg.deopt_stress && e->fail_label[v] && e->js->sites[e->site_of[v]].dmap && in->op != IR_CALL)
        deopt_stress(e, v);
    switch ((IrOp)in->op) {
    case IR_NOP: case IR_PARAM: case IR_PHI: case IR_UNDEF:
        break;
    case IR_CONST:
        if (in->type == TY_FLOAT && e->ra.loc[v].kind != LOC_NONE) {
            uint32_t bits;
            memcpy(&bits, &in->k.f, 4);
            rd = fdef(e, v);
            rv_asm_li(&e->a, T3, (int32_t)bits);
            ins(e, RV_FMV_W_X, rd, T3, 0, 0);
            fdone(e, v, rd);
        }
        break;
    case IR_COPY:
        if (in->type == TY_FLOAT) {
            rd = fdef(e, v);
            ra = fuse_(e, in->a, FT0);
            ins(e, RV_FSGNJ_S, rd, ra, ra, 0);
            fdone(e, v, rd);
        } else {
            rd = xdef(e, v);
            ins(e, RV_ADDI, rd, xuse(e, in->a, T0), 0, 0);
            xdone(e, v, rd);
        }
        break;
    case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR: case IR_SHL: case IR_SHR:
    case IR_ADDO: case IR_SUBO: case IR_MULO: case IR_FLOORDIV: case IR_MOD: case IR_SHLO: case IR_SHRO:
        emit_int_binop(e, v);
        break;
    case IR_NOT:
        rd = xdef(e, v);
        ins(e, RV_XORI, rd, xuse(e, in->a, T0), 0, -1);
        xdone(e, v, rd);
        break;
    case IR_NEGO: case IR_ABSO:
        rd = xdef(e, v);
        ra = xuse(e, in->a, T0);
        ins(e, RV_LUI, T3, 0, 0, 0x80000);
        fail_if(e, RV_BEQ, ra, T3, v); /* -INT_MIN does not fit */
        if (in->op == IR_NEGO)
            ins(e, RV_SUB, rd, ZERO, ra, 0);
        else {
            ins(e, RV_SRAI, T3, ra, 0, 31);
            ins(e, RV_XOR, rd, ra, T3, 0);
            ins(e, RV_SUB, rd, rd, T3, 0);
        }
        xdone(e, v, rd);
        break;
    case IR_CMP: {
        if (e->fused[v])
            break;
        bool kb;
        int32_t k = const_of(e, in->b, &kb);
        rd = xdef(e, v);
        ra = xuse(e, in->a, T0);
        if (kb && in->aux == CC_LT && fits12(k))
            ins(e, RV_SLTI, rd, ra, 0, k);
        else
            cmp_value(e, (IrCond)in->aux, rd, ra, xuse(e, in->b, T1));
        xdone(e, v, rd);
        break;
    }
    case IR_FCMP: {
        unsigned fa = fuse_(e, in->a, FT0), fb = fuse_(e, in->b, FT1);
        rd = xdef(e, v);
        switch ((IrCond)in->aux) {
        case CC_EQ: ins(e, RV_FEQ_S, rd, fa, fb, 0); break;
        case CC_NE: ins(e, RV_FEQ_S, rd, fa, fb, 0); ins(e, RV_XORI, rd, rd, 0, 1); break;
        case CC_LT: ins(e, RV_FLT_S, rd, fa, fb, 0); break;
        case CC_LE: ins(e, RV_FLE_S, rd, fa, fb, 0); break;
        case CC_GT: ins(e, RV_FLT_S, rd, fb, fa, 0); break;
        default: ins(e, RV_FLE_S, rd, fb, fa, 0); break;
        }
        xdone(e, v, rd);
        break;
    }
    case IR_CMPIF: {
        /* int i against float f exactly (the interpreter compares both as
         * doubles). r = (float)i rounds to nearest, so r < f means i < f and
         * r > f means i > f; when r == f, f is integral and fcvt.w.s gives it
         * exactly, except 2**31, which saturates to INT32_MAX (which no float
         * equals): then i < f. NaN: only != holds. */
        unsigned ri = xuse(e, in->a, T0), fb = fuse_(e, in->b, FT1);
        uint32_t decided = rv_asm_new_label(&e->a), unordered = rv_asm_new_label(&e->a);
        uint32_t done = rv_asm_new_label(&e->a);
        ins(e, RV_FCVT_S_W, FT0, ri, 0, 0);
        ins(e, RV_FLT_S, T3, FT0, fb, 0);
        ins(e, RV_FLT_S, T4, fb, FT0, 0);
        ins(e, RV_OR, T2, T3, T4, 0);
        rv_asm_branch(&e->a, RV_BNE, T2, ZERO, decided);
        ins(e, RV_FEQ_S, T2, fb, fb, 0);
        rv_asm_branch(&e->a, RV_BEQ, T2, ZERO, unordered);
        ins(e, RV_FCVT_W_S, T2, fb, 0, 0);
        ins(e, RV_SLT, T3, ri, T2, 0);
        ins(e, RV_SLT, T4, T2, ri, 0);
        rv_asm_li(&e->a, T1, INT32_MAX);
        rv_asm_branch(&e->a, RV_BNE, T2, T1, decided);
        ins(e, RV_ADDI, T3, ZERO, 0, 1);
        ins(e, RV_ADDI, T4, ZERO, 0, 0);
        rv_asm_bind(&e->a, decided); /* T3: i < f, T4: i > f, ordered */
        rd = xdef(e, v);
        switch ((IrCond)in->aux) {
        case CC_LT: ins(e, RV_ADDI, rd, T3, 0, 0); break;
        case CC_GT: ins(e, RV_ADDI, rd, T4, 0, 0); break;
        case CC_LE: ins(e, RV_XORI, rd, T4, 0, 1); break;
        case CC_GE: ins(e, RV_XORI, rd, T3, 0, 1); break;
        case CC_EQ: ins(e, RV_OR, rd, T3, T4, 0); ins(e, RV_XORI, rd, rd, 0, 1); break;
        default: ins(e, RV_OR, rd, T3, T4, 0); break;
        }
        rv_asm_jump(&e->a, ZERO, done);
        rv_asm_bind(&e->a, unordered);
        ins(e, RV_ADDI, rd, ZERO, 0, in->aux == CC_NE);
        rv_asm_bind(&e->a, done);
        xdone(e, v, rd);
        break;
    }
    case IR_SELECT: {
        uint32_t yes = rv_asm_new_label(&e->a), done = rv_asm_new_label(&e->a);
        unsigned c = xuse(e, in->a, T2);
        rv_asm_branch(&e->a, RV_BNE, c, ZERO, yes);
        for (int pass = 0; pass < 2; pass++) {
            int32_t src = pass == 0 ? in->c : in->b;
            if (in->type == TY_FLOAT) {
                rd = fdef(e, v);
                ra = fuse_(e, src, FT0);
                ins(e, RV_FSGNJ_S, rd, ra, ra, 0);
                fdone(e, v, rd);
            } else {
                rd = xdef(e, v);
                ins(e, RV_ADDI, rd, xuse(e, src, T0), 0, 0);
                xdone(e, v, rd);
            }
            if (pass == 0) {
                rv_asm_jump(&e->a, ZERO, done);
                rv_asm_bind(&e->a, yes);
            }
        }
        rv_asm_bind(&e->a, done);
        break;
    }
    case IR_FADD: case IR_FSUB: case IR_FMUL: case IR_FDIV: case IR_FNEG: case IR_FABS: case IR_FSQRT:
        emit_float_op(e, v);
        break;
    case IR_ITOF:
        rd = fdef(e, v);
        ins(e, RV_FCVT_S_W, rd, xuse(e, in->a, T0), 0, 0);
        fdone(e, v, rd);
        break;
    case IR_FTOI:
        ra = fuse_(e, in->a, FT0);
        rd = xdef(e, v);
        csr(e, RV_CSRRWI, ZERO, 0, 0x001);          /* clear fflags */
        ins(e, RV_FCVT_W_S, rd, ra, 0, 0);           /* truncates */
        csr(e, RV_CSRRS, T3, ZERO, 0x001);
        ins(e, RV_ANDI, T3, T3, 0, 0x10);            /* NV: NaN, infinity or out of range */
        fail_if(e, RV_BNE, T3, ZERO, v);
        xdone(e, v, rd);
        break;
    case IR_CALLRT:
        if (in->aux == H__COUNT) {
            emit_range_len(e, v);
            break;
        }
        {
            bool xargs = ir_helper_int_args(in->aux); /* objcall.c's helpers take words in a0, a1 */
            Move m[2] = {{{LOC_REG, xargs ? 0 : 1, xargs ? A0 : FA0, 0}, loc_of(e, in->a), false, 0},
                         {{LOC_REG, xargs ? 0 : 1, xargs ? A0 + 1 : FA0 + 1, 0}, {0, 0, 0, 0}, false, 0}};
            if (in->b >= 0)
                m[1].src = loc_of(e, in->b);
            parallel_move(e, m, in->b >= 0 ? 2 : 1);
            rv_asm_call(&e->a, (uint32_t)(uintptr_t)helper_fn[in->aux]);
            if (in->type == TY_FLOAT) {
                rd = fdef(e, v);
                ins(e, RV_FSGNJ_S, rd, FA0, FA0, 0);
                fdone(e, v, rd);
            } else { /* a helper answering with an int (FPOWBAD) */
                rd = xdef(e, v);
                ins(e, RV_ADDI, rd, A0, 0, 0);
                xdone(e, v, rd);
            }
        }
        break;
    case IR_NEWBYTES: { /* a runtime call; 0 back: it raised, unwind as a failed call does */
        Move m = {{LOC_REG, 0, A0, 0}, loc_of(e, in->a), false, 0};
        parallel_move(e, &m, 1);
        rv_asm_call(&e->a, (uint32_t)(uintptr_t)jit_rt_bytearray);
        rv_asm_branch(&e->a, RV_BEQ, A0, ZERO, e->fail_label[v] + 1);
        rd = xdef(e, v);
        ins(e, RV_ADDI, rd, A0, 0, 0);
        xdone(e, v, rd);
        break;
    }
    case IR_ALEN: case IR_ADATA:
        rd = xdef(e, v);
        ins(e, RV_LW, rd, xuse(e, in->a, T0), 0, in->op == IR_ALEN ? ARRAY_LEN_OFF : ARRAY_DATA_OFF);
        xdone(e, v, rd);
        break;
    case IR_INDEX: {
        /* i < 0 counts from the end; then 0 <= i < len, one unsigned compare */
        unsigned rl = xuse(e, in->a, T0);
        ra = xuse(e, in->b, T1);
        rd = xdef(e, v);
        ins(e, RV_SRAI, T3, ra, 0, 31);
        ins(e, RV_AND, T3, T3, rl, 0);
        ins(e, RV_ADD, rd, ra, T3, 0);
        fail_if(e, RV_BGEU, rd, rl, v);
        xdone(e, v, rd);
        break;
    }
    case IR_OVF: { /* the failure condition of a checked op, as a value (non-zero: it fails) */
        unsigned ra = xuse(e, in->a, T0), rd = xdef(e, v), rb;
        switch (in->aux) {
        case IR_ADDO: case IR_SUBO: /* the sign of the result against the operand's */
            if (I(e, in->b)->op == IR_CONST && I(e, in->b)->type != TY_FLOAT) {
                /* a + k overflows when a > INT32_MAX - k (k > 0) or a < INT32_MIN - k
                 * (k < 0); a - k is a + (-k) */
                int64_t k = I(e, in->b)->k.i;
                if (in->aux == IR_SUBO)
                    k = -k;
                if (k == 0) {
                    ins(e, RV_ADDI, rd, ZERO, 0, 0);
                    break;
                }
                if (k > INT32_MAX) { /* a - INT32_MIN = a + 2**31: overflows when a >= 0 */
                    ins(e, RV_SLT, rd, ra, ZERO, 0);
                    ins(e, RV_XORI, rd, rd, 0, 1);
                    break;
                }
                rv_asm_li(&e->a, T3, (int32_t)(k > 0 ? INT32_MAX - k : INT32_MIN - k));
                if (k > 0)
                    ins(e, RV_SLT, rd, T3, ra, 0);
                else
                    ins(e, RV_SLT, rd, ra, T3, 0);
                break;
            }
            rb = xuse(e, in->b, T1);
            ins(e, in->aux == IR_ADDO ? RV_ADD : RV_SUB, T3, ra, rb, 0);
            ins(e, RV_SLT, T3, T3, ra, 0);
            ins(e, RV_SLT, T4, in->aux == IR_ADDO ? rb : ZERO, in->aux == IR_ADDO ? ZERO : rb, 0);
            ins(e, RV_XOR, rd, T3, T4, 0);
            break;
        case IR_MULO: /* the high word is not the low word's sign */
            rb = xuse(e, in->b, T1);
            ins(e, RV_MUL, T3, ra, rb, 0);
            ins(e, RV_SRAI, T3, T3, 0, 31);
            ins(e, RV_MULH, T4, ra, rb, 0);
            ins(e, RV_XOR, rd, T3, T4, 0);
            break;
        default: /* BOUND: a = len, b = index >= 0 */
            rb = xuse(e, in->b, T1);
            ins(e, RV_SLTU, rd, rb, ra, 0);
            ins(e, RV_XORI, rd, rd, 0, 1);
            break;
        }
        xdone(e, v, rd);
        break;
    }
    case IR_CHECK:
        fail_if(e, RV_BNE, xuse(e, in->a, T0), ZERO, v);
        break;
    case IR_BOUND: /* the index is known not to be negative: one unsigned compare */
        fail_if(e, RV_BGEU, xuse(e, in->b, T1), xuse(e, in->a, T0), v);
        break;
    case IR_ALOAD: {
        int32_t off;
        unsigned base = elem_addr(e, in->a, in->b, in->aux, &off);
        if (in->type == TY_FLOAT) {
            rd = fdef(e, v);
            ins(e, RV_FLW, rd, base, 0, off);
            fdone(e, v, rd);
        } else {
            rd = xdef(e, v);
            ins(e, ir_is_list(in->aux) ? RV_LW : load_op(in->aux), rd, base, 0, off);
            xdone(e, v, rd);
        }
        break;
    }
    case IR_ASTORE: {
        uint8_t tc = in->aux;
        if (tc == 'f' || tc == 'F' || (tc == JIT_TC_WORD && I(e, in->c)->type == TY_FLOAT)) { /* (a float payload) */
            unsigned fv = fuse_(e, in->c, FT0);
            int32_t off;
            unsigned base = elem_addr(e, in->a, in->b, tc, &off);
            ins(e, RV_FSW, 0, base, fv, off);
            break;
        }
        unsigned rv = xuse(e, in->c, T2);
        /* the element's range: the interpreter raises OverflowError/ValueError */
        switch (tc) {
        case 'b': ins(e, RV_ADDI, T3, rv, 0, 128); ins(e, RV_ADDI, T4, ZERO, 0, 256);
                  fail_if(e, RV_BGEU, T3, T4, v); break;
        case 'B': case 'Y': ins(e, RV_ADDI, T4, ZERO, 0, 256); fail_if(e, RV_BGEU, rv, T4, v); break;
        case 'h': ins(e, RV_LUI, T3, 0, 0, 8); ins(e, RV_ADD, T3, rv, T3, 0); ins(e, RV_LUI, T4, 0, 0, 16);
                  fail_if(e, RV_BGEU, T3, T4, v); break;
        case 'H': ins(e, RV_LUI, T4, 0, 0, 16); fail_if(e, RV_BGEU, rv, T4, v); break;
        case 'I': fail_if(e, RV_BLT, rv, ZERO, v); break;
        default: break;
        }
        int32_t off;
        unsigned base = elem_addr(e, in->a, in->b, tc, &off);
        unsigned sh = ir_elem_shift(tc);
        ins(e, sh == 0 ? RV_SB : sh == 1 ? RV_SH : RV_SW, 0, base, rv, off);
        break;
    }
    case IR_VCFG: { /* CFG |= 3: unaligned 128-bit loads and stores */
        RvInsn r = pie_ins(RV_ESP_MOVX_R_CFG), w = pie_ins(RV_ESP_MOVX_W_CFG);
        r.rd = T3, w.rs1 = T3;
        rv_asm_emit(&e->a, &r);
        ins(e, RV_ORI, T3, T3, 0, 3);
        rv_asm_emit(&e->a, &w);
        break;
    }
    case IR_VZERO: {
        RvInsn z = pie_ins(in->aux ? RV_ESP_ZERO_XACC : RV_ESP_ZERO_QACC);
        rv_asm_emit(&e->a, &z);
        break;
    }
    case IR_VMAC: { /* q0 = A, q1 = b[0..15], QACC += q0 * q1 (rev 3: sat 0, wrapping; rev 1 has no field);
                       aux 4 (a row pair, vector.c): also q2 = c[0..15], QACC += q0 * q2 beside XACC's a * b */
        if (in->aux & 4) {
            emit_row_pair(e, v, in);
            break;
        }
        unsigned pa = xuse_pie(e, in->a, T3), pb = xuse_pie(e, in->b, T4);
        RvInsn la = pie_ins(in->aux & 1 ? RV_ESP_VLD_128_IP : RV_ESP_VLDBC_8_IP), lb = pie_ins(RV_ESP_VLD_128_IP);
        bool s16 = in->aux & 8; /* int16 lanes (vector_dot16.c): 8 products into XACC */
        RvInsn mac = pie_ins(s16 ? RV_ESP_VMULAS_S16_XACC : in->aux & 2 ? RV_ESP_VMULAS_S8_XACC : RV_ESP_VMULAS_S8_QACC);
        la.qu = 0, la.rs1 = (uint8_t)pa; /* post-increment: 0 (the pointer stays) or its next step */
        lb.qu = 1, lb.rs1 = (uint8_t)pb;
        unsigned sa = 0, sb = 0;
        la.imm = post_step(e, v, in->a, pa, in->aux & 1 ? 4 : 0, in->aux & 1 ? &sa : NULL);
        lb.imm = post_step(e, v, in->b, pb, 4, &sb);
        if (sa) /* the lanes' pointer steps by a register (a row's length) */
            la.op = RV_ESP_VLD_128_XP, la.rs2 = (uint8_t)sa, la.imm = 0;
        if (sb)
            lb.op = RV_ESP_VLD_128_XP, lb.rs2 = (uint8_t)sb, lb.imm = 0;
        mac.qx = 0, mac.qy = 1;
        if (v == e->hw_fuse) { /* software-pipelined in a hardware loop (hw_loop loaded the first) */
            RvInsn f = pie_ins(e->hw_fuse_bc ? RV_ESP_VMULAS_S8_QACC_LDBC_INCP
                               : s16        ? RV_ESP_VMULAS_S16_XACC_LD_IP
                               : in->aux & 2 ? RV_ESP_VMULAS_S8_XACC_LD_IP : RV_ESP_VMULAS_S8_QACC_LD_IP);
            f.qx = 0, f.qy = 1;
            if (e->hw_fuse_bc) /* the MAC, then q0 = the next element (a += 1) */
                f.qu = 0, f.rs1 = (uint8_t)pa;
            else /* the MAC, then q1 = the next 16 of b (b += 16) */
                f.qu = 1, f.rs1 = (uint8_t)pb, f.imm = 16;
            rv_asm_emit(&e->a, e->hw_fuse_bc ? &lb : &la);
            rv_asm_emit(&e->a, &f);
            break;
        }
        rv_asm_emit(&e->a, &la);
        rv_asm_emit(&e->a, &lb);
        rv_asm_emit(&e->a, &mac);
        break;
    }
    case IR_VMACN: { /* q2 = 16 int8 at a (aux of them used); per tap t: q1 = 16 int8 at b,
                        b += c (a copy in t4 walks), QACC += q1 * lane t of q2 (vsmulas) */
        RvInsn l = pie_ins(RV_ESP_VLD_128_IP);
        unsigned pa = xuse_pie(e, in->a, T3);
        bool piped = v == e->hw_fuse && e->hw_fuse_taps; /* q2 loaded by hw_loop or the last tap */
        l.qu = 2, l.rs1 = (uint8_t)pa;
        l.imm = post_step(e, v, in->a, pa, 4, NULL); /* a += 16 after the load (vector_taps.c's qa) */
        if (!piped)
            rv_asm_emit(&e->a, &l);
        unsigned pb = xuse_pie(e, in->b, T4), walk = T4;
        if (taps_walk_in_place(e, v, pb))
            walk = pb; /* the taps' post-increments make b + 16 * c themselves */
        else if (pb != T4)
            rv_asm_mv(&e->a, T4, pb);
        bool kc;
        if (const_of(e, in->c, &kc) == 16 && kc) { /* a packed panel (vector_panel.c): the lanes
                                                       16 bytes apart, each tap's load fused */
            emit_panel_taps(e, in->aux, walk, piped ? pa : 0);
            break;
        }
        unsigned step = xuse_pie(e, in->c, T3);
        for (unsigned t = 0; t < in->aux; t++) {
            RvInsn ld = pie_ins(RV_ESP_VLD_128_XP), m = pie_ins(RV_ESP_VSMULAS_S8_QACC);
            ld.qu = 1, ld.rs1 = (uint8_t)walk, ld.rs2 = (uint8_t)step;
            if (piped && t + 1 == in->aux) /* the MAC, then q2 = the next 16 at a (a += 16) */
                m = pie_ins(RV_ESP_VSMULAS_S8_QACC_LD_INCP), m.qu = 2, m.rs1 = (uint8_t)pa;
            m.qx = 1, m.qy = 2, m.sel = (uint8_t)t;
            rv_asm_emit(&e->a, &ld);
            rv_asm_emit(&e->a, &m);
        }
        break;
    }
    case IR_VXACC: { /* PIE writes x8-x15, x24-x31 only: through t3 */
        RvInsn r = pie_ins(RV_ESP_MOVX_R_XACC_L);
        unsigned rd = xdef(e, v);
        if (in->aux == 2) /* XACC's bits 39..32, sign-extended (an int16 dot product's exit test) */
            r = pie_ins(RV_ESP_MOVX_R_XACC_H);
        else if (in->aux) { /* aux 1: the sum of QACC's 16 int32 lanes (a row pair's second row) */
            qacc_lane_sum(e);
            rv_asm_mv(&e->a, rd, T0);
            xdone(e, v, rd);
            break;
        }
        r.rd = T3;
        rv_asm_emit(&e->a, &r);
        rv_asm_mv(&e->a, rd, T3);
        xdone(e, v, rd);
        break;
    }
    case IR_VSTQ: { /* the 16-byte quarters of QACC in lane order: 4 lanes each, aux lanes;
                       aux 0: b quarters (1 to 4, a register: vector.c's last step), of
                       which the last has c lanes (1 to 4, a register) */
        static const RvOp part[] = {RV_ESP_ST_QACC_L_L_128_IP, RV_ESP_ST_QACC_L_H_128_IP,
                                    RV_ESP_ST_QACC_H_L_128_IP, RV_ESP_ST_QACC_H_H_128_IP};
        uint32_t done = rv_asm_new_label(&e->a), full = rv_asm_new_label(&e->a);
        unsigned pa = xuse(e, in->a, T3);
        if (pa != T3) /* the post-increments walk a copy, not the value's register */
            rv_asm_mv(&e->a, T3, pa);
        if (!in->aux && in->c >= 0) {
            /* a last quarter of fewer than 4 lanes: the words after them are
             * read, the quarter stored, and those words put back (at most 12
             * bytes past the last element stored: in the array, in the next
             * heap block, or in the 16 bytes after the heap; nothing else
             * runs in between) */
            ins(e, RV_ADDI, T4, xuse(e, in->c, T4), 0, -4);
            rv_asm_branch(&e->a, RV_BGE, T4, ZERO, full);
            for (int i = 0; i < 4; i++) {
                uint32_t whole = rv_asm_new_label(&e->a);
                RvInsn st = pie_ins(part[i]);
                st.rs1 = T3;
                if (i < 3) { /* quarter i is the last when nq == i + 1 */
                    ins(e, RV_ADDI, T4, xuse(e, in->b, T4), 0, -(i + 1));
                    rv_asm_branch(&e->a, RV_BNE, T4, ZERO, whole);
                }
                for (unsigned w = 1; w < 4; w++)
                    ins(e, RV_LW, T0 + w - 1, T3, 0, (int32_t)(4 * w));
                st.imm = 0;
                rv_asm_emit(&e->a, &st);
                for (unsigned w = 1; w < 4; w++) {
                    uint32_t keep = rv_asm_new_label(&e->a);
                    ins(e, RV_ADDI, T4, xuse(e, in->c, T4), 0, -(int32_t)(w + 1));
                    rv_asm_branch(&e->a, RV_BGE, T4, ZERO, keep); /* lane w stored: keep it */
                    ins(e, RV_SW, 0, T3, T0 + w - 1, (int32_t)(4 * w));
                    rv_asm_bind(&e->a, keep);
                }
                rv_asm_jump(&e->a, ZERO, done);
                if (i < 3) {
                    rv_asm_bind(&e->a, whole);
                    st.imm = 16;
                    rv_asm_emit(&e->a, &st);
                }
            }
        }
        rv_asm_bind(&e->a, full);
        for (int i = 0; i < 4 && (!in->aux || i < in->aux / 4); i++) {
            if (!in->aux && i > 0) { /* quarter i only when nq > i: T4 = nq - i - 1, nq read once
                                        (a spilled nq was reloaded per quarter: 6 cycles an output vector) */
                if (i == 1)
                    ins(e, RV_ADDI, T4, xuse(e, in->b, T4), 0, -2);
                else
                    ins(e, RV_ADDI, T4, T4, 0, -1);
                rv_asm_branch(&e->a, RV_BLT, T4, ZERO, done);
            }
            RvInsn st = pie_ins(part[i]);
            st.rs1 = T3, st.imm = 16;
            rv_asm_emit(&e->a, &st);
        }
        rv_asm_bind(&e->a, done);
        break;
    }
    case IR_CALL:
        emit_call(e, v);
        break;
    case IR_JMP: {
        IrBlock *b = &e->ir->blocks[in->block];
        int32_t to = b->succ[0];
        phi_moves(e, in->block, to);
        if (to == next_block)
            break;
        /* a jump back to a loop test that is only phis and a compare-branch
         * runs the test here instead (loop inversion): one jump less per
         * iteration, the same instructions on the same registers */
        IrBlock *tb = &e->ir->blocks[to];
        uint32_t nphi = 0;
        while (nphi < tb->nins && I(e, tb->ins[nphi])->op == IR_PHI)
            nphi++;
        if (tb->nins == nphi + 2 && I(e, tb->ins[nphi + 1])->op == IR_BR && e->fused[tb->ins[nphi]] &&
            I(e, tb->ins[nphi + 1])->a == tb->ins[nphi]) {
            emit_branch(e, tb->ins[nphi + 1], -1);
            break;
        }
        rv_asm_jump(&e->a, ZERO, e->block_label[to]);
        break;
    }
    case IR_BR:
        emit_branch(e, v, next_block);
        break;
    case IR_RET:
        if (in->a >= 0) {
            if (I(e, in->a)->type == TY_FLOAT) {
                unsigned r = fuse_(e, in->a, FT0);
                ins(e, RV_FSGNJ_S, FA0, r, r, 0);
            } else {
                unsigned r = xuse(e, in->a, T0);
                if (r != A0)
                    ins(e, RV_ADDI, A0, r, 0, 0);
            }
        }
        if (__builtin_popcountll(e->ra.used_callee) <= 4)
            restore_and_return(e, false); /* a short epilogue: copied, a jump saved */
        else
            rv_asm_jump(&e->a, ZERO, e->ret_label), e->ret_used = true;
        break;
    /* PIE elementwise lanes (elementwise.c): the section at the end of this file */
    case IR_EWLD: case IR_EWST: case IR_EWBC: case IR_EWOP: case IR_EWANY: case IR_EWSAR:
        emit_elementwise(e, v);
        break;
    default:
        break;
    }
}

/* ---- the function ------------------------------------------------------------------------- */

/* Callee-saved registers used, in save order. */
static uint32_t saved_regs(const Emit *e, uint8_t *regs, bool *fp)
{
    uint32_t n = 0;
    for (unsigned r = 0; r < 64; r++)
        if (e->ra.used_callee >> r & 1)
            regs[n] = (uint8_t)(r & 31), fp[n++] = r >= 32;
    return n;
}

/* An early return before the prologue (a simple shrink-wrap): when the
 * function starts by comparing int parameters or constants and one
 * outcome just returns a parameter or a constant (`if n < 2: return n`),
 * that test runs first on the argument registers and the return needs no
 * frame. After the prologue the test's outcome is known: the block keeps
 * its other instructions and jumps to the successor left. */
static void early_return(Emit *e)
{
    Ir *ir = e->ir;
    if (e->norder < 2 || e->order[0] != 0 || ir->blocks[0].nsucc != 1 || ir->blocks[0].succ[0] != e->order[1])
        return;
    const IrBlock *b = &ir->blocks[e->order[1]];
    if (b->nins < 2 || b->nsucc != 2)
        return;
    for (uint32_t i = 0; i + 2 < b->nins; i++)
        if (I(e, b->ins[i])->op != IR_CONST || I(e, b->ins[i])->type == TY_FLOAT)
            return;
    const IrIns *br = I(e, b->ins[b->nins - 1]);
    int32_t c = b->ins[b->nins - 2];
    const IrIns *cmp = I(e, c);
    if (br->op != IR_BR || br->a != c || cmp->op != IR_CMP || !e->fused[c])
        return;
    int32_t taken = -1;
    for (int s = 0; s < 2 && taken < 0; s++) {
        const IrBlock *r = &ir->blocks[b->succ[s]];
        if (r->npreds == 1 && r->nins == 1 && I(e, r->ins[0])->op == IR_RET)
            taken = s;
    }
    if (taken < 0)
        return;
    const IrIns *ret = I(e, ir->blocks[b->succ[taken]].ins[0]);
    /* each operand: an int parameter (its argument register) or an int constant */
    int32_t ops[3] = {cmp->a, cmp->b, ret->a};
    unsigned regs[3] = {ZERO, ZERO, ZERO};
    for (int i = 0; i < 3; i++) {
        if (ops[i] < 0) {
            if (i < 2)
                return;
            continue;
        }
        const IrIns *x = I(e, ops[i]);
        if (x->type == TY_FLOAT || (x->op != IR_PARAM && x->op != IR_CONST))
            return;
        if (x->op == IR_PARAM) {
            unsigned nx = 0; /* its register: int parameters go to a0.. in order */
            for (int32_t p = 0; p < x->k.i; p++)
                nx += e->spec->params[p].ty != TY_FLOAT;
            if (nx > 7)
                return;
            regs[i] = A0 + nx;
        }
    }
    unsigned tmp[2] = {T0, T1};
    for (int i = 0; i < 2; i++)
        if (I(e, ops[i])->op == IR_CONST && I(e, ops[i])->k.i != 0) {
            rv_asm_li(&e->a, tmp[i], I(e, ops[i])->k.i);
            regs[i] = tmp[i];
        }
    uint32_t past = rv_asm_new_label(&e->a);
    IrCond cc = (IrCond)cmp->aux;
    branch_on(e, taken == 0 ? negate(cc) : cc, regs[0], regs[1], past); /* not the short path */
    if (ret->a >= 0 && I(e, ret->a)->op == IR_CONST)
        rv_asm_li(&e->a, A0, I(e, ret->a)->k.i);
    else if (ret->a >= 0 && regs[2] != A0)
        ins(e, RV_ADDI, A0, regs[2], 0, 0);
    ins(e, RV_JALR, ZERO, RA, 0, 4);
    rv_asm_bind(&e->a, past);
    if (b->npreds == 1) { /* entered from block 0 only: the outcome holds */
        e->tested_block = e->order[1];
        e->tested_succ = b->succ[1 - taken];
    }
}

static void prologue(Emit *e)
{
    uint8_t regs[64];
    bool fp[64];
    uint32_t n = saved_regs(e, regs, fp);
    ins(e, RV_ADDI, SP, SP, 0, -(int32_t)e->frame);
    ins(e, RV_SW, 0, SP, RA, (int32_t)e->frame - 4);
    for (uint32_t i = 0; i < n; i++)
        ins(e, fp[i] ? RV_FSW : RV_SW, 0, SP, regs[i], (int32_t)e->frame - 8 - 4 * (int32_t)i);
    if (e->calls)
        ins(e, RV_ADDI, DEPTH, DEPTH, 0, -1);
    /* incoming arguments to their homes */
    Move m[JIT_MAX_PARAMS];
    uint32_t nm = 0;
    unsigned nx = 0, nf = 0;
    IrBlock *b0 = &e->ir->blocks[0];
    int32_t params[JIT_MAX_PARAMS];
    for (uint32_t i = 0; i < JIT_MAX_PARAMS; i++)
        params[i] = -1;
    for (uint32_t i = 0; i < b0->nins; i++)
        if (I(e, b0->ins[i])->op == IR_PARAM)
            params[I(e, b0->ins[i])->k.i] = b0->ins[i];
    unsigned ns = 0;
    for (uint32_t i = 0; i < e->spec->nparams; i++) {
        bool isf = e->spec->params[i].ty == TY_FLOAT;
        bool stack = on_stack(&nx, &nf, isf);
        unsigned reg = stack ? 0 : isf ? FA0 + nf - 1 : A0 + nx - 1;
        uint16_t at = (uint16_t)(e->frame / 4 + ns); /* a stack argument: above this frame */
        ns += stack;
        int32_t p = params[i];
        /* an unused parameter's interval ends where it starts, and the next
         * parameter may get its register: moving it there would overwrite
         * that one (a function with 7 arguments, 3 unused, read its last
         * array argument from the wrong register) */
        if (p < 0 || e->ra.loc[p].kind == LOC_NONE || I(e, p)->uses == 0)
            continue;
        m[nm].src = stack ? (MLoc){MLOC_SP, isf, at, 0} : (MLoc){LOC_REG, isf, (uint16_t)reg, 0};
        m[nm].dst = loc_of(e, p);
        m[nm++].done = false;
    }
    parallel_move(e, m, nm);
}

/* Restores the saved registers, pops the frame and returns: past the
 * caller's exception return point, or to it when an exception is raised. */
static void restore_and_return(Emit *e, bool raised)
{
    uint8_t regs[64];
    bool fp[64];
    uint32_t n = saved_regs(e, regs, fp);
    for (uint32_t i = 0; i < n; i++)
        ins(e, fp[i] ? RV_FLW : RV_LW, regs[i], SP, 0, (int32_t)e->frame - 8 - 4 * (int32_t)i);
    if (e->calls)
        ins(e, RV_ADDI, DEPTH, DEPTH, 0, 1);
    ins(e, RV_LW, RA, SP, 0, (int32_t)e->frame - 4);
    ins(e, RV_ADDI, SP, SP, 0, (int32_t)e->frame);
    ins(e, RV_JALR, ZERO, RA, 0, raised ? 0 : 4);
}

static void epilogue(Emit *e)
{
    if (e->ret_used) {
        rv_asm_bind(&e->a, e->ret_label);
        restore_and_return(e, false);
    }
    rv_asm_bind(&e->a, e->err_label);
    restore_and_return(e, true);
}

/* A failure stub's int witnesses (in registers, slots or constants) moved
 * straight into a0.. as one parallel move: one instruction each instead of
 * two through t0..t2 (every stub of every function: the code budget of a
 * model, tests/p4nn/bitexact --budget). False, nothing emitted: a float
 * witness, whose raw bits go through fmv.x.w. */
static bool witnesses_to_args(Emit *e, const IrIns *in)
{
    Move m[3];
    for (int i = 0; i < in->nw; i++) {
        MLoc s = loc_of(e, in->w[i]);
        if (s.fp || (s.kind != LOC_REG && s.kind != LOC_STACK && s.kind != 3))
            return false;
        m[i].src = s;
        m[i].dst = (MLoc){LOC_REG, 0, (uint16_t)(A0 + (unsigned)i), 0};
        m[i].done = false;
    }
    parallel_move(e, m, (uint32_t)in->nw);
    return true;
}

/* Failure stubs: witnesses into a0..a2 (raw bits), the site in a3, then
 * jit_rt_fail makes the exception; a call site's second stub adds this
 * frame to a callee's traceback. */
static void fail_stubs(Emit *e)
{
    for (uint32_t v = 0; v < e->ir->nins; v++) {
        if (!e->fail_label[v])
            continue;
        IrIns *in = I(e, v);
        rv_asm_bind(&e->a, e->fail_label[v]);
        if (e->js->sites[e->site_of[v]].dmap && in->op != IR_CALL) { /* the interpreter takes over (deopt_stub) */
            rv_asm_li(&e->a, T0, (int32_t)e->site_of[v]);
            rv_asm_jump(&e->a, ZERO, e->deopt_label);
            continue;
        }
        if (!witnesses_to_args(e, in)) {
            unsigned tmp[3] = {T0, T1, T2};
            for (int i = 0; i < in->nw; i++) {
                int32_t w = in->w[i];
                if (I(e, w)->type == TY_FLOAT) {
                    unsigned r = fuse_(e, w, FT0);
                    ins(e, RV_FMV_X_W, tmp[i], r, 0, 0);
                } else {
                    unsigned r = xuse(e, w, tmp[i]);
                    if (r != tmp[i])
                        ins(e, RV_ADDI, tmp[i], r, 0, 0);
                }
            }
            for (int i = 0; i < in->nw; i++)
                ins(e, RV_ADDI, A0 + (unsigned)i, tmp[i], 0, 0);
        }
        for (int i = in->nw; i < 3; i++)
            ins(e, RV_ADDI, A0 + (unsigned)i, ZERO, 0, 0);
        rv_asm_li(&e->a, A3, (int32_t)e->site_of[v]);
        rv_asm_call(&e->a, (uint32_t)(uintptr_t)jit_rt_fail);
        rv_asm_jump(&e->a, ZERO, e->err_label);
        if (in->op == IR_CALL || in->op == IR_NEWBYTES) {
            rv_asm_bind(&e->a, e->fail_label[v] + 1);
            rv_asm_li(&e->a, A0, (int32_t)e->site_of[v]);
            rv_asm_call(&e->a, (uint32_t)(uintptr_t)jit_rt_unwind);
            if (e->js->sites[e->site_of[v]].dmap) { /* 0: the callee's result needs the interpreter */
                rv_asm_branch(&e->a, RV_BNE, A0, ZERO, e->err_label);
                rv_asm_li(&e->a, T0, (int32_t)e->site_of[v]);
                rv_asm_jump(&e->a, ZERO, e->deopt_label);
            } else
                rv_asm_jump(&e->a, ZERO, e->err_label);
        }
    }
}

/* Where every guard with a deopt map goes, its site in t0: the registers
 * the maps name are stored below the frame (x r at 4r, f r at 128 + 4r),
 * jit_rt_deopt runs the rest of the function in the interpreter, and its
 * result is returned as this function returns (or its exception raised). */
enum { DEOPT_SAVE = 256 };
static void deopt_stub(Emit *e)
{
    if (!e->deopt_label)
        return;
    rv_asm_bind(&e->a, e->deopt_label);
    e->deopt_regs |= 1ull << DEPTH; /* jit_rt_deopt counts the compiled frames below from it */
    ins(e, RV_ADDI, SP, SP, 0, -DEOPT_SAVE);
    for (unsigned r = 0; r < 64; r++)
        if (e->deopt_regs >> r & 1)
            ins(e, r < 32 ? RV_SW : RV_FSW, 0, SP, r & 31, (int32_t)(4 * r));
    ins(e, RV_ADDI, A0, T0, 0, 0);
    ins(e, RV_ADDI, A1, SP, 0, 0);
    ins(e, RV_ADDI, A2, SP, 0, DEOPT_SAVE);
    rv_asm_call(&e->a, (uint32_t)(uintptr_t)jit_rt_deopt);
    ins(e, RV_ADDI, SP, SP, 0, DEOPT_SAVE);
    rv_asm_branch(&e->a, RV_BNE, A0, ZERO, e->err_label);
    if (e->spec->ret.ty == TY_FLOAT)
        ins(e, RV_FMV_W_X, FA0, A1, 0, 0);
    else
        ins(e, RV_ADDI, A0, A1, 0, 0);
    restore_and_return(e, false);
}

/* int entry(const uint32_t *args, uint32_t *result): 0, or 1 when an
 * exception is pending */
static void entry_stub(Emit *e)
{
    /* the body's stack arguments at sp + 0.. (out bytes), then the stub's
     * own words: CFG, s11, the result's address, ra */
    unsigned nx = 0, nf = 0, ns = 0;
    for (uint32_t i = 0; i < e->spec->nparams; i++)
        ns += on_stack(&nx, &nf, e->spec->params[i].ty == TY_FLOAT);
    int32_t out = (int32_t)((4 * ns + 15) & ~15u);
    ins(e, RV_ADDI, SP, SP, 0, -(16 + out));
    ins(e, RV_SW, 0, SP, RA, out + 12);
    ins(e, RV_SW, 0, SP, A1, out + 8);
    ins(e, RV_SW, 0, SP, DEPTH, out + 4); /* callee-saved for C: kept for the caller */
    /* PIE's CFG is not part of a FreeRTOS task's saved context: IR_VCFG's
     * change must not outlive the call into other PIE code on the core, so
     * CFG is kept at sp+0 and restored on the way out (functions that may
     * run IR_VCFG: their own vector loops or a callee's) */
    bool keep_cfg = e->js->cfg.pie && (e->calls || e->ir->vector_lanes);
    if (keep_cfg) {
        RvInsn r = pie_ins(RV_ESP_MOVX_R_CFG);
        r.rd = T3;
        rv_asm_emit(&e->a, &r);
        ins(e, RV_SW, 0, SP, T3, out);
    }
    ins(e, RV_ADDI, T0, A0, 0, 0);
    uint32_t depth_addr = (uint32_t)(uintptr_t)&jit_rt_depth;
    int32_t lo = (int32_t)(depth_addr << 20) >> 20;
    ins(e, RV_LUI, T1, 0, 0, (int32_t)((depth_addr - (uint32_t)lo) >> 12));
    ins(e, RV_LW, DEPTH, T1, 0, lo);
    if (e->calls)
        ins(e, RV_ADDI, DEPTH, DEPTH, 0, 1); /* the body's prologue counts itself */
    nx = nf = ns = 0;
    for (uint32_t i = 0; i < e->spec->nparams; i++) {
        bool isf = e->spec->params[i].ty == TY_FLOAT;
        if (on_stack(&nx, &nf, isf)) {
            ins(e, RV_LW, T1, T0, 0, (int32_t)(4 * i));
            ins(e, RV_SW, 0, SP, T1, (int32_t)(4 * ns++));
        } else if (isf)
            ins(e, RV_FLW, FA0 + nf - 1, T0, 0, (int32_t)(4 * i));
        else
            ins(e, RV_LW, A0 + nx - 1, T0, 0, (int32_t)(4 * i));
    }
    uint32_t raised = rv_asm_new_label(&e->a), done = rv_asm_new_label(&e->a);
    rv_asm_jump(&e->a, RA, e->body_label);
    rv_asm_jump_wide(&e->a, ZERO, raised);
    ins(e, RV_LW, T0, SP, 0, out + 8);
    if (e->spec->ret.ty == TY_FLOAT)
        ins(e, RV_FSW, 0, T0, FA0, 0);
    else
        ins(e, RV_SW, 0, T0, A0, 0);
    ins(e, RV_ADDI, A0, ZERO, 0, 0);
    rv_asm_bind(&e->a, done);
    if (keep_cfg) {
        RvInsn w = pie_ins(RV_ESP_MOVX_W_CFG);
        w.rs1 = T3;
        ins(e, RV_LW, T3, SP, 0, out);
        rv_asm_emit(&e->a, &w);
    }
    ins(e, RV_LW, DEPTH, SP, 0, out + 4);
    ins(e, RV_LW, RA, SP, 0, out + 12);
    ins(e, RV_ADDI, SP, SP, 0, 16 + out);
    ins(e, RV_JALR, ZERO, RA, 0, 0);
    rv_asm_bind(&e->a, raised);
    ins(e, RV_ADDI, A0, ZERO, 0, 1);
    rv_asm_jump(&e->a, ZERO, done);
}

/* Splits edges from a block with two successors into a block with several
 * predecessors, so phi moves have a block of their own. */
static void split_critical_edges(Ir *ir)
{
    uint32_t n = ir->nblocks;
    for (uint32_t bi = 0; bi < n; bi++) {
        if (ir->blocks[bi].dead || ir->blocks[bi].nsucc != 2)
            continue;
        for (uint32_t s = 0; s < 2; s++) {
            int32_t to = ir->blocks[bi].succ[s];
            if (ir->blocks[to].npreds < 2)
                continue;
            int32_t mid = ir_new_block(ir, ir->blocks[to].bc_start);
            if (mid < 0)
                return;
            IrBlock *m = &ir->blocks[mid];
            m->succ[0] = to, m->nsucc = 1;
            m->preds[0] = (int32_t)bi, m->npreds = 1;
            m->sealed = m->filled = true;
            int32_t j = ir_add(ir, mid, IR_JMP, TY_VOID, -1, -1, -1);
            ir->ins[j].pc = ir->blocks[to].bc_start;
            ir->blocks[bi].succ[s] = mid;
            IrBlock *t = &ir->blocks[to];
            for (uint32_t p = 0; p < t->npreds; p++)
                if (t->preds[p] == (int32_t)bi) {
                    t->preds[p] = mid;
                    break;
                }
        }
    }
}

static uint32_t put_varint(uint8_t *buf, uint32_t n, uint32_t v)
{
    do {
        buf[n++] = (uint8_t)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
        v >>= 7;
    } while (v);
    return n;
}

/* The bytes of v's deopt map (jit_int.h: DM_*, DL_*): the slot count, then
 * per tag its kind (an unbound run's length, an object's index) and where
 * each of its values is at the guard. 0 when a value has no place to be
 * read from (the guard then raises, as before). */
static uint32_t encode_deopt_map(Emit *e, const IrIns *in, uint8_t *buf, uint32_t cap)
{
    const int32_t *vals = &e->ir->lists[in->dm];
    uint32_t nt = (uint32_t)vals[in->ndm], nslots = 0, n = 0, vi = 0;
    const int32_t *tags = vals + in->ndm + 1;
    for (uint32_t i = 0; i < nt; i++)
        nslots += dm_kind(tags[i]) == DM_UNBOUND ? dm_extra(tags[i]) : 1;
    n = put_varint(buf, n, nslots);
    for (uint32_t i = 0; i < nt; i++) {
        if (n + 16 > cap)
            return 0;
        unsigned kind = dm_kind(tags[i]);
        buf[n++] = (uint8_t)kind;
        if (kind == DM_OBJ || kind == DM_UNBOUND || kind == DM_RANGE_IT || kind == DM_COUNTED_IT || kind == DM_ARRAY_IT)
            n = put_varint(buf, n, dm_extra(tags[i]));
        for (unsigned j = 0; j < dm_nvalues(kind); j++) {
            if (n + 8 > cap || vi >= in->ndm || vals[vi] < 0)
                return 0;
            int32_t v = vals[vi++];
            const IrIns *x = I(e, v);
            RegaLoc loc = e->ra.loc[v];
            if (x->op == IR_CONST && x->type == TY_FLOAT) {
                buf[n++] = DL_FLOAT;
                memcpy(buf + n, &x->k.f, 4);
                n += 4;
            } else if (x->op == IR_CONST) {
                uint32_t z = ((uint32_t)x->k.i << 1) ^ (uint32_t)(x->k.i >> 31);
                buf[n++] = DL_INT;
                n = put_varint(buf, n, z);
            } else if (loc.kind == LOC_REG) {
                unsigned r = loc.reg + (x->type == TY_FLOAT ? 32u : 0u);
                buf[n++] = (uint8_t)r;
                e->deopt_regs |= 1ull << r;
            } else if (loc.kind == LOC_STACK) {
                uint32_t slot = (e->spill_base + loc.slot * 4u) / 4u;
                if (slot < 64)
                    buf[n++] = (uint8_t)(64 + slot);
                else
                    buf[n++] = DL_SLOT16, buf[n++] = (uint8_t)slot, buf[n++] = (uint8_t)(slot >> 8);
            } else
                return 0;
        }
    }
    return n;
}

/* JitSite.dmap for failing instruction v: its encoded map, or 0 */
static uint32_t site_deopt_map(Emit *e, int32_t v)
{
    IrIns *in = I(e, v);
    if (in->dm < 0 || in->op == IR_NEWBYTES)
        return 0;
    if (in->dm == e->last_dm)
        return e->last_dmap;
    uint32_t cap = 8u * in->ndm + 4u * (uint32_t)e->ir->lists[in->dm + in->ndm] + 16u, at;
    uint8_t *buf = ir_tmp(e->ir, cap);
    uint32_t n = buf ? encode_deopt_map(e, in, buf, cap) : 0;
    if (!n || !jit_add_dmap(e->js, buf, n, &at))
        return 0;
    e->spec->deopt_guards++;
    e->spec->deopt_bytes += n;
    e->last_dm = in->dm, e->last_dmap = at + 1;
    return at + 1;
}

/* A guard that fails when an int result leaves int32 (or int(x) of a float
 * beyond it): the interpreter gets past it with an int of any size, so it
 * must deoptimise; re-running it (jit_rt_fail) could only raise. */
static bool may_overflow(Emit *e, const IrIns *in)
{
    switch ((IrOp)in->op) {
    case IR_ADDO: case IR_SUBO: case IR_MULO: case IR_NEGO: case IR_SHLO: case IR_ABSO: case IR_FLOORDIV:
    case IR_FTOI: /* int(x) of a float beyond int32 is a long */
        return true;
    case IR_CHECK: { /* licm's split of a checked add, subtract or multiply */
        const IrIns *f = in->a >= 0 ? I(e, in->a) : NULL;
        if (f && f->op == IR_CALLRT && f->aux == H_FPOWBAD)
            return true; /* float ** float: a negative base to a fractional power is complex (vm/complex.c) */
        return f && f->op == IR_OVF && (f->aux == IR_ADDO || f->aux == IR_SUBO || f->aux == IR_MULO);
    }
    default:
        return false;
    }
}

static void collect_sites(Emit *e)
{
    for (uint32_t v = 0; v < e->ir->nins; v++) {
        IrIns *in = I(e, v);
        if (in->block < 0 || !(ir_opinfo[in->op].flags & IR_FAILS || (in->op == IR_CALLRT && in->aux == H__COUNT)))
            continue;
        JitSite s;
        memset(&s, 0, sizeof s);
        s.code = e->spec->fn->code;
        s.pc = in->pc;
        s.nw = in->nw;
        for (int i = 0; i < in->nw; i++) {
            IrIns *w = I(e, in->w[i]);
            s.w[i].ty = w->type;
            s.w[i].tc = w->aux;
            s.w[i].obj = w->type == TY_PTR ? (w->aux == 'Y' ? T_BYTEARRAY : ir_is_list(w->aux) ? T_LIST : T_ARRAY) : 0;
        }
        s.native = e->ir->extra && v < e->ir->capextra ? e->ir->extra[v].native : NULL;
        s.spec = e->spec;
        /* IR_PHI: a type change (aux 1; 3: an int merge a float reaches) */
        s.irop = in->op == IR_CHECK && (in->aux == 1 || in->aux == 3) ? IR_PHI : in->op;
        if (in->op == IR_CHECK && in->aux == 2)
            s.irop = IR_ALOAD; /* an attribute or closure guard (build.c) */
        s.to_float = in->op == IR_CHECK && in->aux == 3;
        s.dmap = site_deopt_map(e, (int32_t)v);
        if (!s.dmap && in->op == IR_CHECK && in->aux >= 1 && in->aux <= 3)
            e->lost_type_guard = true; /* a type change must deoptimise: it has nothing to re-run */
        if (!s.dmap && may_overflow(e, in))
            e->lost_overflow_guard = true; /* the interpreter's result is a long: only it can go on */
        if (s.dmap && !e->deopt_label)
            e->deopt_label = rv_asm_new_label(&e->a);
        else if (s.dmap)
            e->spec->deopt_guards++; /* a map shared with the instruction's other guards */
        e->site_of[v] = jit_add_site(e->js, &s);
        e->fail_label[v] = rv_asm_new_label(&e->a);
        if (in->op == IR_CALL || in->op == IR_NEWBYTES)
            rv_asm_new_label(&e->a); /* fail_label + 1: the unwind stub */
    }
}

/* Assemblies with only the marked branches long before all are (each is
 * a whole pass over the function; one or two usually suffice). */
enum { FAR_RETRIES = 3 };

/* IR instructions from which an assembly is recorded for its retries */
enum { LOG_MIN_INS = 256 };

static void assembler_init(Emit *e, bool far)
{
    JitState *js = e->js;
    uint32_t base = (uint32_t)(uintptr_t)(js->code + js->code_used);
    rv_asm_init(&e->a, js->code + js->code_used, js->cfg.code_size - js->code_used, base, true);
    e->a.far_branches = far;
    e->a.marks = far ? NULL : &e->far_marks;
    e->a.rev = (RvRev)js->cfg.pie; /* PIE ops (vector.c) fail to encode without it */
}

static bool assemble(Emit *e, bool far, uint32_t *len)
{
    JitState *js = e->js;
    assembler_init(e, far);
    /* the calls made, for a retry (below), in a function large enough to
     * need one (its code past 4 KB: about 5 bytes an IR instruction; a
     * smaller one that does is assembled again whole). Room for most from
     * the compiler's arena (a bind per block, a branch or two per guard). */
    RvAsmLog log;
    memset(&log, 0, sizeof log);
    bool logged = e->ir->nins >= LOG_MIN_INS;
    if (logged) {
        log.cap = e->ir->nins + 64;
        log.ops = ir_tmp(e->ir, log.cap * sizeof *log.ops);
        log.lost = !log.ops;
        e->a.log = &log;
    }
    for (uint32_t b = 0; b < e->ir->nblocks; b++)
        e->block_label[b] = rv_asm_new_label(&e->a);
    e->err_label = rv_asm_new_label(&e->a);
    e->ret_label = rv_asm_new_label(&e->a);
    e->ret_used = false;
    e->body_label = rv_asm_new_label(&e->a);
    e->tested_block = e->tested_succ = -1;
    e->hw_skip = e->hw_fuse = -1, e->hwloops = 0;
    memset(e->fail_label, 0, e->ir->nins * sizeof *e->fail_label);
    uint32_t first_site = js->nsites, first_dmap = js->ndmaps;
    e->deopt_label = 0, e->deopt_regs = 0, e->last_dm = -1;
    e->spec->deopt_guards = e->spec->deopt_bytes = 0;
    e->spec->nhw = 0; /* (--jit-report's hardware loops: this attempt's) */
    collect_sites(e);
    entry_stub(e);
    e->spec->body = (uint32_t)e->a.len;
    rv_asm_bind(&e->a, e->body_label);
    early_return(e);
    prologue(e);
    /* the return early_return took: only that path reaches it */
    int32_t returned = -1;
    if (e->tested_block >= 0) {
        const IrBlock *t = &e->ir->blocks[e->tested_block];
        returned = t->succ[0] == e->tested_succ ? t->succ[1] : t->succ[0];
    }
    for (uint32_t k = 0; k < e->norder; k++) {
        int32_t b = e->order[k];
        rv_asm_bind(&e->a, e->block_label[b]);
        IrBlock *bl = &e->ir->blocks[b];
        int32_t next = k + 1 < e->norder ? e->order[k + 1] : -1;
        if (b == returned)
            continue;
        if (b == e->tested_block) { /* its compare-branch ran before the prologue */
            for (uint32_t i = 0; i + 2 < bl->nins; i++)
                emit_ins(e, bl->ins[i], next);
            if (e->tested_succ != next)
                rv_asm_jump(&e->a, ZERO, e->block_label[e->tested_succ]);
            continue;
        }
        HwLoop hl;
        if (bl->nsucc == 1 && hw_loop_of(e, bl->succ[0], &hl) && hl.body == b) {
            hw_loop(e, bl->succ[0], &hl, next); /* B once, in a hardware loop */
            continue;
        }
        for (uint32_t i = 0; i < bl->nins; i++)
            emit_ins(e, bl->ins[i], next);
    }
    epilogue(e);
    fail_stubs(e);
    deopt_stub(e);
    int st = rv_asm_finish(&e->a);
    /* only the branches that did not reach in the long form, while each
     * retry finds new ones (a few), then all. A retry is the same calls to
     * the assembler (the log), branches aside: the instructions chosen, the
     * sites and deopt maps made stay (a branch's form changes no choice:
     * hw_body's test of the last instruction sees a branch either way). */
    while (st == RV_ASM_RETRY_FAR && !far && logged && !log.lost && (log.code || rv_asm_log_code(&log, &e->a))) {
        bool more = e->far_marks.set > e->far_seen && ++e->far_tries <= FAR_RETRIES;
        e->far_seen = e->far_marks.set;
        far = !more;
        rv_asm_free(&e->a);
        assembler_init(e, far);
        st = rv_asm_replay(&e->a, &log);
        e->spec->body = e->body_label < e->a.nlabels ? e->a.labels[e->body_label] : 0;
    }
    rv_asm_log_free(&log);
    *len = (uint32_t)e->a.len;
    rv_asm_free(&e->a);
    if (st != RV_ASM_OK)
        js->nsites = first_site, js->ndmaps = first_dmap; /* assembled again or given up: drop this attempt's sites */
    /* (the log lost for want of memory: the whole assembly again) */
    if (st == RV_ASM_RETRY_FAR && !far) {
        bool more = e->far_marks.set > e->far_seen && ++e->far_tries <= FAR_RETRIES;
        e->far_seen = e->far_marks.set;
        return assemble(e, !more, len);
    }
    if (st == RV_ASM_FULL)
        js->code_full = true;
    bool lost = e->lost_type_guard || e->lost_overflow_guard;
    if (st == RV_ASM_OK && (e->oom || lost))
        js->nsites = first_site, js->ndmaps = first_dmap;
    return st == RV_ASM_OK && !e->oom && !lost;
}

/* Appends the disassembly of the generated code to a text buffer. */
static char *disassemble(const uint8_t *code, uint32_t len, uint32_t base, uint32_t body, RvRev rev)
{
    size_t cap = (size_t)len * 48 + 64, n = 0;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    for (uint32_t off = 0; off < len && n + 96 < cap;) {
        char text[96];
        int l = rv_disasm_rev(code + off, len - off, base + off, rev, 0, text, sizeof text);
        if (l <= 0)
            l = 2;
        if (off == 0)
            n += (size_t)snprintf(out + n, cap - n, "  ; entry stub\n");
        if (off == body)
            n += (size_t)snprintf(out + n, cap - n, "  ; body\n");
        uint32_t word = 0;
        memcpy(&word, code + off, (size_t)l);
        n += (size_t)snprintf(out + n, cap - n, "  %5x:\t%0*x\t%s\n", (unsigned)off, l == 2 ? 4 : 8, (unsigned)word, text);
        off += (uint32_t)l;
    }
    out[n] = 0;
    return out;
}

bool jit_emit_rv32(JitState *js, JitSpec *spec, Ir *ir, char **dump)
{
    Emit e;
    memset(&e, 0, sizeof e);
    e.js = js, e.spec = spec, e.ir = ir;
    split_critical_edges(ir);
    uint32_t n = ir->nins;
    IrTmpMark m = ir_tmp_mark(ir);
    e.order = ir_tmp(ir, (ir->nblocks + 1) * sizeof *e.order);
    e.fused = ir_tmp0(ir, n + 1);
    e.stepped = ir_tmp0(ir, n + 1);
    e.block_label = ir_tmp(ir, (ir->nblocks + 1) * sizeof *e.block_label);
    e.fail_label = ir_tmp0(ir, (n + 1) * sizeof *e.fail_label);
    e.site_of = ir_tmp0(ir, (n + 1) * sizeof *e.site_of);
    e.ra.loc = ir_tmp0(ir, (n + 1) * sizeof *e.ra.loc);
    bool ok = false;
    if (!e.order || !e.fused || !e.stepped || !e.block_label || !e.fail_label || !e.site_of || !e.ra.loc)
        goto out;
    e.norder = ir_rpo(ir, e.order);
    for (uint32_t v = 0; v < n && !e.calls; v++)
        e.calls = ir->ins[v].block >= 0 && ir->ins[v].op == IR_CALL;
    /* an int compare used only by the branch right after it becomes the branch */
    for (uint32_t k = 0; k < e.norder; k++) {
        IrBlock *b = &ir->blocks[e.order[k]];
        if (b->nins < 2)
            continue;
        IrIns *br = &ir->ins[b->ins[b->nins - 1]];
        int32_t c = b->ins[b->nins - 2];
        if (br->op == IR_BR && br->a == c && ir->ins[c].op == IR_CMP && ir->ins[c].uses == 1)
            e.fused[c] = 1;
    }
    e.ra.reuse_slots = false;
    if (!jit_rega(ir, e.order, e.norder, e.fused, &rv32_target, &e.ra))
        goto out;
    uint32_t nsaved = (uint32_t)__builtin_popcountll(e.ra.used_callee);
    /* the calls' stack arguments (beyond a0-a7, fa0-fa7) at the bottom of
     * the frame, the spill slots above them; this function's own stack
     * arguments are above its frame, where its caller put them */
    uint32_t incoming = 0;
    unsigned nx = 0, nf = 0;
    for (uint32_t i = 0; i < spec->nparams; i++)
        incoming += on_stack(&nx, &nf, spec->params[i].ty == TY_FLOAT);
    for (uint32_t v = 0; v < n; v++) {
        if (ir->ins[v].block < 0 || ir->ins[v].op != IR_CALL)
            continue;
        uint32_t ns = 0;
        nx = nf = 0;
        for (uint32_t a = 0; a < ir->ins[v].nargs; a++)
            ns += on_stack(&nx, &nf, ir->ins[ir->lists[ir->ins[v].list + (int32_t)a]].type == TY_FLOAT);
        if (4 * ns > e.spill_base)
            e.spill_base = 4 * ns;
    }
    e.frame = (e.spill_base + 4 * (e.ra.nslots + nsaved + 1) + 15) & ~15u;
    if (e.frame + 4 * incoming > 2040) { /* again, sharing the slots of values whose lives do not overlap */
        e.ra.reuse_slots = true;
        if (!jit_rega(ir, e.order, e.norder, e.fused, &rv32_target, &e.ra))
            goto out;
        nsaved = (uint32_t)__builtin_popcountll(e.ra.used_callee);
        e.frame = (e.spill_base + 4 * (e.ra.nslots + nsaved + 1) + 15) & ~15u;
    }
    if (e.frame + 4 * incoming > 2040) {
        snprintf(spec->why.why, sizeof spec->why.why, "too many values for the stack frame");
        goto out;
    }
    /* what one level of recursion takes at most, for jit.c's budget: this
     * frame or a callee's (compiled before this one; direct recursion is
     * this frame again) */
    spec->makes_calls = e.calls;
    spec->frame_bytes = e.frame;
    spec->slots_per_call = spec->code->nlocals + spec->code->maxstack + 2 + ir->nroots; /* (roots: build.c) */
    for (uint32_t v = 0; v < n; v++) {
        const JitSpec *callee = ir->ins[v].block >= 0 && ir->ins[v].op == IR_CALL ? ir->extra[v].callee : NULL;
        if (callee && callee != spec) {
            if (callee->frame_bytes > spec->frame_bytes)
                spec->frame_bytes = callee->frame_bytes;
            if (callee->slots_per_call > spec->slots_per_call)
                spec->slots_per_call = callee->slots_per_call;
        }
    }
    uint32_t len;
    if (!assemble(&e, false, &len)) {
        snprintf(spec->why.why, sizeof spec->why.why, "%s",
                 e.lost_type_guard ? "a variable changes type in a loop put on PIE lanes (not compiled yet)"
                 : e.lost_overflow_guard ? "an int overflow check (or int() of a float, or a float ** whose result may be complex) that cannot deoptimise (its frame has no deopt map)"
                 : e.oom          ? "out of memory while compiling"
                 : js->code_full ? "the JIT code buffer is full (-X jit-code=SIZE)"
                                 : "code generation failed");
        goto out;
    }
    spec->code_off = js->code_used;
    spec->code_len = len;
    spec->entry = js->code_used;
    spec->body += js->code_used;
    if (dump)
        *dump = disassemble(js->code + js->code_used, len, 0,
                            spec->body - js->code_used, (RvRev)js->cfg.pie);
    js->code_used = (js->code_used + len + 3) & ~3u;
    ok = true;
out:
    ir_tmp_release(ir, m);
    free(e.ra.pos);
    free(e.far_marks.far);
    return ok;
}

/* ---- PIE elementwise lanes (elementwise.c) -------------------------------------------------
 * q registers are named by the ops (aux, k), not allocated: q0-q7 belong to
 * the vector loop that uses them. Pointers go through t3 when their
 * register is not one PIE can name. */

/* EWOP's instruction per operation (rows) and lane width (columns: 8, 16, 32 bits) */
static const RvOp ew_ops[][3] = {
    [EW_MAX] = {RV_ESP_VMAX_S8, RV_ESP_VMAX_S16, RV_ESP_VMAX_S32},
    [EW_MIN] = {RV_ESP_VMIN_S8, RV_ESP_VMIN_S16, RV_ESP_VMIN_S32},
    [EW_ADD] = {RV_ESP_VADD_S8, RV_ESP_VADD_S16, RV_ESP_VADD_S32},
    [EW_SUB] = {RV_ESP_VSUB_S8, RV_ESP_VSUB_S16, RV_ESP_VSUB_S32},
    [EW_XOR] = {RV_ESP_XORQ, RV_ESP_XORQ, RV_ESP_XORQ},
    [EW_SHR] = {RV_ESP_VSR_S32, RV_ESP_VSR_S32, RV_ESP_VSR_S32}, /* (32-bit lanes only) */
    [EW_MUL] = {RV_ESP_VMUL_S8, RV_ESP_VMUL_S16, RV_ESP_VMUL_S16}, /* (8- and 16-bit lanes only) */
    [EW_AND] = {RV_ESP_ANDQ, RV_ESP_ANDQ, RV_ESP_ANDQ},
    [EW_UNZIP] = {RV_ESP_VUNZIP_8, RV_ESP_VUNZIP_8, RV_ESP_VUNZIP_16}, /* the halves of 16/32-bit lanes */
};

static void emit_elementwise(Emit *e, int32_t v)
{
    IrIns *in = I(e, v);
    switch ((IrOp)in->op) {
    case IR_EWLD: case IR_EWST: { /* post-increment 0: the address is computed each time */
        if (in->op == IR_EWLD && in->aux == 8) { /* QACC = 64 bytes (narrowing): its quarters in lane order */
            static const RvOp part[] = {RV_ESP_LD_QACC_L_L_128_IP, RV_ESP_LD_QACC_L_H_128_IP,
                                        RV_ESP_LD_QACC_H_L_128_IP, RV_ESP_LD_QACC_H_H_128_IP};
            unsigned pa = xuse(e, in->a, T3);
            if (pa != T3) /* the post-increments walk a copy */
                rv_asm_mv(&e->a, T3, pa);
            for (int i = 0; i < 4; i++) {
                RvInsn ld = pie_ins(part[i]);
                ld.rs1 = T3, ld.imm = 16;
                rv_asm_emit(&e->a, &ld);
            }
            break;
        }
        bool low = in->op == IR_EWST && (in->aux & EW_LOW64); /* 8 bytes: a narrowing store */
        RvInsn m = pie_ins(in->op == IR_EWLD ? RV_ESP_VLD_128_IP : low ? RV_ESP_VST_L_64_IP : RV_ESP_VST_128_IP);
        m.qu = in->aux & 7, m.rs1 = (uint8_t)xuse_pie(e, in->a, T3);
        rv_asm_emit(&e->a, &m);
        break;
    }
    case IR_EWBC: { /* the value (already repeated to 32 bits) into each 32-bit lane */
        unsigned r = xuse_pie(e, in->a, T3);
        for (int sel = 0; sel < 4; sel++) {
            RvInsn m = pie_ins(RV_ESP_MOVI_32_Q);
            m.qy = in->aux, m.rs1 = (uint8_t)r, m.sel = (uint8_t)sel;
            rv_asm_emit(&e->a, &m);
        }
        break;
    }
    case IR_EWOP: {
        unsigned op = in->aux & 15, w = in->aux >> 4;
        RvInsn m = pie_ins(ew_ops[op][w]);
        uint8_t qd = in->k.i & 7, qx = in->k.i >> 4 & 7, qy = in->k.i >> 8 & 7;
        if (op == EW_SHR) { /* qu = qy >> SAR, rounded down (rev 1: CFG's rounding mode, 0 = down) */
            m.qu = qd, m.qy = qx, m.rm = 0;
            rv_asm_emit(&e->a, &m);
            break;
        }
        if (op == EW_UNZIP) { /* both registers are written: qd (= qx) and qy */
            m.qx = qd, m.qy = qy;
            rv_asm_emit(&e->a, &m);
            break;
        }
        if (op == EW_ADD || op == EW_SUB)
            m.qv = qd, m.sat = 1; /* saturating (rev 1 always is): elementwise.c tests that no lane did */
        else if (op == EW_MUL) /* (qx * qy) >> SAR rounded down, saturated (rev 1: CFG's mode, 0 = down) */
            m.qz = qd, m.sat = 1, m.rm = 0;
        else
            m.qz = qd;
        m.qx = qx, m.qy = qy;
        rv_asm_emit(&e->a, &m);
        break;
    }
    case IR_EWSAR: {
        if (in->aux & 0x10) { /* q = QACC's 16 int32 lanes >> a, rounded down, saturated to int8 */
            RvInsn n = pie_ins(RV_ESP_SRCMB_S8_QACC);
            n.qu = in->aux & 7, n.rs1 = (uint8_t)xuse_pie(e, in->a, T3), n.sat = 1, n.rm = 0, n.sel = 0;
            rv_asm_emit(&e->a, &n);
            break;
        }
        RvInsn m = pie_ins(RV_ESP_MOVX_W_SAR);
        m.rs1 = (uint8_t)xuse_pie(e, in->a, T3);
        rv_asm_emit(&e->a, &m);
        break;
    }
    case IR_EWANY: { /* esp.max.u32.a: 0 iff every lane is 0 */
        unsigned rd = xdef(e, v), r = rv32_target.x_narrow >> rd & 1 ? rd : T3;
        RvInsn m = pie_ins(RV_ESP_MAX_U32_A);
        m.qy = in->aux, m.rd = (uint8_t)r;
        rv_asm_emit(&e->a, &m);
        if (r != rd)
            rv_asm_mv(&e->a, rd, r);
        xdone(e, v, rd);
        break;
    }
    default:
        break;
    }
}
