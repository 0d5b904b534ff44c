/*
 * compile_expr.c - expressions, one function per grammar level (atom up to
 * test), comprehensions, calls and subscripts, and assignment targets.
 *
 * Where Python evaluates in another order than it is written (a
 * comprehension's loops before its element, `a if c else b`), the cursor
 * moves over the tokens instead of building a tree: see compile.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/compile_int.h"

/* ---- expressions ------------------------------------------------------------------- */

static void or_test(Compiler *c);
static void factor(Compiler *c);
static void expr(Compiler *c);

void enter(Compiler *c)
{
    if (++c->nesting > MAX_DEPTH)
        syntax_error(c, peek(c), "expression too deeply nested");
}
void leave(Compiler *c) { c->nesting--; }

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

/* What a comprehension builds; the element is tokens [elt_start, elt_end),
 * for a dict the key, with the value in [val_start, val_end). */
enum CompKind { COMP_LIST, COMP_SET, COMP_DICT, COMP_GEN };
typedef struct Comp {
    enum CompKind kind;
    uint32_t elt_start, elt_end, val_start, val_end;
} Comp;

/* Emits the clauses from i on; loop_head is the innermost loop's FOR_ITER. */
static void comprehension_clauses(Compiler *c, const Comp *cp, Clause *cl, uint32_t n, uint32_t i,
                                  uint32_t loops, uint32_t loop_head)
{
    if (i == n) {
        test_range(c, cp->elt_start, cp->elt_end);
        switch (cp->kind) {
        case COMP_LIST: emit(c, OP_LIST_APPEND, loops + 1); break;
        case COMP_SET:  emit(c, OP_SET_ADD, loops + 1); break;
        case COMP_DICT:
            test_range(c, cp->val_start, cp->val_end);
            emit(c, OP_MAP_ADD, loops + 1);
            break;
        case COMP_GEN:
            emit(c, OP_YIELD_VALUE, 0);
            emit(c, OP_POP_TOP, 0);
            break;
        }
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
        comprehension_clauses(c, cp, cl, n, i + 1, loops, loop_head);
        return;
    }
    if (i == 0 && cp->kind == COMP_GEN) {
        emit(c, OP_LOAD_FAST, 0); /* the outermost iterable, evaluated by the creator: parameter .0 */
    } else {
        /* the outermost iterable belongs to the enclosing scope: a yield may be there */
        const char *inside = c->comprehension;
        if (i == 0)
            c->comprehension = NULL;
        uint32_t save = c->pos;
        c->pos = k->expr_start;
        or_test(c);
        if (c->pos != k->expr_end)
            syntax_error(c, peek(c), "invalid syntax");
        c->pos = save;
        c->comprehension = inside;
    }
    emit(c, OP_GET_ITER, 0);
    uint32_t head = emit(c, OP_FOR_ITER, 0);
    uint32_t naliases = c->fn->naliases;
    push_target_aliases(c, k->target_start, k->target_end);
    compile_target(c, k->target_start, k->target_end, false);
    int32_t depth = c->fn->depth;
    comprehension_clauses(c, cp, cl, n, i + 1, loops + 1, head);
    for (uint32_t a = naliases; a < c->fn->naliases; a++)
        release_hidden(c, c->fn->aliases[a].name, c->fn->aliases[a].slot);
    c->fn->naliases = naliases;
    patch(c, head, here(c));
    c->fn->depth = depth - 1; /* the exhausted iterator is gone */
    if (i > 0)
        emit(c, OP_JUMP, loop_head);
}

/* The for/if clauses from the cursor (at `for`) to close. */
static uint32_t comprehension_parse(Compiler *c, Clause *cl, uint32_t close)
{
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
    return n;
}

/* [elt for ...], {elt for ...}, {k: v for ...}, inline: the cursor is at
 * `for`; close is the closing bracket's index. */
static void comprehension_of(Compiler *c, const Comp *cp, uint32_t close)
{
    Clause cl[32];
    uint32_t n = comprehension_parse(c, cl, close);
    emit(c, cp->kind == COMP_SET ? OP_BUILD_SET : cp->kind == COMP_DICT ? OP_BUILD_MAP : OP_BUILD_LIST, 0);
    const char *outer = c->comprehension;
    c->comprehension = cp->kind == COMP_SET ? "set comprehension" : cp->kind == COMP_DICT ? "dict comprehension"
                                                                                         : "list comprehension";
    comprehension_clauses(c, cp, cl, n, 0, 0, 0);
    c->comprehension = outer;
    c->pos = close;
}

/* The rest of a display with a starred item, the cursor at that item: the
 * n items before it are on the stack and become a list, which the rest
 * extends (*x) or appends to. close is the display's closing bracket, or
 * NONE_PC for a bare tuple (`x = a, *b`). Returns the number of commas. */
static uint32_t starred_items(Compiler *c, uint32_t n, uint32_t close)
{
    emit(c, OP_BUILD_LIST, n);
    uint32_t commas = 0;
    for (;;) {
        if (at_op(c, "*")) {
            next(c);
            expr(c);
            emit(c, OP_LIST_EXTEND, 1);
        } else {
            test(c);
            emit(c, OP_LIST_APPEND, 1);
        }
        if (close != NONE_PC ? c->pos >= close : !at_op(c, ","))
            break;
        expect_op(c, ",");
        commas++;
        if (close != NONE_PC ? c->pos >= close : ends_expression(peek(c)) && !is_kw(peek(c), KW_if))
            break;
    }
    return commas;
}

static bool is_constant(Compiler *c, uint32_t start, uint32_t end);

/* The items of a tuple, list or set display from the cursor to close (the
 * n items before them already pushed), separated by commas, a trailing one
 * allowed. A *x item hands the rest to starred_items (*starred set), or is
 * the error no_star when not NULL. *constant (when given) stays true while
 * every item is a constant. Returns the items pushed; the cursor is at close. */
static uint32_t display_items(Compiler *c, uint32_t n, uint32_t close, const char *no_star, bool *starred,
                              bool *constant)
{
    *starred = false;
    while (c->pos < close) {
        if (at_op(c, "*")) {
            if (no_star)
                syntax_error(c, peek(c), "%s", no_star);
            starred_items(c, n, close);
            *starred = true;
            return n;
        }
        if (constant)
            *constant = *constant && is_constant(c, c->pos, test_end(c, c->pos));
        test(c);
        n++;
        if (c->pos == close)
            break;
        expect_op(c, ",");
    }
    return n;
}

static void comprehension(Compiler *c, uint32_t elt_start, uint32_t elt_end, uint32_t close)
{
    Comp cp = {COMP_LIST, elt_start, elt_end, 0, 0};
    comprehension_of(c, &cp, close);
}

/* Does a generator expression's code read name as a variable of the
 * enclosing scope that is not a global? */
static bool enclosing_local(Func *outer, uint32_t name)
{
    if (find_alias(outer, name) >= 0)
        return true;
    /* a class body's names are not visible in the generator's scope */
    return !outer->is_module && !outer->is_class && !declared_global(outer, name) && find_local(outer, name) >= 0;
}

/* (elt for ...): a generator function of its own, called at once with the
 * outermost iterable (evaluated here, as in CPython) as parameter .0. The
 * enclosing scope's variables it reads become further parameters: they are
 * captured when the generator is made; names bound later in the enclosing
 * function reach it as closure cells (compile_scope.c). */
static void generator_expression(Compiler *c, uint32_t elt_start, uint32_t elt_end, uint32_t close)
{
    Clause cl[32];
    Token *first = tok_at(c, elt_start);
    uint32_t n = comprehension_parse(c, cl, close);
    Func *outer = c->fn;
    /* `name := value` inside binds name in the enclosing scope (PEP 572):
     * a global at module level, else a local of the enclosing function that
     * the generator reaches as a cell, never a captured copy */
    uint32_t walrus[16], nwalrus = 0;
    for (uint32_t i = elt_start; i < close; i++) {
        Token *t = tok_at(c, i);
        if (t->kind != TK_NAME || !is_op(tok_at(c, i + 1), ":="))
            continue;
        if (outer->is_class)
            syntax_error(c, t, "assignment expression within a comprehension cannot be used in a class body");
        if (nwalrus == 16)
            syntax_error(c, t, "too many assignment expressions in a generator expression");
        walrus[nwalrus++] = intern(c, t->text, t->text_len);
    }
    uint32_t captured[P4B_MAX_LOCALS - 1], ncap = 0;
    for (uint32_t i = elt_start; i < close; i++) {
        Token *t = tok_at(c, i);
        if (i >= cl[0].expr_start && i < cl[0].expr_end)
            continue;
        if (t->kind != TK_NAME || (i > elt_start && is_op(tok_at(c, i - 1), ".")) || is_op(tok_at(c, i + 1), "="))
            continue;
        uint32_t name = intern(c, t->text, t->text_len);
        bool seen = false;
        for (uint32_t k = 0; k < ncap && !seen; k++)
            seen = captured[k] == name;
        for (uint32_t k = 0; k < nwalrus && !seen; k++)
            seen = walrus[k] == name;
        if (seen || !enclosing_local(outer, name))
            continue;
        if (ncap == P4B_MAX_LOCALS - 1)
            syntax_error(c, t, "generator expression reads too many variables");
        captured[ncap++] = name;
    }
    int line = c->line;
    int32_t outer_depth = outer->depth;
    Func *g = new_func(c, intern_cstr(c, "<genexpr>"), (uint32_t)first->line, false);
    c->fn = g;
    add_local(c, intern_cstr(c, ".0"));
    for (uint32_t k = 0; k < ncap; k++)
        add_local(c, captured[k]);
    g->nparams = 1 + ncap;
    for (uint32_t k = 0; k < nwalrus; k++) {
        uint32_t name = walrus[k];
        if (outer->is_module || declared_global(outer, name)) {
            PUSH(c, g->globals, g->nglobals, g->capglobals, name);
            continue;
        }
        if (find_local(outer, name) < 0 && !find_nonlocal(outer, name) && find_alias(outer, name) < 0) {
            c->fn = outer; /* first bound here: the enclosing function's local */
            add_local(c, name);
            c->fn = g;
        }
        if (!find_nonlocal(g, name)) {
            Declared d = {name, first->line, first->col};
            PUSH(c, g->nonlocals, g->nnonlocals, g->capnonlocals, d);
        }
    }
    g->is_generator = true;
    emit(c, OP_RETURN_GENERATOR, 0);
    Comp cp = {COMP_GEN, elt_start, elt_end, 0, 0};
    const char *inside = c->comprehension;
    c->comprehension = "generator expression";
    comprehension_clauses(c, &cp, cl, n, 0, 0, 0);
    c->comprehension = inside;
    finish_func(c);
    c->fn = outer;
    outer->depth = outer_depth;
    c->line = line;
    emit_const(c, K_CODE, g->index);
    emit(c, OP_MAKE_FUNCTION, 0);
    if (!outer->is_module || outer->naliases > 0) /* its free variables: compile_scope.c */
        g->make_pc = emit(c, OP_NOP, 0);
    c->pos = cl[0].expr_start;
    or_test(c);
    if (c->pos != cl[0].expr_end)
        syntax_error(c, peek(c), "invalid syntax");
    emit(c, OP_GET_ITER, 0);
    for (uint32_t k = 0; k < ncap; k++)
        load_name(c, captured[k], first);
    emit(c, OP_CALL, 1 + ncap);
    c->pos = close;
}

/* Is tokens [start, end) a literal CPython folds into a constant: a number
 * (maybe negated), a string or bytes literal, True, False or None? */
static bool is_constant(Compiler *c, uint32_t start, uint32_t end)
{
    if (end == start + 2 && is_op(tok_at(c, start), "-"))
        start++;
    if (end != start + 1)
        return false;
    Token *t = tok_at(c, start);
    if (t->kind == TK_INT || t->kind == TK_FLOAT)
        return true;
    if (t->kind == TK_STRING)
        return !(t->flags & STR_FSTRING);
    return t->kind == TK_KEYWORD && (t->kw == KW_True || t->kw == KW_False || t->kw == KW_None);
}

/* yield [testlist] | yield from test; the cursor is at `yield`. */
void yield_expr(Compiler *c)
{
    Token *t = next(c);
    Func *f = c->fn;
    if (c->comprehension)
        syntax_error(c, t, "'yield' inside %s", c->comprehension);
    if (f->is_module)
        syntax_error(c, t, "'yield' outside function");
    if (!f->is_generator) /* a yield the scan before the body missed */
        syntax_error(c, t, "'yield' inside this construct is not supported by P4JIT");
    if (at_kw(c, KW_from)) {
        /* CPython 3.11's loop: SEND resumes the inner iterator; what it
         * yields, this generator yields; its return value ends the loop */
        next(c);
        test(c);
        emit(c, OP_GET_YIELD_FROM_ITER, 0);
        emit_none(c);
        uint32_t send = emit(c, OP_SEND, 0);
        emit(c, OP_YIELD_VALUE, 0);
        emit(c, OP_JUMP, send);
        patch(c, send, here(c));
        f->depth -= 1; /* it v -> the return value */
        return;
    }
    if (ends_expression(peek(c)))
        emit_none(c);
    else
        testlist(c);
    emit(c, OP_YIELD_VALUE, 0);
}

/* An int literal (negated when neg): LOAD_INT/LOAD_CONST of an int32, or a
 * K_LONG constant (its decimal text in the string table) beyond. */
static void int_literal(Compiler *c, const Token *t, bool neg)
{
    int64_t v = neg ? -t->ival : t->ival;
    if (!t->flags && v >= INT32_MIN && v <= INT32_MAX) {
        emit_int(c, (int32_t)v);
        return;
    }
    char small[24];
    const char *digits = t->text;
    uint32_t n = t->text_len;
    if (!t->flags) {
        n = (uint32_t)snprintf(small, sizeof small, "%lld", (long long)t->ival);
        digits = small;
    }
    char *text = malloc((size_t)n + 2);
    if (!text)
        fail_at(c, "MemoryError", t->line, t->col, "out of memory");
    text[0] = '-';
    memcpy(text + 1, digits, n);
    emit_const(c, K_LONG, intern(c, neg ? text : text + 1, neg ? n + 1 : n));
    free(text);
}

void atom(Compiler *c)
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
        int_literal(c, t, false);
        return;
    case TK_FLOAT: {
        next(c);
        P4bConst k;
        memset(&k, 0, sizeof k);
        k.kind = t->flags & TOKF_IMAG ? K_IMAG : K_FLOAT;
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
        if (t->kw == KW_lambda) /* `x + lambda: 1` */
            syntax_error(c, t, "invalid syntax");
        syntax_error(c, t, "invalid syntax");
    case TK_OP:
        break;
    case TK_INDENT:
        fail_at(c, "IndentationError", t->line, t->col, "unexpected indent");
    default:
        syntax_error(c, t, "invalid syntax");
    }
    uint32_t open = c->pos, close = t->match > 0 ? (uint32_t)t->match : 0;
    if (is_op(t, "...")) { /* the built-in Ellipsis (a global of that name would shadow it) */
        next(c);
        emit(c, OP_LOAD_GLOBAL, global_slot(c, intern_cstr(c, "Ellipsis")));
        return;
    }
    if (is_op(t, "(")) {
        next(c);
        if (c->pos == close) {
            next(c);
            emit(c, OP_BUILD_TUPLE, 0);
            return;
        }
        if (at_kw(c, KW_yield)) { /* (yield x) */
            yield_expr(c);
            if (c->pos != close)
                syntax_error(c, peek(c), "invalid syntax");
            next(c);
            return;
        }
        uint32_t end = comprehension_for(c, c->pos, close);
        if (end) {
            uint32_t start = c->pos;
            c->pos = end;
            generator_expression(c, start, end, close);
            next(c);
            return;
        }
        if (at_op(c, "*")) {
            Token *star = peek(c);
            if (starred_items(c, 0, close) == 0)
                syntax_error(c, star, "cannot use starred expression here");
            expect_op(c, ")");
            emit(c, OP_LIST_TO_TUPLE, 0);
            return;
        }
        test(c);
        if (c->pos == close) {
            next(c);
            return; /* parenthesised expression */
        }
        if (!at_op(c, ","))
            syntax_error(c, peek(c), "invalid syntax");
        next(c);
        bool starred;
        uint32_t n = display_items(c, 1, close, NULL, &starred, NULL);
        expect_op(c, ")");
        emit(c, starred ? OP_LIST_TO_TUPLE : OP_BUILD_TUPLE, starred ? 0 : n);
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
        bool starred;
        uint32_t n = display_items(c, 0, close, NULL, &starred, NULL);
        expect_op(c, "]");
        if (!starred)
            emit(c, OP_BUILD_LIST, n);
        return;
    }
    if (is_op(t, "{")) {
        next(c);
        if (c->pos < close && !at_op(c, "**")) {
            /* {k: v for ...}, {x for ...} or {x, ...}: told apart by what
             * follows the first expression */
            uint32_t start = c->pos, kend = test_end(c, start);
            if (is_op(tok_at(c, kend), ":")) {
                uint32_t vend = test_end(c, kend + 1);
                if (is_kw(tok_at(c, vend), KW_for)) {
                    Comp cp = {COMP_DICT, start, kend, kend + 1, vend};
                    c->pos = vend;
                    comprehension_of(c, &cp, close);
                    next(c);
                    return;
                }
            } else {
                if (is_kw(tok_at(c, kend), KW_for)) {
                    Comp cp = {COMP_SET, start, kend, 0, 0};
                    c->pos = kend;
                    comprehension_of(c, &cp, close);
                    next(c);
                    return;
                }
                bool constant = true, starred;
                uint32_t n = display_items(c, 0, close, "starred items in set displays are not supported by P4JIT",
                                           &starred, &constant);
                next(c);
                if (n > BC_ARG_MAX / 2) /* never: the stack limit is far lower */
                    syntax_error(c, t, "set display too large");
                emit(c, OP_BUILD_SET, n | (constant && n > 2 ? BUILD_SET_FOLDED : 0));
                return;
            }
        }
        uint32_t n = 0;
        bool merged = false; /* after a **m: the dict is built, items update it */
        while (c->pos < close) {
            if (at_op(c, "**") || merged) {
                if (!merged)
                    emit(c, OP_BUILD_MAP, n);
                merged = true;
                if (at_op(c, "**")) {
                    next(c);
                    expr(c);
                } else {
                    test(c);
                    expect_op(c, ":");
                    test(c);
                    emit(c, OP_BUILD_MAP, 1);
                }
                emit(c, OP_DICT_UPDATE, 1);
                if (c->pos == close)
                    break;
                expect_op(c, ",");
                continue;
            }
            test(c);
            if (!at_op(c, ":"))
                syntax_error(c, peek(c), "invalid syntax");
            next(c);
            test(c);
            n++;
            if (c->pos == close)
                break;
            expect_op(c, ",");
        }
        next(c);
        if (!merged)
            emit(c, OP_BUILD_MAP, n);
        (void)open;
        return;
    }
    /* a closing bracket here is matched (the lexer checked), just early:
     * CPython calls that plain invalid syntax, e.g. `[i for i in]` */
    syntax_error(c, t, "invalid syntax");
}

/* Arguments with * or **: fn [positional list] {keyword dict} -> CALL_EX.
 * CPython evaluates every positional argument (starred or not) before the
 * keyword ones, so the tokens are gone over twice. */
static void star_call_args(Compiler *c, uint32_t close, int line)
{
    uint32_t start = c->pos, npos = 0;
    bool list = false, seen_kw = false, seen_dstar = false;
    uint32_t names[P4B_MAX_TUPLE], nkw = 0;
    /* CPython names the function in the error for f(*x) only when *x is the
     * sole positional argument; otherwise "Value after * ..." */
    uint32_t npositional = 0;
    while (c->pos < close) {
        Token *t = peek(c);
        bool dstar = is_op(t, "**"), kw = t->kind == TK_NAME && is_op(tok_at(c, c->pos + 1), "=");
        if (!dstar && !kw)
            npositional++;
        c->pos = test_end(c, c->pos + (dstar || is_op(t, "*") ? 1 : kw ? 2 : 0));
        if (c->pos >= close)
            break;
        c->pos++; /* the comma */
    }
    c->pos = start;
    /* pass 1: positional and *iterable */
    while (c->pos < close) {
        Token *t = peek(c);
        bool kw = t->kind == TK_NAME && is_op(tok_at(c, c->pos + 1), "=");
        if (is_op(t, "**")) {
            seen_dstar = true;
            c->pos = test_end(c, c->pos + 1);
        } else if (kw) {
            uint32_t name = intern(c, t->text, t->text_len);
            for (uint32_t k = 0; k < nkw; k++)
                if (names[k] == name)
                    syntax_error(c, t, "keyword argument repeated: %s", t->text);
            if (nkw >= P4B_MAX_TUPLE)
                syntax_error(c, t, "too many keyword arguments");
            names[nkw++] = name;
            seen_kw = true;
            c->pos = test_end(c, c->pos + 2);
        } else {
            bool star = is_op(t, "*");
            if (star && seen_dstar)
                syntax_error(c, t, "iterable argument unpacking follows keyword argument unpacking");
            if (!star && seen_dstar)
                syntax_error(c, t, "positional argument follows keyword argument unpacking");
            if (!star && seen_kw)
                syntax_error(c, t, "positional argument follows keyword argument");
            if (star)
                next(c);
            if (!list && star) { /* the plain ones so far make the list */
                emit(c, OP_BUILD_LIST, npos);
                list = true;
            }
            test(c);
            if (star)
                emit(c, OP_LIST_EXTEND, npositional == 1 ? 1 | 0x10000 : 1); /* 0x10000: f(*x) names f in its error */
            else if (list)
                emit(c, OP_LIST_APPEND, 1);
            else
                npos++;
        }
        if (c->pos == close)
            break;
        expect_op(c, ",");
    }
    if (!list)
        emit(c, OP_BUILD_LIST, npos);
    /* pass 2: name=value and **mapping */
    if (seen_kw || seen_dstar) {
        emit(c, OP_BUILD_MAP, 0);
        c->pos = start;
        while (c->pos < close) {
            Token *t = peek(c);
            if (is_op(t, "**")) {
                next(c);
                test(c);
                emit(c, OP_DICT_MERGE, 1);
            } else if (t->kind == TK_NAME && is_op(tok_at(c, c->pos + 1), "=")) {
                emit_str(c, t->text, t->text_len);
                c->pos += 2;
                test(c);
                emit(c, OP_BUILD_MAP, 1);
                emit(c, OP_DICT_MERGE, 1);
            } else {
                c->pos = test_end(c, c->pos + (is_op(t, "*") ? 1 : 0));
            }
            if (c->pos == close)
                break;
            expect_op(c, ",");
        }
    }
    c->pos = close + 1;
    c->line = line;
    emit(c, OP_CALL_EX, seen_kw || seen_dstar);
}

/* LOAD_CONST of a tuple of the n interned strings names (a call's keywords,
 * a class pattern's attribute names). */
void emit_name_tuple(Compiler *c, const uint32_t *names, uint32_t n)
{
    P4bConst items[P4B_MAX_TUPLE];
    uint32_t idx[P4B_MAX_TUPLE];
    for (uint32_t k = 0; k < n; k++) {
        memset(&items[k], 0, sizeof items[k]);
        items[k].kind = K_STR;
        items[k].u.index = names[k];
        idx[k] = add_const(c, items[k]);
    }
    P4bConst tup;
    memset(&tup, 0, sizeof tup);
    tup.kind = K_TUPLE;
    tup.u.tuple.count = n;
    Func *f = c->fn;
    if (f->nconsts >= P4B_MAX_CONSTS)
        fail_at(c, "SyntaxError", c->line, 0, "too many constants");
    f->consts = grow(c, f->consts, f->nconsts, &f->capconsts, sizeof *f->consts);
    tup.u.tuple.items = malloc((n ? n : 1) * sizeof(uint32_t));
    if (!tup.u.tuple.items)
        out_of_memory(c);
    memcpy(tup.u.tuple.items, idx, n * sizeof(uint32_t));
    f->consts[f->nconsts++] = tup;
    emit(c, OP_LOAD_CONST, f->nconsts - 1);
}

/* Arguments of a call; the cursor is after '('. */
static void call_args(Compiler *c, uint32_t close, bool method, int line)
{
    uint32_t npos = 0, nkw = 0;
    uint32_t names[P4B_MAX_TUPLE];
    if (c->pos < close) {
        uint32_t end = comprehension_for(c, c->pos, close);
        if (end) { /* f(x for x in y) */
            uint32_t start = c->pos;
            c->pos = end;
            generator_expression(c, start, end, close);
            npos = 1;
            goto done;
        }
    }
    for (uint32_t i = c->pos; i < close; i = skip_group(c, i)) {
        Token *t = tok_at(c, i);
        if ((is_op(t, "*") || is_op(t, "**")) && (i == c->pos || is_op(tok_at(c, i - 1), ","))) {
            star_call_args(c, close, line);
            return;
        }
    }
    while (c->pos < close) {
        Token *t = peek(c);
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
    emit_name_tuple(c, names, nkw);
    emit(c, OP_CALL_KW, npos + nkw);
}

/* One slice lower:upper[:step] ending before token `end`; None for what
 * is missing. */
static void slice_item(Compiler *c, uint32_t end)
{
    if (at_op(c, ":"))
        emit_none(c);
    else
        test(c);
    expect_op(c, ":");
    if (at_op(c, ":") || c->pos == end)
        emit_none(c);
    else
        test(c);
    uint32_t parts = 2;
    if (at_op(c, ":")) {
        next(c);
        if (c->pos == end)
            emit_none(c);
        else
            test(c);
        parts = 3;
    }
    if (c->pos != end)
        syntax_error(c, peek(c), "invalid syntax");
    emit(c, OP_BUILD_SLICE, parts);
}

/* The contents of [...] after a value: an index, a tuple, or a slice; a
 * tuple may hold slices (a[1:2, ::3]). */
void subscript(Compiler *c, uint32_t close)
{
    bool slice = false, comma = false;
    for (uint32_t i = c->pos; i < close; i = skip_group(c, i)) {
        if (is_op(tok_at(c, i), ":"))
            slice = true;
        if (is_op(tok_at(c, i), ","))
            comma = true;
    }
    if (!slice) {
        testlist(c);
        if (c->pos != close)
            syntax_error(c, peek(c), "invalid syntax");
        return;
    }
    uint32_t n = 0;
    while (c->pos < close) {
        uint32_t end = c->pos;
        bool has_colon = false;
        while (end < close && !is_op(tok_at(c, end), ",")) {
            if (is_op(tok_at(c, end), ":"))
                has_colon = true;
            end = skip_group(c, end);
        }
        if (end == c->pos)
            syntax_error(c, peek(c), "invalid syntax");
        if (has_colon) {
            slice_item(c, end);
        } else {
            test(c);
            if (c->pos != end)
                syntax_error(c, peek(c), "invalid syntax");
        }
        if (n++ >= P4B_MAX_TUPLE)
            syntax_error(c, peek(c), "too many items in a subscript");
        if (c->pos < close)
            expect_op(c, ",");
    }
    if (comma)
        emit(c, OP_BUILD_TUPLE, n);
}

/* atom trailers*, stopping before token `stop` (to leave the last trailer of
 * an assignment target to the caller). */
void primary_until(Compiler *c, uint32_t stop)
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
                    if ((tok_at(c, i)->kind == TK_NAME && is_op(tok_at(c, i + 1), "=")) ||
                        ((is_op(tok_at(c, i), "*") || is_op(tok_at(c, i), "**")) &&
                         (i == c->pos + 1 || is_op(tok_at(c, i - 1), ","))))
                        kw = true; /* CALL_KW and CALL_EX take a plain callable */
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

/* SEND/YIELD_VALUE/JUMP as `yield from`: the awaitable on the stack is
 * driven until it returns, its return value replacing it. */
void emit_await_loop(Compiler *c)
{
    emit(c, OP_GET_AWAITABLE, 0);
    emit_none(c);
    uint32_t send = emit(c, OP_SEND, 0);
    emit(c, OP_YIELD_VALUE, 0);
    emit(c, OP_JUMP, send);
    patch(c, send, here(c));
    c->fn->depth -= 1; /* it v -> the return value */
}

static void power(Compiler *c)
{
    int line = peek(c)->line;
    if (at_kw(c, KW_await)) { /* await primary: only in an async def (vm/coro.c) */
        Token *t = next(c);
        if (c->comprehension)
            syntax_error(c, t, "'await' inside %s is not supported by P4JIT", c->comprehension);
        if (!c->fn->is_coroutine)
            syntax_error(c, t, c->fn->is_module || c->fn->is_class ? "'await' outside function"
                                                                   : "'await' outside async function");
        primary_until(c, NONE_PC);
        c->line = line;
        emit_await_loop(c);
    } else {
        primary_until(c, NONE_PC);
    }
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
            c->line = n->line;
            int_literal(c, n, true);
        } else if (is_op(t, "-") && n->kind == TK_FLOAT && !(n->flags & TOKF_IMAG) && literal_alone) {
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
     {"@", OP_BINARY_MATMUL}},
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
void test(Compiler *c)
{
    enter(c);
    if (at_kw(c, KW_lambda)) {
        lambda_expr(c);
        leave(c);
        return;
    }
    Token *first = peek(c);
    if (first->kind == TK_NAME && is_op(tok_at(c, c->pos + 1), ":=")) {
        /* NAME := test: the value stays; in a comprehension the name is the
         * enclosing function's (the comprehension's own names are aliases) */
        uint32_t name = intern(c, first->text, first->text_len);
        if (find_alias(c->fn, name) >= 0)
            syntax_error(c, first, "assignment expression cannot rebind comprehension iteration variable '%s'",
                         first->text);
        c->pos += 2;
        test(c);
        c->line = first->line;
        emit(c, OP_DUP_TOP, 0);
        store_name(c, name);
        leave(c);
        return;
    }
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
void testlist(Compiler *c)
{
    if (at_kw(c, KW_yield)) { /* x = yield v, a statement `yield v` */
        yield_expr(c);
        return;
    }
    if (at_op(c, "*")) {
        Token *t = peek(c);
        if (starred_items(c, 0, NONE_PC) == 0)
            syntax_error(c, t, "can't use starred expression here");
        emit(c, OP_LIST_TO_TUPLE, 0);
        return;
    }
    test(c);
    if (!at_op(c, ","))
        return;
    uint32_t n = 1;
    while (at_op(c, ",")) {
        next(c);
        if (ends_expression(peek(c)) && !is_kw(peek(c), KW_if))
            break;
        if (at_op(c, "*")) {
            starred_items(c, n, NONE_PC);
            emit(c, OP_LIST_TO_TUPLE, 0);
            return;
        }
        test(c);
        n++;
    }
    emit(c, OP_BUILD_TUPLE, n);
}

/* ---- assignment targets ------------------------------------------------------------- */

bool has_top_level_comma(Compiler *c, uint32_t start, uint32_t end)
{
    for (uint32_t i = start; i < end; i = skip_group(c, i))
        if (is_op(tok_at(c, i), ","))
            return true;
    return false;
}

static void unpack_targets(Compiler *c, uint32_t start, uint32_t end, bool assign)
{
    uint32_t n = 0, items[256][2], star = NONE_PC;
    uint32_t i = start;
    while (i < end) {
        uint32_t s = i;
        while (i < end && !is_op(tok_at(c, i), ","))
            i = skip_group(c, i);
        if (n == 256)
            syntax_error(c, tok_at(c, s), "too many targets");
        if (i == s)
            syntax_error(c, tok_at(c, s), "invalid syntax");
        if (is_op(tok_at(c, s), "*")) {
            if (star != NONE_PC)
                syntax_error(c, tok_at(c, start), "multiple starred expressions in assignment");
            star = n;
        }
        items[n][0] = s;
        items[n][1] = i;
        n++;
        if (i < end)
            i++; /* the comma */
    }
    /* n == 0: `[] = x` and `() = x` are valid: x must be empty */
    c->line = tok_at(c, start)->line;
    if (star == NONE_PC) {
        emit(c, OP_UNPACK_SEQUENCE, n);
    } else {
        /* a, *b, c: the starred one gets a list of what the others leave */
        if (star > 255 || n - star - 1 > 255)
            syntax_error(c, tok_at(c, start), "too many expressions in star-unpacking assignment");
        emit(c, OP_UNPACK_EX, star | (n - star - 1) << 8);
        items[star][0]++;
    }
    for (uint32_t k = 0; k < n; k++)
        compile_target(c, items[k][0], items[k][1], assign);
}

const char *target_kind(Compiler *c, uint32_t start, uint32_t end)
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
void compile_target(Compiler *c, uint32_t start, uint32_t end, bool assign)
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
    if (is_op(t, "*"))
        syntax_error(c, t, "starred assignment target must be in a list or tuple");
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
    if (end >= start + 3 && is_op(tok_at(c, end - 2), ".") && last->kind == TK_NAME) {
        /* value obj STORE_ATTR */
        uint32_t save = c->pos;
        c->pos = start;
        primary_until(c, end - 2);
        if (c->pos != end - 2)
            syntax_error(c, tok_at(c, c->pos), "invalid syntax");
        c->pos = save;
        c->line = t->line;
        emit(c, OP_STORE_ATTR, intern(c, last->text, last->text_len));
        return;
    }
    const char *kind = target_kind(c, start, end);
    if (!kind)
        syntax_error(c, t, "cannot assign to %s", t->text);
    if (assign)
        syntax_error(c, t, "cannot assign to %s here. Maybe you meant '==' instead of '='?", kind);
    syntax_error(c, t, "cannot assign to %s", kind);
}
