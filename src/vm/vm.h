/*
 * vm.h - the virtual machine: heap, value stack, frames, exceptions.
 */
#ifndef P4_VM_H
#define P4_VM_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/obj.h"

/* ---- the heap (gc.c) ------------------------------------------------------ */

typedef struct FreeBlock FreeBlock;

#define GC_SMALL_BINS 64 /* exact-size free lists for blocks of 16..512 bytes */

typedef struct Heap {
    uint8_t *base, *end; /* the arena */
    uint8_t *top;        /* blocks are carved from [top, end) when the bins are empty */
    FreeBlock *bins[GC_SMALL_BINS];
    FreeBlock *large;    /* free blocks over 512 bytes, first fit */
    size_t live_bytes;   /* after the last collection */
    size_t allocated;    /* bytes allocated since the last collection */
    uint32_t collections;
    Obj **mark_stack;    /* grey objects; on overflow the heap is rescanned */
    uint32_t mark_cap, mark_len;
    bool mark_overflow;
    uint32_t weak_objects; /* weakref objects seen alive (0: the collector skips weak processing) */
    uint32_t weak_pending; /* of those, how many wait for their callback (vm/weakrefmod.c) */
} Heap;

/* ---- frames ---------------------------------------------------------------- */

typedef struct Frame {
    Code *code;
    Function *func;      /* NULL for the module body */
    uint32_t pc;         /* index of the instruction being executed */
    Value *base;         /* locals; the value stack starts at base + nlocals */
    Value *ret;          /* where the caller wants the result; its stack ends there */
} Frame;

typedef struct VMConfig {
    size_t heap_size;        /* bytes of the object heap */
    uint32_t stack_slots;    /* value-stack slots for all frames together */
    uint32_t max_frames;     /* recursion limit */
    bool gc_stress;          /* collect at every allocation: finds missing roots (tests) */
} VMConfig;

/* Defaults; a port may override them at build time (the ESP-IDF component
 * sets them from its Kconfig). */
#ifndef VM_DEFAULT_HEAP
#define VM_DEFAULT_HEAP   (1u << 20)
#endif
#ifndef VM_DEFAULT_STACK
#define VM_DEFAULT_STACK  (1u << 16)
#endif
#define VM_DEFAULT_FRAMES 1000u
#define VM_MAX_ROOTS      1536u /* 4 a level of Python called from C (sorted(key=), map): ~380 levels */
#define VM_MAX_HANDLING   32u

/* Inline caches of the attribute instructions (attr.c): one entry per
 * instruction site, direct-mapped on the site's address. An entry is only a
 * hint (where the name was found last time): every use checks it against
 * the live dicts, so no change to a class or instance can make it wrong. */
#define VM_ATTR_CACHE 256u
typedef struct AttrCache {
    const uint32_t *site; /* the instruction; NULL: empty */
    const void *name;     /* its name (Str), compared, never followed */
    const void *module;   /* a native module (static): the hint is attrs[index] */
    uint16_t index;       /* entry of the dict (or module attribute) that had the name */
    uint8_t depth;        /* LOAD_METHOD: the MRO position of the class that had it */
    uint8_t kind;         /* enum in attr.c */
} AttrCache;

/* Output sink: the port's console by default; tests may capture. */
typedef void (*WriteFn)(void *ctx, int fd, const char *data, size_t len);

struct VM {
    Heap heap;
    VMConfig cfg;

    Value *stack, *stack_end;
    Value *sp;            /* top of the live stack: everything below is a root */
    Frame *frames;
    uint32_t nframes;

    Value exc;            /* the exception being raised, or T_UNBOUND */
    Exception *memory_error; /* preallocated: raised when the heap is exhausted */

    Value roots[VM_MAX_ROOTS]; /* temporaries of C code (VM_ROOT) */
    uint32_t nroots;

    Program *program;
    struct List *modules; /* modules imported from files, in import order (vm/module.c) */
    struct Dict *libstate; /* per-VM state of native library modules: sys.argv, ... (vm/sysmod.c) */

    /* printing: a buffer for stdout, flushed at exit and before stderr output */
    WriteFn write;
    void *write_ctx;
    char outbuf[512];
    uint32_t outlen;

    uint32_t repr_depth;  /* nesting of fmt_repr, bounded */
    uint32_t c_depth;     /* C recursion over user data (recursion.c) */
    uintptr_t c_stack_limit; /* C recursion stops above this address (0: unknown) */

    struct JitState *jit; /* NULL: every function is interpreted */

    /* The exceptions being handled (except, finally and with handlers, as
     * PUSH_EXC_INFO / POP_EXCEPT mark them), innermost last: a new
     * exception's __context__ (vm/class.c). Deeper nesting is counted only. */
    Value handling[VM_MAX_HANDLING];
    uint32_t nhandling;
    /* the generator whose frame runs at vm->frames[gen_frame] (interp.c's
     * vm_gen_resume), or NULL: YIELD_VALUE checks it yields from that frame */
    struct Gen *gen_running;
    uint32_t gen_frame;
    AttrCache attr_cache[VM_ATTR_CACHE]; /* LOAD_ATTR, LOAD_METHOD, STORE_ATTR (attr.c) */
};

/* The cache entry of the instruction at site. */
static inline AttrCache *vm_attr_cache(VM *vm, const uint32_t *site)
{
    return &vm->attr_cache[((uintptr_t)site >> 2) & (VM_ATTR_CACHE - 1)];
}

/* C recursion over user data (recursion.c): vm_recursion_enter raises
 * RecursionError ("maximum recursion depth exceeded" + while_doing) past
 * the recursion limit or near the C stack's end; each successful enter is
 * paired with vm_recursion_leave. */
void vm_recursion_init(VM *vm);
bool vm_recursion_enter(VM *vm, const char *while_doing);
static inline void vm_recursion_leave(VM *vm) { vm->c_depth--; }
/* Near the C stack's end: the caller's frame address (the real stack even
 * where a sanitizer moves locals elsewhere), compared as an integer, the
 * stack growing down. Inline: interp.c asks at every call from C into
 * Python code. */
static inline __attribute__((always_inline)) bool vm_c_stack_low(const VM *vm)
{
    return vm->c_stack_limit && (uintptr_t)__builtin_frame_address(0) < vm->c_stack_limit;
}

/* Creates a VM; NULL if its memory cannot be had. */
VM *vm_new(const VMConfig *cfg);
void vm_free(VM *vm);
void vm_config_default(VMConfig *cfg);

/* ---- GC -------------------------------------------------------------------- */

/* Allocates size bytes (header included) of an object of the given type;
 * collects when needed; on exhaustion raises MemoryError and returns NULL. */
void *gc_alloc(VM *vm, Type type, size_t size);
/* Allocates a T_RAW buffer and returns its payload (zeroed). */
void *gc_alloc_raw(VM *vm, size_t payload_size);
void *gc_alloc_raw_quiet(VM *vm, size_t payload_size); /* no collection, no exception (NULL), not zeroed */
/* Returns a T_RAW payload to the heap at once (the owner must drop it). */
void gc_free_raw(VM *vm, void *payload);
/* Payload capacity of a T_RAW block in bytes. */
size_t gc_raw_size(const void *payload);
void gc_collect(VM *vm);
void gc_init_arena(VM *vm);
void gc_release_arena(VM *vm);
/* jit_free: every function object forgets its JIT record (Function.jit). */
void gc_forget_jit(VM *vm);
bool gc_in_heap(const VM *vm, const void *p);
/* During a collection, between marking and sweeping: will p survive? */
bool gc_marked(const VM *vm, const void *p);

#define VM_ROOT(vm, v)     ((vm)->roots[(vm)->nroots++] = (v))
#define VM_UNROOT(vm, n)   ((vm)->nroots -= (n))

/* ---- exceptions (exc.c) ---------------------------------------------------- */

/* Raises a new exception of the given class with a printf-style message.
 * Always returns false, so `return vm_raise(...)` reads naturally. */
bool vm_raise(VM *vm, ExcKind kind, const char *fmt, ...);
bool vm_raisev(VM *vm, ExcKind kind, const char *fmt, va_list ap);
/* Raises with an arbitrary value as the single argument (KeyError(key)). */
bool vm_raise_value(VM *vm, ExcKind kind, Value arg);
bool vm_raise_oom(VM *vm);
/* TypeError "unsupported operand type(s) for +: 'int' and 'str'" */
bool vm_raise_binop(VM *vm, const char *opname, Value a, Value b);
/* A binary or in-place operator's symbol as CPython's TypeError names it:
 * "+", "+=", "** or pow()", "@=" (op: an opcode, VM_OP_INPLACE allowed). */
const char *vm_op_symbol(unsigned op);
/* Records that an exception passed through the instruction at pc. */
void exc_add_traceback(VM *vm, Exception *e, const Code *code, uint32_t pc);
/* Is the pending exception (or exc) an instance of kind? */
bool exc_matches(const Exception *e, const TypeObj *cls);
/* Prints "Traceback (most recent call last):" ... "Kind: message" to stderr. */
void vm_print_exception(VM *vm, Value exc);
/* The same text (the traceback, the chain of causes) into sb. */
void vm_format_exception(VM *vm, Value exc, StrBuf *sb);

/* ---- running code (interp.c) --------------------------------------------- */

/* Calls any callable with positional args (args must be rooted). */
bool vm_call(VM *vm, Value fn, Value *args, int nargs, Tuple *kwnames, Value *out);
/* The name of the module code was defined in ("__main__" for the program). */
const char *module_of_code(const VM *vm, const Code *code);
/* The TypeError for a native given the wrong number of arguments: given,
 * and the counts in the message, leave out a bound self (self_args). */
bool vm_native_arity_error(VM *vm, const Native *n, int given, int self_args);
/* Runs fn's frame from instruction pc to its return: its locals and
 * depth value-stack entries are already at base[0 ..), base[-1] takes the
 * result (*out). The JIT's deoptimisation resumes a compiled call here. */
bool vm_resume_frame(VM *vm, Function *fn, Value *base, uint32_t depth, uint32_t pc, Value *out);
/* Runs the module body of a loaded program. Returns true, or false with the
 * exception pending in vm->exc. */
bool vm_run_program(VM *vm);

/* ---- loading (load.c) ------------------------------------------------------ */

/* Makes the program objects from a validated module. m must come from malloc;
 * the VM owns it from this call on, even when loading fails.
 * source may be NULL; it is only used for traceback lines. */
bool vm_load_program(VM *vm, struct P4bModule *m, const char *source, size_t source_len);
/* Frees what the program owns outside the heap (called by vm_free). */
void vm_release_program(VM *vm);
/* Makes a program that is not the main one (an imported module): returns it,
 * or NULL with the exception pending. Owns m (and frees it on failure);
 * source stays the caller's. */
Program *program_load(VM *vm, struct P4bModule *m, const char *source, size_t source_len);

/* ---- imports (module.c) ---------------------------------------------------- */

/* The module `name` for IMPORT_NAME: built-in, already imported, or found
 * as NAME.py / NAME.p4b in the main program's directory, then the search
 * path, then the library directory. Runs a new module's body once. */
bool module_import(VM *vm, Str *name, Value *out);
/* module.x for an imported module */
bool module_py_attr(VM *vm, PyModule *m, const Str *name, Value *out);
/* the global slot of `name` in p, or -1 (a name beyond its slots is in extra_names) */
int32_t module_global_slot(const Program *p, const Str *name);
bool module_py_store(VM *vm, PyModule *m, const Str *name, Value value);
int module_program_store(VM *vm, struct Program *p, const Str *name, Value value); /* 1 stored, 0 no such name, -1 raised */
/* The source of a module frozen into the runtime (vm/frozen_lib.c, made by
 * scripts/freeze_lib.py from lib/std), or NULL. */
const char *module_frozen_source(const char *name, size_t namelen, size_t *len);
/* The search path: directories separated by ':' (copied). */
void module_set_path(const char *path);
/* Compiles source for an import (set by the command line when the build has
 * the compiler). Returns 0 and malloc'd .p4b bytes, or -1 with the message,
 * 1-based line and column filled in. */
typedef int (*ModuleCompileFn)(const char *src, size_t len, const char *filename, int mode, uint8_t **p4b,
                               size_t *p4b_len, char *msg, size_t msglen, int *line, int *col);
/* The error class of the last failed compile ("SyntaxError", "IndentationError",
 * "TabError", "MemoryError"), set by the compiler hook. */
extern const char *module_compile_error_kind;
void module_set_compiler(ModuleCompileFn fn);
/* The compiler set, or NULL; mode is lang/compile.h's P4CompileMode (0: a file). */
ModuleCompileFn module_compiler(void);

/* ---- exec, eval, compile (eval.c) ------------------------------------------- */

/* LOAD_NAME, STORE_NAME, DELETE_NAME of code run by exec/eval: the global
 * slot arg of program p names the variable; in_body: the module body's
 * frame (which looks in ns_locals first). */
bool eval_load_name(VM *vm, Program *p, bool in_body, uint32_t arg, Value *out);
/* A class body reading a name it assigns later (`x = x`): as CPython's
 * LOAD_NAME, the module's global, else the built-in: 1 found (in *out), 0
 * when code is not a class body, -1 raised (NameError when neither has it). */
int eval_class_body_global(VM *vm, const Code *code, Str *name, Value *out);
bool eval_store_name(VM *vm, Program *p, bool in_body, uint32_t arg, Value v);
bool eval_delete_name(VM *vm, Program *p, bool in_body, uint32_t arg);
/* fn.__globals__: its module's globals() dict, or the dict exec gave it */
bool eval_function_globals(VM *vm, Function *fn, Value *out);
bool eval_program_globals(VM *vm, struct Program *p, Value *out); /* a module's globals() dict */
bool eval_module_dict_store(VM *vm, Dict *d, Value key, Value value); /* d[key] = value (T_UNBOUND: del) */
bool eval_module_dict_refresh(VM *vm, Dict *d); /* before a dict method changes d: d as the module is now */
bool eval_module_dict_sync(VM *vm, Dict *d); /* after a dict method changed d: the module follows */
/* from module import *: binds the module's public names (its __all__, else
 * those without a leading underscore) in program p's module namespace */
bool eval_import_star(VM *vm, Program *p, Value module);
/* Frees an exec program's bytecode (the collector, when it goes). */
void eval_program_release(Program *p);
/* Frees what imported modules own outside the heap (vm_free). */
void module_release_all(VM *vm);

/* ---- output ----------------------------------------------------------------- */

void vm_write(VM *vm, int fd, const char *data, size_t len);
void vm_flush(VM *vm);

#endif
