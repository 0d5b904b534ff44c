/*
 * elementwise.c - PIE lanes for elementwise loops.
 *
 * A counted loop whose body reads arrays at the counter (plus a uniform
 * offset) and stores one element at the counter, all of one typecode
 * ('b', 'h' or 'i'), with add, sub, min and max between them and uniform
 * values (and lanes shifted right by a uniform count, int8/int16 lanes
 * multiplied):
 *
 *     for i in range(n):
 *         c[i] = min(max(a[i] + b[i + 1], lo), hi)
 *
 * runs 16, 8 or 4 iterations at once (int8, int16, int32 lanes): a 128-bit
 * load per array read, esp.vmax/vmin/vadd/vsub between q registers, uniform
 * values broadcast into q registers once, before the loop, and a 128-bit
 * store. This vector loop runs ahead of the original loop, which is kept
 * with all its checks, finishes the iterations left and takes over on any
 * doubt. Python's result must come out exactly:
 *
 * - indices: before the vector loop, every array access `x[i + off]`
 *   gives a limit below which all lanes are in [0, len(x)); the vector loop
 *   stops at the smallest, and the scalar loop raises the IndexError at the
 *   right element (or finds none). The lowest index is tested once.
 * - values: loads are in the element's range; min and max of values in
 *   range stay in range; a uniform value used in a lane is tested once to be
 *   in the element's range (else no vector iteration runs). add and sub
 *   saturate, and each iteration tests that no lane did: for s = sat(x + y),
 *   x + y is in range iff sat(s - y) == x (and the same for sub). A lane
 *   out of range is where the interpreter raises OverflowError at the store
 *   (or, for int32, at the add): the iteration is given to the scalar loop.
 *   (A sum that leaves the range and comes back, (a + b) - c, also goes to
 *   the scalar loop: slower, still exact.)
 * - nothing is stored before the last test of an iteration, so giving up
 *   is a jump into the scalar loop at the iteration's first lane.
 * - aliasing: a load from an array that may be the stored one must read at
 *   an offset not below the store's (constants), or the two are compared
 *   before the loop and the vector loop does not run when they are the same.
 *
 * Narrowing (int32 lanes stored into int8): a loop that reads one int32
 * array and stores int8, the value a clamp of the element (or of the
 * element >> a uniform count) by uniforms,
 *
 *     for i in range(n):
 *         out[i + o] = min(max(acc[i + a] >> s, lo), hi)
 *
 * runs 16 iterations at once through QACC: the 64 bytes of 16 int32 lanes
 * are loaded into QACC (esp.ld.qacc.*), esp.srcmb.s8.qacc shifts them right
 * (rounding down) and saturates them to int8 in a q register, then vmax/vmin
 * and one 128-bit store. Saturating first changes nothing: every uniform is
 * tested to be in [-128, 127] and the chain from the element to the store is
 * min/max with uniforms only, holding at least one min (so every value above
 * 127 gives what 127 gives) and one max (below -128 as -128); the stored
 * value is then in int8's range, as the scalar loop's would be.
 *
 * Multiplies and shifts (int8 and int16 lanes, vec6b): x * y is esp.vmul
 * (SAR 0, saturating) with a test per iteration that no lane saturated;
 * x >> s is esp.vmul by a broadcast 1 with SAR min(s, w - 1); a product
 * used only by >> s, directly or through + (1 << (s - 1)), is fused: one
 * esp.vmul with SAR s (or s - 1, then + 1 and >> 1), the product never
 * narrowed, its result tested to fit (vectorize_loop has the arithmetic).
 *
 * Runs after vector.c (which handles reductions); before licm.c.
 */
#include <string.h>

#include "jit/ir.h"

/* What a value of the loop body is, per lane (K_WIDE: an int32 element of a
 * narrowing loop, read into QACC where the shift that uses it narrows it). */
enum { K_UNI = 1, K_LIN, K_VEC, K_CMP, K_BAD, K_WIDE };
/* EWLD's aux for the 64 bytes into QACC, EWSAR's for narrowing QACC into q[aux & 7] */
enum { EW_QACC = 8, EW_NARROW = 0x10 };
/* ewop of the parts of a fused multiply-shift (8/16-bit lanes, vec6b):
 * (x * y) >> s and (x * y + (1 << (s - 1))) >> s are one esp.vmul with
 * SAR s (or s - 1, then + 1 and >> 1), the product never narrowed to the
 * lane; the multiply and the add emit nothing, the shift all of it */
enum { EW_FUSED_MUL = 12, EW_FUSED_ADD, EW_FUSED_SHR };
/* unsigned bytes (array('B'), bytearray) in int8 lanes (vec10): the load
 * (EW_ULOAD), used only by u >> s (s >= 1: vmul.s8 by 1 with SAR min(s, 7),
 * then esp.andq with 0xff >> s in every byte: [0, 127]) or u - 128 (esp.xorq
 * with 0x80: [-128, 127]). Their results are int8 values: no test. */
enum { EW_ULOAD = 15, EW_USHR, EW_UFLIP };
/* q0 is the saturation test's; lane values take q1 up, broadcast uniforms
 * (alive through the whole loop) q7 down */
enum { MAX_ACCESS = 16, FIRST_Q = 1, CHECK_Q = 0 };

typedef struct Access {
    int32_t len;   /* the length the index is in range of */
    int32_t off;   /* index = counter + off (neg: - off); -1: none */
    bool neg;
} Access;

typedef struct Ew {
    Ir *ir;
    int32_t h, body;
    IrCounted c;
    uint32_t nin;
    uint8_t *kind;   /* per value (0: made outside the loop: uniform) */
    int32_t *off;    /* K_LIN: the offset value, -1 none */
    uint8_t *neg;    /* K_LIN: subtracted */
    int8_t *q;       /* K_VEC and broadcast uniforms: the q register */
    uint8_t *ewop;   /* K_VEC made by an operation: EW_MAX ... */
    int32_t *map;    /* copies made before the loop (uniforms) */
    int8_t *bq;      /* per value: the q register it is broadcast in, or -1 */
    int8_t *qt;      /* K_VEC multiply: a scratch q register of its fit test */
    int32_t *fuse;   /* fused multiply-shift: multiply -> its shift, shift -> its multiply (else -1) */
    int32_t *frnd;   /* its shift -> the rounding term added (1 << (s - 1), tested before the loop), or -1 */
    int8_t one_q;    /* the q register holding 1 in every lane (8/16-bit multiply tests, shifts), or -1 */
    uint8_t tc;      /* the typecode of every access */
    int32_t store;
    int32_t *last;   /* per body value: the position of its last use in the body */
    int32_t at;      /* the position being classified */
    unsigned live;   /* q registers of lane values alive at `at` */
    int vechi, bqlo; /* the highest q register of a lane value, the lowest of a broadcast */
    int32_t sar;     /* the uniform shift of int32 lanes (one SAR), or -1 */
    bool narrow;     /* int32 loads, an int8 store (x->tc is 'b': the lanes after narrowing) */
    uint8_t stc;     /* demoting: the store's typecode, one step narrower than the lanes' (x->tc), else 0 */
    bool proven;     /* demoting: the stored value is in stc's range (a clamp): no test */
    int32_t cbound[4]; /* proven by a clamp: its bounds that are not constants (tested before the loop) */
    int ncbound;
    int8_t dlo_q, dhi_q; /* demoting, not proven: stc's bounds broadcast in wide lanes (the test's) */
    int32_t wload;   /* narrowing: the int32 load, */
    int32_t nvalue;  /* the value that is its narrowed lanes (the load, or its shift), */
    int32_t nshift;  /* and the shift's count (-1: none, 0) */
    Access acc[MAX_ACCESS];
    int nacc;
    /* the copy */
    int32_t cur, join, jv;
    /* --jit-report: why the loop stays scalar (static text), and the value it is about */
    const char *why;
    int32_t why_v;
} Ew;

/* v keeps the loop scalar, for this reason (the first one is reported). */
static uint8_t refuse(Ew *x, int32_t v, const char *why)
{
    if (!x->why)
        x->why = why, x->why_v = v;
    return K_BAD;
}

static bool in_body(const Ew *x, int32_t v)
{
    return v >= 0 && (uint32_t)v < x->nin && x->ir->ins[v].block == x->body;
}

static uint8_t kind_of(const Ew *x, int32_t v)
{
    if (v < 0)
        return K_UNI;
    if (v == x->c.phi)
        return K_LIN;
    if (x->ir->ins[v].block == x->h) /* the test of the loop */
        return K_BAD;
    return in_body(x, v) ? x->kind[v] : K_UNI;
}

static bool unsigned_byte(uint8_t tc) { return tc == 'B' || tc == 'Y'; }

static bool uniform_or_vec(uint8_t k) { return k == K_UNI || k == K_VEC; }

static bool is_const(const Ir *ir, int32_t v, int32_t *k)
{
    if (v < 0 || ir->ins[v].op != IR_CONST || ir->ins[v].type == TY_FLOAT)
        return false;
    *k = ir->ins[v].k.i;
    return true;
}

/* A q register for a lane value (-1: none left). */
static int8_t new_q(Ew *x)
{
    for (int r = FIRST_Q; r < x->bqlo; r++)
        if (!(x->live >> r & 1)) {
            x->live |= 1u << r;
            x->vechi = r > x->vechi ? r : x->vechi;
            return (int8_t)r;
        }
    return -1;
}

/* Lane value v is not used after the instruction at x->at: its register is free. */
static void release(Ew *x, int32_t v)
{
    if (in_body(x, v) && x->kind[v] == K_VEC && x->last[v] <= x->at)
        x->live &= ~(1u << x->q[v]);
}

/* Uniform value u is used in the lanes: broadcast once. */
static bool bcast(Ew *x, int32_t u)
{
    if (x->bq[u] >= 0)
        return true;
    if (x->bqlo - 1 <= x->vechi)
        return false;
    x->bq[u] = (int8_t)--x->bqlo;
    return true;
}

/* 1 in every lane, broadcast once: the multiplier of a shift of 8- or
 * 16-bit lanes (vmul by 1, then >> SAR) and of a multiply's fit test. */
static bool one_in_lanes(Ew *x)
{
    if (x->one_q >= 0)
        return true;
    if (x->bqlo - 1 <= x->vechi)
        return false;
    x->one_q = (int8_t)--x->bqlo;
    return true;
}

static bool lane_operand(Ew *x, int32_t v)
{
    uint8_t k = kind_of(x, v);
    if (k == K_UNI)
        return x->ir->ins[v].type == TY_INT && bcast(x, v);
    return k == K_VEC;
}

/* Why operand o of user v is no lane operand (lane_operand failed). */
static uint8_t refuse_operand(Ew *x, int32_t v, int32_t o)
{
    uint8_t k = kind_of(x, o);
    return refuse(x, v, k == K_UNI && x->ir->ins[o].type != TY_INT ? "a float value in the lanes"
                        : k == K_UNI ? "more lane values and broadcast values alive at once than q registers (q1-q7)"
                        : k == K_LIN ? "a lane value made from the counter (only elements make lanes)"
                        : k == K_BAD ? "a value carried from one iteration to the next (only the counter may be)"
                                     : "a compare used as a value");
}

/* An index of an access: the counter, or counter +- a uniform. */
static bool note_access(Ew *x, int32_t len, int32_t idx)
{
    if (kind_of(x, idx) != K_LIN)
        return false;
    if (len >= 0 && x->ir->ins[len].op == IR_ALEN) /* len(array): as the array's own accesses say it */
        len = -x->ir->ins[len].a - 2;
    Access a = {len, idx == x->c.phi ? -1 : x->off[idx], idx != x->c.phi && x->neg[idx]};
    for (int k = 0; k < x->nacc; k++) /* one test per array and offset */
        if (x->acc[k].len == a.len && x->acc[k].off == a.off && x->acc[k].neg == a.neg)
            return true;
    if (x->nacc == MAX_ACCESS)
        return false;
    x->acc[x->nacc++] = a;
    return true;
}

/* The array whose data pointer d is (ADATA of a uniform array). */
static int32_t array_of(const Ew *x, int32_t d)
{
    const IrIns *in = &x->ir->ins[d];
    return in->op == IR_ADATA && kind_of(x, d) == K_UNI ? in->a : -1;
}

static bool element_type(Ew *x, uint8_t tc)
{
    if (x->narrow) /* int8 stores (x->tc), int32 loads */
        return tc == 'b' || tc == 'i';
    if (tc != 'b' && tc != 'h' && tc != 'i')
        return false;
    if (!x->tc)
        x->tc = tc;
    return x->tc == tc;
}

/* The body's only use of v is as the shifted operand of a >> (narrowing). */
static bool shifted_once(const Ew *x, int32_t v)
{
    const IrBlock *bb = &x->ir->blocks[x->body];
    int uses = 0;
    bool shr = false;
    for (uint32_t i = 0; i < bb->nins; i++) {
        const IrIns *u = &x->ir->ins[bb->ins[i]];
        int n = (u->a == v) + (u->b == v) + (u->c == v);
        uses += n;
        if (n && (u->op == IR_SHR || u->op == IR_SHRO) && u->a == v && u->b != v)
            shr = true;
    }
    return uses == 1 && shr;
}

/* The only user of body value v in the body (-1: none or more than one). */
static int32_t only_user(const Ew *x, int32_t v)
{
    const IrBlock *bb = &x->ir->blocks[x->body];
    int32_t user = -1;
    for (uint32_t i = 0; i < bb->nins; i++) {
        const IrIns *u = &x->ir->ins[bb->ins[i]];
        int n = (u->a == v) + (u->b == v) + (u->c == v);
        if (n > 1 || (n && user >= 0))
            return -1;
        if (n)
            user = bb->ins[i];
    }
    return user;
}

/* v is, or will be classified, a uniform int (made before the body, or
 * in it from constants and uniforms: 1 << (s - 1) after the multiply) */
static bool uniform_int(const Ew *x, int32_t v, int depth)
{
    if (v < 0 || v == x->c.phi || x->ir->ins[v].type != TY_INT)
        return false;
    if (!in_body(x, v) || x->kind[v])
        return kind_of(x, v) == K_UNI;
    const IrIns *in = &x->ir->ins[v];
    switch ((IrOp)in->op) {
    case IR_CONST:
        return true;
    case IR_ADD: case IR_ADDO: case IR_SUB: case IR_SUBO: case IR_SHL: case IR_SHLO:
        return depth < 4 && uniform_int(x, in->a, depth + 1) && uniform_int(x, in->b, depth + 1);
    default:
        return false;
    }
}

static bool is_shr_by_uniform(const Ew *x, int32_t w, int32_t of)
{
    const IrIns *in = &x->ir->ins[w];
    return (in->op == IR_SHR || in->op == IR_SHRO) && in->a == of && in->b != of && uniform_int(x, in->b, 0);
}

/* Multiply m of lanes whose value only a right shift by a uniform count
 * uses, directly or through an add of a uniform (the rounding term): note
 * the fusion (shift -> multiply, and the term). */
static bool fuse_mul_shift(Ew *x, int32_t m)
{
    int32_t u = only_user(x, m);
    if (u < 0 || !in_body(x, u))
        return false;
    if (is_shr_by_uniform(x, u, m)) {
        x->fuse[m] = u, x->fuse[u] = m, x->frnd[u] = -1;
        return true;
    }
    const IrIns *add = &x->ir->ins[u];
    int32_t w = only_user(x, u), r = add->a == m ? add->b : add->a;
    if ((add->op != IR_ADD && add->op != IR_ADDO) || add->type != TY_INT || (add->a == m) == (add->b == m) ||
        !uniform_int(x, r, 0) || w < 0 || !in_body(x, w) ||
        !is_shr_by_uniform(x, w, u))
        return false;
    x->fuse[m] = w, x->fuse[u] = m, x->fuse[w] = m, x->frnd[w] = r;
    return true;
}

/* An unsigned byte load v whose only use is u >> (uniform) or u - 128. */
static bool unsigned_use_ok(const Ew *x, int32_t v)
{
    int32_t u = only_user(x, v), k;
    if (u < 0 || !in_body(x, u))
        return false;
    const IrIns *in = &x->ir->ins[u];
    if (in->op == IR_SHR || in->op == IR_SHRO)
        return in->a == v && uniform_int(x, in->b, 0);
    if (in->op == IR_SUB || in->op == IR_SUBO)
        return in->a == v && is_const(x->ir, in->b, &k) && k == 128;
    if (in->op == IR_ADD || in->op == IR_ADDO)
        return is_const(x->ir, in->a == v ? in->b : in->a, &k) && k == -128;
    return false;
}

/* A broadcast register of its own for operation v (a mask or 0x80 bytes). */
static bool own_broadcast(Ew *x, int32_t v)
{
    if (x->bqlo - 1 <= x->vechi)
        return false;
    x->qt[v] = (int8_t)--x->bqlo;
    return true;
}

static uint8_t classify(Ew *x, int32_t v)
{
    Ir *ir = x->ir;
    const IrIns *in = &ir->ins[v];
    uint8_t ka = kind_of(x, in->a), kb = kind_of(x, in->b);
    if (ka == K_BAD || kb == K_BAD)
        return refuse(x, v, "a value carried from one iteration to the next (only the counter may be)");
    switch ((IrOp)in->op) {
    case IR_CONST:
        return K_UNI;
    case IR_JMP:
        return K_UNI;
    case IR_ADD: case IR_ADDO: case IR_SUB: case IR_SUBO: {
        bool sub = in->op == IR_SUB || in->op == IR_SUBO;
        if (ka == K_UNI && kb == K_UNI) /* checked: tested before the loop (prepare) */
            return K_UNI;
        if (x->fuse[v] >= 0) { /* the rounding term of a fused multiply-shift: the shift does it */
            if (kind_of(x, in->a == x->fuse[v] ? in->b : in->a) != K_UNI)
                return refuse(x, v, "a rounding term that changes in the loop");
            x->ewop[v] = EW_FUSED_ADD;
            return K_VEC;
        }
        /* an index: counter + u, u + counter, counter - u */
        if (ka == K_LIN && in->a == x->c.phi && kb == K_UNI) {
            x->off[v] = in->b, x->neg[v] = sub;
            return K_LIN;
        }
        if (!sub && kb == K_LIN && in->b == x->c.phi && ka == K_UNI) {
            x->off[v] = in->a, x->neg[v] = false;
            return K_LIN;
        }
        if ((ka == K_VEC && x->ewop[in->a] == EW_ULOAD) || (kb == K_VEC && x->ewop[in->b] == EW_ULOAD)) {
            /* u - 128 of an unsigned byte (unsigned_use_ok): its bits xor 0x80 */
            int32_t u = ka == K_VEC ? in->a : in->b;
            release(x, u);
            if ((x->q[v] = new_q(x)) < 0 || !own_broadcast(x, v))
                return refuse(x, v, "more lane values and broadcast values alive at once than q registers (q1-q7)");
            x->ewop[v] = EW_UFLIP;
            return K_VEC;
        }
        /* (the saturation test reads both operands after the result is made:
         * a register of its own) */
        if (x->narrow)
            return refuse(x, v, "an add or subtract in a loop that stores int32 elements as int8 (only a clamp narrows)");
        if (in->type != TY_INT)
            return refuse(x, v, "a float operation");
        if (!(ka == K_VEC || kb == K_VEC))
            return refuse(x, v, "an index that is not the counter plus a value fixed in the loop");
        if (!lane_operand(x, in->a))
            return refuse_operand(x, v, in->a);
        if (!lane_operand(x, in->b))
            return refuse_operand(x, v, in->b);
        if ((x->q[v] = new_q(x)) < 0)
            return refuse(x, v, "more lane values and broadcast values alive at once than q registers (q1-q7)");
        release(x, in->a), release(x, in->b);
        x->ewop[v] = sub ? EW_SUB : EW_ADD;
        return K_VEC;
    }
    case IR_SHLO: /* 1 << (s - 1) of a rounding shift: made once, tested before the loop (prepare) */
        return ka == K_UNI && kb == K_UNI ? K_UNI : refuse(x, v, "a left shift of lanes");
    case IR_MUL: case IR_MULO: {
        /* 8/16-bit lanes: esp.vmul (product >> SAR 0, saturated), and a
         * test per iteration that no lane saturated (vectorize_loop) */
        if (ka == K_UNI && kb == K_UNI)
            return K_UNI;
        if (x->narrow)
            return refuse(x, v, "a multiply in a loop that stores int32 elements as int8 (only a clamp narrows)");
        if (in->type != TY_INT)
            return refuse(x, v, "a float operation");
        if (!lane_operand(x, in->a))
            return refuse_operand(x, v, in->a);
        if (!lane_operand(x, in->b))
            return refuse_operand(x, v, in->b);
        if (x->tc == 'i')
            return refuse(x, v, "a multiply of int32 lanes (PIE multiplies 8- and 16-bit lanes only)");
        if (fuse_mul_shift(x, v)) { /* its operands stay alive until the shift */
            if (!one_in_lanes(x))
                return refuse(x, v, "more lane values and broadcast values alive at once than q registers (q1-q7)");
            x->ewop[v] = EW_FUSED_MUL;
            return K_VEC;
        }
        /* the product and the test's scratch may take the registers of
         * operands used last here: they are read before either is written */
        release(x, in->a), release(x, in->b);
        if (!one_in_lanes(x) || (x->q[v] = new_q(x)) < 0 || (x->qt[v] = new_q(x)) < 0)
            return refuse(x, v, "more lane values and broadcast values alive at once than q registers (q1-q7)");
        x->live &= ~(1u << x->qt[v]); /* the scratch: free after the test */
        x->ewop[v] = EW_MUL;
        return K_VEC;
    }
    case IR_SHR: case IR_SHRO: /* int32 lanes >> a uniform count (one for the loop: SAR) */
        if (ka == K_UNI && kb == K_UNI) /* a checked one: tested before the loop (prepare) */
            return K_UNI;
        if (ka == K_WIDE) { /* narrowing: srcmb shifts as it narrows */
            if (kb != K_UNI || x->ir->ins[in->b].type != TY_INT || (x->q[v] = new_q(x)) < 0)
                return refuse(x, v, "a right shift of lanes by a count that changes in the loop");
            x->nvalue = v, x->nshift = in->b;
            return K_VEC;
        }
        if (x->narrow)
            return refuse(x, v, "a right shift in a narrowing loop other than of the int32 element itself");
        if (ka != K_VEC || kb != K_UNI)
            return refuse(x, v, "a right shift of lanes by a count that changes in the loop");
        if (x->ewop[in->a] == EW_ULOAD) { /* an unsigned byte >> s: vmul.s8 by 1, then the mask */
            if (x->ir->ins[in->b].type != TY_INT || !one_in_lanes(x))
                return refuse(x, v, "more lane values and broadcast values alive at once than q registers (q1-q7)");
            release(x, in->a);
            if ((x->q[v] = new_q(x)) < 0 || !own_broadcast(x, v))
                return refuse(x, v, "more lane values and broadcast values alive at once than q registers (q1-q7)");
            x->ewop[v] = EW_USHR;
            return K_VEC;
        }
        if (x->fuse[v] >= 0) { /* the product >> s, rounded or not: the multiply's operands, read here */
            const IrIns *m = &x->ir->ins[x->fuse[v]];
            if (kb != K_UNI)
                return refuse(x, v, "a right shift of lanes by a count that changes in the loop");
            release(x, m->a), release(x, m->b);
            if ((x->q[v] = new_q(x)) < 0 || (x->qt[v] = new_q(x)) < 0)
                return refuse(x, v, "more lane values and broadcast values alive at once than q registers (q1-q7)");
            x->live &= ~(1u << x->qt[v]);
            x->ewop[v] = EW_FUSED_SHR;
            return K_VEC;
        }
        if (x->tc != 'i') { /* 8/16-bit lanes: vmul by 1 with SAR = the count, set before it */
            if (x->ir->ins[in->b].type != TY_INT || !one_in_lanes(x))
                return refuse(x, v, "more lane values and broadcast values alive at once than q registers (q1-q7)");
            release(x, in->a);
            if ((x->q[v] = new_q(x)) < 0)
                return refuse(x, v, "more lane values and broadcast values alive at once than q registers (q1-q7)");
            x->ewop[v] = EW_SHR;
            return K_VEC;
        }
        if (x->sar >= 0 && x->sar != in->b)
            return refuse(x, v, "right shifts by two different counts (PIE has one shift register, SAR)");
        x->sar = in->b;
        release(x, in->a);
        if ((x->q[v] = new_q(x)) < 0)
            return refuse(x, v, "more lane values and broadcast values alive at once than q registers (q1-q7)");
        x->ewop[v] = EW_SHR;
        return K_VEC;
    case IR_CMP: /* only as the test of a min or max (checked at the select) */
        if (ka == K_VEC || kb == K_VEC)
            return uniform_or_vec(ka) && uniform_or_vec(kb) ? K_CMP : refuse(x, v, "a compare with the counter");
        return ka == K_UNI && kb == K_UNI ? K_UNI : refuse(x, v, "a compare with the counter");
    case IR_SELECT: {
        /* min(x, y) and max(x, y) as build.c makes them: select(cmp(y, x), y, x) */
        uint8_t kc = kind_of(x, in->c);
        if (ka == K_UNI && kb == K_UNI && kc == K_UNI)
            return K_UNI;
        if (ka != K_CMP || in->type != TY_INT)
            return refuse(x, v, "a conditional value that is not min or max of int lanes");
        const IrIns *c = &ir->ins[in->a];
        bool gt = c->aux == CC_GT || c->aux == CC_GE, lt = c->aux == CC_LT || c->aux == CC_LE;
        bool same = c->a == in->b && c->b == in->c, swapped = c->a == in->c && c->b == in->b;
        if (!(gt || lt) || !(same || swapped))
            return refuse(x, v, "a conditional value that is not min or max of int lanes");
        if (!lane_operand(x, in->b))
            return refuse_operand(x, v, in->b);
        if (!lane_operand(x, in->c))
            return refuse_operand(x, v, in->c);
        release(x, in->b), release(x, in->c);
        if ((x->q[v] = new_q(x)) < 0)
            return refuse(x, v, "more lane values and broadcast values alive at once than q registers (q1-q7)");
        x->ewop[v] = gt == same ? EW_MAX : EW_MIN;
        return K_VEC;
    }
    case IR_INDEX: case IR_BOUND: /* a = len, b = index */
        if (ka != K_UNI || kb != K_LIN)
            return refuse(x, v, "an index that is not the counter plus a value fixed in the loop");
        if (!note_access(x, in->a, in->b))
            return refuse(x, v, "more than 16 different array accesses");
        if (in->op == IR_INDEX) { /* its value: the index (not negative in the lanes) */
            x->off[v] = in->b == x->c.phi ? -1 : x->off[in->b];
            x->neg[v] = in->b != x->c.phi && x->neg[in->b];
            return K_LIN;
        }
        return K_UNI;
    case IR_ALOAD: {
        int32_t arr = array_of(x, in->a);
        if (arr < 0)
            return refuse(x, v, "a load from an array that is not the same one in every iteration");
        if (kb != K_LIN)
            return refuse(x, v, "an index that is not the counter plus a value fixed in the loop");
        bool ub = unsigned_byte(in->aux) && !x->narrow;
        if (ub && !unsigned_use_ok(x, v))
            return refuse(x, v, "an unsigned byte used other than as u >> s or u - 128");
        if (!element_type(x, ub ? 'b' : in->aux))
            return refuse(x, v, "arrays of different element types, or not int8, int16 or int32 ('b', 'h', 'i')");
        if (ub)
            x->ewop[v] = EW_ULOAD;
        if (x->narrow) { /* the one int32 element, narrowed by its shift or as it is */
            if (in->aux != 'i' || x->wload >= 0 || !note_access(x, -arr - 2, in->b))
                return refuse(x, v, "a narrowing loop (int32 loads, int8 stores) that reads more than one int32 element");
            x->wload = v;
            if (shifted_once(x, v))
                return K_WIDE;
            if ((x->q[v] = new_q(x)) < 0)
                return refuse(x, v, "more lane values and broadcast values alive at once than q registers (q1-q7)");
            x->nvalue = v;
            return K_VEC;
        }
        if ((x->q[v] = new_q(x)) < 0)
            return refuse(x, v, "more lane values and broadcast values alive at once than q registers (q1-q7)");
        if (!note_access(x, -arr - 2, in->b))
            return refuse(x, v, "more than 16 different array accesses");
        return K_VEC;
    }
    case IR_ASTORE: {
        if (x->narrow && in->aux != 'b')
            return refuse(x, v, "arrays of different element types, or not int8, int16 or int32 ('b', 'h', 'i')");
        if (x->store >= 0)
            return refuse(x, v, "a second store in the body");
        if (array_of(x, in->a) < 0)
            return refuse(x, v, "a store into an array that is not the same one in every iteration");
        if (kb != K_LIN)
            return refuse(x, v, "an index that is not the counter plus a value fixed in the loop");
        if (!element_type(x, x->stc && in->aux == x->stc ? x->tc : in->aux))
            return refuse(x, v, "arrays of different element types, or not int8, int16 or int32 ('b', 'h', 'i')");
        if (x->stc && kind_of(x, in->c) != K_VEC)
            return refuse(x, v, "a value fixed in the loop stored into a narrower array");
        if (!lane_operand(x, in->c))
            return refuse_operand(x, v, in->c);
        if (!note_access(x, -array_of(x, in->a) - 2, in->b))
            return refuse(x, v, "more than 16 different array accesses");
        x->store = v;
        return K_UNI;
    }
    default: { /* pure operations of uniform values: made once, before the loop */
        uint8_t kc = kind_of(x, in->c);
        if ((ir_opinfo[in->op].flags & (IR_FAILS | IR_SIDE | IR_TERM)) || !(ir_opinfo[in->op].flags & IR_PURE))
            return refuse(x, v, "an operation with no PIE lane form that can fail or has an effect");
        return ka == K_UNI && kb == K_UNI && kc == K_UNI ? K_UNI
                                                         : refuse(x, v, "an operation on lanes with no PIE form here");
    }
    }
}

/* Every use of a lane value is one the copy makes; nothing made in the
 * body is read outside it (the counter's next value by its phi only). */
typedef struct Use {
    Ew *x;
    int32_t user;
    bool ok;
} Use;

static void check_use(Ir *ir, Use *u, int32_t v)
{
    Ew *x = u->x;
    if (!in_body(x, v))
        return;
    const IrIns *user = &ir->ins[u->user];
    if (!in_body(x, u->user)) {
        u->ok &= u->user == x->c.phi && v == x->c.next;
        return;
    }
    uint8_t k = x->kind[v], ku = x->kind[u->user];
    if (k == K_CMP)
        u->ok &= user->op == IR_SELECT && user->a == v && ku == K_VEC;
    else if (k == K_VEC)
        u->ok &= ku == K_VEC || ku == K_CMP || u->user == x->store;
    else if (k == K_WIDE) /* its shift */
        u->ok &= u->user == x->nvalue;
    else if (k == K_LIN) /* indices only */
        u->ok &= user->op == IR_INDEX || user->op == IR_BOUND || user->op == IR_ALOAD || user->op == IR_ASTORE;
}

static bool uses_ok(Ew *x)
{
    Ir *ir = x->ir;
    Use u = {x, -1, true};
    for (uint32_t b = 0; b < ir->nblocks && u.ok; b++) {
        if (ir->blocks[b].dead)
            continue;
        for (uint32_t i = 0; i < ir->blocks[b].nins && u.ok; i++) {
            u.user = ir->blocks[b].ins[i];
            const IrIns *in = &ir->ins[u.user];
            /* witnesses of the body's checks are the scalar loop's business */
            int32_t ops[3] = {in->a, in->b, in->c};
            for (int o = 0; o < 3; o++)
                if (ops[o] >= 0)
                    check_use(ir, &u, ops[o]);
            uint32_t n = in->op == IR_PHI ? ir->blocks[in->block].npreds : in->op == IR_CALL ? in->nargs : 0;
            for (uint32_t j = 0; j < n; j++)
                if (ir->lists[in->list + (int32_t)j] >= 0)
                    check_use(ir, &u, ir->lists[in->list + (int32_t)j]);
            if (!in_body(x, u.user))
                for (int o = 0; o < in->nw; o++)
                    if (in->w[o] >= 0)
                        check_use(ir, &u, in->w[o]);
        }
    }
    return u.ok;
}

/* Narrowing: the stored value is the narrowed element through min and max
 * with uniforms only, at least one of each (saturating to int8 first gives
 * the same values, see the top of the file), and no other lane value. */
static bool clamp_chain(Ew *x)
{
    Ir *ir = x->ir;
    if (x->nvalue < 0)
        return false;
    int32_t v = ir->ins[x->store].c;
    bool has_min = false, has_max = false;
    uint32_t chain = 0;
    while (v != x->nvalue) {
        if (!in_body(x, v) || x->kind[v] != K_VEC || ir->ins[v].op != IR_SELECT)
            return false;
        const IrIns *sel = &ir->ins[v];
        int32_t next = kind_of(x, sel->b) == K_UNI ? sel->c : sel->b;
        if (kind_of(x, sel->b) != K_UNI && kind_of(x, sel->c) != K_UNI)
            return false;
        has_min |= x->ewop[v] == EW_MIN, has_max |= x->ewop[v] == EW_MAX;
        v = next, chain++;
    }
    const IrBlock *bb = &ir->blocks[x->body];
    uint32_t lanes = 0;
    for (uint32_t i = 0; i < bb->nins; i++)
        lanes += x->kind[bb->ins[i]] == K_VEC;
    return has_min && has_max && lanes == chain + 1;
}

/* Demoting stores (vec10): every load of one typecode, 'i' or 'h', and the
 * store one step narrower ('h' or 'b'). The lanes are the loads' (4 or 8),
 * computed as in any loop of that type; at the store, esp.vunzip.16/.8
 * gathers the low halves of the lanes into the low 64 bits, which
 * esp.vst.l.64 stores. The interpreter raises OverflowError at a store of
 * a value out of the narrower type's range: unless the value is a clamp by
 * bounds in that range (`min(max(v, lo), 127)`: constants, or uniforms
 * tested once before the loop), each iteration tests clamp(v) == v (vmin,
 * vmax with stc's bounds broadcast, xorq, max.u32.a) and leaves a lane out
 * of range to the scalar loop. Arrays of different typecodes are different
 * objects: no aliasing test between the loads and the store. */
static void demoting(Ew *x)
{
    const IrBlock *bb = &x->ir->blocks[x->body];
    uint8_t st = 0, ld = 0;
    for (uint32_t i = 0; i < bb->nins; i++) {
        const IrIns *in = &x->ir->ins[bb->ins[i]];
        if (in->op == IR_ASTORE)
            st = st ? 1 : in->aux; /* (a second store: 1, refused later) */
        else if (in->op == IR_ALOAD)
            ld = !ld || ld == in->aux ? in->aux : 1;
    }
    if ((st == 'h' && ld == 'i') || (st == 'b' && ld == 'h'))
        x->stc = st, x->tc = ld;
}

/* The stored value is min and max of ... with bounds in stc's range, at
 * least one of each, as its last operations: in range. Bounds that are
 * constants are looked at here; the others (uniforms, at most 4) are noted
 * and tested before the loop (one out of range: no vector iteration). */
static bool clamped_in_range(Ew *x, int32_t v, int32_t lo, int32_t hi)
{
    bool has_min = false, has_max = false;
    x->ncbound = 0;
    for (int n = 0; n < 8 && in_body(x, v) && x->kind[v] == K_VEC && x->ewop[v] <= EW_MIN; n++) {
        const IrIns *sel = &x->ir->ins[v];
        if (sel->op != IR_SELECT)
            break;
        int32_t k, other, bound = kind_of(x, sel->b) == K_UNI ? sel->b : sel->c;
        other = bound == sel->b ? sel->c : sel->b;
        if (kind_of(x, bound) != K_UNI || x->ir->ins[bound].type != TY_INT)
            break;
        if (is_const(x->ir, bound, &k) ? k < lo || k > hi : x->ncbound == 4)
            break;
        if (!is_const(x->ir, bound, &k))
            x->cbound[x->ncbound++] = bound;
        has_min |= x->ewop[v] == EW_MIN, has_max |= x->ewop[v] == EW_MAX;
        v = other;
    }
    return has_min && has_max;
}

static bool demote_test(Ew *x)
{
    int32_t lo = x->stc == 'b' ? -128 : -32768, hi = -lo - 1;
    x->proven = clamped_in_range(x, x->ir->ins[x->store].c, lo, hi);
    if (x->proven)
        return true;
    if (x->bqlo - 2 <= x->vechi) {
        refuse(x, x->store, "more lane values and broadcast values alive at once than q registers (q1-q7)");
        return false;
    }
    x->dhi_q = (int8_t)--x->bqlo, x->dlo_q = (int8_t)--x->bqlo;
    return true;
}

static bool analyse(Ew *x)
{
    Ir *ir = x->ir;
    IrCounted *c = &x->c;
    if (!ir_counted_loop(ir, x->h, c) || c->step != 1 || c->cc != CC_LT || c->latch != c->body)
        return false; /* (worth_a_look said why) */
    x->body = c->body;
    const IrBlock *hb = &ir->blocks[x->h], *bb = &ir->blocks[c->body];
    if (hb->nins != 3 || hb->ins[1] != c->cmp || ir->ins[c->init].block == x->h || ir->ins[c->bound].block == x->h ||
        in_body(x, c->init) || in_body(x, c->bound)) {
        refuse(x, -1, "a value carried from one iteration to the next (only the counter may be)");
        return false;
    }
    if (bb->nsucc != 1 || bb->succ[0] != x->h || bb->npreds != 1) {
        refuse(x, -1, "the body is not one block");
        return false;
    }
    /* the counter's next value (remade: the vector loop steps by the lane
     * count) may be read in the body too: it is counter + 1 */
    const IrIns *nx = &ir->ins[c->next];
    x->kind[c->next] = K_LIN, x->off[c->next] = nx->a == c->phi ? nx->b : nx->a, x->neg[c->next] = 0;
    for (uint32_t i = 0; i < bb->nins; i++) {
        const IrIns *in = &ir->ins[bb->ins[i]];
        const int32_t ops[3] = {in->a, in->b, in->c};
        for (int o = 0; o < 3; o++)
            if (in_body(x, ops[o]))
                x->last[ops[o]] = (int32_t)i;
    }
    /* an int8 store and an int32 load: a narrowing loop (lanes of int8) */
    bool st8 = false, ld32 = false;
    for (uint32_t i = 0; i < bb->nins; i++) {
        const IrIns *in = &ir->ins[bb->ins[i]];
        st8 |= in->op == IR_ASTORE && in->aux == 'b';
        ld32 |= in->op == IR_ALOAD && in->aux == 'i';
    }
    if (st8 && ld32)
        x->narrow = true, x->tc = 'b';
    else
        demoting(x);
    for (uint32_t i = 0; i < bb->nins; i++) {
        int32_t v = bb->ins[i];
        if (v == c->next)
            continue;
        x->at = (int32_t)i;
        uint8_t k = classify(x, v);
        if (k == K_BAD)
            return false;
        x->kind[v] = k;
    }
    if (x->store < 0 || !x->tc) {
        refuse(x, -1, "no int8, int16 or int32 element stored at the counter");
        return false;
    }
    if (!uses_ok(x)) {
        refuse(x, -1, "a value of the body used after the loop, or a lane value used other than in the lanes");
        return false;
    }
    if (x->stc && !demote_test(x))
        return false;
    if (x->narrow && !clamp_chain(x)) {
        refuse(x, x->store, "int32 elements stored as int8 other than through a clamp (min and max with "
                            "values fixed in the loop)");
        return false;
    }
    return true;
}

/* ---- the copy ---------------------------------------------------------------- */

static int32_t emit(Ew *x, IrOp op, IrType t, int32_t a, int32_t b, int32_t c, uint32_t pc)
{
    int32_t v = ir_add(x->ir, x->cur, op, t, a, b, c);
    if (!x->ir->oom)
        x->ir->ins[v].pc = pc;
    return v;
}

static int32_t konst(Ew *x, int32_t k) { return ir_const_int(x->ir, x->cur, k); }

static int32_t cmp(Ew *x, IrCond cc, int32_t a, int32_t b)
{
    int32_t v = emit(x, IR_CMP, TY_BOOL, a, b, -1, 0);
    x->ir->ins[v].aux = (uint8_t)cc;
    return v;
}

static int32_t ovf(Ew *x, IrOp checked, int32_t a, int32_t b)
{
    int32_t f = emit(x, IR_OVF, TY_BOOL, a, b, -1, 0);
    x->ir->ins[f].aux = (uint8_t)checked;
    return f;
}

static int32_t either(Ew *x, int32_t f, int32_t g) { return f < 0 ? g : emit(x, IR_OR, TY_BOOL, f, g, -1, 0); }

static int32_t smaller(Ew *x, int32_t a, int32_t b) { return emit(x, IR_SELECT, TY_INT, cmp(x, CC_LT, a, b), a, b, 0); }

static int32_t mapped(const Ew *x, int32_t v)
{
    if (v == x->c.phi)
        return x->jv;
    return in_body(x, v) ? x->map[v] : v;
}

static void remap(Ir *ir, int32_t *slot, void *ctx)
{
    (void)ir;
    *slot = mapped(ctx, *slot);
}

static int32_t new_block(Ew *x, uint32_t bc)
{
    int32_t b = ir_new_block(x->ir, bc);
    if (b >= 0)
        x->ir->blocks[b].sealed = x->ir->blocks[b].filled = true;
    return b;
}

static void edge(Ir *ir, int32_t from, int32_t to)
{
    IrBlock *f = &ir->blocks[from], *t = &ir->blocks[to];
    if (f->nsucc >= 2 || t->npreds >= IR_MAX_PREDS) {
        ir->oom = true;
        return;
    }
    f->succ[f->nsucc++] = to;
    t->preds[t->npreds++] = from;
}

static int lanes_of(uint8_t tc) { return tc == 'b' ? 16 : tc == 'h' ? 8 : 4; }
static uint8_t width_of(uint8_t tc) { return tc == 'b' ? EW_W8 : tc == 'h' ? EW_W16 : EW_W32; }

static void ewop(Ew *x, uint8_t op, int dst, int qx, int qy, uint32_t pc)
{
    int32_t v = emit(x, IR_EWOP, TY_VOID, -1, -1, -1, pc);
    x->ir->ins[v].aux = (uint8_t)(op | width_of(x->tc));
    x->ir->ins[v].k.i = dst | qx << 4 | qy << 8;
}

static void set_sar(Ew *x, int32_t count, uint32_t pc) { emit(x, IR_EWSAR, TY_VOID, count, -1, -1, pc); }

static int32_t lane_q(const Ew *x, int32_t v) { return kind_of(x, v) == K_VEC ? x->q[v] : x->bq[v]; }

/* The offset of index idx from the counter, when it is a constant. */
static bool const_offset(const Ew *x, int32_t idx, int32_t *k)
{
    *k = 0;
    if (idx == x->c.phi || x->off[idx] < 0)
        return true;
    if (!is_const(x->ir, x->off[idx], k))
        return false;
    if (x->neg[idx]) {
        if (*k == INT32_MIN)
            return false;
        *k = -*k;
    }
    return true;
}

/* Before the loop: the uniforms in q registers, the limit of the counter
 * below which every lane of every access is in range, and the tests after
 * which no vector iteration runs (jv < INT32_MIN fails). */
static int32_t prepare(Ew *x, uint32_t pc)
{
    Ir *ir = x->ir;
    const IrBlock *bb = &ir->blocks[x->body];
    int W = lanes_of(x->tc);
    int32_t lo = x->tc == 'b' ? -128 : x->tc == 'h' ? -32768 : INT32_MIN;
    int32_t hi = x->tc == 'b' ? 127 : x->tc == 'h' ? 32767 : INT32_MAX;
    int32_t no = -1;
    emit(x, IR_VCFG, TY_VOID, -1, -1, -1, pc);
    for (uint32_t i = 0; i < bb->nins; i++) { /* the body's uniforms, made here once */
        int32_t v = bb->ins[i];
        const IrIns src = ir->ins[v];
        if (x->kind[v] != K_UNI || v == x->store || src.op == IR_JMP || src.op == IR_BOUND)
            continue;
        /* a checked one that would fail fails in the scalar loop's first
         * iteration: then no vector iteration runs */
        bool checked = src.op == IR_ADDO || src.op == IR_SUBO || src.op == IR_MULO || src.op == IR_SHLO ||
                       src.op == IR_SHRO;
        IrOp op = src.op == IR_ADDO ? IR_ADD : src.op == IR_SUBO ? IR_SUB : src.op == IR_MULO ? IR_MUL
                : src.op == IR_SHLO ? IR_SHL : src.op == IR_SHRO ? IR_SHR : (IrOp)src.op;
        int32_t w = emit(x, op, (IrType)src.type, src.a, src.b, src.c, src.pc);
        if (ir->oom)
            return -1;
        ir->ins[w].aux = checked ? 0 : src.aux, ir->ins[w].k = src.k;
        ir_for_operands(ir, w, remap, x);
        x->map[v] = w;
        if (checked && src.op == IR_SHLO) { /* a << b fails (ValueError, or past int32) unless 0 <= b <= 30 and (a << b) >> b == a */
            int32_t a = ir->ins[w].a, b = ir->ins[w].b;
            no = either(x, no, either(x, cmp(x, CC_LT, b, konst(x, 0)), cmp(x, CC_GT, b, konst(x, 30))));
            no = either(x, no, cmp(x, CC_NE, emit(x, IR_SHR, TY_INT, w, b, -1, 0), a));
        } else if (checked && src.op == IR_SHRO) { /* a >> b: b < 0 raises; b > 31 shifts as 31 (w: dead) */
            int32_t b = ir->ins[w].b, k31 = konst(x, 31);
            no = either(x, no, cmp(x, CC_LT, b, konst(x, 0)));
            b = emit(x, IR_SELECT, TY_INT, cmp(x, CC_GT, b, k31), k31, b, 0);
            x->map[v] = emit(x, IR_SHR, TY_INT, ir->ins[w].a, b, -1, 0);
        } else if (checked)
            no = either(x, no, ovf(x, (IrOp)src.op, ir->ins[w].a, ir->ins[w].b));
    }
    for (uint32_t v = 0; v < x->nin; v++) { /* uniforms in every lane: in the element's range */
        if (x->bq[v] < 0)
            continue;
        int32_t u = mapped(x, (int32_t)v), rep = u;
        bool narrower = false; /* a clamp's bound tested in the store's narrower range (below) */
        for (int k = 0; k < x->ncbound && x->proven; k++)
            narrower |= x->cbound[k] == (int32_t)v;
        if (x->tc != 'i') {
            if (!narrower)
                no = either(x, no, either(x, cmp(x, CC_LT, u, konst(x, lo)), cmp(x, CC_GT, u, konst(x, hi))));
            rep = emit(x, IR_AND, TY_INT, u, konst(x, x->tc == 'b' ? 0xff : 0xffff), -1, 0);
            rep = emit(x, IR_MUL, TY_INT, rep, konst(x, x->tc == 'b' ? 0x01010101 : 0x00010001), -1, 0);
        }
        int32_t b = emit(x, IR_EWBC, TY_VOID, rep, -1, -1, pc);
        ir->ins[b].aux = (uint8_t)x->bq[v];
    }
    if (x->sar >= 0) { /* a negative count raises ValueError; 31 shifts an int32 as far as any larger one */
        int32_t k = mapped(x, x->sar), k31 = konst(x, 31);
        no = either(x, no, cmp(x, CC_LT, k, konst(x, 0)));
        emit(x, IR_EWSAR, TY_VOID, emit(x, IR_SELECT, TY_INT, cmp(x, CC_GT, k, k31), k31, k, 0), -1, -1, pc);
    }
    for (int k = 0; k < x->ncbound && x->proven; k++) { /* a clamp's bounds in stc's range */
        int32_t u = mapped(x, x->cbound[k]), blo = x->stc == 'b' ? -128 : -32768;
        no = either(x, no, either(x, cmp(x, CC_LT, u, konst(x, blo)), cmp(x, CC_GT, u, konst(x, -blo - 1))));
    }
    for (int k = 0; k < 2 && x->stc && !x->proven; k++) { /* stc's bounds, repeated to 32 bits */
        int32_t bound = k ? (x->stc == 'b' ? 127 : 32767) : (x->stc == 'b' ? -128 : -32768);
        uint32_t rep = x->tc == 'h' ? ((uint32_t)bound & 0xffff) * 0x00010001u : (uint32_t)bound;
        int32_t b = emit(x, IR_EWBC, TY_VOID, konst(x, (int32_t)rep), -1, -1, pc);
        ir->ins[b].aux = (uint8_t)(k ? x->dhi_q : x->dlo_q);
    }
    if (x->one_q >= 0) {
        int32_t b = emit(x, IR_EWBC, TY_VOID, konst(x, x->tc == 'b' ? 0x01010101 : 0x00010001), -1, -1, pc);
        ir->ins[b].aux = (uint8_t)x->one_q;
    }
    for (uint32_t i = 0; i < bb->nins && x->tc != 'i'; i++) {
        /* 8/16-bit shifts: SAR = min(s, 7 or 15) (as far as any larger
         * count shifts such a lane), kept in map[] (unused for lane values);
         * s < 0 raises */
        int32_t v = bb->ins[i];
        if (x->kind[v] == K_VEC && x->ewop[v] == EW_FUSED_SHR) {
            /* SAR k = s (floor) or s - 1 (rounded: (floor(p / 2^(s-1)) + 1) >> 1
             * is (p + 2^(s-1)) >> s), at most 31: |p| <= 2^30, so any larger
             * shift gives p's sign as 31 does. The rounded form needs
             * 1 <= s <= 31 and its term == 1 << (s - 1), else no vector
             * iteration. The fit test's SAR: min(k + w - 1, 31), in map[] of
             * the multiply. */
            int32_t k = mapped(x, ir->ins[v].b), k31 = konst(x, 31), r = x->frnd[v];
            if (r >= 0) {
                no = either(x, no, either(x, cmp(x, CC_LT, k, konst(x, 1)), cmp(x, CC_GT, k, k31)));
                k = emit(x, IR_SUB, TY_INT, k, konst(x, 1), -1, 0);
                int32_t term = emit(x, IR_SHL, TY_INT, konst(x, 1), k, -1, 0);
                no = either(x, no, cmp(x, CC_NE, mapped(x, r), term));
            } else {
                no = either(x, no, cmp(x, CC_LT, k, konst(x, 0)));
                k = emit(x, IR_SELECT, TY_INT, cmp(x, CC_GT, k, k31), k31, k, 0);
            }
            x->map[v] = k;
            int32_t kt = emit(x, IR_ADD, TY_INT, k, konst(x, x->tc == 'b' ? 7 : 15), -1, 0);
            x->map[x->fuse[v]] = emit(x, IR_SELECT, TY_INT, cmp(x, CC_GT, kt, k31), k31, kt, 0);
            continue;
        }
        if (x->kind[v] == K_VEC && x->ewop[v] == EW_UFLIP) {
            int32_t b = emit(x, IR_EWBC, TY_VOID, konst(x, (int32_t)0x80808080u), -1, -1, pc);
            ir->ins[b].aux = (uint8_t)x->qt[v];
            continue;
        }
        if (x->kind[v] == K_VEC && x->ewop[v] == EW_USHR) {
            /* u >> s: s < 1 leaves values past int8 (or raises): no vector
             * iteration; SAR min(s, 7), the mask 0xff >> min(s, 8) per byte */
            int32_t k = mapped(x, ir->ins[v].b), k1 = konst(x, 1), k7 = konst(x, 7), k8 = konst(x, 8);
            no = either(x, no, cmp(x, CC_LT, k, k1));
            k = emit(x, IR_SELECT, TY_INT, cmp(x, CC_LT, k, k1), k1, k, 0);
            x->map[v] = emit(x, IR_SELECT, TY_INT, cmp(x, CC_GT, k, k7), k7, k, 0);
            int32_t mask = emit(x, IR_SHR, TY_INT, konst(x, 0xff), emit(x, IR_SELECT, TY_INT, cmp(x, CC_GT, k, k8), k8, k, 0),
                                -1, 0);
            int32_t b = emit(x, IR_EWBC, TY_VOID, emit(x, IR_MUL, TY_INT, mask, konst(x, 0x01010101), -1, 0), -1, -1, pc);
            ir->ins[b].aux = (uint8_t)x->qt[v];
            continue;
        }
        if (x->kind[v] != K_VEC || x->ewop[v] != EW_SHR)
            continue;
        int32_t k = mapped(x, ir->ins[v].b), top = konst(x, x->tc == 'b' ? 7 : 15);
        no = either(x, no, cmp(x, CC_LT, k, konst(x, 0)));
        x->map[v] = emit(x, IR_SELECT, TY_INT, cmp(x, CC_GT, k, top), top, k, 0);
    }
    if (x->narrow) { /* srcmb's count: min(s, 31) (an int32 >> 31 is as far as any larger); s < 0 raises */
        int32_t k = x->nshift >= 0 ? mapped(x, x->nshift) : konst(x, 0), k31 = konst(x, 31);
        if (x->nshift >= 0)
            no = either(x, no, cmp(x, CC_LT, k, konst(x, 0)));
        x->nshift = emit(x, IR_SELECT, TY_INT, cmp(x, CC_GT, k, k31), k31, k, 0);
    }
    int32_t lim = ir_clamped_limit(ir, x->cur, x->c.bound, W - 1);
    for (int k = 0; k < x->nacc; k++) {
        const Access *a = &x->acc[k];
        int32_t len = a->len >= 0 ? mapped(x, a->len) : emit(x, IR_ALEN, TY_INT, -a->len - 2, -1, -1, 0);
        int32_t first = x->c.init, top = len;
        if (a->off >= 0) {
            int32_t off = mapped(x, a->off);
            /* first = init + off >= 0; lanes below len - off */
            no = either(x, no, ovf(x, a->neg ? IR_SUBO : IR_ADDO, first, off));
            first = emit(x, a->neg ? IR_SUB : IR_ADD, TY_INT, first, off, -1, 0);
            no = either(x, no, ovf(x, a->neg ? IR_ADDO : IR_SUBO, len, off));
            top = emit(x, a->neg ? IR_ADD : IR_SUB, TY_INT, len, off, -1, 0);
        }
        no = either(x, no, cmp(x, CC_LT, first, konst(x, 0)));
        lim = smaller(x, lim, ir_clamped_limit(ir, x->cur, top, W - 1));
    }
    /* a load from the stored array at an offset below the store's reads
     * what the scalar loop would have stored there: when the offsets are
     * not constants that rule this out, the arrays must differ */
    const IrIns *st = &ir->ins[x->store];
    int32_t sk, lk;
    bool sknown = const_offset(x, st->b, &sk);
    for (uint32_t i = 0; i < bb->nins; i++) {
        const IrIns *l = &ir->ins[bb->ins[i]];
        if (l->op != IR_ALOAD || x->kind[bb->ins[i]] != K_VEC || l->aux != st->aux)
            continue; /* (an array of another typecode is another object) */
        if (!sknown || !const_offset(x, l->b, &lk) || (int64_t)lk < (int64_t)sk)
            no = either(x, no, cmp(x, CC_EQ, mapped(x, ir->ins[l->a].a), mapped(x, ir->ins[st->a].a)));
    }
    if (no >= 0)
        lim = emit(x, IR_SELECT, TY_INT, no, konst(x, INT32_MIN), lim, pc);
    return lim;
}

/* The address of element counter + off of data d, for the lanes at jv. */
static int32_t address(Ew *x, int32_t d, int32_t idx, uint8_t tc)
{
    int32_t at = x->jv;
    if (idx != x->c.phi && x->off[idx] >= 0)
        at = emit(x, x->neg[idx] ? IR_SUB : IR_ADD, TY_INT, x->jv, mapped(x, x->off[idx]), -1, 0);
    unsigned sh = ir_elem_shift(tc);
    if (sh)
        at = emit(x, IR_SHL, TY_INT, at, konst(x, (int32_t)sh), -1, 0);
    return emit(x, IR_ADD, TY_PTR, mapped(x, d), at, -1, 0);
}

/* The loop's exit block, when the vector loop may jump there itself: its
 * only predecessor is the header and it has no phis (the header's only phi
 * is the counter: analyse). -1: the scalar loop's test decides. */
static int32_t skip_target(const Ew *x)
{
    const Ir *ir = x->ir;
    const IrBlock *hb = &ir->blocks[x->h];
    if (hb->nsucc != 2)
        return -1;
    int32_t ex = hb->succ[0] == x->body ? hb->succ[1] : hb->succ[0];
    const IrBlock *eb = &ir->blocks[ex];
    if (ex == x->body || eb->npreds != 1 || (eb->nins && ir->ins[eb->ins[0]].op == IR_PHI))
        return -1;
    return ex;
}

typedef struct Reroute {
    int32_t from, to;
    uint32_t n;
} Reroute;

static void reroute(Ir *ir, int32_t *slot, void *ctx)
{
    (void)ir;
    Reroute *r = ctx;
    if (*slot == r->from) {
        r->n++;
        if (r->to >= 0)
            *slot = r->to;
    }
}

/* join -> ex as well: the counter read after the loop (a deopt map, the
 * loop variable) becomes a phi of ex, the header's value or jv. */
static void skip_to(Ew *x, int32_t join, int32_t ex)
{
    Ir *ir = x->ir;
    ir->blocks[join].succ[ir->blocks[join].nsucc++] = ex;
    ir->blocks[ex].preds[ir->blocks[ex].npreds++] = join;
    Reroute r = {x->c.phi, -1, 0};
    for (int pass = 0; pass < 2; pass++) {
        for (uint32_t b = 0; b < ir->nblocks; b++) {
            if (ir->blocks[b].dead || (int32_t)b == x->h || (int32_t)b == x->body)
                continue;
            for (uint32_t i = 0; i < ir->blocks[b].nins; i++)
                if (ir->blocks[b].ins[i] != r.to)
                    ir_for_operands(ir, ir->blocks[b].ins[i], reroute, &r);
        }
        if (pass || !r.n)
            return;
        /* the phi, first in ex (ex had none): preds h, join */
        int32_t v = ir_add(ir, ex, IR_PHI, TY_INT, -1, -1, -1);
        if (ir->oom)
            return;
        IrBlock *eb = &ir->blocks[ex];
        memmove(eb->ins + 1, eb->ins, (eb->nins - 1) * sizeof *eb->ins);
        eb->ins[0] = v;
        ir->ins[v].list = ir_list_alloc(ir, 2);
        ir->lists[ir->ins[v].list] = x->c.phi;
        ir->lists[ir->ins[v].list + 1] = x->jv;
        r.to = v;
    }
}

static bool vectorize_loop(Ew *x)
{
    Ir *ir = x->ir;
    IrCounted *c = &x->c;
    IrBlock *hb = &ir->blocks[x->h];
    uint32_t p0 = hb->preds[0] == c->latch ? 1 : 0;
    int32_t pre = hb->preds[p0], W = lanes_of(x->tc);
    uint32_t pc = hb->bc_start;
    int32_t vpre = new_block(x, pc), vhdr = new_block(x, pc), vbody = new_block(x, pc), join = new_block(x, pc);
    if (ir->oom || vpre < 0 || vhdr < 0 || vbody < 0 || join < 0)
        return false;
    x->join = join;
    for (uint32_t s = 0; s < ir->blocks[pre].nsucc; s++)
        if (ir->blocks[pre].succ[s] == x->h)
            ir->blocks[pre].succ[s] = vpre;
    ir->blocks[vpre].preds[ir->blocks[vpre].npreds++] = pre;
    x->cur = vpre;
    int32_t lim = prepare(x, pc);
    if (ir->oom)
        return false;
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    edge(ir, vpre, vhdr);

    x->cur = vhdr;
    x->jv = emit(x, IR_PHI, TY_INT, -1, -1, -1, pc);
    ir->ins[x->jv].list = ir_list_alloc(ir, 2);
    emit(x, IR_BR, TY_VOID, cmp(x, CC_LT, x->jv, lim), -1, -1, pc);
    edge(ir, vhdr, vbody);
    edge(ir, vhdr, join);

    /* one vector iteration: loads, operations with their tests, the store */
    x->cur = vbody;
    int32_t bad = -1;
    for (uint32_t i = 0; i < ir->blocks[x->body].nins && !ir->oom; i++) {
        int32_t v = ir->blocks[x->body].ins[i];
        const IrIns src = ir->ins[v];
        if (x->kind[v] != K_VEC)
            continue;
        if (v == x->nvalue && x->narrow) { /* the 16 int32 elements into QACC, narrowed into q */
            const IrIns ld = ir->ins[x->wload];
            int32_t l = emit(x, IR_EWLD, TY_VOID, address(x, ld.a, ld.b, 'i'), -1, -1, ld.pc);
            ir->ins[l].aux = EW_QACC;
            int32_t n = emit(x, IR_EWSAR, TY_VOID, x->nshift, -1, -1, src.pc);
            ir->ins[n].aux = (uint8_t)(EW_NARROW | x->q[v]);
            continue;
        }
        if (src.op == IR_ALOAD) {
            int32_t l = emit(x, IR_EWLD, TY_VOID, address(x, src.a, src.b, x->tc), -1, -1, src.pc);
            ir->ins[l].aux = (uint8_t)x->q[v];
            continue;
        }
        int32_t a = src.op == IR_SELECT ? src.b : src.a, b = src.op == IR_SELECT ? src.c : src.b;
        int qa = lane_q(x, a), qb = x->ewop[v] == EW_SHR ? 0 : lane_q(x, b), qd = x->q[v];
        if (x->ewop[v] == EW_FUSED_MUL || x->ewop[v] == EW_FUSED_ADD)
            continue;
        if (x->ewop[v] == EW_FUSED_SHR) {
            const IrIns *m = &ir->ins[x->fuse[v]];
            int ma = lane_q(x, m->a), mb = lane_q(x, m->b), qt = x->qt[v];
            /* t = floor(p / 2^k) fits the lane iff floor(p / 2^(k+w-1)) is the sign of t */
            set_sar(x, x->map[x->fuse[v]], src.pc);
            ewop(x, EW_MUL, CHECK_Q, ma, mb, src.pc);
            set_sar(x, x->map[v], src.pc);
            ewop(x, EW_MUL, qd, ma, mb, src.pc); /* (qd may be ma or mb) */
            set_sar(x, konst(x, x->tc == 'b' ? 7 : 15), src.pc);
            ewop(x, EW_MUL, qt, qd, x->one_q, src.pc);
            ewop(x, EW_XOR, CHECK_Q, CHECK_Q, qt, src.pc);
            int32_t any = emit(x, IR_EWANY, TY_INT, -1, -1, -1, src.pc);
            ir->ins[any].aux = CHECK_Q;
            bad = bad < 0 ? any : emit(x, IR_OR, TY_INT, bad, any, -1, 0);
            if (x->frnd[v] >= 0) { /* (t + 1) >> 1, t + 1 tested to fit */
                ewop(x, EW_ADD, qt, qd, x->one_q, src.pc);
                ewop(x, EW_SUB, CHECK_Q, qt, x->one_q, src.pc);
                ewop(x, EW_XOR, CHECK_Q, CHECK_Q, qd, src.pc);
                any = emit(x, IR_EWANY, TY_INT, -1, -1, -1, src.pc);
                ir->ins[any].aux = CHECK_Q;
                bad = emit(x, IR_OR, TY_INT, bad, any, -1, 0);
                set_sar(x, konst(x, 1), src.pc);
                ewop(x, EW_MUL, qd, qt, x->one_q, src.pc);
            }
            continue;
        }
        if (x->ewop[v] == EW_USHR) { /* (s8(u) * 1) >> SAR, & (0xff >> s) */
            set_sar(x, x->map[v], src.pc);
            ewop(x, EW_MUL, qd, qa, x->one_q, src.pc);
            ewop(x, EW_AND, qd, qd, x->qt[v], src.pc);
            continue;
        }
        if (x->ewop[v] == EW_UFLIP) { /* u - 128: the top bit flipped */
            int u = lane_q(x, x->ewop[a] == EW_ULOAD && kind_of(x, a) == K_VEC ? a : b);
            ewop(x, EW_XOR, qd, u, x->qt[v], src.pc);
            continue;
        }
        if (x->ewop[v] == EW_SHR && x->tc != 'i') { /* (lane * 1) >> SAR */
            set_sar(x, x->map[v], src.pc);
            ewop(x, EW_MUL, qd, qa, x->one_q, src.pc);
            continue;
        }
        if (x->ewop[v] == EW_MUL) {
            /* p = a * b fits the lane iff floor(p / 2^(w-1)) is p's sign
             * (-1 or 0), which is the sign of the saturated product when it
             * fits; otherwise it is neither (and so differs from that sign) */
            int top = x->tc == 'b' ? 7 : 15;
            set_sar(x, konst(x, top), src.pc);
            ewop(x, EW_MUL, CHECK_Q, qa, qb, src.pc);
            set_sar(x, konst(x, 0), src.pc);
            ewop(x, EW_MUL, qd, qa, qb, src.pc); /* (qd may be qa or qb) */
            set_sar(x, konst(x, top), src.pc);
            ewop(x, EW_MUL, x->qt[v], qd, x->one_q, src.pc);
            ewop(x, EW_XOR, CHECK_Q, CHECK_Q, x->qt[v], src.pc);
            int32_t any = emit(x, IR_EWANY, TY_INT, -1, -1, -1, src.pc);
            ir->ins[any].aux = CHECK_Q;
            bad = bad < 0 ? any : emit(x, IR_OR, TY_INT, bad, any, -1, 0);
            continue;
        }
        ewop(x, x->ewop[v], qd, qa, qb, src.pc);
        if (x->ewop[v] == EW_ADD || x->ewop[v] == EW_SUB) {
            /* no lane saturated: (a + b) - b == a, (a - b) + b == a */
            ewop(x, x->ewop[v] == EW_ADD ? EW_SUB : EW_ADD, CHECK_Q, qd, qb, src.pc);
            ewop(x, EW_XOR, CHECK_Q, CHECK_Q, qa, src.pc);
            int32_t any = emit(x, IR_EWANY, TY_INT, -1, -1, -1, src.pc);
            ir->ins[any].aux = CHECK_Q;
            bad = bad < 0 ? any : emit(x, IR_OR, TY_INT, bad, any, -1, 0);
        }
    }
    const IrIns st = ir->ins[x->store];
    int sq = lane_q(x, st.c);
    if (x->stc && !x->proven) { /* clamp(v) == v in every lane: v fits the narrower element */
        ewop(x, EW_MIN, CHECK_Q, sq, x->dhi_q, st.pc);
        ewop(x, EW_MAX, CHECK_Q, CHECK_Q, x->dlo_q, st.pc);
        ewop(x, EW_XOR, CHECK_Q, CHECK_Q, sq, st.pc);
        int32_t any = emit(x, IR_EWANY, TY_INT, -1, -1, -1, st.pc);
        ir->ins[any].aux = CHECK_Q;
        bad = bad < 0 ? any : emit(x, IR_OR, TY_INT, bad, any, -1, 0);
    }
    if (bad >= 0) { /* a lane out of range: the scalar loop does this iteration */
        int32_t cont = new_block(x, pc);
        if (cont < 0)
            return false;
        emit(x, IR_BR, TY_VOID, bad, -1, -1, pc);
        edge(ir, x->cur, join);
        edge(ir, x->cur, cont);
        x->cur = cont;
    }
    if (x->stc) /* the stored value's last use: its register may be unzipped in place */
        ewop(x, EW_UNZIP, sq, sq, CHECK_Q, st.pc);
    int32_t s = emit(x, IR_EWST, TY_VOID, address(x, st.a, st.b, x->stc ? x->stc : x->tc), -1, -1, st.pc);
    ir->ins[s].aux = (uint8_t)(sq | (x->stc ? EW_LOW64 : 0));
    int32_t next = emit(x, IR_ADD, TY_INT, x->jv, konst(x, W), -1, pc);
    emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    edge(ir, x->cur, vhdr);
    ir->lists[ir->ins[x->jv].list] = c->init;
    ir->lists[ir->ins[x->jv].list + 1] = next;

    x->cur = join;
    int32_t ex = skip_target(x);
    if (ex >= 0) /* every iteration done: past the scalar loop and the checks licm puts before it */
        emit(x, IR_BR, TY_VOID, cmp(x, CC_LT, x->jv, c->bound), -1, -1, pc);
    else
        emit(x, IR_JMP, TY_VOID, -1, -1, -1, pc);
    ir->blocks[join].succ[ir->blocks[join].nsucc++] = x->h;
    hb = &ir->blocks[x->h];
    hb->preds[p0] = join;
    ir->lists[ir->ins[c->phi].list + (int32_t)p0] = x->jv;
    if (ex >= 0)
        skip_to(x, join, ex);
    ir_cfg_changed(ir);
    return !ir->oom;
}

/* A counted loop whose body is one block storing an element: worth the
 * tables of an analysis. Otherwise *why says why not, for an innermost
 * loop that stores an int element (*why NULL: not such a loop; in[] and
 * work[]: scratch for its blocks). */
static bool worth_a_look(const Ir *ir, int32_t h, uint8_t *in, int32_t *work, const char **why)
{
    *why = NULL;
    IrCounted c;
    if (ir_counted_loop(ir, h, &c) && c.step == 1 && c.cc == CC_LT && c.latch == c.body) {
        const IrBlock *bb = &ir->blocks[c.body];
        for (uint32_t i = 0; i < bb->nins; i++) {
            const IrIns *st = &ir->ins[bb->ins[i]];
            if (st->op == IR_ASTORE && (st->aux == 'b' || st->aux == 'h' || st->aux == 'i'))
                return true;
        }
    }
    bool store = false;
    ir_loop_blocks(ir, h, in, work);
    for (uint32_t b = 0; b < ir->nblocks; b++) {
        if (!in[b] || ir->blocks[b].dead)
            continue;
        if ((int32_t)b != h && ir->blocks[b].loop_head == (int32_t)b)
            return false; /* an outer loop */
        for (uint32_t i = 0; i < ir->blocks[b].nins; i++) {
            const IrIns *st = &ir->ins[ir->blocks[b].ins[i]];
            store |= st->op == IR_ASTORE && (st->aux == 'b' || st->aux == 'h' || st->aux == 'i');
        }
    }
    if (!store)
        return false;
    if (!ir_counted_loop(ir, h, &c) || c.step != 1 || c.cc != CC_LT)
        *why = "not a counted loop (`for` over range with step 1)";
    else if (c.latch != c.body)
        *why = "the body is not one block (a branch, or a check that can fail other than an index's)";
    else
        *why = "the element is not stored in the body's main block";
    return false;
}

/* --jit-report: the note of loop h (vector.c made one per loop) says why
 * elementwise.c left it scalar, unless vector.c put it on PIE already. */
static void note_why(Ir *ir, int32_t h, const char *why, int32_t v)
{
    for (uint32_t i = 0; i < ir->nnotes && why; i++) {
        IrLoopNote *t = &ir->notes[i];
        if (t->block != h || t->how || t->ref_pc != UINT32_MAX || t->why_ew)
            continue;
        t->why_ew = why;
        t->why_ew_op = v >= 0 ? ir->ins[v].op : 0;
        t->why_ew_pc = v >= 0 ? ir->ins[v].pc : t->pc;
    }
}

void ir_elementwise(Ir *ir)
{
    /* most functions store no int8, int16 or int32 element: nothing to look at */
    bool store = false;
    for (uint32_t v = 0; v < ir->nins && !store; v++) {
        const IrIns *in = &ir->ins[v];
        store = in->op == IR_ASTORE && in->block >= 0 && (in->aux == 'b' || in->aux == 'h' || in->aux == 'i');
    }
    if (!store)
        return;
    uint32_t nb0 = ir->nblocks;
    /* each loop header of the original blocks once; a transformed loop
     * adds blocks (never headers that are candidates: their bodies hold
     * PIE operations) */
    for (uint32_t h = 0; h < nb0 && !ir->oom; h++) {
        ir_dominators(ir);
        ir_loops(ir);
        if (ir->blocks[h].dead || ir->blocks[h].loop_head != (int32_t)h)
            continue;
        IrTmpMark m = ir_tmp_mark(ir);
        uint8_t *in = ir_tmp(ir, ir->nblocks + 1);
        int32_t *work = ir_tmp(ir, (ir->nblocks + 1) * sizeof *work);
        const char *why = NULL;
        if (!in || !work || !worth_a_look(ir, (int32_t)h, in, work, &why)) {
            note_why(ir, (int32_t)h, why, -1);
            ir_tmp_release(ir, m);
            continue;
        }
        uint32_t nin = ir->nins;
        Ew x = {.ir = ir, .h = (int32_t)h, .nin = nin, .store = -1, .vechi = CHECK_Q, .bqlo = 8, .sar = -1,
                .wload = -1, .nvalue = -1, .nshift = -1, .one_q = -1, .dlo_q = -1, .dhi_q = -1};
        x.kind = ir_tmp0(ir, nin);
        x.off = ir_tmp(ir, nin * sizeof *x.off);
        x.neg = ir_tmp0(ir, nin);
        x.q = ir_tmp(ir, nin);
        x.ewop = ir_tmp0(ir, nin);
        x.map = ir_tmp(ir, nin * sizeof *x.map);
        x.bq = ir_tmp(ir, nin);
        x.qt = ir_tmp(ir, nin);
        x.fuse = ir_tmp(ir, nin * sizeof *x.fuse);
        x.frnd = ir_tmp(ir, nin * sizeof *x.frnd);
        x.last = ir_tmp0(ir, nin * sizeof *x.last);
        if (x.kind && x.off && x.neg && x.q && x.ewop && x.map && x.bq && x.qt && x.fuse && x.frnd && x.last) {
            memset(x.fuse, 0xff, nin * sizeof *x.fuse);
            memset(x.frnd, 0xff, nin * sizeof *x.frnd);
            memset(x.off, 0xff, nin * sizeof *x.off);
            memset(x.q, 0xff, nin);
            memset(x.map, 0xff, nin * sizeof *x.map);
            memset(x.bq, 0xff, nin);
            if (!analyse(&x))
                note_why(ir, (int32_t)h, x.why, x.why_v);
            else if (vectorize_loop(&x) && !ir->vector_lanes)
                ir->vector_lanes = (uint8_t)lanes_of(x.tc), ir->vector_pc = ir->blocks[h].bc_start;
        }
        ir_tmp_release(ir, m);
    }
}
