/*
 * jit.h - the JIT as the rest of the runtime sees it.
 *
 * A Python function is compiled at its first call when it contains a loop
 * (eager mode: always), otherwise after `call_threshold` calls, specialised
 * to the types of the arguments actually passed (int, bool, float, arrays
 * of each typecode, bytearray). Compiled code exists only where the port can
 * give executable memory (the RV32 firmware); on the host the same pipeline
 * runs for `p4jit dis --jit` and reports, and execution stays interpreted.
 */
#ifndef P4_JIT_H
#define P4_JIT_H

#include <stdbool.h>
#include <stdint.h>

#include "vm/vm.h"

/* Parameters of a compiled function: the first eight ints (bools,
 * pointers) in a0-a7 and eight floats in fa0-fa7, the rest on the stack
 * (rv32/emit.c). The interpreter binds keyword arguments and defaults
 * positionally for functions of up to this many (interp.c). */
#define JIT_MAX_PARAMS 16

typedef enum JitMode { JIT_OFF, JIT_AUTO, JIT_EAGER } JitMode;

typedef struct JitConfig {
    JitMode mode;
    uint32_t call_threshold;  /* auto mode: calls plus loop iterations before a function is compiled */
    uint32_t code_size;       /* bytes of the code buffer */
    uint32_t max_specs;       /* specialisations per function before giving up */
    bool listings;            /* keep each function's IR and assembly text (dis --jit) */
    uint8_t pie;              /* the target's PIE encoding: 0 none (QEMU), 1 or 3 (RvRev) */
    uint32_t deopt_stress;    /* tests: every Nth guard executed deoptimises (0: none) */
    bool no_hwloop;           /* -X hwloop=off: no esp.lp hardware loops (with PIE they are on) */
    bool no_panel;            /* no packed panels of b (vector_panel.c): -X panel=off */
    bool verify_ir;           /* -X ir-verify=on: check the IR after each stage (verify.c) */
} JitConfig;

void jit_config_default(JitConfig *cfg);
/* Parses "jit=off|auto|eager", "jit-threshold=N", "jit-code=SIZE",
 * "jit-specs=N", "pie=off|rev1|rev3", "jit-deopt-stress=N", "hwloop=on|off" (the -X options); false for an
 * unknown or bad one. */
bool jit_parse_option(JitConfig *cfg, const char *opt);

/* How functions run, switchable inside one run (p4.jit_mode): the
 * interpreter, compiled code without PIE, compiled code with PIE. */
typedef enum JitRun { JIT_RUN_OFF, JIT_RUN_SCALAR, JIT_RUN_PIE } JitRun;
/* Records the run's -X options whether or not the JIT starts (`p4jit run`
 * calls it), so that jit_switch can start it later with them: its policy
 * (auto or eager, threshold, code size) and the target's PIE encoding. */
void jit_configure(const JitConfig *cfg);
JitRun jit_run_mode(VM *vm);
const char *jit_run_name(JitRun mode); /* "off", "scalar", "pie": p4.jit_mode's names */
/* The modes jit_switch takes in this run, one bit each (1 << JitRun):
 * compiled modes only where compiled code runs, PIE only where the run
 * started with a PIE encoding (p4sim, a device with PIE). */
unsigned jit_run_modes(VM *vm);
/* Switches the mode for the calls from now on. Code compiled for the other
 * PIE setting is dropped (never entered again: functions compile anew);
 * switching off keeps it for a switch back. False with ValueError (a mode
 * this run has not) or RuntimeError (compiled code is running below the
 * caller: it would go on running the old code). */
bool jit_switch(VM *vm, JitRun mode);

/* Sets up the JIT for a VM (called once the program is loaded). */
bool jit_init(VM *vm, const JitConfig *cfg);
void jit_free(VM *vm);
/* Called by the collector between marking and sweeping: forgets the
 * functions about to be freed (a function made in a loop, such as a
 * generator expression's, would otherwise leave a dangling entry each time);
 * one with compiled code keeps its entry without the function. */
void jit_prune_dead(VM *vm);

/*
 * Called by the interpreter's CALL for a Python function with positional
 * arguments args[0..nargs). Returns false when the function is to be
 * interpreted (*out untouched, no exception). Otherwise the compiled code
 * ran: *ok tells whether it succeeded (result in *out) or raised (pending in
 * vm->exc with the callee's traceback entries).
 */
bool jit_call(VM *vm, Function *fn, Value *args, int nargs, Value *out, bool *ok);

/* Might jit_call take fn (false once the JIT gave it up)? A cheap test
 * before the interpreter reorders keyword arguments for it. */
bool jit_may_take(VM *vm, const Function *fn);

/* The first member of the JIT's state (VM.jit) and of its record of a code
 * (Function.jit), which jit_call's first checks read: most calls of an
 * interpreted program end there (a function the JIT gave up, a generator).
 * (Those checks inline in the interpreter's CALL were measured and dropped:
 * they saved 54 k instructions of nqueens' JIT run and cost the interpreter
 * alone 0.17-0.25% more instructions on bench/py, run()'s code.) */
typedef struct JitHead {
    bool off; /* the state: the JIT is off; a code's record: the JIT gave it up */
} JitHead;

/* A global of program p was assigned: drop compiled code that depends on it. */
void jit_global_stored(VM *vm, const Program *p, uint32_t slot);

/* "interpreted", "compiled (int, int) -> int, 212 bytes", or the refusal. */
Str *jit_info(VM *vm, Function *fn);

/* `--jit-report`: one line per function seen, to stderr. */
void jit_report(VM *vm);

/* `p4jit dis --jit`: compiles every function of the loaded program, each
 * called as the module body calls it (argument types from a trial run are
 * not available on the host, so it takes the types recorded at run time by
 * a preceding run), printing the IR and the generated RV32 code. */
void jit_dump(VM *vm);

#endif
