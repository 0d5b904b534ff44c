/*
 * vector_notes.c - the --jit-report note of every loop (vector.c).
 */
#include <stdlib.h>
#include <string.h>

#include "jit/jit_int.h"
#include "jit/vector_int.h"

/* ---- --jit-report: a note per loop ------------------------------------------------------ */

/* A note for every loop of the function, outermost first, with its
 * bytecode span (for elementwise.c's loops, found by their stores' pcs). */
void notes_begin(Ir *ir)
{
    IrTmpMark mark = ir_tmp_mark(ir);
    uint32_t nb = ir->nblocks;
    int32_t *order = ir_tmp(ir, (nb + 1) * sizeof *order), *work = ir_tmp(ir, (nb + 1) * sizeof *work);
    uint8_t *in = ir_tmp(ir, nb + 1);
    free(ir->notes);
    ir->notes = NULL, ir->nnotes = 0;
    if (order && work && in) {
        ir_dominators(ir);
        ir_loops(ir);
        uint32_t n = ir_rpo(ir, order), loops = 0;
        for (uint32_t r = 0; r < n; r++)
            loops += ir->blocks[order[r]].loop_head == order[r];
        ir->notes = loops ? calloc(loops, sizeof *ir->notes) : NULL;
        for (uint32_t r = 0; r < n && ir->notes; r++) {
            int32_t h = order[r];
            if (ir->blocks[h].loop_head != h)
                continue;
            IrLoopNote *t = &ir->notes[ir->nnotes++];
            t->block = h, t->pc = t->lo = t->hi = ir->blocks[h].bc_start, t->ref_pc = UINT32_MAX;
            ir_loop_blocks(ir, h, in, work);
            for (uint32_t b = 0; b < nb; b++) { /* (a block's last bytecode: its terminator's) */
                const IrBlock *bl = &ir->blocks[b];
                if (in[b] && bl->nins && ir->ins[bl->ins[bl->nins - 1]].pc > t->hi)
                    t->hi = ir->ins[bl->ins[bl->nins - 1]].pc;
            }
        }
    }
    ir_tmp_release(ir, mark);
}

IrLoopNote *note_of(Ir *ir, int32_t h)
{
    for (uint32_t i = 0; i < ir->nnotes; i++)
        if (ir->notes[i].block == h)
            return &ir->notes[i];
    return NULL;
}

/* Every loop gets the same reason (nothing in the function to look at). */
void note_all(Ir *ir, const char *why)
{
    for (uint32_t i = 0; i < ir->nnotes; i++)
        if (!ir->notes[i].why && !ir->notes[i].how)
            ir->notes[i].why = why;
}

/* Loop h is on PIE (its blocks in `in`, before the change): its inner
 * loops and the loops not looked at yet say so. */
void note_done(Ir *ir, int32_t h, const uint8_t *in, const char *how, int lanes, int taps)
{
    IrLoopNote *t = note_of(ir, h);
    if (!t)
        return;
    t->how = how, t->lanes = (uint8_t)lanes, t->taps = (uint8_t)taps, t->why = t->why_dot = NULL;
    for (uint32_t i = 0; i < ir->nnotes; i++) {
        IrLoopNote *o = &ir->notes[i];
        if (o == t || o->how)
            continue;
        if (in[o->block])
            o->why = "inside the vectorised loop", o->why_op = 0, o->why_dot = NULL, o->ref_pc = t->pc;
        else if (!o->why)
            o->why = "not looked at: one loop per function is vectorised", o->ref_pc = t->pc;
    }
}

void ir_loop_notes_finish(Ir *ir)
{
    for (uint32_t v = 0; v < ir->nins && ir->nnotes; v++) {
        const IrIns *st = &ir->ins[v];
        if (st->op != IR_EWST || st->block < 0 || ir->blocks[st->block].dead)
            continue;
        IrLoopNote *best = NULL; /* the innermost loop around the store's bytecode */
        for (uint32_t i = 0; i < ir->nnotes; i++) {
            IrLoopNote *t = &ir->notes[i];
            if (t->lo <= st->pc && st->pc <= t->hi && (!best || t->hi - t->lo < best->hi - best->lo))
                best = t;
        }
        if (!best || best->how)
            continue;
        int lanes = 4; /* the scalar store it replaces: its element size */
        for (uint32_t w = 0; w < ir->nins; w++)
            if (ir->ins[w].op == IR_ASTORE && ir->ins[w].pc == st->pc)
                lanes = ir->ins[w].aux == 'b' || ir->ins[w].aux == 'B' ? 16
                        : ir->ins[w].aux == 'h' || ir->ins[w].aux == 'H' ? 8 : 4;
        if (st->aux & EW_LOW64) /* a narrowing store (elementwise.c): half a register */
            lanes /= 2;
        best->how = "elementwise", best->lanes = (uint8_t)lanes, best->why = best->why_dot = NULL;
        best->ref_pc = UINT32_MAX;
    }
}

/* A dot-product loop in the function (quick test: an innermost loop whose
 * body adds a product of two int8 loads to a header phi)? */
