/*
 * compile_stmt.c - statements: simple ones, assignments, imports, and the
 * compound ones with their blocks (if, while, for, try), including how
 * break, continue and return leave try and finally blocks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/compile_int.h"

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
    b->as_name = NONE_PC;
    return b;
}

/* `except E as name`: name = None; del name, as CPython leaves the clause
 * (the exception's traceback would otherwise keep the frame alive) */
static void unbind_as_name(Compiler *c, const Block *b)
{
    emit_none(c);
    store_name(c, b->as_name);
    delete_name(c, b->as_name, b->as_tok);
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

void free_block(Block *b)
{
    free(b->breaks);
    free(b->ranges);
}

static void finally_body(Compiler *c, Block *b);

/* exit(None, None, None): a with statement left without an exception
 * (awaited in an async with) */
static void with_exit_call(Compiler *c, uint32_t exit_local, bool is_async)
{
    emit(c, OP_LOAD_FAST, exit_local);
    emit_none(c);
    emit_none(c);
    emit_none(c);
    emit(c, OP_CALL, 3);
    if (is_async)
        emit_await_loop(c);
    emit(c, OP_POP_TOP, 0);
}

/* Before leaving blocks [down_to, nblocks) by return/break/continue: run
 * the finally bodies (innermost first) outside their protected ranges.
 * pop_iterators (return): the iterators of the for loops left go too, so
 * that a break or continue in a finally body on the way, which cancels the
 * return and jumps to an outer loop, finds the stack as that loop has it. */
static void exit_blocks(Compiler *c, uint32_t down_to, bool pop_iterators, uint32_t *paused, uint32_t *npaused)
{
    Func *f = c->fn;
    *npaused = 0;
    for (uint32_t i = f->nblocks; i-- > down_to;) {
        Block *b = &f->blocks[i];
        if (pop_iterators && !b->hidden && b->kind == BL_FOR)
            emit(c, OP_POP_TOP, 0);
        if (b->hidden || (b->kind != BL_TRY && b->kind != BL_FINALLY && b->kind != BL_WITH && b->kind != BL_HANDLER))
            continue;
        if (b->open_start != NONE_PC) {
            pause_range(c, b);
            paused[(*npaused)++] = i;
        }
        if (b->kind == BL_FINALLY)
            finally_body(c, b);
        if (b->kind == BL_WITH)
            with_exit_call(c, b->with_exit, b->is_async);
        if (b->kind == BL_HANDLER && b->as_name != NONE_PC)
            unbind_as_name(c, b);
        if (b->kind == BL_HANDLER)
            emit(c, OP_POP_EXCEPT, 0);
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

/* A handler's code (except clauses, a finally's exceptional path, a with's
 * exit call) runs with its exception marked as being handled, so that an
 * exception raised there gets it as __context__: PUSH_EXC_INFO at the start,
 * POP_EXCEPT on every way out; exceptions leaving the handler pass through
 * a cleanup (POP_EXCEPT; RERAISE) that covers the handler's code. */
static uint32_t begin_handler(Compiler *c, int32_t depth)
{
    emit(c, OP_PUSH_EXC_INFO, 0);
    Block *b = push_block(c, BL_HANDLER);
    b->depth = (uint32_t)depth;
    resume_range(c, b);
    return c->fn->nblocks - 1;
}

static void end_handler(Compiler *c, uint32_t index, int32_t depth)
{
    Func *f = c->fn;
    Block *b = &f->blocks[index];
    pause_range(c, b);
    uint32_t cleanup = here(c);
    close_try(c, b, cleanup);
    free_block(b);
    f->nblocks--;
    int32_t saved = f->depth;
    f->depth = depth + 1;
    emit(c, OP_POP_EXCEPT, 0);
    emit(c, OP_RERAISE, 0);
    f->depth = saved;
}

/* ---- statements -------------------------------------------------------------------- */

/* Skips a block starting at its ':' and returns the index after it. */
uint32_t skip_block(Compiler *c, uint32_t i)
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
void block(Compiler *c, const char *what, int header_line)
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
    exit_blocks(c, li + 1, false, paused, &npaused);
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
    /* A finally body run on the way out may end in break or continue, which
     * cancels the return: the value waits in a hidden local, not on the
     * stack the loop's code expects to find as it left it. */
    Func *f = c->fn;
    bool through_finally = false;
    for (uint32_t i = 0; i < f->nblocks; i++)
        through_finally |= !f->blocks[i].hidden && f->blocks[i].kind == BL_FINALLY;
    uint32_t value = 0;
    if (through_finally) {
        value = hidden_local(c, "ret", HIDDEN_RET);
        emit(c, OP_STORE_FAST, value);
    }
    uint32_t paused[MAX_BLOCKS], npaused;
    int32_t depth = f->depth;
    exit_blocks(c, 0, through_finally, paused, &npaused);
    c->line = t->line;
    if (through_finally) {
        emit(c, OP_LOAD_FAST, value);
        release_hidden(c, HIDDEN_RET, value);
    }
    emit(c, OP_RETURN_VALUE, 0);
    if (through_finally)
        f->depth = depth; /* code after the return is compiled with the iterators counted */
    resume_blocks(c, paused, npaused);
}

static void raise_stmt(Compiler *c, Token *t)
{
    Func *f = c->fn;
    if (ends_expression(peek(c))) {
        c->line = t->line;
        if (f->nhandler == 0) {
            /* no handler here: the exception a caller is handling (a helper
             * called from an except clause re-raises it), else RuntimeError;
             * RERAISE of None looks it up at run time */
            emit_none(c);
            emit(c, OP_RERAISE, 0);
        } else {
            emit(c, OP_LOAD_FAST, f->handler_exc[f->nhandler - 1]);
            emit(c, OP_RERAISE, 0);
        }
        return;
    }
    test(c);
    if (at_kw(c, KW_from)) {
        next(c);
        test(c);
        c->line = t->line;
        emit(c, OP_RAISE_FROM, 0);
        return;
    }
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
            if (find_nonlocal(f, name))
                syntax_error(c, t, "name '%s' is nonlocal and global", t->text);
            PUSH(c, f->globals, f->nglobals, f->capglobals, name);
        }
    } while (at_op(c, ",") && next(c));
}

/* nonlocal a, b: the names are an enclosing function's (compile_scope.c). */
static void nonlocal_stmt(Compiler *c, Token *kw)
{
    Func *f = c->fn;
    if (f->is_module)
        syntax_error(c, kw, "nonlocal declaration not allowed at module level");
    do {
        Token *t = next(c);
        if (t->kind != TK_NAME)
            syntax_error(c, t, "invalid syntax");
        uint32_t name = intern(c, t->text, t->text_len);
        if (find_nonlocal(f, name))
            continue;
        for (uint32_t i = 0; i < f->nparams + CODE_NKWONLY(f->flags); i++)
            if (f->locals[i] == name)
                syntax_error(c, kw, "name '%s' is parameter and nonlocal", t->text);
        if (find_local(f, name) >= 0)
            syntax_error(c, kw, "name '%s' is assigned to before nonlocal declaration", t->text);
        for (uint32_t i = 0; i < f->nuses; i++)
            if (f->uses[i].name == name)
                syntax_error(c, kw, "name '%s' is used prior to nonlocal declaration", t->text);
        if (declared_global(f, name))
            syntax_error(c, kw, "name '%s' is nonlocal and global", t->text);
        Declared d = {name, kw->line, kw->col}; /* CPython reports at the statement */
        PUSH(c, f->nonlocals, f->nnonlocals, f->capnonlocals, d);
        /* a use without an instruction: checks the binding even if unused */
        NameUse u = {NONE_PC, name, kw->line, kw->col, USE_LOAD, true, f, false};
        PUSH(c, f->uses, f->nuses, f->capuses, u);
    } while (at_op(c, ",") && next(c));
}

/* Dotted module name at the cursor, as one string. */
static uint32_t dotted_name(Compiler *c, Token **last)
{
    char buf[1024];
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
    if (at_op(c, "*")) { /* module level only: a function's locals are fixed */
        if (!c->fn->is_module)
            syntax_error(c, t, "import * only allowed at module level");
        next(c);
        c->line = t->line;
        emit(c, OP_IMPORT_NAME, module);
        emit(c, OP_IMPORT_STAR, 0);
        return;
    }
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
        emit(c, OP_IMPORT_FROM, attr);
        store_name(c, bind);
    } while (at_op(c, ",") && next(c));
    if (paren)
        expect_op(c, ")");
    emit(c, OP_POP_TOP, 0);
}

/* del of the target in tokens [start, end): a name, x[i], or a tuple or
 * list of targets. */
static void del_target(Compiler *c, uint32_t start, uint32_t end)
{
    Token *t = tok_at(c, start), *last = tok_at(c, end - 1);
    if (start >= end)
        syntax_error(c, t, "invalid syntax");
    if (t->kind == TK_NAME && end == start + 1) {
        c->line = t->line;
        delete_name(c, intern(c, t->text, t->text_len), t);
        return;
    }
    if (has_top_level_comma(c, start, end) ||
        ((is_op(t, "(") || is_op(t, "[")) && t->match == (int32_t)end - 1)) {
        bool group = !has_top_level_comma(c, start, end);
        uint32_t i = group ? start + 1 : start, stop = group ? end - 1 : end;
        while (i < stop) {
            uint32_t s = i;
            while (i < stop && !is_op(tok_at(c, i), ","))
                i = skip_group(c, i);
            del_target(c, s, i);
            if (i < stop)
                i++;
        }
        return;
    }
    if (end >= start + 3 && is_op(tok_at(c, end - 2), ".") && last->kind == TK_NAME) {
        uint32_t save = c->pos;
        c->pos = start;
        primary_until(c, end - 2);
        if (c->pos != end - 2)
            syntax_error(c, tok_at(c, c->pos), "invalid syntax");
        c->pos = save;
        c->line = t->line;
        emit(c, OP_DELETE_ATTR, intern(c, last->text, last->text_len));
        return;
    }
    if (!is_op(last, "]") || last->match <= (int32_t)start)
        syntax_error(c, t, "cannot delete %s", target_kind(c, start, end) ? target_kind(c, start, end) : "literal");
    uint32_t open = (uint32_t)last->match, save = c->pos;
    c->pos = start;
    primary_until(c, open);
    next(c);
    subscript(c, end - 1);
    c->pos = save;
    c->line = t->line;
    emit(c, OP_DELETE_SUBSCR, 0);
}

static void del_stmt(Compiler *c)
{
    uint32_t start = c->pos, end = test_end(c, start);
    while (is_op(tok_at(c, end), ","))
        end = test_end(c, end + 1);
    del_target(c, start, end);
    c->pos = end;
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
    {"<<=", "<<"}, {">>=", ">>"}, {"&=", "&"}, {"|=", "|"}, {"^=", "^"}, {"@=", "@"},
};

static unsigned augmented_opcode(const char *op)
{
    static const unsigned codes[] = {OP_INPLACE_ADD, OP_INPLACE_SUB, OP_INPLACE_MUL, OP_BINARY_TRUEDIV,
                                     OP_BINARY_FLOORDIV, OP_BINARY_MOD, OP_BINARY_POW, OP_BINARY_LSHIFT,
                                     OP_BINARY_RSHIFT, OP_INPLACE_AND, OP_INPLACE_OR, OP_INPLACE_XOR,
                                     OP_BINARY_MATMUL};
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
    uint32_t oparg = bc_binary_takes_inplace(opcode) ? BINARY_ARG_INPLACE : 0; /* __itruediv__ first */
    if (t->kind == TK_NAME && opi == start + 1) {
        uint32_t name = intern(c, t->text, t->text_len);
        c->pos = start;
        atom(c);
        c->pos = opi + 1;
        testlist(c);
        c->line = t->line;
        emit(c, opcode, oparg);
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
        emit(c, opcode, oparg);
        emit(c, OP_ROT_THREE, 0);
        emit(c, OP_STORE_SUBSCR, 0);
    } else if (opi >= start + 3 && is_op(tok_at(c, opi - 2), ".") && last->kind == TK_NAME) {
        /* obj.name op= value: obj is evaluated once */
        uint32_t attr = intern(c, last->text, last->text_len);
        c->pos = start;
        primary_until(c, opi - 2);
        if (c->pos != opi - 2)
            syntax_error(c, tok_at(c, c->pos), "invalid syntax");
        c->line = t->line;
        emit(c, OP_DUP_TOP, 0);
        emit(c, OP_LOAD_ATTR, attr);
        c->pos = opi + 1;
        testlist(c);
        c->line = t->line;
        emit(c, opcode, oparg);
        emit(c, OP_ROT_TWO, 0);
        emit(c, OP_STORE_ATTR, attr);
    } else if (has_top_level_comma(c, start, opi)) {
        syntax_error(c, t, "'tuple' is an illegal expression for augmented assignment");
    } else {
        const char *kind = target_kind(c, start, opi);
        syntax_error(c, t, "'%s' is an illegal expression for augmented assignment", kind ? kind : "literal");
    }
    if (c->pos != end)
        syntax_error(c, peek(c), "invalid syntax");
}

/* A class body's `name: T [= v]`, after v is stored (CPython's order): T
 * goes into the body's __annotations__ dict (dataclasses and NamedTuple
 * read it). The dict is made by the first annotation the compiler meets,
 * not when the body starts as in CPython: a body whose first annotation is
 * in a branch not taken fails at the next one (docs/language.md, 28). */
static void class_annotation(Compiler *c, const Token *name, uint32_t colon, uint32_t ann_end)
{
    uint32_t ann = intern_cstr(c, "__annotations__");
    int slot = find_local(c->fn, ann);
    if (slot < 0) {
        emit(c, OP_BUILD_MAP, 0);
        slot = (int)add_local(c, ann);
        emit(c, OP_STORE_FAST, (uint32_t)slot);
    }
    c->pos = colon + 1;
    test(c);
    if (c->pos != ann_end)
        syntax_error(c, peek(c), "invalid syntax");
    emit(c, OP_LOAD_FAST, (uint32_t)slot);
    emit_str(c, name->text, name->text_len);
    emit(c, OP_STORE_SUBSCR, 0);
}

/* target: annotation [= value] (PEP 526), the ':' at colon and the '=' (if
 * any) at eq. Only a class body keeps annotations (of plain names, above);
 * at module level they are evaluated as CPython does, so an undefined name
 * in one is a NameError there; in a function they are not compiled at all.
 * A bare `name: T` in a function makes the name local. */
static void annotated_assignment(Compiler *c, uint32_t start, uint32_t colon, uint32_t eq, uint32_t end)
{
    Token *t = tok_at(c, start), *last = tok_at(c, colon - 1);
    Func *f = c->fn;
    bool paren = (is_op(t, "(") || is_op(t, "[")) && t->match == (int32_t)colon - 1;
    if (colon == start)
        syntax_error(c, tok_at(c, colon), "invalid syntax");
    if (has_top_level_comma(c, start, colon) || (paren && (is_op(t, "[") || has_top_level_comma(c, start + 1, colon - 1))))
        syntax_error(c, t, "only single target (not %s) can be annotated", is_op(t, "[") ? "list" : "tuple");
    bool simple = t->kind == TK_NAME && colon == start + 1;
    bool attr_or_item = colon >= start + 3 && ((is_op(tok_at(c, colon - 2), ".") && last->kind == TK_NAME) ||
                                               (is_op(last, "]") && last->match > (int32_t)start));
    if (!simple && !attr_or_item && !paren)
        syntax_error(c, t, "illegal target for annotation");
    uint32_t ann_end = eq ? eq : end;
    if (ann_end == colon + 1)
        syntax_error(c, tok_at(c, ann_end), "invalid syntax");
    bool keep = f->is_class && simple;
    if ((f->is_module || f->is_class) && !keep) {
        c->pos = colon + 1;
        test(c);
        if (c->pos != ann_end)
            syntax_error(c, peek(c), "invalid syntax");
        emit(c, OP_POP_TOP, 0);
    }
    if (eq) {
        c->pos = eq + 1;
        if (c->pos == end)
            syntax_error(c, tok_at(c, end), "invalid syntax");
        testlist(c);
        if (c->pos != end)
            syntax_error(c, peek(c), "invalid syntax");
        compile_target(c, start, colon, true);
    } else if (simple && !f->is_module && !f->is_class) {
        uint32_t name = intern(c, t->text, t->text_len);
        if (find_alias(f, name) < 0 && !declared_global(f, name) && !find_nonlocal(f, name))
            add_local(c, name);
    }
    if (keep)
        class_annotation(c, t, colon, ann_end);
    c->pos = end;
}

/* Are the tokens [start, end) string literals only, all str or all bytes
 * (mixing them is testlist's SyntaxError) and no f-string? */
static bool string_literals_only(Compiler *c, uint32_t start, uint32_t end)
{
    for (uint32_t i = start; i < end; i++) {
        const Token *t = tok_at(c, i);
        bool same_kind = (t->flags & STR_BYTES) == (tok_at(c, start)->flags & STR_BYTES);
        if (t->kind != TK_STRING || (t->flags & STR_FSTRING) || !same_kind)
            return false;
    }
    return end > start;
}

/* An expression statement or an assignment, ending at a NEWLINE or ';'. */
static void expression_statement(Compiler *c)
{
    uint32_t start = c->pos, end = start, colon = 0;
    /* the '=' positions: any number (CPython has no limit), 64 before the
     * first reallocation */
    uint32_t eqs_first[64], *eqs = eqs_first, cap = 64, neq = 0, aug = 0;
    for (;;) {
        Token *t = tok_at(c, end);
        if (t->kind == TK_NEWLINE || t->kind == TK_EOF || is_op(t, ";"))
            break;
        if (t->kind == TK_INDENT || t->kind == TK_DEDENT)
            syntax_error(c, t, "invalid syntax");
        /* the ':' scan below must not take `lambda x: x` for an annotation,
         * nor `lambda x=1: x` for an assignment */
        if (is_kw(t, KW_lambda)) {
            end = lambda_end(c, end);
            continue;
        }
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
        } else if (is_op(t, ":") && neq == 0 && !aug && !colon) {
            colon = end;
        } else if (is_op(t, ":=")) { /* only in parentheses as a statement */
            syntax_error(c, t, "invalid syntax");
        }
        end = skip_group(c, end);
    }
    if (colon) {
        if (aug || neq > 1)
            syntax_error(c, tok_at(c, aug ? aug : eqs[1]), "invalid syntax");
        annotated_assignment(c, start, colon, neq ? eqs[0] : 0, end);
        return;
    }
    if (aug) {
        if (neq)
            syntax_error(c, tok_at(c, eqs[0]), "invalid syntax");
        augmented_assignment(c, start, aug, end);
        return;
    }
    if (neq == 0) {
        /* an interactive statement shows its value: $display(value) */
        bool display = c->mode == P4_MODE_SINGLE && c->fn->is_module;
        if (!display && string_literals_only(c, start, end)) { /* a docstring, or a string as a comment: */
            c->pos = end; /* no code, as in CPython (the docstring is its code's: compile.c) */
            return;
        }
        if (display)
            emit(c, OP_LOAD_GLOBAL, global_slot(c, intern_cstr(c, "$display")));
        testlist(c);
        if (c->pos != end)
            syntax_error(c, peek(c), "invalid syntax");
        if (display)
            emit(c, OP_CALL, 1);
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
        case KW_nonlocal: next(c); nonlocal_stmt(c, t); return;
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

/* `TARGET in ITERABLE` of a for or async for: the target's tokens in
 * [*tstart, *tend) (stored later, in the loop), the iterable compiled. */
static void for_header(Compiler *c, Token *t, uint32_t *tstart, uint32_t *tend)
{
    *tstart = c->pos;
    while (!at_kw(c, KW_in)) {
        Token *k = peek(c);
        if (k->kind == TK_NEWLINE || k->kind == TK_EOF || is_op(k, ":"))
            syntax_error(c, k, "invalid syntax");
        c->pos = skip_group(c, c->pos);
    }
    *tend = c->pos;
    next(c);
    testlist(c);
    c->line = t->line;
}

static void for_stmt(Compiler *c, Token *t)
{
    uint32_t tstart, tend;
    for_header(c, t, &tstart, &tend);
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
    uint32_t handler_index = f->nblocks - 1; /* the BL_HANDLER begin_handler pushed */
    Block *handler = &f->blocks[handler_index];
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
                handler->as_name = intern(c, name->text, name->text_len);
                handler->as_tok = name;
                store_name(c, handler->as_name);
            }
        } else {
            bare_seen = true;
        }
        block(c, "'except' statement", k->line);
        handler = &f->blocks[handler_index];
        if (handler->as_name != NONE_PC) {
            unbind_as_name(c, handler);
            handler->as_name = NONE_PC;
        }
        emit(c, OP_POP_EXCEPT, 0);
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
        uint32_t hb = begin_handler(c, depth);
        uint32_t exc_local = hidden_local(c, "exc", HIDDEN_EXC);
        emit(c, OP_STORE_FAST, exc_local);
        except_clauses(c, &after_handlers, exc_local, t->line);
        end_handler(c, hb, depth);
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
        uint32_t hb = begin_handler(c, depth);
        uint32_t exc_local = hidden_local(c, "fin", HIDDEN_FIN);
        emit(c, OP_STORE_FAST, exc_local);
        Block tmp;
        memset(&tmp, 0, sizeof tmp);
        tmp.finally_tok = finally_tok;
        /* compile with the same nesting the try had; a bare `raise` in this
         * copy re-raises the exception passing through (CPython's), not the
         * one an enclosing except clause handles */
        uint32_t save = c->pos;
        c->pos = finally_tok;
        PUSH(c, f->handler_exc, f->nhandler, f->caphandler, exc_local);
        block(c, "'finally' statement", tok_at(c, finally_tok)->line);
        f->nhandler--;
        c->pos = save;
        emit(c, OP_LOAD_FAST, exc_local);
        emit(c, OP_RERAISE, 0);
        end_handler(c, hb, depth);
        release_hidden(c, HIDDEN_FIN, exc_local);
        f->depth = depth;
        patch(c, to_end, here(c));
        /* skip past the finally block in the token stream */
        if (!at_kw(c, KW_finally))
            syntax_error(c, peek(c), "invalid syntax");
        c->pos = skip_block(c, finally_tok);
    }
}

/* with A as x, B: BODY is with A as x: with B: BODY. For each item:
 *     A BEFORE_WITH          -> exit entered
 *     ROT_TWO STORE_FAST $w  -> entered        (the bound __exit__ in a hidden local)
 *     STORE x / POP_TOP
 *     BODY                      (protected; break/continue/return call exit first)
 *     exit(None, None, None); JUMP after
 * handler:  exc -> LOAD $w ROT_TWO WITH_EXCEPT -> exit exc suppress
 *     POP_JUMP_IF_FALSE reraise; POP_TOP; POP_TOP; JUMP after
 * reraise:  RERAISE */
static void with_items(Compiler *c, Token *t, bool is_async)
{
    Func *f = c->fn;
    int32_t depth = f->depth;
    uint32_t start = c->pos, end = test_end(c, start);
    c->line = t->line;
    test(c);
    if (c->pos != end)
        syntax_error(c, peek(c), "invalid syntax");
    emit(c, is_async ? OP_BEFORE_ASYNC_WITH : OP_BEFORE_WITH, 0);
    if (is_async) /* async with: __aenter__() is awaited, __aexit__'s results too */
        emit_await_loop(c);
    emit(c, OP_ROT_TWO, 0);
    uint32_t exit_local = hidden_local(c, "with", HIDDEN_WITH);
    emit(c, OP_STORE_FAST, exit_local);
    if (at_kw(c, KW_as)) {
        next(c);
        uint32_t tstart = c->pos, tend = test_end(c, tstart);
        compile_target(c, tstart, tend, false);
        c->pos = tend;
    } else {
        emit(c, OP_POP_TOP, 0);
    }
    Block *b = push_block(c, BL_WITH);
    uint32_t index = f->nblocks - 1;
    b->depth = (uint32_t)depth;
    b->with_exit = exit_local;
    b->is_async = is_async;
    resume_range(c, b);
    if (at_op(c, ",")) {
        next(c);
        enter(c);
        with_items(c, t, is_async);
        leave(c);
    } else {
        block(c, "'with' statement", t->line);
    }
    b = &f->blocks[index];
    pause_range(c, b);
    c->line = t->line;
    with_exit_call(c, exit_local, is_async);
    uint32_t to_end = emit(c, OP_JUMP, 0);
    uint32_t handler = here(c);
    close_try(c, b, handler);
    free_block(b);
    f->nblocks--;
    f->depth = depth + 1; /* the exception */
    uint32_t hb = begin_handler(c, depth);
    emit(c, OP_LOAD_FAST, exit_local);
    emit(c, OP_ROT_TWO, 0);
    if (is_async) {
        emit(c, OP_ASYNC_WITH_EXCEPT, 0);
        emit_await_loop(c);
    } else {
        emit(c, OP_WITH_EXCEPT, 0);
    }
    uint32_t reraise = emit(c, OP_POP_JUMP_IF_FALSE, 0);
    emit(c, OP_POP_TOP, 0);
    emit(c, OP_POP_TOP, 0);
    emit(c, OP_POP_EXCEPT, 0);
    uint32_t to_end2 = emit(c, OP_JUMP, 0);
    patch(c, reraise, here(c));
    f->depth = depth + 2;
    emit(c, OP_RERAISE, 0);
    end_handler(c, hb, depth);
    release_hidden(c, HIDDEN_WITH, exit_local);
    f->depth = depth;
    patch(c, to_end, here(c));
    patch(c, to_end2, here(c));
}

static void class_stmt(Compiler *c, Token *t)
{
    Token *name = next(c);
    if (name->kind != TK_NAME)
        syntax_error(c, name, "invalid syntax");
    compile_class(c, t, name);
    store_name(c, intern(c, name->text, name->text_len));
}

static void def_stmt(Compiler *c, Token *t)
{
    Token *name = next(c);
    if (name->kind != TK_NAME)
        syntax_error(c, name, "invalid syntax");
    compile_function(c, t, name);
}

/* @d1 @d2(x) def f(...) (or class C): the decorators are evaluated first, top down, and
 * applied bottom up: f = d1(d2(x)(f)). */
static void decorated(Compiler *c)
{
    Token *first = peek(c);
    uint32_t n = 0;
    while (at_op(c, "@")) {
        Token *at = next(c);
        c->line = at->line;
        if (n >= P4B_MAX_STACK / 2)
            syntax_error(c, at, "too many decorators");
        test(c);
        n++;
        if (peek(c)->kind != TK_NEWLINE)
            syntax_error(c, peek(c), "invalid syntax");
        next(c);
    }
    Token *d = peek(c);
    if (is_kw(d, KW_async) && is_kw(tok_at(c, c->pos + 1), KW_def)) { /* @dec async def */
        next(c);
        d = peek(c);
    }
    if (!is_kw(d, KW_def) && !is_kw(d, KW_class))
        syntax_error(c, d, "invalid syntax");
    next(c);
    Token *name = next(c);
    if (name->kind != TK_NAME)
        syntax_error(c, name, "invalid syntax");
    if (is_kw(d, KW_class))
        compile_class(c, d, name);
    else
        compile_function_value(c, d, name);
    c->line = first->line;
    while (n-- > 0)
        emit(c, OP_CALL, 1);
    store_name(c, intern(c, name->text, name->text_len));
}

/* async for TARGET in EXPR: BODY [else: ELSE] (in an async def):
 *     EXPR GET_AITER                      -> aiter
 * head: (protected) GET_ANEXT <await>  -> aiter value
 *     JUMP body
 * handler:  aiter exc -> END_ASYNC_FOR (StopAsyncIteration: both popped,
 *     else raised again); POP_EXCEPT; JUMP else
 * body: STORE TARGET; BODY; JUMP head
 * else: ELSE */
static void async_for_stmt(Compiler *c, Token *t)
{
    Func *f = c->fn;
    uint32_t tstart, tend;
    for_header(c, t, &tstart, &tend);
    emit(c, OP_GET_AITER, 0);
    int32_t depth = f->depth; /* with the aiter */
    uint32_t head = here(c);
    Block *tb = push_block(c, BL_TRY);
    uint32_t ti = f->nblocks - 1;
    tb->depth = (uint32_t)depth;
    resume_range(c, tb);
    emit(c, OP_GET_ANEXT, 0);
    emit_await_loop(c);
    tb = &f->blocks[ti];
    pause_range(c, tb);
    uint32_t to_body = emit(c, OP_JUMP, 0);
    close_try(c, tb, here(c));
    free_block(tb);
    f->nblocks--;
    f->depth = depth + 1; /* aiter exc */
    /* the handler's own cleanup unwinds below the aiter: END_ASYNC_FOR pops it */
    uint32_t hb = begin_handler(c, depth - 1);
    emit(c, OP_END_ASYNC_FOR, 0);
    emit(c, OP_POP_EXCEPT, 0);
    uint32_t to_else = emit(c, OP_JUMP, 0);
    end_handler(c, hb, depth - 1);
    patch(c, to_body, here(c));
    f->depth = depth + 1; /* aiter value */
    uint32_t body = c->pos;
    c->pos = tstart;
    compile_target(c, tstart, tend, false);
    c->pos = body;
    Block *b = push_block(c, BL_FOR);
    b->continue_pc = head;
    block(c, "'for' statement", t->line);
    c->line = t->line;
    emit(c, OP_JUMP, head);
    patch(c, to_else, here(c));
    f->depth = depth - 1; /* the loop's end popped the aiter */
    b = &f->blocks[f->nblocks - 1];
    if (at_kw(c, KW_else)) {
        Token *k = next(c);
        b->hidden = true;
        block(c, "'else' statement", k->line);
        b = &f->blocks[f->nblocks - 1];
        b->hidden = false;
    }
    end_loop(c, b, here(c));
}

/* async def / async with / async for; the cursor is past `async`. */
static void async_stmt(Compiler *c, Token *t)
{
    Token *k = next(c);
    if (is_kw(k, KW_def)) {
        def_stmt(c, k);
        return;
    }
    if (!is_kw(k, KW_with) && !is_kw(k, KW_for))
        syntax_error(c, k, "invalid syntax");
    if (!c->fn->is_coroutine)
        syntax_error(c, t, is_kw(k, KW_with) ? "'async with' outside async function"
                                             : "'async for' outside async function");
    if (is_kw(k, KW_with))
        with_items(c, t, true);
    else
        async_for_stmt(c, t);
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
        case KW_class: next(c); class_stmt(c, t); return;
        case KW_with:  next(c); with_items(c, t, false); return;
        case KW_async: next(c); async_stmt(c, t); return;
        case KW_else:
        case KW_elif:
        case KW_except:
        case KW_finally:
            syntax_error(c, t, "invalid syntax");
        default:
            break;
        }
    }
    if (is_op(t, "@")) {
        decorated(c);
        return;
    }
    if (is_match_statement(c)) { /* `match` is a soft keyword: only this shape makes it one */
        match_stmt(c);
        return;
    }
    simple_line(c);
}

void statement(Compiler *c)
{
    enter(c);
    int32_t depth = c->fn->depth;
    compound_or_simple(c);
    c->fn->depth = depth;
    leave(c);
}
