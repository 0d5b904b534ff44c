/*
 * build_int.h - what the builder's files share: the Builder, compile-time
 * objects ("statics"), and the functions one file calls in another.
 *
 * Bytecode becomes typed SSA (jit_build) in files along its seams:
 *   build.c        refusals, values, SSA variables, the stack, iteration,
 *                  one block, the bytecode CFG, and jit_build
 *   build_ops.c    typed operations and subscripts
 *   build_call.c   calls: built-ins, compiled functions, the interpreter
 *   build_obj.c    globals, attributes, instances, methods and closures
 *   build_roots.c  deopt maps and root slots
 * Not an interface for anything outside the builder: jit_int.h is.
 */
#ifndef P4_JIT_BUILD_INT_H
#define P4_JIT_BUILD_INT_H

#include <stdarg.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jit/jit_int.h"
#include "vm/bytecode.h"
#include "vm/class.h"
#include "vm/p4b.h"

enum StaticKind { S_OBJ, S_RANGE, S_ITER_RANGE, S_ITER_COUNTED, S_ITER_ARRAY, S_TUPLE, S_METHOD_SELF_NONE,
                  S_SUPER /* super(): obj the method super().m finds (build_obj.c super_call), v[0] self */ };

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
    bool op_typed, op_dropped; /* interp_call: an operator on an object (object_operator): */
    JitType op_result;        /* its predicted result, or none (a store) */
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
    bool keeps_self;       /* it calls super(), which reads local 0: live everywhere (live_at) */
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
    /* List arguments' items were all looked at when the call entered
     * (jit_type_of_value), so a call-free function trusts their kind. A
     * call can run Python code that stores items of another type into them
     * (and a store into a list read from an attribute can write into the
     * same list), so a function that does either is built again with its
     * list parameters guarded like attribute lists (guarded_list_kind):
     * each item read checks its type word, each store writes it. */
    bool guard_list_params, trusted_list_params, retry_guarded;
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
static inline bool is_instance(uint8_t aux) { return aux >= INST_AUX && aux < INST_AUX + INST_SLOTS; }

/* build.c */
bool refuse(Builder *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int32_t res(Builder *b, int32_t v);
int32_t build_emit(Builder *b, IrOp op, IrType t, int32_t x, int32_t y, int32_t z); /* emit(), below */
void witness(Builder *b, int32_t v, int32_t w0, int32_t w1, int32_t w2);
void check_that(Builder *b, int32_t flag, int32_t w0, int32_t w1, const Native *n);
int32_t float_equals(Builder *b, int32_t f, float k);
bool ensure_forward(Builder *b);
int32_t read_var(Builder *b, uint32_t var, int32_t block);
int32_t new_static(Builder *b, Static s);
int32_t value(Builder *b, int32_t v, const char *what);

/* build_ops.c */
int32_t to_float(Builder *b, int32_t v);
int32_t binary(Builder *b, unsigned op, int32_t x, int32_t y);
int32_t compare(Builder *b, unsigned op, int32_t x, int32_t y);
int32_t truth(Builder *b, int32_t v);
bool array_type(Builder *b, int32_t arr, uint8_t *tc);
int32_t checked_index(Builder *b, int32_t arr, int32_t idx);
IrType elem_type(uint8_t tc);
uint8_t ptr_obj(uint8_t aux);
int32_t guarded_item(Builder *b, int32_t x, int32_t y);
bool list_params_exposed(Builder *b);
uint8_t guarded_param_kind(uint8_t tc);
bool guarded_store(Builder *b, int32_t x, int32_t y, int32_t z);

/* build_call.c */
void note_tuple(Builder *b, int32_t v, uint32_t n, const JitType *t);
int32_t materialize(Builder *b, int32_t x);
bool unpack_tuple(Builder *b, int32_t x, uint32_t n);
void note_class(Builder *b, int32_t v, const Class *c);
const Class *boxed_class(Builder *b, int32_t v);
bool do_call(Builder *b, int nargs, bool method);
bool do_call_kw(Builder *b, int nargs);
int32_t object_operator(Builder *b, unsigned op, int32_t x, int32_t y, int32_t z);

/* build_obj.c */
bool load_global(Builder *b, uint32_t slot);
bool load_attr(Builder *b, uint32_t name, bool method);
int32_t at_entry(Builder *b, IrOp op, IrType t, int32_t x, int32_t y, int32_t z);
int32_t entry_const(Builder *b, int32_t k);
bool guard(Builder *b, int32_t flag);
int32_t word(Builder *b, int32_t base, int32_t index, IrType t);
int32_t cmp_k(Builder *b, IrCond cc, int32_t x, int32_t k);
bool held_across_calls(Builder *b);
bool method_of_instance(Builder *b, int32_t o, Str *n);
bool late_guard(Builder *b);
bool store_attr(Builder *b, uint32_t name);
bool load_free(Builder *b, uint32_t k);
bool store_free(Builder *b, uint32_t k);
bool super_call(Builder *b);

/* build_roots.c */
bool made_object(Builder *b);
bool root_live(Builder *b, const int32_t *args, int nargs);
void finish_roots(Builder *b);
void attach_deopt_map(Builder *b, int32_t v);
bool type_change_exit(Builder *b, int32_t pred, int32_t block, bool to_float);
bool attach_call_map(Builder *b, int32_t v, bool with_result);
bool entry_guard(Builder *b, int32_t flag);

/* small helpers */
/* an instruction in the block being built (or at the entry, entry_mode); the
 * compiler's own emit (compile_emit.c) has the plain name */
static inline int32_t emit(Builder *b, IrOp op, IrType t, int32_t x, int32_t y, int32_t z)
{
    return build_emit(b, op, t, x, y, z);
}
static inline bool is_boxed(uint8_t aux) { return aux == JIT_TC_BOXED; }
static inline IrType ty(Builder *b, int32_t v) { return (IrType)b->ir->ins[res(b, v)].type; }
static inline JitInsExtra *extra(Builder *b, int32_t v) { return jit_extra(b->ir, v); }
static inline void push(Builder *b, int32_t v) { b->stack[b->sp++] = v; }
static inline int32_t pop(Builder *b) { return b->stack[--b->sp]; }
static inline Static *static_of(Builder *b, int32_t v) { return IS_STATIC(v) ? &b->statics[STATIC_INDEX(v)] : NULL; }
static inline bool is_intlike(IrType t) { return t == TY_INT || t == TY_BOOL; }
/* an instance or any object (not a number, an array, a list or a str) */
static inline bool is_object(Builder *b, int32_t v)
{
    return v >= 0 && b->ir->ins[v].type == TY_PTR && (is_instance(b->ir->ins[v].aux) || is_boxed(b->ir->ins[v].aux));
}
static inline uint8_t elem_aux(uint8_t tc) { return tc == 'G' ? 'F' : tc == 'M' ? 'N' : tc; }
static inline bool is_guarded_list(uint8_t tc) { return tc == 'l' || tc == 'k' || tc == 'j' || tc == 'g'; }
static inline uint32_t value_tag(IrType t) { return t == TY_FLOAT ? T_FLOAT : t == TY_BOOL ? T_BOOL : T_INT; }

#endif
