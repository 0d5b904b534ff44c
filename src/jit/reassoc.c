/*
 * reassoc.c - regroups chains of `or` by loop depth.
 *
 * A versioning guard (version.c) is one `or` of many failure flags. Some
 * depend on the enclosing loop's counter, others only on values from
 * further out, but they come in the order the checks had in the loop body,
 * so every partial `or` depends on the current iteration and licm.c can
 * hoist none of them: matmul's j loop recomputed and reloaded eight flags
 * per iteration, five of them fixed for the whole i loop. `or` is
 * associative, commutative and idempotent, so the leaves of a chain can be
 * taken in any order and once each: outermost first, so that each prefix
 * of the new chain is invariant in as many loops as its leaves allow.
 *
 * A chain is a tree of `or`s in one block whose inner nodes have no other
 * use. The rebuilt chain goes right before its root, which becomes its last
 * `or`; the old inner nodes lose their uses and dce.c removes them.
 */
#include <stdlib.h>
#include <string.h>

#include "jit/ir.h"

enum { MAX_LEAVES = 32 };

static bool inner_or(const Ir *ir, int32_t v, int32_t block)
{
    return v >= 0 && ir->ins[v].op == IR_OR && ir->ins[v].block == block && ir->ins[v].uses == 1;
}

static int32_t depth_of(const Ir *ir, int32_t v)
{
    int32_t b = ir->ins[v].block;
    return b >= 0 ? ir->blocks[b].loop_depth : 0;
}

/* The leaves under v (an or), each once; false when there are too many. */
static bool leaves(const Ir *ir, int32_t v, int32_t block, int32_t *leaf, uint32_t *n, uint32_t *nodes)
{
    (*nodes)++;
    int32_t ops[2] = {ir->ins[v].a, ir->ins[v].b};
    for (int k = 0; k < 2; k++) {
        if (inner_or(ir, ops[k], block)) {
            if (!leaves(ir, ops[k], block, leaf, n, nodes))
                return false;
            continue;
        }
        bool seen = false;
        for (uint32_t i = 0; i < *n && !seen; i++)
            seen = leaf[i] == ops[k];
        if (seen)
            continue;
        if (*n == MAX_LEAVES)
            return false;
        leaf[(*n)++] = ops[k];
    }
    return true;
}

static void regroup(Ir *ir, int32_t root)
{
    int32_t leaf[MAX_LEAVES];
    uint32_t n = 0, nodes = 0;
    int32_t block = ir->ins[root].block;
    if (!leaves(ir, root, block, leaf, &n, &nodes) || nodes < 2 || n < 2)
        return;
    /* stable insertion sort, outermost loop depth first */
    bool moved = n < nodes + 1; /* a leaf appeared twice */
    for (uint32_t i = 1; i < n; i++)
        for (uint32_t j = i; j > 0 && depth_of(ir, leaf[j]) < depth_of(ir, leaf[j - 1]); j--) {
            int32_t t = leaf[j];
            leaf[j] = leaf[j - 1], leaf[j - 1] = t;
            moved = true;
        }
    if (!moved)
        return;
    const IrBlock *b = &ir->blocks[block];
    uint32_t at = 0;
    while (b->ins[at] != root)
        at++;
    int32_t before = b->ins[at - 1], acc = leaf[0]; /* at > 0: the chain's inner ors come first */
    for (uint32_t i = 1; i + 1 < n; i++) {
        int32_t o = ir_add(ir, -1, IR_OR, (IrType)ir->ins[root].type, acc, leaf[i], -1);
        if (ir->oom)
            return;
        ir_insert_after(ir, o, before);
        before = acc = o;
    }
    ir->ins[root].a = acc;
    ir->ins[root].b = leaf[n - 1];
}

void ir_reassoc(Ir *ir)
{
    ir_dominators(ir);
    ir_loops(ir);
    ir_count_uses(ir);
    uint32_t nins = ir->nins;
    for (uint32_t v = 0; v < nins && !ir->oom; v++) {
        const IrIns *in = &ir->ins[v];
        if (in->op != IR_OR || in->block < 0 || ir->blocks[in->block].dead)
            continue;
        bool inner = false; /* part of a larger chain: its root regroups it */
        if (in->uses == 1) {
            const IrBlock *b = &ir->blocks[in->block];
            for (uint32_t i = 0; i < b->nins && !inner; i++) {
                const IrIns *u = &ir->ins[b->ins[i]];
                inner = u->op == IR_OR && (u->a == (int32_t)v || u->b == (int32_t)v);
            }
        }
        if (!inner)
            regroup(ir, (int32_t)v);
    }
}
