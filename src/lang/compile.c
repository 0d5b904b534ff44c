/*
 * compile.c - Python source to bytecode in one pass over the token array.
 *
 * The compiler emits code while it parses (recursive descent, one function
 * per grammar level). Where Python evaluates things in another order than
 * they are written, it moves the token cursor instead of building a tree:
 *   - an assignment compiles its value first, then each target's tokens;
 *   - a comprehension compiles its loops, then its element's tokens;
 *   - `a if c else b` compiles c, then a, then b;
 *   - a finally body is compiled once for each way out of its try.
 * Names read inside a function are resolved when the function ends, since an
 * assignment later in the body makes a name local for the whole body.
 *
 * Errors longjmp back to p4_compile_module, which frees everything.
 */
#include "lang/compile.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lang/lexer.h"

#define MAX_DEPTH 100   /* expression/statement nesting, keeps the C stack bounded */
#define MAX_BLOCKS 40   /* nested loops and try statements per function */
#define NONE_PC 0xffffffffu

/* ---- compiler state ------------------------------------------------------------ */

typedef struct Range {
    uint32_t start, end;
} Range;

enum BlockKind { BL_LOOP, BL_FOR, BL_TRY, BL_FINALLY };

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
} Block;

typedef struct NameUse {
    uint32_t pc, name;
    int line, col;
} NameUse;

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
/* Locals allocated before spare hidden locals are reused: below it the code
 * is what it always was; past it, any number of try statements and
 * comprehensions fit in a scope's 255 slots. */
#define HIDDEN_FRESH_LIMIT 128u

typedef struct Func {
    struct Func *parent, *next_alloc;
    uint32_t index;        /* code index in the module */
    uint32_t name, firstline;
    bool is_module;
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

/* ---- errors and memory ------------------------------------------------------------ */

_Noreturn static void fail_at(Compiler *c, const char *kind, int line, int col, const char *fmt, ...)
{
    c->err->kind = kind;
    c->err->line = line;
    c->err->col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err->msg, sizeof c->err->msg, fmt, ap);
    va_end(ap);
    longjmp(c->fail, 1);
}

#define syntax_error(c, tok, ...) fail_at((c), "SyntaxError", (tok)->line, (tok)->col, __VA_ARGS__)

_Noreturn static void oom(Compiler *c) { fail_at(c, "MemoryError", c->line, 0, "out of memory"); }

/* Grows an array of `size`-byte items to hold n + 1. */
static void *grow(Compiler *c, void *arr, uint32_t n, uint32_t *cap, size_t size)
{
    if (n < *cap)
        return arr;
    uint32_t ncap = *cap ? *cap * 2 : 8;
    void *na = realloc(arr, (size_t)ncap * size);
    if (!na)
        oom(c);
    *cap = ncap;
    return na;
}
#define PUSH(c, arr, n, cap, val)                                      \
    do {                                                               \
        (arr) = grow((c), (arr), (n), &(cap), sizeof *(arr));          \
        (arr)[(n)++] = (val);                                          \
    } while (0)

static void *temp_alloc(Compiler *c, size_t n)
{
    c->temps = grow(c, c->temps, c->ntemps, &c->captemps, sizeof *c->temps);
    void *p = malloc(n ? n : 1);
    if (!p)
        oom(c);
    c->temps[c->ntemps++] = p;
    return p;
}

static void temp_free(Compiler *c, void *p)
{
    for (uint32_t i = c->ntemps; i-- > 0;) {
        if (c->temps[i] == p) {
            c->temps[i] = c->temps[--c->ntemps];
            break;
        }
    }
    free(p);
}

/* ---- tokens ------------------------------------------------------------------------- */

static Token *tok_at(Compiler *c, uint32_t i) { return &c->toks.tok[i < c->toks.n ? i : c->toks.n - 1]; }
static Token *peek(Compiler *c) { return tok_at(c, c->pos); }
static Token *next(Compiler *c)
{
    Token *t = peek(c);
    if (c->pos < c->toks.n - 1)
        c->pos++;
    return t;
}
static bool is_op(const Token *t, const char *op) { return t->kind == TK_OP && strcmp(t->op, op) == 0; }
static bool is_kw(const Token *t, int kw) { return t->kind == TK_KEYWORD && t->kw == kw; }
static bool at_op(Compiler *c, const char *op) { return is_op(peek(c), op); }
static bool at_kw(Compiler *c, int kw) { return is_kw(peek(c), kw); }

static void expect_op(Compiler *c, const char *op)
{
    Token *t = peek(c);
    if (!is_op(t, op)) {
        if (strcmp(op, ":") == 0)
            syntax_error(c, t, "expected ':'");
        syntax_error(c, t, "invalid syntax");
    }
    next(c);
}

/* Index of the token after a bracket group starting at i (or i + 1). */
static uint32_t skip_group(Compiler *c, uint32_t i)
{
    Token *t = tok_at(c, i);
    if (t->kind == TK_OP && (t->op[0] == '(' || t->op[0] == '[' || t->op[0] == '{') && t->op[1] == 0 &&
        t->match > 0)
        return (uint32_t)t->match + 1;
    return i + 1;
}

static bool ends_expression(const Token *t)
{
    if (t->kind == TK_NEWLINE || t->kind == TK_EOF || t->kind == TK_INDENT || t->kind == TK_DEDENT)
        return true;
    if (t->kind == TK_KEYWORD)
        return t->kw == KW_if || t->kw == KW_else || t->kw == KW_for || t->kw == KW_async ||
               t->kw == KW_as || t->kw == KW_from;
    if (t->kind == TK_OP) {
        const char *o = t->op;
        if (strcmp(o, "==") == 0 || strcmp(o, "!=") == 0 || strcmp(o, "<=") == 0 || strcmp(o, ">=") == 0)
            return false;
        return strchr(",)]}:;", o[0]) != NULL || (o[strlen(o) - 1] == '=' ) || strcmp(o, "->") == 0;
    }
    return false;
}

/* Where the test starting at i ends (the first top-level terminator). */
static uint32_t test_end(Compiler *c, uint32_t i)
{
    while (!ends_expression(tok_at(c, i)))
        i = skip_group(c, i);
    return i;
}

/* The top-level `for` of a comprehension in tokens [i, close), or 0: the
 * element expression may itself contain `if ... else`. */
static uint32_t comprehension_for(Compiler *c, uint32_t i, uint32_t close)
{
    for (; i < close; i = skip_group(c, i)) {
        Token *t = tok_at(c, i);
        if (is_kw(t, KW_for))
            return i;
        if (is_op(t, ",") || is_op(t, ":"))
            return 0;
    }
    return 0;
}

/* ---- the module's tables ------------------------------------------------------------ */

static uint32_t hash_bytes(const char *s, uint32_t n)
{
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h;
}

static uint32_t intern(Compiler *c, const char *s, uint32_t n)
{
    if (c->nstrings * 2 >= c->hashcap) {
        uint32_t cap = c->hashcap ? c->hashcap * 2 : 256;
        uint32_t *nh = calloc(cap, sizeof *nh);
        if (!nh)
            oom(c);
        for (uint32_t i = 0; i < c->nstrings; i++) {
            uint32_t h = hash_bytes((const char *)c->strings[i].bytes, c->strings[i].len) & (cap - 1);
            while (nh[h])
                h = (h + 1) & (cap - 1);
            nh[h] = i + 1;
        }
        free(c->strhash);
        c->strhash = nh;
        c->hashcap = cap;
    }
    uint32_t h = hash_bytes(s, n) & (c->hashcap - 1);
    for (; c->strhash[h]; h = (h + 1) & (c->hashcap - 1)) {
        P4bString *e = &c->strings[c->strhash[h] - 1];
        if (e->len == n && memcmp(e->bytes, s, n) == 0)
            return c->strhash[h] - 1;
    }
    if (c->nstrings >= P4B_MAX_STRINGS)
        fail_at(c, "SyntaxError", c->line, 0, "too many strings");
    c->strings = grow(c, c->strings, c->nstrings, &c->capstrings, sizeof *c->strings);
    char *copy = malloc((size_t)n + 1);
    if (!copy)
        oom(c);
    memcpy(copy, s, n);
    copy[n] = '\0';
    P4bString str = {n, (const uint8_t *)copy};
    c->strings[c->nstrings++] = str;
    c->strhash[h] = c->nstrings;
    return c->nstrings - 1;
}

static uint32_t intern_cstr(Compiler *c, const char *s) { return intern(c, s, (uint32_t)strlen(s)); }

static uint32_t global_slot(Compiler *c, uint32_t name)
{
    for (uint32_t i = 0; i < c->nglobals; i++)
        if (c->globals[i] == name)
            return i;
    PUSH(c, c->globals, c->nglobals, c->capglobals, name);
    return c->nglobals - 1;
}

static const char *str_of(Compiler *c, uint32_t idx) { return (const char *)c->strings[idx].bytes; }

/* ---- emitting ---------------------------------------------------------------------- */

static uint32_t here(Compiler *c) { return c->fn->ncode; }

static uint32_t emit(Compiler *c, unsigned op, uint32_t arg)
{
    Func *f = c->fn;
    if (f->ncode >= P4B_MAX_INSNS)
        fail_at(c, "SyntaxError", c->line, 0, "function too large");
    uint32_t insn = BC_MAKE(op, arg);
    PUSH(c, f->code, f->ncode, f->capcode, insn);
    bc_linetab_add(&f->lines, f->ncode - 1, c->line);
    if (f->lines.oom)
        oom(c);
    f->depth += bc_stack_effect(insn, false);
    return f->ncode - 1;
}

static void patch(Compiler *c, uint32_t pc, uint32_t target)
{
    uint32_t w = c->fn->code[pc];
    c->fn->code[pc] = BC_MAKE(BC_OP(w), target);
}

static uint32_t add_const(Compiler *c, P4bConst k)
{
    Func *f = c->fn;
    for (uint32_t i = 0; i < f->nconsts; i++) {
        P4bConst *e = &f->consts[i];
        if (e->kind != k.kind || k.kind == K_TUPLE)
            continue;
        if ((k.kind == K_INT && e->u.i == k.u.i) || (k.kind == K_STR && e->u.index == k.u.index) ||
            (k.kind == K_BYTES && e->u.index == k.u.index) || (k.kind == K_CODE && e->u.index == k.u.index) ||
            (k.kind == K_FLOAT && memcmp(&e->u.f, &k.u.f, sizeof(float)) == 0) || k.kind <= K_TRUE)
            return i;
    }
    if (f->nconsts >= P4B_MAX_CONSTS)
        fail_at(c, "SyntaxError", c->line, 0, "too many constants");
    PUSH(c, f->consts, f->nconsts, f->capconsts, k);
    return f->nconsts - 1;
}

static void emit_const(Compiler *c, uint8_t kind, uint32_t index)
{
    P4bConst k;
    memset(&k, 0, sizeof k);
    k.kind = kind;
    k.u.index = index;
    emit(c, OP_LOAD_CONST, add_const(c, k));
}

static void emit_none(Compiler *c) { emit_const(c, K_NONE, 0); }

static void emit_int(Compiler *c, int32_t v)
{
    if (v >= BC_IMM_MIN && v <= BC_IMM_MAX) {
        emit(c, OP_LOAD_INT, (uint32_t)v & BC_ARG_MAX);
        return;
    }
    P4bConst k;
    memset(&k, 0, sizeof k);
    k.kind = K_INT;
    k.u.i = v;
    emit(c, OP_LOAD_CONST, add_const(c, k));
}

static void emit_str(Compiler *c, const char *s, uint32_t n) { emit_const(c, K_STR, intern(c, s, n)); }

/* Forward jumps to one target are chained through their own arguments
 * (pc + 1 of the previous jump, 0 ends the chain) until the target is known,
 * so no C array limits how many there are. */
static uint32_t chain_jump(Compiler *c, unsigned op, uint32_t chain)
{
    return emit(c, op, chain) + 1;
}

static void patch_chain(Compiler *c, uint32_t chain, uint32_t target)
{
    while (chain) {
        uint32_t pc = chain - 1;
        chain = BC_ARG(c->fn->code[pc]);
        patch(c, pc, target);
    }
}

/* ---- names ------------------------------------------------------------------------ */

static int find_local(Func *f, uint32_t name)
{
    for (uint32_t i = 0; i < f->nlocals; i++)
        if (f->locals[i] == name)
            return (int)i;
    return -1;
}

static uint32_t add_local(Compiler *c, uint32_t name)
{
    Func *f = c->fn;
    int i = find_local(f, name);
    if (i >= 0)
        return (uint32_t)i;
    if (f->nlocals >= P4B_MAX_LOCALS)
        fail_at(c, "SyntaxError", c->line, 0, "too many local variables (at most %u)", P4B_MAX_LOCALS);
    PUSH(c, f->locals, f->nlocals, f->caplocals, name);
    return f->nlocals - 1;
}

static uint32_t hidden_local(Compiler *c, const char *what, uint32_t key)
{
    Func *f = c->fn;
    if (f->nlocals >= HIDDEN_FRESH_LIMIT) {
        for (uint32_t i = f->nspare; i-- > 0;) {
            if (f->spare[i].key == key) {
                uint32_t slot = f->spare[i].slot;
                f->spare[i] = f->spare[--f->nspare];
                return slot;
            }
        }
    }
    char buf[32];
    snprintf(buf, sizeof buf, "$%s%lu", what, (unsigned long)c->fn->hidden++);
    return add_local(c, intern_cstr(c, buf));
}

/* The construct that used hidden local slot (made with key) is compiled. */
static void release_hidden(Compiler *c, uint32_t key, uint32_t slot)
{
    SpareLocal s = {key, slot};
    PUSH(c, c->fn->spare, c->fn->nspare, c->fn->capspare, s);
}

static bool declared_global(Func *f, uint32_t name)
{
    for (uint32_t i = 0; i < f->nglobals; i++)
        if (f->globals[i] == name)
            return true;
    return false;
}

static int find_alias(Func *f, uint32_t name)
{
    for (uint32_t i = f->naliases; i-- > 0;)
        if (f->aliases[i].name == name)
            return (int)f->aliases[i].slot;
    return -1;
}

static void load_name(Compiler *c, uint32_t name, const Token *t)
{
    Func *f = c->fn;
    int slot = find_alias(f, name);
    if (slot >= 0) {
        emit(c, OP_LOAD_FAST, (uint32_t)slot);
    } else if (f->is_module || declared_global(f, name)) {
        emit(c, OP_LOAD_GLOBAL, global_slot(c, name));
    } else {
        /* resolved in finish_func: LOAD_FAST if the name is local at all */
        NameUse u = {emit(c, OP_LOAD_GLOBAL, 0), name, t->line, t->col};
        PUSH(c, f->uses, f->nuses, f->capuses, u);
    }
}

static void store_name(Compiler *c, uint32_t name)
{
    Func *f = c->fn;
    int slot = find_alias(f, name);
    if (slot >= 0)
        emit(c, OP_STORE_FAST, (uint32_t)slot);
    else if (f->is_module || declared_global(f, name))
        emit(c, OP_STORE_GLOBAL, global_slot(c, name));
    else
        emit(c, OP_STORE_FAST, add_local(c, name));
}

/* ---- expressions ------------------------------------------------------------------- */

static void test(Compiler *c);
static void or_test(Compiler *c);
static void factor(Compiler *c);
static void expr(Compiler *c);
static void testlist(Compiler *c);
static void compile_target(Compiler *c, uint32_t start, uint32_t end, bool assign);

static void enter(Compiler *c)
{
    if (++c->nesting > MAX_DEPTH)
        syntax_error(c, peek(c), "expression too deeply nested");
}
static void leave(Compiler *c) { c->nesting--; }

/* Compiles the test in tokens [start, end), then puts the cursor back. */
static void test_range(Compiler *c, uint32_t start, uint32_t end)
{
    uint32_t save = c->pos;
    c->pos = start;
    test(c);
    if (c->pos != end)
        syntax_error(c, peek(c), "invalid syntax");
    c->pos = save;
}

typedef struct Clause {
    bool is_for;
    uint32_t target_start, target_end; /* for: target tokens */
    uint32_t expr_start, expr_end;     /* for: iterable; if: condition */
} Clause;

static void push_target_aliases(Compiler *c, uint32_t start, uint32_t end)
{
    Func *f = c->fn;
    for (uint32_t i = start; i < end; i++) {
        Token *t = tok_at(c, i);
        if (t->kind == TK_NAME && !(i > start && is_op(tok_at(c, i - 1), "."))) {
            uint32_t name = intern(c, t->text, t->text_len);
            Alias a = {name, hidden_local(c, t->text, name)};
            PUSH(c, f->aliases, f->naliases, f->capaliases, a);
        }
    }
}

/* Emits the clauses from i on; loop_head is the innermost loop's FOR_ITER. */
static void comprehension_clauses(Compiler *c, Clause *cl, uint32_t n, uint32_t i, uint32_t elt_start,
                                  uint32_t elt_end, uint32_t loops, uint32_t loop_head)
{
    if (i == n) {
        test_range(c, elt_start, elt_end);
        emit(c, OP_LIST_APPEND, loops + 1);
        emit(c, OP_JUMP, loop_head);
        return;
    }
    Clause *k = &cl[i];
    if (!k->is_for) {
        uint32_t save = c->pos;
        c->pos = k->expr_start;
        or_test(c);
        if (c->pos != k->expr_end)
            syntax_error(c, peek(c), "invalid syntax");
        c->pos = save;
        emit(c, OP_POP_JUMP_IF_FALSE, loop_head);
        comprehension_clauses(c, cl, n, i + 1, elt_start, elt_end, loops, loop_head);
        return;
    }
    uint32_t save = c->pos;
    c->pos = k->expr_start;
    or_test(c);
    if (c->pos != k->expr_end)
        syntax_error(c, peek(c), "invalid syntax");
    c->pos = save;
    emit(c, OP_GET_ITER, 0);
    uint32_t head = emit(c, OP_FOR_ITER, 0);
    uint32_t naliases = c->fn->naliases;
    push_target_aliases(c, k->target_start, k->target_end);
    compile_target(c, k->target_start, k->target_end, false);
    int32_t depth = c->fn->depth;
    comprehension_clauses(c, cl, n, i + 1, elt_start, elt_end, loops + 1, head);
    for (uint32_t a = naliases; a < c->fn->naliases; a++)
        release_hidden(c, c->fn->aliases[a].name, c->fn->aliases[a].slot);
    c->fn->naliases = naliases;
    patch(c, head, here(c));
    c->fn->depth = depth - 1; /* the exhausted iterator is gone */
    if (i > 0)
        emit(c, OP_JUMP, loop_head);
}

/* [elt for ...]: the cursor is at `for`; elt is tokens [elt_start, elt_end);
 * close is the closing bracket's index. */
static void comprehension(Compiler *c, uint32_t elt_start, uint32_t elt_end, uint32_t close)
{
    Clause cl[32];
    uint32_t n = 0;
    while (c->pos < close) {
        Token *t = peek(c);
        if (n == 32)
            syntax_error(c, t, "too many comprehension clauses");
        if (is_kw(t, KW_for)) {
            next(c);
            Clause *k = &cl[n++];
            k->is_for = true;
            k->target_start = c->pos;
            while (!at_kw(c, KW_in) && c->pos < close)
                c->pos = skip_group(c, c->pos);
            if (c->pos >= close)
                syntax_error(c, peek(c), "invalid syntax");
            k->target_end = c->pos;
            next(c);
            k->expr_start = c->pos;
            c->pos = test_end(c, c->pos);
            k->expr_end = c->pos;
        } else if (is_kw(t, KW_if)) {
            next(c);
            Clause *k = &cl[n++];
            k->is_for = false;
            k->expr_start = c->pos;
            c->pos = test_end(c, c->pos);
            k->expr_end = c->pos;
        } else {
            syntax_error(c, t, "invalid syntax");
        }
    }
    emit(c, OP_BUILD_LIST, 0);
    comprehension_clauses(c, cl, n, 0, elt_start, elt_end, 0, 0);
    c->pos = close;
}

static void string_atom(Compiler *c);

static void atom(Compiler *c)
{
    Token *t = peek(c);
    c->line = t->line;
    switch (t->kind) {
    case TK_NAME:
        next(c);
        load_name(c, intern(c, t->text, t->text_len), t);
        return;
    case TK_INT:
        next(c);
        if (t->ival > INT32_MAX)
            syntax_error(c, t, "integer literal too large for a 32-bit int");
        emit_int(c, (int32_t)t->ival);
        return;
    case TK_FLOAT: {
        next(c);
        P4bConst k;
        memset(&k, 0, sizeof k);
        k.kind = K_FLOAT;
        k.u.f = t->fval;
        emit(c, OP_LOAD_CONST, add_const(c, k));
        return;
    }
    case TK_STRING:
        string_atom(c);
        return;
    case TK_KEYWORD:
        if (t->kw == KW_True || t->kw == KW_False || t->kw == KW_None) {
            next(c);
            emit_const(c, t->kw == KW_True ? K_TRUE : t->kw == KW_False ? K_FALSE : K_NONE, 0);
            return;
        }
        if (t->kw == KW_lambda)
            syntax_error(c, t, "'lambda' is not supported by P4JIT");
        if (t->kw == KW_yield || t->kw == KW_await)
            syntax_error(c, t, "'%s' is not supported by P4JIT", t->text);
        syntax_error(c, t, "invalid syntax");
    case TK_OP:
        break;
    case TK_INDENT:
        fail_at(c, "IndentationError", t->line, t->col, "unexpected indent");
    default:
        syntax_error(c, t, "invalid syntax");
    }
    uint32_t open = c->pos, close = t->match > 0 ? (uint32_t)t->match : 0;
    if (is_op(t, "(")) {
        next(c);
        if (c->pos == close) {
            next(c);
            emit(c, OP_BUILD_TUPLE, 0);
            return;
        }
        uint32_t end = comprehension_for(c, c->pos, close);
        if (end) { /* a generator expression: built as a list */
            uint32_t start = c->pos;
            c->pos = end;
            comprehension(c, start, end, close);
            next(c);
            return;
        }
        test(c);
        if (c->pos == close) {
            next(c);
            return; /* parenthesised expression */
        }
        uint32_t n = 1;
        while (at_op(c, ",")) {
            next(c);
            if (c->pos == close)
                break;
            test(c);
            n++;
        }
        if (c->pos != close)
            syntax_error(c, peek(c), "invalid syntax");
        next(c);
        emit(c, OP_BUILD_TUPLE, n);
        return;
    }
    if (is_op(t, "[")) {
        next(c);
        if (c->pos == close) {
            next(c);
            emit(c, OP_BUILD_LIST, 0);
            return;
        }
        uint32_t end = comprehension_for(c, c->pos, close);
        if (end) {
            uint32_t start = c->pos;
            c->pos = end;
            comprehension(c, start, end, close);
            next(c);
            return;
        }
        uint32_t n = 0;
        while (c->pos < close) {
            test(c);
            n++;
            if (c->pos == close)
                break;
            expect_op(c, ",");
        }
        next(c);
        emit(c, OP_BUILD_LIST, n);
        return;
    }
    if (is_op(t, "{")) {
        next(c);
        uint32_t n = 0;
        while (c->pos < close) {
            test(c);
            if (!at_op(c, ":")) {
                if (at_kw(c, KW_for))
                    syntax_error(c, peek(c), "dict and set comprehensions are not supported by P4JIT");
                syntax_error(c, peek(c), "set displays are not supported by P4JIT");
            }
            next(c);
            test(c);
            n++;
            if (c->pos == close)
                break;
            if (at_kw(c, KW_for))
                syntax_error(c, peek(c), "dict comprehensions are not supported by P4JIT");
            expect_op(c, ",");
        }
        next(c);
        emit(c, OP_BUILD_MAP, n);
        (void)open;
        return;
    }
    /* a closing bracket here is matched (the lexer checked), just early:
     * CPython calls that plain invalid syntax, e.g. `[i for i in]` */
    syntax_error(c, t, "invalid syntax");
}

/* An f-string's replacement field: compiles the expression text with a
 * nested token list. */
/* Index just past the string literal that starts at s[i] inside a field's
 * expression, so that its braces and colons are text (f"{'a { b'}"). */
static uint32_t skip_quoted(const char *s, uint32_t n, uint32_t i)
{
    char q = s[i];
    for (i++; i < n && s[i] != q; i++)
        ;
    return i < n ? i + 1 : n;
}

/* Length of the expression part of a replacement field (before !r or :spec). */
static uint32_t field_expr_len(const char *s, uint32_t n)
{
    uint32_t i = 0;
    int depth = 0;
    while (i < n && !(depth == 0 && (s[i] == '!' || s[i] == ':') && !(s[i] == '!' && i + 1 < n && s[i + 1] == '='))) {
        if (s[i] == '\'' || s[i] == '"') {
            i = skip_quoted(s, n, i);
            continue;
        }
        if (s[i] == '(' || s[i] == '[' || s[i] == '{')
            depth++;
        else if (s[i] == ')' || s[i] == ']' || s[i] == '}')
            depth--;
        i++;
    }
    return i;
}

/* Compiles the expression text s[0..n) of a replacement field with a nested
 * token list, restoring the outer one even when an error longjmps. */
static void field_expression(Compiler *c, const Token *t, const char *s, uint32_t n)
{
    /* CPython reads the field as if parenthesised: leading blanks are not
     * indentation (f"{ {1: 2}[1] }") */
    while (n > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    uint32_t last = n;
    while (last > 0 && (s[last - 1] == ' ' || s[last - 1] == '\t'))
        last--;
    if (last >= 2 && s[last - 1] == '=' && !strchr("=!<>", s[last - 2]))
        syntax_error(c, t, "'=' in f-string fields is not supported by P4JIT");
    TokenList sub;
    P4CompileError suberr;
    if (lex(s, n, &sub, &suberr) != 0) {
        lex_free(&sub);
        syntax_error(c, t, "f-string: %s", suberr.msg);
    }
    for (uint32_t k = 0; k < sub.n; k++) {
        sub.tok[k].line = t->line;
        sub.tok[k].col = t->col;
    }
    TokenList saved = c->toks;
    uint32_t savepos = c->pos;
    c->toks = sub;
    c->pos = 0;
    if (peek(c)->kind == TK_NEWLINE || peek(c)->kind == TK_EOF) {
        c->toks = saved;
        c->pos = savepos;
        lex_free(&sub);
        syntax_error(c, t, "f-string: empty expression not allowed");
    }
    jmp_buf outer;
    memcpy(outer, c->fail, sizeof outer);
    if (setjmp(c->fail)) {
        lex_free(&c->toks);
        c->toks = saved;
        memcpy(c->fail, outer, sizeof outer);
        longjmp(c->fail, 1);
    }
    test(c);
    bool ok = peek(c)->kind == TK_NEWLINE || peek(c)->kind == TK_EOF;
    lex_free(&c->toks);
    c->toks = saved;
    c->pos = savepos;
    memcpy(c->fail, outer, sizeof outer);
    if (!ok)
        syntax_error(c, t, "f-string: invalid expression");
}

static void fstring_text(Compiler *c, const Token *t, const char *s, uint32_t n, uint32_t *parts);

static void fstring_field(Compiler *c, const Token *t, const char *s, uint32_t n)
{
    uint32_t i = field_expr_len(s, n);
    field_expression(c, t, s, i);
    uint32_t conv = 0;
    if (i < n && s[i] == '!') {
        if (i + 1 >= n || (s[i + 1] != 'r' && s[i + 1] != 's'))
            syntax_error(c, t, "f-string: invalid conversion character");
        conv = s[i + 1] == 'r' ? 2 : 0;
        i += 2;
    }
    if (i < n && s[i] == ':') {
        if (conv == 2) {
            emit(c, OP_FORMAT_VALUE, 2);
        }
        const char *spec = s + i + 1;
        uint32_t speclen = n - i - 1;
        if (memchr(spec, '{', speclen)) {
            /* a spec with fields, f"{x:{width}}", is itself an f-string */
            enter(c);
            uint32_t pieces = 0;
            fstring_text(c, t, spec, speclen, &pieces);
            if (pieces != 1)
                emit(c, OP_BUILD_STRING, pieces);
            leave(c);
        } else {
            emit_str(c, spec, speclen);
        }
        emit(c, OP_FORMAT_VALUE, 1);
        return;
    }
    emit(c, OP_FORMAT_VALUE, conv);
}

static void fstring(Compiler *c, const Token *t, uint32_t *parts) { fstring_text(c, t, t->text, t->text_len, parts); }

/* Pushes the pieces of f-string text s[0..n) (literals and formatted fields),
 * counting them in *parts. */
static void fstring_text(Compiler *c, const Token *t, const char *s, uint32_t n, uint32_t *parts)
{
    uint32_t lit = 0, i = 0;
    char *buf = temp_alloc(c, n + 1);
    uint32_t blen = 0;
    while (i < n) {
        if (s[i] == '{' && i + 1 < n && s[i + 1] == '{') {
            buf[blen++] = '{';
            i += 2;
        } else if (s[i] == '}' && i + 1 < n && s[i + 1] == '}') {
            buf[blen++] = '}';
            i += 2;
        } else if (s[i] == '{') {
            if (blen) {
                emit_str(c, buf, blen);
                (*parts)++;
                blen = 0;
            }
            uint32_t j = i + 1;
            int depth = 1, nest = 0; /* nest: brackets open in the expression */
            bool in_expr = true;    /* before the field's '!' or ':' */
            while (j < n && depth > 0) {
                if (in_expr && (s[j] == '\'' || s[j] == '"')) {
                    j = skip_quoted(s, n, j);
                    continue;
                }
                if (in_expr && (s[j] == '(' || s[j] == '['))
                    nest++;
                else if (in_expr && (s[j] == ')' || s[j] == ']'))
                    nest--;
                else if (in_expr && depth == 1 && nest <= 0 && (s[j] == ':' || (s[j] == '!' && !(j + 1 < n && s[j + 1] == '='))))
                    in_expr = false;
                if (s[j] == '{')
                    depth++;
                else if (s[j] == '}')
                    depth--;
                if (depth > 0)
                    j++;
            }
            if (j >= n)
                syntax_error(c, t, "f-string: expecting '}'");
            fstring_field(c, t, s + i + 1, j - i - 1);
            (*parts)++;
            i = j + 1;
        } else if (s[i] == '}') {
            syntax_error(c, t, "f-string: single '}' is not allowed");
        } else {
            buf[blen++] = s[i++];
        }
    }
    (void)lit;
    if (blen) {
        emit_str(c, buf, blen);
        (*parts)++;
    }
    temp_free(c, buf);
}

/* Adjacent string literals concatenate; f-strings become BUILD_STRING. */
static void string_atom(Compiler *c)
{
    Token *first = peek(c);
    bool bytes = first->flags & STR_BYTES, any_f = false;
    uint32_t end = c->pos;
    while (tok_at(c, end)->kind == TK_STRING) {
        Token *t = tok_at(c, end);
        if (((t->flags & STR_BYTES) != 0) != bytes)
            syntax_error(c, t, "cannot mix bytes and nonbytes literals");
        any_f |= (t->flags & STR_FSTRING) != 0;
        end++;
    }
    if (!any_f) {
        uint32_t total = 0;
        for (uint32_t i = c->pos; i < end; i++)
            total += tok_at(c, i)->text_len;
        char *buf = temp_alloc(c, total + 1);
        uint32_t at = 0;
        for (uint32_t i = c->pos; i < end; i++) {
            memcpy(buf + at, tok_at(c, i)->text, tok_at(c, i)->text_len);
            at += tok_at(c, i)->text_len;
        }
        uint32_t idx = intern(c, buf, total);
        temp_free(c, buf);
        emit_const(c, bytes ? K_BYTES : K_STR, idx);
        c->pos = end;
        return;
    }
    uint32_t parts = 0;
    for (uint32_t i = c->pos; i < end; i++) {
        Token *t = tok_at(c, i);
        if (t->flags & STR_FSTRING) {
            fstring(c, t, &parts);
        } else if (t->text_len) {
            emit_str(c, t->text, t->text_len);
            parts++;
        }
    }
    if (parts == 0)
        emit_str(c, "", 0);
    else if (parts > 1)
        emit(c, OP_BUILD_STRING, parts);
    c->pos = end; /* one part is already a str */
}

/* Arguments of a call; the cursor is after '('. */
static void call_args(Compiler *c, uint32_t close, bool method, int line)
{
    uint32_t npos = 0, nkw = 0;
    uint32_t names[P4B_MAX_TUPLE];
    if (c->pos < close) {
        uint32_t end = comprehension_for(c, c->pos, close);
        if (end) { /* f(x for x in y): a list */
            uint32_t start = c->pos;
            c->pos = end;
            comprehension(c, start, end, close);
            npos = 1;
            goto done;
        }
    }
    while (c->pos < close) {
        Token *t = peek(c);
        if (is_op(t, "*") || is_op(t, "**"))
            syntax_error(c, t, "argument unpacking is not supported by P4JIT");
        if (t->kind == TK_NAME && is_op(tok_at(c, c->pos + 1), "=")) {
            uint32_t name = intern(c, t->text, t->text_len);
            for (uint32_t k = 0; k < nkw; k++)
                if (names[k] == name)
                    syntax_error(c, t, "keyword argument repeated: %s", t->text);
            if (nkw >= P4B_MAX_TUPLE)
                syntax_error(c, t, "too many keyword arguments");
            names[nkw++] = name;
            c->pos += 2;
            test(c);
        } else {
            if (nkw)
                syntax_error(c, t, "positional argument follows keyword argument");
            test(c);
            npos++;
        }
        if (c->pos == close)
            break;
        expect_op(c, ",");
    }
done:
    c->pos = close + 1;
    c->line = line;
    if (npos + nkw > 255)
        syntax_error(c, tok_at(c, close), "too many arguments");
    if (nkw == 0) {
        emit(c, method ? OP_CALL_METHOD : OP_CALL, npos);
        return;
    }
    P4bConst items[P4B_MAX_TUPLE];
    uint32_t idx[P4B_MAX_TUPLE];
    for (uint32_t k = 0; k < nkw; k++) {
        memset(&items[k], 0, sizeof items[k]);
        items[k].kind = K_STR;
        items[k].u.index = names[k];
        idx[k] = add_const(c, items[k]);
    }
    P4bConst tup;
    memset(&tup, 0, sizeof tup);
    tup.kind = K_TUPLE;
    tup.u.tuple.count = nkw;
    Func *f = c->fn;
    if (f->nconsts >= P4B_MAX_CONSTS)
        fail_at(c, "SyntaxError", c->line, 0, "too many constants");
    f->consts = grow(c, f->consts, f->nconsts, &f->capconsts, sizeof *f->consts);
    tup.u.tuple.items = malloc(nkw * sizeof(uint32_t));
    if (!tup.u.tuple.items)
        oom(c);
    memcpy(tup.u.tuple.items, idx, nkw * sizeof(uint32_t));
    f->consts[f->nconsts++] = tup;
    emit(c, OP_LOAD_CONST, f->nconsts - 1);
    emit(c, OP_CALL_KW, npos + nkw);
}

/* The contents of [...] after a value: an index, a tuple, or a slice. */
static void subscript(Compiler *c, uint32_t close)
{
    bool slice = false;
    for (uint32_t i = c->pos; i < close; i = skip_group(c, i))
        if (is_op(tok_at(c, i), ":"))
            slice = true;
    if (!slice) {
        testlist(c);
        if (c->pos != close)
            syntax_error(c, peek(c), "invalid syntax");
        return;
    }
    /* [lower] ':' [upper] [':' [step]], None for what is missing */
    if (at_op(c, ":"))
        emit_none(c);
    else
        test(c);
    expect_op(c, ":");
    if (at_op(c, ":") || c->pos == close)
        emit_none(c);
    else
        test(c);
    uint32_t parts = 2;
    if (at_op(c, ":")) {
        next(c);
        if (c->pos == close)
            emit_none(c);
        else
            test(c);
        parts = 3;
    }
    if (c->pos != close)
        syntax_error(c, peek(c), "invalid syntax");
    emit(c, OP_BUILD_SLICE, parts);
}

/* atom trailers*, stopping before token `stop` (to leave the last trailer of
 * an assignment target to the caller). */
static void primary_until(Compiler *c, uint32_t stop)
{
    int line = peek(c)->line;
    atom(c);
    while (c->pos < stop) {
        Token *t = peek(c);
        if (is_op(t, "(")) {
            next(c);
            call_args(c, (uint32_t)t->match, false, line);
        } else if (is_op(t, "[")) {
            next(c);
            subscript(c, (uint32_t)t->match);
            c->pos = (uint32_t)t->match + 1;
            c->line = line;
            emit(c, OP_BINARY_SUBSCR, 0);
        } else if (is_op(t, ".")) {
            next(c);
            Token *name = next(c);
            if (name->kind != TK_NAME)
                syntax_error(c, name, "invalid syntax");
            uint32_t idx = intern(c, name->text, name->text_len);
            Token *after = peek(c);
            c->line = line;
            if (is_op(after, "(") && c->pos < stop) {
                /* obj.m(...): LOAD_METHOD avoids a bound-method object, unless
                 * there are keyword arguments (CALL_KW takes a plain callable) */
                bool kw = false;
                for (uint32_t i = c->pos + 1; i < (uint32_t)after->match; i = skip_group(c, i))
                    if (tok_at(c, i)->kind == TK_NAME && is_op(tok_at(c, i + 1), "="))
                        kw = true;
                emit(c, kw ? OP_LOAD_ATTR : OP_LOAD_METHOD, idx);
                next(c);
                call_args(c, (uint32_t)after->match, !kw, line);
            } else {
                emit(c, OP_LOAD_ATTR, idx);
            }
        } else {
            break;
        }
    }
}

static void power(Compiler *c)
{
    int line = peek(c)->line;
    primary_until(c, NONE_PC);
    if (at_op(c, "**")) {
        next(c);
        factor(c);
        c->line = line;
        emit(c, OP_BINARY_POW, 0);
    }
}

static void factor(Compiler *c)
{
    Token *t = peek(c);
    if (is_op(t, "-") || is_op(t, "+") || is_op(t, "~")) {
        enter(c);
        next(c);
        Token *n = peek(c);
        Token *after = tok_at(c, c->pos + 1);
        bool literal_alone = !is_op(after, "**") && !is_op(after, "[") && !is_op(after, "(") && !is_op(after, ".");
        if (is_op(t, "-") && n->kind == TK_INT && literal_alone) {
            /* fold -N so that -2147483648 is a valid literal */
            next(c);
            if (n->ival > 2147483648LL)
                syntax_error(c, n, "integer literal too large for a 32-bit int");
            c->line = n->line;
            emit_int(c, (int32_t)(-n->ival));
        } else if (is_op(t, "-") && n->kind == TK_FLOAT && literal_alone) {
            next(c);
            P4bConst k;
            memset(&k, 0, sizeof k);
            k.kind = K_FLOAT;
            k.u.f = -n->fval;
            c->line = n->line;
            emit(c, OP_LOAD_CONST, add_const(c, k));
        } else {
            factor(c);
            c->line = t->line;
            emit(c, is_op(t, "-") ? OP_UNARY_NEG : is_op(t, "+") ? OP_UNARY_POS : OP_UNARY_INVERT, 0);
        }
        leave(c);
        return;
    }
    power(c);
}

typedef struct BinOp {
    const char *op;
    unsigned opcode;
} BinOp;

/* One level of left-associative binary operators. */
static void binary_level(Compiler *c, int level);

static const BinOp levels[][5] = {
    {{"|", OP_BINARY_OR}},
    {{"^", OP_BINARY_XOR}},
    {{"&", OP_BINARY_AND}},
    {{"<<", OP_BINARY_LSHIFT}, {">>", OP_BINARY_RSHIFT}},
    {{"+", OP_BINARY_ADD}, {"-", OP_BINARY_SUB}},
    {{"*", OP_BINARY_MUL}, {"/", OP_BINARY_TRUEDIV}, {"//", OP_BINARY_FLOORDIV}, {"%", OP_BINARY_MOD},
     {"@", 0}},
};
#define NLEVELS (int)(sizeof levels / sizeof levels[0])

static void binary_level(Compiler *c, int level)
{
    if (level == NLEVELS) {
        factor(c);
        return;
    }
    int line = peek(c)->line;
    binary_level(c, level + 1);
    for (;;) {
        Token *t = peek(c);
        const BinOp *found = NULL;
        for (int k = 0; k < 5 && levels[level][k].op; k++)
            if (is_op(t, levels[level][k].op))
                found = &levels[level][k];
        if (!found)
            break;
        if (found->opcode == 0)
            syntax_error(c, t, "the '@' operator is not supported by P4JIT");
        next(c);
        binary_level(c, level + 1);
        c->line = line;
        emit(c, found->opcode, 0);
    }
}

static void expr(Compiler *c) { binary_level(c, 0); }

/* Comparison operator at the cursor: its opcode and argument, or false. */
static bool comp_op(Compiler *c, unsigned *op, uint32_t *arg)
{
    Token *t = peek(c);
    *arg = 0;
    static const struct {
        const char *text;
        unsigned op;
    } ops[] = {{"<", OP_COMPARE_LT}, {"<=", OP_COMPARE_LE}, {"==", OP_COMPARE_EQ},
               {"!=", OP_COMPARE_NE}, {">", OP_COMPARE_GT}, {">=", OP_COMPARE_GE}};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (is_op(t, ops[i].text)) {
            next(c);
            *op = ops[i].op;
            return true;
        }
    }
    if (is_kw(t, KW_in)) {
        next(c);
        *op = OP_CONTAINS_OP;
        return true;
    }
    if (is_kw(t, KW_not) && is_kw(tok_at(c, c->pos + 1), KW_in)) {
        c->pos += 2;
        *op = OP_CONTAINS_OP;
        *arg = 1;
        return true;
    }
    if (is_kw(t, KW_is)) {
        next(c);
        *op = OP_IS_OP;
        if (at_kw(c, KW_not)) {
            next(c);
            *arg = 1;
        }
        return true;
    }
    return false;
}

/* a < b < c: each middle operand is evaluated once (CPython's pattern). */
static void comparison(Compiler *c)
{
    int line = peek(c)->line;
    expr(c);
    unsigned op;
    uint32_t arg;
    if (!comp_op(c, &op, &arg))
        return;
    uint32_t cleanups = 0; /* chain of JUMP_IF_FALSE_OR_POPs */
    int32_t depth = c->fn->depth; /* with the left operand pushed */
    for (;;) {
        expr(c);
        unsigned nop;
        uint32_t narg;
        uint32_t save = c->pos;
        bool more = comp_op(c, &nop, &narg);
        c->pos = save;
        c->line = line;
        if (!more) {
            emit(c, op, arg);
            break;
        }
        emit(c, OP_DUP_TOP, 0);
        emit(c, OP_ROT_THREE, 0);
        emit(c, op, arg);
        cleanups = chain_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanups);
        comp_op(c, &op, &arg);
    }
    if (cleanups) {
        uint32_t jump = emit(c, OP_JUMP, 0);
        patch_chain(c, cleanups, here(c));
        c->fn->depth = depth + 1; /* middle operand and the false result */
        emit(c, OP_ROT_TWO, 0);
        emit(c, OP_POP_TOP, 0);
        patch(c, jump, here(c));
        c->fn->depth = depth;
    }
}

static void not_test(Compiler *c)
{
    if (at_kw(c, KW_not)) {
        Token *t = next(c);
        enter(c);
        not_test(c);
        leave(c);
        c->line = t->line;
        emit(c, OP_UNARY_NOT, 0);
        return;
    }
    comparison(c);
}

static void and_test(Compiler *c)
{
    not_test(c);
    uint32_t chain = 0;
    while (at_kw(c, KW_and)) {
        next(c);
        chain = chain_jump(c, OP_JUMP_IF_FALSE_OR_POP, chain);
        not_test(c);
    }
    patch_chain(c, chain, here(c));
}

static void or_test(Compiler *c)
{
    and_test(c);
    uint32_t chain = 0;
    while (at_kw(c, KW_or)) {
        next(c);
        chain = chain_jump(c, OP_JUMP_IF_TRUE_OR_POP, chain);
        and_test(c);
    }
    patch_chain(c, chain, here(c));
}

/* test: or_test ['if' or_test 'else' test] */
static void test(Compiler *c)
{
    enter(c);
    uint32_t start = c->pos, end = test_end(c, start);
    if (!is_kw(tok_at(c, end), KW_if) || end == start) {
        or_test(c);
        leave(c);
        return;
    }
    /* a if cond else b: cond first */
    c->pos = end + 1;
    or_test(c);
    uint32_t to_else = emit(c, OP_POP_JUMP_IF_FALSE, 0);
    if (!at_kw(c, KW_else))
        syntax_error(c, peek(c), "expected 'else' after 'if' expression");
    uint32_t else_tok = c->pos;
    int32_t depth = c->fn->depth;
    c->pos = start;
    or_test(c);
    if (c->pos != end)
        syntax_error(c, peek(c), "invalid syntax");
    uint32_t to_end = emit(c, OP_JUMP, 0);
    patch(c, to_else, here(c));
    c->fn->depth = depth;
    c->pos = else_tok + 1;
    test(c);
    patch(c, to_end, here(c));
    leave(c);
}

/* test (',' test)* [','] -> a tuple when there is a comma */
static void testlist(Compiler *c)
{
    test(c);
    if (!at_op(c, ","))
        return;
    uint32_t n = 1;
    while (at_op(c, ",")) {
        next(c);
        if (ends_expression(peek(c)) && !is_kw(peek(c), KW_if))
            break;
        test(c);
        n++;
    }
    emit(c, OP_BUILD_TUPLE, n);
}

/* ---- assignment targets ------------------------------------------------------------- */

static bool has_top_level_comma(Compiler *c, uint32_t start, uint32_t end)
{
    for (uint32_t i = start; i < end; i = skip_group(c, i))
        if (is_op(tok_at(c, i), ","))
            return true;
    return false;
}

static void unpack_targets(Compiler *c, uint32_t start, uint32_t end, bool assign)
{
    uint32_t n = 0, items[256][2];
    uint32_t i = start;
    while (i < end) {
        uint32_t s = i;
        while (i < end && !is_op(tok_at(c, i), ","))
            i = skip_group(c, i);
        if (n == 256)
            syntax_error(c, tok_at(c, s), "too many targets");
        if (i == s)
            syntax_error(c, tok_at(c, s), "invalid syntax");
        if (is_op(tok_at(c, s), "*"))
            syntax_error(c, tok_at(c, s), "starred assignment is not supported by P4JIT");
        items[n][0] = s;
        items[n][1] = i;
        n++;
        if (i < end)
            i++; /* the comma */
    }
    if (n > 0 && is_op(tok_at(c, start), "*"))
        syntax_error(c, tok_at(c, start), "starred assignment is not supported by P4JIT");
    /* n == 0: `[] = x` and `() = x` are valid: x must be empty */
    c->line = tok_at(c, start)->line;
    emit(c, OP_UNPACK_SEQUENCE, n);
    for (uint32_t k = 0; k < n; k++)
        compile_target(c, items[k][0], items[k][1], assign);
}

static const char *target_kind(Compiler *c, uint32_t start, uint32_t end)
{
    Token *t = tok_at(c, start);
    if (t->kind == TK_INT || t->kind == TK_FLOAT || t->kind == TK_STRING)
        return "literal";
    if (is_kw(t, KW_True) || is_kw(t, KW_False) || is_kw(t, KW_None))
        return NULL;
    if (end > start + 1 && (t->kind == TK_NAME || is_op(t, "(")) && is_op(tok_at(c, end - 1), ")"))
        return "function call";
    return "expression";
}

/* Stores TOS into the target written in tokens [start, end). */
static void compile_target(Compiler *c, uint32_t start, uint32_t end, bool assign)
{
    Token *t = tok_at(c, start);
    if (start >= end)
        syntax_error(c, t, "invalid syntax");
    if (has_top_level_comma(c, start, end)) {
        unpack_targets(c, start, end, assign);
        return;
    }
    if ((is_op(t, "(") || is_op(t, "[")) && t->match == (int32_t)end - 1) {
        if (is_op(t, "[") || end == start + 2 || has_top_level_comma(c, start + 1, end - 1)) {
            unpack_targets(c, start + 1, end - 1, assign);
            return;
        }
        compile_target(c, start + 1, end - 1, assign);
        return;
    }
    if (t->kind == TK_NAME && end == start + 1) {
        c->line = t->line;
        store_name(c, intern(c, t->text, t->text_len));
        return;
    }
    if (t->kind == TK_KEYWORD && (t->kw == KW_True || t->kw == KW_False || t->kw == KW_None))
        syntax_error(c, t, "cannot assign to %s", t->text);
    /* the last trailer decides: x[...] stores, x.y and x() cannot be assigned */
    Token *last = tok_at(c, end - 1);
    if (is_op(last, "]") && last->match > (int32_t)start) {
        uint32_t open = (uint32_t)last->match;
        uint32_t save = c->pos;
        c->pos = start;
        primary_until(c, open);
        if (c->pos != open)
            syntax_error(c, tok_at(c, c->pos), "invalid syntax");
        next(c);
        subscript(c, end - 1);
        c->pos = save;
        c->line = t->line;
        emit(c, OP_STORE_SUBSCR, 0);
        return;
    }
    if (end >= start + 3 && is_op(tok_at(c, end - 2), ".") && last->kind == TK_NAME)
        syntax_error(c, t, "assigning to attributes is not supported by P4JIT");
    const char *kind = target_kind(c, start, end);
    if (!kind)
        syntax_error(c, t, "cannot assign to %s", t->text);
    if (assign)
        syntax_error(c, t, "cannot assign to %s here. Maybe you meant '==' instead of '='?", kind);
    syntax_error(c, t, "cannot assign to %s", kind);
}

/* ---- blocks: loops and try ------------------------------------------------------------ */

static Block *push_block(Compiler *c, uint8_t kind)
{
    Func *f = c->fn;
    if (f->nblocks >= MAX_BLOCKS)
        syntax_error(c, peek(c), "too many statically nested blocks");
    Block *b = &f->blocks[f->nblocks++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->open_start = NONE_PC;
    return b;
}

static void pause_range(Compiler *c, Block *b)
{
    if (b->open_start != NONE_PC && b->open_start < here(c)) {
        Range r = {b->open_start, here(c)};
        PUSH(c, b->ranges, b->nranges, b->capranges, r);
    }
    b->open_start = NONE_PC;
}

static void resume_range(Compiler *c, Block *b) { b->open_start = here(c); }

/* Closes a try block: its ranges become exception-table entries. */
static void close_try(Compiler *c, Block *b, uint32_t handler)
{
    pause_range(c, b);
    Func *f = c->fn;
    for (uint32_t i = 0; i < b->nranges; i++) {
        ExcEntry e = {b->ranges[i].start, b->ranges[i].end, handler, b->depth};
        PUSH(c, f->exc, f->nexc, f->capexc, e);
    }
}

static void free_block(Block *b)
{
    free(b->breaks);
    free(b->ranges);
}

static void block(Compiler *c, const char *what, int header_line);
static void statement(Compiler *c);
static void finally_body(Compiler *c, Block *b);

/* Before leaving blocks [down_to, nblocks) by return/break/continue: run
 * the finally bodies (innermost first) outside their protected ranges. */
static void exit_blocks(Compiler *c, uint32_t down_to, uint32_t *paused, uint32_t *npaused)
{
    Func *f = c->fn;
    *npaused = 0;
    for (uint32_t i = f->nblocks; i-- > down_to;) {
        Block *b = &f->blocks[i];
        if (b->hidden || (b->kind != BL_TRY && b->kind != BL_FINALLY))
            continue;
        if (b->open_start != NONE_PC) {
            pause_range(c, b);
            paused[(*npaused)++] = i;
        }
        if (b->kind == BL_FINALLY)
            finally_body(c, b);
    }
}

static void resume_blocks(Compiler *c, uint32_t *paused, uint32_t npaused)
{
    for (uint32_t i = 0; i < npaused; i++)
        resume_range(c, &c->fn->blocks[paused[i]]);
}

/* Hides blocks [first, nblocks) from exits (saving their flags in was). */
static void hide_blocks(Func *f, uint32_t first, bool *was)
{
    for (uint32_t i = first; i < f->nblocks; i++) {
        was[i] = f->blocks[i].hidden;
        f->blocks[i].hidden = true;
    }
}

static void unhide_blocks(Func *f, uint32_t first, uint32_t last, const bool *was)
{
    for (uint32_t i = first; i < last; i++)
        f->blocks[i].hidden = was[i];
}

/* Compiles the finally block of b again, at the current position. A break
 * in it leaves a loop outside b, so b and the blocks inside it are hidden. */
static void finally_body(Compiler *c, Block *b)
{
    uint32_t save = c->pos;
    int32_t depth = c->fn->depth;
    Func *f = c->fn;
    uint32_t first = (uint32_t)(b - f->blocks), last = f->nblocks;
    bool was[MAX_BLOCKS];
    c->pos = b->finally_tok;
    hide_blocks(f, first, was);
    block(c, "'finally' statement", tok_at(c, b->finally_tok)->line);
    unhide_blocks(f, first, last, was);
    c->fn->depth = depth;
    c->pos = save;
}

/* ---- statements -------------------------------------------------------------------- */

/* Skips a block starting at its ':' and returns the index after it. */
static uint32_t skip_block(Compiler *c, uint32_t i)
{
    i++; /* ':' */
    if (tok_at(c, i)->kind != TK_NEWLINE) {
        while (tok_at(c, i)->kind != TK_NEWLINE && tok_at(c, i)->kind != TK_EOF)
            i = skip_group(c, i);
        return i + 1;
    }
    i++;
    if (tok_at(c, i)->kind != TK_INDENT)
        return i;
    int depth = 0;
    for (;; i++) {
        Token *t = tok_at(c, i);
        if (t->kind == TK_INDENT)
            depth++;
        else if (t->kind == TK_DEDENT && --depth == 0)
            return i + 1;
        else if (t->kind == TK_EOF)
            return i;
    }
}

/* ':' then either statements on the same line or an indented block. */
static void block(Compiler *c, const char *what, int header_line)
{
    expect_op(c, ":");
    if (peek(c)->kind != TK_NEWLINE) {
        statement(c);
        return;
    }
    next(c);
    if (peek(c)->kind != TK_INDENT) {
        Token *t = peek(c);
        fail_at(c, "IndentationError", t->line, t->col, "expected an indented block after %s on line %d", what,
                header_line);
    }
    next(c);
    while (peek(c)->kind != TK_DEDENT && peek(c)->kind != TK_EOF)
        statement(c);
    next(c);
}

static Block *innermost_loop(Compiler *c, uint32_t *index)
{
    Func *f = c->fn;
    for (uint32_t i = f->nblocks; i-- > 0;) {
        if (!f->blocks[i].hidden && (f->blocks[i].kind == BL_LOOP || f->blocks[i].kind == BL_FOR)) {
            *index = i;
            return &f->blocks[i];
        }
    }
    return NULL;
}

static void break_stmt(Compiler *c, Token *t, bool is_break)
{
    uint32_t li;
    Block *loop = innermost_loop(c, &li);
    if (!loop)
        syntax_error(c, t, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    uint32_t paused[MAX_BLOCKS], npaused;
    exit_blocks(c, li + 1, paused, &npaused);
    c->line = t->line;
    if (is_break) {
        if (loop->kind == BL_FOR)
            emit(c, OP_POP_TOP, 0);
        uint32_t j = emit(c, OP_JUMP, 0);
        loop = &c->fn->blocks[li];
        PUSH(c, loop->breaks, loop->nbreaks, loop->capbreaks, j);
    } else {
        emit(c, OP_JUMP, c->fn->blocks[li].continue_pc);
    }
    resume_blocks(c, paused, npaused);
}

static void return_stmt(Compiler *c, Token *t)
{
    if (c->fn->is_module)
        syntax_error(c, t, "'return' outside function");
    if (ends_expression(peek(c)) && !at_kw(c, KW_if))
        emit_none(c);
    else
        testlist(c);
    uint32_t paused[MAX_BLOCKS], npaused;
    exit_blocks(c, 0, paused, &npaused);
    c->line = t->line;
    emit(c, OP_RETURN_VALUE, 0);
    resume_blocks(c, paused, npaused);
}

static void raise_stmt(Compiler *c, Token *t)
{
    Func *f = c->fn;
    if (ends_expression(peek(c))) {
        c->line = t->line;
        if (f->nhandler == 0) {
            load_name(c, intern_cstr(c, "RuntimeError"), t);
            emit_str(c, "No active exception to reraise", 30);
            emit(c, OP_CALL, 1);
            emit(c, OP_RAISE, 0);
        } else {
            emit(c, OP_LOAD_FAST, f->handler_exc[f->nhandler - 1]);
            emit(c, OP_RERAISE, 0);
        }
        return;
    }
    test(c);
    if (at_kw(c, KW_from))
        syntax_error(c, peek(c), "'raise ... from' is not supported by P4JIT");
    c->line = t->line;
    emit(c, OP_RAISE, 0);
}

static void global_stmt(Compiler *c)
{
    Func *f = c->fn;
    do {
        Token *t = next(c);
        if (t->kind != TK_NAME)
            syntax_error(c, t, "invalid syntax");
        uint32_t name = intern(c, t->text, t->text_len);
        if (!f->is_module) {
            if (find_local(f, name) >= 0)
                syntax_error(c, t, "name '%s' is assigned to before global declaration", t->text);
            for (uint32_t i = 0; i < f->nuses; i++)
                if (f->uses[i].name == name)
                    syntax_error(c, t, "name '%s' is used prior to global declaration", t->text);
            for (uint32_t i = 0; i < f->nparams; i++)
                if (f->locals[i] == name)
                    syntax_error(c, t, "name '%s' is parameter and global", t->text);
            PUSH(c, f->globals, f->nglobals, f->capglobals, name);
        }
    } while (at_op(c, ",") && next(c));
}

/* Dotted module name at the cursor, as one string. */
static uint32_t dotted_name(Compiler *c, Token **last)
{
    char buf[256];
    size_t n = 0;
    for (;;) {
        Token *t = next(c);
        if (t->kind != TK_NAME)
            syntax_error(c, t, "invalid syntax");
        *last = t;
        if (n + t->text_len + 2 >= sizeof buf)
            syntax_error(c, t, "module name too long");
        memcpy(buf + n, t->text, t->text_len);
        n += t->text_len;
        if (!at_op(c, "."))
            break;
        next(c);
        buf[n++] = '.';
    }
    return intern(c, buf, (uint32_t)n);
}

static void import_stmt(Compiler *c, Token *t)
{
    do {
        Token *first = peek(c), *last;
        uint32_t module = dotted_name(c, &last);
        uint32_t bind = intern(c, first->text, first->text_len);
        if (at_kw(c, KW_as)) {
            next(c);
            Token *alias = next(c);
            if (alias->kind != TK_NAME)
                syntax_error(c, alias, "invalid syntax");
            bind = intern(c, alias->text, alias->text_len);
        }
        c->line = t->line;
        emit(c, OP_IMPORT_NAME, module);
        store_name(c, bind);
    } while (at_op(c, ",") && next(c));
}

static void from_stmt(Compiler *c, Token *t)
{
    if (at_op(c, ".") || at_op(c, "..."))
        syntax_error(c, peek(c), "relative imports are not supported by P4JIT");
    Token *last;
    uint32_t module = dotted_name(c, &last);
    if (!at_kw(c, KW_import))
        syntax_error(c, peek(c), "invalid syntax");
    next(c);
    if (at_op(c, "*"))
        syntax_error(c, peek(c), "'import *' is not supported by P4JIT");
    bool paren = at_op(c, "(");
    if (paren)
        next(c);
    c->line = t->line;
    emit(c, OP_IMPORT_NAME, module);
    do {
        if (paren && at_op(c, ")"))
            break;
        Token *name = next(c);
        if (name->kind != TK_NAME)
            syntax_error(c, name, "invalid syntax");
        uint32_t attr = intern(c, name->text, name->text_len), bind = attr;
        if (at_kw(c, KW_as)) {
            next(c);
            Token *alias = next(c);
            if (alias->kind != TK_NAME)
                syntax_error(c, alias, "invalid syntax");
            bind = intern(c, alias->text, alias->text_len);
        }
        emit(c, OP_DUP_TOP, 0);
        emit(c, OP_LOAD_ATTR, attr);
        store_name(c, bind);
    } while (at_op(c, ",") && next(c));
    if (paren)
        expect_op(c, ")");
    emit(c, OP_POP_TOP, 0);
}

static void del_stmt(Compiler *c)
{
    do {
        uint32_t start = c->pos, end = test_end(c, start);
        Token *t = tok_at(c, start), *last = tok_at(c, end - 1);
        if (!is_op(last, "]") || last->match <= (int32_t)start) {
            if (t->kind == TK_NAME && end == start + 1)
                syntax_error(c, t, "deleting names is not supported by P4JIT");
            syntax_error(c, t, "cannot delete %s", target_kind(c, start, end) ? target_kind(c, start, end) : "literal");
        }
        uint32_t open = (uint32_t)last->match;
        primary_until(c, open);
        next(c);
        subscript(c, end - 1);
        c->pos = end;
        c->line = t->line;
        emit(c, OP_DELETE_SUBSCR, 0);
    } while (at_op(c, ",") && next(c));
}

static void assert_stmt(Compiler *c, Token *t)
{
    test(c);
    uint32_t ok = emit(c, OP_POP_JUMP_IF_TRUE, 0);
    uint32_t nmsg = 0;
    if (at_op(c, ",")) {
        next(c);
        test(c);
        nmsg = 1;
    }
    c->line = t->line;
    emit(c, OP_ASSERT_FAIL, nmsg);
    patch(c, ok, here(c));
}

static const char *augmented_ops[][2] = {
    {"+=", "+"}, {"-=", "-"}, {"*=", "*"}, {"/=", "/"}, {"//=", "//"}, {"%=", "%"}, {"**=", "**"},
    {"<<=", "<<"}, {">>=", ">>"}, {"&=", "&"}, {"|=", "|"}, {"^=", "^"},
};

static unsigned augmented_opcode(const char *op)
{
    static const unsigned codes[] = {OP_INPLACE_ADD, OP_BINARY_SUB, OP_INPLACE_MUL, OP_BINARY_TRUEDIV,
                                     OP_BINARY_FLOORDIV, OP_BINARY_MOD, OP_BINARY_POW, OP_BINARY_LSHIFT,
                                     OP_BINARY_RSHIFT, OP_BINARY_AND, OP_BINARY_OR, OP_BINARY_XOR};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (strcmp(op, augmented_ops[i][0]) == 0)
            return codes[i];
    return 0;
}

/* target op= value */
static void augmented_assignment(Compiler *c, uint32_t start, uint32_t opi, uint32_t end)
{
    Token *t = tok_at(c, start), *opt = tok_at(c, opi), *last = tok_at(c, opi - 1);
    unsigned opcode = augmented_opcode(opt->op);
    if (t->kind == TK_NAME && opi == start + 1) {
        uint32_t name = intern(c, t->text, t->text_len);
        c->pos = start;
        atom(c);
        c->pos = opi + 1;
        testlist(c);
        c->line = t->line;
        emit(c, opcode, 0);
        store_name(c, name);
    } else if (is_op(last, "]") && last->match > (int32_t)start) {
        uint32_t open = (uint32_t)last->match;
        c->pos = start;
        primary_until(c, open);
        next(c);
        subscript(c, opi - 1);
        c->line = t->line;
        emit(c, OP_DUP_TOP_TWO, 0);
        emit(c, OP_BINARY_SUBSCR, 0);
        c->pos = opi + 1;
        testlist(c);
        c->line = t->line;
        emit(c, opcode, 0);
        emit(c, OP_ROT_THREE, 0);
        emit(c, OP_STORE_SUBSCR, 0);
    } else if (has_top_level_comma(c, start, opi)) {
        syntax_error(c, t, "'tuple' is an illegal expression for augmented assignment");
    } else {
        const char *kind = target_kind(c, start, opi);
        syntax_error(c, t, "'%s' is an illegal expression for augmented assignment", kind ? kind : "literal");
    }
    if (c->pos != end)
        syntax_error(c, peek(c), "invalid syntax");
}

/* An expression statement or an assignment, ending at a NEWLINE or ';'. */
static void expression_statement(Compiler *c)
{
    uint32_t start = c->pos, end = start;
    /* the '=' positions: any number (CPython has no limit), 64 before the
     * first reallocation */
    uint32_t eqs_first[64], *eqs = eqs_first, cap = 64, neq = 0, aug = 0;
    for (;;) {
        Token *t = tok_at(c, end);
        if (t->kind == TK_NEWLINE || t->kind == TK_EOF || is_op(t, ";"))
            break;
        if (t->kind == TK_INDENT || t->kind == TK_DEDENT)
            syntax_error(c, t, "invalid syntax");
        /* before the ':' scan below mistakes `lambda x: x` for an annotation */
        if (is_kw(t, KW_lambda))
            syntax_error(c, t, "'lambda' is not supported by P4JIT");
        if (is_op(t, "=")) {
            if (neq == cap) {
                uint32_t *more = temp_alloc(c, 2 * (size_t)cap * sizeof *more);
                memcpy(more, eqs, cap * sizeof *more);
                eqs = more; /* freed with the compiler's temporaries */
                cap *= 2;
            }
            eqs[neq++] = end;
        } else if (t->kind == TK_OP && augmented_opcode(t->op) && !aug) {
            aug = end;
        } else if (is_op(t, ":") && neq == 0 && !aug) {
            /* `match SUBJECT:` and an indented block: a match statement
             * (match is a soft keyword), not an annotation */
            Token *first = tok_at(c, start);
            if (first->kind == TK_NAME && strcmp(first->text, "match") == 0 && end > start + 1 &&
                tok_at(c, end + 1)->kind == TK_NEWLINE && tok_at(c, end + 2)->kind == TK_INDENT)
                syntax_error(c, first, "'match' is not supported by P4JIT");
            syntax_error(c, t, "variable annotations are not supported by P4JIT");
        } else if (is_op(t, ":=")) {
            syntax_error(c, t, "assignment expressions are not supported by P4JIT");
        }
        end = skip_group(c, end);
    }
    if (aug) {
        if (neq)
            syntax_error(c, tok_at(c, eqs[0]), "invalid syntax");
        augmented_assignment(c, start, aug, end);
        return;
    }
    if (neq == 0) {
        testlist(c);
        if (c->pos != end)
            syntax_error(c, peek(c), "invalid syntax");
        emit(c, OP_POP_TOP, 0);
        return;
    }
    /* value first, then targets left to right */
    c->pos = eqs[neq - 1] + 1;
    if (c->pos == end)
        syntax_error(c, tok_at(c, end), "invalid syntax");
    testlist(c);
    if (c->pos != end)
        syntax_error(c, peek(c), "invalid syntax");
    uint32_t tstart = start;
    for (uint32_t i = 0; i < neq; i++) {
        if (i + 1 < neq)
            emit(c, OP_DUP_TOP, 0);
        compile_target(c, tstart, eqs[i], true);
        tstart = eqs[i] + 1;
    }
    c->pos = end;
}

static void simple_statement(Compiler *c)
{
    Token *t = peek(c);
    c->line = t->line;
    if (t->kind == TK_KEYWORD) {
        switch (t->kw) {
        case KW_pass:     next(c); return;
        case KW_break:    next(c); break_stmt(c, t, true); return;
        case KW_continue: next(c); break_stmt(c, t, false); return;
        case KW_return:   next(c); return_stmt(c, t); return;
        case KW_raise:    next(c); raise_stmt(c, t); return;
        case KW_global:   next(c); global_stmt(c); return;
        case KW_import:   next(c); import_stmt(c, t); return;
        case KW_from:     next(c); from_stmt(c, t); return;
        case KW_del:      next(c); del_stmt(c); return;
        case KW_assert:   next(c); assert_stmt(c, t); return;
        case KW_nonlocal: syntax_error(c, t, "'nonlocal' is not supported by P4JIT");
        case KW_class:    syntax_error(c, t, "'class' is not supported by P4JIT");
        case KW_with:     syntax_error(c, t, "'with' is not supported by P4JIT");
        case KW_async:    syntax_error(c, t, "'async' is not supported by P4JIT");
        case KW_yield:    syntax_error(c, t, "'yield' is not supported by P4JIT");
        default:          break;
        }
    }
    expression_statement(c);
}

static void simple_line(Compiler *c)
{
    for (;;) {
        int32_t depth = c->fn->depth;
        simple_statement(c);
        c->fn->depth = depth;
        if (!at_op(c, ";"))
            break;
        next(c);
        if (peek(c)->kind == TK_NEWLINE)
            break;
    }
    Token *t = peek(c);
    if (t->kind != TK_NEWLINE && t->kind != TK_EOF)
        syntax_error(c, t, "invalid syntax");
    next(c);
}

static void if_stmt(Compiler *c, Token *t)
{
    uint32_t ends = 0; /* chain of JUMPs to the end */
    const char *what = "'if' statement";
    int line = t->line;
    for (;;) {
        test(c);
        uint32_t skip = emit(c, OP_POP_JUMP_IF_FALSE, 0);
        block(c, what, line);
        Token *k = peek(c);
        if (is_kw(k, KW_elif) || is_kw(k, KW_else)) {
            c->line = k->line;
            ends = chain_jump(c, OP_JUMP, ends);
        }
        patch(c, skip, here(c));
        if (is_kw(k, KW_elif)) {
            next(c);
            what = "'elif' statement";
            line = k->line;
            c->line = k->line;
            continue;
        }
        if (is_kw(k, KW_else)) {
            next(c);
            block(c, "'else' statement", k->line);
        }
        break;
    }
    patch_chain(c, ends, here(c));
}

static void end_loop(Compiler *c, Block *b, uint32_t end_pc)
{
    for (uint32_t i = 0; i < b->nbreaks; i++)
        patch(c, b->breaks[i], end_pc);
    free_block(b);
    c->fn->nblocks--;
}

static void while_stmt(Compiler *c, Token *t)
{
    uint32_t head = here(c);
    Token *cond = peek(c);
    bool forever = is_kw(cond, KW_True) && is_op(tok_at(c, c->pos + 1), ":");
    uint32_t exit = NONE_PC;
    if (forever) {
        next(c);
    } else {
        test(c);
        exit = emit(c, OP_POP_JUMP_IF_FALSE, 0);
    }
    Block *b = push_block(c, BL_LOOP);
    b->continue_pc = head;
    block(c, "'while' statement", t->line);
    c->line = t->line;
    emit(c, OP_JUMP, head);
    b = &c->fn->blocks[c->fn->nblocks - 1];
    if (exit != NONE_PC)
        patch(c, exit, here(c));
    if (at_kw(c, KW_else)) {
        Token *k = next(c);
        b->hidden = true; /* break/continue in else belong to an outer loop */
        block(c, "'else' statement", k->line);
        b = &c->fn->blocks[c->fn->nblocks - 1];
        b->hidden = false;
    }
    end_loop(c, b, here(c));
}

static void for_stmt(Compiler *c, Token *t)
{
    uint32_t tstart = c->pos;
    while (!at_kw(c, KW_in)) {
        Token *k = peek(c);
        if (k->kind == TK_NEWLINE || k->kind == TK_EOF || is_op(k, ":"))
            syntax_error(c, k, "invalid syntax");
        c->pos = skip_group(c, c->pos);
    }
    uint32_t tend = c->pos;
    next(c);
    testlist(c);
    c->line = t->line;
    emit(c, OP_GET_ITER, 0);
    uint32_t head = emit(c, OP_FOR_ITER, 0);
    uint32_t body = c->pos;
    compile_target(c, tstart, tend, false);
    c->pos = body;
    Block *b = push_block(c, BL_FOR);
    b->continue_pc = head;
    block(c, "'for' statement", t->line);
    c->line = t->line;
    emit(c, OP_JUMP, head);
    patch(c, head, here(c));
    c->fn->depth--; /* FOR_ITER popped the iterator */
    b = &c->fn->blocks[c->fn->nblocks - 1];
    if (at_kw(c, KW_else)) {
        Token *k = next(c);
        b->hidden = true;
        block(c, "'else' statement", k->line);
        b = &c->fn->blocks[c->fn->nblocks - 1];
        b->hidden = false;
    }
    end_loop(c, b, here(c));
}

/* *after_chain: the jumps that leave the handlers, chained (chain_jump) */
static void except_clauses(Compiler *c, uint32_t *after_chain, uint32_t exc_local, int try_line)
{
    Func *f = c->fn;
    PUSH(c, f->handler_exc, f->nhandler, f->caphandler, exc_local);
    bool bare_seen = false;
    while (at_kw(c, KW_except)) {
        Token *k = next(c);
        c->line = k->line;
        if (bare_seen)
            syntax_error(c, k, "default 'except:' must be last");
        uint32_t skip = NONE_PC;
        int32_t depth = f->depth;
        if (!at_op(c, ":")) {
            emit(c, OP_LOAD_FAST, exc_local);
            test(c);
            c->line = k->line;
            emit(c, OP_CHECK_EXC_MATCH, 0);
            skip = emit(c, OP_POP_JUMP_IF_FALSE, 0);
            emit(c, OP_POP_TOP, 0);
            if (at_kw(c, KW_as)) {
                next(c);
                Token *name = next(c);
                if (name->kind != TK_NAME)
                    syntax_error(c, name, "invalid syntax");
                emit(c, OP_LOAD_FAST, exc_local);
                store_name(c, intern(c, name->text, name->text_len));
            }
        } else {
            bare_seen = true;
        }
        block(c, "'except' statement", k->line);
        *after_chain = chain_jump(c, OP_JUMP, *after_chain);
        if (skip != NONE_PC) {
            patch(c, skip, here(c));
            f->depth = depth + 1;
            emit(c, OP_POP_TOP, 0); /* the exception left by CHECK_EXC_MATCH */
        }
    }
    (void)try_line;
    f->nhandler--;
    /* no clause matched */
    emit(c, OP_LOAD_FAST, exc_local);
    emit(c, OP_RERAISE, 0);
}

static void try_stmt(Compiler *c, Token *t)
{
    Func *f = c->fn;
    if (!at_op(c, ":") || (tok_at(c, c->pos + 1)->kind == TK_NEWLINE && tok_at(c, c->pos + 2)->kind != TK_INDENT))
        block(c, "'try' statement", t->line); /* reports the malformed block */
    /* Find the clauses first: the finally body is needed at every exit. */
    uint32_t i = skip_block(c, c->pos);
    bool has_except = false;
    uint32_t finally_tok = NONE_PC;
    while (is_kw(tok_at(c, i), KW_except)) {
        has_except = true;
        i++;
        while (!is_op(tok_at(c, i), ":") && tok_at(c, i)->kind != TK_NEWLINE && tok_at(c, i)->kind != TK_EOF)
            i = skip_group(c, i);
        if (!is_op(tok_at(c, i), ":"))
            syntax_error(c, tok_at(c, i), "expected ':'");
        i = skip_block(c, i);
    }
    if (is_kw(tok_at(c, i), KW_else)) {
        if (!has_except)
            syntax_error(c, tok_at(c, i), "invalid syntax");
        i = skip_block(c, i + 1);
    }
    if (is_kw(tok_at(c, i), KW_finally))
        finally_tok = i + 1;
    if (!has_except && finally_tok == NONE_PC) {
        Token *k = tok_at(c, i);
        syntax_error(c, k, "expected 'except' or 'finally' block");
    }
    int32_t depth = f->depth;
    Block *fin = NULL;
    if (finally_tok != NONE_PC) {
        fin = push_block(c, BL_FINALLY);
        fin->finally_tok = finally_tok;
        fin->depth = (uint32_t)depth;
        resume_range(c, fin);
    }
    uint32_t fin_index = f->nblocks - 1;
    Block *tb = NULL;
    uint32_t try_index = 0;
    if (has_except) {
        tb = push_block(c, BL_TRY);
        tb->depth = (uint32_t)depth;
        resume_range(c, tb);
        try_index = f->nblocks - 1;
    }
    block(c, "'try' statement", t->line);
    uint32_t after_handlers = 0; /* a chain: any number of except clauses */
    if (has_except) {
        tb = &f->blocks[try_index];
        pause_range(c, tb);
        uint32_t to_else = emit(c, OP_JUMP, 0);
        uint32_t handler = here(c);
        close_try(c, tb, handler);
        free_block(tb);
        f->nblocks--;
        f->depth = depth + 1; /* the exception */
        uint32_t exc_local = hidden_local(c, "exc", HIDDEN_EXC);
        emit(c, OP_STORE_FAST, exc_local);
        except_clauses(c, &after_handlers, exc_local, t->line);
        release_hidden(c, HIDDEN_EXC, exc_local);
        f->depth = depth;
        patch(c, to_else, here(c));
        if (at_kw(c, KW_else)) {
            Token *k = next(c);
            block(c, "'else' statement", k->line);
        }
        patch_chain(c, after_handlers, here(c));
    }
    if (fin) {
        fin = &f->blocks[fin_index];
        pause_range(c, fin);
        /* normal exit: the finally body inline */
        finally_body(c, fin);
        uint32_t to_end = emit(c, OP_JUMP, 0);
        uint32_t handler = here(c);
        close_try(c, fin, handler);
        free_block(fin);
        f->nblocks--;
        /* exceptional exit: run the body, then re-raise */
        f->depth = depth + 1;
        uint32_t exc_local = hidden_local(c, "fin", HIDDEN_FIN);
        emit(c, OP_STORE_FAST, exc_local);
        Block tmp;
        memset(&tmp, 0, sizeof tmp);
        tmp.finally_tok = finally_tok;
        /* compile with the same nesting the try had */
        uint32_t save = c->pos;
        c->pos = finally_tok;
        block(c, "'finally' statement", tok_at(c, finally_tok)->line);
        c->pos = save;
        emit(c, OP_LOAD_FAST, exc_local);
        emit(c, OP_RERAISE, 0);
        release_hidden(c, HIDDEN_FIN, exc_local);
        f->depth = depth;
        patch(c, to_end, here(c));
        /* skip past the finally block in the token stream */
        if (!at_kw(c, KW_finally))
            syntax_error(c, peek(c), "invalid syntax");
        c->pos = skip_block(c, finally_tok);
    }
}

static void compile_function(Compiler *c, Token *def, Token *name);

static void def_stmt(Compiler *c, Token *t)
{
    Token *name = next(c);
    if (name->kind != TK_NAME)
        syntax_error(c, name, "invalid syntax");
    compile_function(c, t, name);
}

static void compound_or_simple(Compiler *c)
{
    Token *t = peek(c);
    c->line = t->line;
    if (t->kind == TK_INDENT)
        fail_at(c, "IndentationError", t->line, t->col, "unexpected indent");
    if (t->kind == TK_KEYWORD) {
        switch (t->kw) {
        case KW_if:    next(c); if_stmt(c, t); return;
        case KW_while: next(c); while_stmt(c, t); return;
        case KW_for:   next(c); for_stmt(c, t); return;
        case KW_try:   next(c); try_stmt(c, t); return;
        case KW_def:   next(c); def_stmt(c, t); return;
        case KW_else:
        case KW_elif:
        case KW_except:
        case KW_finally:
            syntax_error(c, t, "invalid syntax");
        default:
            break;
        }
    }
    if (is_op(t, "@"))
        syntax_error(c, t, "decorators are not supported by P4JIT");
    simple_line(c);
}

static void statement(Compiler *c)
{
    enter(c);
    int32_t depth = c->fn->depth;
    compound_or_simple(c);
    c->fn->depth = depth;
    leave(c);
}

/* ---- functions ----------------------------------------------------------------------- */

static Func *new_func(Compiler *c, uint32_t name, uint32_t firstline, bool is_module)
{
    Func *f = calloc(1, sizeof *f);
    if (!f)
        oom(c);
    f->next_alloc = c->all_funcs;
    c->all_funcs = f;
    f->parent = c->fn;
    f->name = name;
    f->firstline = firstline;
    f->is_module = is_module;
    f->lines.last_line = (int32_t)firstline;
    if (c->ncodes >= P4B_MAX_CODES)
        fail_at(c, "SyntaxError", (int)firstline, 0, "too many functions");
    P4bCode empty;
    memset(&empty, 0, sizeof empty);
    PUSH(c, c->codes, c->ncodes, c->capcodes, empty);
    f->index = c->ncodes - 1;
    return f;
}

static void finish_func(Compiler *c)
{
    Func *f = c->fn;
    emit_none(c);
    emit(c, OP_RETURN_VALUE, 0);
    /* name loads: local if the name is local anywhere in the body */
    for (uint32_t i = 0; i < f->nuses; i++) {
        NameUse *u = &f->uses[i];
        int slot = find_local(f, u->name);
        if (slot >= 0) {
            f->code[u->pc] = BC_MAKE(OP_LOAD_FAST, (uint32_t)slot);
        } else {
            f->code[u->pc] = BC_MAKE(OP_LOAD_GLOBAL, global_slot(c, u->name));
            if (f->parent && !f->parent->is_module)
                PUSH(c, f->parent->free, f->parent->nfree, f->parent->capfree, *u);
        }
    }
    /* names nested functions read as globals must not be our locals */
    for (uint32_t i = 0; i < f->nfree; i++) {
        if (find_local(f, f->free[i].name) >= 0)
            fail_at(c, "SyntaxError", f->free[i].line, f->free[i].col,
                    "closures are not supported by P4JIT ('%s' is a local of '%s')", str_of(c, f->free[i].name),
                    str_of(c, f->name));
        if (f->parent && !f->parent->is_module)
            PUSH(c, f->parent->free, f->parent->nfree, f->parent->capfree, f->free[i]);
    }
    uint32_t *scratch = temp_alloc(c, 2 * (size_t)f->ncode * sizeof(uint32_t));
    const char *err;
    uint32_t err_pc;
    long max = bc_verify_stack(f->code, f->ncode, f->exc, f->nexc, scratch, &err, &err_pc);
    temp_free(c, scratch);
    /* a huge display like [1, 1, ... x2000] pushes every item before the
     * BUILD: that is the program's limit, not a compiler bug */
    if (max < 0 && strcmp(err, "stack too deep") == 0)
        fail_at(c, "SyntaxError",
                (int)bc_line_for_pc(f->lines.buf, f->lines.len, (int32_t)f->firstline, err_pc), 0,
                "expression too complex (needs more than %d stack slots)", (int)P4B_MAX_STACK);
    if (max < 0)
        fail_at(c, "SyntaxError", (int)f->firstline, 0, "internal compiler error in '%s' at %lu: %s",
                str_of(c, f->name), (unsigned long)err_pc, err);
    P4bCode *code = &c->codes[f->index];
    code->name = f->name;
    code->firstline = f->firstline;
    code->nparams = (uint16_t)f->nparams;
    code->nlocals = (uint16_t)f->nlocals;
    code->maxstack = (uint16_t)max;
    code->localnames = f->locals;
    f->locals = NULL;
    code->ninsns = f->ncode;
    code->insns = f->code;
    f->code = NULL;
    code->nconsts = f->nconsts;
    code->consts = f->consts;
    f->consts = NULL;
    f->nconsts = 0;
    code->nexc = f->nexc;
    code->exc = f->exc;
    f->exc = NULL;
    code->linetab_len = (uint32_t)f->lines.len;
    code->linetab = f->lines.buf;
    f->lines.buf = NULL;
}

static void compile_function(Compiler *c, Token *def, Token *name)
{
    Token *open = next(c);
    if (!is_op(open, "("))
        syntax_error(c, open, "invalid syntax");
    uint32_t close = (uint32_t)open->match;
    /* parameters: defaults are evaluated now, in the enclosing scope */
    uint32_t params[P4B_MAX_LOCALS];
    uint32_t nparams = 0, ndefaults = 0;
    while (c->pos < close) {
        Token *p = next(c);
        if (is_op(p, "*") || is_op(p, "**") || is_op(p, "/"))
            syntax_error(c, p, "'%s' parameters are not supported by P4JIT", p->op);
        if (p->kind != TK_NAME)
            syntax_error(c, p, "invalid syntax");
        uint32_t pname = intern(c, p->text, p->text_len);
        for (uint32_t k = 0; k < nparams; k++)
            if (params[k] == pname)
                syntax_error(c, p, "duplicate argument '%s' in function definition", p->text);
        if (nparams >= P4B_MAX_LOCALS)
            syntax_error(c, p, "too many parameters");
        params[nparams++] = pname;
        if (at_op(c, ":")) { /* annotation: not evaluated */
            next(c);
            c->pos = test_end(c, c->pos);
        }
        if (at_op(c, "=")) {
            next(c);
            test(c);
            ndefaults++;
        } else if (ndefaults) {
            syntax_error(c, p, "non-default argument follows default argument");
        }
        if (c->pos == close)
            break;
        expect_op(c, ",");
    }
    c->pos = close + 1;
    if (at_op(c, "->")) {
        next(c);
        c->pos = test_end(c, c->pos);
    }
    uint32_t fname = intern(c, name->text, name->text_len);
    Func *outer = c->fn;
    int32_t outer_depth = outer->depth;
    Func *f = new_func(c, fname, (uint32_t)def->line, false);
    c->fn = f;
    for (uint32_t k = 0; k < nparams; k++)
        add_local(c, params[k]);
    f->nparams = nparams;
    int saved_line = c->line;
    block(c, "function definition", def->line);
    finish_func(c);
    c->fn = outer;
    outer->depth = outer_depth;
    c->line = def->line;
    (void)saved_line;
    emit_const(c, K_CODE, f->index);
    emit(c, OP_MAKE_FUNCTION, ndefaults);
    store_name(c, fname);
}

/* ---- entry points ------------------------------------------------------------------------ */

static void free_compiler(Compiler *c)
{
    lex_free(&c->toks);
    for (Func *f = c->all_funcs; f;) {
        Func *n = f->next_alloc;
        free(f->code);
        free(f->lines.buf);
        for (uint32_t i = 0; i < f->nconsts; i++)
            if (f->consts[i].kind == K_TUPLE)
                free(f->consts[i].u.tuple.items);
        free(f->consts);
        free(f->locals);
        free(f->globals);
        free(f->uses);
        free(f->free);
        free(f->exc);
        for (uint32_t i = 0; i < f->nblocks; i++)
            free_block(&f->blocks[i]);
        free(f->aliases);
        free(f->spare);
        free(f->handler_exc);
        free(f);
        f = n;
    }
    c->all_funcs = NULL;
    free(c->strhash);
    for (uint32_t i = 0; i < c->ntemps; i++)
        free(c->temps[i]);
    free(c->temps);
}

void p4_compiled_free(P4bModule *m)
{
    for (uint32_t i = 0; i < m->nstrings; i++)
        free((void *)m->strings[i].bytes);
    free(m->strings);
    free(m->globals);
    for (uint32_t i = 0; i < m->ncodes; i++) {
        P4bCode *code = &m->codes[i];
        free(code->localnames);
        free(code->insns);
        for (uint32_t k = 0; k < code->nconsts; k++)
            if (code->consts[k].kind == K_TUPLE)
                free(code->consts[k].u.tuple.items);
        free(code->consts);
        free(code->exc);
        free(code->linetab);
    }
    free(m->codes);
    memset(m, 0, sizeof *m);
}

static void module_from(Compiler *c, P4bModule *m)
{
    memset(m, 0, sizeof *m);
    m->nstrings = c->nstrings;
    m->strings = c->strings;
    m->filename = c->filename;
    m->nglobals = c->nglobals;
    m->globals = c->globals;
    m->ncodes = c->ncodes;
    m->codes = c->codes;
    c->strings = NULL;
    c->globals = NULL;
    c->codes = NULL;
}

/* A construct P4JIT does not support is named in the SyntaxError, never a
 * bare "invalid syntax": the parser stops at its first token. */
static void name_unsupported(Compiler *c)
{
    if (strcmp(c->err->kind, "SyntaxError") != 0 || strcmp(c->err->msg, "invalid syntax") != 0)
        return;
    for (uint32_t i = 0; i < c->toks.n; i++) {
        const Token *t = &c->toks.tok[i], *prev = i ? &c->toks.tok[i - 1] : NULL;
        if (t->kind != TK_OP || t->line != c->err->line || t->col != c->err->col)
            continue;
        const char *what = NULL;
        if (strcmp(t->op, ":=") == 0)
            what = "assignment expressions (':=') are";
        else if (strcmp(t->op, "...") == 0)
            what = "'...' (Ellipsis) is";
        else if (strcmp(t->op, "*") == 0 && prev && is_kw(prev, KW_except))
            what = "'except*' is";
        else if (strcmp(t->op, "*") == 0 && prev && (is_op(prev, "[") || is_op(prev, "(") || is_op(prev, "{") || is_op(prev, ",")))
            what = "star unpacking in displays ('[*a]') is";
        else if (strcmp(t->op, "**") == 0 && prev && (is_op(prev, "{") || is_op(prev, ",")))
            what = "dict unpacking ('{**d}') is";
        if (what)
            snprintf(c->err->msg, sizeof c->err->msg, "%s not supported by P4JIT", what);
        return;
    }
}

int p4_compile_module(const char *src, size_t len, const char *filename, P4bModule *out,
                      P4CompileError *err)
{
    Compiler *c = calloc(1, sizeof *c);
    memset(out, 0, sizeof *out);
    memset(err, 0, sizeof *err);
    if (!c) {
        err->kind = "MemoryError";
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return -1;
    }
    c->src = src;
    c->err = err;
    if (setjmp(c->fail)) {
        name_unsupported(c);
        free_compiler(c);
        P4bModule partial;
        module_from(c, &partial);
        p4_compiled_free(&partial);
        free(c);
        return -1;
    }
    if (lex(src, len, &c->toks, err) != 0)
        longjmp(c->fail, 1);
    c->filename = intern_cstr(c, filename);
    Func *m = new_func(c, intern_cstr(c, "<module>"), 1, true);
    c->fn = m;
    c->line = 1;
    /* __name__ is "__main__" for the program being run */
    bool uses_name = false;
    for (uint32_t i = 0; i < c->toks.n; i++)
        if (c->toks.tok[i].kind == TK_NAME && strcmp(c->toks.tok[i].text, "__name__") == 0)
            uses_name = true;
    if (uses_name) {
        emit_str(c, "__main__", 8);
        emit(c, OP_STORE_GLOBAL, global_slot(c, intern_cstr(c, "__name__")));
    }
    while (peek(c)->kind != TK_EOF) {
        if (peek(c)->kind == TK_DEDENT || peek(c)->kind == TK_NEWLINE) {
            next(c);
            continue;
        }
        statement(c);
    }
    finish_func(c);
    module_from(c, out);
    free_compiler(c);
    free(c);
    return 0;
}

int p4_compile_to_p4b(const char *src, size_t len, const char *filename, uint8_t **p4b, size_t *p4b_len,
                      P4CompileError *err)
{
    P4bModule m;
    if (p4_compile_module(src, len, filename, &m, err) != 0)
        return -1;
    int rc = p4b_write(&m, p4b, p4b_len);
    p4_compiled_free(&m);
    if (rc != 0) {
        err->kind = "MemoryError";
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return -1;
    }
    return 0;
}

void p4_print_compile_error(FILE *out, const char *filename, const char *src, size_t len,
                            const P4CompileError *err)
{
    if (err->line > 0) {
        if (err->col > 0)
            fprintf(out, "  File \"%s\", line %d, column %d\n", filename, err->line, err->col);
        else
            fprintf(out, "  File \"%s\", line %d\n", filename, err->line);
        /* the source line, without its indentation, and a caret under the column */
        const char *s = src, *end = src + len;
        for (int l = 1; l < err->line && s < end; s++)
            if (*s == '\n')
                l++;
        const char *e = s;
        while (e < end && *e != '\n' && *e != '\r')
            e++;
        const char *text = s;
        while (text < e && (*text == ' ' || *text == '\t' || *text == '\f'))
            text++;
        if (text < e) {
            fprintf(out, "    %.*s\n", (int)(e - text), text);
            int caret = err->col - 1 - (int)(text - s);
            if (err->col > 0 && caret >= 0 && caret <= (int)(e - text))
                fprintf(out, "    %*s^\n", caret, "");
        }
    }
    fprintf(out, "%s: %s\n", err->kind ? err->kind : "SyntaxError", err->msg);
}
