/*
 * compile_emit.c - the compiler's ground floor: errors (a longjmp back to
 * p4_compile_module), memory, the token scanning helpers, the module's
 * string and global tables, emitting instructions and constants, and how a
 * name becomes a local, global or hidden slot.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/compile_int.h"

/* ---- errors and memory ------------------------------------------------------------ */

_Noreturn void fail_at(Compiler *c, const char *kind, int line, int col, const char *fmt, ...)
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

_Noreturn void out_of_memory(Compiler *c) { fail_at(c, "MemoryError", c->line, 0, "out of memory"); }

/* Grows an array of `size`-byte items to hold n + 1. */
void *grow(Compiler *c, void *arr, uint32_t n, uint32_t *cap, size_t size)
{
    if (n < *cap)
        return arr;
    uint32_t ncap = *cap ? *cap * 2 : 8;
    void *na = realloc(arr, (size_t)ncap * size);
    if (!na)
        out_of_memory(c);
    *cap = ncap;
    return na;
}

void *temp_alloc(Compiler *c, size_t n)
{
    c->temps = grow(c, c->temps, c->ntemps, &c->captemps, sizeof *c->temps);
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(c);
    c->temps[c->ntemps++] = p;
    return p;
}

void temp_free(Compiler *c, void *p)
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

void expect_op(Compiler *c, const char *op)
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
uint32_t skip_group(Compiler *c, uint32_t i)
{
    Token *t = tok_at(c, i);
    if (t->kind == TK_OP && (t->op[0] == '(' || t->op[0] == '[' || t->op[0] == '{') && t->op[1] == 0 &&
        t->match > 0)
        return (uint32_t)t->match + 1;
    return i + 1;
}

bool ends_expression(const Token *t)
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
uint32_t test_end(Compiler *c, uint32_t i)
{
    while (!ends_expression(tok_at(c, i))) {
        if (is_kw(tok_at(c, i), KW_lambda)) /* its ':' and its body's `if` are its own */
            return lambda_end(c, i);
        i = skip_group(c, i);
    }
    return i;
}

/* The top-level `for` of a comprehension in tokens [i, close), or 0: the
 * element expression may itself contain `if ... else`. */
uint32_t comprehension_for(Compiler *c, uint32_t i, uint32_t close)
{
    for (; i < close; i = is_kw(tok_at(c, i), KW_lambda) ? lambda_end(c, i) : skip_group(c, i)) {
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

uint32_t intern(Compiler *c, const char *s, uint32_t n)
{
    if (c->nstrings * 2 >= c->hashcap) {
        uint32_t cap = c->hashcap ? c->hashcap * 2 : 256;
        uint32_t *nh = calloc(cap, sizeof *nh);
        if (!nh)
            out_of_memory(c);
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
        out_of_memory(c);
    memcpy(copy, s, n);
    copy[n] = '\0';
    P4bString str = {n, (const uint8_t *)copy};
    c->strings[c->nstrings++] = str;
    c->strhash[h] = c->nstrings;
    return c->nstrings - 1;
}

uint32_t intern_cstr(Compiler *c, const char *s) { return intern(c, s, (uint32_t)strlen(s)); }

uint32_t global_slot(Compiler *c, uint32_t name)
{
    for (uint32_t i = 0; i < c->nglobals; i++)
        if (c->globals[i] == name)
            return i;
    PUSH(c, c->globals, c->nglobals, c->capglobals, name);
    return c->nglobals - 1;
}

const char *str_of(Compiler *c, uint32_t idx) { return (const char *)c->strings[idx].bytes; }

/* ---- emitting ---------------------------------------------------------------------- */

uint32_t here(Compiler *c) { return c->fn->ncode; }

uint32_t emit(Compiler *c, unsigned op, uint32_t arg)
{
    Func *f = c->fn;
    if (f->ncode >= P4B_MAX_INSNS)
        fail_at(c, "SyntaxError", c->line, 0, "function too large");
    uint32_t insn = BC_MAKE(op, arg);
    PUSH(c, f->code, f->ncode, f->capcode, insn);
    bc_linetab_add(&f->lines, f->ncode - 1, c->line);
    if (f->lines.oom)
        out_of_memory(c);
    f->depth += bc_stack_effect(insn, false);
    return f->ncode - 1;
}

void patch(Compiler *c, uint32_t pc, uint32_t target)
{
    uint32_t w = c->fn->code[pc];
    c->fn->code[pc] = BC_MAKE(BC_OP(w), target);
}

uint32_t add_const(Compiler *c, P4bConst k)
{
    Func *f = c->fn;
    for (uint32_t i = 0; i < f->nconsts; i++) {
        P4bConst *e = &f->consts[i];
        if (e->kind != k.kind || k.kind == K_TUPLE)
            continue;
        if ((k.kind == K_INT && e->u.i == k.u.i) || (k.kind == K_STR && e->u.index == k.u.index) ||
            (k.kind == K_LONG && e->u.index == k.u.index) ||
            (k.kind == K_BYTES && e->u.index == k.u.index) || (k.kind == K_CODE && e->u.index == k.u.index) ||
            ((k.kind == K_FLOAT || k.kind == K_IMAG) && memcmp(&e->u.f, &k.u.f, sizeof(float)) == 0) || k.kind <= K_TRUE)
            return i;
    }
    if (f->nconsts >= P4B_MAX_CONSTS)
        fail_at(c, "SyntaxError", c->line, 0, "too many constants");
    PUSH(c, f->consts, f->nconsts, f->capconsts, k);
    return f->nconsts - 1;
}

void emit_const(Compiler *c, uint8_t kind, uint32_t index)
{
    P4bConst k;
    memset(&k, 0, sizeof k);
    k.kind = kind;
    k.u.index = index;
    emit(c, OP_LOAD_CONST, add_const(c, k));
}

void emit_none(Compiler *c) { emit_const(c, K_NONE, 0); }

void emit_int(Compiler *c, int32_t v)
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

void emit_str(Compiler *c, const char *s, uint32_t n) { emit_const(c, K_STR, intern(c, s, n)); }

/* Forward jumps to one target are chained through their own arguments
 * (pc + 1 of the previous jump, 0 ends the chain) until the target is known,
 * so no C array limits how many there are. */
uint32_t chain_jump(Compiler *c, unsigned op, uint32_t chain)
{
    return emit(c, op, chain) + 1;
}

void patch_chain(Compiler *c, uint32_t chain, uint32_t target)
{
    while (chain) {
        uint32_t pc = chain - 1;
        chain = BC_ARG(c->fn->code[pc]);
        patch(c, pc, target);
    }
}

/* ---- names ------------------------------------------------------------------------ */

int find_local(Func *f, uint32_t name)
{
    for (uint32_t i = 0; i < f->nlocals; i++)
        if (f->locals[i] == name)
            return (int)i;
    return -1;
}

uint32_t add_local(Compiler *c, uint32_t name)
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

uint32_t hidden_local(Compiler *c, const char *what, uint32_t key)
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
void release_hidden(Compiler *c, uint32_t key, uint32_t slot)
{
    /* a captured comprehension variable keeps its slot: reused, the next
     * comprehension would store into the closures' cell */
    if (c->fn->is_cell[slot])
        return;
    SpareLocal s = {key, slot};
    PUSH(c, c->fn->spare, c->fn->nspare, c->fn->capspare, s);
}

bool declared_global(Func *f, uint32_t name)
{
    for (uint32_t i = 0; i < f->nglobals; i++)
        if (f->globals[i] == name)
            return true;
    return false;
}

int find_alias(Func *f, uint32_t name)
{
    for (uint32_t i = f->naliases; i-- > 0;)
        if (f->aliases[i].name == name)
            return (int)f->aliases[i].slot;
    return -1;
}

/* An instruction for a name whose scope the end of the function (or of an
 * enclosing one, for nonlocal names) decides: see compile_scope.c. */
static void defer_name(Compiler *c, unsigned op, uint32_t name, const Token *t, uint8_t kind)
{
    Func *f = c->fn;
    const Declared *nl = find_nonlocal(f, name);
    NameUse u = {emit(c, op, 0), name, t ? t->line : c->line, t ? t->col : 0, kind, nl != NULL, f, false};
    if (nl) { /* a missing binding is reported at the declaration */
        u.line = nl->line;
        u.col = nl->col;
    }
    PUSH(c, f->uses, f->nuses, f->capuses, u);
}

void load_name(Compiler *c, uint32_t name, const Token *t)
{
    Func *f = c->fn;
    if (strcmp(str_of(c, name), "__debug__") == 0) { /* a constant, as in CPython's compiler */
        emit_const(c, K_TRUE, 0);
        return;
    }
    int slot = find_alias(f, name);
    if (slot >= 0) {
        emit(c, OP_LOAD_FAST, (uint32_t)slot);
    } else if (f->is_module || declared_global(f, name)) {
        emit(c, OP_LOAD_GLOBAL, global_slot(c, name));
    } else {
        /* resolved in finish_func: LOAD_FAST if the name is local at all */
        defer_name(c, OP_LOAD_GLOBAL, name, t, USE_LOAD);
        /* a comprehension is a scope of its own, and a class body's names
         * are not visible in the scopes nested in it (CPython's rule) */
        if (f->is_class && c->comprehension)
            f->uses[f->nuses - 1].past_class = true;
    }
}

void store_name(Compiler *c, uint32_t name)
{
    Func *f = c->fn;
    int slot = find_alias(f, name);
    if (slot >= 0)
        emit(c, OP_STORE_FAST, (uint32_t)slot);
    else if (f->is_module || declared_global(f, name))
        emit(c, OP_STORE_GLOBAL, global_slot(c, name));
    else if (find_nonlocal(f, name))
        defer_name(c, OP_STORE_GLOBAL, name, NULL, USE_STORE);
    else
        emit(c, OP_STORE_FAST, add_local(c, name));
}

/* del name: like a store, it makes the name local to the function. */
void delete_name(Compiler *c, uint32_t name, const Token *t)
{
    Func *f = c->fn;
    int slot = find_alias(f, name);
    if (slot >= 0)
        emit(c, OP_DELETE_FAST, (uint32_t)slot);
    else if (f->is_module || declared_global(f, name))
        emit(c, OP_DELETE_GLOBAL, global_slot(c, name));
    else if (find_nonlocal(f, name))
        defer_name(c, OP_DELETE_GLOBAL, name, t, USE_DELETE);
    else
        emit(c, OP_DELETE_FAST, add_local(c, name));
}
