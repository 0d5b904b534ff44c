/*
 * pie_sim_test.c - p4sim's execution of the PIE and hardware-loop
 * instructions, through the library (p4sim_load_raw & co.) on code buffers
 * built with the rv32 encoder.
 *
 * usage: p4sim_pie_test ops 1|3 | hwloop | traps
 *   ops:    every PIE instruction of the revision on random operands and
 *           state (saturation and rounding paths forced often), compared
 *           with the independent scalar model in pie_ref.c: all x
 *           registers, the whole PIE state and the data memory;
 *   hwloop: esp.lp.* loops (counts 0/1/N, nested, shared end, branches in
 *           and out of the body, register counts, starti/endi/counti),
 *           checked for results, and for instret and cycles against the
 *           same instructions unrolled (the loop-back must cost nothing);
 *   traps:  misaligned, unmapped and TCM operands stop the run precisely
 *           (pc, disassembly, nothing changed); CFG's unaligned bits.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pie_ref.h"
#include "rv32/rv32.h"
#include "sim/sim.h"

enum { CODE = 0x80000000u, DATA = 0x80100000u, DATA_SIZE = 4096 };

static int failures;
#define CHECK(cond, ...) do { if (!(cond)) { failures++; fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
    fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint32_t rnd(void)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return (uint32_t)(rng >> 16);
}

/* ---- code buffers ---- */

typedef struct Code { uint32_t w[16384]; int n; RvRev rev; } Code;

static RvInsn blank(unsigned op)
{
    RvInsn in;
    memset(&in, 0, sizeof in);
    in.op = (uint16_t)op, in.len = 4;
    return in;
}

static void put(Code *c, const RvInsn *in)
{
    uint32_t w = 0;
    bool ok = in->op >= RV_PIE_FIRST ? rv_encode_rev(in, c->rev, &w) : rv_encode(in, &w);
    if (!ok || c->n + 8 > (int)(sizeof c->w / sizeof *c->w)) {
        fprintf(stderr, "cannot encode %s\n", rv_op_name(in->op));
        exit(2);
    }
    c->w[c->n++] = w;
}

static void I(Code *c, RvOp op, unsigned rd, unsigned rs1, unsigned rs2, int32_t imm)
{
    RvInsn in = blank(op);
    in.rd = (uint8_t)rd, in.rs1 = (uint8_t)rs1, in.rs2 = (uint8_t)rs2, in.imm = imm;
    put(c, &in);
}

static void li(Code *c, unsigned rd, int32_t v)
{
    uint32_t hi = ((uint32_t)v + 0x800) >> 12 & 0xfffff;
    int32_t lo = (int32_t)((uint32_t)v << 20) >> 20;
    if (hi) I(c, RV_LUI, rd, 0, 0, (int32_t)hi);
    I(c, RV_ADDI, rd, hi ? rd : 0, 0, lo);
}

/* esp.lp.*: `end` and `start` are instruction indexes in the buffer */
static void lp(Code *c, unsigned op, unsigned id, unsigned rs1, unsigned count, int target)
{
    RvInsn in = blank(op);
    in.sel = (uint8_t)id, in.rs1 = (uint8_t)rs1, in.count = (uint16_t)count;
    in.imm = (target - c->n) * 4;
    put(c, &in);
}

static void exit_seq(Code *c)
{
    li(c, 10, 0x18);      /* SYS_EXIT */
    li(c, 11, 0x20026);   /* ADP_Stopped_ApplicationExit */
    c->w[c->n++] = 0x01f01013, c->w[c->n++] = 0x00100073, c->w[c->n++] = 0x40705013;
}

static FILE *devnull;

static P4Sim *new_sim(RvRev rev, FILE *diag)
{
    P4SimConfig cfg;
    p4sim_config_default(&cfg);
    cfg.rev = rev;
    cfg.diag = diag ? diag : devnull;
    return p4sim_new(&cfg);
}

static P4SimStatus run_code(P4Sim *s, const Code *c)
{
    if (!p4sim_load_raw(s, CODE, c->w, (size_t)c->n * 4)) { fprintf(stderr, "load failed\n"); exit(2); }
    return p4sim_run(s, 1000000);
}

/* ---- ops: every instruction against the reference model ---- */

static const uint8_t pie_gprs[16] = {8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31};

/* a 32-bit lane value near the edges half of the time */
static uint32_t edgy32(void)
{
    switch (rnd() % 4) {
    case 0: return 0x7fffff00u | (rnd() & 0xff);
    case 1: return 0x80000000u | (rnd() & 0xff);
    case 2: return (uint32_t)((int32_t)(rnd() % 2001) - 1000);
    default: return rnd();
    }
}

static void random_state(RefMachine *m)
{
    for (int i = 1; i < 32; i++) m->x[i] = rnd();
    for (int q = 0; q < 8; q++) {
        int style = rnd() % 3; /* extremes make saturation likely */
        for (int b = 0; b < 16; b++)
            m->pie.q[q][b] = style == 0 ? (uint8_t)(rnd() & 1 ? 0x80 : 0x7f) : style == 1 ? (uint8_t)(rnd() % 8) : (uint8_t)rnd();
    }
    for (int i = 0; i < 16; i++) {
        uint32_t v = edgy32();
        memcpy(m->pie.qacc + 4 * i, &v, 4);
    }
    int64_t xa = (int64_t)((uint64_t)rnd() << 32 | rnd());
    xa = (int64_t)((uint64_t)xa << 24) >> 24; /* 40 bits */
    if (rnd() % 4 == 0) xa = rnd() & 1 ? (INT64_C(1) << 39) - 1 - (rnd() & 0xffff) : -(INT64_C(1) << 39) + (rnd() & 0xffff);
    m->pie.xacc = xa;
    m->pie.sar = rnd() % 2 ? rnd() % 16 : rnd() % 64;
    m->pie.cfg = rnd() & 0x1f3;
    for (unsigned i = 0; i < m->size; i++) m->mem[i] = (uint8_t)rnd();
}

static bool shifts_by_rs1(unsigned op)
{
    return op == RV_ESP_SRCMB_S8_QACC || op == RV_ESP_SRCMB_S16_QACC || op == RV_ESP_SRS_S_XACC ||
           op == RV_ESP_VRELU_S8 || op == RV_ESP_VRELU_S16;
}

static int test_ops(RvRev rev, int trials)
{
    static uint8_t mem[DATA_SIZE], simmem[DATA_SIZE];
    P4Sim *s = new_sim(rev, NULL);
    int checked = 0;
    for (unsigned op = RV_PIE_FIRST; op < RV_ESP_LP_SETUP; op++) {
        RvPieOperand ops[RV_PIE_MAX_OPERANDS];
        int n = rv_pie_operands(op, rev, ops);
        CHECK(n >= 0, "%s has no rev %d encoding", rv_op_name(op), rev);
        int bad = 0;
        for (int t = 0; t < trials && bad < 3; t++) {
            RvInsn in = blank(op);
            for (int k = 0; k < n; k++) {
                const RvPieOperand *o = &ops[k];
                int32_t v = o->min + (int32_t)(rnd() % (uint32_t)((o->max - o->min) / o->step + 1)) * o->step;
                switch (o->field) {
                case RV_PF_QU: in.qu = (uint8_t)(rnd() % 8); break;
                case RV_PF_QV: in.qv = (uint8_t)(rnd() % 8); break;
                case RV_PF_QX: in.qx = (uint8_t)(rnd() % 8); break;
                case RV_PF_QY: in.qy = (uint8_t)(rnd() % 8); break;
                case RV_PF_QZ: in.qz = (uint8_t)(rnd() % 8); break;
                case RV_PF_RD: in.rd = pie_gprs[rnd() % 16]; break;
                case RV_PF_RS1: in.rs1 = pie_gprs[rnd() % 16]; break;
                case RV_PF_RS2: in.rs2 = pie_gprs[rnd() % 16]; break;
                case RV_PF_IMM: in.imm = v; break;
                case RV_PF_SEL: in.sel = (uint8_t)v; break;
                case RV_PF_SAT: in.sat = (uint8_t)v; break;
                case RV_PF_RM: in.rm = (uint8_t)v; break;
                default: break;
                }
            }
            RefMachine m;
            memset(&m, 0, sizeof m);
            m.mem = mem, m.base = DATA, m.size = DATA_SIZE;
            random_state(&m);
            unsigned align;
            if (ref_is_mem(op, &align)) {
                if (rnd() % 2) m.x[in.rs2] = (uint32_t)((int32_t)(rnd() % 33) - 16) * 16;
                m.x[in.rs1] = DATA + (rnd() % (DATA_SIZE / align)) * align;
                if (m.x[in.rs1] > DATA + DATA_SIZE - 16) m.x[in.rs1] = DATA + DATA_SIZE - 16;
            } else if (shifts_by_rs1(op)) {
                if (op == RV_ESP_VRELU_S8 || op == RV_ESP_VRELU_S16)
                    m.x[in.rs2] = rnd() % 2 ? (uint32_t)((int32_t)(rnd() % 513) - 256) : rnd();
                m.x[in.rs1] = rnd() % 4 ? rnd() % 40 : rnd();
            }
            m.x[0] = 0;
            /* the simulator: same state, one instruction */
            Code c = {.rev = rev};
            put(&c, &in);
            p4sim_load_raw(s, CODE, c.w, 4);
            for (int i = 1; i < 32; i++) p4sim_set_x(s, i, m.x[i]);
            p4sim_set_pie(s, &m.pie);
            p4sim_write_mem(s, DATA, mem, DATA_SIZE);
            uint64_t before = p4sim_stats(s)->instret;
            P4SimStatus st = p4sim_run(s, before + 1);
            int cause = ref_exec(&m, &in, rev);
            CHECK(cause == 0, "%s: the model trapped (%d)", rv_op_name(op), cause);
            CHECK(st == P4SIM_LIMIT && p4sim_stats(s)->instret == before + 1, "%s: status %d", rv_op_name(op), st);
            P4SimPie got;
            p4sim_get_pie(s, &got);
            bool same = memcmp(got.q, m.pie.q, sizeof got.q) == 0 && memcmp(got.qacc, m.pie.qacc, 64) == 0 &&
                        got.xacc == m.pie.xacc && got.sar == m.pie.sar && got.cfg == m.pie.cfg;
            for (int i = 0; i < 32; i++) same = same && p4sim_get_x(s, i) == m.x[i];
            p4sim_read_mem(s, DATA, simmem, DATA_SIZE);
            same = same && memcmp(simmem, mem, DATA_SIZE) == 0;
            if (!same) {
                char text[128];
                uint8_t b[4];
                memcpy(b, c.w, 4);
                rv_disasm_rev(b, 4, CODE, rev, 0, text, sizeof text);
                CHECK(false, "rev %d: %s (sat %d rm %d): simulator and model differ", rev, text, in.sat, in.rm);
                bad++;
            }
            checked++;
        }
    }
    p4sim_free(s);
    printf("ops rev %d: %d random cases\n", rev, checked);
    return checked;
}

/* ---- hardware loops ---- */

typedef struct Result {
    P4SimStatus st;
    uint32_t x[32];
    uint64_t instret, cycles;
    uint32_t lp[6];
    bool warned; /* p4sim's diagnostics say a loop got a count below 2 */
} Result;

static Result run_prog(const Code *c, RvRev rev)
{
    Result r;
    char *text = NULL;
    size_t len = 0;
    FILE *diag = open_memstream(&text, &len);
    P4Sim *s = new_sim(rev, diag);
    r.st = run_code(s, c);
    for (int i = 0; i < 32; i++) r.x[i] = p4sim_get_x(s, i);
    r.instret = p4sim_stats(s)->instret, r.cycles = p4sim_stats(s)->cycles;
    for (int i = 0; i < 6; i++) p4sim_get_csr(s, 0x7c6 + (uint32_t)i, &r.lp[i]);
    p4sim_free(s);
    fclose(diag);
    r.warned = text && strstr(text, "the chip needs 2 or more") != NULL;
    free(text);
    return r;
}

/* result registers: s8-s11 (the exit sequence uses a0/a1; PIE takes x24-x31) */
enum { A0 = 24, A1 = 25, A2 = 26, A3 = 27, T0 = 5, T6 = 31 };

/* the loop body of the counting tests: a0 += 1, a1 += 3, a2 ^= a1 */
static void body(Code *c)
{
    I(c, RV_ADDI, A0, A0, 0, 1);
    I(c, RV_ADDI, A1, A1, 0, 3);
    I(c, RV_XOR, A2, A2, A1, 0);
}

static void test_counts(RvRev rev)
{
    static const unsigned counts[] = {0, 1, 2, 5, 100, 4095};
    for (unsigned k = 0; k < sizeof counts / sizeof *counts; k++) {
        unsigned n = counts[k], iters = n ? n : 1;
        Code loop = {.rev = rev}, flat = {.rev = rev};
        lp(&loop, RV_ESP_LP_SETUPI, 0, 0, n, loop.n + 3);
        body(&loop);
        exit_seq(&loop);
        I(&flat, RV_ADDI, 0, 0, 0, 0); /* in place of lp.setupi */
        for (unsigned i = 0; i < iters; i++) body(&flat);
        exit_seq(&flat);
        Result a = run_prog(&loop, rev), b = run_prog(&flat, rev);
        CHECK(a.st == P4SIM_EXITED, "setupi %u: status %d", n, a.st);
        CHECK(a.x[A0] == iters && a.x[A1] == 3 * iters && a.x[A2] == b.x[A2], "setupi %u: a0=%u a1=%u", n, a.x[A0],
              a.x[A1]);
        CHECK(a.instret == b.instret, "setupi %u: instret %llu, unrolled %llu", n, (unsigned long long)a.instret,
              (unsigned long long)b.instret);
        CHECK(a.cycles == b.cycles, "setupi %u: cycles %llu, unrolled %llu", n, (unsigned long long)a.cycles,
              (unsigned long long)b.cycles);
        CHECK(a.lp[0] == CODE + 4 && a.lp[1] == CODE + 12 && a.lp[2] == 0, "setupi %u: loop CSRs %x %x %u", n,
              a.lp[0], a.lp[1], a.lp[2]);
        /* counts the chip cannot run (ESP-DSP: minimum 2) are reported */
        CHECK(a.warned == (n < 2) && !b.warned, "setupi %u: warned %d", n, a.warned);
    }
    /* esp.lp.setup with the count in a register (any GPR) */
    Code c = {.rev = rev};
    li(&c, T6, 7);
    lp(&c, RV_ESP_LP_SETUP, 1, T6, 0, c.n + 3);
    body(&c);
    exit_seq(&c);
    Result r = run_prog(&c, rev);
    CHECK(r.x[A0] == 7 && r.x[A1] == 21, "lp.setup t6=7: a0=%u", r.x[A0]);
    CHECK(r.lp[3] == CODE + 8 && r.lp[4] == CODE + 16 && r.lp[5] == 0, "lp.setup: loop 1 CSRs %x %x %u", r.lp[3],
          r.lp[4], r.lp[5]);
    /* starti / endi / counti / count, set apart */
    Code d = {.rev = rev};
    lp(&d, RV_ESP_LP_STARTI, 0, 0, 0, 5);
    lp(&d, RV_ESP_LP_ENDI, 0, 0, 0, 7);
    lp(&d, RV_ESP_LP_COUNTI, 0, 0, 6, 0);
    li(&d, T0, 9);                         /* index 3 */
    lp(&d, RV_ESP_LP_COUNT, 0, T0, 0, 0);  /* index 4: the count from t0 wins */
    body(&d);                              /* 5..7 */
    exit_seq(&d);
    r = run_prog(&d, rev);
    CHECK(r.x[A0] == 9 && r.x[A1] == 27, "starti/endi/count: a0=%u", r.x[A0]);
}

static void test_nested(RvRev rev)
{
    /* loop 1 (outer, 4) around a0 += 1 in loop 0 (inner, 3) */
    Code a = {.rev = rev}, flat = {.rev = rev};
    lp(&a, RV_ESP_LP_SETUPI, 1, 0, 4, 4);   /* 0: body 1..4 */
    I(&a, RV_ADDI, A2, A2, 0, 1);           /* 1 */
    lp(&a, RV_ESP_LP_SETUPI, 0, 0, 3, 3);   /* 2: body 3 */
    I(&a, RV_ADDI, A0, A0, 0, 1);           /* 3: end of loop 0 */
    I(&a, RV_ADDI, A1, A1, 0, 1);           /* 4: end of loop 1 */
    exit_seq(&a);
    I(&flat, RV_ADDI, 0, 0, 0, 0);
    for (int i = 0; i < 4; i++) {
        I(&flat, RV_ADDI, A2, A2, 0, 1);
        I(&flat, RV_ADDI, 0, 0, 0, 0);
        for (int j = 0; j < 3; j++) I(&flat, RV_ADDI, A0, A0, 0, 1);
        I(&flat, RV_ADDI, A1, A1, 0, 1);
    }
    exit_seq(&flat);
    Result r = run_prog(&a, rev), u = run_prog(&flat, rev);
    CHECK(r.x[A0] == 12 && r.x[A1] == 4 && r.x[A2] == 4, "nested: a0=%u a1=%u a2=%u", r.x[A0], r.x[A1], r.x[A2]);
    CHECK(r.instret == u.instret && r.cycles == u.cycles, "nested: instret %llu/%llu cycles %llu/%llu",
          (unsigned long long)r.instret, (unsigned long long)u.instret, (unsigned long long)r.cycles,
          (unsigned long long)u.cycles);
    /* both loops end on the same instruction: loop 0 inside */
    Code b = {.rev = rev};
    lp(&b, RV_ESP_LP_SETUPI, 1, 0, 3, 2);   /* 0 */
    lp(&b, RV_ESP_LP_SETUPI, 0, 0, 4, 2);   /* 1 */
    I(&b, RV_ADDI, A0, A0, 0, 1);           /* 2: end of both */
    exit_seq(&b);
    r = run_prog(&b, rev);
    CHECK(r.x[A0] == 12, "shared end: a0=%u, want 12", r.x[A0]);
    CHECK(r.instret == 1 + 3 * (1 + 4) + 5 /* exit */, "shared end: instret %llu", (unsigned long long)r.instret);
}

static void test_branches(RvRev rev)
{
    /* a branch inside the body: a1 counts the even a0 values */
    Code a = {.rev = rev};
    lp(&a, RV_ESP_LP_SETUPI, 0, 0, 10, 4);
    I(&a, RV_ANDI, T0, A0, 0, 1);           /* 1 */
    I(&a, RV_BNE, 0, T0, 0, 8);             /* 2: odd: skip 3 */
    I(&a, RV_ADDI, A1, A1, 0, 1);           /* 3 */
    I(&a, RV_ADDI, A0, A0, 0, 1);           /* 4: end */
    exit_seq(&a);
    Result r = run_prog(&a, rev);
    CHECK(r.x[A0] == 10 && r.x[A1] == 5, "branch in body: a0=%u a1=%u", r.x[A0], r.x[A1]);
    /* the last instruction is a branch: taken, it leaves the loop */
    Code b = {.rev = rev};
    li(&b, A2, 3);
    lp(&b, RV_ESP_LP_SETUPI, 0, 0, 10, b.n + 2);
    I(&b, RV_ADDI, A0, A0, 0, 1);
    I(&b, RV_BEQ, 0, A0, A2, 8);            /* end: a0 == 3 jumps over the next */
    I(&b, RV_ADDI, A1, A1, 0, 100);         /* skipped when the branch is taken */
    exit_seq(&b);
    r = run_prog(&b, rev);
    CHECK(r.x[A0] == 3 && r.x[A1] == 0, "taken branch at the end: a0=%u a1=%u", r.x[A0], r.x[A1]);
    CHECK(r.lp[2] == 8, "taken branch at the end: count left %u, want 8", r.lp[2]);
    /* break from the middle to the instruction after the body: no loop-back */
    Code c = {.rev = rev};
    li(&c, A2, 4);
    lp(&c, RV_ESP_LP_SETUPI, 0, 0, 10, c.n + 3);
    I(&c, RV_ADDI, A0, A0, 0, 1);
    I(&c, RV_BEQ, 0, A0, A2, 8);            /* to the instruction after the end */
    I(&c, RV_ADDI, A1, A1, 0, 1);           /* end */
    I(&c, RV_ADDI, A3, A3, 0, 1);
    exit_seq(&c);
    r = run_prog(&c, rev);
    CHECK(r.x[A0] == 4 && r.x[A1] == 3 && r.x[A3] == 1, "break: a0=%u a1=%u a3=%u", r.x[A0], r.x[A1], r.x[A3]);
    /* a call out of the body and back (jal/jalr inside a loop) */
    Code d = {.rev = rev};
    lp(&d, RV_ESP_LP_SETUPI, 0, 0, 6, 2);   /* 0 */
    I(&d, RV_JAL, 1, 0, 0, 4 * 4);          /* 1: call 5 */
    I(&d, RV_ADDI, A0, A0, 0, 1);           /* 2: end */
    I(&d, RV_JAL, 0, 0, 0, 4 * 4);          /* 3: on to the exit, 7 */
    I(&d, RV_ADDI, 0, 0, 0, 0);             /* 4 */
    I(&d, RV_ADDI, A1, A1, 0, 2);           /* 5: the callee */
    I(&d, RV_JALR, 0, 1, 0, 0);             /* 6: back to 2 */
    exit_seq(&d);
    r = run_prog(&d, rev);
    CHECK(r.x[A0] == 6 && r.x[A1] == 12, "call in body: a0=%u a1=%u", r.x[A0], r.x[A1]);
}

/* PIE in a loop: the loop costs the same cycles as the unrolled body */
static void test_pie_loop(RvRev rev)
{
    Code a = {.rev = rev}, flat = {.rev = rev};
    RvInsn mac = blank(RV_ESP_VMULAS_S16_XACC_LD_IP), ld = blank(RV_ESP_VLD_128_IP);
    mac.qu = 0, mac.rs1 = A0, mac.imm = 16, mac.qx = 0, mac.qy = 1, mac.sat = 1;
    ld.qu = 1, ld.rs1 = A1, ld.imm = 16;
    for (Code *c = &a; c; c = c == &a ? &flat : NULL) {
        li(c, A0, (int32_t)DATA);
        li(c, A1, (int32_t)(DATA + 1024));
        RvInsn z = blank(RV_ESP_ZERO_XACC);
        put(c, &z);
        put(c, &(RvInsn){.op = RV_ESP_VLD_128_IP, .len = 4, .qu = 0, .rs1 = A0, .imm = 16});
        put(c, &ld);
        if (c == &a) {
            lp(c, RV_ESP_LP_SETUPI, 0, 0, 32, c->n + 2);
            put(c, &mac);
            put(c, &ld);
        } else {
            I(c, RV_ADDI, 0, 0, 0, 0);
            for (int i = 0; i < 32; i++) put(c, &mac), put(c, &ld);
        }
        RvInsn rd = blank(RV_ESP_MOVX_R_XACC_L);
        rd.rd = A3;
        put(c, &rd);
        exit_seq(c);
    }
    Result r = run_prog(&a, rev), u = run_prog(&flat, rev);
    CHECK(r.st == P4SIM_EXITED && r.instret == u.instret && r.cycles == u.cycles,
          "PIE loop: instret %llu/%llu cycles %llu/%llu", (unsigned long long)r.instret, (unsigned long long)u.instret,
          (unsigned long long)r.cycles, (unsigned long long)u.cycles);
    CHECK(r.x[A0] == DATA + 33 * 16 && r.x[A1] == DATA + 1024 + 33 * 16, "PIE loop: pointers %x %x", r.x[A0], r.x[A1]);
}

/* ---- traps ---- */

static void check_trap(RvRev rev, RvInsn in, uint32_t addr, uint32_t cfg, const char *what)
{
    char *text = NULL;
    size_t len = 0;
    FILE *diag = open_memstream(&text, &len);
    P4Sim *s = new_sim(rev, diag);
    Code c = {.rev = rev};
    I(&c, RV_ADDI, 0, 0, 0, 0);
    put(&c, &in);
    exit_seq(&c);
    P4SimPie pie;
    memset(&pie, 0, sizeof pie);
    for (int q = 0; q < 8; q++) memset(pie.q[q], 0x11 * q, 16);
    pie.cfg = cfg;
    p4sim_load_raw(s, CODE, c.w, (size_t)c.n * 4);
    p4sim_set_pie(s, &pie);
    p4sim_set_x(s, in.rs1, addr);
    P4SimStatus st = p4sim_run(s, 1000);
    fflush(diag);
    P4SimPie after;
    p4sim_get_pie(s, &after);
    char name[96];
    uint8_t b[4];
    memcpy(b, &c.w[1], 4);
    rv_disasm_rev(b, 4, CODE + 4, rev, 0, name, sizeof name);
    CHECK(st == P4SIM_TRAP && p4sim_get_pc(s) == CODE + 4 && p4sim_exit_code(s) == 1, "%s: status %d pc %x", name,
          st, p4sim_get_pc(s));
    CHECK(p4sim_get_x(s, in.rs1) == addr, "%s: rs1 changed", name);
    CHECK(memcmp(&after, &pie, sizeof pie) == 0, "%s: PIE state changed", name);
    CHECK(text && strstr(text, what), "%s: report lacks '%s': %s", name, what, text ? text : "");
    CHECK(text && strstr(text, name) && strstr(text, "q7"), "%s: report lacks the disassembly or q dump: %s", name,
          text ? text : "");
    p4sim_free(s);
    fclose(diag);
    free(text);
}

static void test_traps(RvRev rev)
{
    RvInsn vld = blank(RV_ESP_VLD_128_IP), vst = blank(RV_ESP_VST_128_IP);
    vld.qu = 3, vld.rs1 = A0, vld.imm = 16;
    vst.qu = 3, vst.rs1 = A0, vst.imm = -16;
    check_trap(rev, vld, DATA + 8, 0, "load address misaligned");
    check_trap(rev, vld, DATA + 8, 1, "load address misaligned"); /* CFG bit 0 is for stores */
    check_trap(rev, vst, DATA + 4, 2, "store address misaligned");
    check_trap(rev, vst, 0x10000000u, 0, "store access fault");
    check_trap(rev, vld, 0x30100000u, 0, "load access fault");     /* TCM: no 128-bit accesses */
    check_trap(rev, vld, DATA + DATA_SIZE * 4096u * 5, 0, "load access fault");
    RvInsn mac = blank(RV_ESP_VMULAS_S16_QACC_LD_IP);
    mac.qu = 2, mac.rs1 = A1, mac.imm = 16, mac.qx = 1, mac.qy = 2, mac.sat = 1;
    check_trap(rev, mac, DATA + 2, 0, "load address misaligned");
    RvInsn stq = blank(RV_ESP_ST_QACC_H_H_128_IP);
    stq.rs1 = A2, stq.imm = 32;
    check_trap(rev, stq, 0x7ffffff0u, 0, "store access fault");
    RvInsn bc = blank(RV_ESP_VLDBC_32_IP);
    bc.qu = 1, bc.rs1 = A0, bc.imm = 4;
    check_trap(rev, bc, DATA + 2, 0, "load address misaligned");

    /* CFG's unaligned bits (set with esp.movx.w.cfg) allow the access */
    Code c = {.rev = rev};
    li(&c, T0 + 3, 3); /* s0 = 3: mis_ld | mis_st */
    RvInsn wcfg = blank(RV_ESP_MOVX_W_CFG);
    wcfg.rs1 = 8;
    put(&c, &wcfg);
    li(&c, A0, (int32_t)(DATA + 5));
    vld.imm = 16;
    put(&c, &vld);
    RvInsn rq = blank(RV_ESP_MOVI_32_A);
    rq.qy = 3, rq.rd = A1, rq.sel = 0;
    put(&c, &rq);
    exit_seq(&c);
    P4Sim *s = new_sim(rev, NULL);
    uint8_t bytes[32];
    for (int i = 0; i < 32; i++) bytes[i] = (uint8_t)(i * 7);
    p4sim_write_mem(s, DATA, bytes, sizeof bytes);
    P4SimStatus st = run_code(s, &c);
    uint32_t want = bytes[5] | bytes[6] << 8 | bytes[7] << 16 | (uint32_t)bytes[8] << 24;
    CHECK(st == P4SIM_EXITED && p4sim_get_x(s, A1) == want && p4sim_get_x(s, A0) == DATA + 21,
          "unaligned vld with CFG.mis_ld: st %d a1=%x want %x", st, p4sim_get_x(s, A1), want);
    p4sim_free(s);

    /* the other revision's words are illegal */
    Code o = {.rev = rev == RV_REV_1 ? RV_REV_3 : RV_REV_1};
    vld.rs1 = A0;
    put(&o, &vld);
    char *text = NULL;
    size_t len = 0;
    FILE *diag = open_memstream(&text, &len);
    s = new_sim(rev, diag);
    st = run_code(s, &o);
    fflush(diag);
    CHECK(st == P4SIM_TRAP && text && strstr(text, "illegal instruction"), "other revision's word: %s",
          text ? text : "");
    p4sim_free(s);
    fclose(diag);
    free(text);
}

int main(int argc, char **argv)
{
    uint16_t one = 1;
    if (*(uint8_t *)&one != 1) { fprintf(stderr, "the model assumes a little-endian host\n"); return 2; }
    devnull = fopen("/dev/null", "w");
    if (argc >= 3 && !strcmp(argv[1], "ops")) {
        RvRev rev = atoi(argv[2]) == 1 ? RV_REV_1 : RV_REV_3;
        rng ^= (uint64_t)rev * 0x1234567;
        test_ops(rev, argc >= 4 ? atoi(argv[3]) : 400);
    } else if (argc >= 2 && !strcmp(argv[1], "hwloop")) {
        for (int r = 1; r <= 3; r += 2) {
            test_counts((RvRev)r);
            test_nested((RvRev)r);
            test_branches((RvRev)r);
            test_pie_loop((RvRev)r);
        }
    } else if (argc >= 2 && !strcmp(argv[1], "traps")) {
        test_traps(RV_REV_1);
        test_traps(RV_REV_3);
    } else {
        fprintf(stderr, "usage: p4sim_pie_test ops 1|3 [trials] | hwloop | traps\n");
        return 2;
    }
    printf("%s\n", failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}
