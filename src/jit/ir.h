/*
 * ir.h - the JIT's typed SSA intermediate representation.
 *
 * A function is a list of basic blocks; a block is a list of instructions,
 * phis first, ending in one terminator (JMP, BR or RET). Every instruction
 * that produces a value *is* that value: operands are instruction numbers.
 * Each value has one machine type (int32, float32, pointer), fixed when it is
 * built from the bytecode and the argument types of the specialisation.
 *
 * Instructions that can fail (overflow, division by zero, a bad index) carry
 * the bytecode pc they came from. When the check fails, compiled code calls
 * back into the runtime, which re-runs the bytecode operation on the same
 * operands through the interpreter's own functions: the exception, message
 * and traceback line are the interpreter's by construction.
 *
 * The passes (one per file): build.c (bytecode -> SSA with types), fold.c
 * (constants, copies, algebra), range.c (check elimination), cse.c,
 * licm.c, vector.c (PIE), version.c (loop versioning), reassoc.c, sr.c (strength reduction), unroll.c,
 * dce.c, sched.c;
 * then the target:
 * rv32/isel+emit (emit.c) with the register allocator rega.c. docs/jit.md.
 */
#ifndef P4_JIT_IR_H
#define P4_JIT_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Machine types of IR values. */
typedef enum IrType {
    TY_VOID,  /* no value (stores, terminators, checks) */
    TY_INT,   /* int32 (Python int) */
    TY_BOOL,  /* int32 0/1 (Python bool) */
    TY_FLOAT, /* float32 */
    TY_NONE,  /* Python None: no register */
    TY_PTR,   /* an address (array data, an object) */
    TY__COUNT
} IrType;

/*
 * X(name, result, operands, flags)
 *   flags: P pure (may be moved, merged, deleted when unused), C can fail
 *   (has a pc and a failure path), T terminator, S has a side effect.
 */
#define IR_PURE  1u
#define IR_FAILS 2u
#define IR_TERM  4u
#define IR_SIDE  8u

#define IR_OPS(X)                                                                     \
    X(NOP,     0, 0, 0)                                                                 \
    X(CONST,   1, 0, IR_PURE)            /* k: int bits or float bits */                \
    X(PARAM,   1, 0, 0)                  /* k: incoming argument register number */     \
    X(PHI,     1, 0, 0)                  /* operands in phi list, one per predecessor */ \
    X(UNDEF,   1, 0, IR_PURE)            /* an unassigned local (never reaches code) */  \
    X(COPY,    1, 1, IR_PURE)                                                           \
    /* int32, wrapping (the compiler proved they cannot overflow, or Python wraps) */   \
    X(ADD,     1, 2, IR_PURE) X(SUB, 1, 2, IR_PURE) X(MUL, 1, 2, IR_PURE)               \
    X(AND,     1, 2, IR_PURE) X(OR,  1, 2, IR_PURE) X(XOR, 1, 2, IR_PURE)               \
    X(SHL,     1, 2, IR_PURE) X(SHR, 1, 2, IR_PURE) /* arithmetic */                    \
    X(NOT,     1, 1, IR_PURE)                                                           \
    X(CMP,     1, 2, IR_PURE)            /* aux: IrCond; int or bool operands */         \
    X(SELECT,  1, 3, IR_PURE)            /* a ? b : c */                                \
    /* int32 with Python's checks: fail -> the interpreter raises */                    \
    X(ADDO,    1, 2, IR_FAILS) X(SUBO, 1, 2, IR_FAILS) X(MULO, 1, 2, IR_FAILS)         \
    X(NEGO,    1, 1, IR_FAILS)                                                          \
    X(FLOORDIV,1, 2, IR_FAILS) X(MOD, 1, 2, IR_FAILS)                                   \
    X(SHLO,    1, 2, IR_FAILS) X(SHRO, 1, 2, IR_FAILS) /* with the count checks */       \
    X(ABSO,    1, 1, IR_FAILS)                                                          \
    /* float32 */                                                                       \
    X(FADD,    1, 2, IR_PURE) X(FSUB, 1, 2, IR_PURE) X(FMUL, 1, 2, IR_PURE)            \
    X(FDIV,    1, 2, IR_FAILS)           /* division by zero fails */                   \
    X(FNEG,    1, 1, IR_PURE) X(FABS, 1, 1, IR_PURE) X(FSQRT, 1, 1, IR_FAILS)          \
    X(FMIN,    1, 2, IR_PURE) X(FMAX, 1, 2, IR_PURE)                                    \
    X(FCMP,    1, 2, IR_PURE)            /* aux: IrCond */                              \
    X(CMPIF,   1, 2, IR_PURE)            /* aux: IrCond; int a against float b, exactly */ \
    X(ITOF,    1, 1, IR_PURE)                                                           \
    X(FTOI,    1, 1, IR_FAILS)           /* int(x): truncates; NaN/inf/range fail */     \
    X(CALLRT,  1, 3, 0)                  /* aux: runtime helper; pure C math */          \
    /* arrays: a = the Array object; loads and stores take data pointer + index */      \
    X(ALEN,    1, 1, IR_PURE)            /* len field */                                \
    X(ADATA,   1, 1, IR_PURE)            /* data pointer */                             \
    X(INDEX,   1, 2, IR_FAILS)           /* a=len b=index: negative wraps; out of range fails */ \
    X(BOUND,   0, 2, IR_FAILS)           /* a=len b=index known >= 0 (range.c): fails unless b < a */ \
    /* a check taken apart (licm.c): the flag is pure and can move, the check stays */ \
    X(OVF,     1, 2, IR_PURE)            /* aux: ADDO/SUBO/MULO/BOUND; non-zero if that op fails on a, b */ \
    X(CHECK,   0, 1, IR_FAILS)           /* fails when a != 0; pc and witnesses of the op it checks */ \
    X(ALOAD,   1, 2, 0)                  /* a=data b=index; aux: typecode */             \
    X(ASTORE,  0, 3, IR_SIDE|IR_FAILS)   /* a=data b=index c=value; fails out of element range */ \
    X(NEWBYTES,1, 1, IR_SIDE|IR_FAILS)   /* bytearray(a): a call into the runtime (jit.c) */ \
    /* PIE (vector.c): QACC, the 16 x int32 accumulator, is one implicit operand */    \
    X(VCFG,    0, 0, IR_SIDE)            /* allow unaligned 128-bit loads and stores (PIE CFG bits 0, 1) */ \
    X(VZERO,   0, 0, IR_SIDE)            /* QACC = 0 (aux 1: XACC = 0) */               \
    X(VMAC,    0, 2, IR_SIDE)            /* QACC[i] += A[i] * b[i], i < 16, int8 at pointers a and b; \
                                            A = a[0] in every lane (aux bit 0 clear) or a[i] (set); \
                                            aux bit 1: XACC += the sum of the 16 products instead; \
                                            aux bit 3: int16, 8 lanes (into XACC) */ \
    X(VSTQ,    0, 3, IR_SIDE)            /* a[i] = QACC[i], i < aux (16 or 8), int32; aux 0: \
                                            b quarters (a value, 1 to 4), the last of c lanes */ \
    /* calls and control */                                                             \
    X(CALL,    1, 0, IR_SIDE|IR_FAILS)   /* k: callee; args in the call list */          \
    X(JMP,     0, 0, IR_TERM)                                                           \
    X(BR,      0, 1, IR_TERM)            /* a != 0: succ[0], else succ[1] */             \
    X(RET,     0, 1, IR_TERM)            /* a, or -1 for None */                         \
    /* PIE elementwise lanes (elementwise.c): q registers are named in aux and k, */    \
    /* not allocated; q2-q7 are these ops' alone */                                     \
    X(EWLD,    0, 1, IR_SIDE)            /* q[aux] = the 16 bytes at address a (aux 8: QACC = 64) */ \
    X(EWST,    0, 1, IR_SIDE)            /* the 16 bytes at address a = q[aux] */        \
    X(EWBC,    0, 1, IR_SIDE)            /* every 32-bit lane of q[aux] = a */           \
    X(EWOP,    0, 0, IR_SIDE)            /* aux: IrEwOp; k: q dest | q x << 4 | q y << 8 */ \
    X(EWANY,   1, 0, IR_SIDE)            /* the largest unsigned 32-bit lane of q[aux]: 0 iff q[aux] is 0 */ \
    X(EWSAR,   0, 1, IR_SIDE)            /* PIE's SAR = a, the shift of EW_SHR (aux 0x10|q: q = QACC >> a narrowed to int8) */ \
    /* PIE (vector.c), reductions: VZERO aux 1 clears XACC, VMAC aux bit 2 adds to it */ \
    X(VXACC,   1, 0, IR_SIDE)            /* the low 32 bits of XACC (the sum of its products); \
                                            aux 2: its bits 39..32, sign-extended */ \
    /* vector.c (vec3): aux taps of a broadcast operand from one 16-byte load: q2 = the     \
       16 int8 at a; for t < aux: q1 = the 16 int8 at b, b += c; QACC[i] += q1[i] * q2[t] */ \
    X(VMACN,   0, 3, IR_SIDE)

typedef enum IrOp {
#define IR_OP_ENUM(name, res, nops, flags) IR_##name,
    IR_OPS(IR_OP_ENUM)
#undef IR_OP_ENUM
    IR__COUNT
} IrOp;

/* EWOP's aux: the operation (low 4 bits) on lanes of 8, 16 or 32 bits
 * (EW_W8, EW_W16, EW_W32). add and sub saturate: elementwise.c tests that
 * no lane did (x == (x + y) - y), so the results are exact. */
enum { EW_MAX, EW_MIN, EW_ADD, EW_SUB, EW_XOR, EW_SHR /* 32-bit lanes, arithmetic, by SAR */,
       EW_MUL /* 8/16-bit lanes: the product >> SAR, rounded down, saturated */,
       EW_UNZIP /* 16/32-bit lanes: k's dest (also x) and y unzipped: dest's low 64 bits = its lanes' low halves */,
       EW_AND /* bitwise and of the 128 bits (unsigned bytes shifted in int8 lanes) */ };
enum { EW_W8 = 0x00, EW_W16 = 0x10, EW_W32 = 0x20 };
/* EWST's aux bit: store only the low 64 bits of q[aux & 7] (a narrowing store after EW_UNZIP) */
enum { EW_LOW64 = 0x40 };

typedef struct IrOpInfo {
    const char *name;
    uint8_t has_result, nops, flags;
} IrOpInfo;
extern const IrOpInfo ir_opinfo[IR__COUNT];

typedef enum IrCond { CC_EQ, CC_NE, CC_LT, CC_LE, CC_GT, CC_GE } IrCond;

/* Element kinds (aux of aload/astore, and of pointer values): array
 * typecodes 'b' 'B' 'h' 'H' 'i' 'I' 'f', 'Y' for bytearray, and lists whose
 * items are all of one kind: 'F' floats, 'N' ints, 'G' lists of floats,
 * 'M' lists of ints. A list item is a Value (on RV32: a type word, then the
 * payload at +4); compiled code reads and writes payloads only, and stores
 * only the kind already there, so the type words never change. 'W': a raw
 * 32-bit word of an object (an attribute's type word or payload, a field;
 * build.c), which no array pass takes for an array element. */
static inline bool ir_is_list(uint8_t k) { return k == 'F' || k == 'N' || k == 'G' || k == 'M'; }
static inline unsigned ir_elem_shift(uint8_t k)
{
    return ir_is_list(k) ? 3 : k == 'h' || k == 'H' ? 1 : k == 'i' || k == 'I' || k == 'f' || k == 'W' ? 2 : 0;
}
enum { IR_LIST_PAYLOAD = 4 }; /* offset of a list item's payload */

/* Runtime helpers callable with CALLRT (float math from libm, float // and
 * % from the interpreter's own code): one or two float arguments. */
#define IR_HELPERS(X) \
    X(EXP, expf) X(LOG, logf) X(SIN, sinf) X(COS, cosf) X(TAN, tanf) X(ATAN, atanf) \
    X(FLOOR, floorf) X(CEIL, ceilf) X(FFLOORDIV, jit_rt_ffloordiv) X(FMOD, jit_rt_fmod) \
    X(FPOW, powf) X(FPOWBAD, jit_rt_fpow_bad) /* FPOWBAD's result is an int: whether ** raises */ \
    X(METHOD, jit_rt_method) /* from here on: int or pointer arguments (a0, a1), an int result (objcall.c) */ \
    X(INSTATTR, jit_rt_inst_attr) X(CLASSATTR, jit_rt_class_attr) \
    X(STREQ, jit_rt_str_eq) X(STRCMP, jit_rt_str_cmp) X(STRLEN, jit_rt_str_len) \
    X(ROOTS, jit_rt_roots) X(UNROOT, jit_rt_unroot) /* vmcall.c: a frame's root slots */ \
    X(OWNMETHOD, jit_rt_own_method) /* objcall.c: super() */ \
    X(PANELOF, jit_rt_panel_of) X(PANELROWS, jit_rt_panel_rows) X(PANEL, jit_rt_panel) /* scratch.c */
typedef enum IrHelper {
#define IR_HELPER_ENUM(name, fn) H_##name,
    IR_HELPERS(IR_HELPER_ENUM)
#undef IR_HELPER_ENUM
    H__COUNT
} IrHelper;
static inline bool ir_helper_int_args(unsigned h) { return h >= H_METHOD && h < H__COUNT; }

typedef struct IrIns {
    uint8_t op, type, aux;
    uint8_t nargs;      /* CALL: argument count (args in Ir.lists at list) */
    int32_t a, b, c;    /* operands (value numbers) or -1 */
    union {
        int32_t i;
        float f;
    } k;
    int32_t list;       /* PHI, CALL: first index into Ir.lists */
    int32_t w[3];       /* failing instructions: the witnesses the runtime
                           re-runs the bytecode operation with; -1 if none */
    uint8_t nw;
    uint16_t ndm;       /* failing instructions: the deopt map at Ir.lists[dm] (-1: */
    int32_t dm;         /* none): its ndm values, then the tag count and the tags (jit_int.h) */
    uint32_t pc;        /* the bytecode instruction it implements */
    int32_t block;
    int32_t uses;       /* use count (maintained by dce.c) */
} IrIns;

#define IR_MAX_PREDS 64

typedef struct IrBlock {
    int32_t *ins;       /* instruction numbers in order (phis first) */
    uint32_t nins, cap;
    int32_t preds[IR_MAX_PREDS];
    uint32_t npreds;
    int32_t succ[2];
    uint32_t nsucc;
    uint32_t bc_start;  /* first bytecode instruction */
    int32_t idom;       /* immediate dominator (cse, licm) */
    int32_t loop_depth; /* nesting of natural loops */
    int32_t loop_head;  /* innermost loop header containing it, or -1 */
    bool sealed, filled, dead;
    /* a vectorised loop's scalar copy, run only when the lanes cannot (a
     * bail-out, a trip count of 1): rega counts its uses once, not
     * 8^loop_depth times, so the loops around keep their registers */
    bool cold;
    /* vector_panel.c: sr.c also reduces the pointer adds in this loop's own
     * blocks (not its inner loops'), though the loop is not innermost */
    bool sr_own;
} IrBlock;

/* Why a function is not compiled: text plus the source line. */
typedef struct IrRefusal {
    char why[160];
    int32_t line;
} IrRefusal;

struct JitSpec;

/* The passes' tables (per value, per block) come from one arena per
 * function: a pass notes ir_tmp_mark at its start and gives back all it
 * took with ir_tmp_release at its end. The arena's chunks are kept for the
 * next pass and freed by ir_free, after compiling. One malloc per chunk
 * instead of one per table: picolibc's malloc clears every block it hands
 * out and calloc clears it again. */
typedef struct IrChunk IrChunk;
typedef struct IrTmpMark {
    IrChunk *chunk;
    uint32_t used;
} IrTmpMark;

/* --jit-report: what the vectorisers made of one loop (vector.c). */
typedef struct IrLoopNote {
    uint32_t pc;          /* its header's first bytecode (the `for`) */
    uint32_t lo, hi;      /* the bytecode span of its body */
    const char *why;      /* not on lanes: why (static text) */
    const char *why_dot;  /* and why not as a dot product (static text), or NULL: not tried */
    const char *how;      /* on PIE: "lanes", "dot product", "elementwise"; NULL: not */
    uint32_t ref_pc;      /* the vectorised loop `why` refers to, or UINT32_MAX */
    uint8_t lanes, taps;  /* on PIE: lanes; inner loops given 16 taps per load */
    uint8_t why_op;       /* the IR op `why` is about (0: none) */
    const char *why_ew;   /* and why elementwise.c left it scalar (static text), or NULL: not tried */
    uint8_t why_ew_op;    /* the IR op why_ew is about (0: none), */
    uint32_t why_ew_pc;   /* and its bytecode */
    bool alias;           /* on lanes: a load may read the stored array (compared at entry) */
    int32_t block;        /* its header block (while vector.c runs) */
} IrLoopNote;

typedef struct Ir {
    IrIns *ins;
    uint32_t nins, capins;
    IrBlock *blocks;
    uint32_t nblocks, capblocks;
    int32_t *lists;          /* phi operands and call arguments */
    uint32_t nlists, caplists;
    IrType ret_type;         /* TY_NONE, TY_INT, TY_BOOL, TY_FLOAT */
    bool ret_known;
    uint32_t nparams;
    uint32_t nroots;         /* build.c: root slots (Values on the VM's stack) the function keeps objects in */
    bool oom;
    bool preds_full;    /* an edge found its target's IR_MAX_PREDS predecessors taken (oom set too) */
    uint8_t vector_lanes;    /* vector.c put a loop on PIE lanes: how many (0: none), */
    uint32_t vector_pc;      /* and the bytecode of its `for` */
    uint8_t vector_taps;     /* vector.c: inner loops given 16 taps per load (VMACN) */
    bool no_panel;           /* -X panel=off (vector_panel.c) */
    /* vector.c: scalar loops (headers) whose every check a value made before them
     * already tests for any counter from the loop's first value on (non-zero: one
     * may fail): version.c takes that value as the loop's guard */
    struct IrTested { int32_t header, guard; } tested[4];
    uint32_t ntested;
    IrLoopNote *notes;       /* vector.c: one per loop (malloc'd; ir_free frees them) */
    uint32_t nnotes;
    struct JitInsExtra *extra; /* per value: what the JIT attaches (jit_int.h) */
    uint32_t capextra;
    IrChunk *tmp, *tmp_spare;  /* the arena's chunks in use (newest first), and those given back */
    struct IrRange { int32_t lo, hi; } *ranges; /* what range.c proved, for the */
    uint32_t nranges;                             /* values there were then */
    /* cfg.c's results, kept until an edge changes (ir_cfg_changed): most
     * passes ask for them, few change the graph */
    int32_t *rpo;
    uint32_t nrpo, caprpo;
    bool rpo_ok, dom_ok, loops_ok;
} Ir;

/* Construction helpers (ir.c). */
void ir_init(Ir *ir, uint32_t expect); /* expect: instructions to make room for */
void ir_free(Ir *ir);
void ir_pool_free(void); /* the arena's chunks kept between compiles (jit_free) */
int32_t ir_new_block(Ir *ir, uint32_t bc_start);
int32_t ir_add(Ir *ir, int32_t block, IrOp op, IrType type, int32_t a, int32_t b, int32_t c);
int32_t ir_const_int(Ir *ir, int32_t block, int32_t v);
int32_t ir_const_float(Ir *ir, int32_t block, float v);
int32_t ir_list_alloc(Ir *ir, uint32_t n);
void ir_add_edge(Ir *ir, int32_t from, int32_t to);
void ir_remove_ins(Ir *ir, int32_t v);   /* detaches from its block */
/* ir_remove_ins without the search of the block's list, for a pass that
 * walks the list and drops v from it itself (fold, cse: removing one at a
 * time was quadratic in a block's length). */
static inline void ir_drop(Ir *ir, int32_t v)
{
    ir->ins[v].block = -1;
    ir->ins[v].op = IR_NOP;
}
/* v (in a block, or detached) to the end of block, before its terminator */
void ir_move_ins(Ir *ir, int32_t v, int32_t block);
void ir_insert_after(Ir *ir, int32_t v, int32_t after); /* a detached v (block -1) after another */
/* A new instruction (a constant) at the end of a block that has its
 * terminator already, before it: what a pass adds to a preheader. */
int32_t ir_add_before_term(Ir *ir, int32_t block, IrOp op, IrType type, int32_t a, int32_t b, int32_t c);
int32_t ir_const_before_term(Ir *ir, int32_t block, int32_t k);
/* Replace every use of `from` by `to`. */
void ir_replace_uses(Ir *ir, int32_t from, int32_t to);
/* ... in the blocks b with in[b] set only */
void ir_replace_uses_in(Ir *ir, int32_t from, int32_t to, const uint8_t *in);
/* Whether block b (or, b < 0, any live block) has a call (IR_CALL): the
 * callee may run the interpreter (a call into it, a deoptimisation), which
 * can resize an array or list compiled code holds, so its length and data
 * pointer (ALEN, ADATA) are pure only between calls. */
bool ir_block_calls(const Ir *ir, int32_t b);
/* An ir_for_operands callback: a replaced value (to[v] >= 0, the table as
 * ctx) forwards to its replacement, through chains (fold, cse, version). */
static inline void ir_forward(Ir *ir, int32_t *slot, void *to_table)
{
    const int32_t *to = to_table;
    (void)ir;
    while (to[*slot] >= 0)
        *slot = to[*slot];
}
/* Calls fn on each value of a failing instruction's deopt map. Inline, as
 * ir_for_operands below: a map lists the frame's locals, so there are many
 * values, and an indirect call for each cost about 4% of the compile time
 * (bench/RESULTS.md, jitcost6). */
static inline __attribute__((always_inline)) void ir_for_deopt_values(Ir *ir, IrIns *in,
                                                                      void (*fn)(Ir *, int32_t *, void *), void *ctx)
{
    int32_t *v = &ir->lists[in->dm];
    for (uint32_t i = 0; i < in->ndm; i++)
        if (v[i] >= 0)
            fn(ir, &v[i], ctx);
}
/* Calls fn on each operand slot of instruction v. Inline (always: with the
 * deopt maps' call GCC stopped inlining it at some sites): the passes call
 * it for every instruction, and with fn known at the call site the compiler
 * makes the call direct or inlines it (an indirect call per operand was a
 * tenth of the compile time). */
static inline __attribute__((always_inline)) void ir_for_operands(Ir *ir, int32_t v,
                                                                  void (*fn)(Ir *, int32_t *, void *), void *ctx)
{
    IrIns *in = &ir->ins[v];
    if (in->a >= 0) fn(ir, &in->a, ctx);
    if (in->b >= 0) fn(ir, &in->b, ctx);
    if (in->c >= 0) fn(ir, &in->c, ctx);
    for (int i = 0; i < in->nw; i++)
        if (in->w[i] >= 0) fn(ir, &in->w[i], ctx);
    if (in->ndm) /* the deopt map's values */
        ir_for_deopt_values(ir, in, fn, ctx);
    uint32_t n = in->op == IR_PHI ? ir->blocks[in->block].npreds : in->op == IR_CALL ? in->nargs : 0;
    for (uint32_t i = 0; i < n; i++)
        if (ir->lists[in->list + (int32_t)i] >= 0)
            fn(ir, &ir->lists[in->list + (int32_t)i], ctx);
}
static inline IrIns *ir_at(Ir *ir, int32_t v) { return &ir->ins[v]; }
/* A check proved away or taken apart: it no longer fails here, so neither
 * its witnesses nor its deopt map are kept alive. */
static inline void ir_drop_failure(IrIns *in) { in->nw = 0, in->ndm = 0, in->dm = -1; }
/* Gives the copy w of a failing instruction its own deopt map (a copy of
 * src's), so that renaming the copy's operands leaves the original's alone. */
void ir_copy_deopt_map(Ir *ir, int32_t w, const IrIns *src);

/* Arena tables (see IrChunk): n bytes, 8-aligned, until ir_tmp_release of
 * a mark taken before; ir_tmp0 clears them. NULL when out of memory. */
void *ir_tmp(Ir *ir, size_t n);
void *ir_tmp0(Ir *ir, size_t n);
IrTmpMark ir_tmp_mark(const Ir *ir);
void ir_tmp_release(Ir *ir, IrTmpMark m);

/* Analyses (cfg.c): reverse post-order, dominators, natural loops. Their
 * results are kept: whatever adds, removes or redirects an edge, or marks a
 * block dead, calls ir_cfg_changed (ir_add_edge and ir_new_block do). */
static inline void ir_cfg_changed(Ir *ir) { ir->rpo_ok = ir->dom_ok = ir->loops_ok = false; }
uint32_t ir_rpo(Ir *ir, int32_t *order);
void ir_dominators(Ir *ir);
bool ir_dominates(const Ir *ir, int32_t a, int32_t b);
void ir_loops(Ir *ir);

/* A counted loop (the shape build.c gives range() loops): header h with
 * phi = phi(init, phi + step), step a non-zero constant added in the body,
 * and h branching into the body (succ[0]) on `phi cc bound`, cc LT or LE
 * for a positive step, GT or GE for a negative one; the loop is left
 * through succ[1]. Needs ir_dominators. */
typedef struct IrCounted {
    int32_t phi, init, next, bound, cmp;
    int32_t step;
    IrCond cc;
    int32_t body, exit, latch;
} IrCounted;
bool ir_counted_loop(const Ir *ir, int32_t h, IrCounted *out);
/* max(n, INT32_MIN + d) - d, at the end of block (before its terminator):
 * the limit below which a counter k stepping by 1 still has k + d < n,
 * exact and without overflow (unroll.c: d = 3, vector.c: lanes - 1). */
int32_t ir_clamped_limit(Ir *ir, int32_t block, int32_t n, int32_t d);
/* The natural loop of header h: in[b] = 1 for its blocks, nested loops
 * included (work: room for nblocks). Returns the count. Needs ir_dominators. */
uint32_t ir_loop_blocks(const Ir *ir, int32_t h, uint8_t *in, int32_t *work);
/* v as scale*k + off, k a counted loop's counter, scale and off values from
 * outside the loop (in[]: its blocks; -1 for 1 and 0): k itself, k*s, and
 * y + o with y one of those; with checked, through mulo/addo too
 * (version.c; sr.c only through plain operations). */
typedef struct IrAffine {
    int32_t scale, off;
    bool ok;
} IrAffine;
IrAffine ir_affine(const Ir *ir, const uint8_t *in, int32_t k, int32_t v, bool checked);

/* The passes. */
void ir_fold(Ir *ir);       /* fold.c: constant folding, copies, algebraic identities */
void ir_ranges(Ir *ir);     /* range.c: value ranges; removes the checks they prove */
/* range.c: the range of a small value from its own operands (narrow array
 * elements, constants, sums and products of those), for version.c */
bool ir_small_range(const Ir *ir, int32_t v, int64_t *lo, int64_t *hi);
/* The range range.c proved for v over every execution (false for values
 * made after it ran, or when it knows nothing). */
bool ir_value_range(const Ir *ir, int32_t v, int32_t *lo, int32_t *hi);
void ir_cse(Ir *ir);        /* cse.c: dominator-scoped value numbering */
void ir_reassoc(Ir *ir);    /* reassoc.c: chains of `or` regrouped, outermost operands first */
void ir_licm(Ir *ir);       /* licm.c: hoists invariant pure code to loop preheaders */
void ir_version(Ir *ir);    /* version.c: a check-free copy of counted loops, behind a guard */
/* version.c: copies the blocks in[] (their values renamed within the copy;
 * edges leaving them kept), map[v] and bmap[b] set to each copy; returns
 * the copy of block h, or -1 (out of memory) */
int32_t ir_copy_blocks(Ir *ir, const uint8_t *in, int32_t *map, int32_t *bmap, int32_t h);
/* vector.c: outer loops of int8 multiply-accumulate reductions on PIE's
 * 16 lanes, ahead of the scalar loop, which finishes and takes over on any
 * doubt; only when the target has PIE */
void ir_vectorize(Ir *ir);
/* vector.c: after elementwise.c, the notes of the loops it put on lanes. */
void ir_loop_notes_finish(Ir *ir);
/* elementwise.c: counted loops that store one array element per iteration
 * from elements of the same index (add, sub, min, max of int8, int16 or
 * int32) on 16, 8 or 4 PIE lanes, ahead of the scalar loop, which finishes
 * and takes over on any doubt; only when the target has PIE */
void ir_elementwise(Ir *ir);
/* vector_entry.c: a vector loop's VCFG and the bail-out flags of its entry
 * that are linear in the counters of the loops around, done once for them */
void ir_vector_entry(Ir *ir);
void ir_sr(Ir *ir);         /* sr.c: array indices affine in the loop counter become pointers */
void ir_unroll(Ir *ir);     /* unroll.c: small check-free counted loops, four iterations per test */
void ir_schedule(Ir *ir);   /* sched.c: fills load, multiply and float latencies inside blocks */
void ir_dce(Ir *ir);        /* dce.c: removes unused pure values and dead phis */
bool ir_removable(const IrIns *in); /* dce.c: unused, it can go (pure, a phi, a load) */
void ir_count_uses(Ir *ir); /* dce.c: recounts IrIns.uses */

/* Printing (print.c), for `p4jit dis --jit` and the tests. */
typedef void (*IrPrintFn)(void *ctx, const char *text);
void ir_print(const Ir *ir, IrPrintFn out, void *ctx);
const char *ir_type_name(IrType t);

#endif
