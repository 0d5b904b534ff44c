/*
 * compile_int.h - what the compiler's files share: its state, the token
 * cursor, and the functions one file calls in another.
 *
 * The compiler is one pass over the token array (see compile.c), in files
 * along its seams:
 *   compile_emit.c    errors, memory, the module's tables, emitting, names
 *   compile_expr.c    expressions and assignment targets
 *   compile_string.c  string literals and f-strings
 *   compile_stmt.c    statements, loops and try blocks
 *   compile_match.c   the match statement and its patterns
 *   compile_scope.c   closures: which names are cells, patched in when
 *                     functions end
 *   compile.c         functions, classes, the module, and the entry points
 * Not an interface for anything outside src/lang: compile.h is.
 */
#ifndef P4_COMPILE_INT_H
#define P4_COMPILE_INT_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "lang/compile.h"
#include "lang/lexer.h"

#define MAX_DEPTH 100   /* expression/statement nesting, keeps the C stack bounded */
#define MAX_BLOCKS 40   /* nested loops and try statements per function */
#define NONE_PC 0xffffffffu

/* ---- compiler state ------------------------------------------------------------ */

typedef struct Range {
    uint32_t start, end;
} Range;

enum BlockKind { BL_LOOP, BL_FOR, BL_TRY, BL_FINALLY, BL_WITH, BL_HANDLER };

typedef struct Block {
    uint8_t kind;
    /* loops */
    uint32_t continue_pc;
    uint32_t *breaks;       /* pcs of JUMPs to patch to the loop's end */
    uint32_t nbreaks, capbreaks;
    /* try: protected ranges collected so far, and the open one */
    Range *ranges;
    uint32_t nranges, capranges;
    uint32_t open_start;    /* NONE_PC when paused */
    uint32_t depth;         /* stack depth at the try */
    /* finally: the block's tokens (at its ':'), compiled once per exit */
    uint32_t finally_tok;
    /* while a finally copy or a loop's else is compiled, the blocks it is
     * not inside of are hidden from break/continue/return */
    bool hidden;
    /* with: the hidden local holding the bound __exit__ (__aexit__ when is_async) */
    uint32_t with_exit;
    bool is_async;
    /* handler: the name of `except E as name` while its body is compiled
     * (NONE_PC otherwise), unbound on every way out of the body */
    uint32_t as_name;
    const struct Token *as_tok;
} Block;

struct Func;

/* A name's instruction whose meaning is known only when the functions
 * around it end: local, global, or a closure cell (compile_scope.c). */
enum UseKind { USE_LOAD, USE_STORE, USE_DELETE };
typedef struct NameUse {
    uint32_t pc, name;
    int line, col;
    uint8_t kind;          /* enum UseKind */
    bool nonlocal;         /* declared nonlocal where it is used: never a local there */
    struct Func *owner;    /* the function whose code holds the instruction */
    bool past_class;       /* read by a comprehension inlined in a class body: never the class's name */
} NameUse;

/* A free variable of a function: cell k of its closure comes from the
 * enclosing function's local slot source (>= 0) or its cell -source-1. */
typedef struct FreeVar {
    uint32_t name;
    int32_t source;
} FreeVar;

/* A `nonlocal` declaration (its position is where a missing binding is reported). */
typedef struct Declared {
    uint32_t name;
    int line, col;
} Declared;

typedef struct Alias {
    uint32_t name, slot;
} Alias;

/* A hidden local whose construct is compiled, free for the next one of the
 * same kind: key is the comprehension variable's interned name, or one of
 * the HIDDEN_* kinds below. */
typedef struct SpareLocal {
    uint32_t key, slot;
} SpareLocal;
#define HIDDEN_EXC 0xfffffffeu /* an except clause's exception */
#define HIDDEN_FIN 0xfffffffdu /* a finally handler's exception */
#define HIDDEN_WITH 0xfffffffcu /* a with statement's bound __exit__ */
#define HIDDEN_RET 0xfffffffbu /* a return value while finally bodies run */
#define HIDDEN_MATCH 0xfffffffau /* a match statement's subject, its parts, and a pattern's names */
/* Locals allocated before spare hidden locals are reused: below it the code
 * is what it always was; past it, any number of try statements and
 * comprehensions fit in a scope's 255 slots. */
#define HIDDEN_FRESH_LIMIT 128u

typedef struct Func {
    struct Func *parent, *next_alloc;
    uint32_t index;        /* code index in the module */
    uint32_t name, firstline;
    uint32_t qualname;     /* __qualname__: "f.<locals>.g", "A.m" (string index) */
    uint32_t doc;          /* docstring: string index + 1, 0 for none (P4bCode.doc) */
    bool is_module;
    bool is_class;         /* a class body: its locals become the class namespace */
    bool is_generator;     /* the body has a yield: the code starts with RETURN_GENERATOR */
    bool is_coroutine;     /* an async def (also is_generator): await, async for/with allowed */
    uint32_t *code;
    uint32_t ncode, capcode;
    LineTabWriter lines;
    P4bConst *consts;
    uint32_t nconsts, capconsts;
    uint32_t *locals;      /* string indices; parameters first */
    uint32_t nlocals, caplocals, nparams;
    uint32_t *globals;     /* names declared global */
    uint32_t nglobals, capglobals;
    NameUse *uses;         /* name loads to resolve at the end */
    uint32_t nuses, capuses;
    NameUse *free;         /* names of nested functions resolved as globals */
    uint32_t nfree, capfree;
    ExcEntry *exc;
    uint32_t nexc, capexc;
    Block blocks[MAX_BLOCKS];
    uint32_t nblocks;
    Alias *aliases;        /* comprehension variables -> hidden locals */
    uint32_t naliases, capaliases;
    uint32_t *handler_exc; /* hidden locals of the enclosing except handlers */
    uint32_t nhandler, caphandler;
    int32_t depth;         /* stack depth at the current emission point */
    uint32_t hidden;       /* counter for hidden local names */
    SpareLocal *spare;     /* hidden locals free for reuse */
    uint32_t nspare, capspare;
    /* closures (compile_scope.c) */
    Declared *nonlocals;   /* names declared nonlocal */
    uint32_t nnonlocals, capnonlocals;
    FreeVar *freevars;     /* the closure's cells, in LOAD_FREE order */
    uint32_t nfreevars, capfreevars;
    uint32_t make_pc;      /* the NOP after MAKE_FUNCTION in the parent that becomes MAKE_CLOSURE, or NONE_PC */
    uint16_t flags;        /* CODE_VARARGS etc. of the code object */
    uint8_t is_cell[P4B_MAX_LOCALS + 1]; /* locals some nested function captures */
} Func;

typedef struct Compiler {
    TokenList toks;
    uint32_t pos;
    const char *src;
    P4CompileError *err;
    jmp_buf fail;
    Func *fn;
    Func *all_funcs;
    int line;
    int nesting;
    const char *comprehension; /* "list comprehension", ... while one's body is compiled (yield is an error) */
    uint8_t mode;          /* enum P4CompileMode */
    /* the module being built */
    P4bString *strings;
    uint32_t nstrings, capstrings;
    uint32_t *strhash;     /* open addressing: string index + 1, 0 empty */
    uint32_t hashcap;
    uint32_t *globals;
    uint32_t nglobals, capglobals;
    P4bCode *codes;
    uint32_t ncodes, capcodes;
    uint32_t filename;
    /* scratch buffers to free if an error unwinds past their owner */
    void **temps;
    uint32_t ntemps, captemps;
} Compiler;

/* The functions below are shared between the compiler's files, under short
 * names for reading; the linker sees them with a p4c_ prefix so that a
 * firmware image linking P4JIT with other libraries has no clash on names
 * such as emit or test. A function that a second file comes to need gets its
 * prototype below and a line here. */
#define add_const p4c_add_const
#define add_local p4c_add_local
#define atom p4c_atom
#define block p4c_block
#define chain_jump p4c_chain_jump
#define compile_class p4c_compile_class
#define compile_function p4c_compile_function
#define compile_function_value p4c_compile_function_value
#define declared_global p4c_declared_global
#define delete_name p4c_delete_name
#define find_alias p4c_find_alias
#define find_nonlocal p4c_find_nonlocal
#define fill_closures p4c_fill_closures
#define lambda_end p4c_lambda_end
#define lambda_expr p4c_lambda_expr
#define resolve_names p4c_resolve_names
#define compile_target p4c_compile_target
#define comprehension_for p4c_comprehension_for
#define emit p4c_emit
#define emit_const p4c_emit_const
#define emit_int p4c_emit_int
#define emit_none p4c_emit_none
#define emit_name_tuple p4c_emit_name_tuple
#define is_match_statement p4c_is_match_statement
#define match_stmt p4c_match_stmt
#define emit_str p4c_emit_str
#define ends_expression p4c_ends_expression
#define enter p4c_enter
#define expect_op p4c_expect_op
#define fail_at p4c_fail_at
#define find_alias p4c_find_alias
#define find_local p4c_find_local
#define finish_func p4c_finish_func
#define new_func p4c_new_func
#define skip_block p4c_skip_block
#define yield_expr p4c_yield_expr
#define declared_global p4c_declared_global
#define free_block p4c_free_block
#define global_slot p4c_global_slot
#define grow p4c_grow
#define has_top_level_comma p4c_has_top_level_comma
#define here p4c_here
#define hidden_local p4c_hidden_local
#define intern p4c_intern
#define intern_cstr p4c_intern_cstr
#define leave p4c_leave
#define load_name p4c_load_name
#define out_of_memory p4c_out_of_memory
#define patch p4c_patch
#define patch_chain p4c_patch_chain
#define primary_until p4c_primary_until
#define release_hidden p4c_release_hidden
#define skip_group p4c_skip_group
#define statement p4c_statement
#define store_name p4c_store_name
#define str_of p4c_str_of
#define string_atom p4c_string_atom
#define subscript p4c_subscript
#define target_kind p4c_target_kind
#define temp_alloc p4c_temp_alloc
#define temp_free p4c_temp_free
#define test p4c_test
#define test_end p4c_test_end
#define testlist p4c_testlist

/* ---- errors and memory (compile_emit.c) --------------------------------------------- */

#define syntax_error(c, tok, ...) fail_at((c), "SyntaxError", (tok)->line, (tok)->col, __VA_ARGS__)

#define PUSH(c, arr, n, cap, val)                                      \
    do {                                                               \
        (arr) = grow((c), (arr), (n), &(cap), sizeof *(arr));          \
        (arr)[(n)++] = (val);                                          \
    } while (0)

/* ---- the token cursor --------------------------------------------------------------- */

static inline Token *tok_at(Compiler *c, uint32_t i) { return &c->toks.tok[i < c->toks.n ? i : c->toks.n - 1]; }
static inline Token *peek(Compiler *c) { return tok_at(c, c->pos); }
/* the loop of `await`: awaitable -> its result (compile_expr.c) */
void emit_await_loop(Compiler *c);
static inline Token *next(Compiler *c)
{
    Token *t = peek(c);
    if (c->pos < c->toks.n - 1)
        c->pos++;
    return t;
}
static inline bool is_op(const Token *t, const char *op) { return t->kind == TK_OP && strcmp(t->op, op) == 0; }
static inline bool is_kw(const Token *t, int kw) { return t->kind == TK_KEYWORD && t->kw == kw; }
static inline bool at_op(Compiler *c, const char *op) { return is_op(peek(c), op); }
static inline bool at_kw(Compiler *c, int kw) { return is_kw(peek(c), kw); }

/* compile_emit.c */
_Noreturn void fail_at(Compiler *c, const char *kind, int line, int col, const char *fmt, ...);
_Noreturn void out_of_memory(Compiler *c);
void *grow(Compiler *c, void *arr, uint32_t n, uint32_t *cap, size_t size);
void *temp_alloc(Compiler *c, size_t n);
void temp_free(Compiler *c, void *p);
void expect_op(Compiler *c, const char *op);
uint32_t skip_group(Compiler *c, uint32_t i);
bool ends_expression(const Token *t);
uint32_t test_end(Compiler *c, uint32_t i);
uint32_t comprehension_for(Compiler *c, uint32_t i, uint32_t close);
uint32_t intern(Compiler *c, const char *s, uint32_t n);
uint32_t body_docstring(Compiler *c, uint32_t first);
uint32_t intern_cstr(Compiler *c, const char *s);
uint32_t global_slot(Compiler *c, uint32_t name);
const char *str_of(Compiler *c, uint32_t idx);
uint32_t here(Compiler *c);
uint32_t emit(Compiler *c, unsigned op, uint32_t arg);
void patch(Compiler *c, uint32_t pc, uint32_t target);
uint32_t add_const(Compiler *c, P4bConst k);
void emit_const(Compiler *c, uint8_t kind, uint32_t index);
void emit_none(Compiler *c);
void emit_int(Compiler *c, int32_t v);
void emit_str(Compiler *c, const char *s, uint32_t n);
uint32_t chain_jump(Compiler *c, unsigned op, uint32_t chain);
void patch_chain(Compiler *c, uint32_t chain, uint32_t target);
int find_local(Func *f, uint32_t name);
int find_alias(Func *f, uint32_t name);
bool declared_global(Func *f, uint32_t name);
uint32_t add_local(Compiler *c, uint32_t name);
uint32_t hidden_local(Compiler *c, const char *what, uint32_t key);
void release_hidden(Compiler *c, uint32_t key, uint32_t slot);
void load_name(Compiler *c, uint32_t name, const Token *t);
void store_name(Compiler *c, uint32_t name);
void delete_name(Compiler *c, uint32_t name, const Token *t);
bool declared_global(Func *f, uint32_t name);
int find_alias(Func *f, uint32_t name);
uint32_t lambda_end(Compiler *c, uint32_t i);
/* compile_scope.c */
const Declared *find_nonlocal(Func *f, uint32_t name);
void resolve_names(Compiler *c, Func *f);
void fill_closures(Compiler *c);

/* compile_expr.c */
void enter(Compiler *c);
void leave(Compiler *c);
void atom(Compiler *c);
void subscript(Compiler *c, uint32_t close);
void primary_until(Compiler *c, uint32_t stop);
void test(Compiler *c);
void testlist(Compiler *c);
void yield_expr(Compiler *c);
void emit_name_tuple(Compiler *c, const uint32_t *names, uint32_t n);
bool has_top_level_comma(Compiler *c, uint32_t start, uint32_t end);
const char *target_kind(Compiler *c, uint32_t start, uint32_t end);
void compile_target(Compiler *c, uint32_t start, uint32_t end, bool assign);

/* compile_string.c */
void string_atom(Compiler *c);

/* compile_stmt.c */
void free_block(Block *b);
void block(Compiler *c, const char *what, int header_line);
void statement(Compiler *c);
uint32_t skip_block(Compiler *c, uint32_t colon);

/* compile_match.c */
bool is_match_statement(Compiler *c);
void match_stmt(Compiler *c);

/* compile.c */
void compile_function(Compiler *c, Token *def, Token *name);
void compile_function_value(Compiler *c, Token *def, Token *name);
void lambda_expr(Compiler *c);
void compile_class(Compiler *c, Token *cls, Token *name);
Func *new_func(Compiler *c, uint32_t name, uint32_t firstline, bool is_module);
void finish_func(Compiler *c);

#endif
