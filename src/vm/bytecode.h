/*
 * bytecode.h - facts about bytecode shared by the compiler, the .p4b loader,
 * the disassembler and the JIT: per-opcode info, stack effects, the stack-depth
 * verifier, line tables, and the .p4b container constants.
 *
 * Nothing here allocates or depends on the object model, so the compiler can
 * use it without the VM.
 */
#ifndef P4_BYTECODE_H
#define P4_BYTECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/opcodes.h"

typedef struct OpInfo {
    const char *name;
    uint8_t argkind; /* enum ArgKind */
    uint8_t flow;    /* enum OpFlow */
    int8_t pops;     /* -1: depends on the argument */
    int8_t pushes;
} OpInfo;

extern const OpInfo bc_opinfo[OP__COUNT];

/* How many stack items the instruction needs (reads) before it runs. */
int bc_stack_pops(uint32_t insn);
/* Net change of the stack depth; jump_edge selects the branch-taken effect. */
int bc_stack_effect(uint32_t insn, bool jump_edge);

/* One entry of a code object's exception table: an exception raised by an
 * instruction at pc in [start, end) truncates the stack to `depth`, pushes the
 * exception and continues at `handler`. Inner entries come first. */
typedef struct ExcEntry {
    uint32_t start, end, handler, depth;
} ExcEntry;

/*
 * Verifies the stack discipline of a code object and computes its maximum
 * depth: every reachable instruction has one consistent depth, never
 * underflows, and exception-table entries are consistent with the code they
 * cover. `scratch` must hold 2*n uint32_t. Returns the maximum depth, or -1
 * with *err (static text) and *err_pc set.
 * It also checks that jump arguments are in range and that control cannot
 * fall off the end of the code.
 */
long bc_verify_stack(const uint32_t *code, uint32_t n, const ExcEntry *exc, uint32_t nexc,
                     uint32_t *scratch, const char **err, uint32_t *err_pc);

/*
 * Verifies, for code that passed bc_verify_stack, that the two items
 * LOAD_METHOD pushes (a method that trusts its self, and that self or a
 * marker) are left alone until the CALL_METHOD that consumes them, on every
 * path: no other instruction may read, move or return them, and every
 * CALL_METHOD n finds such a pair right below its n arguments. Otherwise a
 * damaged file could call str.split with a list for self. Returns 0, or -1
 * with *err (static text) and *err_pc set.
 */
int bc_verify_methods(const uint32_t *code, uint32_t n, const ExcEntry *exc, uint32_t nexc, const char **err,
                      uint32_t *err_pc);

/*
 * Line tables: a byte string of (pc delta, line delta) pairs, the pc delta an
 * unsigned LEB128 varint and the line delta a zig-zag signed varint, starting
 * from (pc 0, firstline). A pair means "from this pc on, the line is this".
 */
typedef struct LineTabWriter {
    uint8_t *buf;
    size_t len, cap;
    uint32_t last_pc;
    int32_t last_line;
    bool oom;
} LineTabWriter;

/* Appends one pair if the line changed; buf grows with realloc. */
void bc_linetab_add(LineTabWriter *w, uint32_t pc, int32_t line);
/* Line of the instruction at pc; the table must have passed bc_linetab_check. */
int32_t bc_line_for_pc(const uint8_t *tab, size_t len, int32_t firstline, uint32_t pc);
/* Validates a line table against a code length; NULL if fine, else a message. */
const char *bc_linetab_check(const uint8_t *tab, size_t len, uint32_t ninsns);

/* ---- the .p4b container (layout in docs/bytecode.md) -------------------- */

#define P4B_MAGIC         "P4BC"
#define P4B_VERSION_MAJOR 1
#define P4B_VERSION_MINOR 8

/* Constant kinds in a code object's constant table. */
enum ConstKind {
    K_NONE = 0,
    K_FALSE = 1,
    K_TRUE = 2,
    K_INT = 3,   /* i32 */
    K_FLOAT = 4, /* IEEE-754 binary32 bits */
    K_STR = 5,   /* u32 string index */
    K_BYTES = 6, /* u32 string index (raw bytes) */
    K_CODE = 7,  /* u32 code index, greater than the containing code's index */
    K_TUPLE = 8, /* u32 count, then count u32 indices of earlier constants */
    K_LONG = 9,  /* u32 string index: an int outside int32 in decimal, '-' for a negative */
    K_IMAG = 10, /* IEEE-754 binary32 bits: the imaginary literal complex(0.0, x) */
};

/* Limits the loader enforces (and the compiler respects). */
#define P4B_MAX_STRINGS   (1u << 20)
#define P4B_MAX_STRLEN    (1u << 24)
#define P4B_MAX_CODES     (1u << 16)
#define P4B_MAX_INSNS     (1u << 22)
#define P4B_MAX_CONSTS    (1u << 16)
/* P4bCode.flags: the parameter layout past the nparams positional ones.
 * Locals are [positional][keyword-only][*args][**kwargs]. */
#define CODE_VARARGS   0x0001u
#define CODE_VARKW     0x0002u
#define CODE_COROUTINE 0x0004u  /* an `async def`: its generator is a coroutine (vm/coro.c) */
#define CODE_KWONLY_SHIFT 8     /* bits 8..15: number of keyword-only parameters */
#define CODE_FLAGS_KNOWN  0xff07u
#define CODE_NKWONLY(flags) ((unsigned)(flags) >> CODE_KWONLY_SHIFT)

#define P4B_MAX_LOCALS    255u
#define P4B_MAX_STACK     1024u
#define P4B_MAX_TUPLE     255u

uint32_t bc_crc32(const uint8_t *data, size_t len);

#endif
