/*
 * build.c - bytecode to typed SSA.
 *
 * The bytecode's basic blocks become IR blocks. Each block is interpreted
 * abstractly: the value stack holds IR values, and locals, stack slots live
 * across blocks and the hidden state of for-loops are "variables" put into
 * SSA form on the fly (Braun et al., "Simple and Efficient Construction of
 * Static Single Assignment Form", CC 2013): a block is sealed once all its
 * predecessors are built; a variable read in an unsealed loop header gets an
 * incomplete phi, completed when the back edge is built.
 *
 * Types come from the specialisation's argument types, constants and the
 * operations. A loop header's phi takes the type of the value entering the
 * loop; if the back edge brings another type the function is refused (Python
 * would change the variable's type between iterations; the interpreter
 * handles that, compiled code does not).
 *
 * Values that exist only at compile time (the built-in `range`, a module, a
 * function to call, a range or array iterator, a tuple being unpacked) are
 * "statics": negative stack entries indexing a table here.
 */
#include <stdarg.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jit/jit_int.h"
#include "vm/bytecode.h"
#include "vm/class.h"
#include "vm/p4b.h"

/* vm/class.c: set once a property is stored into a class after it was made
 * (then an attribute store may have to call a setter: compiled stores test it). */
extern bool late_property;

enum StaticKind { S_OBJ, S_RANGE, S_ITER_RANGE, S_ITER_COUNTED, S_ITER_ARRAY, S_TUPLE, S_METHOD_SELF_NONE };

typedef struct Static {
    uint8_t kind;
    Value obj;          /* S_OBJ: the object (function, native, module, type) */
    int32_t v[4];       /* S_RANGE: start stop step; S_TUPLE items; iterators: base variable */
    uint32_t n;
} Static;

#define STATIC_ID(i) (-2 - (int32_t)(i))
#define IS_STATIC(v) ((v) <= -2)
#define STATIC_INDEX(v) ((uint32_t)(-2 - (v)))

/* Instances the builder knows the layout of: parameters 0-7, then those
 * read from their attributes (build.c, "instances and closures"). */
#define INST_SLOTS (JIT_MAX_PARAMS + 8)

typedef struct Builder {
    bool guarded_lists;  /* a list read from an attribute is held (guarded_list_kind) */
    bool makes_bytes;    /* bytearray(n) is compiled (the one allocation; a collection there */
                         /* could free a list the code holds after its attribute was stored) */
    const char *attr_ptr; /* an object read from an attribute is held (what it is), */
    bool makes_calls;     /* and a Python function is called: see held_across_calls */
    bool via_interpreter; /* the call being built is not compiled: make it through the interpreter (interp_call) */
    /* root slots (root_live): objects held across calls */
    int32_t roots_base, roots_n;  /* the CALLRT that makes them (at the entry) and its count, or -1 */
    uint32_t nroots;              /* the most one call needs */
    bool holds_objects;           /* a value that needs a root was made */
    bool call_undescribed;        /* a call was made where the live values were not known */
    struct { int32_t v; const Class *cls; } boxed_cls[16]; /* objects a class call made: their class */
    uint32_t nboxed_cls;
    const Class *var_cls[64]; /* the class of the object last stored into local i (a prediction) */
    struct { int32_t v; uint8_t n; JitType t[4]; } tuples[16]; /* tuples made or returned: their items */
    uint32_t ntuples;
    bool ret_items_set;       /* spec->ret_nitems decided by a return (materialize) */
    bool making_tuple;        /* interp_call: the call makes a tuple of its arguments (vmcall.c) */
    JitState *js;
    JitSpec *spec;
    Ir *ir;
    const Code *code;
    const uint32_t *insns;
    uint32_t n;
    JitResolveFn resolve;
    IrRefusal *why;
    bool failed;
    /* bytecode CFG */
    int32_t *block_of;    /* pc -> IR block starting there, or -1 */
    uint32_t *expect_preds;
    uint32_t *filled_preds;
    int32_t *entry_depth;
    /* variables */
    uint32_t nvars, stack_base, hidden_base, nhidden, maxhidden;
    int32_t *defs;        /* nblocks * nvars: current definition, or -1 */
    int32_t *forward;     /* value -> replacement (removed trivial phis), or -1 */
    uint32_t capforward;
    /* incomplete phis: (block, var, phi) */
    struct { int32_t block, var, phi; } *incomplete;
    uint32_t nincomplete, capincomplete;
    /* assumed statics in unsealed headers: (block, var, value) */
    struct { int32_t block, var, val; } *assumed;
    uint32_t nassumed, capassumed;
    int32_t *var_of_phi;   /* phi -> variable, for messages */
    Static statics[256];
    uint32_t nstatics;
    /* abstract stack of the block being built */
    int32_t stack[P4B_MAX_STACK + 8];
    uint32_t sp;
    int32_t cur;           /* block being built */
    uint32_t pc;           /* instruction being built */
    int32_t hidden_of_pc[64][2]; /* GET_ITER pc -> hidden variable base */
    uint32_t nhidden_sites;
    /* deopt maps: the interpreter's frame before the instruction being built */
    uint32_t *live;        /* per pc: the locals live before it (live_words each), or NULL */
    bool live_done;        /* live computed (at the first deopt map: most functions have none) */
    uint32_t live_words;
    uint32_t snap_sp;      /* the stack's depth before it: stack[0 .. snap_sp) is still */
    bool snap_ok;          /* what it was when a guard is made (pushes come after guards) */
    int32_t map_pc, map;   /* the last map made: for pc, at Ir.lists index (shared by its guards) */
    uint16_t nmap;
    int32_t type_edges[64][2]; /* edges (pred, block) that leave for the interpreter: a type changes */
    uint32_t ntype_edges;
    /* instances' dicts already checked in the block being built, since its
     * start or its last call (nothing compiled changes a dict's layout; a
     * call may deoptimise, and the interpreter may) */
    struct { int32_t obj, used, entries; } shapes[8];
    struct { int32_t obj; uint32_t idx; } keys[32];
    uint32_t nshapes, nkeys;
    int32_t memo_block;
    /* A function that calls no Python function cannot see a dict's layout
     * change while it runs (compiled code only writes values in place): its
     * parameters' dicts and keys are checked once, at its entry (block 0, a
     * deopt there runs the whole call interpreted). A call found after that
     * builds the function again without (retry_plain). */
    bool hoist, hoisted, retry_plain;
    int32_t param_val[INST_SLOTS]; /* an instance slot's value made at the entry, or -1 */
    struct { int32_t used, entries; } eshape[INST_SLOTS];
    struct { uint32_t p, idx; } ekeys[32];
    uint32_t nekeys;
    bool late_at_entry;     /* the late_property guard is made at the entry, */
    int32_t late_block;     /* or in this block since its start or its last call (late_guard) */
    bool entry_mode;        /* emit() and guard() put what they make at the entry */
    struct { int32_t key, val; } evals[32]; /* values read once at the entry: attributes (p << 16 | idx) and */
    uint32_t nevals;                        /* cells (-1 - k) this function never stores */
    bool eshape_made[INST_SLOTS];
    Value nested[INST_SLOTS - JIT_MAX_PARAMS]; /* instances read from attributes: their examples, */
    int32_t nested_key[INST_SLOTS - JIT_MAX_PARAMS]; /* the slot and entry they are read from */
    uint32_t nnested;
} Builder;

/* An instance of a user class is a TY_PTR value whose aux is INST_AUX + p,
 * p its slot: the parameter it came in as, or JIT_MAX_PARAMS + j for the
 * j-th instance read from an attribute (the example whose layout the code
 * assumes; other values differ in aux, so a phi never merges them). */
#define INST_AUX 0x80
static bool is_instance(uint8_t aux) { return aux >= INST_AUX && aux < INST_AUX + INST_SLOTS; }

/* ---- refusals ------------------------------------------------------------- */

static int32_t line_of(Builder *b, uint32_t pc)
{
    const P4bCode *src = b->code->src;
    return bc_line_for_pc(src->linetab, src->linetab_len, (int32_t)src->firstline, pc);
}

static bool refuse(Builder *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool refuse(Builder *b, const char *fmt, ...)
{
    if (!b->failed) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(b->why->why, sizeof b->why->why, fmt, ap);
        va_end(ap);
        b->why->line = line_of(b, b->pc);
        b->failed = true;
    }
    return false;
}

static const char *local_name(Builder *b, uint32_t var)
{
    if (var < b->code->nlocals)
        return AS(Str, b->code->program->strings[b->code->src->localnames[var]])->data;
    return var < b->hidden_base ? "(a stack slot)" : "(a loop iterator)";
}

/* ---- values ----------------------------------------------------------------- */

static int32_t res(Builder *b, int32_t v)
{
    while (v >= 0 && (uint32_t)v < b->capforward && b->forward[v] >= 0)
        v = b->forward[v];
    return v;
}

static void attach_deopt_map(Builder *b, int32_t v);
static void attach_call_map(Builder *b, int32_t v);
static bool root_live(Builder *b, const int32_t *args, int nargs);
static bool made_object(Builder *b);
static bool method_of_instance(Builder *b, int32_t o, Str *n);
static bool is_boxed(uint8_t aux) { return aux == JIT_TC_BOXED; }
static const Class *boxed_class(Builder *b, int32_t v);
static void note_class(Builder *b, int32_t v, const Class *c);
static void note_tuple(Builder *b, int32_t v, uint32_t n, const JitType *t);
static bool late_guard(Builder *b);
static int32_t word(Builder *b, int32_t base, int32_t index, IrType t);

/* The guards that deoptimise: those whose failure the interpreter may get
 * past (an int result outside int32, which it computes as an int of any
 * size; int(x) of a float beyond int32 too, and a NaN or an infinity there
 * raises in the interpreter's frame). The others (a bad index, a division by zero, a value out of
 * an array's element range, a float error) are an exception in the
 * interpreter too: they raise it directly (jit_rt_fail re-runs the
 * instruction on their witnesses), which costs no deopt map. */
static bool deoptimises(IrOp op)
{
    switch (op) {
    case IR_ADDO: case IR_SUBO: case IR_MULO: case IR_NEGO: case IR_SHLO: case IR_ABSO: case IR_FLOORDIV: case IR_FTOI:
        return true;
    default:
        return false;
    }
}

static int32_t at_entry(Builder *b, IrOp op, IrType t, int32_t x, int32_t y, int32_t z);

static int32_t emit(Builder *b, IrOp op, IrType t, int32_t x, int32_t y, int32_t z)
{
    if (b->entry_mode)
        return at_entry(b, op, t, x, y, z);
    int32_t v = ir_add(b->ir, b->cur, op, t, x, y, z);
    b->ir->ins[v].pc = b->pc;
    if (deoptimises(op) && b->snap_ok)
        attach_deopt_map(b, v);
    return v;
}

static IrType ty(Builder *b, int32_t v) { return (IrType)b->ir->ins[res(b, v)].type; }

static JitInsExtra *extra(Builder *b, int32_t v) { return jit_extra(b->ir, v); }

/* A failing instruction re-runs pc with these witnesses. */
static void witness(Builder *b, int32_t v, int32_t w0, int32_t w1, int32_t w2)
{
    IrIns *in = &b->ir->ins[v];
    in->w[0] = w0, in->w[1] = w1, in->w[2] = w2;
    in->nw = (uint8_t)(w0 < 0 ? 0 : w1 < 0 ? 1 : w2 < 0 ? 2 : 3);
}

/* A check at the current pc that fails when flag is non-zero; the runtime
 * then re-runs the bytecode operation (or native n) on the witnesses, which
 * raises the interpreter's exception. */
static void check_that(Builder *b, int32_t flag, int32_t w0, int32_t w1, const Native *n)
{
    int32_t chk = emit(b, IR_CHECK, TY_VOID, flag, -1, -1);
    witness(b, chk, w0, w1, -1);
    if (n && extra(b, chk))
        extra(b, chk)->native = n;
}

/* f == k, for a float value and a float constant. */
static int32_t float_equals(Builder *b, int32_t f, float k)
{
    int32_t c = emit(b, IR_FCMP, TY_BOOL, f, ir_const_float(b->ir, b->cur, k), -1);
    b->ir->ins[c].aux = CC_EQ;
    return c;
}

static bool ensure_forward(Builder *b)
{
    uint32_t need = b->ir->nins + 1;
    if (need <= b->capforward)
        return true;
    uint32_t nc = need * 2;
    int32_t *f = realloc(b->forward, nc * sizeof *f);
    int32_t *vp = realloc(b->var_of_phi, nc * sizeof *vp);
    if (!f || !vp) {
        if (f) b->forward = f;
        if (vp) b->var_of_phi = vp;
        return refuse(b, "out of memory while compiling");
    }
    for (uint32_t i = b->capforward; i < nc; i++)
        f[i] = -1, vp[i] = -1;
    b->forward = f, b->var_of_phi = vp, b->capforward = nc;
    return true;
}

/* ---- SSA variables (Braun et al.) --------------------------------------------- */

static int32_t read_var(Builder *b, uint32_t var, int32_t block);

static void write_var(Builder *b, uint32_t var, int32_t block, int32_t v)
{
    b->defs[(size_t)block * b->nvars + var] = v;
}

static int32_t new_phi(Builder *b, int32_t block, uint32_t var, IrType t, uint8_t aux)
{
    int32_t save = b->cur;
    b->cur = block;
    int32_t phi = emit(b, IR_PHI, t, -1, -1, -1);
    b->cur = save;
    b->ir->ins[phi].aux = aux;
    b->ir->ins[phi].pc = b->ir->blocks[block].bc_start;
    if (ensure_forward(b))
        b->var_of_phi[phi] = (int32_t)var;
    return phi;
}

static bool type_change_exit(Builder *b, int32_t pred, int32_t block, bool to_float);
static bool is_intlike(IrType t);

/* A merge a recompilation widened (JitSpec.float_merges: its int path
 * deoptimised too often where a float came in): a variable int on one
 * path and float on another is a float there, and the int paths leave. */
static bool widened_merge(Builder *b, uint32_t pc)
{
    for (uint32_t i = 0; i < b->spec->nfloat_merges; i++)
        if (b->spec->float_merges[i] == pc)
            return true;
    return false;
}

/* Fills a phi's operands from the predecessors; checks their types. */
static int32_t add_phi_operands(Builder *b, uint32_t var, int32_t phi)
{
    IrBlock *bl = &b->ir->blocks[b->ir->ins[phi].block];
    int32_t list = ir_list_alloc(b->ir, bl->npreds);
    b->ir->ins[phi].list = list;
    if (b->ir->ins[phi].type == TY_VOID && widened_merge(b, bl->bc_start))
        for (uint32_t p = 0; p < bl->npreds; p++) { /* a float on any path: the merge is a float */
            int32_t v = res(b, read_var(b, var, bl->preds[p]));
            if (v >= 0 && !IS_STATIC(v) && b->ir->ins[v].type == TY_FLOAT) {
                b->ir->ins[phi].type = TY_FLOAT, b->ir->ins[phi].aux = 0;
                break;
            }
        }
    for (uint32_t p = 0; p < bl->npreds; p++) {
        int32_t v = res(b, read_var(b, var, bl->preds[p]));
        b->ir->lists[list + (int32_t)p] = v;
        if (IS_STATIC(v) || v < 0) {
            refuse(b, "%s holds a compile-time object on one path only", local_name(b, var));
            continue;
        }
        IrIns *in = &b->ir->ins[v];
        IrIns *ph = &b->ir->ins[phi];
        /* a path back to a block whose phi is still being filled (this one
         * or one it reads through) brings that phi, untyped yet: like an
         * unassigned value, it does not decide the type */
        if (in->op == IR_UNDEF || (in->op == IR_PHI && in->type == TY_VOID))
            continue;
        if (ph->type == TY_VOID) /* unassigned before the loop: the loop's type */
            ph->type = in->type, ph->aux = in->aux;
        bool same = in->type == ph->type && (in->type != TY_PTR || in->aux == ph->aux);
        IrType pt = (IrType)ph->type;
        /* an instance read from an attribute on one path, an object made or
         * returned on another: an object (its uses are guarded either way:
         * attribute reads check the dict, methods the lookup) */
#define OPAQUE(x) (is_boxed(x) || (is_instance(x) && (x) - INST_AUX >= JIT_MAX_PARAMS))
        if (!same && pt == TY_PTR && in->type == TY_PTR && OPAQUE(ph->aux) && OPAQUE(in->aux)) {
            ph->aux = JIT_TC_BOXED;
            same = true;
        }
#undef OPAQUE
        bool numbers = (is_intlike(pt) || pt == TY_FLOAT) && (is_intlike((IrType)in->type) || in->type == TY_FLOAT);
        if (!same && v != phi && numbers &&
            type_change_exit(b, bl->preds[p], ir_at(b->ir, phi)->block, in->type == TY_FLOAT)) {
            /* that path leaves for the interpreter before it gets here:
             * any value of the phi's type stands for it */
            int32_t k = ir_add(b->ir, -1, IR_CONST, pt, -1, -1, -1);
            if (b->ir->oom || !ensure_forward(b))
                return refuse(b, "out of memory while compiling"), phi;
            b->ir->ins[k].k.i = 0; /* 0 or 0.0 */
            ir_move_ins(b->ir, k, bl->preds[p]);
            b->ir->lists[b->ir->ins[phi].list + (int32_t)p] = k;
            continue;
        }
        if (!same && v != phi) {
            b->pc = bl->bc_start;
            char t1[24], t2[24];
            JitType a = {ph->type, 0, ph->aux, NULL}, c = {in->type, 0, in->aux, NULL};
            refuse(b, "%s is %s on one path and %s on another (a variable must keep one type)",
                   local_name(b, var), jit_type_name(a, t1, sizeof t1), jit_type_name(c, t2, sizeof t2));
        }
    }
    return phi;
}

static int32_t read_var_recursive(Builder *b, uint32_t var, int32_t block)
{
    IrBlock *bl = &b->ir->blocks[block];
    int32_t v;
    if (!bl->sealed) {
        /* A loop header: the value entering the loop fixes the type, or the
         * static, of what the back edge must bring. */
        int32_t first = bl->npreds ? res(b, read_var(b, var, bl->preds[0])) : -1;
        if (first < 0 && !IS_STATIC(first))
            return refuse(b, "%s is read before the loop assigns it", local_name(b, var)), 0;
        if (IS_STATIC(first)) {
            if (b->nassumed == b->capassumed) {
                uint32_t nc = b->capassumed ? b->capassumed * 2 : 16;
                void *p = realloc(b->assumed, nc * sizeof *b->assumed);
                if (!p)
                    return refuse(b, "out of memory while compiling"), 0;
                b->assumed = p, b->capassumed = nc;
            }
            b->assumed[b->nassumed].block = block, b->assumed[b->nassumed].var = (int32_t)var;
            b->assumed[b->nassumed++].val = first;
            v = first;
        } else {
            IrIns *f = &b->ir->ins[first];
            IrType t = f->op == IR_UNDEF ? TY_VOID : (IrType)f->type;
            v = new_phi(b, block, var, t, f->aux);
            if (b->nincomplete == b->capincomplete) {
                uint32_t nc = b->capincomplete ? b->capincomplete * 2 : 16;
                void *p = realloc(b->incomplete, nc * sizeof *b->incomplete);
                if (!p)
                    return refuse(b, "out of memory while compiling"), 0;
                b->incomplete = p, b->capincomplete = nc;
            }
            b->incomplete[b->nincomplete].block = block, b->incomplete[b->nincomplete].var = (int32_t)var;
            b->incomplete[b->nincomplete++].phi = v;
        }
    } else if (bl->npreds == 0) {
        v = ir_add(b->ir, -1, IR_UNDEF, TY_VOID, -1, -1, -1); /* never assigned on this path */
        ensure_forward(b);
    } else if (bl->npreds == 1) {
        v = read_var(b, var, bl->preds[0]);
    } else {
        /* Break cycles first: an operandless phi stands for the variable
         * here while the predecessors are read, so a path that comes back
         * to this block (a variable read after a loop nest that assigns it
         * only inside) reads the phi instead of recursing for ever. Its type
         * comes from the operands (add_phi_operands). */
        int32_t phi = new_phi(b, block, var, TY_VOID, 0);
        write_var(b, var, block, phi);
        int32_t first = res(b, read_var(b, var, bl->preds[0]));
        if (IS_STATIC(first)) {
            bool all = true; /* a path back here reads the phi: not the same object */
            for (uint32_t p = 1; p < bl->npreds; p++)
                all = all && res(b, read_var(b, var, bl->preds[p])) == first;
            if (!all)
                return refuse(b, "%s holds different compile-time objects on different paths",
                              local_name(b, var)), 0;
            ir_remove_ins(b->ir, phi);
            v = first;
        } else {
            add_phi_operands(b, var, phi);
            v = phi;
        }
    }
    write_var(b, var, block, v);
    return v;
}

static int32_t read_var(Builder *b, uint32_t var, int32_t block)
{
    int32_t v = b->defs[(size_t)block * b->nvars + var];
    if (v != -1)
        return res(b, v);
    if (b->failed)
        return -1;
    return read_var_recursive(b, var, block);
}

static void seal(Builder *b, int32_t block)
{
    IrBlock *bl = &b->ir->blocks[block];
    if (bl->sealed)
        return;
    bl->sealed = true;
    for (uint32_t i = 0; i < b->nincomplete; i++)
        if (b->incomplete[i].block == block)
            add_phi_operands(b, (uint32_t)b->incomplete[i].var, b->incomplete[i].phi);
    for (uint32_t i = 0; i < b->nassumed; i++) {
        if (b->assumed[i].block != block)
            continue;
        for (uint32_t p = 0; p < bl->npreds; p++)
            if (res(b, read_var(b, (uint32_t)b->assumed[i].var, bl->preds[p])) != b->assumed[i].val)
                refuse(b, "%s changes inside a loop to another compile-time object",
                       local_name(b, (uint32_t)b->assumed[i].var));
    }
}

/* ---- stack ------------------------------------------------------------------- */

static void push(Builder *b, int32_t v) { b->stack[b->sp++] = v; }
static int32_t pop(Builder *b) { return b->stack[--b->sp]; }

static int32_t new_static(Builder *b, Static s)
{
    if (b->nstatics >= sizeof b->statics / sizeof b->statics[0])
        return refuse(b, "too many compile-time objects"), STATIC_ID(0);
    b->statics[b->nstatics] = s;
    return STATIC_ID(b->nstatics++);
}

static Static *static_of(Builder *b, int32_t v) { return IS_STATIC(v) ? &b->statics[STATIC_INDEX(v)] : NULL; }

/* A value operand: refuses statics. */
static int32_t value(Builder *b, int32_t v, const char *what)
{
    if (IS_STATIC(v)) {
        refuse(b, "%s is not a number or an array", what);
        return -1;
    }
    return res(b, v);
}

/* ---- helpers for typed operations ------------------------------------------------ */

static bool is_intlike(IrType t) { return t == TY_INT || t == TY_BOOL; }

static int32_t to_float(Builder *b, int32_t v)
{
    if (ty(b, v) == TY_FLOAT)
        return v;
    IrIns *in = &b->ir->ins[v];
    if (in->op == IR_CONST)
        return ir_const_float(b->ir, b->cur, (float)in->k.i);
    return emit(b, IR_ITOF, TY_FLOAT, v, -1, -1);
}

static const char *op_symbol(unsigned op)
{
    switch (op) {
    case OP_BINARY_ADD: case OP_INPLACE_ADD: return "+";
    case OP_BINARY_SUB: return "-";
    case OP_BINARY_MUL: case OP_INPLACE_MUL: return "*";
    case OP_BINARY_TRUEDIV: return "/";
    case OP_BINARY_FLOORDIV: return "//";
    case OP_BINARY_MOD: return "%";
    case OP_BINARY_POW: return "**";
    case OP_BINARY_LSHIFT: return "<<";
    case OP_BINARY_RSHIFT: return ">>";
    case OP_BINARY_AND: return "&";
    case OP_BINARY_OR: return "|";
    default: return "^";
    }
}

static int32_t binary(Builder *b, unsigned op, int32_t x, int32_t y)
{
    IrType tx = ty(b, x), ty_ = ty(b, y);
    char n1[24], n2[24];
    JitType jx = {tx, 0, b->ir->ins[x].aux, NULL}, jy = {ty_, 0, b->ir->ins[y].aux, NULL};
    if (!((is_intlike(tx) || tx == TY_FLOAT) && (is_intlike(ty_) || ty_ == TY_FLOAT))) {
        refuse(b, "operator %s on %s and %s", op_symbol(op), jit_type_name(jx, n1, sizeof n1),
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
        refuse(b, "operator %s on %s and %s is not compiled yet", op_symbol(op),
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

static int32_t compare(Builder *b, unsigned op, int32_t x, int32_t y)
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
static int32_t truth(Builder *b, int32_t v)
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

static bool array_type(Builder *b, int32_t arr, uint8_t *tc)
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
static int32_t checked_index(Builder *b, int32_t arr, int32_t idx)
{
    if (!is_intlike(ty(b, idx)))
        return refuse(b, "array index is not an int"), -1;
    int32_t len = emit(b, IR_ALEN, TY_INT, arr, -1, -1);
    int32_t r = emit(b, IR_INDEX, TY_INT, len, idx, -1);
    witness(b, r, arr, idx, -1);
    return r;
}

static IrType elem_type(uint8_t tc)
{
    return tc == 'f' || tc == 'F' ? TY_FLOAT : tc == 'G' || tc == 'M' ? TY_PTR : TY_INT;
}

/* The aux of a loaded element: its own kind when it is a list (lists of
 * lists), else the container's typecode (which the load also needs). */
static uint8_t elem_aux(uint8_t tc) { return tc == 'G' ? 'F' : tc == 'M' ? 'N' : tc; }

static bool is_guarded_list(uint8_t tc) { return tc == 'l' || tc == 'k' || tc == 'j' || tc == 'g'; }

static uint8_t ptr_obj(uint8_t aux)
{
    return is_instance(aux) ? T_INSTANCE : aux == 'Y' ? T_BYTEARRAY : aux == JIT_TC_STR ? T_STR
         : ir_is_list(aux) || is_guarded_list(aux) ? T_LIST : T_ARRAY;
}

static bool guard(Builder *b, int32_t flag);
static bool held_across_calls(Builder *b);
static int32_t cmp_k(Builder *b, IrCond cc, int32_t x, int32_t k);
static uint32_t value_tag(IrType t);

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

static int32_t guarded_item(Builder *b, int32_t x, int32_t y)
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
static bool guarded_store(Builder *b, int32_t x, int32_t y, int32_t z)
{
    IrType vt = ty(b, z);
    if (vt != TY_INT && vt != TY_BOOL && vt != TY_FLOAT)
        return refuse(b, "storing a value that is not a number into a list");
    if (!is_intlike(ty(b, y)))
        return refuse(b, "list index is not an int");
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

/* ---- calls ------------------------------------------------------------------------- */

static int32_t call_native(Builder *b, const Native *n, int32_t *args, int nargs)
{
    const char *name = n->name;
    for (int i = 0; i < nargs; i++)
        if (IS_STATIC(args[i]) && !(strcmp(name, "range") == 0))
            return refuse(b, "%s() of a compile-time object", name), -1;
    if (strcmp(name, "range") == 0) {
        if (nargs < 1 || nargs > 3)
            return refuse(b, "range() with %d arguments", nargs), -1;
        Static s = {.kind = S_RANGE};
        s.obj = v_obj((void *)n);
        for (int i = 0; i < nargs; i++) {
            if (IS_STATIC(args[i]) || !is_intlike(ty(b, args[i])))
                return refuse(b, "range() of a non-int"), -1;
        }
        s.v[0] = nargs == 1 ? ir_const_int(b->ir, b->cur, 0) : args[0];
        s.v[1] = nargs == 1 ? args[0] : args[1];
        s.v[2] = nargs == 3 ? args[2] : ir_const_int(b->ir, b->cur, 1);
        return new_static(b, s);
    }
    if (nargs == 1) {
        int32_t x = args[0];
        IrType t = ty(b, x);
        int32_t r = -1;
        if (strcmp(name, "len") == 0 && t == TY_PTR && b->ir->ins[res(b, x)].aux == JIT_TC_STR) {
            int32_t n = emit(b, IR_CALLRT, TY_INT, x, -1, -1);
            b->ir->ins[n].aux = H_STRLEN;
            return n;
        }
        if (strcmp(name, "len") == 0 && t == TY_PTR && !is_instance(b->ir->ins[res(b, x)].aux) &&
            !is_boxed(b->ir->ins[res(b, x)].aux))
            return emit(b, IR_ALEN, TY_INT, x, -1, -1);
        if (strcmp(name, "abs") == 0 && is_intlike(t))
            r = emit(b, IR_ABSO, TY_INT, x, -1, -1);
        else if (strcmp(name, "abs") == 0 && t == TY_FLOAT)
            return emit(b, IR_FABS, TY_FLOAT, x, -1, -1);
        else if (strcmp(name, "int") == 0 && is_intlike(t))
            return t == TY_INT ? x : emit(b, IR_COPY, TY_INT, x, -1, -1);
        else if (strcmp(name, "int") == 0 && t == TY_FLOAT)
            r = emit(b, IR_FTOI, TY_INT, x, -1, -1);
        else if (strcmp(name, "float") == 0 && (is_intlike(t) || t == TY_FLOAT))
            return to_float(b, x);
        else if (strcmp(name, "sqrt") == 0 && (is_intlike(t) || t == TY_FLOAT))
            r = emit(b, IR_FSQRT, TY_FLOAT, to_float(b, x), -1, -1);
        else if ((strcmp(name, "floor") == 0 || strcmp(name, "ceil") == 0) && is_intlike(t))
            return x;
        else if ((strcmp(name, "floor") == 0 || strcmp(name, "ceil") == 0) && t == TY_FLOAT) {
            int32_t f = emit(b, IR_CALLRT, TY_FLOAT, x, -1, -1);
            b->ir->ins[f].aux = name[0] == 'f' ? H_FLOOR : H_CEIL;
            r = emit(b, IR_FTOI, TY_INT, f, -1, -1);
        } else {
            static const struct { const char *name; IrHelper h; } math1[] = {
                {"exp", H_EXP}, {"sin", H_SIN}, {"cos", H_COS}, {"tan", H_TAN}, {"atan", H_ATAN}};
            for (size_t i = 0; i < sizeof math1 / sizeof math1[0]; i++)
                if (strcmp(name, math1[i].name) == 0 && (is_intlike(t) || t == TY_FLOAT)) {
                    int32_t xf = to_float(b, x);
                    if (math1[i].h == H_SIN || math1[i].h == H_COS || math1[i].h == H_TAN) {
                        /* the interpreter's domain: an infinite argument raises */
                        int32_t ax = emit(b, IR_FABS, TY_FLOAT, xf, -1, -1);
                        check_that(b, float_equals(b, ax, INFINITY), x, -1, n);
                    }
                    int32_t f = emit(b, IR_CALLRT, TY_FLOAT, xf, -1, -1);
                    b->ir->ins[f].aux = (uint8_t)math1[i].h;
                    if (math1[i].h == H_EXP) /* as the interpreter: inf from a finite x is an OverflowError */
                        check_that(b, emit(b, IR_XOR, TY_BOOL, float_equals(b, f, INFINITY), float_equals(b, xf, INFINITY), -1),
                                   x, -1, n);
                    return f;
                }
        }
        if (r >= 0) {
            witness(b, r, x, -1, -1);
            if (extra(b, r)) extra(b, r)->native = n;
            return r;
        }
    }
    if (nargs == 2 && (strcmp(name, "min") == 0 || strcmp(name, "max") == 0)) {
        int32_t x = args[0], y = args[1];
        IrType tx = ty(b, x), ty_ = ty(b, y);
        bool mx = name[1] == 'a';
        /* min(x, y) is y if y < x else x; max(x, y) is y if y > x else x:
         * the first of equal (or unordered) arguments wins, as in CPython. */
        if (tx == ty_ && (is_intlike(tx) || tx == TY_FLOAT)) {
            int32_t c = emit(b, tx == TY_FLOAT ? IR_FCMP : IR_CMP, TY_BOOL, y, x, -1);
            b->ir->ins[c].aux = mx ? CC_GT : CC_LT;
            return emit(b, IR_SELECT, tx, c, y, x);
        }
    }
    b->via_interpreter = true; /* do_call: through the interpreter */
    return -1;
}

static int32_t call_function(Builder *b, Function *fn, int32_t *args, int nargs)
{
    Code *c = fn->code;
    int ndef = fn->defaults ? (int)fn->defaults->len : 0;
    if (nargs > c->nparams || nargs < c->nparams - ndef)
        return b->via_interpreter = true, -1; /* the interpreter raises the TypeError */
    if (c->nparams > JIT_MAX_PARAMS)
        return b->via_interpreter = true, -1;
    if (c->flags)
        return b->via_interpreter = true, -1;
    int32_t all[JIT_MAX_PARAMS];
    JitType types[JIT_MAX_PARAMS];
    for (int i = 0; i < c->nparams; i++) {
        int32_t v;
        if (i < nargs)
            v = args[i];
        else {
            Value d = fn->defaults->items[i - (c->nparams - ndef)];
            if (d.type == T_INT || d.type == T_BOOL) {
                v = ir_const_int(b->ir, b->cur, d.u.i);
                b->ir->ins[v].type = d.type == T_BOOL ? TY_BOOL : TY_INT;
            } else if (d.type == T_FLOAT)
                v = ir_const_float(b->ir, b->cur, d.u.f);
            else
                return b->via_interpreter = true, -1;
        }
        if (IS_STATIC(v))
            return refuse(b, "call of %s() with a compile-time object as argument", c->name->data), -1;
        IrIns *in = &b->ir->ins[res(b, v)];
        all[i] = res(b, v);
        types[i].ty = in->type, types[i].tc = in->type == TY_PTR ? in->aux : 0; /* (a compare's aux is its condition) */
        types[i].obj = in->type == TY_PTR ? ptr_obj(in->aux) : 0;
        types[i].cls = NULL;
        if (in->type == TY_PTR && ((is_instance(in->aux) && in->aux - INST_AUX >= JIT_MAX_PARAMS) || is_boxed(in->aux)))
            return b->via_interpreter = true, -1; /* an instance whose class is not checked, any object */
        if (in->type == TY_PTR && is_instance(in->aux)) /* keyed by its class, as from the interpreter */
            types[i].tc = JIT_TC_INSTANCE, types[i].cls = b->spec->params[in->aux - INST_AUX].cls;
        if (in->type == TY_NONE)
            return refuse(b, "call of %s() with None as argument", c->name->data), -1;
    }
    /* the instances passed on keep their examples: the callee's attribute
     * layouts (guarded there like any other) */
    Value example[JIT_MAX_PARAMS];
    bool any_example = false;
    for (int i = 0; i < c->nparams; i++) {
        example[i] = v_unbound();
        uint32_t p = types[i].tc == JIT_TC_INSTANCE ? (uint32_t)(b->ir->ins[all[i]].aux - INST_AUX) : JIT_MAX_PARAMS;
        if (p < JIT_MAX_PARAMS && b->js->example && p < b->js->nexample && b->js->example[p].type == T_INSTANCE)
            example[i] = b->js->example[p], any_example = true;
    }
    b->js->callee_example = any_example ? example : NULL, b->js->ncallee_example = (uint32_t)c->nparams;
    JitSpec *callee = b->resolve(b->js, fn, types, c->nparams);
    b->js->callee_example = NULL, b->js->ncallee_example = 0;
    if (!callee)
        return refuse(b, "out of memory while compiling"), -1;
    /* a callee that calls this function back, is not compiled, or
     * allocates (compiled code allocates only when called from the
     * interpreter): through the interpreter */
    if ((callee->state == SPEC_BUILDING && callee != b->spec) || callee->state == SPEC_REFUSED || callee->allocates)
        return b->via_interpreter = true, -1;
    if (b->hoisted) { /* a dict checked at the entry could change in the call: build again */
        b->retry_plain = true;
        return refuse(b, "calls %s() after checking attributes at the entry", c->name->data), -1;
    }
    b->hoist = false;
    b->makes_calls = true;
    if (!held_across_calls(b))
        return -1;
    JitType rt = callee->ret;
    if (callee->state == SPEC_BUILDING && rt.ty == TY_VOID) {
        /* Recursion before any return was seen: assume int; jit.c builds
         * again if the guess was wrong. */
        rt.ty = TY_INT;
        callee->ret_guessed = true;
    }
    if (!root_live(b, all, c->nparams))
        return -1;
    int32_t r = emit(b, IR_CALL, rt.ty == TY_NONE ? TY_NONE : (IrType)rt.ty, -1, -1, -1);
    if (rt.ty == TY_PTR) { /* an object: only passed on, returned, its methods called */
        b->ir->ins[r].aux = JIT_TC_BOXED;
        if (!made_object(b))
            return -1;
        note_class(b, r, (const Class *)rt.cls);
        note_tuple(b, r, callee->ret_nitems, callee->ret_items);
    }
    attach_call_map(b, r);
    b->ir->ins[r].nargs = (uint8_t)c->nparams;
    b->ir->ins[r].list = ir_list_alloc(b->ir, c->nparams);
    for (int i = 0; i < c->nparams; i++)
        b->ir->lists[b->ir->ins[r].list + i] = all[i];
    if (extra(b, r)) extra(b, r)->callee = callee;
    return r;
}

/* ---- calls into the interpreter (vmcall.c) ------------------------------------------ */

static int32_t interp_call(Builder *b, Value callee, int32_t *args, int nargs);

/* Tuples (docs/jit.md, "Objects as values"): a tuple display stays a
 * compile-time list of values while it is only unpacked (a, b = b, a);
 * returned or passed to a call it is made (a call stub that builds it,
 * vmcall.c), and its items' types are remembered for a compiled caller
 * that unpacks it (JitSpec.ret_items). */
static void note_tuple(Builder *b, int32_t v, uint32_t n, const JitType *t)
{
    if (n == 0 || n > 4 || b->ntuples == sizeof b->tuples / sizeof b->tuples[0])
        return;
    b->tuples[b->ntuples].v = v, b->tuples[b->ntuples].n = (uint8_t)n;
    memcpy(b->tuples[b->ntuples++].t, t, n * sizeof *t);
}

static int32_t materialize(Builder *b, int32_t x)
{
    Static *s = static_of(b, x);
    if (!s || s->kind != S_TUPLE)
        return x;
    int32_t items[4];
    JitType t[4];
    uint32_t n = s->n;
    for (uint32_t i = 0; i < n; i++) {
        items[i] = s->v[i];
        if (IS_STATIC(items[i]) || b->ir->ins[res(b, items[i])].type == TY_NONE)
            return refuse(b, "a tuple of something other than numbers and objects is made"), -1;
        const IrIns *in = &b->ir->ins[res(b, items[i])];
        t[i].ty = in->type, t[i].tc = 0, t[i].cls = NULL;
        t[i].obj = in->type == TY_FLOAT ? T_FLOAT : in->type == TY_BOOL ? T_BOOL : T_INT;
        if (in->type == TY_PTR) { /* its object type (the unpacking guard), and class when known */
            t[i].tc = JIT_TC_BOXED, t[i].obj = ptr_obj(in->aux);
            if (is_boxed(in->aux))
                t[i].obj = 0; /* any object */
            else if (is_instance(in->aux) && in->aux - INST_AUX < JIT_MAX_PARAMS)
                t[i].cls = b->spec->params[in->aux - INST_AUX].cls;
        }
    }
    b->making_tuple = true;
    int32_t r = interp_call(b, v_obj((void *)&type_tuple), items, (int)n);
    b->making_tuple = false;
    if (r >= 0)
        note_tuple(b, r, n, t);
    return r;
}

/* a, b = t for a tuple t made or returned (its items known): guards on its
 * type, length and each item's type word, then the payloads. */
static bool unpack_tuple(Builder *b, int32_t x, uint32_t n)
{
    x = res(b, x);
    const JitType *t = NULL;
    for (uint32_t i = 0; i < b->ntuples && !t; i++)
        if (b->tuples[i].v == x && b->tuples[i].n == n)
            t = b->tuples[i].t;
    if (!t)
        return refuse(b, "unpacking of a value whose items are not known when compiling");
    int32_t tb = emit(b, IR_ALOAD, TY_INT, x, ir_const_int(b->ir, b->cur, 4), -1);
    b->ir->ins[tb].aux = 'B'; /* Obj.type */
    if (!guard(b, cmp_k(b, CC_NE, tb, T_TUPLE)) || !guard(b, cmp_k(b, CC_NE, word(b, x, 2, TY_INT), (int32_t)n)))
        return false;
    int32_t vals[4];
    for (uint32_t i = 0; i < n; i++) {
        int32_t tw = word(b, x, (int32_t)(3 + 2 * i), TY_INT);
        if (t[i].ty == TY_PTR) { /* an object: any (obj 0), or of that type */
            if (!guard(b, t[i].obj ? cmp_k(b, CC_NE, tw, t[i].obj) : cmp_k(b, CC_LT, tw, T_FIRST_OBJ)))
                return false;
            vals[i] = emit(b, IR_COPY, TY_PTR, word(b, x, (int32_t)(4 + 2 * i), TY_PTR), -1, -1);
            b->ir->ins[vals[i]].aux = JIT_TC_BOXED;
            if (!made_object(b))
                return false;
            note_class(b, vals[i], (const Class *)t[i].cls);
        } else {
            if (!guard(b, cmp_k(b, CC_NE, tw, (int32_t)value_tag((IrType)t[i].ty))))
                return false;
            vals[i] = word(b, x, (int32_t)(4 + 2 * i), (IrType)t[i].ty);
        }
    }
    for (int i = (int)n - 1; i >= 0; i--)
        push(b, vals[i]);
    return true;
}

/* The result type a caller of Python function code c assumes when the call
 * goes through the interpreter: what its returns say (a constant, a true
 * division, a comparison), else float when it has a float constant or a
 * true division, else int. Only a guess: a result of another type sends
 * the caller to the interpreter after the call (the call's deopt map). */
/* The instruction that pushed the value depth slots below the top of the
 * stack as it is before pc, walking back through straight code: its pc,
 * or -1 (only for a guess: a jump into the walk is not seen). */
static int32_t pushed_by(const Code *c, uint32_t pc, uint32_t depth)
{
    for (uint32_t i = pc; i-- > 0 && pc - i < 64;) {
        uint32_t insn = c->insns[i];
        if (bc_opinfo[BC_OP(insn)].flow != FLOW_NEXT)
            return -1;
        int pops = bc_stack_pops(insn), pushes = pops + bc_stack_effect(insn, false);
        if ((int)depth < pushes)
            return (int32_t)i;
        depth = (uint32_t)((int)depth - pushes + pops);
    }
    return -1;
}

/* `return C(...)`, C a global that is a class defined in Python now: C,
 * else NULL. */
static const Class *returns_instance(const Code *c, uint32_t ret_pc)
{
    int32_t call = pushed_by(c, ret_pc, 0);
    if (call < 0 || BC_OP(c->insns[call]) != OP_CALL)
        return NULL;
    int32_t f = pushed_by(c, (uint32_t)call, BC_ARG(c->insns[call]));
    if (f < 0 || BC_OP(c->insns[f]) != OP_LOAD_GLOBAL)
        return NULL;
    Value g = c->program->globals[BC_ARG(c->insns[f])];
    return g.type == T_TYPE && type_is_user(AS(TypeObj, g)) ? (const Class *)AS(TypeObj, g) : NULL;
}

static IrType guessed_result(const Code *c)
{
    IrType known = TY_VOID;
    bool nones = false, unknown = false, floats = false;
    for (uint32_t pc = 0; pc < c->ninsns; pc++) {
        unsigned op = BC_OP(c->insns[pc]);
        Value k = op == OP_LOAD_CONST ? c->consts->items[BC_ARG(c->insns[pc])] : v_none();
        floats |= op == OP_BINARY_TRUEDIV || (op == OP_LOAD_CONST && k.type == T_FLOAT);
        if (op != OP_RETURN_VALUE || pc == 0)
            continue;
        unsigned prev = BC_OP(c->insns[pc - 1]);
        Value r = prev == OP_LOAD_CONST ? c->consts->items[BC_ARG(c->insns[pc - 1])] : v_unbound();
        IrType t = returns_instance(c, pc) != NULL                                           ? TY_PTR
                   : prev == OP_BINARY_TRUEDIV                                               ? TY_FLOAT
                   : (prev >= OP_COMPARE_LT && prev <= OP_COMPARE_GE) || prev == OP_UNARY_NOT ? TY_BOOL
                   : r.type == T_INT                                                         ? TY_INT
                   : r.type == T_BOOL                                                        ? TY_BOOL
                   : r.type == T_FLOAT                                                       ? TY_FLOAT
                                                                                             : TY_VOID;
        if (prev == OP_LOAD_CONST && r.type == T_NONE)
            nones = true; /* (also the implicit return after a last `return x`) */
        else if (t == TY_VOID)
            unknown = true;
        else if (known == TY_VOID)
            known = t;
    }
    if (known != TY_VOID)
        return known;
    if (nones && !unknown)
        return TY_NONE;
    return floats ? TY_FLOAT : TY_INT;
}

/* The class of object v, made by a class call here, as far as the builder
 * can tell: the call's class, or for a variable the class of the object
 * last stored into it. Only a prediction: the method it finds is guarded
 * (jit_rt_method) whatever the class is at run time. */
static void note_class(Builder *b, int32_t v, const Class *c)
{
    if (c && b->nboxed_cls < sizeof b->boxed_cls / sizeof b->boxed_cls[0])
        b->boxed_cls[b->nboxed_cls].v = v, b->boxed_cls[b->nboxed_cls++].cls = c;
}

static const Class *boxed_class(Builder *b, int32_t v)
{
    v = res(b, v);
    for (uint32_t i = 0; i < b->nboxed_cls; i++)
        if (b->boxed_cls[i].v == v)
            return b->boxed_cls[i].cls;
    if (v >= 0 && b->ir->ins[v].op == IR_PHI && b->var_of_phi && (uint32_t)v < b->capforward) {
        int32_t var = b->var_of_phi[v];
        if (var >= 0 && var < 64)
            return b->var_cls[var];
    }
    return NULL;
}

/* The return type of a compiled specialisation fn has already: for these
 * argument types, else any (most functions return one type), else
 * TY_VOID. Only looked up: compiling it here without the instances'
 * examples would refuse it for good. */
static const JitSpec *compiled_return(Function *fn, const JitType *types, int nargs)
{
    const JitFunc *f = fn->jit;
    const JitSpec *any = NULL;
    for (const JitSpec *s = f ? f->specs : NULL; s; s = s->next) {
        if (s->state != SPEC_COMPILED || s->ret.ty == TY_VOID)
            continue;
        bool same = s->nparams == (uint32_t)nargs;
        for (int i = 0; same && i < nargs; i++)
            same = s->params[i].ty == types[i].ty && (!types[i].cls || s->params[i].cls == types[i].cls);
        if (same)
            return s;
        if (!any)
            any = s;
    }
    return any;
}

/* The result type of Python function fn called with args through the
 * interpreter: its specialisation's for these argument types when the JIT
 * compiles it (instances of the classes the builder predicts, compiled
 * with the examples it has; the call through the interpreter then runs
 * that code), else one compiled already, else guessed_result. */
static JitType typed_result(Builder *b, Function *fn, const int32_t *args, int nargs, const JitSpec **from)
{
    *from = NULL;
    JitType rt = {guessed_result(fn->code), 0, 0, NULL};
    const Code *c = fn->code;
    if (rt.ty == TY_PTR) /* `return C(...)`: the first such return's class (a prediction) */
        for (uint32_t pc = 1; pc < c->ninsns && !rt.cls; pc++)
            if (BC_OP(c->insns[pc]) == OP_RETURN_VALUE)
                rt.cls = returns_instance(c, pc);
    if (rt.ty == TY_PTR)
        rt.tc = JIT_TC_BOXED;
    if (nargs != c->nparams || c->flags || nargs > JIT_MAX_PARAMS)
        return rt;
    JitType types[JIT_MAX_PARAMS];
    Value example[JIT_MAX_PARAMS];
    bool any_example = false, no_example = false;
    for (int i = 0; i < nargs; i++) {
        if (IS_STATIC(args[i]))
            return rt;
        const IrIns *in = &b->ir->ins[res(b, args[i])];
        if (in->type == TY_NONE || in->type == TY_VOID)
            return rt;
        types[i].ty = in->type, types[i].tc = in->type == TY_PTR ? in->aux : 0;
        types[i].obj = in->type == TY_PTR ? ptr_obj(in->aux) : 0, types[i].cls = NULL;
        example[i] = v_unbound();
        if (in->type == TY_PTR && (is_instance(in->aux) || is_boxed(in->aux))) {
            types[i].tc = JIT_TC_INSTANCE, types[i].obj = T_INSTANCE;
            if (is_boxed(in->aux))
                types[i].cls = boxed_class(b, res(b, args[i]));
            else if (in->aux - INST_AUX < JIT_MAX_PARAMS) {
                uint32_t p = (uint32_t)(in->aux - INST_AUX);
                types[i].cls = b->spec->params[p].cls;
                if (b->js->example && p < b->js->nexample)
                    example[i] = b->js->example[p];
            } else {
                example[i] = b->nested[in->aux - INST_AUX - JIT_MAX_PARAMS];
                types[i].cls = example[i].type == T_INSTANCE ? AS(Instance, example[i])->cls : NULL;
            }
            if (!types[i].cls || example[i].type != T_INSTANCE || AS(Instance, example[i])->cls != types[i].cls)
                no_example = true, example[i] = v_unbound();
            any_example |= example[i].type == T_INSTANCE;
        }
    }
    const JitSpec *callee = no_example ? compiled_return(fn, types, nargs) : NULL;
    if (no_example && !callee)
        /* an instance whose layout is not known: compiled with it as any
         * object (a type the interpreter never calls with, so no refusal
         * stays in the way of the real one), for its return type */
        for (int i = 0; i < nargs; i++)
            if (types[i].tc == JIT_TC_INSTANCE && example[i].type != T_INSTANCE)
                types[i].tc = JIT_TC_BOXED, types[i].obj = 0, types[i].cls = NULL;
    if (!callee) {
        b->js->callee_example = any_example ? example : NULL, b->js->ncallee_example = (uint32_t)nargs;
        callee = b->resolve(b->js, fn, types, (uint32_t)nargs);
        b->js->callee_example = NULL, b->js->ncallee_example = 0;
    }
    if (callee && callee->state == SPEC_COMPILED && callee->ret.ty != TY_VOID) {
        rt = callee->ret, *from = callee;
        if (rt.ty == TY_PTR)
            rt.tc = JIT_TC_BOXED;
    }
    return rt;
}

/* A call compiled code makes through the interpreter: callee (a function
 * the JIT does not compile, a built-in, a class) with the arguments boxed
 * (numbers, and objects the caller holds: instances, strs, arrays), the
 * result dropped, or guessed (guessed_result) and checked. */
static int32_t interp_call(Builder *b, Value callee, int32_t *args, int nargs)
{
    const char *what = callee.type == T_FUNCTION ? AS(Function, callee)->code->name->data
                       : callee.type == T_NATIVE ? AS(Native, callee)->name
                       : callee.type == T_TYPE   ? AS(TypeObj, callee)->name
                                                 : type_name(callee);
    if (nargs > JIT_MAX_PARAMS)
        return refuse(b, "call of %s() with more than %d arguments through the interpreter", what, JIT_MAX_PARAMS), -1;
    JitType types[JIT_MAX_PARAMS];
    int32_t all[JIT_MAX_PARAMS];
    for (int i = 0; i < nargs; i++) {
        if (IS_STATIC(args[i]))
            return refuse(b, "call of %s() with a compile-time object as argument", what), -1;
        IrIns *in = &b->ir->ins[res(b, args[i])];
        if (in->type == TY_NONE)
            return refuse(b, "call of %s() with None as argument", what), -1;
        all[i] = res(b, args[i]);
        types[i].ty = in->type, types[i].obj = in->type == TY_PTR ? ptr_obj(in->aux) : 0;
        types[i].tc = in->type == TY_PTR ? in->aux : 0, types[i].cls = NULL;
    }
    /* the result: dropped (POP_TOP next), or a number or None as guessed */
    bool dropped = !b->making_tuple && b->pc + 1 < b->n && BC_OP(b->insns[b->pc + 1]) == OP_POP_TOP;
    JitType rt = {TY_VOID, 0, 0, NULL};
    const Class *made = NULL; /* a class called: the instance's class */
    const JitSpec *from = NULL; /* the specialisation the result's type comes from */
    if (b->making_tuple) /* (materialize: a tuple of the arguments) */
        rt.ty = TY_PTR, rt.tc = JIT_TC_BOXED;
    else if (!dropped) {
        if (callee.type == T_TYPE && type_is_user(AS(TypeObj, callee)))
            made = (const Class *)AS(TypeObj, callee), rt.ty = TY_PTR, rt.tc = JIT_TC_BOXED;
        else if (callee.type != T_FUNCTION)
            return refuse(b, "the result of %s() (called through the interpreter) is used", what), -1;
        else
            rt = typed_result(b, AS(Function, callee), args, nargs, &from);
        JitType seen;
        if (!b->making_tuple && jit_vm_observed(b->code, b->pc, &seen) && seen.ty != TY_VOID) /* (vmcall.c) */
            rt = seen, from = NULL;
    }
    if (b->hoisted) { /* a dict checked at the entry could change in the call: build again */
        b->retry_plain = true;
        return refuse(b, "calls %s() after checking attributes at the entry", what), -1;
    }
    b->hoist = false;
    b->makes_calls = true;
    if (!held_across_calls(b))
        return -1;
    if (!root_live(b, NULL, 0)) /* (the arguments are rooted in the callee's frame) */
        return -1;
    JitSpec *stub = jit_vm_call_stub(b->js, callee.u.obj, b->code, types, (uint32_t)nargs, rt);
    if (!stub)
        return refuse(b, "out of memory (or code space) while compiling"), -1;
    stub->vm_tuple = b->making_tuple;
    stub->vm_pc = b->pc, stub->vm_caller = b->spec;
    int32_t r = emit(b, IR_CALL, dropped ? TY_NONE : (IrType)rt.ty, -1, -1, -1);
    if (rt.ty == TY_PTR) {
        b->ir->ins[r].aux = JIT_TC_BOXED;
        if (!made_object(b))
            return -1;
        note_class(b, r, made ? made : (const Class *)rt.cls);
        if (from)
            note_tuple(b, r, from->ret_nitems, from->ret_items);
    }
    if (!dropped)
        attach_call_map(b, r);
    b->ir->ins[r].nargs = (uint8_t)nargs;
    b->ir->ins[r].list = ir_list_alloc(b->ir, (uint32_t)nargs);
    for (int i = 0; i < nargs; i++)
        b->ir->lists[b->ir->ins[r].list + i] = all[i];
    if (extra(b, r)) extra(b, r)->callee = stub;
    return r;
}

static bool do_call(Builder *b, int nargs, bool method)
{
    int32_t args[17];
    if (nargs > 16)
        return refuse(b, "call with more than 16 arguments");
    for (int i = 0; i < nargs; i++) { /* a tuple display passed on is made, the others on the stack */
        uint32_t at = b->sp - (uint32_t)nargs + (uint32_t)i;
        Static *ts = static_of(b, b->stack[at]);
        if (!ts || ts->kind != S_TUPLE)
            continue;
        int32_t t = b->stack[at];
        memmove(&b->stack[at], &b->stack[at + 1], (b->sp - at - 1) * sizeof *b->stack);
        b->sp--;
        t = materialize(b, t);
        if (b->failed)
            return false;
        memmove(&b->stack[at + 1], &b->stack[at], (b->sp - at) * sizeof *b->stack);
        b->stack[at] = t, b->sp++;
    }
    for (int i = nargs - 1; i >= 0; i--)
        args[i] = pop(b);
    if (method) {
        int32_t self = pop(b); /* the "no self" marker, or a method's instance (method_of_instance) */
        Static *ss = static_of(b, self);
        if (!ss) {
            if (nargs == 16)
                return refuse(b, "call with more than 16 arguments");
            memmove(args + 1, args, (size_t)nargs * sizeof *args);
            args[0] = self, nargs++;
        } else if (ss->kind != S_METHOD_SELF_NONE)
            return refuse(b, "call of a method of a value that is not known when compiling");
    }
    int32_t f = pop(b);
    Static *s = static_of(b, f);
    if (!s || s->kind != S_OBJ)
        return refuse(b, "call of a value that is not known when compiling");
    int32_t r = -1;
    b->via_interpreter = false;
    if (s->obj.type == T_NATIVE)
        r = call_native(b, AS(Native, s->obj), args, nargs);
    else if (s->obj.type == T_TYPE && AS(TypeObj, s->obj)->ctor &&
             (strcmp(AS(TypeObj, s->obj)->name, "int") == 0 || strcmp(AS(TypeObj, s->obj)->name, "float") == 0))
        r = call_native(b, AS(TypeObj, s->obj)->ctor, args, nargs);
    else if (s->obj.type == T_TYPE && AS(TypeObj, s->obj) == &type_bytearray && nargs == 1 && /* not a user class of that name */
             !IS_STATIC(args[0]) && is_intlike(ty(b, args[0]))) {
        if (b->guarded_lists)
            return refuse(b, "bytearray() in a function holding a list read from an attribute");
        b->makes_bytes = true;
        if (!root_live(b, NULL, 0))
            return false;
        r = emit(b, IR_NEWBYTES, TY_PTR, args[0], -1, -1);
        b->ir->ins[r].aux = 'Y';
    } else if (s->obj.type == T_FUNCTION)
        r = call_function(b, AS(Function, s->obj), args, nargs);
    else
        b->via_interpreter = true;
    if (b->via_interpreter && !b->failed) {
        b->via_interpreter = false;
        r = interp_call(b, s->obj, args, nargs);
    }
    if (b->failed)
        return false;
    push(b, r);
    return true;
}

/* ---- globals and attributes ------------------------------------------------------- */

static bool load_global(Builder *b, uint32_t slot)
{
    Program *p = b->code->program;
    Value v = p->globals[slot];
    if (v.type == T_UNBOUND)
        v = p->builtin_of_global[slot];
    const char *name = (const char *)p->p4b->strings[p->p4b->globals[slot]].bytes;
    if (p != b->js->vm->program)
        b->js->watch_modules = true; /* assigning any module global drops this code */
    else if (b->js->watch && slot < b->js->nwatch)
        b->js->watch[slot] = 1; /* assigning it later drops this code */
    switch ((Type)v.type) {
    case T_INT: case T_BOOL: {
        int32_t k = ir_const_int(b->ir, b->cur, v.u.i);
        b->ir->ins[k].type = v.type == T_BOOL ? TY_BOOL : TY_INT;
        push(b, k);
        return true;
    }
    case T_FLOAT:
        push(b, ir_const_float(b->ir, b->cur, v.u.f));
        return true;
    case T_NATIVE: case T_FUNCTION: case T_MODULE: case T_TYPE: {
        Static s = {.kind = S_OBJ, .obj = v};
        push(b, new_static(b, s));
        return true;
    }
    case T_UNBOUND:
        return refuse(b, "global '%s' is not defined when compiling", name);
    case T_LONG:
        return refuse(b, "global '%s' is an int beyond 32 bits (compiled code has 32-bit ints)", name);
    default:
        return refuse(b, "global '%s' is a %s (only numbers, functions and modules are compiled)", name,
                      type_name(v));
    }
}

static bool instance_attr(Builder *b, int32_t o, Str *n, bool method);

static bool user_class_attr(Builder *b, const Class *c, Str *n, bool method);

static bool load_attr(Builder *b, uint32_t name, bool method)
{
    int32_t o = pop(b);
    Static *s = static_of(b, o);
    Str *n = AS(Str, b->code->program->strings[name]);
    if (!s && o >= 0 && ty(b, o) == TY_PTR && is_instance(b->ir->ins[res(b, o)].aux))
        return instance_attr(b, res(b, o), n, method);
    if (!s && o >= 0 && ty(b, o) == TY_PTR && is_boxed(b->ir->ins[res(b, o)].aux)) {
        if (!method)
            return refuse(b, "attribute '%s' of an object made in compiled code (its layout is not known)", n->data);
        return method_of_instance(b, res(b, o), n);
    }
    if (s && s->kind == S_OBJ && s->obj.type == T_TYPE && type_is_user(AS(TypeObj, s->obj)))
        return user_class_attr(b, (const Class *)AS(TypeObj, s->obj), n, method);
    if (!s || s->kind != S_OBJ || s->obj.type != T_MODULE)
        return refuse(b, "attribute '%s' of a value (only module attributes are compiled)", n->data);
    Value v;
    if (!vm_load_attr(b->js->vm, s->obj, n, &v)) {
        b->js->vm->exc = v_unbound();
        return refuse(b, "module has no attribute '%s'", n->data);
    }
    if (s->obj.u.obj->flags & MODULE_PY) { /* an imported module: its globals can change */
        if (v.type != T_INT && v.type != T_FLOAT && v.type != T_FUNCTION &&
            v.type != T_NATIVE && v.type != T_MODULE && v.type != T_TYPE)
            return refuse(b, "module attribute '%s' is a %s (only numbers, functions and modules are compiled)",
                          n->data, type_name(v));
        b->js->watch_modules = true;
    }
    if (v.type == T_FLOAT)
        push(b, ir_const_float(b->ir, b->cur, v.u.f));
    else if (v.type == T_INT) {
        push(b, ir_const_int(b->ir, b->cur, v.u.i));
    } else {
        Static st = {.kind = S_OBJ, .obj = v};
        push(b, new_static(b, st));
    }
    if (method)
        push(b, new_static(b, (Static){.kind = S_METHOD_SELF_NONE}));
    return true;
}

/* ---- instances and closures (docs/jit.md, "Methods and closures") ---------------- */

static bool entry_guard(Builder *b, int32_t flag);

/* An instruction at the function's entry: block 0, before its jump. */
static int32_t at_entry(Builder *b, IrOp op, IrType t, int32_t x, int32_t y, int32_t z)
{
    int32_t v = ir_add(b->ir, -1, op, t, x, y, z);
    b->ir->ins[v].pc = 0;
    ir_move_ins(b->ir, v, 0);
    return v;
}

static int32_t entry_const(Builder *b, int32_t k)
{
    int32_t v = at_entry(b, IR_CONST, TY_INT, -1, -1, -1);
    b->ir->ins[v].k.i = k;
    return v;
}

static int32_t entry_word(Builder *b, int32_t base, int32_t index, IrType t)
{
    int32_t v = at_entry(b, IR_ALOAD, t, base, entry_const(b, index), -1);
    b->ir->ins[v].aux = JIT_TC_WORD;
    return v;
}

static int32_t entry_cmp(Builder *b, IrCond cc, int32_t x, int32_t k)
{
    int32_t c = at_entry(b, IR_CMP, TY_BOOL, x, entry_const(b, k), -1);
    b->ir->ins[c].aux = (uint8_t)cc;
    return c;
}

/* entries_at's checks for parameter p, made once at the entry. */
static int32_t entries_at_entry(Builder *b, uint32_t p, uint32_t idx, Str *n)
{
    if (!b->eshape_made[p]) {
        int32_t d = entry_word(b, b->param_val[p], JW_INSTANCE_DICT, TY_PTR); /* (a value made at the entry) */
        if (!entry_guard(b, entry_cmp(b, CC_EQ, d, 0)))
            return -1;
        b->eshape[p].used = entry_word(b, d, JW_DICT_USED, TY_INT);
        b->eshape[p].entries = entry_word(b, d, JW_DICT_ENTRIES, TY_PTR);
        b->eshape_made[p] = true;
    }
    int32_t entries = b->eshape[p].entries;
    for (uint32_t i = 0; i < b->nekeys; i++)
        if (b->ekeys[i].p == p && b->ekeys[i].idx == idx)
            return entries;
    if (!entry_guard(b, entry_cmp(b, CC_LE, b->eshape[p].used, (int32_t)idx)))
        return -1;
    int32_t key = entry_word(b, entries, (int32_t)(idx * JW_ENTRY_WORDS + JW_ENTRY_KEY), TY_PTR);
    if (!entry_guard(b, entry_cmp(b, CC_NE, key, (int32_t)(uintptr_t)n)))
        return -1;
    if (b->nekeys < 32)
        b->ekeys[b->nekeys].p = p, b->ekeys[b->nekeys++].idx = idx;
    return entries;
}

/* A guard that deoptimises when flag is non-zero: the interpreter then runs
 * the instruction being built (LOAD_ATTR, STORE_ATTR, LOAD_FREE) on what is
 * really there. Without a map it could only raise: refused. */
static bool guard(Builder *b, int32_t flag)
{
    if (b->entry_mode)
        return entry_guard(b, flag);
    int32_t c = emit(b, IR_CHECK, TY_VOID, flag, -1, -1);
    b->ir->ins[c].aux = 2; /* an attribute or closure guard (emit.c: must deoptimise; --jit-report) */
    attach_deopt_map(b, c);
    if (!b->failed && b->ir->ins[c].dm < 0)
        return refuse(b, "a guard on an attribute or closure variable cannot deoptimise here");
    return !b->failed;
}

static int32_t kconst(Builder *b, int32_t k) { return b->entry_mode ? entry_const(b, k) : ir_const_int(b->ir, b->cur, k); }

/* Word index of the object at base (a raw 32-bit load, JIT_TC_WORD). */
static int32_t word(Builder *b, int32_t base, int32_t index, IrType t)
{
    int32_t v = emit(b, IR_ALOAD, t, base, kconst(b, index), -1);
    b->ir->ins[v].aux = JIT_TC_WORD;
    return v;
}

static int32_t cmp_k(Builder *b, IrCond cc, int32_t x, int32_t k)
{
    int32_t c = emit(b, IR_CMP, TY_BOOL, x, kconst(b, k), -1);
    b->ir->ins[c].aux = (uint8_t)cc;
    return c;
}

/* An object's address as a constant: only ever run on RV32 (the host's
 * listings show the low 32 bits). */
static int32_t address(Builder *b, const void *p) { return kconst(b, (int32_t)(uintptr_t)p); }

/* Does the function store (or delete) attribute n of anything, or free
 * variable k (k >= 0)? Then its reads stay where they are. */
static bool stores_to(Builder *b, const Str *n, int32_t k)
{
    for (uint32_t pc = 0; pc < b->n; pc++) {
        unsigned op = BC_OP(b->insns[pc]);
        uint32_t arg = BC_ARG(b->insns[pc]);
        if (n && (op == OP_STORE_ATTR || op == OP_DELETE_ATTR) && AS(Str, b->code->program->strings[arg]) == n)
            return true;
        if (k >= 0 && (op == OP_STORE_FREE || op == OP_DELETE_FREE) && arg == (uint32_t)k)
            return true;
    }
    return false;
}

/* A value read once at the entry (key: see Builder.evals), or -1. */
static int32_t entry_value(Builder *b, int32_t key)
{
    for (uint32_t i = 0; i < b->nevals; i++)
        if (b->evals[i].key == key)
            return b->evals[i].val;
    return -1;
}

static void remember_entry_value(Builder *b, int32_t key, int32_t v)
{
    if (b->nevals < 32)
        b->evals[b->nevals].key = key, b->evals[b->nevals++].val = v;
}

static uint32_t value_tag(IrType t) { return t == TY_FLOAT ? T_FLOAT : t == TY_BOOL ? T_BOOL : T_INT; }

/* A list read from an attribute: unlike a list argument (whose items are
 * all looked at on each call, kinds 'N' 'F' 'G' 'M'), nothing is known of
 * its items, so each access checks the item's type word (a guard that
 * deoptimises) and a store writes the type word too. The kind is what the
 * example's first item is: 'l' int, 'k' float, or a list of lists whose
 * items are guarded too, 'j' (ints) or 'g' (floats). */
static uint8_t guarded_list_kind(Value ex)
{
    const List *l = AS(List, ex);
    Value first = l->len ? l->items[0] : v_int(0);
    if (first.type == T_INT)
        return 'l';
    if (first.type == T_FLOAT)
        return 'k';
    if (first.type == T_LIST) {
        uint8_t inner = guarded_list_kind(first.u.obj == (const Obj *)l ? v_int(0) : first);
        return inner == 'l' ? 'j' : inner == 'k' ? 'g' : 0;
    }
    return 0;
}

/* lst[i] of a guarded list (x its value, y the index): the item's type
 * word checked, then its payload. */
static int32_t guarded_item(Builder *b, int32_t x, int32_t y);

/* An object read from an attribute (an array, a list, an instance) is
 * kept alive by that attribute only, not by the collector's roots: compiled
 * frames are not scanned. A callee that deoptimises runs its rest in the
 * interpreter, which can store another value into that attribute and then
 * allocate (an int beyond 32 bits), so the object could be freed while
 * this code still holds it. A function that makes calls therefore holds
 * no such object (parameters are rooted by the caller's frame). */
static bool held_across_calls(Builder *b)
{
    if (b->attr_ptr && b->makes_calls)
        return refuse(b, "holds %s read from an attribute and calls a function (a callee that deoptimises could "
                         "free it)", b->attr_ptr);
    return true;
}

/* The Value whose type word is word tw of base (its payload the next word),
 * guarded to be of the type ex has now: an int, bool, float, or an array
 * of ex's typecode. -1 when refused. */
static int32_t typed_value(Builder *b, int32_t base, int32_t tw, Value ex, const char *what, int32_t nest_key)
{
    IrType t;
    uint8_t tc = 0;
    if (ex.type == T_ARRAY || ex.type == T_BYTEARRAY || ex.type == T_LIST) {
        /* (an instance or a str read from an attribute is rooted across calls instead: root_live) */
        b->attr_ptr = ex.type == T_LIST ? "a list" : "an array";
        if (!held_across_calls(b))
            return -1;
    }
    if ((ex.type == T_INSTANCE || ex.type == T_STR) && !made_object(b))
        return -1;
    if (ex.type == T_INSTANCE && nest_key >= 0 && AS(Instance, ex)->cls) {
        /* an instance read from an attribute: its own slot, its layout the example's */
        uint32_t j = 0;
        while (j < b->nnested && b->nested_key[j] != nest_key)
            j++;
        if (j == INST_SLOTS - JIT_MAX_PARAMS)
            return refuse(b, "%s: too many instances read from attributes", what), -1;
        if (j == b->nnested)
            b->nested[j] = ex, b->nested_key[j] = nest_key, b->nnested++;
        int32_t tag = word(b, base, tw, TY_INT);
        if (!guard(b, cmp_k(b, CC_NE, tag, T_INSTANCE)))
            return -1;
        int32_t v = emit(b, IR_COPY, TY_PTR, word(b, base, tw + 1, TY_PTR), -1, -1);
        b->ir->ins[v].aux = (uint8_t)(INST_AUX + JIT_MAX_PARAMS + j);
        if (b->entry_mode) /* read once at the entry: its dict can be checked there too */
            b->param_val[JIT_MAX_PARAMS + j] = v;
        return v;
    }
    switch ((Type)ex.type) {
    case T_INT: t = TY_INT; break;
    case T_BOOL: t = TY_BOOL; break;
    case T_FLOAT: t = TY_FLOAT; break;
    case T_ARRAY:
        if (strchr("lLqQd", (char)AS(Array, ex)->hdr.aux))
            return refuse(b, "%s is an array('%c') (compiled code reads b B h H i I f arrays)", what,
                          (char)AS(Array, ex)->hdr.aux), -1;
        t = TY_PTR, tc = (uint8_t)AS(Array, ex)->hdr.aux;
        break;
    case T_BYTEARRAY: t = TY_PTR, tc = 'Y'; break;
    case T_STR: t = TY_PTR, tc = JIT_TC_STR; break;
    case T_LIST: /* its items are guarded at each access (guarded_item) */
        if (b->makes_bytes)
            return refuse(b, "%s is a list, in a function that makes a bytearray", what), -1;
        b->guarded_lists = true;
        if (!(tc = guarded_list_kind(ex)))
            return refuse(b, "%s is a list of %s (compiled code reads ints, floats and lists of them there)", what,
                          AS(List, ex)->len ? type_name(AS(List, ex)->items[0]) : "?"), -1;
        t = TY_PTR;
        break;
    case T_LONG: return refuse(b, "%s is an int beyond 32 bits (compiled code has 32-bit ints)", what), -1;
    default:
        return refuse(b, "%s is a %s (compiled code reads ints, floats and arrays there)", what, type_name(ex)), -1;
    }
    int32_t tag = word(b, base, tw, TY_INT);
    if (!guard(b, cmp_k(b, CC_NE, tag, (int32_t)ex.type)))
        return -1;
    int32_t v = word(b, base, tw + 1, t);
    if (t == TY_PTR && (is_guarded_list(tc) || tc == JIT_TC_STR)) {
        v = emit(b, IR_COPY, TY_PTR, v, -1, -1); /* the builder reads its kind in its aux */
        b->ir->ins[v].aux = tc;
    } else if (t == TY_PTR) {
        if (tc != 'Y') { /* the same kind of array: its typecode */
            int32_t k = emit(b, IR_ALOAD, TY_INT, v, kconst(b, JH_OBJ_AUX), -1);
            b->ir->ins[k].aux = 'H';
            if (!guard(b, cmp_k(b, CC_NE, k, tc)))
                return -1;
        }
        v = emit(b, IR_COPY, TY_PTR, v, -1, -1); /* the builder reads an array's typecode in its aux */
        b->ir->ins[v].aux = tc;
    }
    return v;
}

/* Where instance o's example (the argument it came in as, at the call that
 * compiles this) keeps attribute n: its entry index and value. */
static bool example_entry(Builder *b, int32_t o, Str *n, Value *ex, uint32_t *idx)
{
    uint32_t p = (uint32_t)(b->ir->ins[o].aux - INST_AUX);
    const Value *args = b->js->example;
    Value obj;
    if (p >= JIT_MAX_PARAMS)
        obj = b->nested[p - JIT_MAX_PARAMS];
    else if (!args || p >= b->js->nexample || args[p].type != T_INSTANCE)
        return refuse(b, "attribute '%s' of an instance passed by compiled code (its layout is taken from a call "
                         "by the interpreter)", n->data);
    else
        obj = args[p];
    const Dict *d = AS(Instance, obj)->dict;
    for (uint32_t i = 0; d && i < d->used; i++) {
        const DictEntry *de = &d->entries[i];
        if (de->key.type != T_STR)
            continue;
        if ((const void *)de->key.u.obj == (const void *)n) {
            *ex = de->value, *idx = i;
            return true;
        }
        if (str_equal(AS(Str, de->key), n))
            return refuse(b, "attribute '%s' is keyed by another string than the code's", n->data);
    }
    return refuse(b, "attribute '%s' is not in the instance's own dict (class attributes and methods are not "
                     "compiled)", n->data);
}

/* The entries of instance o's dict, checked to hold key n at idx: the dict
 * exists, has more than idx entries and entry idx is n (a deleted entry's
 * key is 0). What the block already checked is not checked again. */
static int32_t entries_at(Builder *b, int32_t o, uint32_t idx, Str *n)
{
    uint32_t slot = (uint32_t)(b->ir->ins[o].aux - INST_AUX);
    if (b->hoist && b->param_val[slot] >= 0)
        return entries_at_entry(b, slot, idx, n);
    if (b->memo_block != b->cur)
        b->nshapes = b->nkeys = 0, b->memo_block = b->cur;
    int32_t used = -1, entries = -1;
    for (uint32_t i = 0; i < b->nshapes; i++)
        if (b->shapes[i].obj == o)
            used = b->shapes[i].used, entries = b->shapes[i].entries;
    if (entries < 0) {
        int32_t d = word(b, o, JW_INSTANCE_DICT, TY_PTR);
        if (!guard(b, cmp_k(b, CC_EQ, d, 0)))
            return -1;
        used = word(b, d, JW_DICT_USED, TY_INT);
        entries = word(b, d, JW_DICT_ENTRIES, TY_PTR);
        if (b->nshapes < 8)
            b->shapes[b->nshapes].obj = o, b->shapes[b->nshapes].used = used, b->shapes[b->nshapes++].entries = entries;
    }
    for (uint32_t i = 0; i < b->nkeys; i++)
        if (b->keys[i].obj == o && b->keys[i].idx == idx)
            return entries;
    if (!guard(b, cmp_k(b, CC_LE, used, (int32_t)idx)))
        return -1;
    int32_t key = word(b, entries, (int32_t)(idx * JW_ENTRY_WORDS + JW_ENTRY_KEY), TY_PTR);
    int32_t differs = emit(b, IR_CMP, TY_BOOL, key, address(b, n), -1);
    b->ir->ins[differs].aux = CC_NE;
    if (!guard(b, differs))
        return -1;
    if (b->nkeys < 32)
        b->keys[b->nkeys].obj = o, b->keys[b->nkeys++].idx = idx;
    return entries;
}

/* o.n (o an instance parameter): an int, bool, float or array in o's own
 * dict, where the example has it. The interpreter looks there first
 * (class.c), so the class does not matter. */
static bool method_of_instance(Builder *b, int32_t o, Str *n);
static int class_fallback(Builder *b, int32_t o, Str *n, Value *ex);
static bool class_attr_value(Builder *b, int32_t at, Value ex, Str *n, bool method);

static bool instance_attr(Builder *b, int32_t o, Str *n, bool method)
{
    if (method)
        return method_of_instance(b, o, n);
    Value cex;
    int in_class = class_fallback(b, o, n, &cex);
    if (in_class < 0)
        return false;
    if (in_class) { /* a number the class has (its own dict lacks it): objcall.c finds it */
        int32_t at = emit(b, IR_CALLRT, TY_PTR, o, address(b, n), -1);
        b->ir->ins[at].aux = H_INSTATTR;
        return class_attr_value(b, at, cex, n, false);
    }
    Value ex;
    uint32_t idx;
    if (!example_entry(b, o, n, &ex, &idx))
        return false;
    /* not stored by this function, which calls nothing that could: the same
     * value all through the call, read once at the entry */
    uint32_t slot = (uint32_t)(b->ir->ins[o].aux - INST_AUX);
    bool once = b->hoist && b->param_val[slot] >= 0 && !stores_to(b, n, -1); /* (o itself made at the entry) */
    int32_t key = (int32_t)(slot << 16 | idx), v;
    if (once && (v = entry_value(b, key)) >= 0) {
        push(b, v);
        return true;
    }
    b->entry_mode = once;
    bool late_ok = late_guard(b);
    b->entry_mode = false;
    if (!late_ok)
        return false;
    int32_t e = entries_at(b, o, idx, n);
    if (e < 0)
        return false;
    char what[96];
    snprintf(what, sizeof what, "attribute '%s'", n->data);
    b->entry_mode = once;
    v = typed_value(b, e, (int32_t)(idx * JW_ENTRY_WORDS + JW_ENTRY_TYPE), ex, what, key);
    b->entry_mode = false;
    if (v < 0)
        return false;
    if (once)
        remember_entry_value(b, key, v);
    push(b, v);
    return true;
}

/* n along the MRO of c when compiling (user classes; a built-in class
 * reached first ends the search): 1 found (*out), 0 not, -1 refused. */
static int class_lookup(Builder *b, const Class *c, Str *n, Value *out)
{
    for (uint32_t i = 0; c->mro && i < c->mro->len; i++) {
        Value k = c->mro->items[i];
        bool found = false;
        if (k.type != T_TYPE || !type_is_user(AS(TypeObj, k)))
            return 0;
        if (!dict_get(b->js->vm, ((const Class *)AS(TypeObj, k))->dict, v_obj(n), out, &found)) {
            b->js->vm->exc = v_unbound();
            return refuse(b, "attribute '%s': its class cannot be searched", n->data), -1;
        }
        if (found)
            return 1;
    }
    return 0;
}

/* Is o.n (o an instance) a number that the example's class has and its
 * own dict lacks? 1 (*ex the class's value), 0 (the instance's own dict,
 * instance_attr), -1 refused. */
static int class_fallback(Builder *b, int32_t o, Str *n, Value *ex)
{
    uint32_t p = (uint32_t)(b->ir->ins[o].aux - INST_AUX);
    const Value *args = b->js->example;
    Value obj;
    if (p >= JIT_MAX_PARAMS)
        obj = b->nested[p - JIT_MAX_PARAMS];
    else if (args && p < b->js->nexample && args[p].type == T_INSTANCE)
        obj = args[p];
    else
        return 0;
    const Instance *in = AS(Instance, obj);
    bool found = false;
    Value v;
    if (in->dict && !dict_get(b->js->vm, in->dict, v_obj(n), &v, &found)) {
        b->js->vm->exc = v_unbound();
        return refuse(b, "attribute '%s': the instance's dict cannot be searched", n->data), -1;
    }
    if (found || !in->cls)
        return 0;
    int r = class_lookup(b, in->cls, n, ex);
    if (r <= 0)
        return r;
    return ex->type == T_INT || ex->type == T_FLOAT || ex->type == T_BOOL;
}

/* The Value at address at (0: not found, deoptimise), found in a class's
 * dict by objcall.c: a number of the example's type, or the very function
 * the example is (C.f(self, x): called directly). */
static bool class_attr_value(Builder *b, int32_t at, Value ex, Str *n, bool method)
{
    if (!guard(b, cmp_k(b, CC_EQ, at, 0)))
        return false;
    if (ex.type == T_FUNCTION) {
        int32_t tag = word(b, at, 0, TY_INT);
        if (!guard(b, cmp_k(b, CC_NE, tag, T_FUNCTION)))
            return false;
        int32_t fn = word(b, at, 1, TY_INT);
        int32_t differs = emit(b, IR_CMP, TY_BOOL, fn, address(b, ex.u.obj), -1);
        b->ir->ins[differs].aux = CC_NE;
        if (!guard(b, differs))
            return false;
        push(b, new_static(b, (Static){.kind = S_OBJ, .obj = ex}));
        if (method)
            push(b, new_static(b, (Static){.kind = S_METHOD_SELF_NONE}));
        return true;
    }
    if (method)
        return refuse(b, "call of class attribute '%s', a %s", n->data, type_name(ex));
    char what[96];
    snprintf(what, sizeof what, "class attribute '%s'", n->data);
    int32_t v = typed_value(b, at, 0, ex, what, -1);
    if (v < 0)
        return false;
    push(b, v);
    return true;
}

/* C.n, C a class defined in Python (a global known when compiling): a
 * number or a function of its MRO, looked up again at each access. */
static bool user_class_attr(Builder *b, const Class *c, Str *n, bool method)
{
    Value ex;
    int r = class_lookup(b, c, n, &ex);
    if (r < 0)
        return false;
    if (r == 0)
        return refuse(b, "attribute '%s' of class '%s' is not in a class defined in Python", n->data, c->t.name);
    if (ex.type != T_FUNCTION && ex.type != T_INT && ex.type != T_FLOAT && ex.type != T_BOOL)
        return refuse(b, "class attribute '%s' is a %s (compiled code reads numbers and functions there)", n->data,
                      type_name(ex));
    int32_t at = emit(b, IR_CALLRT, TY_PTR, address(b, c), address(b, n), -1);
    b->ir->ins[at].aux = H_CLASSATTR;
    return class_attr_value(b, at, ex, n, method);
}

/* o.n(...) (o an instance parameter, keyed by its class): the function
 * that the class's MRO has for n when compiling, called directly (a
 * compiled callee, call_function). What the interpreter's LOAD_METHOD
 * would find can change: an instance attribute of that name, a class
 * patched or given another method. objcall.c's jit_rt_method repeats the
 * lookup without running any code, and a guard deoptimises to the
 * interpreter at this LOAD_METHOD unless it finds the very same function
 * (docs/jit.md, "Objects in compiled code"). */
static bool method_of_instance(Builder *b, int32_t o, Str *n)
{
    const Class *c = NULL;
    Value example = v_unbound();
    if (is_boxed(b->ir->ins[o].aux)) { /* made by a class call here: its class (an object of another is refused) */
        c = boxed_class(b, o);
        if (!c)
            return refuse(b, "call of method '%s' of an object whose class is not known when compiling", n->data);
    } else {
        /* a parameter (its class is part of the specialisation's key), or an
         * instance read from an attribute (the example's class: the guard
         * below checks the method whatever the class, and the call goes
         * through the interpreter, as the callee's specialisation would be
         * keyed by a class that is not checked) */
        uint32_t slot = (uint32_t)(b->ir->ins[o].aux - INST_AUX);
        const Value *args = b->js->example;
        if (slot >= JIT_MAX_PARAMS) {
            example = b->nested[slot - JIT_MAX_PARAMS];
            c = example.type == T_INSTANCE ? AS(Instance, example)->cls : NULL;
        } else {
            c = b->spec->params[slot].cls;
            if (args && slot < b->js->nexample)
                example = args[slot];
        }
    }
    if (!c || !c->mro)
        return refuse(b, "call of method '%s' of an instance of an unknown class", n->data);
    if (example.type == T_INSTANCE && AS(Instance, example)->dict) {
        Value v;
        bool found = false;
        if (!dict_get(b->js->vm, AS(Instance, example)->dict, v_obj(n), &v, &found)) {
            b->js->vm->exc = v_unbound();
            return refuse(b, "method '%s': the instance's dict cannot be searched", n->data);
        }
        if (found)
            return refuse(b, "method '%s' is shadowed by an instance attribute", n->data);
    }
    Value fn = v_unbound();
    for (uint32_t i = 0; i < c->mro->len && fn.type == T_UNBOUND; i++) {
        Value k = c->mro->items[i], v;
        bool found = false;
        if (k.type != T_TYPE || !type_is_user(AS(TypeObj, k)))
            return refuse(b, "call of method '%s', which is not in a class defined in Python", n->data);
        if (!dict_get(b->js->vm, ((const Class *)AS(TypeObj, k))->dict, v_obj(n), &v, &found)) {
            b->js->vm->exc = v_unbound();
            return refuse(b, "method '%s': its class cannot be searched", n->data);
        }
        if (found && v.type != T_FUNCTION)
            return refuse(b, "call of method '%s', which is a %s in the class", n->data, type_name(v));
        if (found)
            fn = v;
    }
    if (fn.type != T_FUNCTION)
        return refuse(b, "call of method '%s', which is not in the class", n->data);
    int32_t found = emit(b, IR_CALLRT, TY_INT, o, address(b, n), -1);
    b->ir->ins[found].aux = H_METHOD;
    int32_t differs = emit(b, IR_CMP, TY_BOOL, found, address(b, fn.u.obj), -1);
    b->ir->ins[differs].aux = CC_NE;
    if (!guard(b, differs))
        return false;
    push(b, new_static(b, (Static){.kind = S_OBJ, .obj = fn}));
    push(b, o);
    return true;
}

/* A property stored into a class after it was made (class.c sets
 * late_property) takes reads and stores of its name before the instance's
 * dict: compiled accesses of an instance's dict are guarded on it, at the
 * entry when the function checks there, else once per block until a call
 * (only the interpreter adds one). */
static bool late_guard(Builder *b)
{
    if (b->hoist && !b->late_at_entry) {
        int32_t late = at_entry(b, IR_ALOAD, TY_INT, entry_const(b, (int32_t)(uintptr_t)&late_property),
                                entry_const(b, 0), -1);
        b->ir->ins[late].aux = 'B';
        if (!entry_guard(b, late))
            return false;
        b->late_at_entry = true;
    } else if (!b->hoist && b->late_block != b->cur) {
        int32_t late = emit(b, IR_ALOAD, TY_INT, address(b, &late_property), ir_const_int(b->ir, b->cur, 0), -1);
        b->ir->ins[late].aux = 'B';
        if (!guard(b, late))
            return false;
        b->late_block = b->cur;
    }
    return true;
}

/* o.n = x: a number into an attribute o's dict already has (its entry is
 * written in place, as dict_set does). A property of that name in o's class
 * would take the store: none there when compiling, and a guard on
 * class.c's late_property for one added later. */

static bool store_attr(Builder *b, uint32_t name)
{
    int32_t o = pop(b), x = pop(b);
    Str *n = AS(Str, b->code->program->strings[name]);
    if (static_of(b, o) || o < 0 || ty(b, o) != TY_PTR || !is_instance(b->ir->ins[res(b, o)].aux))
        return refuse(b, "attribute '%s' stored into a value that is not an instance", n->data);
    o = res(b, o);
    if ((x = value(b, x, "stored value")) < 0)
        return false;
    IrType t = ty(b, x);
    uint8_t xa = t == TY_PTR ? b->ir->ins[x].aux : 0; /* objects: made, returned, read from attributes */
    bool object = t == TY_PTR && (is_boxed(xa) || is_instance(xa) || xa == JIT_TC_STR);
    if (t != TY_INT && t != TY_BOOL && t != TY_FLOAT && !object)
        return refuse(b, "storing a %s into attribute '%s' (compiled code stores numbers and objects there)",
                      t == TY_NONE ? "None" : "list or array", n->data);
    if (b->ir->ins[o].aux - INST_AUX >= JIT_MAX_PARAMS)
        return refuse(b, "attribute '%s' stored into an instance read from an attribute (its class is not checked)",
                      n->data);
    const Class *c = b->spec->params[b->ir->ins[o].aux - INST_AUX].cls;
    for (uint32_t i = 0; c && c->mro && i < c->mro->len; i++) {
        Value k = c->mro->items[i], v;
        bool found = false;
        if (k.type != T_TYPE || !type_is_user(AS(TypeObj, k)))
            continue;
        if (!dict_get(b->js->vm, ((const Class *)AS(TypeObj, k))->dict, v_obj(n), &v, &found)) {
            b->js->vm->exc = v_unbound();
            return refuse(b, "attribute '%s': its class cannot be searched", n->data);
        }
        if (found && v.type == T_DESCR && v.u.obj->aux == DESCR_PROPERTY)
            return refuse(b, "attribute '%s' is a property", n->data);
    }
    Value ex;
    uint32_t idx;
    if (!example_entry(b, o, n, &ex, &idx))
        return false;
    if (!late_guard(b))
        return false;
    int32_t e = entries_at(b, o, idx, n);
    if (e < 0)
        return false;
    int32_t tw = (int32_t)(idx * JW_ENTRY_WORDS + JW_ENTRY_TYPE), tag;
    if (t == TY_PTR) { /* an object: its type word from its header */
        tag = emit(b, IR_ALOAD, TY_INT, x, ir_const_int(b->ir, b->cur, 4), -1);
        b->ir->ins[tag].aux = 'B'; /* Obj.type */
    } else
        tag = ir_const_int(b->ir, b->cur, (int32_t)value_tag(t));
    int32_t st = emit(b, IR_ASTORE, TY_VOID, e, ir_const_int(b->ir, b->cur, tw), tag);
    b->ir->ins[st].aux = JIT_TC_WORD;
    st = emit(b, IR_ASTORE, TY_VOID, e, ir_const_int(b->ir, b->cur, tw + 1), x);
    b->ir->ins[st].aux = JIT_TC_WORD;
    return true;
}

/* Cell k of the function's closure: compiled code is per function object,
 * so it takes the cell's address. */
static Cell *closure_cell(Builder *b, uint32_t k)
{
    const Function *fn = b->spec->fn;
    if (!fn || !fn->closure || k >= fn->closure->len || fn->closure->items[k].type != T_CELL)
        return refuse(b, "a free variable that is not in the function's closure"), NULL;
    return AS(Cell, fn->closure->items[k]);
}

/* A free variable (a closure's cell): guarded to hold what it holds now. */
static bool load_free(Builder *b, uint32_t k)
{
    Cell *cell = closure_cell(b, k);
    if (!cell)
        return false;
    char what[96];
    snprintf(what, sizeof what, "free variable '%s'", cell->name ? cell->name->data : "?");
    if (cell->value.type == T_UNBOUND)
        return refuse(b, "%s is not assigned when compiling", what);
    bool once = b->hoist && !stores_to(b, NULL, (int32_t)k); /* as for attributes */
    int32_t v;
    if (once && (v = entry_value(b, -1 - (int32_t)k)) >= 0) {
        push(b, v);
        return true;
    }
    b->entry_mode = once;
    v = typed_value(b, address(b, cell), JW_CELL_TYPE, cell->value, what, -1);
    b->entry_mode = false;
    if (v < 0)
        return false;
    if (once)
        remember_entry_value(b, -1 - (int32_t)k, v);
    push(b, v);
    return true;
}

/* nonlocal x; x = number: the cell's type word and payload. */
static bool store_free(Builder *b, uint32_t k)
{
    Cell *cell = closure_cell(b, k);
    if (!cell)
        return false;
    int32_t x = value(b, pop(b), "stored value");
    if (x < 0)
        return false;
    IrType t = ty(b, x);
    if (t != TY_INT && t != TY_BOOL && t != TY_FLOAT)
        return refuse(b, "storing a non-number into free variable '%s' (nonlocal)", cell->name ? cell->name->data : "?");
    int32_t c = address(b, cell);
    int32_t st = emit(b, IR_ASTORE, TY_VOID, c, ir_const_int(b->ir, b->cur, JW_CELL_TYPE),
                      ir_const_int(b->ir, b->cur, (int32_t)value_tag(t)));
    b->ir->ins[st].aux = JIT_TC_WORD;
    st = emit(b, IR_ASTORE, TY_VOID, c, ir_const_int(b->ir, b->cur, JW_CELL_VALUE), x);
    b->ir->ins[st].aux = JIT_TC_WORD;
    return true;
}

/* ---- iteration ------------------------------------------------------------------------ */

static uint32_t hidden_for(Builder *b, uint32_t pc, uint32_t nvars_needed)
{
    for (uint32_t i = 0; i < b->nhidden_sites; i++)
        if ((uint32_t)b->hidden_of_pc[i][0] == pc)
            return (uint32_t)b->hidden_of_pc[i][1];
    if (b->nhidden_sites == 64 || b->nhidden + nvars_needed > b->maxhidden)
        return refuse(b, "too many nested loops"), 0;
    uint32_t base = b->hidden_base + b->nhidden;
    b->nhidden += nvars_needed;
    b->hidden_of_pc[b->nhidden_sites][0] = (int32_t)pc;
    b->hidden_of_pc[b->nhidden_sites++][1] = (int32_t)base;
    return base;
}

static bool get_iter(Builder *b)
{
    int32_t o = pop(b);
    Static *s = static_of(b, o);
    if (s && s->kind == S_RANGE) {
        int32_t start = s->v[0], stop = s->v[1], step = s->v[2];
        IrIns *k = &b->ir->ins[step];
        uint32_t base = hidden_for(b, b->pc, 3);
        if (b->failed)
            return false;
        Static it = {.kind = S_ITER_RANGE};
        it.v[0] = (int32_t)base;
        if (k->op == IR_CONST && k->k.i == 1) {
            /* i < stop; i + 1 cannot overflow while i < stop */
            write_var(b, base, b->cur, start);
            write_var(b, base + 1, b->cur, stop);
        } else {
            /* Counted: n = len(range) (fails for step 0); i += step n times. */
            it.kind = S_ITER_COUNTED;
            int32_t n = emit(b, IR_CALLRT, TY_INT, start, stop, step);
            b->ir->ins[n].aux = H__COUNT; /* range length, inline in the back end */
            b->ir->ins[n].op = IR_CALLRT;
            witness(b, n, start, stop, step);
            /* a zero step fails: range() itself, re-run, raises its ValueError */
            if (extra(b, n) && s->obj.type == T_NATIVE)
                extra(b, n)->native = AS(Native, s->obj);
                        write_var(b, base, b->cur, start);
            write_var(b, base + 1, b->cur, n);
            write_var(b, base + 2, b->cur, step);
        }
        push(b, new_static(b, it));
        return true;
    }
    if (!s && o >= 0 && ty(b, o) == TY_PTR && b->ir->ins[res(b, o)].aux == JIT_TC_STR)
        return refuse(b, "for loop over a str");
    if (!s && o >= 0 && ty(b, o) == TY_PTR && is_guarded_list(b->ir->ins[res(b, o)].aux))
        return refuse(b, "for loop over a list read from an attribute (its items are not checked)");
    if (!s && o >= 0 && ty(b, o) == TY_PTR && is_boxed(b->ir->ins[res(b, o)].aux))
        return refuse(b, "for loop over an object made or returned in compiled code");
    if (!s && o >= 0 && ty(b, o) == TY_PTR && !is_instance(b->ir->ins[res(b, o)].aux)) {
        uint32_t base = hidden_for(b, b->pc, 2);
        if (b->failed)
            return false;
        write_var(b, base, b->cur, ir_const_int(b->ir, b->cur, 0));
        write_var(b, base + 1, b->cur, res(b, o));
        Static it = {.kind = S_ITER_ARRAY};
        it.v[0] = (int32_t)base;
        push(b, new_static(b, it));
        return true;
    }
    return refuse(b, "for loop over something other than range() or an array");
}

/* FOR_ITER at the end of a block: branch on "more items". */
static bool for_iter(Builder *b, int32_t *cond)
{
    Static *s = static_of(b, b->stack[b->sp - 1]);
    if (!s || s->kind < S_ITER_RANGE || s->kind > S_ITER_ARRAY)
        return refuse(b, "for loop over an unsupported iterator");
    uint32_t base = (uint32_t)s->v[0];
    int32_t c;
    if (s->kind == S_ITER_RANGE) {
        c = emit(b, IR_CMP, TY_BOOL, read_var(b, base, b->cur), read_var(b, base + 1, b->cur), -1);
        b->ir->ins[c].aux = CC_LT;
    } else if (s->kind == S_ITER_COUNTED) {
        c = emit(b, IR_CMP, TY_BOOL, read_var(b, base + 1, b->cur), ir_const_int(b->ir, b->cur, 0), -1);
        b->ir->ins[c].aux = CC_NE;
    } else {
        int32_t arr = read_var(b, base + 1, b->cur);
        int32_t len = emit(b, IR_ALEN, TY_INT, arr, -1, -1);
        c = emit(b, IR_CMP, TY_BOOL, read_var(b, base, b->cur), len, -1);
        b->ir->ins[c].aux = CC_LT;
    }
    *cond = c;
    return !b->failed;
}

/* At the start of a loop body: the next item, and the iterator advanced. */
static void for_item(Builder *b)
{
    Static *s = static_of(b, b->stack[b->sp - 1]);
    if (!s)
        return;
    uint32_t base = (uint32_t)s->v[0];
    int32_t item;
    if (s->kind == S_ITER_RANGE) {
        item = read_var(b, base, b->cur);
        write_var(b, base, b->cur, emit(b, IR_ADD, TY_INT, item, ir_const_int(b->ir, b->cur, 1), -1));
    } else if (s->kind == S_ITER_COUNTED) {
        item = read_var(b, base, b->cur);
        write_var(b, base, b->cur, emit(b, IR_ADD, TY_INT, item, read_var(b, base + 2, b->cur), -1));
        write_var(b, base + 1, b->cur,
                  emit(b, IR_SUB, TY_INT, read_var(b, base + 1, b->cur), ir_const_int(b->ir, b->cur, 1), -1));
    } else {
        int32_t i = read_var(b, base, b->cur), arr = read_var(b, base + 1, b->cur);
        int32_t data = emit(b, IR_ADATA, TY_PTR, arr, -1, -1);
        uint8_t tc = b->ir->ins[arr].aux;
        item = emit(b, IR_ALOAD, elem_type(tc == 'Y' ? 'B' : tc), data, i, -1);
        b->ir->ins[item].aux = elem_aux(tc);
        write_var(b, base, b->cur, emit(b, IR_ADD, TY_INT, i, ir_const_int(b->ir, b->cur, 1), -1));
    }
    push(b, item);
}

/* ---- deopt maps ------------------------------------------------------------------------ */

/* The locals live before each instruction (read on some path before being
 * written): a deopt map describes only those; a dead one is left unbound,
 * so compiled code need not keep its value. Per bytecode block (the IR's
 * blocks from find_blocks, in pc order) to a fixed point; live_at walks
 * back from a block's end to the instruction asked for. */
static void bytecode_liveness(Builder *b)
{
    Ir *ir = b->ir;
    uint32_t w = (b->code->nlocals + 31) / 32, nb = ir->nblocks;
    b->live_done = true;
    b->live_words = w;
    b->live = ir_tmp0(ir, ((size_t)nb * 4 + 1) * w * sizeof *b->live + sizeof *b->live);
    if (!b->live)
        return;
    uint32_t *in = b->live, *out = in + (size_t)nb * w, *gen = out + (size_t)nb * w, *kill = gen + (size_t)nb * w;
    for (uint32_t blk = 1; blk < nb; blk++) {
        uint32_t start = ir->blocks[blk].bc_start, end = blk + 1 < nb ? ir->blocks[blk + 1].bc_start : b->n;
        for (uint32_t pc = end; pc-- > start;) {
            uint32_t insn = b->insns[pc], arg = BC_ARG(insn);
            unsigned op = BC_OP(insn);
            if ((op == OP_STORE_FAST || op == OP_LOAD_FAST) && arg < b->code->nlocals) {
                uint32_t bit = 1u << (arg & 31), *g = &gen[(size_t)blk * w + (arg >> 5)];
                if (op == OP_LOAD_FAST)
                    *g |= bit;
                else
                    *g &= ~bit, kill[(size_t)blk * w + (arg >> 5)] |= bit;
            }
        }
    }
    for (bool changed = w > 0; changed;) {
        changed = false;
        for (uint32_t blk = nb; blk-- > 1;) {
            if (ir->blocks[blk].dead)
                continue;
            uint32_t end = blk + 1 < nb ? ir->blocks[blk + 1].bc_start : b->n;
            uint32_t last = b->insns[end - 1], flow = bc_opinfo[BC_OP(last)].flow;
            int32_t succ[2] = {-1, -1};
            if ((flow == FLOW_JUMP || flow == FLOW_BRANCH) && BC_ARG(last) < b->n)
                succ[0] = b->block_of[BC_ARG(last)];
            if ((flow == FLOW_NEXT || flow == FLOW_BRANCH) && end < b->n)
                succ[1] = b->block_of[end];
            for (uint32_t i = 0; i < w; i++) {
                uint32_t o = 0;
                for (int k = 0; k < 2; k++)
                    if (succ[k] > 0)
                        o |= in[(size_t)succ[k] * w + i];
                uint32_t li = gen[(size_t)blk * w + i] | (o & ~kill[(size_t)blk * w + i]);
                out[(size_t)blk * w + i] = o;
                if (li != in[(size_t)blk * w + i])
                    in[(size_t)blk * w + i] = li, changed = true;
            }
        }
    }
}

/* The locals live before instruction pc (b->live's rows: in, out, gen, kill per block, then a spare row). */
static const uint32_t *live_at(Builder *b, uint32_t pc)
{
    Ir *ir = b->ir;
    uint32_t w = b->live_words, nb = ir->nblocks, p = pc;
    uint32_t *row = b->live + (size_t)nb * 4 * w;
    while (p > 0 && b->block_of[p] < 0)
        p--;
    int32_t blk = b->block_of[p];
    uint32_t end = blk + 1 < (int32_t)nb ? ir->blocks[blk + 1].bc_start : b->n;
    memcpy(row, b->live + (size_t)nb * w + (size_t)blk * w, w * sizeof *row);
    for (uint32_t q = end; q-- > pc;) {
        uint32_t insn = b->insns[q], arg = BC_ARG(insn);
        unsigned op = BC_OP(insn);
        if ((op == OP_STORE_FAST || op == OP_LOAD_FAST) && arg < b->code->nlocals)
            row[arg >> 5] = op == OP_LOAD_FAST ? row[arg >> 5] | 1u << (arg & 31) : row[arg >> 5] & ~(1u << (arg & 31));
    }
    return row;
}

/* A deopt map being made: its values and its tags (jit_int.h). */
#define MAP_MAX 256
typedef struct MapBuf {
    int32_t vals[MAP_MAX], tags[MAP_MAX];
    uint32_t nv, nt;
} MapBuf;

static bool map_tag(MapBuf *m, unsigned kind, uint32_t extra)
{
    if (kind == DM_UNBOUND && m->nt && dm_kind(m->tags[m->nt - 1]) == DM_UNBOUND) {
        m->tags[m->nt - 1] = DM_TAG(DM_UNBOUND, dm_extra(m->tags[m->nt - 1]) + 1); /* a run */
        return true;
    }
    if (m->nt == MAP_MAX)
        return false;
    m->tags[m->nt++] = DM_TAG(kind, kind == DM_UNBOUND ? 1 : extra);
    return true;
}

/* Appends one slot of the frame (x: a value, a static or -1) to the map;
 * false when the slot cannot be described (a range not yet iterated, a
 * tuple being built). Iterators' variables are read in b->cur. */
static bool map_slot(Builder *b, MapBuf *m, int32_t x)
{
    Ir *ir = b->ir;
    int32_t v[3];
    uint32_t n = 0, extra = 0;
    unsigned kind;
    Static *s = static_of(b, x);
    if (s) {
        uint32_t base = (uint32_t)s->v[0];
        switch (s->kind) {
        case S_OBJ: {
            int32_t i = jit_add_dobj(b->js, s->obj);
            if (i < 0)
                return false;
            kind = DM_OBJ, extra = (uint32_t)i;
            break;
        }
        case S_METHOD_SELF_NONE: kind = DM_NOSELF; break;
        case S_ITER_RANGE: case S_ITER_ARRAY:
            kind = s->kind == S_ITER_RANGE ? DM_RANGE_IT : DM_ARRAY_IT, n = 2;
            v[0] = read_var(b, base, b->cur), v[1] = read_var(b, base + 1, b->cur);
            break;
        case S_ITER_COUNTED:
            kind = DM_COUNTED_IT, n = 3;
            for (uint32_t i = 0; i < 3; i++)
                v[i] = read_var(b, base + i, b->cur);
            break;
        default:
            return false;
        }
    } else {
        x = res(b, x);
        if (x < 0)
            return false;
        const IrIns *in = &ir->ins[x];
        static const int8_t kinds[TY__COUNT] = {[TY_VOID] = -1, [TY_INT] = DM_INT, [TY_BOOL] = DM_BOOL,
                                                [TY_FLOAT] = DM_FLOAT, [TY_NONE] = DM_NONE, [TY_PTR] = DM_PTR};
        if (in->op == IR_UNDEF)
            kind = DM_UNBOUND;
        else if (in->type == TY_NONE)
            kind = DM_NONE;
        else if (kinds[in->type] < 0)
            return false;
        else
            kind = (unsigned)kinds[in->type], v[0] = x, n = 1;
    }
    if (kind == DM_RANGE_IT || kind == DM_COUNTED_IT || kind == DM_ARRAY_IT) {
        /* in a loop body the next value is for_item's `item + step`: the
         * map takes the item instead (extra 1), which the loop keeps
         * anyway, so the step can still move to the end of the iteration
         * (sr.c) instead of both living through the body */
        const IrIns *nx = &ir->ins[res(b, v[0])];
        if (nx->op == IR_ADD && nx->b >= 0 && (kind == DM_COUNTED_IT ? res(b, nx->b) == res(b, v[2])
                                                                   : ir->ins[nx->b].op == IR_CONST && ir->ins[nx->b].k.i == 1)) {
            const IrIns *left = kind == DM_COUNTED_IT ? &ir->ins[res(b, v[1])] : NULL;
            if (!left || (left->op == IR_SUB && left->b >= 0 && ir->ins[left->b].op == IR_CONST && ir->ins[left->b].k.i == 1)) {
                v[0] = nx->a, extra = 1;
                if (left)
                    v[1] = left->a;
            }
        }
    }
    if (m->nv + n > MAP_MAX)
        return false;
    for (uint32_t i = 0; i < n; i++) {
        int32_t r = res(b, v[i]);
        if (r < 0 || b->failed)
            return false;
        m->vals[m->nv++] = r;
    }
    return map_tag(m, kind, extra);
}

/* The frame at pc: the locals live there (read in block blk), then depth
 * stack slots (stack: the builder's stack, or NULL: the stack variables at
 * the end of blk). */
static bool map_frame(Builder *b, MapBuf *m, uint32_t pc, int32_t blk, const int32_t *stack, uint32_t depth)
{
    uint32_t nl = b->code->nlocals;
    uint32_t live[16]; /* a copy: reading a variable may make another map (type_change_exit) */
    if (b->live_words > 16)
        return false;
    memcpy(live, live_at(b, pc), b->live_words * sizeof *live);
    int32_t save = b->cur;
    b->cur = blk; /* map_slot reads iterators' variables there */
    bool ok = true;
    for (uint32_t l = 0; l < nl + depth && ok && !b->ir->oom; l++) {
        if (l < nl && !(live[l >> 5] >> (l & 31) & 1))
            ok = map_tag(m, DM_UNBOUND, 1);
        else
            ok = map_slot(b, m, l < nl ? read_var(b, l, blk)
                                : stack ? stack[l - nl] : read_var(b, b->stack_base + (l - nl), blk));
    }
    b->cur = save;
    return ok && !b->ir->oom;
}

/* ---- what the collector sees: root slots ---------------------------------------------- */

/* Objects compiled code holds that no one else may: results of calls
 * (into the interpreter, of compiled functions returning objects), and
 * instances and strs read from attributes (the interpreter, running for a
 * call, may store over the attribute). Parameters are held by the caller,
 * constants by the code. */
static bool needs_root(const Builder *b, int32_t v)
{
    const IrIns *in = &b->ir->ins[v];
    if (in->type != TY_PTR || in->op == IR_PARAM || in->op == IR_CONST)
        return false;
    if (in->op == IR_PHI) /* (a phi of an instance may get an object made later: add_phi_operands) */
        return is_instance(in->aux) || is_boxed(in->aux) || in->aux == JIT_TC_STR;
    return is_boxed(in->aux) || in->aux == JIT_TC_STR || (is_instance(in->aux) && in->aux - INST_AUX >= JIT_MAX_PARAMS);
}

/* A value that needs a root is made: refused if a call was built where the
 * values live across it were not known (it could be one of them). */
static bool made_object(Builder *b)
{
    b->holds_objects = true;
    if (b->call_undescribed)
        return refuse(b, "holds an object across a call where the values live are not known");
    return true;
}

/* The root slots, made at the entry (their count set at the end of the
 * build, jit_build). */
static int32_t roots_base(Builder *b)
{
    if (b->roots_base < 0) {
        b->roots_n = entry_const(b, 0);
        b->roots_base = at_entry(b, IR_CALLRT, TY_PTR, b->roots_n, -1, -1);
        b->ir->ins[b->roots_base].aux = H_ROOTS;
    }
    return b->roots_base;
}

/* Before a call (or an allocation), where the collector may run: every
 * object the function still uses after it (the locals live after it and
 * the stack below its arguments, as its deopt map describes them) and the
 * objects passed to a compiled callee (whose parameters the caller holds)
 * are stored into the root slots, as Values (the type word read from the
 * object's header). Objects do not move, so the registers stay valid. */
static bool root_live(Builder *b, const int32_t *args, int nargs)
{
    if (BC_OP(b->insns[b->pc]) == OP_RETURN_VALUE) /* (materialize): nothing is used after it */
        return true;
    if (!b->holds_objects) {
        if (!b->live_done)
            bytecode_liveness(b);
        /* later objects can still be live here through a loop: known then */
        if (!b->live || b->pc + 1 >= b->n)
            b->call_undescribed = true;
        return true;
    }
    if (!b->live_done)
        bytecode_liveness(b);
    MapBuf m;
    m.nv = m.nt = 0;
    if (!b->live || b->pc + 1 >= b->n || !map_frame(b, &m, b->pc + 1, b->cur, b->stack, b->sp))
        return refuse(b, "holds objects across a call where the values live are not known");
    int32_t keep[32];
    uint32_t n = 0;
    for (uint32_t i = 0; i < m.nv + (uint32_t)nargs; i++) {
        int32_t v = i < m.nv ? m.vals[i] : res(b, args[i - m.nv]);
        if (v < 0 || !needs_root(b, v))
            continue;
        bool dup = false;
        for (uint32_t j = 0; j < n && !dup; j++)
            dup = keep[j] == v;
        if (dup)
            continue;
        if (n == sizeof keep / sizeof keep[0])
            return refuse(b, "holds more than %u objects across a call", (unsigned)n);
        keep[n++] = v;
    }
    if (n == 0)
        return true;
    int32_t base = roots_base(b);
    for (uint32_t j = 0; j < n; j++) {
        int32_t type = emit(b, IR_ALOAD, TY_INT, keep[j], ir_const_int(b->ir, b->cur, 4), -1);
        b->ir->ins[type].aux = 'B'; /* Obj.type: the byte after Obj.gc */
        int32_t st = emit(b, IR_ASTORE, TY_VOID, base, ir_const_int(b->ir, b->cur, (int32_t)(2 * j)), type);
        b->ir->ins[st].aux = JIT_TC_WORD;
        st = emit(b, IR_ASTORE, TY_VOID, base, ir_const_int(b->ir, b->cur, (int32_t)(2 * j + 1)), keep[j]);
        b->ir->ins[st].aux = JIT_TC_WORD;
    }
    if (n > b->nroots)
        b->nroots = n;
    return true;
}

/* At the end of the build: the root slots' count, and each return pops them. */
static void finish_roots(Builder *b)
{
    if (b->roots_base < 0)
        return;
    Ir *ir = b->ir;
    ir->ins[b->roots_n].k.i = (int32_t)b->nroots;
    ir->nroots = b->nroots;
    uint32_t nblocks = ir->nblocks;
    for (uint32_t k = 0; k < nblocks; k++) {
        IrBlock *bl = &ir->blocks[k];
        if (bl->dead || bl->nins == 0 || ir->ins[bl->ins[bl->nins - 1]].op != IR_RET)
            continue;
        int32_t u = ir_add(ir, -1, IR_CALLRT, TY_INT, b->roots_base, -1, -1);
        ir->ins[u].aux = H_UNROOT;
        ir->ins[u].pc = ir->ins[bl->ins[bl->nins - 1]].pc;
        ir_move_ins(ir, u, (int32_t)k);
    }
}

/* The map into Ir.lists; its index, or -1. */
static int32_t map_store(Ir *ir, const MapBuf *m)
{
    int32_t at = ir_list_alloc(ir, m->nv + 1 + m->nt);
    if (ir->oom)
        return -1;
    memcpy(&ir->lists[at], m->vals, m->nv * sizeof *m->vals);
    ir->lists[at + (int32_t)m->nv] = (int32_t)m->nt;
    memcpy(&ir->lists[at + (int32_t)m->nv + 1], m->tags, m->nt * sizeof *m->tags);
    return at;
}

/* The deopt map of guard v: the interpreter's frame before b->pc, the
 * live locals then the stack (docs/jit.md, "Deoptimisation"). The guards
 * of one instruction share it. No map (the guard then raises, as before)
 * when a slot cannot be described. */
static void attach_deopt_map(Builder *b, int32_t v)
{
    Ir *ir = b->ir;
    if (!b->live_done)
        bytecode_liveness(b);
    if (!b->live || b->failed || b->sp > b->snap_sp) /* (a push would have overwritten the stack) */
        return;
    if (b->map_pc != (int32_t)b->pc) {
        MapBuf m;
        m.nv = m.nt = 0;
        b->map_pc = (int32_t)b->pc, b->map = -1;
        if (map_frame(b, &m, b->pc, b->cur, b->stack, b->snap_sp))
            b->map = map_store(ir, &m), b->nmap = (uint16_t)m.nv;
    }
    if (b->map >= 0)
        ir->ins[v].dm = b->map, ir->ins[v].ndm = b->nmap;
}

/* A path that brings a number of another type into a merge (a variable
 * int on one path and float on another: Python allows it, a phi has one
 * machine type): the merge keeps the type of its first path, and this one
 * ends in a guard that always fails, deoptimising with the frame as it is
 * at the merge's first instruction. Only for a predecessor with no other
 * successor; false when the frame cannot be described (then refused). */
static bool type_change_exit(Builder *b, int32_t pred, int32_t block, bool to_float)
{
    Ir *ir = b->ir;
    for (uint32_t i = 0; i < b->ntype_edges; i++)
        if (b->type_edges[i][0] == pred && b->type_edges[i][1] == block)
            return true;
    if (!b->live_done)
        bytecode_liveness(b);
    if (!b->live || b->failed || pred <= 0 || ir->blocks[pred].nsucc != 1 || !ir->blocks[pred].filled ||
        b->ntype_edges == 64)
        return false;
    uint32_t pc = ir->blocks[block].bc_start;
    b->type_edges[b->ntype_edges][0] = pred, b->type_edges[b->ntype_edges++][1] = block;
    MapBuf m;
    m.nv = m.nt = 0;
    int32_t at;
    if (!map_frame(b, &m, pc, pred, NULL, (uint32_t)b->entry_depth[block]) || (at = map_store(ir, &m)) < 0) {
        b->ntype_edges--;
        return false;
    }
    int32_t one = ir_add(ir, -1, IR_CONST, TY_INT, -1, -1, -1);
    int32_t chk = ir_add(ir, -1, IR_CHECK, TY_VOID, one, -1, -1);
    if (ir->oom || !ensure_forward(b))
        return false;
    ir->ins[one].k.i = 1;
    ir->ins[chk].pc = ir->ins[one].pc = pc;
    /* a type change, for --jit-report: 3 when the merge is int and this
     * path brings a float (recompiling may widen the merge, jit.c) */
    ir->ins[chk].aux = to_float ? 3 : 1;
    ir->ins[chk].dm = at, ir->ins[chk].ndm = (uint16_t)m.nv;
    ir_move_ins(ir, one, pred);
    ir_move_ins(ir, chk, pred);
    return !ir->oom;
}

/* A call's map: the frame after it (pc + 1), its result on the stack. The
 * callee may deoptimise and its interpreted rest return a value of another
 * type than it returns compiled (a float where int was specialised, a long
 * int): then this caller leaves for the interpreter too, with that value.
 * The stack is already without the function and its arguments here. */
static void attach_call_map(Builder *b, int32_t v)
{
    if (!b->live_done)
        bytecode_liveness(b);
    if (!b->live || b->failed || b->pc + 1 >= b->n)
        return;
    MapBuf m;
    m.nv = m.nt = 0;
    int32_t at;
    if (map_frame(b, &m, b->pc + 1, b->cur, b->stack, b->sp) && map_tag(&m, DM_RESULT, 0) &&
        (at = map_store(b->ir, &m)) >= 0)
        b->ir->ins[v].dm = at, b->ir->ins[v].ndm = (uint16_t)m.nv;
}

/* A guard at the function's entry (entries_at_entry): a deopt there runs
 * the whole call in the interpreter, from pc 0 with the arguments. */
static bool entry_guard(Builder *b, int32_t flag)
{
    if (!b->live_done)
        bytecode_liveness(b);
    MapBuf m;
    m.nv = m.nt = 0;
    int32_t at = -1;
    if (!b->live || b->failed || !map_frame(b, &m, 0, 0, NULL, 0) || (at = map_store(b->ir, &m)) < 0)
        return refuse(b, "a guard at the entry cannot deoptimise");
    int32_t c = at_entry(b, IR_CHECK, TY_VOID, flag, -1, -1);
    b->ir->ins[c].aux = 2; /* an attribute guard (emit.c) */
    b->ir->ins[c].dm = at, b->ir->ins[c].ndm = (uint16_t)m.nv;
    b->hoisted = true;
    return !b->ir->oom && !b->failed;
}

/* ---- one block ------------------------------------------------------------------------- */

static void end_block_stack(Builder *b)
{
    for (uint32_t i = 0; i < b->sp; i++)
        write_var(b, b->stack_base + i, b->cur, b->stack[i]);
}

static void link(Builder *b, uint32_t target_pc)
{
    int32_t t = b->block_of[target_pc];
    ir_add_edge(b->ir, b->cur, t);
    b->filled_preds[t]++;
}

static bool build_block_ops(Builder *b, int32_t blk, uint32_t start, uint32_t end);

static bool build_block(Builder *b, int32_t blk, uint32_t start, uint32_t end)
{
    bool ok = build_block_ops(b, blk, start, end);
    b->snap_ok = false; /* guards made outside an instruction (none yet) get no map */
    return ok;
}

static bool build_block_ops(Builder *b, int32_t blk, uint32_t start, uint32_t end)
{
    Ir *ir = b->ir;
    b->cur = blk;
    b->sp = 0;
    b->pc = start;
    uint32_t depth = (uint32_t)b->entry_depth[blk];
    /* The fall-through of FOR_ITER is the loop body: it gets its item here. */
    bool body = start > 0 && BC_OP(b->insns[start - 1]) == OP_FOR_ITER && b->expect_preds[blk] == 1;
    for (uint32_t i = 0; i < depth - body; i++)
        push(b, read_var(b, b->stack_base + i, blk));
    if (body)
        for_item(b);
    for (uint32_t pc = start; pc < end && !b->failed; pc++) {
        b->pc = pc;
        uint32_t insn = b->insns[pc], arg = BC_ARG(insn);
        unsigned op = BC_OP(insn);
        int32_t x, y, z;
        b->snap_sp = b->sp, b->snap_ok = true, b->map_pc = -1; /* for deopt maps */
        switch (op) {
        case OP_NOP: break;
        case OP_POP_TOP: pop(b); break;
        case OP_DUP_TOP: x = pop(b); push(b, x); push(b, x); break;
        case OP_DUP_TOP_TWO: y = pop(b); x = pop(b); push(b, x); push(b, y); push(b, x); push(b, y); break;
        case OP_ROT_TWO: y = pop(b); x = pop(b); push(b, y); push(b, x); break;
        case OP_ROT_THREE: z = pop(b); y = pop(b); x = pop(b); push(b, z); push(b, x); push(b, y); break;
        case OP_LOAD_CONST: {
            Value k = b->code->consts->items[arg];
            if (k.type == T_INT || k.type == T_BOOL) {
                x = ir_const_int(ir, blk, k.u.i);
                ir->ins[x].type = k.type == T_BOOL ? TY_BOOL : TY_INT;
            } else if (k.type == T_FLOAT)
                x = ir_const_float(ir, blk, k.u.f);
            else if (k.type == T_NONE) {
                x = emit(b, IR_CONST, TY_NONE, -1, -1, -1);
            } else if (k.type == T_STR) { /* held by the code object; compared, passed on (objcall.c) */
                x = ir_const_int(ir, blk, (int32_t)(uintptr_t)k.u.obj);
                ir->ins[x].type = TY_PTR, ir->ins[x].aux = JIT_TC_STR;
            } else if (k.type == T_LONG)
                return refuse(b, "an int constant beyond 32 bits (compiled code has 32-bit ints)");
            else
                return refuse(b, "constant of type %s", type_name(k));
            push(b, x);
            break;
        }
        case OP_LOAD_INT: push(b, ir_const_int(ir, blk, BC_IMM(insn))); break;
        case OP_LOAD_FAST:
            x = read_var(b, arg, blk);
            if (b->failed)
                return false;
            if (x >= 0 && (ir->ins[x].op == IR_UNDEF || ir->ins[x].type == TY_VOID))
                return refuse(b, "local '%s' may be used before it is assigned", local_name(b, arg));
            push(b, x);
            break;
        case OP_STORE_FAST:
            x = pop(b);
            if (arg < 64 && x >= 0 && ty(b, x) == TY_PTR && is_boxed(ir->ins[res(b, x)].aux))
                b->var_cls[arg] = boxed_class(b, x);
            write_var(b, arg, blk, x);
            break;
        case OP_LOAD_GLOBAL: if (!load_global(b, arg)) return false; break;
        case OP_LOAD_ATTR: if (!load_attr(b, arg, false)) return false; break;
        case OP_STORE_ATTR: if (!store_attr(b, arg)) return false; break;
        case OP_LOAD_FREE: if (!load_free(b, arg)) return false; break;
        case OP_STORE_FREE: if (!store_free(b, arg)) return false; break;
        case OP_LOAD_DEREF: case OP_STORE_DEREF: case OP_DELETE_DEREF:
            return refuse(b, "'%s' is not compiled (a variable its closures share: the function that owns the cell "
                             "stays interpreted, its closures compile)", bc_opinfo[op].name);
        case OP_DELETE_FREE:
            return refuse(b, "'del' of a free variable is not compiled");
        case OP_LOAD_METHOD: if (!load_attr(b, arg, true)) return false; break;
        case OP_UNARY_NEG: case OP_UNARY_POS: case OP_UNARY_NOT: case OP_UNARY_INVERT: {
            x = value(b, pop(b), "operand");
            if (x < 0)
                return false;
            IrType t = ty(b, x);
            if (op == OP_UNARY_NOT) {
                int32_t tv = truth(b, x);
                if (tv < 0) return false;
                y = emit(b, IR_CMP, TY_BOOL, tv, ir_const_int(ir, blk, 0), -1);
                ir->ins[y].aux = CC_EQ;
            } else if (t == TY_FLOAT && op != OP_UNARY_INVERT)
                y = op == OP_UNARY_NEG ? emit(b, IR_FNEG, TY_FLOAT, x, -1, -1) : x;
            else if (is_intlike(t)) {
                if (op == OP_UNARY_NEG) {
                    y = emit(b, IR_NEGO, TY_INT, x, -1, -1);
                    witness(b, y, x, -1, -1);
                } else if (op == OP_UNARY_INVERT)
                    y = emit(b, IR_NOT, TY_INT, x, -1, -1);
                else
                    y = t == TY_INT ? x : emit(b, IR_COPY, TY_INT, x, -1, -1);
            } else
                return refuse(b, "unary operator on this type");
            push(b, y);
            break;
        }
        case OP_BINARY_ADD: case OP_BINARY_SUB: case OP_BINARY_MUL: case OP_BINARY_TRUEDIV:
        case OP_BINARY_FLOORDIV: case OP_BINARY_MOD: case OP_BINARY_POW: case OP_BINARY_LSHIFT:
        case OP_BINARY_RSHIFT: case OP_BINARY_AND: case OP_BINARY_OR: case OP_BINARY_XOR:
        case OP_INPLACE_ADD: case OP_INPLACE_MUL:
        case OP_INPLACE_SUB: case OP_INPLACE_AND: case OP_INPLACE_OR: case OP_INPLACE_XOR:
            y = value(b, pop(b), "right operand");
            x = value(b, pop(b), "left operand");
            if (x < 0 || y < 0)
                return false;
            z = binary(b, binary_of_inplace(op), x, y);
            if (z < 0)
                return false;
            push(b, z);
            break;
        case OP_COMPARE_LT: case OP_COMPARE_LE: case OP_COMPARE_EQ: case OP_COMPARE_NE:
        case OP_COMPARE_GT: case OP_COMPARE_GE:
            y = value(b, pop(b), "right operand");
            x = value(b, pop(b), "left operand");
            if (x < 0 || y < 0)
                return false;
            z = compare(b, op, x, y);
            if (z < 0)
                return false;
            push(b, z);
            break;
        case OP_BINARY_SUBSCR: {
            uint8_t tc = 0;
            y = value(b, pop(b), "index");
            x = value(b, pop(b), "subscripted value");
            if (x >= 0 && y >= 0 && ty(b, x) == TY_PTR && is_guarded_list(ir->ins[x].aux)) {
                if ((z = guarded_item(b, x, y)) < 0)
                    return false;
                push(b, z);
                break;
            }
            if (x < 0 || y < 0 || !array_type(b, x, &tc))
                return false;
            if (tc == 'I')
                return refuse(b, "array('I') elements may not fit an int");
            int32_t i = checked_index(b, x, y);
            if (i < 0)
                return false;
            int32_t data = emit(b, IR_ADATA, TY_PTR, x, -1, -1);
            z = emit(b, IR_ALOAD, elem_type(tc), data, i, -1);
            ir->ins[z].aux = elem_aux(tc);
            push(b, z);
            break;
        }
        case OP_STORE_SUBSCR: {
            uint8_t tc = 0;
            y = value(b, pop(b), "index");
            x = value(b, pop(b), "subscripted value");
            z = value(b, pop(b), "stored value");
            if (x >= 0 && y >= 0 && z >= 0 && ty(b, x) == TY_PTR && is_guarded_list(ir->ins[x].aux)) {
                if (!guarded_store(b, x, y, z))
                    return false;
                break;
            }
            if (x < 0 || y < 0 || z < 0 || !array_type(b, x, &tc))
                return false;
            IrType vt = ty(b, z);
            if (ir_is_list(tc) && !((tc == 'F' && vt == TY_FLOAT) || (tc == 'N' && vt == TY_INT)))
                return refuse(b, "storing a value of another kind into a %s", tc == 'F' ? "list of floats"
                                                                           : tc == 'N' ? "list of ints"
                                                                                       : "list of lists");
            if (ir_is_list(tc))
                ; /* the same kind as every item: checked above */
            else if (tc == 'f' ? !(vt == TY_FLOAT || is_intlike(vt)) : !is_intlike(vt))
                return refuse(b, "storing a %s in an array('%c')", vt == TY_FLOAT ? "float" : "value",
                              tc == 'Y' ? 'B' : tc);
            int32_t i = checked_index(b, x, y);
            if (i < 0)
                return false;
            int32_t data = emit(b, IR_ADATA, TY_PTR, x, -1, -1);
            int32_t v = tc == 'f' ? to_float(b, z) : z;
            int32_t st = emit(b, IR_ASTORE, TY_VOID, data, i, v);
            ir->ins[st].aux = tc;
            witness(b, st, x, y, z);
            break;
        }
        case OP_BUILD_TUPLE: {
            if (arg > 4)
                return refuse(b, "tuples are compiled only for unpacking (a, b = b, a)");
            Static s = {.kind = S_TUPLE, .n = arg};
            for (int i = (int)arg - 1; i >= 0; i--)
                s.v[i] = pop(b);
            push(b, new_static(b, s));
            break;
        }
        case OP_UNPACK_SEQUENCE: {
            x = pop(b);
            Static *s = static_of(b, x);
            if (!s && x >= 0 && ty(b, x) == TY_PTR && is_boxed(ir->ins[res(b, x)].aux)) {
                if (!unpack_tuple(b, x, arg))
                    return false;
                break;
            }
            if (!s || s->kind != S_TUPLE || s->n != arg)
                return refuse(b, "unpacking of a value that is not a tuple display");
            for (int i = (int)arg - 1; i >= 0; i--)
                push(b, s->v[i]);
            break;
        }
        case OP_CALL: case OP_CALL_METHOD:
            if (!do_call(b, (int)arg, op == OP_CALL_METHOD))
                return false;
            b->nshapes = b->nkeys = 0; /* the callee may deoptimise: the interpreter may change dicts */
            b->late_block = -1;
            break;
        case OP_GET_ITER: if (!get_iter(b)) return false; break;
        case OP_FOR_ITER: {
            int32_t c = -1;
            if (!for_iter(b, &c))
                return false;
            emit(b, IR_BR, TY_VOID, c, -1, -1);
            end_block_stack(b);
            link(b, pc + 1);
            link(b, arg);
            return true;
        }
        case OP_JUMP:
            emit(b, IR_JMP, TY_VOID, -1, -1, -1);
            end_block_stack(b);
            link(b, arg);
            return true;
        case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
        case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: {
            bool keep = op == OP_JUMP_IF_FALSE_OR_POP || op == OP_JUMP_IF_TRUE_OR_POP;
            int32_t v = b->stack[b->sp - 1];
            int32_t c = -1;
            if (IS_STATIC(v))
                return refuse(b, "truth value of a compile-time object");
            if (ty(b, v) == TY_NONE)
                c = ir_const_int(ir, blk, 0);
            else if ((c = truth(b, res(b, v))) < 0)
                return false;
            emit(b, IR_BR, TY_VOID, c, -1, -1);
            end_block_stack(b);
            if (!keep)
                b->sp--;
            bool on_true = op == OP_POP_JUMP_IF_TRUE || op == OP_JUMP_IF_TRUE_OR_POP;
            /* succ[0] is taken when the condition is true */
            if (on_true)
                link(b, arg), link(b, pc + 1);
            else
                link(b, pc + 1), link(b, arg);
            return true;
        }
        case OP_RETURN_VALUE: {
            x = pop(b);
            if ((x = materialize(b, x)) == -1 && b->failed)
                return false;
            if (IS_STATIC(x))
                return refuse(b, "returns a compile-time object");
            if (ty(b, x) == TY_PTR) { /* the items of the tuples it returns, if they agree */
                const JitType *items = NULL;
                uint8_t n = 0;
                for (uint32_t i = 0; i < b->ntuples; i++)
                    if (b->tuples[i].v == res(b, x))
                        items = b->tuples[i].t, n = b->tuples[i].n;
                if (!b->ret_items_set)
                    b->spec->ret_nitems = n, b->ret_items_set = true;
                else if (b->spec->ret_nitems != n)
                    b->spec->ret_nitems = 0;
                if (n && b->spec->ret_nitems == n) {
                    for (uint32_t i = 0; i < n && b->spec->ret_nitems; i++)
                        if (b->ret_items_set && b->spec->ret_items[i].ty && b->spec->ret_items[i].ty != items[i].ty)
                            b->spec->ret_nitems = 0;
                    if (b->spec->ret_nitems)
                        memcpy(b->spec->ret_items, items, n * sizeof *items);
                }
            }
            IrType t = ty(b, x);
            JitType rt = {t, 0, ir->ins[res(b, x)].aux, NULL};
            if (t == TY_PTR) { /* an object: the caller holds it as any object (JIT_TC_BOXED), of the */
                const Class *c = NULL; /* class its returns agree on (a prediction for its methods) */
                uint8_t aux = ir->ins[res(b, x)].aux;
                if (is_boxed(aux))
                    c = boxed_class(b, x);
                else if (is_instance(aux) && aux - INST_AUX < JIT_MAX_PARAMS)
                    c = b->spec->params[aux - INST_AUX].cls;
                else if (is_instance(aux) && b->nested[aux - INST_AUX - JIT_MAX_PARAMS].type == T_INSTANCE)
                    c = AS(Instance, b->nested[aux - INST_AUX - JIT_MAX_PARAMS])->cls;
                b->spec->ret.cls = !ir->ret_known || b->spec->ret.cls == c ? c : NULL;
            }
            if (!ir->ret_known) {
                ir->ret_known = true;
                ir->ret_type = t;
            } else if (ir->ret_type != t) {
                char n1[24], n2[24];
                JitType o = {ir->ret_type, 0, 0, NULL};
                return refuse(b, "returns %s here and %s elsewhere", jit_type_name(rt, n1, sizeof n1),
                              jit_type_name(o, n2, sizeof n2));
            }
            emit(b, IR_RET, TY_VOID, t == TY_NONE ? -1 : res(b, x), -1, -1);
            return true;
        }
        default:
            return refuse(b, "'%s' is not compiled", bc_opinfo[op].name);
        }
    }
    if (b->failed)
        return false;
    /* falls through into the next block */
    emit(b, IR_JMP, TY_VOID, -1, -1, -1);
    end_block_stack(b);
    link(b, end);
    return true;
}

/* ---- the bytecode CFG ------------------------------------------------------------------- */

static bool find_blocks(Builder *b)
{
    uint32_t n = b->n;
    const uint32_t *code = b->insns;
    uint8_t *leader = ir_tmp0(b->ir, n + 1); /* the arena's, released by jit_build */
    if (!leader)
        return refuse(b, "out of memory while compiling");
    leader[0] = 1;
    for (uint32_t pc = 0; pc < n; pc++) {
        unsigned op = BC_OP(code[pc]);
        uint8_t flow = bc_opinfo[op].flow;
        if (flow == FLOW_JUMP || flow == FLOW_BRANCH)
            leader[BC_ARG(code[pc])] = 1;
        if (flow != FLOW_NEXT && pc + 1 < n)
            leader[pc + 1] = 1;
    }
    for (uint32_t pc = 0; pc < n; pc++) {
        b->block_of[pc] = -1;
        if (leader[pc])
            b->block_of[pc] = ir_new_block(b->ir, pc);
    }
    if (b->ir->oom)
        return refuse(b, "out of memory while compiling");
    /* expected predecessors (reachable ones) and entry stack depths */
    uint32_t nb = b->ir->nblocks;
    uint8_t *reach = ir_tmp0(b->ir, nb + 1);
    uint32_t *work = ir_tmp(b->ir, (nb + 1) * sizeof *work);
    if (!reach || !work)
        return refuse(b, "out of memory while compiling");
    uint32_t sp = 0;
    uint32_t first = (uint32_t)b->block_of[0];
    reach[0] = 1;                       /* the entry block, which jumps to the first */
    reach[first] = 1, work[sp++] = first;
    b->entry_depth[first] = 0;
    b->expect_preds[first] = 1;
    while (sp) {
        uint32_t blk = work[--sp];
        uint32_t pc = b->ir->blocks[blk].bc_start;
        int32_t depth = b->entry_depth[blk];
        for (;; pc++) {
            uint32_t insn = code[pc];
            unsigned op = BC_OP(insn);
            uint8_t flow = bc_opinfo[op].flow;
            uint32_t targets[2];
            int32_t depths[2];
            int nt = 0;
            if (flow == FLOW_JUMP || flow == FLOW_BRANCH) {
                targets[nt] = BC_ARG(insn), depths[nt++] = depth + bc_stack_effect(insn, true);
            }
            if (flow == FLOW_BRANCH || (flow == FLOW_NEXT && pc + 1 < n && b->block_of[pc + 1] >= 0)) {
                targets[nt] = pc + 1, depths[nt++] = depth + bc_stack_effect(insn, false);
            }
            for (int t = 0; t < nt; t++) {
                int32_t tb = b->block_of[targets[t]];
                b->expect_preds[tb]++;
                if (!reach[tb]) {
                    reach[tb] = 1;
                    b->entry_depth[tb] = depths[t];
                    work[sp++] = (uint32_t)tb;
                }
            }
            if (flow != FLOW_NEXT || nt)
                break;
            depth += bc_stack_effect(insn, false);
        }
    }
    for (uint32_t i = 0; i < nb; i++)
        if (!reach[i])
            b->ir->blocks[i].dead = true;
    ir_cfg_changed(b->ir);
    return true;
}

static bool build(JitState *js, JitSpec *spec, Ir *ir, JitResolveFn resolve, bool hoist, bool *retry)
{
    Code *code = spec->fn->code;
    Builder bb, *b = &bb;
    memset(b, 0, sizeof *b);
    b->js = js, b->spec = spec, b->ir = ir, b->code = code, b->resolve = resolve;
    b->memo_block = -1, b->hoist = hoist;
    b->roots_base = b->roots_n = -1;
    b->late_block = -1;
    spec->ret.cls = NULL; /* (RETURN_VALUE: the class of the objects returned, */
    spec->ret_nitems = 0; /* and the items of the tuples) */
    memset(spec->ret_items, 0, sizeof spec->ret_items);
    for (uint32_t i = 0; i < INST_SLOTS; i++)
        b->param_val[i] = -1;
    b->insns = code->insns, b->n = code->ninsns;
    b->why = &spec->why;
    /* what the passes grow a function to: at most 3n + 64 values for all but
     * 3 of 10507 functions of the tests and genprog programs (they double it
     * once); malloc clears the whole block, so a generous guess costs */
    ir_init(ir, 3 * code->ninsns + 64);
    ir->nparams = code->nparams;
    if (code->src->nexc)
        return refuse(b, "try/except and with blocks are not compiled");
    if (code->ninsns && BC_OP(code->insns[0]) == OP_RETURN_GENERATOR)
        return refuse(b, "generator functions are not compiled (the interpreter runs them)");
    if (code->flags)
        return refuse(b, "keyword-only, *args and **kwargs parameters are not compiled");
    size_t n = b->n + 1;
    IrTmpMark m = ir_tmp_mark(ir);
    b->block_of = ir_tmp(ir, n * sizeof *b->block_of);
    b->expect_preds = ir_tmp0(ir, n * sizeof *b->expect_preds);
    b->filled_preds = ir_tmp0(ir, n * sizeof *b->filled_preds);
    b->entry_depth = ir_tmp0(ir, n * sizeof *b->entry_depth);
    bool ok = false;
    if (!b->block_of || !b->expect_preds || !b->filled_preds || !b->entry_depth) {
        refuse(b, "out of memory while compiling");
        goto out;
    }
    /* Block 0 defines the parameters and jumps to the code: the code's first
     * block may be a loop header, which needs phis for them. */
    ir_new_block(ir, 0);
    if (!find_blocks(b))
        goto out;
    b->map = -1; /* (bytecode_liveness: at the first map) */
    b->stack_base = code->nlocals;
    b->hidden_base = b->stack_base + code->maxstack;
    b->maxhidden = 3 * 32;
    b->nvars = b->hidden_base + b->maxhidden;
    b->defs = ir_tmp(ir, (size_t)ir->nblocks * b->nvars * sizeof *b->defs);
    if (!b->defs) {
        refuse(b, "out of memory while compiling");
        goto out;
    }
    memset(b->defs, 0xff, (size_t)ir->nblocks * b->nvars * sizeof *b->defs);
    /* parameters: PARAM values in the entry block */
    b->cur = 0;
    for (uint32_t i = 0; i < code->nparams; i++) {
        JitType t = spec->params[i];
        int32_t p = emit(b, IR_PARAM, (IrType)t.ty, -1, -1, -1);
        ir->ins[p].k.i = (int32_t)i;
        ir->ins[p].aux = t.obj == T_BYTEARRAY ? 'Y' : t.tc; /* lists: their kind, 'F' ... */
        if (t.tc == JIT_TC_INSTANCE)
            ir->ins[p].aux = (uint8_t)(INST_AUX + i);
        b->param_val[i] = p;
        write_var(b, i, 0, p);
    }
    emit(b, IR_JMP, TY_VOID, -1, -1, -1);
    link(b, 0);
    ir->blocks[0].sealed = ir->blocks[0].filled = true;
    for (uint32_t blk = 1; blk < ir->nblocks && !b->failed; blk++) {
        IrBlock *bl = &ir->blocks[blk];
        if (bl->dead)
            continue;
        uint32_t start = bl->bc_start, end = blk + 1 < ir->nblocks ? ir->blocks[blk + 1].bc_start : b->n;
        if (b->filled_preds[blk] == b->expect_preds[blk])
            seal(b, (int32_t)blk);
        if (!ensure_forward(b))
            break;
        build_block(b, (int32_t)blk, start, end);
        bl = &ir->blocks[blk];
        bl->filled = true;
        for (uint32_t s = 0; s < bl->nsucc; s++) {
            int32_t t = bl->succ[s];
            if (ir->blocks[t].filled && b->filled_preds[t] == b->expect_preds[t])
                seal(b, t);
        }
        if (ir->oom && ir->preds_full)
            refuse(b, "a point of the code is reached from more than %d places (break, continue, if)",
                   IR_MAX_PREDS);
        else if (ir->oom)
            refuse(b, "out of memory while compiling");
    }
    for (uint32_t blk = 0; blk < ir->nblocks && !b->failed; blk++)
        if (!ir->blocks[blk].dead && !ir->blocks[blk].sealed)
            seal(b, (int32_t)blk);
    if (b->failed)
        goto out;
    /* resolve forwarded values in every operand */
    for (uint32_t v = 0; v < ir->nins; v++) {
        IrIns *in = &ir->ins[v];
        if (in->a >= 0) in->a = res(b, in->a);
        if (in->b >= 0) in->b = res(b, in->b);
        if (in->c >= 0) in->c = res(b, in->c);
        for (int i = 0; i < in->nw; i++)
            in->w[i] = res(b, in->w[i]);
    }
    /* (deopt maps are in the lists: resolved below) */
    for (uint32_t i = 0; i < ir->nlists; i++)
        ir->lists[i] = ir->lists[i] >= 0 ? res(b, ir->lists[i]) : ir->lists[i];
    if (!ir->ret_known)
        ir->ret_type = TY_NONE; /* never returns normally: it raises */
    finish_roots(b);
    ok = true;
out:
    ir_tmp_release(ir, m);
    free(b->forward), free(b->incomplete), free(b->assumed), free(b->var_of_phi);
    *retry = !ok && b->retry_plain;
    return ok;
}

bool jit_build(JitState *js, JitSpec *spec, Ir *ir, JitResolveFn resolve)
{
    bool retry = false;
    if (build(js, spec, ir, resolve, true, &retry))
        return true;
    if (!retry)
        return false;
    ir_free(ir); /* it calls a Python function: every attribute check where it reads */
    memset(&spec->why, 0, sizeof spec->why);
    return build(js, spec, ir, resolve, false, &retry);
}
