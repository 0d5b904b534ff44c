/*
 * vector_int.h - the vectoriser's shared state and helpers: vector.c (the
 * analysis of a loop of stored lanes, its checks' plan, the entry point),
 * vector_copy.c (the vector copy of that loop), vector_taps.c (the 16-tap
 * loops of the copy), vector_reduce.c (dot products: XACC, row pairs, the
 * row-length versions) and vector_notes.c (--jit-report's loop notes).
 */
#ifndef P4_JIT_VECTOR_INT_H
#define P4_JIT_VECTOR_INT_H

#include "jit/ir.h"

enum { MAC_LIMIT = 131071, MAX_SLOPE = 1 << 20, SMALL_INDEX = 1 << 24 };

/* What a value is, per lane. TOP: not known yet (the fixpoint's start). */
enum { K_TOP, K_ZERO, K_UNI, K_LIN, K_VEC, K_PROD, K_ACC, K_BAD };

typedef struct Span {
    int32_t lo, hi; /* the same value when it is one; -1: not made yet */
} Span;

/* vector_panel.c: the copy of b's taps into a packed panel, planned before
 * the loop around the vector loop (hout, its preheader pre): b's array,
 * its rows' stride, the taps' counter's range, the lanes' (the vector
 * loop's) and the loop around's */
typedef struct VecPanel {
    int32_t hout, pre;
    int32_t arr, stride, kinit, kbound, j0, jbound, oinit, obound;
    /* whole (vec18, a conv's weights): every row of the array is copied,
     * the taps' first row found at each entry; hin's counts (-1: none)
     * are the loop between the outermost and the vector loop */
    bool whole;
    int32_t iinit, ibound;
} VecPanel;

typedef struct Vec {
    Ir *ir;
    int32_t h;          /* the loop's header */
    uint32_t nb, nin;   /* blocks and values before the copy: the tables' sizes */
    IrCounted c;
    uint8_t *in;        /* per block: in the loop */
    uint8_t *kind;      /* per value */
    int32_t *slope;     /* per value, K_LIN: its change from one lane to the next */
    int32_t store;      /* the store of the accumulator */
    int32_t lanes;      /* 16: the lanes computed (those stored: 4 * nq) */
    /* the copy */
    int32_t *map;       /* per value: its copy (-1: none) */
    int32_t *cnt;       /* per accumulator value: the count of its multiply-accumulates */
    int32_t *first, *last; /* per block: the first and the last block of its copy */
    int32_t cur;        /* the block being filled */
    int32_t pend;       /* bail-out flag not yet tested, or -1 */
    int32_t jv, join;   /* the lane-0 counter of the vector iteration; the scalar loop's entry */
    int32_t lim;        /* the vector loop's bound: select(a check could fail, INT32_MIN, the loop's) */
    int32_t keep;       /* lanes stored of a single quarter (1 to 4; below 4 only when nq is 1) */
    int32_t nq, stored, lastl; /* quarters of QACC stored (1 to 4), the last lane stored (4 * nq - 1) */
    int32_t zero;       /* the count of a cleared QACC */
    int32_t vstep;      /* the block choosing a full step or the tail's (vectorize_loop); -1: none */
    int npanels;        /* packed panels made (vec_panel_make), the last one's plan and address */
    VecPanel panel_plan;
    int32_t panel;
    /* checks tested before an inner loop instead of in it */
    int32_t *hoist_to;  /* per value: the inner loop's header, or -1; the vector loop's
                           own header: a bound whose index's range range.c proved */
    IrAffine *aff;      /* per value hoisted to an inner loop: it (a check's index) in
                           that loop's counter */
    int32_t *most;      /* per check hoisted to the vector loop's header: its index's largest
                           value, or -1: tested on ranges (range_tests) */
    Span *span;         /* per value: its range before the vector loop (checks on ranges) */
    bool counted;       /* products counted as they are made (else before the loop) */
    bool aliased;       /* a load in the nest of the stored element kind (alias rule) */
    int taps;           /* inner loops given 16 taps per load (vector_taps.c) */
    bool pair_ok;       /* a dot product may carry the next row (vector.c, row pairs) */
    bool paired;        /* and does */
    const char *why;    /* --jit-report: the first reason the loop was refused (static text) */
    uint8_t why_op;     /* and the IR op it is about (0: none) */
} Vec;

bool vec_panel_plan(Vec *x, const IrCounted *c2, int32_t data, IrAffine af, VecPanel *p);
bool vec_panel_make(Vec *x, const VecPanel *p, int32_t *panel, int32_t *rows);
/* vector_panel.c: the nest around a matmul's one panel copied, the copy
 * chosen when the panel was had and both the lanes' and the taps' counts
 * are multiples of 16 (16 taps or more): its run-time choices made */
void vec_panel_version(Vec *x);

/* Refuses loop x->h for the report's reason why (the first one given
 * stands); false, for `return refuse(...)`. */
static inline bool refuse(Vec *x, const char *why)
{
    if (!x->why)
        x->why = why;
    return false;
}

static inline bool inside(const Vec *x, int32_t v)
{
    return v >= 0 && (uint32_t)v < x->nin && x->ir->ins[v].block >= 0 && x->in[x->ir->ins[v].block];
}

static inline bool is_const(const Ir *ir, int32_t v, int32_t *k)
{
    if (ir->ins[v].op != IR_CONST || ir->ins[v].type == TY_FLOAT)
        return false;
    *k = ir->ins[v].k.i;
    return true;
}

/* The block before inner loop h2 (its entry from outside). */
static inline int32_t preheader(const Ir *ir, int32_t h2)
{
    const IrBlock *hb = &ir->blocks[h2];
    return ir_dominates(ir, h2, hb->preds[0]) ? hb->preds[1] : hb->preds[0];
}

static inline int32_t emit(Vec *x, IrOp op, IrType t, int32_t a, int32_t b, int32_t c, uint32_t pc)
{
    int32_t v = ir_add(x->ir, x->cur, op, t, a, b, c);
    if (!x->ir->oom)
        x->ir->ins[v].pc = pc;
    return v;
}

static inline int32_t konst(Vec *x, int32_t k) { return ir_const_int(x->ir, x->cur, k); }

static inline int32_t new_block(Vec *x, uint32_t bc)
{
    int32_t b = ir_new_block(x->ir, bc);
    if (b >= 0)
        x->ir->blocks[b].sealed = x->ir->blocks[b].filled = true;
    return b;
}

static inline void edge(Ir *ir, int32_t from, int32_t to)
{
    IrBlock *f = &ir->blocks[from], *t = &ir->blocks[to];
    if (f->nsucc >= 2 || t->npreds >= IR_MAX_PREDS) { /* analyse() counted them: cannot happen */
        ir->oom = true;
        return;
    }
    f->succ[f->nsucc++] = to;
    t->preds[t->npreds++] = from;
}

static inline int32_t ovf(Vec *x, IrOp checked, int32_t a, int32_t b)
{
    int32_t f = emit(x, IR_OVF, TY_BOOL, a, b, -1, 0);
    x->ir->ins[f].aux = (uint8_t)checked;
    return f;
}

static inline int32_t either(Vec *x, int32_t f, int32_t g) { return f < 0 ? g : emit(x, IR_OR, TY_BOOL, f, g, -1, 0); }

static inline int32_t cmp(Vec *x, IrCond cc, int32_t a, int32_t b)
{
    int32_t v = emit(x, IR_CMP, TY_BOOL, a, b, -1, 0);
    x->ir->ins[v].aux = (uint8_t)cc;
    return v;
}

static inline int32_t mapped(const Vec *x, int32_t v)
{
    if (v == x->c.phi)
        return x->jv;
    return inside(x, v) ? x->map[v] : v;
}

/* Affine a (scale*k + off, copied values) at k = kk; *any collects the
 * overflow flags of computing it. */
static inline int32_t affine_at(Vec *x, IrAffine a, int32_t kk, int32_t *any)
{
    int32_t v = kk;
    if (a.scale >= 0) {
        *any = either(x, *any, ovf(x, IR_MULO, kk, mapped(x, a.scale)));
        v = emit(x, IR_MUL, TY_INT, kk, mapped(x, a.scale), -1, 0);
    }
    if (a.off >= 0) {
        *any = either(x, *any, ovf(x, IR_ADDO, v, mapped(x, a.off)));
        v = emit(x, IR_ADD, TY_INT, v, mapped(x, a.off), -1, 0);
    }
    return v;
}

/* A loop of the copy over two pointers (a row pair: three), 16 iterations
 * at a time (the dot product's vector loop, vector.c; the 16-tap loop,
 * vector_taps.c): header hdr, a counter iv from init while below lim, pointer phis q[k]
 * from p[k] stepping by step[k], its work in body, left to exit. */
typedef struct VLoop {
    int32_t hdr, body, exit; /* blocks, made by the caller */
    int32_t iv, q[3];        /* the header's phis */
    int np;                  /* pointers: 2 (0 reads as 2) or 3 (a row pair, vector.c) */
    int lanes;               /* the counter's step: 16 (0 reads as 16) or 8 (int16 lanes) */
} VLoop;

static inline int vloop_np(const VLoop *l) { return l->np ? l->np : 2; }

/* The header (phis, test, edges); then x->cur is the body, for the work. */
static inline void vloop_header(Vec *x, VLoop *l, int32_t lim, uint32_t pc)
{
    Ir *ir = x->ir;
    x->cur = l->hdr;
    l->iv = emit(x, IR_PHI, TY_INT, -1, -1, -1, pc);
    ir->ins[l->iv].list = ir_list_alloc(ir, 2);
    for (int k = 0; k < vloop_np(l); k++) {
        l->q[k] = emit(x, IR_PHI, TY_PTR, -1, -1, -1, pc);
        ir->ins[l->q[k]].list = ir_list_alloc(ir, 2);
    }
    emit(x, IR_BR, TY_VOID, cmp(x, CC_LT, l->iv, lim), -1, -1, pc);
    edge(ir, l->hdr, l->body);
    edge(ir, l->hdr, l->exit);
    x->cur = l->body;
}

/* The body's end (after the work): the counter steps by its lanes, the pointers
 * by step[], back to the header; the header's phis get their operands
 * (from the preheader first). False: out of memory. */
static inline bool vloop_latch(Vec *x, VLoop *l, int32_t init, const int32_t *p, const int32_t *step, uint32_t pc)
{
    Ir *ir = x->ir;
    int32_t next = emit(x, IR_ADD, TY_INT, l->iv, konst(x, l->lanes ? l->lanes : 16), -1, pc), qn[3];
    for (int k = 0; k < vloop_np(l); k++)
        qn[k] = emit(x, IR_ADD, TY_PTR, l->q[k], step[k], -1, pc);
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    edge(ir, x->cur, l->hdr);
    if (ir->oom)
        return false;
    ir->lists[ir->ins[l->iv].list] = init, ir->lists[ir->ins[l->iv].list + 1] = next;
    for (int k = 0; k < vloop_np(l); k++)
        ir->lists[ir->ins[l->q[k]].list] = p[k], ir->lists[ir->ins[l->q[k]].list + 1] = qn[k];
    return true;
}

/* vector.c: the analysis, used by the copy. */
uint8_t kind_of(const Vec *x, int32_t v);
bool uniform(uint8_t k);
bool overflow_guard(const IrIns *in);
bool trips_known(const Vec *x, int32_t h2, IrCounted *c2);
bool fixed_len(const Ir *ir, const uint8_t *in2, int32_t len);
bool box_counter(const Vec *x, int32_t v, IrCounted *c2);
int32_t checked_value(const Ir *ir, int32_t v);

/* vector_copy.c: the vector loop of stored lanes (analysed and planned). */
bool vectorize_loop(Vec *x, const int32_t *order, uint32_t n);
int32_t length_here(Vec *x, int32_t len);
bool skip_scalar(Vec *x, int32_t join, int32_t from, int n, const int32_t *phi, const int32_t *val, uint32_t pc,
                 bool tail);

/* vector_reduce.c: the first dot-product loop on PIE (false: none). */
bool vectorize_reduction(Ir *ir);

/* A dot product's index: scale*i + off[0] +- off[1] ... (in the order
 * computed; scale -1 for 1), the values invariant in the loop. */
typedef struct RAff {
    int32_t scale, off[4];
    int8_t sign[4];
    uint8_t n;
    bool ok;
} RAff;

typedef struct Reduction {
    int32_t acc, add;   /* the accumulator's phi and its `acc + x*w` (addo) */
    int32_t load[2];    /* the two int8 (or two int16) lane loads */
    RAff at[2];         /* their indices, i + offsets */
    bool s16;           /* int16 operands (vector_dot16.c) */
} Reduction;

int32_t index_at(Vec *x, RAff a, int32_t k);
int32_t reduction_guard(Vec *x, const Reduction *r, int32_t first, int32_t last, int32_t acc0);
void set_phi(Ir *ir, int32_t phi, const int32_t *ops, uint32_t n);

/* vector_dot16.c: dot product r over int16 on PIE (false: out of memory). */
bool reduce16_loop(Vec *x, const Reduction *r);

/* vector_notes.c: --jit-report's note per loop. */
void notes_begin(Ir *ir);
IrLoopNote *note_of(Ir *ir, int32_t h);
void note_all(Ir *ir, const char *why);
void note_done(Ir *ir, int32_t h, const uint8_t *in, const char *how, int lanes, int taps);

/* vector_taps.c: the copy's inner loops (blocks from first on) given 16
 * taps per load where they qualify (TAPS_CONST16: only loops of a constant
 * count of 16 or more); counts them in x->taps. vec_taps_fit: would inner
 * loop h2 of the copy qualify (any count)? */
typedef enum { TAPS_ANY, TAPS_CONST16 } TapsMode;
void vec_block_taps(Vec *x, uint32_t first, TapsMode mode);
bool vec_taps_fit(Vec *x, int32_t h2, uint8_t *in2, int32_t *work);
/* fn on every loop header h of the vector copy (blocks from first on),
 * with a block set and a work list from the arena, given back after each
 * call; fn returns true when it changed the blocks' edges, and dominators
 * and loops are made again before the next header. */
typedef bool (*VecLoopFn)(Vec *x, int32_t h, uint8_t *in, int32_t *work, void *ctx);
void vec_each_loop(Vec *x, uint32_t first, VecLoopFn fn, void *ctx);

/* vector_nest.c: a loop nest (or a region entered at S->oh only) copied,
 * chosen at its entry. nest_copyable: can the nest of S->oh (its blocks in
 * in2; S->entry its predecessor from outside) be copied: left only from
 * its header (S->from_header; a region from any block), to one block
 * (S->exit) with no phi, no runtime call in it, no value of it used
 * outside?
 * nest_copy: copies it and puts a block between S->entry and the two
 * headers, x->cur, which the caller ends with a branch (true: the
 * original); returns the copy of block h, or -1. vec_nest_taps: a conv
 * nest with 16 taps per load in a copy chosen when the run-time count
 * is 16 or more (the vector copy's blocks from first on). */
typedef struct NestCopy {
    int32_t oh, entry, exit;
    bool from_header; /* left only from oh (a loop nest); else from any block of it, to exit */
    int32_t jv;       /* nest_copy's out: the copy of x->jv (-1: not in the nest) */
} NestCopy;
bool nest_copyable(const Vec *x, const uint8_t *in2, NestCopy *S);
/* ir_for_operands callback (vector_nest.c): sets used when an operand is
 * made in one of the blocks in2[] (the first nb) */
typedef struct NestUse {
    const uint8_t *in2;
    uint32_t nb;
    bool used;
} NestUse;
void nest_used_in(Ir *ir, int32_t *slot, void *ctx);
int32_t nest_copy(Vec *x, NestCopy *S, const uint8_t *in2, int32_t h);
void vec_nest_taps(Vec *x, uint32_t first);

/* vector_collapse.c: in the copy (blocks from first on), a tap loop and
 * the loop around it made one run of taps when both operands allow
 * (a conv's kx and channels; chosen at run time). */
void vec_collapse_taps(Vec *x, uint32_t first);
/* Is a value made in the blocks of in used outside them? */
bool vec_loop_escapes(Ir *ir, const uint8_t *in);
/* Only pure arithmetic, the counter's phi and the branches in the blocks
 * of in1 outside in2, and no value of in1 used outside it. */
bool vec_only_arithmetic(Ir *ir, const uint8_t *in1, const uint8_t *in2, int32_t phi);
/* d v / d k over loop blocks in1 (k their counter, held taken as fixed),
 * made in block pre: a value, VEC_DERIV_ZERO (v does not vary with k) or
 * VEC_DERIV_FAIL (not affine in k with factors made outside the loop). */
enum { VEC_DERIV_ZERO = -1, VEC_DERIV_FAIL = -2 };
int32_t vec_deriv(Ir *ir, const uint8_t *in1, int32_t k, int32_t held, int32_t v, int32_t pre);

#endif
