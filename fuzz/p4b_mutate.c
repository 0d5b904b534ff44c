/*
 * p4b_mutate.c - .p4b mutations that get past the envelope checks.
 *
 * Random bytes mostly die at the first count or index the loader reads, so
 * half of the mutations work on the parsed module instead: an instruction's
 * opcode or argument, a swap of two instructions, a constant, an exception
 * table entry, a code object's counts. After such a change the declared
 * maxstack is often set to what the stack verifier computes for the damaged
 * code, so that code which is consistent but wrong (UNPACK_SEQUENCE 0 of an
 * empty list, a CALL with the wrong count, a jump into another loop) reaches
 * the interpreter. The other half are raw byte edits. Either way the magic,
 * version, size and CRC are then made right.
 */
#include "p4b_mutate.h"

#include <stdlib.h>
#include <string.h>

#include "vm/p4b.h"

typedef struct Rng {
    uint32_t s;
} Rng;

/* xorshift32: enough spread for choosing, and the same on every host */
static uint32_t rnd(Rng *r)
{
    uint32_t x = r->s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return r->s = x;
}

static uint32_t below(Rng *r, uint32_t n)
{
    return n ? rnd(r) % n : 0;
}

static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

void p4b_fix_envelope(uint8_t *data, size_t size)
{
    if (size < 20)
        return;
    memcpy(data, P4B_MAGIC, 4);
    data[4] = P4B_VERSION_MAJOR;
    data[5] = 0;
    data[6] = P4B_VERSION_MINOR;
    data[7] = 0;
    put32(data + 12, (uint32_t)size);
    put32(data + size - 4, bc_crc32(data, size - 4));
}

/* Arguments worth trying: the edges of each kind's range, and near misses. */
static uint32_t interesting_arg(Rng *r, uint32_t old)
{
    switch (below(r, 8)) {
    case 0:  return 0;
    case 1:  return 1;
    case 2:  return old + 1;
    case 3:  return old ? old - 1 : 2;
    case 4:  return 255;
    case 5:  return BC_ARG_MAX;
    case 6:  return below(r, 8);
    default: return below(r, 300);
    }
}

/* An opcode with the same stack effect as op where one exists (the verifier
 * then still accepts the code, and the interpreter meets a value of a type
 * it did not expect), else any opcode. */
static unsigned similar_opcode(Rng *r, unsigned op)
{
    if (below(r, 3) == 0)
        return below(r, OP__COUNT + 2); /* now and then one past the table */
    if (op >= OP__COUNT) /* (one made past the table by an earlier mutation: no entry to compare) */
        return below(r, OP__COUNT);
    for (int tries = 0; tries < 16; tries++) {
        unsigned cand = below(r, OP__COUNT);
        if (bc_opinfo[cand].pops == bc_opinfo[op].pops && bc_opinfo[cand].pushes == bc_opinfo[op].pushes &&
            bc_opinfo[cand].flow == bc_opinfo[op].flow)
            return cand;
    }
    return below(r, OP__COUNT);
}

static void mutate_code(Rng *r, P4bModule *m, P4bCode *c)
{
    switch (below(r, 10)) {
    case 0: case 1: case 2: { /* an argument */
        if (!c->ninsns)
            return;
        uint32_t *w = &c->insns[below(r, c->ninsns)];
        *w = BC_MAKE(BC_OP(*w), interesting_arg(r, BC_ARG(*w)) & BC_ARG_MAX);
        return;
    }
    case 3: case 4: { /* an opcode */
        if (!c->ninsns)
            return;
        uint32_t *w = &c->insns[below(r, c->ninsns)];
        *w = (*w & ~0xffu) | (similar_opcode(r, BC_OP(*w)) & 0xffu);
        return;
    }
    case 5: { /* two instructions swapped, or one copied over another */
        if (c->ninsns < 2)
            return;
        uint32_t a = below(r, c->ninsns), b = below(r, c->ninsns), t = c->insns[a];
        c->insns[a] = c->insns[b];
        if (below(r, 2))
            c->insns[b] = t;
        return;
    }
    case 6: { /* a constant */
        if (!c->nconsts)
            return;
        P4bConst *k = &c->consts[below(r, c->nconsts)];
        if (k->kind == K_TUPLE) {
            if (k->u.tuple.count)
                k->u.tuple.items[below(r, k->u.tuple.count)] = interesting_arg(r, 0);
        } else if (k->kind == K_INT || k->kind == K_STR || k->kind == K_BYTES || k->kind == K_CODE) {
            k->u.index = below(r, 2) ? interesting_arg(r, k->u.index) : (uint32_t)INT32_MIN;
        } else if (k->kind != K_FLOAT) {
            k->kind = (uint8_t)below(r, K_TUPLE); /* never to a tuple: it would need items */
            k->u.index = below(r, m->nstrings + 1);
            if (k->kind == K_CODE)
                k->u.index = below(r, m->ncodes + 1);
        }
        return;
    }
    case 7: { /* an exception table entry */
        if (!c->nexc)
            return;
        ExcEntry *x = &c->exc[below(r, c->nexc)];
        uint32_t *field[4] = {&x->start, &x->end, &x->handler, &x->depth};
        uint32_t *f = field[below(r, 4)];
        *f = interesting_arg(r, *f);
        return;
    }
    case 8: { /* the frame's shape */
        uint16_t *field[3] = {&c->nparams, &c->nlocals, &c->maxstack};
        uint16_t *f = field[below(r, 3)];
        uint32_t v = interesting_arg(r, *f);
        if (f == &c->nlocals && v > c->nlocals)
            return; /* more locals would need more local names */
        *f = (uint16_t)v;
        return;
    }
    default: { /* a global or attribute name index, or a local name */
        if (c->nlocals && below(r, 2)) {
            c->localnames[below(r, c->nlocals)] = below(r, m->nstrings + 1);
        } else if (m->nglobals) {
            m->globals[below(r, m->nglobals)] = below(r, m->nstrings + 1);
        }
        return;
    }
    }
}

/* Declares the depth the verifier computes, so that consistent but wrong
 * code is not rejected for its maxstack alone. */
static void redeclare_maxstack(P4bCode *c)
{
    uint32_t *scratch = malloc(2 * (size_t)(c->ninsns ? c->ninsns : 1) * sizeof *scratch);
    if (!scratch)
        return;
    const char *err;
    uint32_t err_pc;
    long max = bc_verify_stack(c->insns, c->ninsns, c->exc, c->nexc, scratch, &err, &err_pc);
    if (max >= 0 && max <= 0xffff)
        c->maxstack = (uint16_t)max;
    free(scratch);
}

/* Returns the new size, or 0 when the image did not parse or the result
 * does not fit (the caller then edits bytes instead). */
static size_t mutate_structure(Rng *r, uint8_t *data, size_t size, size_t max_size)
{
    P4bModule m;
    char err[256];
    if (p4b_read(data, size, &m, err, sizeof err) != 0)
        return 0;
    if (m.ncodes == 0) {
        p4b_free(&m);
        return 0;
    }
    unsigned edits = 1 + below(r, 3);
    for (unsigned e = 0; e < edits; e++)
        mutate_code(r, &m, &m.codes[below(r, m.ncodes)]);
    if (below(r, 4) != 0)
        for (uint32_t i = 0; i < m.ncodes; i++)
            redeclare_maxstack(&m.codes[i]);
    uint8_t *out;
    size_t len;
    size_t result = 0;
    if (p4b_write(&m, &out, &len) == 0) {
        if (len <= max_size) {
            memcpy(data, out, len);
            result = len;
        }
        free(out);
    }
    p4b_free(&m);
    return result;
}

static size_t mutate_bytes(Rng *r, uint8_t *data, size_t size, size_t max_size)
{
    if (size == 0)
        return 0;
    unsigned edits = 1 + below(r, 4);
    for (unsigned e = 0; e < edits; e++) {
        size_t at = below(r, (uint32_t)size);
        switch (below(r, 6)) {
        case 0: data[at] ^= (uint8_t)(1u << below(r, 8)); break;
        case 1: data[at] = (uint8_t)rnd(r); break;
        case 2: data[at] = below(r, 2) ? 0 : 0xff; break;
        case 3: /* a 32-bit field: counts and indices are all u32 */
            if (at + 4 <= size) {
                static const uint32_t values[] = {0, 1, 2, 0x7f, 0xff, 0x100, 0xffff, 0x10000,
                                                  0x7fffffff, 0x80000000u, 0xffffffffu};
                put32(data + at, values[below(r, sizeof values / sizeof values[0])]);
            }
            break;
        case 4: /* cut the tail */
            if (size > 24)
                size -= 1 + below(r, (uint32_t)(size / 8));
            break;
        default: /* repeat a run: a longer count, a duplicated item */
            if (size < max_size) {
                size_t n = 1 + below(r, 8);
                if (n > max_size - size)
                    n = max_size - size;
                if (at + n > size)
                    n = size - at;
                memmove(data + at + n, data + at, size - at);
                size += n;
            }
            break;
        }
    }
    return size;
}

size_t p4b_mutate(uint8_t *data, size_t size, size_t max_size, uint32_t seed)
{
    Rng r = {seed * 2654435761u + 0x9e3779b9u};
    if (r.s == 0)
        r.s = 1;
    rnd(&r);
    size_t n = 0;
    if (below(&r, 3) != 0)
        n = mutate_structure(&r, data, size, max_size);
    if (n == 0 || below(&r, 5) == 0)
        n = mutate_bytes(&r, data, n ? n : size, max_size);
    p4b_fix_envelope(data, n);
    return n;
}
