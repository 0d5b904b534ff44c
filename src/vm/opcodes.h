/*
 * opcodes.h - the single source of truth about P4JIT bytecode.
 *
 * Every instruction is one 32-bit little-endian word:
 *
 *     bits  0..7   opcode (enum Opcode)
 *     bits  8..31  argument (24 bits; unsigned, except ARG_IMM which is signed)
 *
 * Fixed-width words keep the interpreter's decode to one load and a shift,
 * make every jump target an instruction index (no mid-instruction targets to
 * validate), and give the JIT a trivially indexable instruction stream.
 * Jump arguments are absolute instruction indices inside the code object.
 *
 * The value stack grows upwards; "TOS" is the top item, "TOS1" the one below.
 * Stack effects are given as (pops, pushes); for COUNT-argument instructions
 * they depend on the argument and are computed by bc_stack_effect().
 *
 * Exceptions use a table per code object (see docs/bytecode.md), not
 * instructions: when an instruction raises, the innermost table entry that
 * covers it truncates the stack to the entry's depth, pushes the exception
 * and jumps to the handler.
 *
 * docs/bytecode.md describes each instruction in prose; keep the two in step.
 */
#ifndef P4_OPCODES_H
#define P4_OPCODES_H

#include <stdint.h>
#include <stdbool.h>

/* What an instruction's argument refers to; the .p4b loader checks each kind. */
enum ArgKind {
    ARG_NONE,   /* must be 0 */
    ARG_CONST,  /* index into the code object's constants */
    ARG_LOCAL,  /* index into the frame's locals (parameters first) */
    ARG_GLOBAL, /* index into the module's global-name table */
    ARG_NAME,   /* index into the module's string table (attribute/module names) */
    ARG_JUMP,   /* absolute instruction index, < instruction count */
    ARG_COUNT,  /* a small count; meaning given per instruction */
    ARG_IMM,    /* signed 24-bit immediate */
};

/* Flow kinds, for the verifier and the JIT's CFG builder. */
enum OpFlow {
    FLOW_NEXT,   /* falls through */
    FLOW_JUMP,   /* always jumps to its argument */
    FLOW_BRANCH, /* may jump to its argument or fall through */
    FLOW_STOP,   /* leaves the code object (return or raise) */
};

/*
 * X(name, argkind, pops, pushes, flow)
 * pops/pushes of -1 mean "depends on the argument" (see bc_stack_effect()).
 * For FLOW_BRANCH instructions the effect listed is the fall-through one;
 * bc_stack_effect() gives the effect on the jump edge.
 */
#define P4_OPCODES(X) \
    /* --- stack shuffling --------------------------------------------- */ \
    X(NOP,              ARG_NONE,   0, 0, FLOW_NEXT)   \
    X(POP_TOP,          ARG_NONE,   1, 0, FLOW_NEXT)   /* discard TOS */ \
    X(DUP_TOP,          ARG_NONE,   1, 2, FLOW_NEXT)   /* a -> a a */ \
    X(DUP_TOP_TWO,      ARG_NONE,   2, 4, FLOW_NEXT)   /* a b -> a b a b */ \
    X(ROT_TWO,          ARG_NONE,   2, 2, FLOW_NEXT)   /* a b -> b a */ \
    X(ROT_THREE,        ARG_NONE,   3, 3, FLOW_NEXT)   /* a b c -> c a b */ \
    /* --- loads and stores --------------------------------------------- */ \
    X(LOAD_CONST,       ARG_CONST,  0, 1, FLOW_NEXT)   \
    X(LOAD_INT,         ARG_IMM,    0, 1, FLOW_NEXT)   /* push the int arg */ \
    X(LOAD_FAST,        ARG_LOCAL,  0, 1, FLOW_NEXT)   /* UnboundLocalError if unset */ \
    X(STORE_FAST,       ARG_LOCAL,  1, 0, FLOW_NEXT)   \
    X(LOAD_GLOBAL,      ARG_GLOBAL, 0, 1, FLOW_NEXT)   /* unset slot: builtin of that name, else NameError */ \
    X(STORE_GLOBAL,     ARG_GLOBAL, 1, 0, FLOW_NEXT)   \
    X(LOAD_ATTR,        ARG_NAME,   1, 1, FLOW_NEXT)   /* obj -> obj.name */ \
    X(LOAD_METHOD,      ARG_NAME,   1, 2, FLOW_NEXT)   /* obj -> method self (self may be the NULL marker) */ \
    X(IMPORT_NAME,      ARG_NAME,   0, 1, FLOW_NEXT)   /* push built-in module, else ImportError */ \
    /* --- operators ------------------------------------------------------ */ \
    X(UNARY_NEG,        ARG_NONE,   1, 1, FLOW_NEXT)   \
    X(UNARY_POS,        ARG_NONE,   1, 1, FLOW_NEXT)   \
    X(UNARY_NOT,        ARG_NONE,   1, 1, FLOW_NEXT)   \
    X(UNARY_INVERT,     ARG_NONE,   1, 1, FLOW_NEXT)   \
    X(BINARY_ADD,       ARG_NONE,   2, 1, FLOW_NEXT)   /* TOS1 + TOS */ \
    X(BINARY_SUB,       ARG_NONE,   2, 1, FLOW_NEXT)   \
    X(BINARY_MUL,       ARG_NONE,   2, 1, FLOW_NEXT)   \
    X(BINARY_TRUEDIV,   ARG_NONE,   2, 1, FLOW_NEXT)   \
    X(BINARY_FLOORDIV,  ARG_NONE,   2, 1, FLOW_NEXT)   \
    X(BINARY_MOD,       ARG_NONE,   2, 1, FLOW_NEXT)   \
    X(BINARY_POW,       ARG_NONE,   2, 1, FLOW_NEXT)   \
    X(BINARY_LSHIFT,    ARG_NONE,   2, 1, FLOW_NEXT)   \
    X(BINARY_RSHIFT,    ARG_NONE,   2, 1, FLOW_NEXT)   \
    X(BINARY_AND,       ARG_NONE,   2, 1, FLOW_NEXT)   \
    X(BINARY_OR,        ARG_NONE,   2, 1, FLOW_NEXT)   \
    X(BINARY_XOR,       ARG_NONE,   2, 1, FLOW_NEXT)   \
    X(INPLACE_ADD,      ARG_NONE,   2, 1, FLOW_NEXT)   /* like BINARY_ADD, but list += extends in place */ \
    X(INPLACE_MUL,      ARG_NONE,   2, 1, FLOW_NEXT)   /* like BINARY_MUL, but list *= repeats in place */ \
    X(COMPARE_LT,       ARG_NONE,   2, 1, FLOW_NEXT)   /* TOS1 < TOS */ \
    X(COMPARE_LE,       ARG_NONE,   2, 1, FLOW_NEXT)   \
    X(COMPARE_EQ,       ARG_NONE,   2, 1, FLOW_NEXT)   \
    X(COMPARE_NE,       ARG_NONE,   2, 1, FLOW_NEXT)   \
    X(COMPARE_GT,       ARG_NONE,   2, 1, FLOW_NEXT)   \
    X(COMPARE_GE,       ARG_NONE,   2, 1, FLOW_NEXT)   \
    X(IS_OP,            ARG_COUNT,  2, 1, FLOW_NEXT)   /* TOS1 is TOS; arg 1: is not */ \
    X(CONTAINS_OP,      ARG_COUNT,  2, 1, FLOW_NEXT)   /* TOS1 in TOS; arg 1: not in */ \
    /* --- containers ------------------------------------------------------ */ \
    X(BINARY_SUBSCR,    ARG_NONE,   2, 1, FLOW_NEXT)   /* TOS1[TOS] */ \
    X(STORE_SUBSCR,     ARG_NONE,   3, 0, FLOW_NEXT)   /* TOS1[TOS] = TOS2 */ \
    X(DELETE_SUBSCR,    ARG_NONE,   2, 0, FLOW_NEXT)   /* del TOS1[TOS] */ \
    X(BUILD_SLICE,      ARG_COUNT, -1, 1, FLOW_NEXT)   /* arg 2: start stop; 3: start stop step */ \
    X(BUILD_TUPLE,      ARG_COUNT, -1, 1, FLOW_NEXT)   /* arg items, first pushed first */ \
    X(BUILD_LIST,       ARG_COUNT, -1, 1, FLOW_NEXT)   \
    X(BUILD_MAP,        ARG_COUNT, -1, 1, FLOW_NEXT)   /* arg key/value pairs: k1 v1 k2 v2 ... */ \
    X(LIST_APPEND,      ARG_COUNT,  1, 0, FLOW_NEXT)   /* pop x; append x to the list at sp[-arg] */ \
    X(UNPACK_SEQUENCE,  ARG_COUNT, -1,-1, FLOW_NEXT)   /* seq -> item[n-1] ... item[0] (item 0 on top) */ \
    /* --- iteration and control flow ------------------------------------- */ \
    X(GET_ITER,         ARG_NONE,   1, 1, FLOW_NEXT)   /* obj -> iterator */ \
    X(FOR_ITER,         ARG_JUMP,   1, 2, FLOW_BRANCH) /* it -> it next; exhausted: pop it, jump */ \
    X(JUMP,             ARG_JUMP,   0, 0, FLOW_JUMP)   \
    X(POP_JUMP_IF_FALSE,ARG_JUMP,   1, 0, FLOW_BRANCH) \
    X(POP_JUMP_IF_TRUE, ARG_JUMP,   1, 0, FLOW_BRANCH) \
    X(JUMP_IF_FALSE_OR_POP, ARG_JUMP, 1, 0, FLOW_BRANCH) /* falsy: keep TOS and jump; else pop */ \
    X(JUMP_IF_TRUE_OR_POP,  ARG_JUMP, 1, 0, FLOW_BRANCH) \
    /* --- calls and functions --------------------------------------------- */ \
    X(CALL,             ARG_COUNT, -1, 1, FLOW_NEXT)   /* fn a1..an -> result */ \
    X(CALL_KW,          ARG_COUNT, -1, 1, FLOW_NEXT)   /* fn a1..an names -> result; names: tuple const of the last len(names) args' keywords */ \
    X(CALL_METHOD,      ARG_COUNT, -1, 1, FLOW_NEXT)   /* method self a1..an -> result */ \
    X(FORMAT_VALUE,     ARG_COUNT, -1, 1, FLOW_NEXT)   /* f-strings: arg 0: x -> format(x, ''); 1: x spec -> format(x, spec); 2: x -> repr(x); 3: x -> str(x); 4: x -> ascii(x) */ \
    X(BUILD_STRING,     ARG_COUNT, -1, 1, FLOW_NEXT)   /* s1..sn -> s1+...+sn */ \
    X(RETURN_VALUE,     ARG_NONE,   1, 0, FLOW_STOP)   \
    X(MAKE_FUNCTION,    ARG_COUNT, -1, 1, FLOW_NEXT)   /* d1..dn [kwdefaults] code -> function with n = arg & 0xff defaults; arg & 0x100: a dict of keyword-only defaults */ \
    /* --- exceptions ------------------------------------------------------- */ \
    X(RAISE,            ARG_NONE,   1, 0, FLOW_STOP)   /* raise TOS (instance or exception class) */ \
    X(RERAISE,          ARG_NONE,   1, 0, FLOW_STOP)   /* raise TOS again, keeping its traceback */ \
    X(CHECK_EXC_MATCH,  ARG_NONE,   2, 2, FLOW_NEXT)   /* exc type -> exc bool (type: class or tuple of classes) */ \
    X(ASSERT_FAIL,      ARG_COUNT, -1, 0, FLOW_STOP)   /* arg 0: raise AssertionError; arg 1: with message TOS */ \
    /* --- closures, del, star arguments and unpacking (docs/bytecode.md) ---- */ \
    X(LOAD_DEREF,       ARG_LOCAL,  0, 1, FLOW_NEXT)   /* a captured local: the slot holds a cell or the plain value */ \
    X(STORE_DEREF,      ARG_LOCAL,  1, 0, FLOW_NEXT)   \
    X(DELETE_DEREF,     ARG_LOCAL,  0, 0, FLOW_NEXT)   \
    X(LOAD_FREE,        ARG_COUNT,  0, 1, FLOW_NEXT)   /* the value of the function's closure cell arg */ \
    X(STORE_FREE,       ARG_COUNT,  1, 0, FLOW_NEXT)   /* nonlocal assignment */ \
    X(DELETE_FREE,      ARG_COUNT,  0, 0, FLOW_NEXT)   \
    X(MAKE_CLOSURE,     ARG_CONST,  1, 1, FLOW_NEXT)   /* fn -> fn with a closure; const: tuple of int sources */ \
    X(DELETE_FAST,      ARG_LOCAL,  0, 0, FLOW_NEXT)   /* del local; UnboundLocalError if unset */ \
    X(DELETE_GLOBAL,    ARG_GLOBAL, 0, 0, FLOW_NEXT)   /* del global; NameError if unset */ \
    X(LIST_EXTEND,      ARG_COUNT,  1, 0, FLOW_NEXT)   /* pop x; extend the list at sp[-arg] by iterable x */ \
    X(LIST_TO_TUPLE,    ARG_NONE,   1, 1, FLOW_NEXT)   /* list -> tuple(list) */ \
    X(DICT_UPDATE,      ARG_COUNT,  1, 0, FLOW_NEXT)   /* pop m; update the dict at sp[-arg] from mapping m */ \
    X(DICT_MERGE,       ARG_COUNT,  1, 0, FLOW_NEXT)   /* like DICT_UPDATE, for f(**m): duplicate keys raise; fn at sp[-arg-2] */ \
    X(CALL_EX,          ARG_COUNT, -1, 1, FLOW_NEXT)   /* arg 0: fn args -> result; arg 1: fn args kwargs -> result */ \
    X(UNPACK_EX,        ARG_COUNT,  1,-1, FLOW_NEXT)   /* a, *b, c = seq: arg = before | after << 8 */ \
    /* --- classes, attributes, with (vm/class.c) ------------------------------ */ \
    X(STORE_ATTR,       ARG_NAME,   2, 0, FLOW_NEXT)   /* value obj -> ; obj.name = value */ \
    X(DELETE_ATTR,      ARG_NAME,   1, 0, FLOW_NEXT)   /* obj -> ; del obj.name */ \
    X(BUILD_CLASS,      ARG_COUNT, -1, 1, FLOW_NEXT)   /* b1..bn [kw] ns name -> class with n = arg & 0xff bases; arg & 0x100: a dict of class keywords */ \
    X(RETURN_LOCALS,    ARG_NONE,   0, 0, FLOW_STOP)   /* return a dict of the frame's bound locals (class bodies) */ \
    X(BEFORE_WITH,      ARG_NONE,   1, 2, FLOW_NEXT)   /* mgr -> bound_exit mgr.__enter__() */ \
    X(WITH_EXCEPT,      ARG_NONE,   2, 3, FLOW_NEXT)   /* exit exc -> exit exc exit(type(exc), exc, None) */ \
    X(RAISE_FROM,       ARG_NONE,   2, 0, FLOW_STOP)   /* exc cause -> ; raise exc from cause */ \
    X(PUSH_EXC_INFO,    ARG_NONE,   1, 1, FLOW_NEXT)   /* exc -> exc; a handler starts: exc is being handled */ \
    X(POP_EXCEPT,       ARG_NONE,   0, 0, FLOW_NEXT)   /* the innermost handler is left */ \
    /* --- generators and sets ---------------------------------------------- */ \
    X(RETURN_GENERATOR, ARG_NONE,   0, 0, FLOW_NEXT)   /* a generator function's first instruction: return a generator of this frame (resumed after it) */ \
    X(YIELD_VALUE,      ARG_NONE,   1, 1, FLOW_NEXT)   /* suspend, giving TOS to the resumer; resumed: push the sent value */ \
    X(GET_YIELD_FROM_ITER, ARG_NONE, 1, 1, FLOW_NEXT)  /* obj -> iter(obj); a generator stays itself */ \
    X(SEND,             ARG_JUMP,   2, 2, FLOW_BRANCH) /* it v -> it y when it yields y; it returned r: -> r and jump */ \
    X(BUILD_SET,        ARG_COUNT, -1, 1, FLOW_NEXT)   /* arg items, first pushed first -> set (BUILD_SET_FOLDED: see below) */ \
    X(SET_ADD,          ARG_COUNT,  1, 0, FLOW_NEXT)   /* pop x; add x to the set at sp[-arg] */ \
    X(MAP_ADD,          ARG_COUNT,  2, 0, FLOW_NEXT)   /* pop v, pop k; d[k] = v for the dict at sp[-arg] */ \
    X(INPLACE_SUB,      ARG_NONE,   2, 1, FLOW_NEXT)   /* a -= b: BINARY_SUB, but a set is changed in place */ \
    X(INPLACE_AND,      ARG_NONE,   2, 1, FLOW_NEXT)   /* a &= b */ \
    X(INPLACE_OR,       ARG_NONE,   2, 1, FLOW_NEXT)   /* a |= b */ \
    X(INPLACE_XOR,      ARG_NONE,   2, 1, FLOW_NEXT)   /* a ^= b */ \
    /* --- coroutines (vm/coro.c) -------------------------------------------- */ \
    X(GET_AWAITABLE,    ARG_NONE,   1, 1, FLOW_NEXT)   /* obj -> the iterator `await obj` drives with SEND */ \
    X(BEFORE_ASYNC_WITH, ARG_NONE,  1, 2, FLOW_NEXT)   /* mgr -> bound_aexit mgr.__aenter__() */ \
    X(GET_AITER,        ARG_NONE,   1, 1, FLOW_NEXT)   /* obj -> obj.__aiter__() */ \
    X(GET_ANEXT,        ARG_NONE,   1, 2, FLOW_NEXT)   /* aiter -> aiter aiter.__anext__() */ \
    X(END_ASYNC_FOR,    ARG_NONE,   2, 0, FLOW_NEXT)   /* aiter exc -> ; raises exc again unless StopAsyncIteration */ \
    X(ASYNC_WITH_EXCEPT, ARG_NONE,  2, 3, FLOW_NEXT)   /* aexit exc -> aexit exc aexit(type(exc), exc, None) (awaited next) */ \
    X(LOAD_NAME,        ARG_GLOBAL, 0, 1, FLOW_NEXT)   /* code run by exec/eval: the name from the namespace (vm/eval.c), else the built-in */ \
    X(STORE_NAME,       ARG_GLOBAL, 1, 0, FLOW_NEXT)   /* code run by exec/eval: store in its namespace */ \
    X(DELETE_NAME,      ARG_GLOBAL, 0, 0, FLOW_NEXT)   /* code run by exec/eval: delete from its namespace */ \
    X(IMPORT_STAR,      ARG_NONE,   1, 0, FLOW_NEXT)   /* module -> ; from module import * (module level only) */ \
    X(IMPORT_FROM,      ARG_NAME,   1, 2, FLOW_NEXT)   /* module -> module module.name; ImportError when it has none */ \
    X(BINARY_MATMUL,    ARG_NONE,   2, 1, FLOW_NEXT)   /* TOS1 @ TOS (__matmul__; no built-in type has it) */ \
    /* --- the match statement (vm/match.c; format 1.7; kept together: the JIT refuses GET_LEN..MATCH_CLASS) */ \
    X(GET_LEN,          ARG_NONE,   1, 1, FLOW_NEXT)   /* obj -> len(obj) */ \
    X(MATCH_SEQUENCE,   ARG_NONE,   1, 1, FLOW_NEXT)   /* obj -> bool: a sequence to a pattern (not str, bytes, bytearray) */ \
    X(MATCH_MAPPING,    ARG_NONE,   1, 1, FLOW_NEXT)   /* obj -> bool: a mapping to a pattern (dict and its subclasses) */ \
    X(MATCH_KEYS,       ARG_NONE,   2, 1, FLOW_NEXT)   /* subject keys -> tuple of subject's values for keys, or None if one is missing */ \
    X(MATCH_CLASS,      ARG_COUNT,  3, 1, FLOW_NEXT)   /* subject cls names -> tuple of arg positional then the names' attributes, or None */

enum Opcode {
#define P4_OP_ENUM(name, kind, pops, pushes, flow) OP_##name,
    P4_OPCODES(P4_OP_ENUM)
#undef P4_OP_ENUM
    OP__COUNT
};

/* BUILD_SET's argument: the item count, plus this flag for a display of
 * three or more constants, which CPython builds from a frozenset constant
 * (so its int sets come out in the table order that path gives). */
#define BUILD_SET_FOLDED 0x10000u
#define BUILD_SET_COUNT(arg) ((arg) & 0xffffu)

/* The argument of BINARY_TRUEDIV, _FLOORDIV, _MOD, _POW, _LSHIFT, _RSHIFT
 * and _MATMUL under an augmented assignment (a /= b): the operator tries
 * __itruediv__ (...) first. Numbers ignore it, so the interpreter's fast
 * paths and the JIT treat the instruction as the binary one. */
#define BINARY_ARG_INPLACE 1u
static inline bool bc_binary_takes_inplace(unsigned op)
{
    return op == OP_BINARY_TRUEDIV || op == OP_BINARY_FLOORDIV || op == OP_BINARY_MOD || op == OP_BINARY_POW ||
           op == OP_BINARY_LSHIFT || op == OP_BINARY_RSHIFT || op == OP_BINARY_MATMUL;
}

/* Instruction word helpers. */
#define BC_OP(w)       ((unsigned)((w) & 0xffu))
#define BC_ARG(w)      ((uint32_t)(w) >> 8)
#define BC_IMM(w)      ((int32_t)(w) >> 8) /* arithmetic shift: signed argument */
#define BC_MAKE(op, a) ((uint32_t)(op) | ((uint32_t)(a) << 8))
#define BC_ARG_MAX     0xffffffu
#define BC_IMM_MIN     (-(1 << 23))
#define BC_IMM_MAX     ((1 << 23) - 1)

#endif
