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

/* CPython's __qualname__ of a function or class named name defined in
 * parent: the name itself at module level (or when the parent declared it
 * global), "A.name" in class A, "f.<locals>.name" in function f. */
static uint32_t qualified_name(Compiler *c, const Func *parent, uint32_t name)
{
    if (!parent || parent->is_module || (!parent->is_class && declared_global((Func *)parent, name)))
        return name;
    const P4bString *pq = &c->strings[parent->qualname], *n = &c->strings[name];
    const char *mid = parent->is_class ? "." : ".<locals>.";
    size_t len = pq->len + strlen(mid) + n->len;
    char *buf = temp_alloc(c, len + 1);
    memcpy(buf, pq->bytes, pq->len);
    memcpy(buf + pq->len, mid, strlen(mid));
    memcpy(buf + pq->len + strlen(mid), n->bytes, n->len);
    uint32_t q = intern(c, buf, (uint32_t)len);
    temp_free(c, buf);
    return q;
}

Func *new_func(Compiler *c, uint32_t name, uint32_t firstline, bool is_module)
{
    Func *f = calloc(1, sizeof *f);
    if (!f)
        out_of_memory(c);
    f->next_alloc = c->all_funcs;
    c->all_funcs = f;
    f->parent = c->fn;
    f->name = name;
    f->qualname = qualified_name(c, f->parent, name);
    f->firstline = firstline;
    f->is_module = is_module;
    f->make_pc = NONE_PC;
    f->lines.last_line = (int32_t)firstline;
    if (c->ncodes >= P4B_MAX_CODES)
        fail_at(c, "SyntaxError", (int)firstline, 0, "too many functions");
    P4bCode empty;
    memset(&empty, 0, sizeof empty);
    PUSH(c, c->codes, c->ncodes, c->capcodes, empty);
    f->index = c->ncodes - 1;
    return f;
}

void finish_func(Compiler *c)
{
    Func *f = c->fn;
    emit_none(c);
    emit(c, OP_RETURN_VALUE, 0);
    /* names: local, global or a closure's cell (compile_scope.c) */
    resolve_names(c, f);
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
    code->qualname = f->qualname;
    code->doc = f->doc;
    code->firstline = f->firstline;
    code->nparams = (uint16_t)f->nparams;
    code->flags = f->flags;
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

/* Keep docstrings (p4jit compile --no-docstrings clears it, as CPython's -OO). */
bool p4_compile_docstrings = true;

/* A body whose first statement (at token first) is a string literal alone,
 * implicitly concatenated or not but no f-string or bytes, has that string as
 * its __doc__: its string index + 1, or 0. The statement still compiles. */
uint32_t body_docstring(Compiler *c, uint32_t first)
{
    uint32_t end = first;
    while (end < c->toks.n && tok_at(c, end)->kind == TK_STRING) {
        if (tok_at(c, end)->flags & (STR_BYTES | STR_FSTRING))
            return 0;
        end++;
    }
    Token *after = tok_at(c, end);
    bool alone = after->kind == TK_NEWLINE || after->kind == TK_EOF || after->kind == TK_DEDENT || is_op(after, ";");
    if (end == first || !alone || !p4_compile_docstrings)
        return 0;
    size_t len = 0;
    for (uint32_t i = first; i < end; i++)
        len += tok_at(c, i)->text_len;
    char *buf = temp_alloc(c, len + 1);
    len = 0;
    for (uint32_t i = first; i < end; i++) {
        memcpy(buf + len, tok_at(c, i)->text, tok_at(c, i)->text_len);
        len += tok_at(c, i)->text_len;
    }
    uint32_t doc = intern(c, buf, (uint32_t)len) + 1;
    temp_free(c, buf);
    return doc;
}

/* The first statement of a def's or class's block whose ':' is at token colon. */
static uint32_t block_docstring(Compiler *c, uint32_t colon)
{
    uint32_t first = colon + 1;
    if (tok_at(c, first)->kind == TK_NEWLINE && tok_at(c, first + 1)->kind == TK_INDENT)
        first += 2;
    return body_docstring(c, first);
}

/* Do the tokens [from, end) of a function's body contain a yield of its own
 * (not one of a nested def, class or lambda)? Decided before the body is
 * compiled, since a generator's code starts with RETURN_GENERATOR. */
static bool range_yields(Compiler *c, uint32_t from, uint32_t end)
{
    for (uint32_t i = from; i < end; i++) {
        Token *t = tok_at(c, i);
        if (is_kw(t, KW_def) || is_kw(t, KW_class)) { /* their yields are their own */
            uint32_t j = i + 1;
            while (j < end && !is_op(tok_at(c, j), ":"))
                j = skip_group(c, j);
            i = skip_block(c, j) - 1;
        } else if (is_kw(t, KW_lambda)) { /* so are a lambda's */
            i = lambda_end(c, i) - 1;
        } else if (is_kw(t, KW_yield)) {
            return true;
        }
    }
    return false;
}

static bool body_yields(Compiler *c, uint32_t colon) { return range_yields(c, colon + 1, skip_block(c, colon)); }

/* A parameter list: names in local order ([positional][keyword-only]
 * [*args][**kwargs]). */
typedef struct Params {
    uint32_t names[P4B_MAX_LOCALS];
    uint32_t n;          /* all of them */
    uint32_t npos, nkwonly, ndefaults, nkwdefaults;
    bool varargs, varkw;
} Params;

/* A parameter's name, checked against all the names before it. */
static uint32_t param_name(Compiler *c, Token *t, uint32_t *seen, uint32_t *nseen)
{
    if (t->kind != TK_NAME)
        syntax_error(c, t, "invalid syntax");
    uint32_t name = intern(c, t->text, t->text_len);
    for (uint32_t k = 0; k < *nseen; k++)
        if (seen[k] == name)
            syntax_error(c, t, "duplicate argument '%s' in function definition", t->text);
    if (*nseen >= P4B_MAX_LOCALS - 1)
        syntax_error(c, t, "too many parameters");
    seen[(*nseen)++] = name;
    return name;
}

/* Parameters in tokens [cursor, stop): a def's (with annotations, which are
 * not evaluated) or a lambda's. Default values are compiled here, in the
 * enclosing scope: the positional ones pushed in order, then (if any) a dict
 * of the keyword-only ones. */
static void parameters(Compiler *c, uint32_t stop, bool annotations, Params *p)
{
    memset(p, 0, sizeof *p);
    uint32_t seen[P4B_MAX_LOCALS], nseen = 0;
    uint32_t kwonly[P4B_MAX_LOCALS], star_name = 0, dstar_name = 0;
    bool star = false;
    Token *bare_star = NULL;
    while (c->pos < stop) {
        Token *t = next(c);
        if (p->varkw)
            syntax_error(c, t, "arguments cannot follow var-keyword argument");
        if (is_op(t, "/"))
            syntax_error(c, t, "'/' parameters are not supported by P4JIT");
        bool dstar = is_op(t, "**");
        if (is_op(t, "*") || dstar) {
            if (!dstar && star)
                syntax_error(c, t, "* argument may appear only once");
            if (dstar) {
                dstar_name = param_name(c, next(c), seen, &nseen);
                p->varkw = true;
            } else if (c->pos < stop && !at_op(c, ",")) {
                star_name = param_name(c, next(c), seen, &nseen);
                p->varargs = true;
            } else {
                bare_star = annotations ? t : peek(c); /* CPython: a lambda's error is after the '*' */
            }
            star = star || !dstar;
            if (annotations && at_op(c, ":")) {
                next(c);
                c->pos = test_end(c, c->pos);
            }
            if (at_op(c, "="))
                syntax_error(c, peek(c), dstar ? "var-keyword argument cannot have default value"
                                               : "var-positional argument cannot have default value");
        } else {
            uint32_t name = param_name(c, t, seen, &nseen);
            if (star)
                kwonly[p->nkwonly++] = name;
            else
                p->names[p->npos++] = name;
            if (annotations && at_op(c, ":")) {
                next(c);
                c->pos = test_end(c, c->pos);
            }
            if (at_op(c, "=")) {
                next(c);
                if (star) {
                    emit_str(c, t->text, t->text_len);
                    test(c);
                    p->nkwdefaults++;
                } else {
                    test(c);
                    p->ndefaults++;
                }
            } else if (p->ndefaults && !star) {
                syntax_error(c, t, "non-default argument follows default argument");
            }
        }
        if (c->pos >= stop)
            break;
        expect_op(c, ",");
    }
    if (bare_star && p->nkwonly == 0)
        syntax_error(c, bare_star, "named arguments must follow bare *");
    if (p->nkwdefaults)
        emit(c, OP_BUILD_MAP, p->nkwdefaults);
    p->n = p->npos;
    for (uint32_t k = 0; k < p->nkwonly; k++)
        p->names[p->n++] = kwonly[k];
    if (p->varargs)
        p->names[p->n++] = star_name;
    if (p->varkw)
        p->names[p->n++] = dstar_name;
}

/* The body of a function (a def's block, or a lambda's expression) as a new
 * code object; leaves the function on the stack. */
static void function_body(Compiler *c, uint32_t fname, int line, Params *p, bool is_lambda)
{
    Func *outer = c->fn;
    int32_t outer_depth = outer->depth;
    Func *f = new_func(c, fname, (uint32_t)line, false);
    c->fn = f;
    for (uint32_t k = 0; k < p->n; k++)
        add_local(c, p->names[k]);
    f->nparams = p->npos;
    f->flags = (uint16_t)((p->varargs ? CODE_VARARGS : 0) | (p->varkw ? CODE_VARKW : 0) |
                          (p->nkwonly << CODE_KWONLY_SHIFT));
    /* `async def` (its `def` follows the `async`): a coroutine, a generator
     * whose code is flagged CODE_COROUTINE (vm/coro.c) */
    Token *def = is_lambda ? NULL : tok_at(c, c->pos);
    while (def && def > tok_at(c, 0) && !is_kw(def, KW_def))
        def--;
    bool is_async = def && def > tok_at(c, 0) && is_kw(def - 1, KW_async);
    bool yields = is_lambda ? range_yields(c, c->pos, test_end(c, c->pos))
                            : at_op(c, ":") && body_yields(c, c->pos);
    if (yields) {
        if (is_async)
            syntax_error(c, def - 1, "asynchronous generators are not supported by P4JIT");
        f->is_generator = true;
        emit(c, OP_RETURN_GENERATOR, 0);
    } else if (is_async) {
        f->is_generator = f->is_coroutine = true;
        f->flags |= CODE_COROUTINE;
        emit(c, OP_RETURN_GENERATOR, 0);
    }
    if (is_lambda) {
        test(c);
        emit(c, OP_RETURN_VALUE, 0);
    } else {
        f->doc = at_op(c, ":") ? block_docstring(c, c->pos) : 0;
        block(c, "function definition", line);
    }
    finish_func(c);
    c->fn = outer;
    outer->depth = outer_depth;
    c->line = line;
    emit_const(c, K_CODE, f->index);
    emit(c, OP_MAKE_FUNCTION, p->ndefaults | (p->nkwdefaults ? 0x100u : 0));
    /* a function made in a function (or in a comprehension) may need a
     * closure: compile_scope.c turns the NOP into MAKE_CLOSURE */
    f->make_pc = NONE_PC;
    if (!outer->is_module || outer->naliases > 0)
        f->make_pc = emit(c, OP_NOP, 0);
}

/* def NAME(...): the function is left on the stack (for decorators). */
void compile_function_value(Compiler *c, Token *def, Token *name)
{
    Token *open = next(c);
    if (!is_op(open, "("))
        syntax_error(c, open, "invalid syntax");
    uint32_t close = (uint32_t)open->match;
    Params p;
    parameters(c, close, true, &p);
    c->pos = close + 1;
    if (at_op(c, "->")) {
        next(c);
        c->pos = test_end(c, c->pos);
    }
    function_body(c, intern(c, name->text, name->text_len), def->line, &p, false);
}

void compile_function(Compiler *c, Token *def, Token *name)
{
    compile_function_value(c, def, name);
    store_name(c, intern(c, name->text, name->text_len));
}

/* The ':' that ends the parameters of the lambda at token i. */
static uint32_t lambda_colon(Compiler *c, uint32_t i)
{
    for (i++; !is_op(tok_at(c, i), ":"); ) {
        Token *t = tok_at(c, i);
        if (t->kind == TK_NEWLINE || t->kind == TK_EOF || is_op(t, ")") || is_op(t, "]") || is_op(t, "}"))
            syntax_error(c, t, "invalid syntax");
        i = is_kw(t, KW_lambda) ? lambda_end(c, i) : skip_group(c, i);
    }
    return i;
}

/* The end of the lambda at token i: its body is a whole test, with any
 * `if ... else` in it. */
uint32_t lambda_end(Compiler *c, uint32_t i)
{
    enter(c); /* lambda: lambda: ... recurses here */
    uint32_t e = test_end(c, lambda_colon(c, i) + 1);
    while (is_kw(tok_at(c, e), KW_if)) {
        e = test_end(c, e + 1);
        if (!is_kw(tok_at(c, e), KW_else))
            break;
        e = test_end(c, e + 1);
    }
    leave(c);
    return e;
}

/* lambda params: test -- the cursor is at `lambda`. */
void lambda_expr(Compiler *c)
{
    Token *t = next(c);
    uint32_t colon = lambda_colon(c, c->pos - 1);
    Params p;
    parameters(c, colon, false, &p);
    c->pos = colon + 1;
    function_body(c, intern_cstr(c, "<lambda>"), t->line, &p, true);
}

/* class NAME(BASES): BODY, leaving the class on the stack (for decorators).
 * The body is a function whose locals become the namespace (RETURN_LOCALS);
 * the bases are evaluated first, as in CPython:
 *     b1..bn  (body function)()  'NAME'  BUILD_CLASS n  -> class
 * and with keywords (metaclass=M, x=1), evaluated before the body too:
 *     b1..bn  'metaclass' M 'x' 1 BUILD_MAP 2  (body function)()  'NAME'  BUILD_CLASS n|0x100 */
void compile_class(Compiler *c, Token *cls, Token *name)
{
    uint32_t nbases = 0, nkw = 0;
    Token *kws[32]; /* the keywords seen, for "repeated" */
    c->line = cls->line;
    if (at_op(c, "(")) {
        Token *open = next(c);
        uint32_t close = (uint32_t)open->match;
        while (c->pos < close) {
            Token *b = peek(c);
            if (is_op(b, "*") || is_op(b, "**"))
                syntax_error(c, b, "star arguments in a class's bases are not supported by P4JIT");
            if (b->kind == TK_NAME && is_op(tok_at(c, c->pos + 1), "=")) {
                /* a class keyword (metaclass=M, or one for __init_subclass__): key, value */
                for (uint32_t k = 0; k < nkw && k < 32; k++)
                    if (strcmp(kws[k]->text, b->text) == 0)
                        syntax_error(c, b, "keyword argument repeated: %s", b->text);
                if (nkw < 32)
                    kws[nkw] = b;
                emit_str(c, b->text, b->text_len);
                c->pos += 2;
                test(c);
                nkw++;
            } else {
                if (nkw)
                    syntax_error(c, b, "positional argument follows keyword argument");
                test(c);
                if (++nbases > 255)
                    syntax_error(c, b, "too many base classes");
            }
            if (c->pos == close)
                break;
            expect_op(c, ",");
        }
        c->pos = close + 1;
        if (nkw)
            emit(c, OP_BUILD_MAP, nkw);
    }
    uint32_t cname = intern(c, name->text, name->text_len);
    Func *outer = c->fn;
    int32_t outer_depth = outer->depth;
    Func *f = new_func(c, cname, (uint32_t)cls->line, false);
    f->is_class = true;
    c->fn = f;
    if (f->qualname != cname) { /* a nested class: the body binds __qualname__, as CPython's does */
        emit_const(c, K_STR, f->qualname);
        store_name(c, intern_cstr(c, "__qualname__"));
    }
    f->doc = block_docstring(c, c->pos);
    if (f->doc) { /* CPython's class body binds __doc__ (class creation gives None otherwise: vm/class.c) */
        emit_const(c, K_STR, f->doc - 1);
        store_name(c, intern_cstr(c, "__doc__"));
    }
    block(c, "class definition", cls->line);
    c->line = cls->line;
    emit(c, OP_RETURN_LOCALS, 0);
    finish_func(c);
    c->fn = outer;
    outer->depth = outer_depth + (int32_t)nbases + (nkw ? 1 : 0);
    c->line = cls->line;
    emit_const(c, K_CODE, f->index);
    emit(c, OP_MAKE_FUNCTION, 0);
    /* a class made in a function may need a closure (its methods' free
     * variables pass through the body): compile_scope.c fills the NOP */
    f->make_pc = NONE_PC;
    if (!outer->is_module || outer->naliases > 0)
        f->make_pc = emit(c, OP_NOP, 0);
    emit(c, OP_CALL, 0);
    emit_str(c, name->text, name->text_len);
    emit(c, OP_BUILD_CLASS, nbases | (nkw ? 0x100 : 0));
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
        free(f->nonlocals);
        free(f->freevars);
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
        if (strcmp(t->op, "*") == 0 && prev && is_kw(prev, KW_except))
            what = "'except*' is";
        if (what)
            snprintf(c->err->msg, sizeof c->err->msg, "%s not supported by P4JIT", what);
        return;
    }
}

/* eval()'s body: one expression list, whose value it returns. */
static void eval_body(Compiler *c)
{
    while (peek(c)->kind == TK_NEWLINE)
        next(c);
    if (peek(c)->kind == TK_EOF)
        syntax_error(c, peek(c), "invalid syntax");
    for (uint32_t i = c->pos; tok_at(c, i)->kind != TK_EOF && tok_at(c, i)->kind != TK_NEWLINE; i = skip_group(c, i))
        if (is_op(tok_at(c, i), ":=")) /* unparenthesized, as in a statement */
            syntax_error(c, tok_at(c, i), "invalid syntax");
    testlist(c);
    if (peek(c)->kind == TK_NEWLINE && tok_at(c, c->pos + 1)->kind == TK_INDENT)
        fail_at(c, "IndentationError", tok_at(c, c->pos + 1)->line, tok_at(c, c->pos + 1)->col, "unexpected indent");
    while (peek(c)->kind == TK_NEWLINE || peek(c)->kind == TK_DEDENT)
        next(c);
    if (peek(c)->kind != TK_EOF)
        syntax_error(c, peek(c), "invalid syntax");
    emit(c, OP_RETURN_VALUE, 0);
}

int p4_compile_module(const char *src, size_t len, const char *filename, P4bModule *out,
                      P4CompileError *err)
{
    return p4_compile_module_mode(src, len, filename, P4_MODE_FILE, out, err);
}

int p4_compile_module_mode(const char *src, size_t len, const char *filename, int mode, P4bModule *out,
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
    c->mode = (uint8_t)mode;
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
    /* __name__ is "__main__" for the program being run (an import makes
     * these first two instructions NOPs, vm/module.c); __file__ the source's
     * path as given (CPython's is absolute) */
    bool uses_name = false, uses_file = false, uses_doc = false;
    for (uint32_t i = 0; i < c->toks.n; i++) {
        if (c->toks.tok[i].kind != TK_NAME)
            continue;
        uses_name |= strcmp(c->toks.tok[i].text, "__name__") == 0;
        uses_file |= strcmp(c->toks.tok[i].text, "__file__") == 0;
        uses_doc |= strcmp(c->toks.tok[i].text, "__doc__") == 0;
    }
    /* the module's docstring: code 0's (m.__doc__, vm/module.c), and the
     * global __doc__ for a body that reads it */
    uint32_t first = 0;
    while (tok_at(c, first)->kind == TK_NEWLINE)
        first++;
    m->doc = mode == P4_MODE_FILE ? body_docstring(c, first) : 0;
    if (uses_name && mode == P4_MODE_FILE) {
        emit_str(c, "__main__", 8);
        emit(c, OP_STORE_GLOBAL, global_slot(c, intern_cstr(c, "__name__")));
    }
    if (uses_file && mode == P4_MODE_FILE) {
        emit_str(c, filename, (uint32_t)strlen(filename));
        emit(c, OP_STORE_GLOBAL, global_slot(c, intern_cstr(c, "__file__")));
    }
    if (uses_doc && mode == P4_MODE_FILE) {
        if (m->doc)
            emit_const(c, K_STR, m->doc - 1);
        else
            emit_none(c);
        emit(c, OP_STORE_GLOBAL, global_slot(c, intern_cstr(c, "__doc__")));
    }
    if (mode == P4_MODE_EVAL)
        eval_body(c);
    while (peek(c)->kind != TK_EOF) {
        if (peek(c)->kind == TK_DEDENT || peek(c)->kind == TK_NEWLINE) {
            next(c);
            continue;
        }
        statement(c);
    }
    finish_func(c);
    fill_closures(c);
    module_from(c, out);
    free_compiler(c);
    free(c);
    return 0;
}

int p4_compile_to_p4b(const char *src, size_t len, const char *filename, uint8_t **p4b, size_t *p4b_len,
                      P4CompileError *err)
{
    return p4_compile_to_p4b_mode(src, len, filename, P4_MODE_FILE, p4b, p4b_len, err);
}

int p4_compile_to_p4b_mode(const char *src, size_t len, const char *filename, int mode, uint8_t **p4b,
                           size_t *p4b_len, P4CompileError *err)
{
    P4bModule m;
    if (p4_compile_module_mode(src, len, filename, mode, &m, err) != 0)
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

int p4_compile_reporting(const char *src, size_t len, const char *filename, const char *shown, uint8_t **p4b,
                         size_t *p4b_len)
{
    P4CompileError err;
    if (p4_compile_to_p4b(src, len, filename, p4b, p4b_len, &err) == 0)
        return 0;
    p4_print_compile_error(stderr, shown, src, len, &err);
    return -1;
}
