/*
 * jit_int.h - what the JIT's own files share: specialisations, argument
 * signatures, failure sites and the interface between the policy (jit.c),
 * the IR builder (build.c) and the RV32 back end (rv32/emit.c).
 */
#ifndef P4_JIT_INT_H
#define P4_JIT_INT_H

#include "jit/ir.h"
#include "jit/jit.h"

#define JIT_MAX_PARAMS 8

/* The type of one argument or value as the JIT tracks it: an IrType and,
 * for TY_PTR, the object type (T_ARRAY or T_BYTEARRAY) and typecode. */
typedef struct JitType {
    uint8_t ty;     /* IrType */
    uint8_t obj;    /* Type of the object for TY_PTR */
    uint8_t tc;     /* array typecode */
} JitType;

typedef enum SpecState { SPEC_BUILDING, SPEC_COMPILED, SPEC_REFUSED } SpecState;

typedef struct JitSpec {
    struct JitSpec *next;     /* the function's other specialisations */
    Function *fn;             /* NULL once the function object is collected */
    const Code *code;         /* fn's code (lives as long as the program) */
    uint8_t nparams;
    JitType params[JIT_MAX_PARAMS];
    JitType ret;
    uint8_t state;            /* SpecState */
    bool ret_guessed;         /* a recursive call assumed the return type */
    bool allocates;           /* contains bytearray(n): may only be entered from the interpreter */
    IrRefusal why;
    uint32_t entry, body;     /* addresses (offsets in the code buffer before placement) */
    uint32_t code_off, code_len;
    bool makes_calls;         /* calls compiled code: it reads the recursion budget (s11) */
    uint32_t frame_bytes;     /* the largest machine-stack frame of it and what it calls */
    uint32_t slots_per_call;  /* the interpreter's value-stack slots a call of it or its callees takes, at most */
    uint32_t bc_insns;        /* bytecode instructions compiled */
    uint64_t compile_cycles;  /* port_cycles() spent compiling */
    uint8_t vector_lanes;     /* a loop runs on PIE lanes (vector.c): how many, */
    int32_t vector_line;      /* and its line */
    char *dump;               /* IR and assembly text, kept for `dis --jit` */
} JitSpec;

/* Per function: its specialisations and counters (Function.jit points here). */
typedef struct JitFunc {
    JitSpec *specs;
    uint32_t nspecs, calls;
    bool has_loop, gave_up;
    char untyped[96];         /* why a call's arguments could not be typed (the first time) */
    struct JitFunc *next_all;
    Function *fn;             /* NULL once collected (compiled code is kept) */
    const Code *code;         /* fn's code: the report's name after fn is gone */
} JitFunc;

/* A place where compiled code gives up: the runtime re-runs bytecode pc of
 * code with the witness values to raise the interpreter's exception. */
typedef struct JitSite {
    const Code *code;
    uint32_t pc;
    uint8_t nw;               /* witnesses */
    JitType w[3];
    const Native *native;     /* CALL sites: the built-in to re-run */
} JitSite;

/* Statics the builder resolves at compile time (a global bound to a
 * built-in, a module, a function). */
typedef struct JitState JitState;

/* build.c: bytecode to typed SSA. resolve_call is how a direct call finds
 * the callee's specialisation (compiling it if needed). */
typedef JitSpec *(*JitResolveFn)(JitState *js, Function *callee, const JitType *args, uint32_t nargs);
bool jit_build(JitState *js, JitSpec *spec, Ir *ir, JitResolveFn resolve);

/* Extra per-instruction data the builder leaves for the back end. */
typedef struct JitInsExtra {
    const Native *native;     /* built-in re-run on failure */
    JitSpec *callee;          /* IR_CALL */
} JitInsExtra;

struct JitState {
    VM *vm;
    JitConfig cfg;
    JitFunc *all;             /* every function that has a JitFunc */
    uint8_t *code;            /* the code buffer (executable on RV32) */
    uint32_t code_used;
    bool code_exec;           /* code can run here */
    bool code_full;
    JitSite *sites;
    uint32_t nsites, capsites;
    uint8_t *watch;           /* per global slot: compiled code depends on it */
    uint32_t nwatch;
    bool watch_modules;       /* compiled code depends on a global of an imported module */
    int32_t depth_budget;     /* calls left before RecursionError (compiled code) */
    uint32_t compiles;
};

JitState *jit_state(VM *vm);
uint32_t jit_add_site(JitState *js, const JitSite *s);
JitInsExtra *jit_extra(Ir *ir, int32_t v); /* NULL when out of memory */
JitType jit_type_of_value(Value v);
const char *jit_type_name(JitType t, char *buf, size_t len);

/* rv32/emit.c: register allocation and code generation for one
 * specialisation into js->code at js->code_used. false: does not fit or
 * cannot be compiled (why set). */
bool jit_emit_rv32(JitState *js, JitSpec *spec, Ir *ir, char **dump);

/* Runtime entry points called from generated code. */
int32_t jit_rt_fail(uint32_t x, uint32_t y, uint32_t z, uint32_t site);
int32_t jit_rt_unwind(uint32_t site);
uint32_t jit_rt_bytearray(int32_t n);
float jit_rt_ffloordiv(float a, float b);
float jit_rt_fmod(float a, float b);
int32_t jit_rt_fpow_bad(float a, float b);
extern int32_t jit_rt_depth;

#endif
