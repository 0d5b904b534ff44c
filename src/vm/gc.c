/*
 * gc.c - the object heap: one fixed arena, a non-moving precise mark-sweep
 * collector, and the VM's life cycle.
 *
 * Every block in the arena starts with an Obj header whose `gc` word holds
 * the block size (a multiple of 8) and the mark bit, so the sweep can walk the
 * arena block by block. Free blocks carry type GC_FREE and a next pointer.
 * Allocation takes an exact-size free list for small blocks, then the
 * untouched tail of the arena, then splits a larger free block; only when all
 * fail does it collect, and then it tries once more before raising
 * MemoryError. Collection marks from the roots (value stack, pending
 * exception, C roots, the program) with an explicit grey stack and sweeps the
 * whole arena, coalescing neighbouring free blocks.
 */
#include <stdlib.h>
#include <string.h>

#include "port/port.h"
#include "vm/vm.h"
#include "vm/class.h"
#include "jit/jit.h"
#include "vm/set.h"
#include "vm/memview.h"

#if defined(P4_ASAN)
#include <sanitizer/asan_interface.h>
#define POISON(p, n)   ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n)   ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define GC_FREE      0xff /* Obj.type of a free block */
#define GC_MARK      1u
#define GC_ALIGN     8u
#define GC_MIN_BLOCK 16u
#define GC_SMALL_MAX (GC_MIN_BLOCK + GC_ALIGN * (GC_SMALL_BINS - 1)) /* 520 */

struct FreeBlock {
    Obj hdr;
    FreeBlock *next;
};

static uint32_t block_size(const Obj *o) { return o->gc & ~(GC_ALIGN - 1); }
static bool is_small(size_t size) { return size <= GC_SMALL_MAX; }
static unsigned bin_of(size_t size) { return (unsigned)((size - GC_MIN_BLOCK) / GC_ALIGN); }

bool gc_in_heap(const VM *vm, const void *p)
{
    return (const uint8_t *)p >= vm->heap.base && (const uint8_t *)p < vm->heap.top;
}

/* ---- free lists -------------------------------------------------------------- */

static void make_free(Heap *h, uint8_t *p, size_t size)
{
    FreeBlock *f = (FreeBlock *)p;
    UNPOISON(p, sizeof(FreeBlock));
    f->hdr.gc = (uint32_t)size;
    f->hdr.type = GC_FREE;
    f->hdr.flags = 0;
    f->hdr.aux = 0;
    if (is_small(size)) {
        f->next = h->bins[bin_of(size)];
        h->bins[bin_of(size)] = f;
    } else {
        f->next = h->large;
        h->large = f;
    }
    if (size > sizeof(FreeBlock))
        POISON(p + sizeof(FreeBlock), size - sizeof(FreeBlock));
}

/* Takes `size` bytes from the front of free block f (already unlinked). */
static void *split(Heap *h, FreeBlock *f, size_t size)
{
    size_t have = block_size(&f->hdr);
    uint8_t *p = (uint8_t *)f;
    if (have - size >= GC_MIN_BLOCK) {
        make_free(h, p + size, have - size);
        f->hdr.gc = (uint32_t)size;
    }
    return p;
}

static void *take_free(Heap *h, size_t size)
{
    if (is_small(size)) {
        FreeBlock **bin = &h->bins[bin_of(size)];
        if (*bin) {
            FreeBlock *f = *bin;
            *bin = f->next;
            return f;
        }
    }
    if ((size_t)(h->end - h->top) >= size) {
        uint8_t *p = h->top;
        h->top += size;
        UNPOISON(p, sizeof(Obj));
        ((Obj *)p)->gc = (uint32_t)size;
        return p;
    }
    for (FreeBlock **pp = &h->large; *pp; pp = &(*pp)->next) {
        FreeBlock *f = *pp;
        if (block_size(&f->hdr) >= size) {
            *pp = f->next;
            return split(h, f, size);
        }
    }
    /* A larger small bin can be split, leaving a smaller free block. */
    if (is_small(size)) {
        for (unsigned b = bin_of(size) + 1; b < GC_SMALL_BINS; b++) {
            if (h->bins[b]) {
                FreeBlock *f = h->bins[b];
                h->bins[b] = f->next;
                return split(h, f, size);
            }
        }
    }
    return NULL;
}

/* Block p, taken from the free lists or the top, made an object of type;
 * zeroed after the header (to the end when all, else the header's words). */
static void *carve(Heap *h, void *p, Type type, bool all)
{
    Obj *o = p;
    uint32_t bsize = block_size(o);
    UNPOISON(p, bsize);
    memset((uint8_t *)p + sizeof(uint32_t), 0, (all ? bsize : sizeof(Obj)) - sizeof(uint32_t));
    o->gc = bsize;
    o->type = (uint8_t)type;
    h->allocated += bsize;
    return p;
}

void *gc_alloc(VM *vm, Type type, size_t size)
{
    Heap *h = &vm->heap;
    if (size > (size_t)(h->end - h->base)) {
        vm_raise_oom(vm);
        return NULL;
    }
    size = (size + GC_ALIGN - 1) & ~(size_t)(GC_ALIGN - 1);
    if (size < GC_MIN_BLOCK)
        size = GC_MIN_BLOCK;
    if (vm->cfg.gc_stress)
        gc_collect(vm);
    void *p = take_free(h, size);
    if (!p) {
        gc_collect(vm);
        p = take_free(h, size);
        if (!p) {
            vm_raise_oom(vm);
            return NULL;
        }
    }
    return carve(h, p, type, true);
}

void *gc_alloc_raw(VM *vm, size_t payload_size)
{
    Obj *o = gc_alloc(vm, T_RAW, sizeof(Obj) + payload_size);
    return o ? (void *)(o + 1) : NULL;
}

/* For compiled code's scratch memory (jit/scratch.c): a free block or
 * nothing, without a collection (compiled code's objects in registers are
 * not rooted there) and without an exception (it has a slower way); the
 * payload is not zeroed (it is written before it is read). */
void *gc_alloc_raw_quiet(VM *vm, size_t payload_size)
{
    Heap *h = &vm->heap;
    size_t size = (sizeof(Obj) + payload_size + GC_ALIGN - 1) & ~(size_t)(GC_ALIGN - 1);
    if (payload_size > (size_t)(h->end - h->base))
        return NULL;
    if (size < GC_MIN_BLOCK)
        size = GC_MIN_BLOCK;
    void *p = take_free(h, size);
    return p ? (void *)((Obj *)carve(h, p, T_RAW, false) + 1) : NULL;
}

static Obj *raw_header(const void *payload) { return (Obj *)payload - 1; }

size_t gc_raw_size(const void *payload)
{
    return block_size(raw_header(payload)) - sizeof(Obj);
}

void gc_free_raw(VM *vm, void *payload)
{
    if (!payload)
        return;
    Obj *o = raw_header(payload);
    if (!gc_in_heap(vm, o) || o->type != T_RAW)
        return;
    make_free(&vm->heap, (uint8_t *)o, block_size(o));
}

/* ---- marking ---------------------------------------------------------------- */

static void grey(VM *vm, Obj *o)
{
    if (!o || !gc_in_heap(vm, o) || (o->gc & GC_MARK))
        return;
    o->gc |= GC_MARK;
    Heap *h = &vm->heap;
    if (h->mark_len < h->mark_cap)
        h->mark_stack[h->mark_len++] = o;
    else
        h->mark_overflow = true; /* found again by the rescan in mark_all */
}

static void grey_value(VM *vm, Value v)
{
    if (v_is_obj(v))
        grey(vm, v.u.obj);
}

static void grey_raw(VM *vm, const void *payload)
{
    if (payload)
        grey(vm, raw_header(payload));
}

static void grey_values(VM *vm, const Value *v, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        grey_value(vm, v[i]);
}

static bool is_weak(const Obj *o)
{
    return o->type == T_LIBOBJ && (o->aux == LIB_WEAKREF || o->aux == LIB_FINALIZE);
}

/* Marks what an object refers to: the one place that knows every layout's
 * reference fields (obj.h). */
static void scan(VM *vm, Obj *o)
{
    switch (o->type) {
    case T_TUPLE: {
        Tuple *t = (Tuple *)o;
        grey_values(vm, t->items, t->len);
        break;
    }
    case T_LIST: {
        List *l = (List *)o;
        grey_raw(vm, l->items);
        grey_values(vm, l->items, l->len);
        break;
    }
    case T_DICT: {
        Dict *d = (Dict *)o;
        grey_raw(vm, d->entries);
        grey_raw(vm, d->index);
        for (uint32_t i = 0; i < d->used; i++) {
            grey_value(vm, d->entries[i].key);
            grey_value(vm, d->entries[i].value);
        }
        break;
    }
    case T_DICTVIEW:
        grey(vm, &((DictView *)o)->dict->hdr);
        break;
    case T_SLICE: {
        Slice *s = (Slice *)o;
        grey_value(vm, s->start);
        grey_value(vm, s->stop);
        grey_value(vm, s->step);
        break;
    }
    case T_ARRAY:
    case T_BYTEARRAY:
        grey_raw(vm, ((Array *)o)->data);
        break;
    case T_FUNCTION: {
        Function *f = (Function *)o;
        grey(vm, &f->code->hdr);
        if (f->defaults)
            grey(vm, &f->defaults->hdr);
        if (f->closure)
            grey(vm, &f->closure->hdr);
        if (f->kwdefaults)
            grey(vm, &f->kwdefaults->hdr);
        if (f->dict)
            grey(vm, &f->dict->hdr);
        if (f->renamed)
            grey(vm, &f->renamed->hdr);
        break;
    }
    case T_CELL: {
        Cell *cell = (Cell *)o;
        grey_value(vm, cell->value);
        if (cell->name)
            grey(vm, &cell->name->hdr);
        break;
    }
    case T_BOUNDMETHOD:
        grey_value(vm, ((BoundMethod *)o)->self);
        grey_value(vm, ((BoundMethod *)o)->func);
        break;
    case T_TYPE: /* in the heap only when made by a class statement */
        if (o->flags & TYPE_USER) {
            Class *c = (Class *)o;
            grey(vm, &c->name->hdr);
            grey(vm, &c->qualname->hdr);
            grey(vm, &c->module->hdr);
            grey(vm, &c->bases->hdr);
            grey(vm, &c->mro->hdr);
            grey(vm, &c->dict->hdr);
            if (c->meta)
                grey(vm, &c->meta->t.hdr);
        }
        break;
    case T_INSTANCE: {
        Instance *inst = (Instance *)o;
        if (inst->cls)
            grey(vm, &inst->cls->t.hdr);
        if (inst->dict)
            grey(vm, &inst->dict->hdr);
        grey_value(vm, inst->native);
        break;
    }
    case T_DESCR: {
        Descr *d = (Descr *)o;
        grey_value(vm, d->a);
        grey_value(vm, d->b);
        grey_value(vm, d->c);
        grey_value(vm, d->doc);
        break;
    }
    case T_EXCEPTION: {
        Exception *e = (Exception *)o;
        grey(vm, (Obj *)&e->cls->hdr); /* a user exception class lives in the heap */
        if (e->dict)
            grey(vm, &e->dict->hdr);
        grey_value(vm, e->cause);
        grey_value(vm, e->context);
        if (e->args)
            grey(vm, &e->args->hdr);
        grey_raw(vm, e->tb); /* code objects in it belong to the program */
        break;
    }
    case T_ITER:
        grey_value(vm, ((Iter *)o)->src);
        break;
    case T_GEN: {
        Gen *g = (Gen *)o;
        grey(vm, &g->func->hdr);
        grey_raw(vm, g->saved);
        grey_value(vm, g->handled);
        /* a running generator's values are on the VM stack; its saved copy is stale */
        if (g->saved && (g->hdr.aux == GEN_CREATED || g->hdr.aux == GEN_SUSPENDED))
            grey_values(vm, g->saved, g->func->code->nlocals + g->depth);
        break;
    }
    case T_SET:
    case T_FROZENSET: {
        Set *s = (Set *)o;
        grey_raw(vm, s->table);
        if (s->table)
            for (uint32_t i = 0; i <= s->mask; i++)
                grey_value(vm, s->table[i].key);
        break;
    }
    case T_LIBOBJ: {
        LibObj *l = (LibObj *)o;
        uint32_t weak = is_weak(o) ? 1 : 0; /* slot 0 of a weakref does not keep its object alive */
        grey_values(vm, l->slots + weak, l->nslots - weak);
        break;
    }
    case T_MEMVIEW:
        grey_value(vm, ((MemView *)o)->base);
        break;
    case T_CODE: {
        Code *c = (Code *)o;
        grey(vm, &c->program->hdr);
        if (c->name)
            grey(vm, &c->name->hdr);
        if (c->qualname)
            grey(vm, &c->qualname->hdr);
        if (c->doc)
            grey(vm, &c->doc->hdr);
        if (c->consts)
            grey(vm, &c->consts->hdr);
        break;
    }
    case T_MODULE: /* only imported modules live in the heap */
        if (o->flags & MODULE_PY)
            grey(vm, &((PyModule *)o)->program->hdr);
        break;
    case T_PROGRAM: {
        Program *p = (Program *)o;
        if (p->filename)
            grey(vm, &p->filename->hdr);
        grey_raw(vm, p->strings);
        grey_raw(vm, p->globals);
        grey_raw(vm, p->builtin_of_global);
        grey_raw(vm, p->codes);
        if (p->strings)
            grey_values(vm, p->strings, p->nstrings);
        if (p->globals)
            grey_values(vm, p->globals, p->nglobals);
        if (p->codes)
            grey_values(vm, p->codes, p->ncodes);
        grey_value(vm, p->ns_globals);
        grey_value(vm, p->ns_locals);
        if (p->extra_names)
            grey(vm, &p->extra_names->hdr);
        if (p->globals_dict)
            grey(vm, &p->globals_dict->hdr);
        break;
    }
    default: /* strings, ranges, longs, raw buffers: no references */
        break;
    }
}

static void drain(VM *vm)
{
    Heap *h = &vm->heap;
    while (h->mark_len > 0)
        scan(vm, h->mark_stack[--h->mark_len]);
}

static void finish_marking(VM *vm);

static void mark_all(VM *vm)
{
    Heap *h = &vm->heap;
    h->mark_len = 0;
    h->mark_overflow = false;

    for (Value *v = vm->stack; v < vm->sp; v++)
        grey_value(vm, *v);
    for (uint32_t i = 0; i < vm->nframes; i++) {
        grey(vm, &vm->frames[i].code->hdr);
        if (vm->frames[i].func)
            grey(vm, &vm->frames[i].func->hdr);
    }
    grey_values(vm, vm->roots, vm->nroots);
    grey_value(vm, vm->exc);
    if (vm->program)
        grey(vm, &vm->program->hdr);
    if (vm->modules)
        grey(vm, &vm->modules->hdr);
    if (vm->memory_error)
        grey(vm, &vm->memory_error->hdr);
    grey_values(vm, vm->handling, vm->nhandling < VM_MAX_HANDLING ? vm->nhandling : VM_MAX_HANDLING);
    if (vm->libstate)
        grey(vm, &vm->libstate->hdr);
    finish_marking(vm);
}

/* The grey stack overflowed: some marked objects were never scanned.
 * Rescan every marked object until nothing new gets marked. */
static void finish_marking(VM *vm)
{
    Heap *h = &vm->heap;
    drain(vm);
    while (h->mark_overflow) {
        h->mark_overflow = false;
        for (uint8_t *p = h->base; p < h->top; p += block_size((Obj *)p)) {
            Obj *o = (Obj *)p;
            if (o->type != GC_FREE && (o->gc & GC_MARK)) {
                scan(vm, o);
                drain(vm);
            }
        }
    }
}

/* ---- weak references (vm/weakrefmod.c) ----------------------------------------- */

#define FOR_EACH_BLOCK(h, o) \
    for (Obj *o = (Obj *)(h)->base; (uint8_t *)o < (h)->top; o = (Obj *)((uint8_t *)o + block_size(o)))

static bool referent_dies(const VM *vm, const LibObj *w)
{
    return v_is_obj(w->slots[0]) && !gc_marked(vm, w->slots[0].u.obj);
}

/* Between marking and sweeping, when weak objects exist: keeps queued
 * callbacks and the finalizers of live objects alive, clears the references
 * to objects that die and queues their callbacks (run later, outside the
 * collector, by weakref_run_pending). Each step walks the arena once; a
 * program without weak references never pays for it. */
static void weak_after_mark(VM *vm)
{
    Heap *h = &vm->heap;
    if (!h->weak_objects)
        return;
    /* 1. queued callbacks wait for weakref_run_pending */
    if (h->weak_pending) {
        FOR_EACH_BLOCK(h, o) {
            if (is_weak(o) && (o->flags & WEAK_PENDING))
                grey(vm, o);
        }
        finish_marking(vm);
    }
    /* 2. a finalizer lives as long as its object (whose liveness it may
     *    extend through its arguments: repeat until nothing changes) */
    for (bool again = true; again;) {
        again = false;
        FOR_EACH_BLOCK(h, o) {
            if (o->type == T_LIBOBJ && o->aux == LIB_FINALIZE && (o->flags & WEAK_ALIVE) &&
                !(o->gc & GC_MARK) && !referent_dies(vm, (LibObj *)o)) {
                grey(vm, o);
                finish_marking(vm);
                again = true;
            }
        }
    }
    /* 3. finalizers whose object dies: queued, and kept alive to run */
    bool queued = false;
    FOR_EACH_BLOCK(h, o) {
        if (o->type == T_LIBOBJ && o->aux == LIB_FINALIZE && (o->flags & WEAK_ALIVE) &&
            !(o->flags & WEAK_PENDING) && referent_dies(vm, (LibObj *)o)) {
            ((LibObj *)o)->slots[0] = v_none();
            o->flags |= WEAK_PENDING;
            grey(vm, o);
            queued = true;
        }
    }
    if (queued)
        finish_marking(vm);
    /* 4. references that survive to objects that die: cleared, their
     *    callbacks queued; references that die themselves call nothing */
    uint32_t live = 0, pending = 0;
    FOR_EACH_BLOCK(h, o) {
        if (!is_weak(o) || !(o->gc & GC_MARK))
            continue;
        LibObj *w = (LibObj *)o;
        if (o->aux == LIB_WEAKREF && referent_dies(vm, w)) {
            w->slots[0] = v_none();
            if (w->slots[1].type != T_NONE)
                o->flags |= WEAK_PENDING;
        }
        live++;
        pending += (o->flags & WEAK_PENDING) != 0;
    }
    h->weak_objects = live;
    h->weak_pending = pending;
}

/* ---- sweeping --------------------------------------------------------------- */

static void sweep(VM *vm)
{
    Heap *h = &vm->heap;
    memset(h->bins, 0, sizeof h->bins);
    h->large = NULL;
    size_t live = 0;
    uint8_t *run = NULL; /* start of the current run of free blocks */
    uint8_t *p = h->base;
    while (p < h->top) {
        Obj *o = (Obj *)p;
        UNPOISON(p, sizeof(Obj));
        uint32_t size = block_size(o);
        bool free_now = o->type == GC_FREE || !(o->gc & GC_MARK);
        if (free_now && o->type == T_PROGRAM && (o->flags & PROGRAM_EXEC))
            eval_program_release((Program *)o); /* its bytecode lives outside the heap */
        if (free_now) {
            if (!run)
                run = p;
        } else {
            o->gc &= ~GC_MARK;
            live += size;
            if (run) {
                make_free(h, run, (size_t)(p - run));
                run = NULL;
            }
        }
        p += size;
    }
    if (run) { /* a free run at the end gives the tail back */
        POISON(run, (size_t)(h->top - run));
        h->top = run;
    }
    h->live_bytes = live;
    h->allocated = 0;
}

bool gc_marked(const VM *vm, const void *p)
{
    return !gc_in_heap(vm, p) || (((const Obj *)p)->gc & GC_MARK) != 0;
}

void gc_collect(VM *vm)
{
    mark_all(vm);
    weak_after_mark(vm);
    if (vm->jit)
        jit_prune_dead(vm); /* before the sweep frees the functions it knows */
    sweep(vm);
    vm->heap.collections++;
}

/* The arena is poisoned until carved, so ASan reports any stray access. */
void gc_init_arena(VM *vm)
{
    POISON(vm->heap.base, (size_t)(vm->heap.end - vm->heap.base));
}

void gc_forget_jit(VM *vm)
{
    for (uint8_t *p = vm->heap.base; p && p < vm->heap.top; p += block_size((Obj *)p)) {
        UNPOISON(p, sizeof(Obj));
        if (((Obj *)p)->type == T_FUNCTION)
            ((Function *)p)->jit = NULL;
        else if (((Obj *)p)->type == T_CODE)
            ((Obj *)p)->flags &= (uint8_t)~CODE_JIT_DECLINED; /* a later JIT judges its calls afresh */
    }
}

void gc_release_arena(VM *vm)
{
    /* exec()'s programs still alive own bytecode outside the heap */
    for (uint8_t *p = vm->heap.base; p && p < vm->heap.top; p += block_size((Obj *)p)) {
        Obj *o = (Obj *)p;
        UNPOISON(p, sizeof(Obj));
        if (o->type == T_PROGRAM && (o->flags & PROGRAM_EXEC))
            eval_program_release((Program *)o);
    }
    UNPOISON(vm->heap.base, (size_t)(vm->heap.end - vm->heap.base));
}
