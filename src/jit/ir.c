/*
 * ir.c - building blocks of the IR: allocation, edges, use replacement.
 */
#include <stdlib.h>
#include <string.h>

#include "jit/ir.h"

const IrOpInfo ir_opinfo[IR__COUNT] = {
#define IR_OP_INFO(name, res, nops, flags) {#name, res, nops, flags},
    IR_OPS(IR_OP_INFO)
#undef IR_OP_INFO
};

void ir_init(Ir *ir, uint32_t expect)
{
    memset(ir, 0, sizeof *ir);
    /* room for what a function of this size usually needs: growing by
     * doubling copies the array again and again (and picolibc's realloc
     * clears each new block) */
    ir->ins = malloc((size_t)expect * sizeof *ir->ins);
    ir->capins = ir->ins ? expect : 0;
}

/* A chunk of the arena: a header, then `size` bytes of which `used` are taken. */
struct IrChunk {
    IrChunk *prev;
    uint32_t size, used;
};
#define CHUNK_HEAD ((sizeof(IrChunk) + 7) & ~(size_t)7)
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IR_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(IR_ASAN)
/* under AddressSanitizer every table is a malloc block of its own and
 * released ones are freed, so overruns and uses after release are caught */
enum { CHUNK_MIN = 0, CHUNK_KEEP = 0, POOL_MAX = 0 };
#else
enum { CHUNK_MIN = 16384, CHUNK_KEEP = 1, POOL_MAX = 8 };
#endif

/* Chunks of CHUNK_MIN bytes kept from one compile for the next (at most
 * POOL_MAX, 128 KB; ir_pool_free at jit_free): picolibc's malloc clears
 * every block it gives out, 16 KB of stores for each new chunk, at every
 * compile (bench/RESULTS.md, "jitperf"). Compiles nest (a callee compiled
 * first), never run at once: one pool. */
static IrChunk *pool;
static uint32_t npool;

void ir_pool_free(void)
{
    for (IrChunk *c = pool, *prev; c; c = prev) {
        prev = c->prev;
        free(c);
    }
    pool = NULL, npool = 0;
}

void *ir_tmp(Ir *ir, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    IrChunk *c = ir->tmp;
    if (!c || c->size - c->used < n) {
        /* a chunk given back that is large enough, else a new one */
        IrChunk **p = &ir->tmp_spare;
        while (*p && (*p)->size < n)
            p = &(*p)->prev;
        if (*p) {
            c = *p;
            *p = c->prev;
        } else if (n <= CHUNK_MIN && pool) {
            c = pool;
            pool = c->prev, npool--;
        } else {
            size_t size = n > CHUNK_MIN ? n : CHUNK_MIN;
            if (size > UINT32_MAX - CHUNK_HEAD || !(c = malloc(CHUNK_HEAD + size)))
                return NULL;
            c->size = (uint32_t)size;
        }
        c->used = 0;
        c->prev = ir->tmp;
        ir->tmp = c;
    }
    void *p = (char *)c + CHUNK_HEAD + c->used;
    c->used += (uint32_t)n;
    return p;
}

void *ir_tmp0(Ir *ir, size_t n)
{
    void *p = ir_tmp(ir, n);
    if (p)
        memset(p, 0, n);
    return p;
}

IrTmpMark ir_tmp_mark(const Ir *ir)
{
    return (IrTmpMark){ir->tmp, ir->tmp ? ir->tmp->used : 0};
}

void ir_tmp_release(Ir *ir, IrTmpMark m)
{
    while (ir->tmp && ir->tmp != m.chunk) {
        IrChunk *c = ir->tmp;
        ir->tmp = c->prev;
        if (CHUNK_KEEP) {
            c->prev = ir->tmp_spare;
            ir->tmp_spare = c;
        } else
            free(c);
    }
    if (ir->tmp)
        ir->tmp->used = m.used;
}

void ir_free(Ir *ir)
{
    ir_tmp_release(ir, (IrTmpMark){NULL, 0});
    for (IrChunk *c = ir->tmp_spare, *prev; c; c = prev) {
        prev = c->prev;
        if (c->size == CHUNK_MIN && npool < POOL_MAX) {
            c->prev = pool;
            pool = c, npool++;
        } else
            free(c);
    }
    for (uint32_t b = 0; b < ir->nblocks; b++)
        free(ir->blocks[b].ins);
    free(ir->blocks);
    free(ir->ins);
    free(ir->lists);
    free(ir->extra);
    free(ir->notes);
    free(ir->ranges);
    free(ir->rpo);
    memset(ir, 0, sizeof *ir);
}

/* Grows *p (n items of size sz, capacity *cap) to hold one more. */
static bool grow(void **p, uint32_t n, uint32_t *cap, size_t sz)
{
    if (n < *cap)
        return true;
    uint32_t nc = *cap ? *cap * 2 : 16;
    void *q = realloc(*p, (size_t)nc * sz);
    if (!q)
        return false;
    *p = q;
    *cap = nc;
    return true;
}

/* Block lists are short and change one item at a time: plain loops, not
 * picolibc's memmove, whose call and set-up cost more than the copy (the
 * insertion carries each item to the next slot, a loop the compiler does
 * not turn back into memmove). */
static void list_insert(IrBlock *b, uint32_t at, int32_t v)
{
    for (uint32_t k = at; k < b->nins; k++) {
        int32_t t = b->ins[k];
        b->ins[k] = v;
        v = t;
    }
    b->ins[b->nins++] = v;
}

static void list_remove(IrBlock *b, int32_t v)
{
    uint32_t i = 0;
    while (i < b->nins && b->ins[i] != v)
        i++;
    if (i == b->nins)
        return;
    for (b->nins--; i < b->nins; i++)
        b->ins[i] = b->ins[i + 1];
}

int32_t ir_new_block(Ir *ir, uint32_t bc_start)
{
    /* doubling: a block is large (its predecessor array), and growing by
     * one copied all of them for every new block */
    if (!grow((void **)&ir->blocks, ir->nblocks, &ir->capblocks, sizeof(IrBlock))) {
        ir->oom = true;
        return -1;
    }
    IrBlock *b = &ir->blocks[ir->nblocks];
    memset(b, 0, sizeof *b);
    b->bc_start = bc_start;
    b->idom = -1;
    b->loop_head = -1;
    ir_cfg_changed(ir);
    return (int32_t)ir->nblocks++;
}

int32_t ir_add(Ir *ir, int32_t block, IrOp op, IrType type, int32_t a, int32_t b, int32_t c)
{
    if (ir->oom || !grow((void **)&ir->ins, ir->nins, &ir->capins, sizeof(IrIns))) {
        ir->oom = true;
        return 0;
    }
    int32_t v = (int32_t)ir->nins++;
    IrIns *in = &ir->ins[v];
    /* stores of the fields (a memset call per instruction cost more) */
    *in = (IrIns){.op = (uint8_t)op, .type = (uint8_t)type, .a = a, .b = b, .c = c, .list = -1,
                  .w = {-1, -1, -1}, .dm = -1, .block = block};
    if (block >= 0) {
        IrBlock *bl = &ir->blocks[block];
        if (!grow((void **)&bl->ins, bl->nins, &bl->cap, sizeof(int32_t))) {
            ir->oom = true;
            return v;
        }
        if (op == IR_PHI) { /* phis stay in front */
            uint32_t at = 0;
            while (at < bl->nins && ir->ins[bl->ins[at]].op == IR_PHI)
                at++;
            list_insert(bl, at, v);
        } else
            bl->ins[bl->nins++] = v;
    }
    return v;
}

int32_t ir_const_int(Ir *ir, int32_t block, int32_t v)
{
    int32_t r = ir_add(ir, block, IR_CONST, TY_INT, -1, -1, -1);
    ir->ins[r].k.i = v;
    return r;
}

int32_t ir_const_float(Ir *ir, int32_t block, float v)
{
    int32_t r = ir_add(ir, block, IR_CONST, TY_FLOAT, -1, -1, -1);
    ir->ins[r].k.f = v;
    return r;
}

int32_t ir_list_alloc(Ir *ir, uint32_t n)
{
    while (ir->nlists + n > ir->caplists) {
        if (!grow((void **)&ir->lists, ir->caplists, &ir->caplists, sizeof(int32_t))) {
            ir->oom = true;
            return 0;
        }
    }
    int32_t at = (int32_t)ir->nlists;
    for (uint32_t i = 0; i < n; i++)
        ir->lists[at + (int32_t)i] = -1;
    ir->nlists += n;
    return at;
}

void ir_copy_deopt_map(Ir *ir, int32_t w, const IrIns *src)
{
    if (src->dm < 0)
        return;
    uint32_t n = src->ndm + 1u + (uint32_t)ir->lists[src->dm + src->ndm]; /* values, tag count, tags */
    int32_t at = ir_list_alloc(ir, n);
    if (ir->oom)
        return;
    memcpy(&ir->lists[at], &ir->lists[src->dm], n * sizeof *ir->lists);
    ir->ins[w].dm = at, ir->ins[w].ndm = src->ndm;
}

void ir_add_edge(Ir *ir, int32_t from, int32_t to)
{
    IrBlock *f = &ir->blocks[from], *t = &ir->blocks[to];
    if (t->npreds >= IR_MAX_PREDS || f->nsucc >= 2) {
        ir->oom = true; /* reported as a refusal by the builder, or by jit.c after the passes */
        ir->preds_full |= t->npreds >= IR_MAX_PREDS;
        return;
    }
    f->succ[f->nsucc++] = to;
    t->preds[t->npreds++] = from;
    ir_cfg_changed(ir);
}

void ir_move_ins(Ir *ir, int32_t v, int32_t block)
{
    IrIns *in = &ir->ins[v];
    IrBlock *to = &ir->blocks[block];
    if (!grow((void **)&to->ins, to->nins, &to->cap, sizeof(int32_t))) {
        ir->oom = true;
        return;
    }
    if (in->block >= 0)
        list_remove(&ir->blocks[in->block], v);
    uint32_t at = to->nins; /* before the terminator */
    if (at > 0 && (ir_opinfo[ir->ins[to->ins[at - 1]].op].flags & IR_TERM))
        at--;
    list_insert(to, at, v);
    in->block = block;
}

int32_t ir_add_before_term(Ir *ir, int32_t block, IrOp op, IrType type, int32_t a, int32_t b, int32_t c)
{
    int32_t v = ir_add(ir, -1, op, type, a, b, c);
    if (!ir->oom)
        ir_move_ins(ir, v, block);
    return v;
}

int32_t ir_const_before_term(Ir *ir, int32_t block, int32_t k)
{
    int32_t v = ir_const_int(ir, -1, k);
    if (!ir->oom)
        ir_move_ins(ir, v, block);
    return v;
}

void ir_insert_after(Ir *ir, int32_t v, int32_t after)
{
    IrBlock *b = &ir->blocks[ir->ins[after].block];
    if (!grow((void **)&b->ins, b->nins, &b->cap, sizeof(int32_t))) {
        ir->oom = true;
        return;
    }
    uint32_t at = 0;
    while (at < b->nins && b->ins[at] != after)
        at++;
    list_insert(b, at + 1, v);
    ir->ins[v].block = ir->ins[after].block;
}

int32_t ir_clamped_limit(Ir *ir, int32_t block, int32_t n, int32_t d)
{
    int32_t kmin = ir_const_int(ir, -1, INT32_MIN + d);
    int32_t small = ir_add(ir, -1, IR_CMP, TY_BOOL, n, kmin, -1);
    int32_t clamped = ir_add(ir, -1, IR_SELECT, TY_INT, small, kmin, n);
    int32_t kd = ir_const_int(ir, -1, d);
    int32_t lim = ir_add(ir, -1, IR_SUB, TY_INT, clamped, kd, -1);
    if (ir->oom)
        return lim;
    ir->ins[small].aux = CC_LT;
    const int32_t made[] = {kmin, small, clamped, kd, lim};
    for (unsigned i = 0; i < sizeof made / sizeof *made; i++)
        ir_move_ins(ir, made[i], block);
    return lim;
}

void ir_remove_ins(Ir *ir, int32_t v)
{
    IrIns *in = &ir->ins[v];
    if (in->block < 0)
        return;
    list_remove(&ir->blocks[in->block], v);
    ir_drop(ir, v);
    in->op = IR_NOP;
}

static void replace_one(Ir *ir, int32_t *slot, void *ctx)
{
    const int32_t *ft = ctx;
    if (*slot == ft[0])
        *slot = ft[1];
}

void ir_replace_uses_in(Ir *ir, int32_t from, int32_t to, const uint8_t *in)
{
    int32_t ft[2] = {from, to};
    for (uint32_t b = 0; b < ir->nblocks; b++) {
        IrBlock *bl = &ir->blocks[b];
        for (uint32_t i = 0; (!in || in[b]) && i < bl->nins; i++)
            ir_for_operands(ir, bl->ins[i], replace_one, ft);
    }
}

void ir_replace_uses(Ir *ir, int32_t from, int32_t to) { ir_replace_uses_in(ir, from, to, NULL); }

bool ir_block_calls(const Ir *ir, int32_t b)
{
    for (int32_t i = b < 0 ? 0 : b; i < (b < 0 ? (int32_t)ir->nblocks : b + 1); i++) {
        const IrBlock *bl = &ir->blocks[i];
        if (bl->dead)
            continue;
        for (uint32_t k = 0; k < bl->nins; k++)
            if (ir->ins[bl->ins[k]].op == IR_CALL)
                return true;
    }
    return false;
}
