/*
 * compile_scope.c - closures: which names are cells, and where each
 * function's closure comes from.
 *
 * The compiler is one pass, so a function's code is emitted before the
 * functions around it know all their locals (`def f(): return x` may come
 * before `x = 1` in the enclosing body). Instructions are fixed-width words,
 * so the decision is patched in afterwards:
 *   - a name a function reads but does not bind is emitted as a LOAD_GLOBAL
 *     and recorded (a NameUse); stores and deletes of `nonlocal` names too;
 *   - when a function ends, its own records are resolved against its locals
 *     and the records its nested functions passed up are checked against
 *     them; whatever is not bound there goes up to its parent in turn;
 *   - a record that meets a local of an enclosing function R captures it:
 *     R's slot becomes a cell (R's LOAD_FAST/STORE_FAST/DELETE_FAST of it
 *     become the _DEREF forms when R ends), the using instruction becomes
 *     LOAD_FREE/STORE_FREE/DELETE_FREE k, and every function between R and
 *     the user gets the variable as free variable (cell k of its closure);
 *   - at the end of the module the NOP that follows each nested
 *     MAKE_FUNCTION becomes MAKE_CLOSURE of a tuple saying where each cell
 *     comes from in the frame that makes the function.
 * A record that reaches the module stays a global (or, for a nonlocal
 * name, is the SyntaxError "no binding for nonlocal").
 *
 * Comprehension variables are hidden locals of the enclosing function, seen
 * under their names only while the comprehension is compiled: a lambda in
 * the element captures them at the lambda's end, while they are visible.
 */
#include <stdlib.h>
#include <string.h>

#include "lang/compile_int.h"

const Declared *find_nonlocal(Func *f, uint32_t name)
{
    for (uint32_t i = 0; i < f->nnonlocals; i++)
        if (f->nonlocals[i].name == name)
            return &f->nonlocals[i];
    return NULL;
}

/* The instructions of f: still in f while f is compiled, in its code
 * object after. */
static uint32_t *code_of(Compiler *c, Func *f) { return f->code ? f->code : c->codes[f->index].insns; }

/* The closure index of `name` in g, added (with the ones of the functions
 * between g and r) if new; r's local `slot` is where it lives. */
static uint32_t freevar_index(Compiler *c, Func *g, uint32_t name, Func *r, uint32_t slot)
{
    for (uint32_t k = 0; k < g->nfreevars; k++)
        if (g->freevars[k].name == name)
            return k;
    if (!g->parent)
        fail_at(c, "SyntaxError", (int)g->firstline, 0, "internal compiler error: free variable without a scope");
    int32_t source = g->parent == r ? (int32_t)slot : -1 - (int32_t)freevar_index(c, g->parent, name, r, slot);
    if (g->nfreevars >= P4B_MAX_LOCALS)
        fail_at(c, "SyntaxError", (int)g->firstline, 0, "too many free variables in '%s'", str_of(c, g->name));
    FreeVar v = {name, source};
    PUSH(c, g->freevars, g->nfreevars, g->capfreevars, v);
    return g->nfreevars - 1;
}

/* The use u (in a function nested in r) is r's local slot. */
static void capture(Compiler *c, Func *r, uint32_t slot, const NameUse *u)
{
    r->is_cell[slot] = 1;
    uint32_t k = freevar_index(c, u->owner, u->name, r, slot);
    static const unsigned ops[] = {OP_LOAD_FREE, OP_STORE_FREE, OP_DELETE_FREE};
    if (u->pc != NONE_PC) /* NONE_PC: the declaration itself */
        code_of(c, u->owner)[u->pc] = BC_MAKE(ops[u->kind], k);
}

/* u is not bound in f: it goes to f's parent. */
static void escalate(Compiler *c, Func *f, const NameUse *u)
{
    Func *p = f->parent;
    if (p) {
        int slot = find_alias(p, u->name); /* a comprehension variable being compiled */
        if (slot >= 0) {
            capture(c, p, (uint32_t)slot, u);
            return;
        }
    }
    if (!p || p->is_module || declared_global(p, u->name)) {
        if (u->nonlocal)
            fail_at(c, "SyntaxError", u->line, u->col, "no binding for nonlocal '%s' found", str_of(c, u->name));
        return; /* a global: the LOAD_GLOBAL stays */
    }
    PUSH(c, p->free, p->nfree, p->capfree, *u);
}

void resolve_names(Compiler *c, Func *f)
{
    /* names f itself uses: local if the name is local anywhere in the body */
    for (uint32_t i = 0; i < f->nuses; i++) {
        NameUse *u = &f->uses[i];
        int slot = u->nonlocal || u->past_class ? -1 : find_local(f, u->name);
        if (slot >= 0) {
            f->code[u->pc] = BC_MAKE(OP_LOAD_FAST, (uint32_t)slot);
            continue;
        }
        if (u->kind == USE_LOAD && u->pc != NONE_PC)
            f->code[u->pc] = BC_MAKE(OP_LOAD_GLOBAL, global_slot(c, u->name));
        escalate(c, f, u);
    }
    /* names nested functions use and do not bind: ours, or further up */
    for (uint32_t i = 0; i < f->nfree; i++) {
        NameUse u = f->free[i];
        /* a class body's names are not visible in the functions defined in it */
        int slot = f->is_class ? -1 : find_local(f, u.name);
        if (slot >= 0)
            capture(c, f, (uint32_t)slot, &u);
        else
            escalate(c, f, &u);
    }
    /* captured locals are cells from the first instruction on */
    for (uint32_t pc = 0; pc < f->ncode; pc++) {
        uint32_t w = f->code[pc], op = BC_OP(w), arg = BC_ARG(w);
        if ((op == OP_LOAD_FAST || op == OP_STORE_FAST || op == OP_DELETE_FAST) && f->is_cell[arg])
            f->code[pc] = BC_MAKE(op == OP_LOAD_FAST ? OP_LOAD_DEREF : op == OP_STORE_FAST ? OP_STORE_DEREF
                                                                                          : OP_DELETE_DEREF,
                                  arg);
    }
}

/* At the end of the module: each function with free variables gets its
 * closure where its parent makes it. */
void fill_closures(Compiler *c)
{
    for (Func *g = c->all_funcs; g; g = g->next_alloc) {
        if (g->nfreevars == 0)
            continue;
        if (!g->parent || g->make_pc == NONE_PC)
            fail_at(c, "SyntaxError", (int)g->firstline, 0, "internal compiler error: closure without a maker");
        P4bCode *code = &c->codes[g->parent->index];
        if (code->nconsts + g->nfreevars + 1 > P4B_MAX_CONSTS)
            fail_at(c, "SyntaxError", (int)g->firstline, 0, "too many constants");
        uint32_t *items = malloc(g->nfreevars * sizeof *items);
        P4bConst *consts = realloc(code->consts, (code->nconsts + g->nfreevars + 1) * sizeof *consts);
        if (!items || !consts) {
            free(items);
            if (consts)
                code->consts = consts;
            out_of_memory(c);
        }
        code->consts = consts;
        for (uint32_t k = 0; k < g->nfreevars; k++) {
            P4bConst *kc = &consts[code->nconsts];
            memset(kc, 0, sizeof *kc);
            kc->kind = K_INT;
            kc->u.i = g->freevars[k].source;
            items[k] = code->nconsts++;
        }
        P4bConst *tup = &consts[code->nconsts];
        memset(tup, 0, sizeof *tup);
        tup->kind = K_TUPLE;
        tup->u.tuple.count = g->nfreevars;
        tup->u.tuple.items = items;
        code->insns[g->make_pc] = BC_MAKE(OP_MAKE_CLOSURE, code->nconsts++);
    }
}
