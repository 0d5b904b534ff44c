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
 *
 * This file has functions (a code object each) and the entry points; the
 * rest of the compiler is in the files compile_int.h lists.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/compile_int.h"

/* ---- functions ----------------------------------------------------------------------- */

static Func *new_func(Compiler *c, uint32_t name, uint32_t firstline, bool is_module)
{
    Func *f = calloc(1, sizeof *f);
    if (!f)
        out_of_memory(c);
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

void compile_function(Compiler *c, Token *def, Token *name)
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
