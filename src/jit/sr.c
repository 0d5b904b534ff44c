/*
 * sr.c - induction-variable strength reduction: a[i*K + k] becomes a
 * pointer that moves by one element per iteration.
 *
 * In a counted loop (ir_counted_loop) with induction variable k and step c,
 * an array access whose index is scale*k + off, computed with plain
 * (unchecked) operations from loop-invariant scale, off and data pointer,
 * gets a pointer of its own:
 *     before the loop  p0 = data + ((scale*init + off) << size)
 *     in the loop      p = phi(p0, p + ((scale*c) << size)), access at p
 * The multiply, add and address arithmetic of every iteration become one
 * add. Arithmetic modulo 2^32 is linear, so the pointer equals the address
 * the plain operations computed on every iteration, wrapped or not. Checked
 * index chains (addo, mulo: the slow copy of a versioned loop, version.c)
 * are left alone: their checks must run. Accesses with the same data,
 * scale, offset and element size share one pointer. The int8 addresses a
 * PIE multiply-accumulate reads (vector.c: data + index) are reduced alike.
 */
#include <stdlib.h>

#include "jit/ir.h"


typedef struct Ptr {
    int32_t data, scale, off, phi;
    uint8_t shift;
} Ptr;

enum { MAX_PTRS = 16 };

typedef struct Sr {
    Ir *ir;
    int32_t h, pre;
    uint8_t *in;   /* per block */
    int32_t *work; /* room for a block list */
    IrCounted c;
    Ptr ptrs[MAX_PTRS];
    uint32_t nptrs;
    /* uses[v] in the live blocks, for the values there were when sr began
     * (nuses of them), counted at the first loop that asks (NULL before)
     * and then kept up to date: the instructions made since (counted_to up
     * to nins) are added before each question, and an operand sr rewrites
     * gives its use back (unuse). One walk of the function, not one per loop. */
    uint32_t *uses, nuses, counted_to;
} Sr;

static bool inside(const Sr *s, int32_t v) { return v >= 0 && s->ir->ins[v].block >= 0 && s->in[s->ir->ins[v].block]; }
static bool invariant(const Sr *s, int32_t v) { return v >= 0 && !inside(s, v); }


/* The pointer phi for (data, affine a, element size), made on first use. */
static int32_t pointer(Sr *s, int32_t data, IrAffine a, uint8_t shift)
{
    Ir *ir = s->ir;
    for (uint32_t i = 0; i < s->nptrs; i++) {
        const Ptr *p = &s->ptrs[i];
        if (p->data == data && p->scale == a.scale && p->off == a.off && p->shift == shift)
            return p->phi;
    }
    if (s->nptrs == MAX_PTRS)
        return -1;
    /* p0 = data + ((scale*init + off) << shift), in the preheader */
    int32_t t = s->c.init;
    if (a.scale >= 0)
        t = ir_add_before_term(ir, s->pre, IR_MUL, TY_INT, a.scale, t, -1);
    if (a.off >= 0)
        t = ir_add_before_term(ir, s->pre, IR_ADD, TY_INT, t, a.off, -1);
    if (shift)
        t = ir_add_before_term(ir, s->pre, IR_SHL, TY_INT, t, ir_const_before_term(ir, s->pre, shift), -1);
    int32_t p0 = ir_add_before_term(ir, s->pre, IR_ADD, TY_PTR, data, t, -1);
    /* stride = (scale*step) << shift, also before the loop */
    int32_t stride = ir_const_before_term(ir, s->pre, s->c.step);
    if (a.scale >= 0)
        stride = ir_add_before_term(ir, s->pre, IR_MUL, TY_INT, a.scale, stride, -1);
    if (shift)
        stride = ir_add_before_term(ir, s->pre, IR_SHL, TY_INT, stride, ir_const_before_term(ir, s->pre, shift), -1);
    /* the phi, and its step at the end of the iteration (after the last
     * use of the phi, so the two can share a register: rega.c) */
    int32_t phi = ir_add(ir, s->h, IR_PHI, TY_PTR, -1, -1, -1);
    int32_t next = ir_add(ir, -1, IR_ADD, TY_PTR, phi, stride, -1);
    int32_t list = ir_list_alloc(ir, 2);
    if (ir->oom)
        return -1;
    ir_move_ins(ir, next, s->c.latch);
    const IrBlock *hb = &ir->blocks[s->h];
    for (uint32_t i = 0; i < 2; i++)
        ir->lists[list + (int32_t)i] = hb->preds[i] == s->c.latch ? next : p0;
    ir->ins[phi].list = list;
    s->ptrs[s->nptrs++] = (Ptr){data, a.scale, a.off, phi, shift};
    return phi;
}

static void count_use(Ir *ir, int32_t *slot, void *ctx)
{
    Sr *s = ctx;
    (void)ir;
    if ((uint32_t)*slot < s->nuses)
        s->uses[*slot]++;
}

/* How many operand slots of the live blocks' instructions name v (a value
 * there was when sr began). */
static uint32_t uses_of(Sr *s, int32_t v)
{
    Ir *ir = s->ir;
    if (!s->uses) {
        if (!(s->uses = ir_tmp0(ir, (s->nuses + 1) * sizeof *s->uses))) {
            ir->oom = true;
            return 0;
        }
        for (uint32_t b = 0; b < ir->nblocks; b++)
            for (uint32_t i = 0; !ir->blocks[b].dead && i < ir->blocks[b].nins; i++)
                ir_for_operands(ir, ir->blocks[b].ins[i], count_use, s);
        s->counted_to = ir->nins;
    }
    for (; s->counted_to < ir->nins; s->counted_to++) {
        int32_t w = (int32_t)s->counted_to, b = ir->ins[w].block;
        if (b >= 0 && !ir->blocks[b].dead)
            ir_for_operands(ir, w, count_use, s);
    }
    return s->uses[v];
}

/* The operand slot of an instruction in live block b is rewritten: the
 * value it named loses that use. */
static void unuse(Sr *s, int32_t b, int32_t old)
{
    if (s->uses && !s->ir->blocks[b].dead && (uint32_t)old < s->nuses)
        s->uses[old]--;
}

/* A loop marked sr_own (vector_panel.c: the vector loop around a 16-tap
 * loop, whose output vectors each began with a `mul` or two): each
 * pointer its own blocks make, data + index with data made before the
 * loop and index affine in the counter (or that shifted by a constant:
 * c's int32 addresses), is read in the loop from a pointer phi instead,
 * one add an iteration. Reads after the loop keep the value (the phi has
 * stepped on by then); the inner loops' own pointers are theirs. */
static void reduce_own(Sr *s)
{
    Ir *ir = s->ir;
    for (uint32_t b = 0; b < ir->nblocks; b++) {
        for (uint32_t i = 0; s->in[b] && ir->blocks[b].loop_head == s->h && i < ir->blocks[b].nins; i++) {
            int32_t v = ir->blocks[b].ins[i];
            const IrIns *ad = &ir->ins[v];
            if (ad->op != IR_ADD || ad->type != TY_PTR)
                continue;
            bool swap = ir->ins[ad->b].type == TY_PTR; /* (fold may have put the index first) */
            int32_t data = swap ? ad->b : ad->a, index = swap ? ad->a : ad->b;
            if (!invariant(s, data) || !inside(s, index))
                continue;
            const IrIns *x = &ir->ins[index];
            const IrIns *k = x->op == IR_SHL ? &ir->ins[x->b] : NULL;
            uint8_t shift = 0;
            if (k && k->op == IR_CONST && k->k.i >= 1 && k->k.i <= 3 && inside(s, x->a))
                index = x->a, shift = (uint8_t)k->k.i;
            IrAffine a = ir_affine(ir, s->in, s->c.phi, index, false);
            int32_t p = a.ok ? pointer(s, data, a, shift) : -1;
            if (p < 0)
                continue;
            ir_replace_uses_in(ir, v, p, s->in); /* (p and its step read p, not v) */
        }
    }
}

static void reduce_loop(Sr *s)
{
    Ir *ir = s->ir;
    uint32_t nb = ir->nblocks;
    ir_loop_blocks(ir, s->h, s->in, s->work);
    bool own = ir->blocks[s->h].sr_own;
    for (uint32_t b = 0; b < nb && !own; b++) /* innermost loops only, but for sr_own's */
        if (s->in[b] && ir->blocks[b].loop_head != s->h)
            return;
    const IrBlock *hb = &ir->blocks[s->h];
    s->pre = -1;
    for (uint32_t p = 0; p < hb->npreds; p++)
        if (!s->in[hb->preds[p]])
            s->pre = hb->preds[p];
    if (s->pre < 0 || inside(s, s->c.init) || ir->ins[s->c.next].block < 0)
        return;
    s->nptrs = 0;
    if (own) {
        if (hb->npreds == 2)
            reduce_own(s);
        return;
    }
    /* the counter's own step, when nothing but its phi uses it, also moves
     * to the end of the iteration. Uses outside the loop count too: a
     * `break` taken after the step reads it (the phi after the loop, or a
     * deopt map on the way out), and at the end of the iteration it would
     * not have been computed on that path */
    if (ir->ins[s->c.next].op == IR_ADD && uses_of(s, s->c.next) == 1)
        ir_move_ins(ir, s->c.next, s->c.latch);
    for (uint32_t b = 0; b < nb; b++) {
        if (!s->in[b])
            continue;
        for (uint32_t i = 0; i < ir->blocks[b].nins; i++) {
            int32_t v = ir->blocks[b].ins[i];
            IrIns *in = &ir->ins[v];
            if (in->op == IR_VMAC) { /* its operands are int8 addresses: data + index (vector.c) */
                for (int o = 0; o < 2; o++) {
                    const IrIns *ad = &ir->ins[o ? in->b : in->a];
                    if (ad->op != IR_ADD || ad->type != TY_PTR)
                        continue;
                    bool swap = ir->ins[ad->b].type == TY_PTR; /* fold may have put the index first */
                    int32_t data = swap ? ad->b : ad->a, index = swap ? ad->a : ad->b;
                    if (!invariant(s, data) || !inside(s, index))
                        continue;
                    IrAffine a = ir_affine(ir, s->in, s->c.phi, index, false);
                    int32_t p = a.ok ? pointer(s, data, a, 0) : -1;
                    if (p < 0)
                        continue;
                    in = &ir->ins[v];
                    int32_t *slot = o ? &in->b : &in->a;
                    unuse(s, (int32_t)b, *slot);
                    *slot = p;
                }
                continue;
            }
            if ((in->op != IR_ALOAD && in->op != IR_ASTORE) || !invariant(s, in->a) || !inside(s, in->b))
                continue;
            IrAffine a = ir_affine(ir, s->in, s->c.phi, in->b, false);
            if (!a.ok)
                continue;
            int32_t p = pointer(s, in->a, a, (uint8_t)ir_elem_shift(in->aux));
            if (p < 0)
                return;
            int32_t zero = ir_const_int(ir, -1, 0);
            if (ir->oom)
                return;
            ir_move_ins(ir, zero, s->pre);
            in = &ir->ins[v];
            unuse(s, (int32_t)b, in->a);
            unuse(s, (int32_t)b, in->b);
            in->a = p, in->b = zero;
        }
    }
}

void ir_sr(Ir *ir)
{
    ir_dominators(ir);
    ir_loops(ir);
    uint32_t nb = ir->nblocks;
    IrTmpMark m = ir_tmp_mark(ir);
    Sr s = {ir, -1, -1, ir_tmp0(ir, 2 * nb + 2), ir_tmp(ir, (2 * nb + 2) * sizeof(int32_t)), {0}, {{0}}, 0, NULL, ir->nins, 0};
    if (!s.in || !s.work) {
        ir->oom = true;
        ir_tmp_release(ir, m);
        return;
    }
    for (uint32_t b = 0; b < nb && !ir->oom; b++)
        if (ir->blocks[b].loop_head == (int32_t)b && !ir->blocks[b].dead &&
            ir_counted_loop(ir, (int32_t)b, &s.c)) {
            s.h = (int32_t)b;
            reduce_loop(&s);
        }
    ir_tmp_release(ir, m);
}
