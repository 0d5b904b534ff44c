/*
 * jit_int.h - what the JIT's own files share: specialisations, argument
 * signatures, failure sites and the interface between the policy (jit.c),
 * the IR builder (build.c) and the RV32 back end (rv32/emit.c).
 */
#ifndef P4_JIT_INT_H
#define P4_JIT_INT_H

#include "jit/ir.h"
#include "jit/jit.h"

/* rv32/retired.c's trampolines: the words below the caller's stack
 * arguments in what they pass as args (jit_box_args) */
#define JIT_TRAMP_STACK_ARGS 20
#define JIT_MAX_WIDENED 4 /* merges a specialisation's recompilations may widen */
#define JIT_MAX_HWNOTES 8 /* hardware loops --jit-report names per specialisation */

/* --jit-report: a hardware loop (esp.lp.setup) emit.c laid out: the
 * bytecode of its header, whether its body holds PIE operations (a vector
 * loop's copy, not a scalar loop), and the fused load of its multiply. */
typedef enum JitHwFuse { JIT_HW_NOFUSE, JIT_HW_LDBC_INCP, JIT_HW_QACC_LD_IP, JIT_HW_XACC_LD_IP,
                         JIT_HW_VSMULAS_LD_INCP, JIT_HW_XACC16_LD_IP } JitHwFuse;
typedef struct JitHwNote {
    uint32_t pc;
    bool pie;
    uint8_t fuse; /* JitHwFuse */
} JitHwNote;

/* The type of one argument or value as the JIT tracks it: an IrType and,
 * for TY_PTR, the object type (T_ARRAY or T_BYTEARRAY) and typecode. */
typedef struct JitType {
    uint8_t ty;     /* IrType */
    uint8_t obj;    /* Type of the object for TY_PTR */
    uint8_t tc;     /* array typecode; JIT_TC_INSTANCE for an instance of a user class */
    const void *cls;/* that instance's class (a Class), part of the specialisation's key */
} JitType;

/* The aux of a TY_PTR value that is an instance of a user class (not an
 * array: no subscripts, len or iteration), and the kind of a raw 32-bit
 * word that ALOAD/ASTORE read and write in an object (its fields, a dict
 * entry's key and value words: builder's attribute and closure access). */
#define JIT_TC_INSTANCE 'O'
#define JIT_TC_WORD 'W'
#define JIT_TC_STR 'S' /* a str (objcall.c compares it and takes its length) */
#define JIT_TC_BOXED 'X' /* any object, only passed on, returned, its methods called (vmcall.c) */

/* Where compiled code finds what it reads of objects, in 32-bit words on
 * RV32 (the only target that runs compiled code; on a 64-bit host the
 * listings use the same offsets). Checked against the structs in jit.c. */
enum {
    JW_INSTANCE_DICT = 3,   /* Instance.dict */
    JW_DICT_USED = 3,       /* Dict.used */
    JW_DICT_ENTRIES = 6,    /* Dict.entries */
    JW_ENTRY_WORDS = 5,     /* sizeof(DictEntry) / 4: key (type, payload), value (type, payload), hash */
    JW_ENTRY_KEY = 1,       /* the key's payload (its Str; 0 once deleted) */
    JW_ENTRY_TYPE = 2,      /* the value's type word */
    JW_ENTRY_VALUE = 3,     /* the value's payload */
    JW_CELL_TYPE = 2,       /* Cell.value's type word */
    JW_CELL_VALUE = 3,      /* Cell.value's payload */
    JH_OBJ_AUX = 3,         /* Obj.aux in 16-bit halfwords (an array's typecode) */
};

typedef enum SpecState { SPEC_BUILDING, SPEC_COMPILED, SPEC_REFUSED } SpecState;

typedef struct JitSpec {
    struct JitSpec *next;     /* the code's other specialisations */
    Function *fn;             /* a function object of the code (compiled for it); NULL once collected */
    const Code *code;         /* fn's code (lives as long as the program) */
    /* The closure of fn when its code has free variables: the compiled code
     * has its cells' addresses built in, so only a function object with
     * this closure enters it (jit.c spec_fits); NULL without free variables,
     * then every function object of the code shares it. */
    const Tuple *closure;
    bool closure_gone;        /* that closure was collected: never matched again */
    uint8_t nparams;
    /* the Value type each argument must have (jit.c vtag_of): the call's
     * check before its arguments are typed in full (0xff: never matches) */
    uint8_t vtag[JIT_MAX_PARAMS];
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
    uint8_t vector_taps;      /* inner loops of it with 16 taps per load (vector.c, VMACN) */
    IrLoopNote *loops;        /* with PIE: what vector.c made of each loop (--jit-report) */
    uint32_t nloops;
    JitHwNote hw[JIT_MAX_HWNOTES]; /* the hardware loops emit.c laid out (the first ones), */
    uint32_t nhw;             /* and how many in all */
    char *dump;               /* IR and assembly text, kept for `dis --jit` */
    /* deoptimisation (docs/jit.md): guards with a deopt map, its bytes */
    uint32_t deopt_guards, deopt_bytes;
    uint32_t deopts;          /* times the code left for the interpreter */
    uint32_t window_entries;  /* entries from the interpreter in the current window (JIT_DEOPT_WINDOW), */
    uint32_t window_deopts;   /* and deoptimisations in it */
    uint32_t deopt_pc;        /* the last one: its bytecode pc and IR op */
    uint8_t deopt_op;
    bool retired;             /* deoptimised JIT_DEOPT_LIMIT times: not entered from now on */
    bool redirected;          /* retired, and calls of its body go to the interpreter (retired.c) */
    uint32_t deopts_retired;  /* deoptimisations after it retired (frames running it then) */
    uint32_t retired_calls;   /* calls of it the trampoline sent to the interpreter */
    /* what followed the retirement (runtime.c, jit_rt_deopt; --jit-report) */
    uint8_t fate;             /* JitFate */
    uint8_t fate_op;          /* the IR op of the guard that deoptimised most, */
    uint32_t fate_pc;         /* its bytecode pc, */
    uint32_t fate_count;      /* and how often */
    struct JitSpec *replaced_by; /* JIT_RECOMPILED: the specialisation compiled instead */
    /* bytecode pcs of merges where a variable int on one path and float
     * on another is a float (the wider assumption: build.c) */
    uint32_t float_merges[JIT_MAX_WIDENED];
    uint8_t nfloat_merges;
    /* a call stub (vmcall.c): the callable compiled code calls through
     * the interpreter; NULL for compiled code */
    const void *vm_callee;
    bool vm_tuple;            /* a call stub that makes a tuple of its arguments (build.c: tuples) */
    uint32_t vm_pc;           /* a call stub: its call's bytecode pc, */
    struct JitSpec *vm_caller; /* and the specialisation that makes it */
    /* build.c: a function returning tuples it makes: their items' types
     * (ret_nitems 0: not known), for a compiled caller that unpacks them */
    uint8_t ret_nitems;
    JitType ret_items[4];
} JitSpec;

/* After this many deoptimisations within one window of JIT_DEOPT_WINDOW
 * entries from the interpreter (a rate, not a count: a function that
 * deoptimises once in a while stays compiled) a specialisation retires: it
 * is compiled again with a wider assumption, or the function runs
 * interpreted (--jit-report says which and why). Calls from compiled
 * callers are not counted (that would cost every call), so a function only
 * compiled code calls retires after JIT_DEOPT_LIMIT in all. */
#define JIT_DEOPT_LIMIT 8
#define JIT_DEOPT_WINDOW 1024
#define JIT_DEOPT_LIMIT_TEXT "8"
#define JIT_DEOPT_WINDOW_TEXT "1024"
_Static_assert(JIT_DEOPT_LIMIT == 8 && JIT_DEOPT_WINDOW == 1024, "JIT_DEOPT_LIMIT_TEXT, JIT_DEOPT_WINDOW_TEXT");
typedef enum JitFate {
    JIT_FATE_NONE,
    JIT_RECOMPILE,            /* to be compiled again at the next call (jit_call), */
    JIT_RECOMPILED,           /* and done (replaced_by) */
    JIT_INTERPRETED           /* no wider assumption helps: it stays interpreted */
} JitFate;

/* Per code object: its specialisations and counters, shared by every
 * function object of the code (a nested def or lambda makes a new one each
 * time it is evaluated); Function.jit points here. */
typedef struct JitFunc {
    JitHead head;             /* head.off: given up, calls of it are not typed (first: jit.h's jit_call reads it) */
    JitSpec *specs;
    uint32_t nspecs, calls;
    uint32_t work;            /* -X jit=auto: interpreted calls of a loop-free function before its first specialisation */
    bool has_loop;
    uint32_t loop_trips;      /* -X jit=auto: iterations a calling loop was estimated to run interpreted (profit.c) */
    uint32_t loops_declined;  /* -X jit=auto: calls left interpreted by that estimate */
    bool parked;              /* -X jit=auto: loop-free, called from such a loop: not taken for now (jit.c park) */
    uint32_t refused_calls;   /* calls of a method that found its specialisation refused */
    char untyped[96];         /* why a call's arguments could not be typed (the first time) */
    uint32_t closures_declined; /* -X jit=auto: calls of new closures left interpreted (jit.c closure_made_anew) */
    struct JitFunc *next_all;
    struct JitFunc *next_hash; /* JitState.by_code's chain */
    const Code *code;         /* the code (NULL once collected: compiled code is kept, nameless) */
} JitFunc;

/* A place where compiled code gives up: the runtime re-runs bytecode pc of
 * code with the witness values to raise the interpreter's exception. */
typedef struct JitSite {
    const Code *code;
    uint32_t pc;
    uint8_t nw;               /* witnesses */
    JitType w[3];
    const Native *native;     /* CALL sites: the built-in to re-run */
    JitSpec *spec;            /* the specialisation it is in */
    uint32_t dmap;            /* 1 + offset of its deopt map in JitState.dmaps, or 0: raise */
    uint8_t irop;             /* the failing IR op (for --jit-report) */
    bool to_float;            /* a type change: the merge is int, this path brings a float */
    uint32_t deopts;          /* times it deoptimised */
} JitSite;

/*
 * Deopt maps. In the IR a failing instruction's map (IrIns.dm) describes
 * the interpreter's frame before its bytecode instruction: the slots (the
 * code's locals, then the value stack) as tags, one per slot (a run of
 * unbound ones: one tag), each taking its values in order from the map's
 * values. Ir.lists[dm ..] holds the ndm values, which the passes rename
 * and keep alive (ir_for_operands), then the tag count and the tags, which
 * they do not see. The emitter encodes a map in bytes (JitState.dmaps):
 * the slot count, then per tag its kind (a run length, an object index)
 * and the location of each value, which jit_rt_deopt reads back from the
 * registers and stack slots saved at the failing guard.
 */
enum DmKind {
    DM_UNBOUND,    /* locals not assigned (or dead here), extra of them: no value */
    DM_INT, DM_BOOL, DM_FLOAT, DM_NONE, /* one value (none for None) */
    DM_PTR,        /* an array, bytearray or list (its object's address) */
    DM_RANGE_IT,   /* for i in range(a, b): next value, stop (step 1) */
    DM_COUNTED_IT, /* range with another step: next value, iterations left, step */
    DM_ARRAY_IT,   /* for x in array: next index, the array */
                   /* (iterators with extra 1: the current item or index and, for
                      a counted range, the iterations left before it: one step back) */
    DM_OBJ,        /* a compile-time object: JitState.dobjs[extra] */
    DM_NOSELF,     /* CALL_METHOD's empty self slot */
    DM_RESULT,     /* a call site's map: the callee's result (JitState.deopt_result) */
    DM__COUNT
};
#define DM_TAG(kind, extra) (-2 - (int32_t)((uint32_t)(extra) << 4 | (uint32_t)(kind)))
static inline unsigned dm_kind(int32_t tag) { return (uint32_t)(-2 - tag) & 15u; }
static inline uint32_t dm_extra(int32_t tag) { return (uint32_t)(-2 - tag) >> 4; }
static inline unsigned dm_nvalues(unsigned kind)
{
    return kind == DM_COUNTED_IT ? 3 : kind == DM_RANGE_IT || kind == DM_ARRAY_IT ? 2
         : kind == DM_INT || kind == DM_BOOL || kind == DM_FLOAT || kind == DM_PTR ? 1 : 0;
}
/* Locations in an encoded map: 0-31 x registers, 32-63 f registers, 64-127
 * stack slots 0-63, else one of these and its bytes. */
enum { DL_SLOT16 = 0x80 /* 2 bytes */, DL_INT = 0x81 /* zigzag varint */, DL_FLOAT = 0x82 /* 4 bytes */ };

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
    JitHead head;             /* head.off: cfg.mode is JIT_OFF (first: jit.h's jit_call reads it) */
    VM *vm;
    JitConfig cfg;
    JitFunc *all;             /* every code that has a JitFunc */
    JitFunc **by_code;        /* hash table: code object -> JitFunc (chained by next_hash) */
    uint32_t nby_code, capby_code;
    uint8_t *code;            /* the code buffer (executable on RV32) */
    uint32_t code_used;
    bool code_exec;           /* code can run here */
    bool code_full;
    JitSite *sites;
    uint32_t nsites, capsites;
    uint8_t *watch;           /* per global slot of the main program: compiled code depends on it */
    uint32_t nwatch;
    struct WatchedGlobal *mwatch; /* the imported modules' globals compiled code depends on */
    uint32_t nmwatch, capmwatch;
    uint64_t mwatch_slots;    /* bit slot % 64 set for every slot in mwatch */
    struct WatchedGlobal *wanted; /* globals the builds under way read (jit.c commit_watches) */
    uint32_t nwanted, capwanted;
    int32_t depth_budget;     /* calls left before RecursionError (compiled code) */
    uint8_t *dmaps;           /* encoded deopt maps of every site (JitSite.dmap) */
    uint32_t ndmaps, capdmaps;
    Value *dobjs;             /* compile-time objects deopt maps name (DM_OBJ) */
    uint32_t ndobjs, capdobjs;
    uint32_t deopts;          /* deoptimisations in all */
    uint32_t running;         /* compiled calls entered from C (jit_call) not returned yet */
    bool drop_pending;        /* a baked-in global changed while compiled code ran */
    bool deopt_result_pending; /* a deoptimised call returned deopt_result, of */
    Value deopt_result;        /* another type than its compiled code returns */
    uint32_t compiles;
    uint32_t nparked;         /* JitFuncs parked (jit.c park) */
    const Value *example;      /* the arguments of the call being compiled (jit_call), or NULL: */
    uint32_t nexample;         /* instances' attribute layouts are taken from them */
    uint32_t retired_tramp;    /* 1 + offset of rv32/retired.c's trampoline in code, or 0 */
    JitSpec *last_retired;     /* the retired specialisation the trampoline ran last */
    const Value *callee_example; /* build.c, for resolve(): a compiled caller's examples of the */
    uint32_t ncallee_example;    /* instances it passes on (a method's self), or NULL */
    JitSpec *vm_calls;         /* vmcall.c's call stubs (chained by next), freed with the code */
    uint32_t vm_call_tramp;    /* 1 + offset of retired.c's trampoline for them, or 0 */
    uint8_t *scratch;          /* scratch.c: compiled code's scratch memory (an unrooted T_RAW block) */
    uint32_t scratch_epoch;    /* the heap's collection count when it was made: later, it is freed */
    const int8_t *panel_lo, *panel_hi; /* scratch.c: the matrix and rows jit_rt_panel copies */
    int32_t panel_stride;
    uint32_t panel_rows;
};

JitState *jit_state(VM *vm);
uint32_t jit_add_site(JitState *js, const JitSite *s);
JitInsExtra *jit_extra(Ir *ir, int32_t v); /* NULL when out of memory */
/* Deopt map storage: bytes appended (false when out of memory), and an
 * object for DM_OBJ (its index, or -1). */
bool jit_add_dmap(JitState *js, const uint8_t *bytes, uint32_t n, uint32_t *at);
int32_t jit_add_dobj(JitState *js, Value v);
/* The code being built builds in global `slot` of p: once it is made,
 * assigning that global drops all code (jit.c; false when out of memory). */
bool jit_watch_global(JitState *js, const Program *p, uint32_t slot);
JitType jit_type_of_value(Value v);
const char *jit_type_name(JitType t, char *buf, size_t len);

/* The code buffer js->code, allocated at the first code written where
 * jit_init leaves it (the bare-metal firmware); false: there is none. */
bool jit_code_buffer(JitState *js);

/* rv32/emit.c: register allocation and code generation for one
 * specialisation into js->code at js->code_used. false: does not fit or
 * cannot be compiled (why set). */
bool jit_emit_rv32(JitState *js, JitSpec *spec, Ir *ir, char **dump);

/* Runtime entry points called from generated code. */
int32_t jit_rt_fail(uint32_t x, uint32_t y, uint32_t z, uint32_t site);
int32_t jit_rt_unwind(uint32_t site);
/* A guard with a deopt map failed: regs holds x0-x31 then f0-f31 as they
 * were, frame is the function's stack pointer. Runs the rest of the function
 * in the interpreter; returns 0 and the result's bits << 32, or 1 when it
 * raised. */
uint64_t jit_rt_deopt(uint32_t site, const uint32_t *regs, const uint8_t *frame);
#define JIT_DEPTH_REG 27 /* s11: the calls compiled code may still make; always in regs */
uint32_t jit_rt_bytearray(int32_t n);
float jit_rt_ffloordiv(float a, float b);
float jit_rt_fmod(float a, float b);
int32_t jit_rt_fpow_bad(float a, float b);
/* rv32/retired.c: a retired specialisation's body starts with a jump to a
 * trampoline that calls jit_rt_retired_call, so that compiled callers stop
 * entering it (false: not redirected, the code buffer is full or it does
 * not run here). jit_rt_retired_call: the call in the interpreter (body:
 * the retired body's address, args: a0-a7 then fa0-fa7, depth_left: s11);
 * returns as jit_rt_deopt does. */
bool jit_redirect_retired(JitState *js, JitSpec *spec);
uint64_t jit_rt_retired_call(uint32_t body, const uint32_t *args, int32_t depth_left);
/* Calls into the interpreter (vmcall.c): a call stub for callee (its
 * arguments' types, the result's: TY_VOID when the caller drops it), NULL
 * when out of memory or code space; the runtime entry the trampoline
 * (rv32/retired.c jit_vm_call_trampoline) calls, returning as
 * jit_rt_retired_call does; freeing the stubs with the code. */
uint32_t jit_rt_roots(uint32_t n);   /* vmcall.c: n root slots (None) pushed; their address */
uint32_t jit_rt_unroot(uint32_t base); /* and popped at a return */
JitSpec *jit_vm_call_stub(JitState *js, const void *callee, const Code *code, const JitType *params, uint32_t n,
                          JitType ret);
bool jit_vm_call_trampoline(JitState *js);
uint64_t jit_rt_vm_call(JitSpec *stub, const uint32_t *args, int32_t depth_left);
uint64_t jit_leave_with(JitState *js, Value result); /* runtime.c: the caller deoptimises after its call, with result */
void jit_vm_calls_free(JitState *js);
/* scratch.c: n bytes of the VM heap, valid until the next collection or
 * call (never collects or raises; NULL when the heap has no free block) */
uint8_t *jit_scratch(JitState *js, uint32_t n);
/* scratch.c: jit_pack_panel for compiled code (CALLRT, two words each:
 * the matrix, its rows, then the panel; vector_panel.c) */
uint32_t jit_rt_panel_of(const int8_t *data, uint32_t len);
uint32_t jit_rt_panel_rows(int32_t stride, uint32_t rows);
const int8_t *jit_rt_panel(int32_t first, uint32_t width);
enum { JIT_PANEL_MAX = 1 << 24 }; /* a panel's largest size in bytes */
/* scratch.c: rows x width int8 from lo + first (row k at + k * stride)
 * packed in 16-column blocks of rows x 16 bytes; 0 outside [lo, hi) */
const int8_t *jit_pack_panel(JitState *js, const int8_t *lo, const int8_t *hi, int32_t first, int32_t stride,
                             uint32_t rows, uint32_t width);
/* The type a call into the interpreter at pc of code returned when it was
 * not the one its caller was compiled for (vmcall.c records it, and has
 * the caller compiled again at its next entry): true and *t, else false. */
bool jit_vm_observed(const Code *code, uint32_t pc, JitType *t);

/* profit.c (-X jit=auto): the iterations the loops of c would run at a call
 * with args (UINT32_MAX: not estimated), *objects whether they make objects
 * of a user class; whether f is to be compiled at this call, counting the estimate
 * towards the next when it is not. bench/jitobj2/sensors.py's `poll` (67
 * bytecode instructions, six callees) cost about 2.4 M instructions to
 * compile and saved about 700 a trip of its 500 (bench/RESULTS.md,
 * "jitperf"): a loop that makes objects repays its compile from a few
 * thousand trips on; its loop-free callees wait for as many calls. */
#define JIT_CALLING_LOOP_ITERS 4000u
uint32_t jit_loop_trips(const Code *c, const Value *args, int nargs, bool *objects);
bool jit_loop_repays(JitFunc *f, const Value *args, int nargs);
/* jit.c, for vmcall.c: the state of the running code, and the interpreter
 * entered for compiled code (below: compiled frames under it, from s11) */
JitState *jit_rt_state(void);
JitState *jit_rt_swap(JitState *js); /* runtime.c: the running code's state set (jit.c's call), the old one returned */
bool jit_enter_interpreter(VM *vm, uint32_t below, uint32_t *saved_max);
void jit_leave_interpreter(VM *vm, uint32_t saved_max);
uint32_t jit_compiled_frames(int32_t s11);
/* Boxes the arguments of a call from compiled code (args: a0-a7, then
 * fa0-fa7 at args[8], the caller's stack arguments at args[JIT_TRAMP_STACK_ARGS]) onto the value stack, where the collector sees
 * them, and pushes them: their base, or NULL with RecursionError raised. */
Value *jit_box_args(VM *vm, const JitType *params, uint32_t n, const uint32_t *args);
struct Instance;
uint32_t jit_rt_method(const struct Instance *o, Str *name); /* objcall.c: the function o.name finds, or 0 */
uint32_t jit_rt_inst_attr(const struct Instance *o, Str *name); /* the Value* o's classes have, or 0 */
struct Class;
uint32_t jit_rt_class_attr(const struct Class *c, Str *name); /* the Value* c's MRO has, or 0 */
uint32_t jit_rt_own_method(const struct Class *c, Str *name); /* super(): the function c's own dict has, 0, or 1 */
extern const Native jit_operator; /* vmcall.c: an operator on objects, made by the interpreter (args[0] its opcode) */
uint32_t jit_rt_str_eq(const Str *a, const Str *b);  /* objcall.c: a == b (strs) */
uint32_t jit_rt_str_cmp(const Str *a, const Str *b); /* -1, 0, 1 */
uint32_t jit_rt_str_len(const Str *s);               /* len(s) */
extern int32_t jit_rt_depth;
extern uint32_t jit_deopt_countdown;

/* jit.c, for runtime.c and report.c: a bytecode pc's source line, and the
 * most heap one compile used (0 where the port does not count it) */
int32_t jit_line_at(const Code *code, uint32_t pc);
size_t jit_compile_heap_peak(void);
/* report.c: a specialisation's `p4jit dis --jit` text, its IR then its code (malloc'd) */
char *jit_listing(const Ir *ir, const char *asmtext);

/* verify.c: every operand made where its user can read it (-X ir-verify=on); false and
 * a line on stderr per fault (the first 8) when not, naming the function and the pass just run. */
bool ir_verify(Ir *ir, const char *stage, const char *function);

#endif
